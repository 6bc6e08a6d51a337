//! Monitoring and measurement (9.1): one sheet of measures by reference (what, method,
//! frequency, who measures and evaluates by name and e-mail, source, target), one of their
//! results oldest first (each with its verdict, evaluation and follow-up, the tracker item it
//! raised by reference). Results recorded after the day are left out.

use chrono::NaiveDate;
use isms_core::measures::{self, Measure};
use isms_core::{Result, Vault, Vocabulary};

use super::sheet::{People, Sheet, Value, by_reference};

pub const MEASURES: &str = "Measures";
pub const RESULTS: &str = "Results";

pub(super) fn sheets(vault: &Vault, people: &People, as_of: NaiveDate) -> Result<Vec<Sheet>> {
    let conn = vault.reader();
    let mut list = measures::list(conn)?;
    list.sort_by(|a, b| by_reference(&a.reference, &b.reference).then(a.id.cmp(&b.id)));
    let objectives = isms_core::objectives::list(conn)?;
    let items = isms_core::tracker::list(conn)?;
    let mut sheet = Sheet::new(
        MEASURES,
        &[
            "Reference",
            "Title",
            "What is monitored",
            "Method",
            "Frequency",
            "Measured by",
            "Measured by e-mail",
            "Evaluated by",
            "Evaluated by e-mail",
            "Source",
            "Unit",
            "Direction",
            "Target",
            "Defined on",
            "Objectives",
        ],
    );
    for m in &list {
        let goals: Vec<&str> = objectives
            .iter()
            .filter(|o| m.objective_ids.contains(&o.id))
            .map(|o| o.title.as_str())
            .collect();
        sheet.push(vec![
            Value::text(&m.reference),
            Value::text(&m.title),
            Value::text(&m.monitored),
            Value::text(&m.method),
            Value::text(m.frequency.label()),
            people.name(m.measured_by),
            people.email(m.measured_by),
            people.name(m.evaluated_by),
            people.email(m.evaluated_by),
            Value::text(m.source.label()),
            Value::text(&m.unit),
            Value::text(m.direction.label()),
            m.target.map_or(Value::Empty, Value::Number),
            Value::date(m.defined_on),
            Value::list(&goals),
        ]);
    }
    let mut results = Sheet::new(
        RESULTS,
        &[
            "Measure",
            "Title",
            "Measured on",
            "Value",
            "Target met",
            "Evaluation",
            "Follow-up",
            "Tracker item",
        ],
    );
    let by_id = |id: i64| -> Option<&Measure> { list.iter().find(|m| m.id == id) };
    let mut all = measures::results(conn, None)?;
    all.retain(|r| r.measured_on <= as_of);
    all.sort_by(|a, b| {
        let reference = |id| by_id(id).map_or("", |m| m.reference.as_str());
        by_reference(reference(a.measure_id), reference(b.measure_id))
            .then(a.measured_on.cmp(&b.measured_on))
            .then(a.id.cmp(&b.id))
    });
    for r in &all {
        let m = by_id(r.measure_id);
        let item = r
            .tracker_item_id
            .and_then(|id| items.iter().find(|i| i.id == id));
        results.push(vec![
            m.map_or(Value::Empty, |m| Value::text(&m.reference)),
            m.map_or(Value::Empty, |m| Value::text(&m.title)),
            Value::Date(r.measured_on),
            Value::Number(r.value),
            Value::text(if r.target_met { "Yes" } else { "No" }),
            Value::text(&r.evaluation),
            Value::text(&r.follow_up),
            item.map_or(Value::Empty, |i| Value::text(&i.reference)),
        ]);
    }
    Ok(vec![sheet, results])
}
