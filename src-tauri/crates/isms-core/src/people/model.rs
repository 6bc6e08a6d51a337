//! The person record and its validation rules.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Person {
    /// Assigned by the vault; ignored when creating.
    #[serde(default)]
    pub id: i64,
    pub name: String,
    /// Unique in the vault, compared without regard to case.
    pub email: String,
    #[serde(default)]
    pub job_title: String,
    #[serde(default)]
    pub department: String,
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    #[serde(default)]
    pub end_date: Option<NaiveDate>,
    #[serde(default)]
    pub top_management: bool,
    #[serde(default)]
    pub isms_owner: bool,
}

const TEXT_MAX: usize = 200;

impl Person {
    /// A person with a name and an e-mail; everything else empty.
    pub fn new(name: &str, email: &str) -> Self {
        Self {
            id: 0,
            name: name.to_owned(),
            email: email.to_owned(),
            job_title: String::new(),
            department: String::new(),
            start_date: None,
            end_date: None,
            top_management: false,
            isms_owner: false,
        }
    }

    /// Active on `day` (`domain.md`, People): started on or before it (or no start date is
    /// recorded), and no end date or an end date after it. Someone hired for next month is not
    /// active yet.
    pub fn is_active(&self, day: NaiveDate) -> bool {
        self.start_date.is_none_or(|start| start <= day)
            && self.end_date.is_none_or(|end| end > day)
    }

    /// Trims the text fields and checks every rule, reporting all fields at fault.
    pub fn validated(mut self) -> Result<Self> {
        for field in [
            &mut self.name,
            &mut self.email,
            &mut self.job_title,
            &mut self.department,
        ] {
            *field = field.trim().to_owned();
        }
        let mut errors = Vec::new();
        if self.name.is_empty() {
            errors.push(FieldError::new("name", "A name is required."));
        }
        if !looks_like_email(&self.email) {
            errors.push(FieldError::new(
                "email",
                "An e-mail address like name@example.com is required.",
            ));
        }
        for (field, value) in [
            ("name", &self.name),
            ("job_title", &self.job_title),
            ("department", &self.department),
        ] {
            if value.chars().count() > TEXT_MAX {
                errors.push(FieldError::new(
                    field,
                    format!("At most {TEXT_MAX} characters."),
                ));
            }
        }
        if let (Some(start), Some(end)) = (self.start_date, self.end_date)
            && end < start
        {
            errors.push(FieldError::new(
                "end_date",
                "The end date cannot come before the start date.",
            ));
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}

/// One `@` with text on both sides, a dot in the domain, no spaces, at most 254 characters.
fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !email.chars().any(char::is_whitespace)
        && email.len() <= 254
}
