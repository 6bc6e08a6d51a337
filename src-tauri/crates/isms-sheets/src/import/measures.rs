//! Measure rows (9.1): matched by reference (or, without one, by a title only one measure has).
//! A row may also carry a result (measured on, value, evaluation, follow-up): results are only
//! ever appended, and one identical to a recorded result leaves it as it is. Several rows of one
//! measure bring its results in turn. An import raises no tracker item, so a result that misses
//! its target needs the follow-up note saying why none is needed.

use std::collections::HashMap;

use isms_core::measures::{self, Direction, Frequency, Measure, MeasureResult, NewResult, Source};
use isms_core::{FieldError, Result, Vault, Vocabulary};

use super::check::Check;
use super::owners::Owners;
use super::results::SheetResults;
use super::{Op, Outcome, Planned, Planner};
use crate::read::{Cell, Workbook, clean, dates};

fn number(cell: &Cell) -> std::result::Result<Option<f64>, String> {
    clean::number(cell, "a number")
}

pub(crate) struct Measures {
    existing: Vec<Measure>,
    results: Vec<MeasureResult>,
    owners: Owners,
    /// Measures planned by earlier rows, by reference or title (lower case).
    planned: HashMap<String, Measure>,
    /// Results planned by earlier rows: (measure key, day, value bits, evaluation, follow-up).
    new_results: Vec<(String, NewResult)>,
    /// The workbook's Results sheet, if it has one.
    sheet: SheetResults,
}

impl Measures {
    /// `sheets`: the sheets beside the Measures sheet (its Results).
    pub fn new(vault: &Vault, sheets: &[Workbook]) -> Result<Self> {
        Ok(Measures {
            existing: measures::list(vault.reader())?,
            results: measures::results(vault.reader(), None)?,
            owners: Owners::new(isms_core::people::list(vault.reader())?),
            planned: HashMap::new(),
            new_results: Vec::new(),
            sheet: SheetResults::read(sheets),
        })
    }
}

fn key(reference: &str, title: &str) -> String {
    if reference.is_empty() {
        format!("title:{}", title.to_lowercase())
    } else {
        format!("ref:{}", reference.to_lowercase())
    }
}

impl Planner for Measures {
    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        // A blank title is reported; the other cells are still checked.
        let title = c.required("title", "A title").unwrap_or_default();
        let reference = c.text("reference");
        let found = if reference.is_empty() {
            let same: Vec<&Measure> = self
                .existing
                .iter()
                .filter(|m| m.title.trim().eq_ignore_ascii_case(&title))
                .collect();
            (same.len() == 1).then(|| same[0])
        } else {
            self.existing
                .iter()
                .find(|m| m.reference.eq_ignore_ascii_case(&reference))
        };
        let k = found.map_or_else(|| key(&reference, &title), |m| key(&m.reference, ""));
        let before = self.planned.get(&k).cloned().or_else(|| found.cloned());
        let mut m = before
            .clone()
            .unwrap_or_else(|| Measure::new(&title, Frequency::Monthly, Source::Manual));
        m.title = title;
        if !reference.is_empty() {
            m.reference = reference;
        }
        c.set_text("monitored", &mut m.monitored);
        c.set_text("method", &mut m.method);
        c.set_text("unit", &mut m.unit);
        if let Some(Some(f)) = c.read("frequency", |cell| {
            clean::word::<Frequency>(cell, "a frequency")
        }) {
            m.frequency = f;
        }
        if c.mapped("source") {
            let text = c.text("source");
            let source = if text.is_empty() {
                Some(Source::Manual)
            } else {
                Source::from_word(&text)
            };
            match source {
                Some(s) => m.source = s,
                None => c.error("source", &format!("“{text}” is not a source: manual, awareness_training, acknowledgements, open_ncs, overdue_items, red_risks_treated, soa_implemented or audit_adherence.")),
            }
        }
        if let Some(Some(d)) = c.read("direction", |cell| {
            clean::word::<Direction>(cell, "a direction")
        }) {
            m.direction = d;
        }
        if c.mapped("target")
            && let Some(t) = c.read("target", number)
        {
            m.target = t;
        }
        if c.mapped("defined_on")
            && let Some(d) = c.read("defined_on", dates::date)
        {
            m.defined_on = d;
        }
        if let Some(p) =
            self.owners
                .read(c, "measured_by", Some("measured_by_email"), m.measured_by)
        {
            m.measured_by = p;
        }
        if let Some(p) = self.owners.read(
            c,
            "evaluated_by",
            Some("evaluated_by_email"),
            m.evaluated_by,
        ) {
            m.evaluated_by = p;
        }
        let mut results: Vec<NewResult> = self
            .result(c, &m, &k)
            .filter(|r| !self.sheet.lists(&m.reference, r.measured_on))
            .into_iter()
            .collect();
        results.extend(self.sheet.new_for(&m, &self.results));
        if c.reported("title") {
            return None;
        }
        let m = match m.validated() {
            Ok(m) => m,
            Err(err) => {
                c.core(err, |f| f);
                return None;
            }
        };
        if c.failed() {
            return None;
        }
        let changed = before.as_ref() != Some(&m);
        let outcome = match (&before, changed, results.is_empty()) {
            (None, _, _) => Outcome::Create,
            (Some(_), true, _) | (Some(_), false, false) => Outcome::Update,
            (Some(_), false, true) => Outcome::Unchanged,
        };
        let days: Vec<String> = results.iter().map(|r| r.measured_on.to_string()).collect();
        let what = match days.len() {
            0 => format!("{} “{}”", m.reference, m.title).trim().to_owned(),
            1 => format!(
                "{} “{}” with its result of {}",
                m.reference, m.title, days[0]
            ),
            _ => format!(
                "{} “{}” with its results of {}",
                m.reference,
                m.title,
                days.join(", ")
            ),
        };
        self.planned.insert(k.clone(), m.clone());
        for r in &results {
            self.new_results.push((k.clone(), r.clone()));
        }
        Some(Planned {
            outcome,
            op: Op::Measure(Box::new(m), results),
            what,
        })
    }

    fn finish(&mut self) -> Vec<FieldError> {
        self.sheet.finish()
    }
}

