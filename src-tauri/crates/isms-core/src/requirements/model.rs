//! What the requirements register holds and the checks a requirement passes before it is written.

use chrono::{Months, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};

/// Where a requirement comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RequirementSource {
    Law,
    Regulation,
    Contract,
    Standard,
    Other,
}

crate::text_enum!(RequirementSource {
    Law => "law",
    Regulation => "regulation",
    Contract => "contract",
    Standard => "standard",
    Other => "other",
});

impl RequirementSource {
    /// A law or a regulation: what S1-REQUIREMENTS wants at least one of.
    pub fn is_legal(self) -> bool {
        matches!(self, RequirementSource::Law | RequirementSource::Regulation)
    }
}

/// One legal, regulatory or contractual requirement the ISMS must meet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Requirement {
    #[serde(default)]
    pub id: i64,
    /// REQ-001, REQ-002… assigned by the vault.
    #[serde(default)]
    pub reference: String,
    pub source: RequirementSource,
    /// The law, regulation, contract or standard, e.g. "GDPR", "Acme master services agreement".
    pub title: String,
    /// What it requires of the company.
    #[serde(default)]
    pub requires: String,
    /// The interested party it comes from (4.2).
    #[serde(default)]
    pub party_id: Option<i64>,
    #[serde(default)]
    pub owner_id: Option<i64>,
    /// The Annex A controls that meet it, by number ("5.31").
    #[serde(default)]
    pub controls: Vec<String>,
    /// The documents that meet it.
    #[serde(default)]
    pub document_ids: Vec<i64>,
    /// When it was last reviewed (that it still applies and is met).
    #[serde(default)]
    pub reviewed_on: Option<NaiveDate>,
}

impl Requirement {
    pub fn new(source: RequirementSource, title: &str) -> Self {
        Self {
            id: 0,
            reference: String::new(),
            source,
            title: title.to_owned(),
            requires: String::new(),
            party_id: None,
            owner_id: None,
            controls: Vec::new(),
            document_ids: Vec::new(),
            reviewed_on: None,
        }
    }

    /// Reviewed within the 12 months up to `day`: on or before `day`, and on or after the same
    /// calendar day a year before (the window includes its ends).
    pub fn reviewed_within_year(&self, day: NaiveDate) -> bool {
        let since = day.checked_sub_months(Months::new(12)).unwrap_or(day);
        self.reviewed_on.is_some_and(|r| r <= day && r >= since)
    }

    /// Trims text, writes controls by their number ("A.5.31" and " 5.31" are "5.31"), orders
    /// and de-duplicates links, and checks that it has a title and that each control exists.
    pub fn validated(mut self) -> Result<Self> {
        self.title = self.title.trim().to_owned();
        self.requires = self.requires.trim().to_owned();
        let mut errors = Vec::new();
        if self.title.is_empty() {
            errors.push(FieldError::new(
                "title",
                "Name the law, regulation, contract or standard.",
            ));
        }
        let mut controls = Vec::new();
        for control in &self.controls {
            let trimmed = control.trim();
            let number = trimmed.strip_prefix("A.").unwrap_or(trimmed);
            if crate::reference::control(number).is_none() {
                errors.push(FieldError::new(
                    "controls",
                    format!("{trimmed:?} is not an Annex A control (5.1 … 8.34)."),
                ));
            } else if !controls.iter().any(|c: &String| c == number) {
                controls.push(number.to_owned());
            }
        }
        controls.sort_by_key(|c| crate::reference::controls().iter().position(|r| &r.id == c));
        self.controls = controls;
        self.document_ids.sort_unstable();
        self.document_ids.dedup();
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}
