//! One version history for the SoA: the document register's entry for the Statement of
//! Applicability (a document covering mandatory item 6.1.3 d) shows the SoA's approved versions
//! once there are any, so the register, the packs and the dashboard tell one story of what was
//! approved when. The document keeps its own versions (the file of a signed copy, say); on a
//! day, the entry shows whichever approval is the later: the SoA's or the document's own.
//! Nothing is written: this is how the entry is read.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::model::SoaVersion;
use super::versions::versions;
use crate::documents::{self, Document};
use crate::error::Result;

/// The mandatory documented information that is the Statement of Applicability.
pub const SOA_ITEM: &str = "6.1.3 d)";

/// Whether `doc` is the SoA's entry in the register.
pub fn is_soa_document(doc: &Document) -> bool {
    doc.mandatory_items.iter().any(|m| m.trim() == SOA_ITEM)
}

/// The version a register entry shows: its number as the register prints it, when and by whom
/// it was approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RegisterVersion {
    /// The SoA version's number ("2") for an SoA approval, the document's own otherwise.
    pub number: String,
    pub approved_on: NaiveDate,
    pub approved_by: Option<i64>,
    /// Whether it is an approval of the SoA itself.
    pub from_soa: bool,
}

/// The version register entry `doc` shows on `day`: for the SoA's entry, the later of the
/// SoA's last approval on or before `day` and the document's own version in force; for any
/// other document, its own version in force. `None` when nothing was approved by then.
pub fn register_version(
    doc: &Document,
    soa_versions: &[SoaVersion],
    day: NaiveDate,
) -> Option<RegisterVersion> {
    let own = doc.current_on(day).and_then(|v| {
        v.approved_on.map(|on| RegisterVersion {
            number: v.number.clone(),
            approved_on: on,
            approved_by: v.approved_by,
            from_soa: false,
        })
    });
    if !is_soa_document(doc) {
        return own;
    }
    let soa = soa_versions
        .iter()
        .filter(|v| v.approved_on <= day)
        .max_by_key(|v| (v.approved_on, v.number))
        .map(|v| RegisterVersion {
            number: v.number.to_string(),
            approved_on: v.approved_on,
            approved_by: Some(v.approved_by),
            from_soa: true,
        });
    match (own, soa) {
        (Some(own), Some(soa)) if own.approved_on > soa.approved_on => Some(own),
        (own, None) => own,
        (_, soa) => soa,
    }
}

/// The version one register entry shows on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RegisterEntry {
    pub document_id: i64,
    pub version: RegisterVersion,
}

/// The version every document of the register shows on `day` ([`register_version`]); documents
/// with nothing approved by then are left out.
pub fn register_versions(conn: &Connection, day: NaiveDate) -> Result<Vec<RegisterEntry>> {
    let soa = versions(conn)?;
    Ok(documents::list(conn)?
        .iter()
        .filter_map(|d| {
            register_version(d, &soa, day).map(|version| RegisterEntry {
                document_id: d.id,
                version,
            })
        })
        .collect())
}
