//! The objective record and its validation rules.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ObjectiveStatus {
    Planned,
    InProgress,
    Achieved,
    Missed,
    Cancelled,
}

crate::text_enum!(ObjectiveStatus {
    Planned => "planned",
    InProgress => "in_progress",
    Achieved => "achieved",
    Missed => "missed",
    Cancelled => "cancelled",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ProgressNote {
    pub date: NaiveDate,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Objective {
    /// Assigned by the vault; ignored when creating.
    #[serde(default)]
    pub id: i64,
    pub title: String,
    /// How achievement is measured, or the target ("Phishing click rate below 5 % by Q3").
    #[serde(default)]
    pub measure: String,
    #[serde(default)]
    pub owner_id: Option<i64>,
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
    pub status: ObjectiveStatus,
    /// Dated notes, oldest first.
    #[serde(default)]
    pub progress_notes: Vec<ProgressNote>,
}

impl Objective {
    pub fn titled(title: &str) -> Self {
        Self {
            id: 0,
            title: title.to_owned(),
            measure: String::new(),
            owner_id: None,
            due_date: None,
            status: ObjectiveStatus::Planned,
            progress_notes: Vec::new(),
        }
    }

    pub fn validated(mut self) -> Result<Self> {
        self.title = self.title.trim().to_owned();
        self.measure = self.measure.trim().to_owned();
        let mut errors = Vec::new();
        if self.title.is_empty() {
            errors.push(FieldError::new("title", "An objective needs a title."));
        }
        for (i, note) in self.progress_notes.iter_mut().enumerate() {
            note.note = note.note.trim().to_owned();
            if note.note.is_empty() {
                errors.push(FieldError::new(
                    &format!("progress_notes.{i}.note"),
                    "Write what happened.",
                ));
            }
        }
        self.progress_notes.sort_by_key(|n| n.date);
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}
