//! Documents and their versions, and their validation rules.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};
use crate::reference;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DocKind {
    Policy,
    Procedure,
    Manual,
    Plan,
    Record,
    Other,
}

crate::text_enum!(DocKind {
    Policy => "policy",
    Procedure => "procedure",
    Manual => "manual",
    Plan => "plan",
    Record => "record",
    Other => "other",
});

/// A version of a document; approved when `approved_on` is set, and then frozen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct DocumentVersion {
    pub id: i64,
    /// "1.0", "2", "2024-03"… as the owner numbers them; unique per document.
    pub number: String,
    pub change_summary: String,
    /// The file of this version, stored as evidence.
    pub evidence_id: Option<i64>,
    pub approved_by: Option<i64>,
    pub approved_on: Option<NaiveDate>,
}

/// What a draft version says before it is approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct DraftVersion {
    pub number: String,
    #[serde(default)]
    pub change_summary: String,
    #[serde(default)]
    pub evidence_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Document {
    /// Assigned by the vault; ignored when creating.
    #[serde(default)]
    pub id: i64,
    /// The owner's own reference ("POL-01"); unique, regardless of case.
    pub reference: String,
    pub title: String,
    pub kind: DocKind,
    /// Clauses of the mandatory documented information it covers ("4.3", "6.1.3 d)").
    #[serde(default)]
    pub mandatory_items: Vec<String>,
    #[serde(default)]
    pub owner_id: Option<i64>,
    /// Months between reviews.
    #[serde(default)]
    pub review_months: Option<u32>,
    #[serde(default)]
    pub next_review: Option<NaiveDate>,
    /// Whether staff must be told about it and acknowledge it.
    #[serde(default)]
    pub communicate: bool,
    /// Departments it is communicated to; empty means all staff.
    #[serde(default)]
    pub audience: Vec<String>,
    /// Kept by the vault; ignored when saving.
    #[serde(default)]
    pub versions: Vec<DocumentVersion>,
}

impl Document {
    pub fn new(reference: &str, title: &str, kind: DocKind) -> Self {
        Self {
            id: 0,
            reference: reference.to_owned(),
            title: title.to_owned(),
            kind,
            mandatory_items: Vec::new(),
            owner_id: None,
            review_months: None,
            next_review: None,
            communicate: false,
            audience: Vec::new(),
            versions: Vec::new(),
        }
    }

    /// The newest approved version of those this record holds. On a document of a
    /// [`crate::view::View`] that is the version in force on the view's day (later approvals
    /// are not in it); on a document read from the vault it is the one in force today.
    pub fn current(&self) -> Option<&DocumentVersion> {
        self.versions
            .iter()
            .filter(|v| v.approved_on.is_some())
            .max_by_key(|v| (v.approved_on, v.id))
    }

    /// The version in force on `day`: the newest approved on or before it.
    pub fn current_on(&self, day: NaiveDate) -> Option<&DocumentVersion> {
        self.versions
            .iter()
            .filter(|v| v.approved_on.is_some_and(|on| on <= day))
            .max_by_key(|v| (v.approved_on, v.id))
    }

    pub fn validated(mut self) -> Result<Self> {
        self.reference = self.reference.trim().to_owned();
        self.title = self.title.trim().to_owned();
        self.audience = self
            .audience
            .iter()
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())
            .collect();
        self.audience.sort();
        self.audience.dedup();
        let mut errors = Vec::new();
        if self.reference.is_empty() {
            errors.push(FieldError::new(
                "reference",
                "Give the document a reference, such as POL-01.",
            ));
        }
        if self.title.is_empty() {
            errors.push(FieldError::new("title", "A document needs a title."));
        }
        if let Some(bad) = self
            .mandatory_items
            .iter()
            .find(|m| !reference::mandatory_items().iter().any(|r| &r.clause == *m))
        {
            errors.push(FieldError::new(
                "mandatory_items",
                format!("{bad} is not in the list of mandatory documented information."),
            ));
        }
        self.mandatory_items.sort_by_key(|m| {
            reference::mandatory_items()
                .iter()
                .position(|r| &r.clause == m)
        });
        self.mandatory_items.dedup();
        if self.review_months.is_some_and(|m| !(1..=60).contains(&m)) {
            errors.push(FieldError::new("review_months", "Between 1 and 60 months."));
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}
