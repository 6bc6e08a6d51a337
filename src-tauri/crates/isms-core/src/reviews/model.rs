//! The management review record and its validation.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Row;
use rusqlite::types::ToSql;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::record::Record;
use crate::error::{CoreError, FieldError, Result};
use crate::reference;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Review {
    #[serde(default)]
    pub id: i64,
    /// MR-001, MR-002… assigned by the vault.
    #[serde(default)]
    pub reference: String,
    pub held_on: NaiveDate,
    /// Attendees who are people of the vault.
    #[serde(default)]
    pub attendee_ids: Vec<i64>,
    /// Anyone else present, by name.
    #[serde(default)]
    pub other_attendees: String,
    /// One note per input of 9.3.2, keyed by the input's id ("9.3.2 a)").
    #[serde(default)]
    pub inputs: BTreeMap<String, String>,
    /// Decisions on opportunities for continual improvement.
    #[serde(default)]
    pub improvement: String,
    /// Decisions on any need for changes to the ISMS.
    #[serde(default)]
    pub changes_needed: String,
}

impl Review {
    pub fn held(on: NaiveDate) -> Self {
        Self {
            id: 0,
            reference: String::new(),
            held_on: on,
            attendee_ids: Vec::new(),
            other_attendees: String::new(),
            inputs: BTreeMap::new(),
            improvement: String::new(),
            changes_needed: String::new(),
        }
    }

    /// The inputs of 9.3.2 that have no note yet, in the standard's order.
    pub fn missing_inputs(&self) -> Vec<&'static str> {
        reference::review_inputs()
            .iter()
            .filter(|i| self.inputs.get(&i.id).is_none_or(|n| n.trim().is_empty()))
            .map(|i| i.id.as_str())
            .collect()
    }

    pub fn validated(mut self) -> Result<Self> {
        self.inputs = self
            .inputs
            .into_iter()
            .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
            .collect();
        let mut errors = Vec::new();
        if let Some(bad) = self
            .inputs
            .keys()
            .find(|k| !reference::review_inputs().iter().any(|i| &i.id == *k))
        {
            errors.push(FieldError::new(
                "inputs",
                format!("{bad} is not an input of clause 9.3.2."),
            ));
        }
        self.attendee_ids.sort_unstable();
        self.attendee_ids.dedup();
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}

impl Record for Review {
    const TABLE: &'static str = "reviews";
    const COLUMNS: &'static [&'static str] = &[
        "reference",
        "held_on",
        "attendee_ids",
        "other_attendees",
        "inputs",
        "improvement",
        "changes_needed",
    ];
    const ORDER: &'static str = "held_on, id";
    const NOUN: &'static str = "management review";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![
            &self.reference,
            &self.held_on,
            serde_json::to_string(&self.attendee_ids).unwrap_or_else(|_| "[]".into()),
            &self.other_attendees,
            serde_json::to_string(&self.inputs).unwrap_or_else(|_| "{}".into()),
            &self.improvement,
            &self.changes_needed,
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let attendees: String = row.get(3)?;
        let inputs: String = row.get(5)?;
        Ok(Review {
            id: row.get(0)?,
            reference: row.get(1)?,
            held_on: row.get(2)?,
            attendee_ids: serde_json::from_str(&attendees).unwrap_or_default(),
            other_attendees: row.get(4)?,
            inputs: serde_json::from_str(&inputs).unwrap_or_default(),
            improvement: row.get(6)?,
            changes_needed: row.get(7)?,
        })
    }
}
