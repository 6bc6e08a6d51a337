//! Reading and writing `measures` and their append-only `measure_results`, with history.
//! References (M-001…) are unique and proposed by the vault; the people and objectives a
//! measure names must exist; a measure with results is never deleted.

use chrono::NaiveDate;
use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row};

use super::model::{Measure, MeasureResult, MeasureWithResults, NewResult};
use super::periods;
use crate::db::record::{self, Record};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, ErrorCode, FieldError, Result};
use crate::tracker::{self, ItemSource, TrackerItem};

impl Record for Measure {
    const TABLE: &'static str = "measures";
    const COLUMNS: &'static [&'static str] = &[
        "reference",
        "title",
        "monitored",
        "method",
        "frequency",
        "measured_by",
        "evaluated_by",
        "source",
        "unit",
        "target",
        "direction",
        "defined_on",
        "objective_ids",
    ];
    const ORDER: &'static str = "reference COLLATE NOCASE, id";
    const NOUN: &'static str = "measure";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        let objectives = serde_json::to_string(&self.objective_ids).unwrap_or_else(|_| "[]".into());
        crate::sql_values![
            &self.reference,
            &self.title,
            &self.monitored,
            &self.method,
            &self.frequency,
            &self.measured_by,
            &self.evaluated_by,
            &self.source,
            &self.unit,
            &self.target,
            &self.direction,
            &self.defined_on,
            objectives,
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let objectives: String = row.get(13)?;
        Ok(Measure {
            id: row.get(0)?,
            reference: row.get(1)?,
            title: row.get(2)?,
            monitored: row.get(3)?,
            method: row.get(4)?,
            frequency: row.get(5)?,
            measured_by: row.get(6)?,
            evaluated_by: row.get(7)?,
            source: row.get(8)?,
            unit: row.get(9)?,
            target: row.get(10)?,
            direction: row.get(11)?,
            defined_on: row.get(12)?,
            objective_ids: serde_json::from_str(&objectives).unwrap_or_default(),
        })
    }
}

impl Record for MeasureResult {
    const TABLE: &'static str = "measure_results";
    const COLUMNS: &'static [&'static str] = &[
        "measure_id",
        "measured_on",
        "value",
        "target_met",
        "evaluation",
        "follow_up",
        "tracker_item_id",
        "evidence_id",
    ];
    const ORDER: &'static str = "measure_id, measured_on, id";
    const NOUN: &'static str = "result";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![
            &self.measure_id,
            &self.measured_on,
            &self.value,
            &self.target_met,
            &self.evaluation,
            &self.follow_up,
            &self.tracker_item_id,
            &self.evidence_id,
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(MeasureResult {
            id: row.get(0)?,
            measure_id: row.get(1)?,
            measured_on: row.get(2)?,
            value: row.get(3)?,
            target_met: row.get(4)?,
            evaluation: row.get(5)?,
            follow_up: row.get(6)?,
            tracker_item_id: row.get(7)?,
            evidence_id: row.get(8)?,
        })
    }
}

/// Every measure, by reference.
pub fn list(conn: &Connection) -> Result<Vec<Measure>> {
    record::list(conn)
}

pub fn get(conn: &Connection, id: i64) -> Result<Measure> {
    record::get(conn, id)
}

/// The results of one measure, or of all with `None`; by measure, then oldest first.
pub fn results(conn: &Connection, measure_id: Option<i64>) -> Result<Vec<MeasureResult>> {
    // One measure's through the index (`?1 IS NULL OR measure_id = ?1` would scan them all).
    let only = if measure_id.is_some() {
        "measure_id = ?1"
    } else {
        "?1 IS NULL"
    };
    record::list_where(conn, only, [measure_id])
}

/// Every measure with its results and, on `day`, the periods that are overdue or still open
/// (counted from the later of the Stage 1 date and the day the measure was defined).
pub fn list_with_results(conn: &Connection, day: NaiveDate) -> Result<Vec<MeasureWithResults>> {
    let stage1 = crate::organisation::get(conn)?.stage1_date;
    let mut all = results(conn, None)?;
    let mut out = Vec::new();
    for measure in list(conn)? {
        let (mine, rest): (Vec<_>, Vec<_>) =
            all.into_iter().partition(|r| r.measure_id == measure.id);
        all = rest;
        let start = periods::start_day(stage1, measure.defined_on);
        let overdue = start
            .map(|s| periods::missing(measure.frequency, &mine, s, day))
            .unwrap_or_default();
        let current = periods::current_open(measure.frequency, &mine, start, day);
        out.push(MeasureWithResults {
            measure,
            results: mine,
            overdue,
            current,
        });
    }
    Ok(out)
}

/// Defines a measure; the vault proposes its reference (M-001…) when none is given.
/// Errors: `Validation` (title, target, a reference another measure has, people or objectives
/// that do not exist).
pub fn create(vault: &mut Vault, stamp: Stamp, measure: Measure) -> Result<Measure> {
    vault.write(stamp, |tx| create_in(tx, measure))
}

/// [`create`] inside a write the caller holds (a spreadsheet import adds many in one).
pub fn create_in(tx: &mut WriteTx<'_>, measure: Measure) -> Result<Measure> {
    insert(tx, measure, Action::Create)
}

