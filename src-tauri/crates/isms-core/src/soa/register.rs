//! One version history for the SoA: the document register's entry for the Statement of
//! Applicability (a document covering mandatory item 6.1.3 d) takes its versions from the SoA's
//! approvals, never from drafts of its own. Approving SoA version N records an approved version
//! "N" on every such document, by the same person on the same day; a document that starts
//! covering 6.1.3 d) later is given the SoA versions approved before it. So the register, the
//! packs and the dashboard tell one story of what was approved when.

use super::model::SoaVersion;
use super::versions::versions;
use crate::db::{Action, WriteTx};
use crate::documents::{self, Document, DocumentVersion};
use crate::error::Result;

/// The mandatory documented information that is the Statement of Applicability.
pub const SOA_ITEM: &str = "6.1.3 d)";

/// Whether `doc` is the SoA's entry in the register.
pub fn is_soa_document(doc: &Document) -> bool {
    doc.mandatory_items.iter().any(|m| m.trim() == SOA_ITEM)
}

/// Records `version` on every SoA document of the register.
pub(crate) fn record_approval(tx: &mut WriteTx<'_>, version: &SoaVersion) -> Result<()> {
    for doc in documents::list(tx.reader())? {
        if is_soa_document(&doc) {
            add_missing(tx, &doc, std::slice::from_ref(version))?;
        }
    }
    Ok(())
}

/// Gives document `id`, if it is the SoA's entry, every approved SoA version it lacks.
pub(crate) fn catch_up(tx: &mut WriteTx<'_>, id: i64) -> Result<()> {
    let doc = documents::get(tx.reader(), id)?;
    if is_soa_document(&doc) {
        let approved = versions(tx.reader())?;
        add_missing(tx, &doc, &approved)?;
    }
    Ok(())
}

/// The document version that stands for SoA version `number`, as the register names it.
pub fn version_number(number: u32) -> String {
    number.to_string()
}

fn add_missing(tx: &mut WriteTx<'_>, doc: &Document, approved: &[SoaVersion]) -> Result<()> {
    for v in approved {
        let number = version_number(v.number);
        if recorded(doc, &number, v) {
            continue;
        }
        let taken = doc.versions.iter().any(|d| d.number == number);
        let summary = if v.note.trim().is_empty() {
            format!("Statement of Applicability version {} approved.", v.number)
        } else {
            format!(
                "Statement of Applicability version {} approved: {}",
                v.number,
                v.note.trim()
            )
        };
        documents::insert_version(
            tx,
            doc.id,
            DocumentVersion {
                id: 0,
                // A number the register already used by hand keeps its version; this one says
                // where it comes from.
                number: if taken {
                    format!("SoA {}", v.number)
                } else {
                    number
                },
                change_summary: summary,
                evidence_id: None,
                approved_by: Some(v.approved_by),
                approved_on: Some(v.approved_on),
            },
            Action::Create,
        )?;
    }
    Ok(())
}

/// Whether the document already holds SoA version `v` (same number, day and approver).
fn recorded(doc: &Document, number: &str, v: &SoaVersion) -> bool {
    doc.versions.iter().any(|d| {
        (d.number == number || d.number == format!("SoA {}", v.number))
            && d.approved_on == Some(v.approved_on)
            && d.approved_by == Some(v.approved_by)
    })
}
