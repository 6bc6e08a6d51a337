//! The audit record and its validation rules.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};
use crate::reference;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AuditStatus {
    Planned,
    InProgress,
    Completed,
    Cancelled,
}

crate::text_enum!(AuditStatus {
    Planned => "planned",
    InProgress => "in_progress",
    Completed => "completed",
    Cancelled => "cancelled",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Audit {
    #[serde(default)]
    pub id: i64,
    /// IA-001, IA-002… assigned by the vault.
    #[serde(default)]
    pub reference: String,
    pub title: String,
    /// The month it is planned for, "YYYY-MM".
    pub planned_month: String,
    /// Clauses of 4 to 10 in scope ("6.1" covers its subclauses).
    #[serde(default)]
    pub scope_clauses: Vec<String>,
    /// Annex A controls in scope.
    #[serde(default)]
    pub scope_controls: Vec<String>,
    /// The auditor, when a person of the vault.
    #[serde(default)]
    pub auditor_id: Option<i64>,
    /// The auditor's name and organisation, when external.
    #[serde(default)]
    pub external_auditor: String,
    pub status: AuditStatus,
    #[serde(default)]
    pub started_on: Option<NaiveDate>,
    #[serde(default)]
    pub completed_on: Option<NaiveDate>,
    #[serde(default)]
    pub summary: String,
}

impl Audit {
    pub fn planned(title: &str, planned_month: &str) -> Self {
        Self {
            id: 0,
            reference: String::new(),
            title: title.to_owned(),
            planned_month: planned_month.to_owned(),
            scope_clauses: Vec::new(),
            scope_controls: Vec::new(),
            auditor_id: None,
            external_auditor: String::new(),
            status: AuditStatus::Planned,
            started_on: None,
            completed_on: None,
            summary: String::new(),
        }
    }

    /// The first day of the planned month.
    pub fn planned_start(&self) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(&format!("{}-01", self.planned_month), "%Y-%m-%d").ok()
    }

    pub fn validated(mut self) -> Result<Self> {
        self.title = self.title.trim().to_owned();
        self.planned_month = self.planned_month.trim().to_owned();
        self.external_auditor = self.external_auditor.trim().to_owned();
        let mut errors = Vec::new();
        if self.title.is_empty() {
            errors.push(FieldError::new("title", "An audit needs a title."));
        }
        if self.planned_month.len() != 7 || self.planned_start().is_none() {
            errors.push(FieldError::new(
                "planned_month",
                "The month it is planned for, as YYYY-MM.",
            ));
        }
        if let Some(bad) = self
            .scope_clauses
            .iter()
            .find(|c| !reference::clauses().iter().any(|r| &r.id == *c))
        {
            errors.push(FieldError::new(
                "scope_clauses",
                format!("{bad} is not a clause of 4 to 10."),
            ));
        }
        if let Some(bad) = self
            .scope_controls
            .iter()
            .find(|c| reference::control(c).is_none())
        {
            errors.push(FieldError::new(
                "scope_controls",
                format!("{bad} is not an Annex A control."),
            ));
        }
        if self.auditor_id.is_some() && !self.external_auditor.is_empty() {
            errors.push(FieldError::new(
                "external_auditor",
                "Choose a person of the vault or name an external auditor, not both.",
            ));
        }
        if self.status == AuditStatus::Completed && self.completed_on.is_none() {
            errors.push(FieldError::new("completed_on", "When was it completed?"));
        }
        if self.status == AuditStatus::Completed
            && self.auditor_id.is_none()
            && self.external_auditor.is_empty()
        {
            errors.push(FieldError::new("auditor_id", "Who audited it?"));
        }
        self.scope_clauses.dedup();
        self.scope_controls.dedup();
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}
