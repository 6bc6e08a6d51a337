//! The organisation record and its validation rules.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};

/// How the certification body treats findings at Stage 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FindingPolicy {
    /// Certifies only when no nonconformity of any kind is open.
    ZeroFindings,
    /// Certifies when no major nonconformity is open; wants a corrective action plan for the rest.
    NoMajorNc,
}

impl FindingPolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingPolicy::ZeroFindings => "zero_findings",
            FindingPolicy::NoMajorNc => "no_major_nc",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "zero_findings" => Some(FindingPolicy::ZeroFindings),
            "no_major_nc" => Some(FindingPolicy::NoMajorNc),
            _ => None,
        }
    }
}

impl rusqlite::types::ToSql for FindingPolicy {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Organisation {
    pub name: String,
    /// The ISMS scope statement (clause 4.3).
    pub scope: String,
    pub isms_start: Option<NaiveDate>,
    pub stage1_date: Option<NaiveDate>,
    pub stage2_target: Option<NaiveDate>,
    pub certification_body: String,
    pub finding_policy: FindingPolicy,
    /// Months of internal audits agreed with the assessor before Stage 2 (1 to 12).
    pub audit_months: u32,
}

pub const NAME_MAX: usize = 200;
pub const SCOPE_MAX: usize = 10_000;

impl Organisation {
    /// A new organisation with only a name; everything else at its default.
    pub fn named(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            scope: String::new(),
            isms_start: None,
            stage1_date: None,
            stage2_target: None,
            certification_body: String::new(),
            finding_policy: FindingPolicy::NoMajorNc,
            audit_months: 3,
        }
    }

    /// Trims what should be trimmed and checks every rule, reporting all fields at fault.
    pub fn validated(mut self) -> Result<Self> {
        self.name = self.name.trim().to_owned();
        self.certification_body = self.certification_body.trim().to_owned();
        self.scope = self.scope.trim_end().to_owned();
        let mut errors = Vec::new();
        if self.name.is_empty() {
            errors.push(FieldError::new("name", "The organisation needs a name."));
        } else if self.name.chars().count() > NAME_MAX {
            errors.push(FieldError::new(
                "name",
                format!("At most {NAME_MAX} characters."),
            ));
        }
        if self.certification_body.chars().count() > NAME_MAX {
            errors.push(FieldError::new(
                "certification_body",
                format!("At most {NAME_MAX} characters."),
            ));
        }
        if self.scope.chars().count() > SCOPE_MAX {
            errors.push(FieldError::new(
                "scope",
                format!("At most {SCOPE_MAX} characters."),
            ));
        }
        if !(1..=12).contains(&self.audit_months) {
            errors.push(FieldError::new("audit_months", "Between 1 and 12 months."));
        }
        if let (Some(start), Some(stage1)) = (self.isms_start, self.stage1_date)
            && stage1 < start
        {
            errors.push(FieldError::new(
                "stage1_date",
                "The Stage 1 audit cannot come before the ISMS starts.",
            ));
        }
        if let (Some(stage1), Some(stage2)) = (self.stage1_date, self.stage2_target)
            && stage2 <= stage1
        {
            errors.push(FieldError::new(
                "stage2_target",
                "The Stage 2 audit must come after Stage 1.",
            ));
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}
