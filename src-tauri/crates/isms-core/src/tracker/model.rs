//! Tracker items and the rules of their status workflow.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};
use crate::reference;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ItemKind {
    MajorNc,
    MinorNc,
    Ofi,
    Observation,
    Action,
}

crate::text_enum!(ItemKind {
    MajorNc => "major_nc",
    MinorNc => "minor_nc",
    Ofi => "ofi",
    Observation => "observation",
    Action => "action",
});

impl ItemKind {
    /// A nonconformity, major or minor.
    pub fn is_nc(self) -> bool {
        matches!(self, ItemKind::MajorNc | ItemKind::MinorNc)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ItemSource {
    Stage1Audit,
    Stage2Audit,
    SurveillanceAudit,
    InternalAudit,
    ManagementReview,
    Incident,
    RiskTreatment,
    Other,
}

impl ItemSource {
    /// An audit by the certification body: Stage 1, Stage 2 or surveillance.
    pub fn is_certification_audit(self) -> bool {
        matches!(
            self,
            ItemSource::Stage1Audit | ItemSource::Stage2Audit | ItemSource::SurveillanceAudit
        )
    }
}

crate::text_enum!(ItemSource {
    Stage1Audit => "stage1_audit",
    Stage2Audit => "stage2_audit",
    SurveillanceAudit => "surveillance_audit",
    InternalAudit => "internal_audit",
    ManagementReview => "management_review",
    Incident => "incident",
    RiskTreatment => "risk_treatment",
    Other => "other",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ItemStatus {
    Open,
    InProgress,
    AwaitingVerification,
    Closed,
}

crate::text_enum!(ItemStatus {
    Open => "open",
    InProgress => "in_progress",
    AwaitingVerification => "awaiting_verification",
    Closed => "closed",
});

/// A dated progress note; once saved it never changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ProgressEntry {
    pub id: i64,
    pub noted_on: NaiveDate,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct TrackerItem {
    #[serde(default)]
    pub id: i64,
    /// T-001, T-002… assigned by the vault.
    #[serde(default)]
    pub reference: String,
    pub kind: ItemKind,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub source: ItemSource,
    /// The source record's reference, when there is one (IA-003, the Stage 1 report's number…).
    #[serde(default)]
    pub source_ref: String,
    /// The certification body's own number for a finding it raised at its audit ("NC-02"), so
    /// the corrective action plan answers its report finding by finding. Only for items from a
    /// Stage 1, Stage 2 or surveillance audit.
    #[serde(default)]
    pub finding_number: String,
    #[serde(default)]
    pub clauses: Vec<String>,
    #[serde(default)]
    pub controls: Vec<String>,
    #[serde(default)]
    pub owner_id: Option<i64>,
    pub raised_on: NaiveDate,
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    pub status: ItemStatus,
    /// What was done at once to contain the problem.
    #[serde(default)]
    pub correction: String,
    #[serde(default)]
    pub root_cause: String,
    #[serde(default)]
    pub corrective_action: String,
    /// For an OFI or observation: what was decided about it.
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub effectiveness_on: Option<NaiveDate>,
    #[serde(default)]
    pub effectiveness_result: String,
    #[serde(default)]
    pub closed_on: Option<NaiveDate>,
    #[serde(default)]
    pub evidence_ids: Vec<i64>,
    /// Kept by the vault: add notes with `tracker::add_note`; ignored when saving.
    #[serde(default)]
    pub notes: Vec<ProgressEntry>,
}

impl TrackerItem {
    pub fn new(kind: ItemKind, title: &str, source: ItemSource, raised_on: NaiveDate) -> Self {
        Self {
            id: 0,
            reference: String::new(),
            kind,
            title: title.to_owned(),
            description: String::new(),
            source,
            source_ref: String::new(),
            finding_number: String::new(),
            clauses: Vec::new(),
            controls: Vec::new(),
            owner_id: None,
            raised_on,
            due_on: None,
            status: ItemStatus::Open,
            correction: String::new(),
            root_cause: String::new(),
            corrective_action: String::new(),
            decision: String::new(),
            effectiveness_on: None,
            effectiveness_result: String::new(),
            closed_on: None,
            evidence_ids: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Open past its due date on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status != ItemStatus::Closed && self.due_on.is_some_and(|due| due < today)
    }

    /// Checks the item and the rules of its status; every missing piece is named.
    pub fn validated(mut self) -> Result<Self> {
        for text in [
            &mut self.title,
            &mut self.source_ref,
            &mut self.finding_number,
            &mut self.correction,
            &mut self.root_cause,
            &mut self.corrective_action,
            &mut self.decision,
            &mut self.effectiveness_result,
        ] {
            *text = text.trim().to_owned();
        }
        let mut errors = Vec::new();
        if self.title.is_empty() {
            errors.push(FieldError::new(
                "title",
                "Say what the finding or action is.",
            ));
        }
        if let Some(bad) = self
            .clauses
            .iter()
            .find(|c| !reference::clauses().iter().any(|r| &r.id == *c))
        {
            errors.push(FieldError::new(
                "clauses",
                format!("{bad} is not a clause of 4 to 10."),
            ));
        }
        if let Some(bad) = self
            .controls
            .iter()
            .find(|c| reference::control(c).is_none())
        {
            errors.push(FieldError::new(
                "controls",
                format!("{bad} is not an Annex A control."),
            ));
        }
        if !self.finding_number.is_empty() && !self.source.is_certification_audit() {
            errors.push(FieldError::new(
                "finding_number",
                "Only a finding from the certification body's audit has its number; choose the Stage 1, Stage 2 or surveillance audit as the source.",
            ));
        }
        if self.due_on.is_some_and(|due| due < self.raised_on) {
            errors.push(FieldError::new(
                "due_on",
                "The due date cannot come before the item was raised.",
            ));
        }
        let closed = self.status == ItemStatus::Closed;
        if closed && self.closed_on.is_none() {
            errors.push(FieldError::new("closed_on", "When was it closed?"));
        }
        if !closed && self.closed_on.is_some() {
            errors.push(FieldError::new(
                "closed_on",
                "Only a closed item has a closure date.",
            ));
        }
        let nc = self.kind.is_nc();
        let verifying = matches!(
            self.status,
            ItemStatus::AwaitingVerification | ItemStatus::Closed
        );
        if nc && verifying && self.corrective_action.is_empty() {
            errors.push(FieldError::new(
                "corrective_action",
                "A nonconformity needs its corrective action first.",
            ));
        }
        if nc && closed {
            if self.root_cause.is_empty() {
                errors.push(FieldError::new(
                    "root_cause",
                    "Closing a nonconformity needs its root cause.",
                ));
            }
            if self.effectiveness_on.is_none() || self.effectiveness_result.is_empty() {
                errors.push(FieldError::new(
                    "effectiveness_result",
                    "Closing a nonconformity needs an effectiveness review: when it was checked and what was found.",
                ));
            }
        }
        if closed
            && matches!(self.kind, ItemKind::Ofi | ItemKind::Observation)
            && self.decision.is_empty()
        {
            errors.push(FieldError::new(
                "decision",
                "Record what was decided before closing it.",
            ));
        }
        self.clauses.dedup();
        self.controls.dedup();
        self.evidence_ids.sort_unstable();
        self.evidence_ids.dedup();
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}