pub(crate) fn insert(tx: &mut WriteTx<'_>, measure: Measure, action: Action) -> Result<Measure> {
    let mut measure = measure.validated()?;
    check(tx.reader(), &measure, None)?;
    if measure.reference.is_empty() {
        measure.reference = record::next_reference(tx.reader(), "measures", "M-")?;
    }
    record::insert(tx, measure, action)
}

/// Saves a measure. Its recorded results keep the verdict they were given. Errors as for
/// [`create`], and `NotFound`.
pub fn update(vault: &mut Vault, stamp: Stamp, measure: Measure) -> Result<Measure> {
    vault.write(stamp, |tx| update_in(tx, measure))
}

/// [`update`] inside a write the caller holds.
pub fn update_in(tx: &mut WriteTx<'_>, measure: Measure) -> Result<Measure> {
    let mut measure = measure.validated()?;
    let before = get(tx.reader(), measure.id)?;
    if measure.reference.is_empty() {
        measure.reference = before.reference;
    }
    check(tx.reader(), &measure, Some(measure.id))?;
    record::replace(tx, measure)
}

/// Deletes a measure that has no result; one with results is evidence of monitoring and stays
/// (`Referenced`).
pub fn delete(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| {
        let measure = get(tx.reader(), id)?;
        let n = results(tx.reader(), Some(id))?.len();
        if n > 0 {
            return Err(CoreError::new(
                ErrorCode::Referenced,
                format!(
                    "{} has {n} recorded result{}; results are kept as evidence of monitoring, so the measure stays.",
                    measure.reference,
                    if n == 1 { "" } else { "s" }
                ),
            ));
        }
        record::remove::<Measure>(tx, id)
    })
}

fn check(conn: &Connection, m: &Measure, except: Option<i64>) -> Result<()> {
    let mut errors = Vec::new();
    if !m.reference.is_empty() {
        let holder: Option<String> = conn
            .query_row(
                "SELECT title FROM measures WHERE reference = ?1 COLLATE NOCASE AND id IS NOT ?2",
                rusqlite::params![m.reference, except],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(title) = holder {
            errors.push(FieldError::new(
                "reference",
                format!("{} is already the reference of “{title}”.", m.reference),
            ));
        }
    }
    for (field, person) in [
        ("measured_by", m.measured_by),
        ("evaluated_by", m.evaluated_by),
    ] {
        if let Err(e) = crate::people::require_person(conn, field, person) {
            errors.extend(e.fields);
        }
    }
    for id in &m.objective_ids {
        if crate::objectives::get(conn, *id).is_err() {
            errors.push(FieldError::new(
                "objective_ids",
                format!("No objective with id {id}."),
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CoreError::validation(errors))
    }
}

/// Records a result of a measure: whether it met the target is computed and kept; a missed
/// target raises the tracker item asked for, in the same write, or keeps the note why none is
/// needed. Errors: `NotFound` (measure), `Validation` (value, evaluation, follow-up, evidence).
pub fn record_result(
    vault: &mut Vault,
    stamp: Stamp,
    measure_id: i64,
    result: NewResult,
) -> Result<MeasureResult> {
    vault.write(stamp, |tx| record_result_in(tx, measure_id, result))
}

/// [`record_result`] inside a write the caller holds.
pub fn record_result_in(
    tx: &mut WriteTx<'_>,
    measure_id: i64,
    mut result: NewResult,
) -> Result<MeasureResult> {
    let measure = get(tx.reader(), measure_id)?;
    let target_met = result.check(&measure)?;
    if let Some(id) = result.evidence_id {
        crate::evidence::get(tx.reader(), id).map_err(|_| {
            CoreError::validation(vec![FieldError::new(
                "evidence_id",
                format!("No evidence with id {id}."),
            )])
        })?;
    }
    let tracker_item_id = match &result.raise {
        None => None,
        Some(raise) => {
            let shown = super::model::with_unit(result.value, &measure.unit);
            let mut item = TrackerItem::new(
                raise.kind,
                &format!("{}: target missed", measure.title),
                ItemSource::Other,
                result.measured_on,
            );
            item.source_ref = measure.reference.clone();
            item.clauses = vec!["9.1".into()];
            item.owner_id = raise.owner_id;
            item.due_on = raise.due_on;
            item.description = format!(
                "{} measured {shown} on {} against a target of {}. {}",
                measure.reference,
                result.measured_on,
                measure.target_text(),
                raise.description.trim()
            )
            .trim_end()
            .to_owned();
            Some(tracker::insert(tx, item, Action::Create)?.id)
        }
    };
    let row = MeasureResult {
        id: 0,
        measure_id,
        measured_on: result.measured_on,
        value: result.value,
        target_met,
        evaluation: result.evaluation,
        follow_up: result.follow_up,
        tracker_item_id,
        evidence_id: result.evidence_id,
    };
    insert_result(tx, row, Action::Create)
}

/// Inserts a result row as it is (a snapshot import keeps its id and verdict).
pub(crate) fn insert_result(
    tx: &mut WriteTx<'_>,
    result: MeasureResult,
    action: Action,
) -> Result<MeasureResult> {
    record::insert(tx, result, action)
}
