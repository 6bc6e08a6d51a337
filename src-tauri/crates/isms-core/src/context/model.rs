//! Context issues and interested parties, and their validation rules.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum IssueKind {
    Internal,
    External,
}

impl IssueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            IssueKind::Internal => "internal",
            IssueKind::External => "external",
        }
    }
}

impl rusqlite::types::ToSql for IssueKind {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl rusqlite::types::FromSql for IssueKind {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        match value.as_str()? {
            "internal" => Ok(IssueKind::Internal),
            "external" => Ok(IssueKind::External),
            _ => Err(rusqlite::types::FromSqlError::InvalidType),
        }
    }
}

/// An internal or external issue relevant to the ISMS's purpose (clause 4.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ContextIssue {
    /// Assigned by the vault; ignored when creating.
    #[serde(default)]
    pub id: i64,
    pub kind: IssueKind,
    pub title: String,
    #[serde(default)]
    pub description: String,
}

/// A party with an interest in the ISMS and what it requires (clause 4.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct InterestedParty {
    /// Assigned by the vault; ignored when creating.
    #[serde(default)]
    pub id: i64,
    pub name: String,
    /// Their requirements relevant to information security, in plain words.
    #[serde(default)]
    pub requirements: String,
}

const TITLE_MAX: usize = 200;
const TEXT_MAX: usize = 10_000;

/// Trims `title` and checks it is present and short enough, and `text` is not too long.
fn check(
    title: &mut String,
    title_field: &str,
    text: &mut String,
    text_field: &str,
) -> Vec<FieldError> {
    *title = title.trim().to_owned();
    *text = text.trim_end().to_owned();
    let mut errors = Vec::new();
    if title.is_empty() {
        errors.push(FieldError::new(title_field, "This is required."));
    } else if title.chars().count() > TITLE_MAX {
        errors.push(FieldError::new(
            title_field,
            format!("At most {TITLE_MAX} characters."),
        ));
    }
    if text.chars().count() > TEXT_MAX {
        errors.push(FieldError::new(
            text_field,
            format!("At most {TEXT_MAX} characters."),
        ));
    }
    errors
}

impl ContextIssue {
    pub fn validated(mut self) -> Result<Self> {
        let errors = check(
            &mut self.title,
            "title",
            &mut self.description,
            "description",
        );
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}

impl InterestedParty {
    pub fn validated(mut self) -> Result<Self> {
        let errors = check(
            &mut self.name,
            "name",
            &mut self.requirements,
            "requirements",
        );
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}
