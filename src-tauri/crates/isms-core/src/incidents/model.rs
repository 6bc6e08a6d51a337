//! What the incident log holds: an incident from its report to its closure and lessons learned,
//! and the checks it must pass before it is written.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};
use crate::suppliers::Criticality;

/// What kind of incident it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IncidentCategory {
    Malware,
    Phishing,
    UnauthorisedAccess,
    DataLoss,
    Availability,
    Physical,
    Supplier,
    PolicyViolation,
    Other,
}

crate::text_enum!(IncidentCategory {
    Malware => "malware",
    Phishing => "phishing",
    UnauthorisedAccess => "unauthorised_access",
    DataLoss => "data_loss",
    Availability => "availability",
    Physical => "physical",
    Supplier => "supplier",
    PolicyViolation => "policy_violation",
    Other => "other",
});

/// How severe an incident was: the same four steps as a supplier's criticality.
pub type Severity = Criticality;

/// Where an incident stands (A.5.25–5.26).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IncidentStatus {
    Reported,
    Assessed,
    Contained,
    Closed,
}

crate::text_enum!(IncidentStatus {
    Reported => "reported",
    Assessed => "assessed",
    Contained => "contained",
    Closed => "closed",
});

/// An information security incident (A.5.24–5.28).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Incident {
    #[serde(default)]
    pub id: i64,
    /// INC-001, INC-002… assigned by the vault.
    #[serde(default)]
    pub reference: String,
    pub title: String,
    pub reported_on: NaiveDate,
    #[serde(default)]
    pub reported_by: Option<i64>,
    #[serde(default = "other")]
    pub category: IncidentCategory,
    #[serde(default)]
    pub severity: Option<Severity>,
    #[serde(default)]
    pub asset_ids: Vec<i64>,
    #[serde(default)]
    pub supplier_ids: Vec<i64>,
    /// Whether personal data was involved (a possible breach to notify).
    #[serde(default)]
    pub personal_data: bool,
    /// What was done: containment, eradication, recovery, notification.
    #[serde(default)]
    pub response: String,
    #[serde(default = "reported")]
    pub status: IncidentStatus,
    #[serde(default)]
    pub closed_on: Option<NaiveDate>,
    /// What was learned, and what changes because of it (A.5.27).
    #[serde(default)]
    pub lessons: String,
    /// Whether it raises a nonconformity: then a tracker item with source "incident" and this
    /// incident's reference must follow it up.
    #[serde(default)]
    pub raises_nc: bool,
    #[serde(default)]
    pub evidence_ids: Vec<i64>,
}

fn other() -> IncidentCategory {
    IncidentCategory::Other
}

fn reported() -> IncidentStatus {
    IncidentStatus::Reported
}

impl Incident {
    pub fn reported(title: &str, reported_on: NaiveDate) -> Self {
        Self {
            id: 0,
            reference: String::new(),
            title: title.to_owned(),
            reported_on,
            reported_by: None,
            category: IncidentCategory::Other,
            severity: None,
            asset_ids: Vec::new(),
            supplier_ids: Vec::new(),
            personal_data: false,
            response: String::new(),
            status: IncidentStatus::Reported,
            closed_on: None,
            lessons: String::new(),
            raises_nc: false,
            evidence_ids: Vec::new(),
        }
    }

    /// Closed as of `day`: closed, on or before that day.
    pub fn is_closed(&self, day: NaiveDate) -> bool {
        self.status == IncidentStatus::Closed && self.closed_on.is_some_and(|c| c <= day)
    }

    /// Trims text, orders and de-duplicates links, and checks what any incident needs: a
    /// title, and for a closed one the day it was closed (not before it was reported).
    pub fn validated(mut self) -> Result<Self> {
        self.title = self.title.trim().to_owned();
        self.response = self.response.trim().to_owned();
        self.lessons = self.lessons.trim().to_owned();
        for ids in [
            &mut self.asset_ids,
            &mut self.supplier_ids,
            &mut self.evidence_ids,
        ] {
            ids.sort_unstable();
            ids.dedup();
        }
        let mut errors = Vec::new();
        if self.title.is_empty() {
            errors.push(FieldError::new("title", "Say what happened."));
        }
        if self.status == IncidentStatus::Closed && self.closed_on.is_none() {
            errors.push(FieldError::new("closed_on", "When was it closed?"));
        }
        if let Some(closed) = self.closed_on {
            if self.status != IncidentStatus::Closed {
                errors.push(FieldError::new(
                    "closed_on",
                    "Only a closed incident has a closing date.",
                ));
            } else if closed < self.reported_on {
                errors.push(FieldError::new(
                    "closed_on",
                    "It cannot be closed before it was reported.",
                ));
            }
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}
