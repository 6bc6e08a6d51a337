//! Evidence records and what a caller gives to add one.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, FieldError, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Evidence {
    pub id: i64,
    /// SHA-256 of the content, lowercase hex.
    pub sha256: String,
    /// The original file name (display only; exports make it safe).
    pub file_name: String,
    pub media_type: String,
    #[ts(type = "number")]
    pub size: u64,
    /// The date the evidence is about.
    pub effective_date: Option<NaiveDate>,
    /// When it was added (RFC 3339).
    pub uploaded_at: String,
    pub description: String,
    /// References of the records it supports: "5.1" (an Annex A control), "R-001" (a risk),
    /// "IA-001" (an internal audit, whose report it may be), "MR-001" (a management review).
    pub links: Vec<String>,
}

/// What is known about a file when it is added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewEvidence {
    /// Defaults to the file's own name.
    pub file_name: Option<String>,
    pub effective_date: Option<NaiveDate>,
    pub description: String,
    pub links: Vec<String>,
}

/// Control characters and path separators never belong in a displayed file name.
pub(crate) fn clean_file_name(name: &str) -> Result<String> {
    let cleaned: String = name
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if c == '/' || c == '\\' { '_' } else { c })
        .collect::<String>()
        .trim()
        .to_owned();
    if cleaned.is_empty() || cleaned == "." || cleaned == ".." {
        return Err(CoreError::validation(vec![FieldError::new(
            "file_name",
            "The file needs a name.",
        )]));
    }
    Ok(cleaned.chars().take(255).collect())
}
