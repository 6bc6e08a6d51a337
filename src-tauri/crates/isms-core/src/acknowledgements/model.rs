//! Acknowledgements and the per-document status derived from them.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::documents::Document;
use crate::people::Person;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AckMethod {
    Signature,
    Form,
    Email,
}

crate::text_enum!(AckMethod { Signature => "signature", Form => "form", Email => "email" });

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Acknowledgement {
    #[serde(default)]
    pub id: i64,
    pub person_id: i64,
    /// The approved document version acknowledged.
    pub version_id: i64,
    pub acknowledged_on: NaiveDate,
    pub method: AckMethod,
    #[serde(default)]
    pub evidence_id: Option<i64>,
}

/// Who has and who has not acknowledged a communicated document's version in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AckStatus {
    pub document_id: i64,
    pub reference: String,
    /// The version in force; `None` when nothing is approved yet.
    pub version_id: Option<i64>,
    pub acknowledged: Vec<i64>,
    pub missing: Vec<i64>,
}

/// For every document that must be communicated: the active people of its audience (its
/// departments, or everyone when it names none) who have or have not acknowledged the version
/// in force on `today`.
pub fn status(
    documents: &[Document],
    people: &[Person],
    acks: &[Acknowledgement],
    today: NaiveDate,
) -> Vec<AckStatus> {
    documents
        .iter()
        .filter(|d| d.communicate)
        .map(|d| {
            let version_id = d.current().map(|v| v.id);
            let audience = people.iter().filter(|p| {
                p.is_active(today)
                    && (d.audience.is_empty()
                        || d.audience
                            .iter()
                            .any(|a| a.eq_ignore_ascii_case(&p.department)))
            });
            let (mut acknowledged, mut missing) = (Vec::new(), Vec::new());
            for p in audience {
                let done = version_id.is_some_and(|v| {
                    acks.iter()
                        .any(|a| a.version_id == v && a.person_id == p.id)
                });
                if done {
                    acknowledged.push(p.id)
                } else {
                    missing.push(p.id)
                }
            }
            AckStatus {
                document_id: d.id,
                reference: d.reference.clone(),
                version_id,
                acknowledged,
                missing,
            }
        })
        .collect()
}
