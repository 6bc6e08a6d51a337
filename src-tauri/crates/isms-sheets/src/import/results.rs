//! The Results sheet of a measures workbook (measure by reference, measured on, value,
//! evaluation, follow-up), which `export-sheet measures` writes beside the measures so that
//! every result travels. Read when the workbook has it: results are only ever appended, and
//! one on a day the measure already has a result for is skipped (the vault's or an earlier
//! row's). Each is checked as the core will check it: a value, an evaluation, and for a missed
//! target the follow-up saying why no tracker item is needed (an import raises none; the
//! "Tracker item" column is not read). A result of a measure not on the Measures sheet, or two
//! on one day, is a problem on its cell.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use isms_core::FieldError;
use isms_core::measures::{Measure, MeasureResult, NewResult};

use super::side::{Table, find, not_on_data_sheet};
use crate::read::fields::sides::RESULTS;
use crate::read::{Workbook, clean};

/// A result the sheet lists, with its row's cells for a problem the measure shows.
struct Listed {
    value_at: String,
    follow_up_at: String,
    result: NewResult,
}

#[derive(Default)]
pub(crate) struct SheetResults {
    /// Lower-case measure reference → its results, in the sheet's order.
    by_measure: HashMap<String, Vec<Listed>>,
    /// Lower-case reference → the first cell naming it and the reference as written.
    first: HashMap<String, (String, String)>,
    used: HashSet<String>,
    errors: Vec<FieldError>,
}

impl SheetResults {
    pub fn read(sheets: &[Workbook]) -> Self {
        let mut out = SheetResults::default();
        let Some(sheet) = find(sheets, &RESULTS) else {
            return out;
        };
        let mut t = Table::new(sheet, &RESULTS);
        for i in t.rows() {
            let reference = t.required(i, "measure", "The measure's reference");
            let day = t.date(i, "measured_on");
            if day == Some(None) {
                t.error(i, "measured_on", "The day it was measured is needed here.");
            }
            let value = t.read(i, "value", |c| clean::number(c, "a number"));
            if value == Some(None) {
                t.error(i, "value", "A result needs its value.");
            }
            let evaluation = t.text(i, "evaluation");
            if evaluation.is_empty() {
                t.error(
                    i,
                    "evaluation",
                    "Every result is evaluated: say what it means (9.1 f).",
                );
            }
            let (Some(reference), Some(Some(on)), Some(Some(value)), false) =
                (reference, day, value, evaluation.is_empty())
            else {
                continue;
            };
            let key = reference.to_lowercase();
            out.first
                .entry(key.clone())
                .or_insert_with(|| (t.at(i, "measure"), reference.clone()));
            let list = out.by_measure.entry(key).or_default();
            if list.iter().any(|l| l.result.measured_on == on) {
                t.error(
                    i,
                    "measured_on",
                    &format!("{reference} has another result on {on} above; one result a day."),
                );
                continue;
            }
            list.push(Listed {
                value_at: t.at(i, "value"),
                follow_up_at: t.at(i, "follow_up"),
                result: NewResult {
                    follow_up: t.text(i, "follow_up"),
                    ..NewResult::new(on, value, &evaluation)
                },
            });
        }
        out.errors = t.errors;
        out
    }

    /// Whether the sheet lists a result of the measure `reference` on `day`.
    pub fn lists(&self, reference: &str, day: NaiveDate) -> bool {
        self.by_measure
            .get(&reference.to_lowercase())
            .is_some_and(|l| l.iter().any(|l| l.result.measured_on == day))
    }

    /// The results the sheet lists for `m` on days it has none (`recorded`: its results in
    /// the vault), oldest first; said once, for the first row of the measure.
    pub fn new_for(&mut self, m: &Measure, recorded: &[MeasureResult]) -> Vec<NewResult> {
        let key = m.reference.to_lowercase();
        if m.reference.is_empty() || !self.used.insert(key.clone()) {
            return Vec::new();
        }
        let Some(listed) = self.by_measure.get(&key) else {
            return Vec::new();
        };
        let mut new = Vec::new();
        for l in listed {
            let on = l.result.measured_on;
            if recorded
                .iter()
                .any(|r| r.measure_id == m.id && m.id != 0 && r.measured_on == on)
            {
                continue;
            }
            if !m.meets_target(l.result.value) && l.result.follow_up.trim().is_empty() {
                self.errors.push(FieldError::new(
                    &l.follow_up_at,
                    format!(
                        "{}: the target ({}) is missed on {on}: say why no tracker item is \
                         needed (an import raises none).",
                        l.follow_up_at,
                        m.target_text()
                    ),
                ));
                continue;
            }
            if !l.result.value.is_finite() {
                self.errors.push(FieldError::new(
                    &l.value_at,
                    format!("{}: the value must be a number.", l.value_at),
                ));
                continue;
            }
            new.push(l.result.clone());
        }
        new.sort_by_key(|r| r.measured_on);
        new
    }

    /// The sheet's problems, and each measure it names that no row of the Measures sheet does.
    pub fn finish(&mut self) -> Vec<FieldError> {
        let mut errors = std::mem::take(&mut self.errors);
        errors.extend(not_on_data_sheet(&self.first, &self.used, |name| {
            format!("“{name}” is not on the Measures sheet; list the measure there.")
        }));
        errors
    }
}
