//! Measures, their results, and the rules a measure and a new result must meet.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};
use crate::tracker::ItemKind;

/// How often a measure is taken (9.1 c): one result per calendar month, quarter or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Frequency {
    Monthly,
    Quarterly,
    Yearly,
}

crate::text_enum!(Frequency {
    Monthly => "monthly",
    Quarterly => "quarterly",
    Yearly => "yearly",
});

/// Where a measure's value comes from: entered by hand, or computed from the vault on the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Source {
    Manual,
    /// % of active people with awareness training in the last 12 months (or new joiners in grace).
    AwarenessTraining,
    /// % of required acknowledgements of communicated documents' current versions given.
    Acknowledgements,
    /// Number of open major and minor nonconformities.
    OpenNcs,
    /// Number of tracker items past their due date.
    OverdueItems,
    /// % of red risks whose treatment actions are all done.
    RedRisksTreated,
    /// % of applicable Annex A controls implemented.
    SoaImplemented,
    /// % of internal audits planned since Stage 1 (up to last month) that are completed.
    AuditAdherence,
}

crate::text_enum!(Source {
    Manual => "manual",
    AwarenessTraining => "awareness_training",
    Acknowledgements => "acknowledgements",
    OpenNcs => "open_ncs",
    OverdueItems => "overdue_items",
    RedRisksTreated => "red_risks_treated",
    SoaImplemented => "soa_implemented",
    AuditAdherence => "audit_adherence",
});

impl Source {
    pub const ALL: [Source; 8] = [
        Source::Manual,
        Source::AwarenessTraining,
        Source::Acknowledgements,
        Source::OpenNcs,
        Source::OverdueItems,
        Source::RedRisksTreated,
        Source::SoaImplemented,
        Source::AuditAdherence,
    ];

    pub fn is_computed(self) -> bool {
        self != Source::Manual
    }

    /// The unit a computed value is in; none for a manual measure (the user says).
    pub fn unit(self) -> Option<&'static str> {
        match self {
            Source::Manual => None,
            Source::OpenNcs | Source::OverdueItems => Some("count"),
            _ => Some("%"),
        }
    }
}

/// Whether a value meets the target when it is at least or at most the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Direction {
    AtLeast,
    AtMost,
}

crate::text_enum!(Direction { AtLeast => "at_least", AtMost => "at_most" });

/// A measure of the ISMS's performance or effectiveness (9.1 a–e).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Measure {
    /// Assigned by the vault; ignored when creating.
    #[serde(default)]
    pub id: i64,
    /// M-001, M-002…; proposed by the vault when left empty.
    #[serde(default)]
    pub reference: String,
    pub title: String,
    /// What is monitored and measured (9.1 a).
    #[serde(default)]
    pub monitored: String,
    /// How it is monitored, measured, analysed and evaluated (9.1 b).
    #[serde(default)]
    pub method: String,
    /// When (9.1 c).
    pub frequency: Frequency,
    /// Who measures (9.1 d).
    #[serde(default)]
    pub measured_by: Option<i64>,
    /// Who analyses and evaluates the results (9.1 e).
    #[serde(default)]
    pub evaluated_by: Option<i64>,
    pub source: Source,
    /// "%", "count", "days"…; a computed measure's unit is set by its source.
    #[serde(default)]
    pub unit: String,
    /// No target: every result meets it.
    #[serde(default)]
    pub target: Option<f64>,
    pub direction: Direction,
    /// From when the measure is taken; results are due for periods from then (or Stage 1).
    #[serde(default)]
    pub defined_on: Option<NaiveDate>,
    /// The objectives (6.2) this measure shows progress on.
    #[serde(default)]
    pub objective_ids: Vec<i64>,
}

impl Measure {
    pub fn new(title: &str, frequency: Frequency, source: Source) -> Self {
        Self {
            id: 0,
            reference: String::new(),
            title: title.to_owned(),
            monitored: String::new(),
            method: String::new(),
            frequency,
            measured_by: None,
            evaluated_by: None,
            source,
            unit: source.unit().unwrap_or_default().to_owned(),
            target: None,
            direction: Direction::AtLeast,
            defined_on: None,
            objective_ids: Vec::new(),
        }
    }

    /// Whether `value` meets the target; a measure without a target is always met.
    pub fn meets_target(&self, value: f64) -> bool {
        match (self.target, self.direction) {
            (None, _) => true,
            (Some(t), Direction::AtLeast) => value >= t,
            (Some(t), Direction::AtMost) => value <= t,
        }
    }

    /// "≥ 95 %", "≤ 0 count", or "" without a target.
    pub fn target_text(&self) -> String {
        let Some(t) = self.target else {
            return String::new();
        };
        let op = match self.direction {
            Direction::AtLeast => "≥",
            Direction::AtMost => "≤",
        };
        format!("{op} {}", with_unit(t, &self.unit))
    }

