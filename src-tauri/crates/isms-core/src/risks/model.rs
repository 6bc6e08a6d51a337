//! The risk method, risks, treatment actions and approvals, and their validation.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};
use crate::reference;

/// How risks are scored (6.1.2): a likelihood × impact matrix from 3×3 to 5×5 with a label per
/// level and what each level means, and the thresholds that make a score acceptable or red.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct RiskMethod {
    pub likelihood_levels: u32,
    pub impact_levels: u32,
    /// One label per likelihood level, lowest first.
    pub likelihood_labels: Vec<String>,
    /// One label per impact level, lowest first.
    pub impact_labels: Vec<String>,
    /// What each likelihood level means, lowest first; empty when the owner has written none.
    #[serde(default)]
    pub likelihood_definitions: Vec<String>,
    /// What each impact level means, lowest first; empty when the owner has written none.
    #[serde(default)]
    pub impact_definitions: Vec<String>,
    /// A score at or below this is acceptable.
    pub acceptance_threshold: u32,
    /// A score at or above this is a red risk.
    pub red_threshold: u32,
}

/// What the common 5×5 scale's likelihood levels mean, lowest first.
const LIKELIHOOD_DEFINITIONS: [&str; 5] = [
    "Not expected to happen; may occur only in exceptional circumstances (less than once in ten years).",
    "Could happen but is not expected (once in three to ten years).",
    "Might happen at some time (once in one to three years).",
    "Will probably happen (about once a year).",
    "Expected to happen, several times a year.",
];

/// What the common 5×5 scale's impact levels mean, lowest first.
const IMPACT_DEFINITIONS: [&str; 5] = [
    "No noticeable effect on clients, operations or obligations.",
    "A short disruption or the exposure of internal information, handled in the normal course of business.",
    "A service disrupted for up to a day, or a client's information exposed without lasting harm; a notification may be needed.",
    "Key services disrupted for days, personal or client data exposed and notified, or a contract breached.",
    "Major clients lost, regulatory penalties, or harm that threatens the business.",
];

