//! Courses, completions, and the derived awareness status.

use chrono::{Months, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CourseKind {
    /// Information security awareness, which everyone needs (7.3).
    Awareness,
    Other,
}

crate::text_enum!(CourseKind { Awareness => "awareness", Other => "other" });

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Course {
    #[serde(default)]
    pub id: i64,
    /// Unique, regardless of case.
    pub title: String,
    pub kind: CourseKind,
    /// How long a completion counts; none means for ever.
    #[serde(default)]
    pub validity_months: Option<u32>,
}

impl Course {
    pub fn validated(mut self) -> Result<Self> {
        self.title = self.title.trim().to_owned();
        let mut errors = Vec::new();
        if self.title.is_empty() {
            errors.push(FieldError::new("title", "A course needs a title."));
        }
        if self
            .validity_months
            .is_some_and(|m| !(1..=120).contains(&m))
        {
            errors.push(FieldError::new(
                "validity_months",
                "Between 1 and 120 months.",
            ));
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }

    /// The day a completion on `done` stops counting, if it ever does.
    pub fn expires(&self, done: NaiveDate) -> Option<NaiveDate> {
        self.validity_months
            .and_then(|m| done.checked_add_months(Months::new(m)))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Completion {
    #[serde(default)]
    pub id: i64,
    pub person_id: i64,
    pub course_id: i64,
    pub completed_on: NaiveDate,
    #[serde(default)]
    pub evidence_id: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AwarenessStatus {
    Current,
    /// Still valid, but expiring within 30 days.
    Expiring,
    Expired,
    Never,
}

/// A person's awareness status on `today`, from their completions of awareness courses: the
/// completion that stays valid longest decides.
pub fn awareness_status(
    person_id: i64,
    courses: &[Course],
    completions: &[Completion],
    today: NaiveDate,
) -> AwarenessStatus {
    let mut best: Option<Option<NaiveDate>> = None;
    for c in completions
        .iter()
        .filter(|c| c.person_id == person_id && c.completed_on <= today)
    {
        let Some(course) = courses
            .iter()
            .find(|k| k.id == c.course_id && k.kind == CourseKind::Awareness)
        else {
            continue;
        };
        let until = course.expires(c.completed_on);
        best = Some(match (best, until) {
            (None, u) => u,
            (Some(None), _) | (_, None) => None,
            (Some(Some(a)), Some(b)) => Some(a.max(b)),
        });
    }
    match best {
        None => AwarenessStatus::Never,
        Some(None) => AwarenessStatus::Current,
        Some(Some(until)) if until <= today => AwarenessStatus::Expired,
        Some(Some(until)) if (until - today).num_days() <= 30 => AwarenessStatus::Expiring,
        Some(Some(_)) => AwarenessStatus::Current,
    }
}
