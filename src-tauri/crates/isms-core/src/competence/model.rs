//! Roles, assignments and competence evidence, their validation, and the questions the
//! readiness rule and the screens ask of them (who holds a role, what is current on a day).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};

/// The ISMS roles every vault has; a company's own roles have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StandardRole {
    IsmsOwner,
    TopManagement,
    RiskOwner,
    ControlOwner,
    InternalAuditor,
}

crate::text_enum!(StandardRole {
    IsmsOwner => "isms_owner",
    TopManagement => "top_management",
    RiskOwner => "risk_owner",
    ControlOwner => "control_owner",
    InternalAuditor => "internal_auditor",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Role {
    /// Assigned by the vault; ignored when creating.
    #[serde(default)]
    pub id: i64,
    /// Unique, regardless of case.
    pub name: String,
    /// Which standard ISMS role this is; `None` for the company's own. Kept by the vault: a
    /// save never changes it.
    #[serde(default)]
    pub standard: Option<StandardRole>,
    #[serde(default)]
    pub responsibilities: String,
    /// The competence the role requires (7.2 a); empty when it requires none.
    #[serde(default)]
    pub competence: String,
}

const NAME_MAX: usize = 200;
const TEXT_MAX: usize = 4000;

impl Role {
    /// A company's own role with a name and nothing else.
    pub fn named(name: &str) -> Self {
        Self {
            id: 0,
            name: name.to_owned(),
            standard: None,
            responsibilities: String::new(),
            competence: String::new(),
        }
    }

    /// Whoever holds this role needs current competence evidence (7.2 d).
    pub fn requires_competence(&self) -> bool {
        !self.competence.trim().is_empty()
    }

    /// Trims the text and checks every rule, reporting all fields at fault.
    pub fn validated(mut self) -> Result<Self> {
        for field in [
            &mut self.name,
            &mut self.responsibilities,
            &mut self.competence,
        ] {
            *field = field.trim().to_owned();
        }
        let mut errors = Vec::new();
        if self.name.is_empty() {
            errors.push(FieldError::new("name", "A role needs a name."));
        } else if self.name.chars().count() > NAME_MAX {
            errors.push(FieldError::new(
                "name",
                format!("At most {NAME_MAX} characters."),
            ));
        }
        for (field, value) in [
            ("responsibilities", &self.responsibilities),
            ("competence", &self.competence),
        ] {
            if value.chars().count() > TEXT_MAX {
                errors.push(FieldError::new(
                    field,
                    format!("At most {TEXT_MAX} characters."),
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

/// A person holding a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Assignment {
    #[serde(default)]
    pub id: i64,
    pub role_id: i64,
    pub person_id: i64,
    /// When they took the role on, if recorded.
    #[serde(default)]
    pub assigned_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CompetenceKind {
    Education,
    Training,
    Experience,
    Certification,
}

crate::text_enum!(CompetenceKind {
    Education => "education",
    Training => "training",
    Experience => "experience",
    Certification => "certification",
});

/// One piece of evidence of a person's competence (7.2 d).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct CompetenceEvidence {
    #[serde(default)]
    pub id: i64,
    pub person_id: i64,
    pub kind: CompetenceKind,
    /// What it is: "ISO/IEC 27001 Lead Auditor", "MSc Information Security"…
    pub title: String,
    pub obtained_on: NaiveDate,
    /// The last day it counts; none when it does not lapse.
    #[serde(default)]
    pub expires_on: Option<NaiveDate>,
    /// The file that proves it.
    #[serde(default)]
    pub evidence_id: Option<i64>,
    #[serde(default)]
    pub note: String,
}

impl CompetenceEvidence {
    /// Obtained on or before `day` and not expired before it: an expiry on `day` still counts.
    pub fn current_on(&self, day: NaiveDate) -> bool {
        self.obtained_on <= day && self.expires_on.is_none_or(|end| end >= day)
    }

    /// Its expiry has passed by `day` (the day after the expiry date onwards).
    pub fn lapsed(&self, day: NaiveDate) -> bool {
        self.expires_on.is_some_and(|end| end < day)
    }

    /// Trims the text and checks every rule, reporting all fields at fault.
    pub fn validated(mut self) -> Result<Self> {
        self.title = self.title.trim().to_owned();
        self.note = self.note.trim().to_owned();
        let mut errors = Vec::new();
        if self.title.is_empty() {
            errors.push(FieldError::new(
                "title",
                "Say what it is, e.g. the course or certificate.",
            ));
        } else if self.title.chars().count() > NAME_MAX {
            errors.push(FieldError::new(
                "title",
                format!("At most {NAME_MAX} characters."),
            ));
        }
        if self.note.chars().count() > TEXT_MAX {
            errors.push(FieldError::new(
                "note",
                format!("At most {TEXT_MAX} characters."),
            ));
        }
        if let Some(end) = self.expires_on
            && end < self.obtained_on
        {
            errors.push(FieldError::new(
                "expires_on",
                "The expiry cannot come before the day it was obtained.",
            ));
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}

/// The roles `person_id` holds, in the order of `roles`.
pub fn roles_of<'a>(
    person_id: i64,
    roles: &'a [Role],
    assignments: &[Assignment],
) -> Vec<&'a Role> {
    roles
        .iter()
        .filter(|r| {
            assignments
                .iter()
                .any(|a| a.role_id == r.id && a.person_id == person_id)
        })
        .collect()
}

/// The ids of the people who hold `role_id`, in the order of `assignments`.
pub fn people_in(role_id: i64, assignments: &[Assignment]) -> Vec<i64> {
    assignments
        .iter()
        .filter(|a| a.role_id == role_id)
        .map(|a| a.person_id)
        .collect()
}

/// The competence evidence of `person_id`, in the order of `evidence`.
pub fn evidence_of(person_id: i64, evidence: &[CompetenceEvidence]) -> Vec<&CompetenceEvidence> {
    evidence
        .iter()
        .filter(|e| e.person_id == person_id)
        .collect()
}