    /// Trims the texts and checks every rule, naming every field at fault.
    pub fn validated(mut self) -> Result<Self> {
        for text in [
            &mut self.reference,
            &mut self.title,
            &mut self.monitored,
            &mut self.method,
            &mut self.unit,
        ] {
            *text = text.trim().to_owned();
        }
        if let Some(unit) = self.source.unit() {
            unit.clone_into(&mut self.unit);
        }
        let mut errors = Vec::new();
        if self.title.is_empty() {
            errors.push(FieldError::new("title", "A measure needs a title."));
        }
        if self.target.is_some_and(|t| !t.is_finite()) {
            errors.push(FieldError::new("target", "The target must be a number."));
        }
        self.objective_ids.sort_unstable();
        self.objective_ids.dedup();
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}

/// `95 %`, `3 count` → `3`, `12 days`: a value as the user reads it.
pub fn with_unit(value: f64, unit: &str) -> String {
    let number = if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let s = format!("{value:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    };
    match unit {
        "" | "count" => number,
        "%" => format!("{number} %"),
        other => format!("{number} {other}"),
    }
}

/// A recorded result of a measure (9.1 f); never changed, never deleted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct MeasureResult {
    #[serde(default)]
    pub id: i64,
    pub measure_id: i64,
    /// The day the value was measured; the result counts for the period this day falls in.
    pub measured_on: NaiveDate,
    pub value: f64,
    /// Whether the value met the measure's target when it was recorded.
    pub target_met: bool,
    /// What the result means (analysis and evaluation, 9.1 f).
    pub evaluation: String,
    /// When the target was missed and no tracker item was raised: why none is needed.
    #[serde(default)]
    pub follow_up: String,
    /// The tracker item raised because the target was missed.
    #[serde(default)]
    pub tracker_item_id: Option<i64>,
    #[serde(default)]
    pub evidence_id: Option<i64>,
}

impl MeasureResult {
    /// A missed target with neither a tracker item nor a note why none (what S2-MONITORING fails).
    pub fn lacks_follow_up(&self) -> bool {
        !self.target_met && self.tracker_item_id.is_none() && self.follow_up.trim().is_empty()
    }
}

/// A tracker item to raise with a result that missed its target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct RaiseItem {
    /// An action or a minor nonconformity.
    pub kind: ItemKind,
    #[serde(default)]
    pub owner_id: Option<i64>,
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    /// Extra words for the item's description, after what was measured.
    #[serde(default)]
    pub description: String,
}

/// What the user records: the value, the evaluation, and the follow-up of a missed target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct NewResult {
    pub measured_on: NaiveDate,
    pub value: f64,
    pub evaluation: String,
    #[serde(default)]
    pub follow_up: String,
    /// Raise this tracker item in the same write (only when the target is missed).
    #[serde(default)]
    pub raise: Option<RaiseItem>,
    #[serde(default)]
    pub evidence_id: Option<i64>,
}

impl NewResult {
    pub fn new(measured_on: NaiveDate, value: f64, evaluation: &str) -> Self {
        Self {
            measured_on,
            value,
            evaluation: evaluation.to_owned(),
            follow_up: String::new(),
            raise: None,
            evidence_id: None,
        }
    }

    /// Checks the result against `measure`: a finite value, an evaluation, and for a missed
    /// target a tracker item to raise or a note why none. Returns whether the target is met.
    pub(crate) fn check(&mut self, measure: &Measure) -> Result<bool> {
        self.evaluation = self.evaluation.trim().to_owned();
        self.follow_up = self.follow_up.trim().to_owned();
        let mut errors = Vec::new();
        if !self.value.is_finite() {
            errors.push(FieldError::new("value", "The value must be a number."));
        }
        if self.evaluation.is_empty() {
            errors.push(FieldError::new(
                "evaluation",
                "Evaluate the result: say what it means (9.1 f).",
            ));
        }
        let met = measure.meets_target(self.value);
        if met && self.raise.is_some() {
            errors.push(FieldError::new(
                "raise",
                "The target is met; there is nothing to follow up.",
            ));
        }
        if let Some(raise) = &self.raise
            && !matches!(raise.kind, ItemKind::Action | ItemKind::MinorNc)
        {
            errors.push(FieldError::new(
                "raise",
                "Raise an action or a minor nonconformity.",
            ));
        }
        if !met && self.raise.is_none() && self.follow_up.is_empty() {
            errors.push(FieldError::new(
                "follow_up",
                format!(
                    "The target ({}) is missed: raise a tracker item, or say why none is needed.",
                    measure.target_text()
                ),
            ));
        }
        if errors.is_empty() {
            Ok(met)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}

/// A measure with its results, oldest first: what the Monitoring screen lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeasureWithResults {
    pub measure: Measure,
    pub results: Vec<MeasureResult>,
    /// The periods due on the day asked for (ended before it) that have no result, oldest first.
    pub overdue: Vec<super::Period>,
    /// The period the day falls in, when it has no result yet (due by its end).
    pub current: Option<super::Period>,
}