impl Default for RiskMethod {
    /// The common 5×5 matrix: acceptable up to 6, red from 15.
    fn default() -> Self {
        let labels = |l: [&str; 5]| l.iter().map(|s| (*s).to_owned()).collect();
        Self {
            likelihood_levels: 5,
            impact_levels: 5,
            likelihood_labels: labels(["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]),
            impact_labels: labels(["Negligible", "Minor", "Moderate", "Major", "Severe"]),
            likelihood_definitions: labels(LIKELIHOOD_DEFINITIONS),
            impact_definitions: labels(IMPACT_DEFINITIONS),
            acceptance_threshold: 6,
            red_threshold: 15,
        }
    }
}

impl RiskMethod {
    pub fn max_score(&self) -> u32 {
        self.likelihood_levels * self.impact_levels
    }

    pub fn level(&self, score: u32) -> RiskLevel {
        if score >= self.red_threshold {
            RiskLevel::Red
        } else if score <= self.acceptance_threshold {
            RiskLevel::Acceptable
        } else {
            RiskLevel::Amber
        }
    }

    pub fn score(&self, likelihood: Option<u32>, impact: Option<u32>) -> Option<Score> {
        let (l, i) = (likelihood?, impact?);
        (l >= 1 && i >= 1 && l <= self.likelihood_levels && i <= self.impact_levels).then(|| {
            let value = l * i;
            Score {
                value,
                level: self.level(value),
            }
        })
    }

    /// Checks sizes, labels and thresholds (acceptance < red ≤ max score).
    pub fn validated(mut self) -> Result<Self> {
        let mut errors = Vec::new();
        for (field, levels) in [
            ("likelihood_levels", self.likelihood_levels),
            ("impact_levels", self.impact_levels),
        ] {
            if !(3..=5).contains(&levels) {
                errors.push(FieldError::new(field, "Between 3 and 5 levels."));
            }
        }
        for (field, labels, levels) in [
            (
                "likelihood_labels",
                &mut self.likelihood_labels,
                self.likelihood_levels,
            ),
            ("impact_labels", &mut self.impact_labels, self.impact_levels),
        ] {
            labels.iter_mut().for_each(|l| *l = l.trim().to_owned());
            if labels.len() != levels as usize || labels.iter().any(String::is_empty) {
                errors.push(FieldError::new(field, "Give every level a label."));
            }
        }
        let common = Self::default();
        for (field, definitions, levels, labels, common_labels, common_definitions) in [
            (
                "likelihood_definitions",
                &mut self.likelihood_definitions,
                self.likelihood_levels,
                &self.likelihood_labels,
                &common.likelihood_labels,
                &common.likelihood_definitions,
            ),
            (
                "impact_definitions",
                &mut self.impact_definitions,
                self.impact_levels,
                &self.impact_labels,
                &common.impact_labels,
                &common.impact_definitions,
            ),
        ] {
            definitions
                .iter_mut()
                .for_each(|d| *d = d.trim().to_owned());
            if definitions.iter().all(String::is_empty) {
                // A scale on the common labels means what the common scale means.
                if labels == common_labels {
                    definitions.clone_from(common_definitions);
                } else {
                    definitions.clear();
                }
            } else if definitions.len() != levels as usize
                || definitions.iter().any(String::is_empty)
            {
                errors.push(FieldError::new(
                    field,
                    "Say what every level means, or leave them all empty.",
                ));
            }
        }
        let max = self.max_score();
        if self.acceptance_threshold < 1 || self.acceptance_threshold >= self.red_threshold {
            errors.push(FieldError::new(
                "acceptance_threshold",
                "Must be at least 1 and below the red threshold.",
            ));
        }
        if self.red_threshold > max {
            errors.push(FieldError::new(
                "red_threshold",
                format!("At most the highest score, {max}."),
            ));
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RiskLevel {
    Acceptable,
    Amber,
    Red,
}

/// A derived score: likelihood × impact, and its level under the method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[ts(export)]
pub struct Score {
    pub value: u32,
    pub level: RiskLevel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Treatment {
    Modify,
    Avoid,
    Transfer,
    Accept,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ActionStatus {
    Planned,
    InProgress,
    Done,
}

/// A treatment action of a risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct RiskAction {
    /// Assigned by the vault; 0 for a new action.
    #[serde(default)]
    pub id: i64,
    pub title: String,
    #[serde(default)]
    pub owner_id: Option<i64>,
    #[serde(default)]
    pub due_date: Option<NaiveDate>,
    pub status: ActionStatus,
    #[serde(default)]
    pub done_date: Option<NaiveDate>,
    /// Annex A controls this action implements.
    #[serde(default)]
    pub controls: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ApprovalKind {
    /// The owner approves the treatment plan.
    Plan,
    /// The owner accepts the residual risk.
    Acceptance,
}

/// A risk owner's approval; `void` when the risk has changed materially since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[ts(export)]
pub struct RiskApproval {
    pub id: i64,
    pub kind: ApprovalKind,
    pub person_id: i64,
    pub approved_on: NaiveDate,
    pub note: String,
    /// What was approved: the material parts of the risk at that moment.
    #[ts(type = "unknown")]
    pub approved: serde_json::Value,
    /// Derived: the risk no longer matches what was approved.
    #[serde(default)]
    pub void: bool,
}

/// A risk of the register as read. `reference`, the scores, `needs_review` and `approvals` are
/// kept by the vault: saving takes a [`RiskInput`], without them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Risk {
    #[serde(default)]
    pub id: i64,
    /// … assigned by the vault.
    #[serde(default)]
    pub reference: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub threat: String,
    #[serde(default)]
    pub vulnerability: String,
    #[serde(default)]
    pub asset_ids: Vec<i64>,
    #[serde(default)]
    pub owner_id: Option<i64>,
    #[serde(default)]
    pub likelihood: Option<u32>,
    #[serde(default)]
    pub impact: Option<u32>,
    #[serde(default)]
    pub treatment: Option<Treatment>,
    #[serde(default)]
    pub residual_likelihood: Option<u32>,
    #[serde(default)]
    pub residual_impact: Option<u32>,
    /// The day the risk was last assessed (8.2). Set to the day of the write when a new risk is
    /// scored or a risk's levels or treatment change, unless a day is given.
    #[serde(default)]
    pub assessed_on: Option<NaiveDate>,
    #[serde(default)]
    pub actions: Vec<RiskAction>,
    /// Set when the risk method changed and this risk's levels no longer fit it.
    #[serde(default)]
    pub needs_review: bool,
    #[serde(default)]
    pub inherent: Option<Score>,
    #[serde(default)]
    pub residual: Option<Score>,
    #[serde(default)]
    pub approvals: Vec<RiskApproval>,
}

/// What a user writes of a risk: everything but what the vault keeps (`reference`,
/// `needs_review`) and derives (`inherent`, `residual`, `approvals`). Creating and saving a risk
/// take this; they answer with the whole [`Risk`], so the scores are computed here only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct RiskInput {
    /// 0 to create.
    #[serde(default)]
    pub id: i64,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub threat: String,
    #[serde(default)]
    pub vulnerability: String,
    #[serde(default)]
    pub asset_ids: Vec<i64>,
    #[serde(default)]
    pub owner_id: Option<i64>,
    #[serde(default)]
    pub likelihood: Option<u32>,
    #[serde(default)]
    pub impact: Option<u32>,
    #[serde(default)]
    pub treatment: Option<Treatment>,
    #[serde(default)]
    pub residual_likelihood: Option<u32>,
    #[serde(default)]
    pub residual_impact: Option<u32>,
    /// The day the risk was last assessed (8.2). Set to the day of the write when a new risk is
    /// scored or a risk's levels or treatment change, unless a day is given.
    #[serde(default)]
    pub assessed_on: Option<NaiveDate>,
    #[serde(default)]
    pub actions: Vec<RiskAction>,
}

impl From<Risk> for RiskInput {
    /// The written part of a risk as read (its derived fields dropped).
    fn from(risk: Risk) -> Self {
        Self {
            id: risk.id,
            title: risk.title,
            description: risk.description,
            threat: risk.threat,
            vulnerability: risk.vulnerability,
            asset_ids: risk.asset_ids,
            owner_id: risk.owner_id,
            likelihood: risk.likelihood,
            impact: risk.impact,
            treatment: risk.treatment,
            residual_likelihood: risk.residual_likelihood,
            residual_impact: risk.residual_impact,
            assessed_on: risk.assessed_on,
            actions: risk.actions,
        }
    }
}

impl RiskInput {
    /// A risk with these values and nothing kept or derived yet.
    pub(crate) fn into_risk(self) -> Risk {
        Risk {
            id: self.id,
            description: self.description,
            threat: self.threat,
            vulnerability: self.vulnerability,
            asset_ids: self.asset_ids,
            owner_id: self.owner_id,
            likelihood: self.likelihood,
            impact: self.impact,
            treatment: self.treatment,
            residual_likelihood: self.residual_likelihood,
            residual_impact: self.residual_impact,
            assessed_on: self.assessed_on,
            actions: self.actions,
            ..Risk::titled(&self.title)
        }
    }
}

const TITLE_MAX: usize = 300;

impl Risk {
    pub fn titled(title: &str) -> Self {
        Self {
            id: 0,
            reference: String::new(),
            title: title.to_owned(),
            description: String::new(),
            threat: String::new(),
            vulnerability: String::new(),
            asset_ids: Vec::new(),
            owner_id: None,
            likelihood: None,
            impact: None,
            treatment: None,
            residual_likelihood: None,
            residual_impact: None,
            assessed_on: None,
            actions: Vec::new(),
            needs_review: false,
            inherent: None,
            residual: None,
            approvals: Vec::new(),
        }
    }

    /// Trims text, checks scores against the method and every action's rules.
    pub fn validated(mut self, method: &RiskMethod) -> Result<Self> {
        self.title = self.title.trim().to_owned();
        let mut errors = Vec::new();
        if self.title.is_empty() {
            errors.push(FieldError::new("title", "A risk needs a title."));
        } else if self.title.chars().count() > TITLE_MAX {
            errors.push(FieldError::new(
                "title",
                format!("At most {TITLE_MAX} characters."),
            ));
        }
        let scales = [
            ("likelihood", self.likelihood, method.likelihood_levels),
            ("impact", self.impact, method.impact_levels),
            (
                "residual_likelihood",
                self.residual_likelihood,
                method.likelihood_levels,
            ),
            (
                "residual_impact",
                self.residual_impact,
                method.impact_levels,
            ),
        ];
        for (field, value, levels) in scales {
            if value.is_some_and(|v| v < 1 || v > levels) {
                errors.push(FieldError::new(field, format!("Between 1 and {levels}.")));
            }
        }
        self.asset_ids.sort_unstable();
        self.asset_ids.dedup();
        for (i, action) in self.actions.iter_mut().enumerate() {
            action.title = action.title.trim().to_owned();
            if action.title.is_empty() {
                errors.push(FieldError::new(
                    &format!("actions.{i}.title"),
                    "An action needs a title.",
                ));
            }
            if action.status == ActionStatus::Done && action.done_date.is_none() {
                errors.push(FieldError::new(
                    &format!("actions.{i}.done_date"),
                    "When was it done?",
                ));
            }
            action
                .controls
                .iter_mut()
                .for_each(|c| *c = c.trim().to_owned());
            action
                .controls
                .sort_by_key(|c| reference::controls().iter().position(|r| &r.id == c));
            action.controls.dedup();
            if let Some(bad) = action
                .controls
                .iter()
                .find(|c| reference::control(c).is_none())
            {
                errors.push(FieldError::new(
                    &format!("actions.{i}.controls"),
                    format!("{bad} is not an Annex A control of ISO/IEC 27001:2022."),
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

crate::text_enum!(Treatment { Modify => "modify", Avoid => "avoid", Transfer => "transfer", Accept => "accept" });
crate::text_enum!(ActionStatus { Planned => "planned", InProgress => "in_progress", Done => "done" });
crate::text_enum!(ApprovalKind { Plan => "plan", Acceptance => "acceptance" });
