//! `isms measure record`: a result of a measure, its value computed by the vault on the day
//! or given on the command line, with the evaluation and the follow-up of a missed target.

use chrono::NaiveDate;
use isms_core::measures::{self, NewResult, RaiseItem};
use isms_core::readiness::View;
use isms_core::tracker::ItemKind;
use isms_core::{CoreError, ErrorCode, FieldError, Result, Stamp, Vault};

/// What the command line says about the result.
pub struct Entry {
    pub on: NaiveDate,
    pub value: Option<f64>,
    pub note: String,
    pub follow_up: String,
    pub raise: Option<ItemKind>,
}

/// Records the result of the measure with `reference`; returns the line to print.
/// Errors: `NotFound` (no such measure), `Validation` (no value for a manual measure, nothing
/// to compute, no evaluation, a missed target without follow-up).
pub fn record(vault: &mut Vault, stamp: Stamp, reference: &str, entry: Entry) -> Result<String> {
    let measure = measures::list(vault.reader())?
        .into_iter()
        .find(|m| m.reference.eq_ignore_ascii_case(reference.trim()))
        .ok_or_else(|| CoreError::new(ErrorCode::NotFound, format!("No measure {reference}.")))?;
    let value = match entry.value {
        Some(v) => v,
        None if !measure.source.is_computed() => {
            return Err(CoreError::validation(vec![FieldError::new(
                "value",
                format!(
                    "{} is measured by hand: give its --value.",
                    measure.reference
                ),
            )]));
        }
        None => {
            // The vault as of the result's day.
            let view = View::load(vault.reader(), entry.on)?;
            measures::propose(&view, &measure).ok_or_else(|| {
                CoreError::validation(vec![FieldError::new(
                    "value",
                    format!(
                        "{} has nothing to count on {}: give its --value.",
                        measure.reference, entry.on
                    ),
                )])
            })?
        }
    };
    let result = NewResult {
        follow_up: entry.follow_up,
        raise: entry.raise.map(|kind| RaiseItem {
            kind,
            owner_id: measure.evaluated_by,
            due_on: None,
            description: String::new(),
        }),
        ..NewResult::new(entry.on, value, &entry.note)
    };
    let saved = measures::record_result(vault, stamp, measure.id, result)?;
    let verdict = match (measure.target.is_some(), saved.target_met) {
        (false, _) => String::new(),
        (true, true) => format!(" (target {}: met)", measure.target_text()),
        (true, false) => format!(" (target {}: missed)", measure.target_text()),
    };
    let raised = match saved.tracker_item_id {
        Some(id) => format!(
            "; raised {}",
            isms_core::tracker::get(vault.reader(), id)?.reference
        ),
        None => String::new(),
    };
    Ok(format!(
        "{} {}: {} on {}{verdict}{raised}",
        measure.reference,
        measure.title,
        measures::with_unit(saved.value, &measure.unit),
        saved.measured_on
    ))
}
