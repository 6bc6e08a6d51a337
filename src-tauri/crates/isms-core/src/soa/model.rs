//! SoA entries, approved versions, their validation, and the totals an auditor checks first.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, ErrorCode, FieldError, Result};
use crate::reference;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImplementationStatus {
    NotStarted,
    InProgress,
    Implemented,
}

impl ImplementationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ImplementationStatus::NotStarted => "not_started",
            ImplementationStatus::InProgress => "in_progress",
            ImplementationStatus::Implemented => "implemented",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::NotStarted, Self::InProgress, Self::Implemented]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// Why an applicable control is included (any number of them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct SoaReasons {
    /// A legal or regulatory requirement.
    pub legal: bool,
    /// A contractual obligation.
    pub contractual: bool,
    /// A business requirement or best practice.
    pub business: bool,
    /// The result of the risk assessment.
    pub risk_assessment: bool,
}

impl SoaReasons {
    pub fn any(&self) -> bool {
        self.legal || self.contractual || self.business || self.risk_assessment
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct SoaEntry {
    /// The Annex A control, "5.1" … "8.34".
    pub control_id: String,
    /// From the reference list; ignored when saving.
    #[serde(default)]
    pub title: String,
    /// From the reference list; ignored when saving.
    #[serde(default)]
    pub theme: String,
    /// `null` until decided.
    pub applicable: Option<bool>,
    #[serde(default)]
    pub reasons: SoaReasons,
    /// Why the control is included or excluded; required when excluded.
    #[serde(default)]
    pub justification: String,
    /// `null` until set.
    pub status: Option<ImplementationStatus>,
    #[serde(default)]
    pub owner_id: Option<i64>,
    #[serde(default)]
    pub notes: String,
}

impl SoaEntry {
    /// An undecided entry for a control of the reference list.
    pub fn undecided(control_id: &str) -> Self {
        let control = reference::control(control_id);
        Self {
            control_id: control_id.to_owned(),
            title: control.map(|c| c.title.clone()).unwrap_or_default(),
            theme: control.map(|c| c.theme.clone()).unwrap_or_default(),
            applicable: None,
            reasons: SoaReasons::default(),
            justification: String::new(),
            status: None,
            owner_id: None,
            notes: String::new(),
        }
    }

    /// Checks the rules and fills title and theme from the reference list.
    pub fn validated(mut self) -> Result<Self> {
        let Some(control) = reference::control(self.control_id.trim()) else {
            return Err(CoreError::new(
                ErrorCode::NotFound,
                format!(
                    "{} is not an Annex A control of ISO/IEC 27001:2022.",
                    self.control_id
                ),
            ));
        };
        self.control_id = control.id.clone();
        self.title = control.title.clone();
        self.theme = control.theme.clone();
        self.justification = self.justification.trim().to_owned();
        self.notes = self.notes.trim_end().to_owned();
        let mut errors = Vec::new();
        if self.applicable == Some(false) && self.justification.is_empty() {
            errors.push(FieldError::new(
                "justification",
                "An excluded control needs a justification: say why it does not apply.",
            ));
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}

/// An approved, immutable snapshot of the whole SoA.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct SoaVersion {
    /// 1, 2, 3… in order of approval.
    pub number: u32,
    /// The person who approved it.
    pub approved_by: i64,
    pub approved_on: NaiveDate,
    #[serde(default)]
    pub note: String,
    pub entries: Vec<SoaEntry>,
}

/// The status word of an excluded control, in every pack, sheet and screen.
pub const NOT_APPLICABLE: &str = "Not applicable";

/// The counts an auditor checks first; they always add up to the entries counted. An excluded
/// control is "Not applicable", never counted as implemented or not started, whatever status
/// it was once given: implemented + in progress + not started + without status + not applicable
/// = controls.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SoaTotals {
    pub controls: u32,
    pub applicable: u32,
    pub excluded: u32,
    pub undecided: u32,
    pub implemented: u32,
    pub in_progress: u32,
    pub not_started: u32,
    pub without_status: u32,
    /// Excluded controls: their status is "Not applicable".
    pub not_applicable: u32,
    pub applicable_without_reason: u32,
    pub excluded_without_justification: u32,
}

pub fn totals(entries: &[SoaEntry]) -> SoaTotals {
    let mut t = SoaTotals::default();
    for e in entries {
        t.controls += 1;
        match e.applicable {
            Some(true) => {
                t.applicable += 1;
                t.applicable_without_reason += u32::from(!e.reasons.any());
            }
            Some(false) => {
                t.excluded += 1;
                t.excluded_without_justification += u32::from(e.justification.trim().is_empty());
            }
            None => t.undecided += 1,
        }
        if e.applicable == Some(false) {
            t.not_applicable += 1;
            continue;
        }
        match e.status {
            Some(ImplementationStatus::Implemented) => t.implemented += 1,
            Some(ImplementationStatus::InProgress) => t.in_progress += 1,
            Some(ImplementationStatus::NotStarted) => t.not_started += 1,
            None => t.without_status += 1,
        }
    }
    t
}