impl Measures {
    /// The row's result, when it has a day; `None` too when an identical one is recorded.
    fn result(&self, c: &mut Check<'_>, m: &Measure, k: &str) -> Option<NewResult> {
        if !c.mapped("measured_on") {
            return None;
        }
        let on = c.read("measured_on", dates::date).flatten();
        let value = c.read("value", number).flatten();
        let on = on?;
        let Some(value) = value else {
            if !c.reported("value") {
                c.error("value", "A result needs its value.");
            }
            return None;
        };
        let evaluation = c.text("evaluation");
        if evaluation.is_empty() {
            c.error(
                "evaluation",
                "Every result is evaluated: say what it means (9.1 f).",
            );
        }
        let follow_up = c.text("follow_up");
        if !m.meets_target(value) && follow_up.is_empty() {
            c.error(
                "follow_up",
                &format!(
                    "The target ({}) is missed: say why no tracker item is needed (an import raises none).",
                    m.target_text()
                ),
            );
        }
        let same = |d: chrono::NaiveDate, v: f64, e: &str, f: &str| {
            d == on && v.to_bits() == value.to_bits() && e == evaluation && f == follow_up
        };
        let recorded = self.results.iter().any(|r| {
            r.measure_id == m.id
                && m.id != 0
                && same(r.measured_on, r.value, &r.evaluation, &r.follow_up)
        }) || self
            .new_results
            .iter()
            .any(|(key, r)| key == k && same(r.measured_on, r.value, &r.evaluation, &r.follow_up));
        if recorded {
            return None;
        }
        Some(NewResult {
            follow_up: follow_up.clone(),
            ..NewResult::new(on, value, &evaluation)
        })
    }
}

/// Writes a planned measure (created, or saved when an earlier row or the vault has it) and
/// appends its results.
pub(crate) fn apply(
    tx: &mut isms_core::db::WriteTx<'_>,
    measure: Measure,
    results: Vec<NewResult>,
) -> Result<()> {
    let known = measures::list(tx.reader())?.into_iter().find(|m| {
        (measure.id != 0 && m.id == measure.id)
            || (!measure.reference.is_empty()
                && m.reference.eq_ignore_ascii_case(&measure.reference))
            || (measure.reference.is_empty() && m.title.eq_ignore_ascii_case(&measure.title))
    });
    let saved = match known {
        Some(old) => measures::update_in(
            tx,
            Measure {
                id: old.id,
                reference: old.reference,
                ..measure
            },
        )?,
        None => measures::create_in(tx, measure)?,
    };
    for r in results {
        measures::record_result_in(tx, saved.id, r)?;
    }
    Ok(())
}
