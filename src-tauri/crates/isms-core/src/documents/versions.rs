//! Document versions: one draft at a time is edited; approving it freezes it for good (the
//! schema's triggers refuse any change to an approved version).

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::model::{Document, DocumentVersion, DraftVersion};
use super::store::get;
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, ErrorCode, FieldError, Result};

const TABLE: &str = "document_versions";

/// Saves the document's draft version: updates the open draft, or starts a new one.
pub fn save_draft(
    vault: &mut Vault,
    stamp: Stamp,
    document_id: i64,
    draft: DraftVersion,
) -> Result<Document> {
    let number = draft.number.trim().to_owned();
    if number.is_empty() {
        return Err(CoreError::validation(vec![FieldError::new(
            "number",
            "Give the version a number, such as 1.0.",
        )]));
    }
    vault.write(stamp, |tx| {
        let doc = get(tx.reader(), document_id)?;
        if let Some(evidence) = draft.evidence_id {
            crate::evidence::get(tx.reader(), evidence)
                .map_err(|_| CoreError::validation(vec![FieldError::new("evidence_id", "Attach a stored file.")]))?;
        }
        let open = doc.versions.iter().find(|v| v.approved_on.is_none()).cloned();
        if doc.versions.iter().any(|v| v.number == number && Some(v.id) != open.as_ref().map(|o| o.id)) {
            return Err(CoreError::validation(vec![FieldError::new(
                "number",
                format!("{} already has a version {number}.", doc.reference),
            )]));
        }
        let version = DocumentVersion {
            id: open.as_ref().map_or(0, |o| o.id),
            number,
            change_summary: draft.change_summary.trim().to_owned(),
            evidence_id: draft.evidence_id,
            approved_by: None,
            approved_on: None,
        };
        match open {
            Some(old) if old == version => {}
            Some(old) => {
                tx.update(
                    TABLE,
                    old.id,
                    &old,
                    &version,
                    "UPDATE document_versions SET number = ?2, change_summary = ?3, evidence_id = ?4 WHERE id = ?1",
                    params![old.id, version.number, version.change_summary, version.evidence_id],
                )?;
            }
            None => {
                insert_version(tx, document_id, version, Action::Create)?;
            }
        }
        get(tx.reader(), document_id)
    })
}

/// Approves a draft version: by whom and on which date. It never changes afterwards.
pub fn approve_version(
    vault: &mut Vault,
    stamp: Stamp,
    version_id: i64,
    approved_by: i64,
    approved_on: NaiveDate,
) -> Result<Document> {
    vault.write(stamp, |tx| {
        let document_id: i64 = tx
            .reader()
            .query_row(
                "SELECT document_id FROM document_versions WHERE id = ?1",
                [version_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| {
                CoreError::new(
                    ErrorCode::NotFound,
                    format!("No document version with id {version_id}."),
                )
            })?;
        crate::people::require_person(tx.reader(), "approved_by", Some(approved_by))?;
        let doc = get(tx.reader(), document_id)?;
        let before = doc
            .versions
            .iter()
            .find(|v| v.id == version_id)
            .cloned()
            .expect("version of its document");
        if before.approved_on.is_some() {
            return Err(CoreError::validation(vec![FieldError::new(
                "approved_on",
                "This version is already approved; save a new draft to change the document.",
            )]));
        }
        let after = DocumentVersion {
            approved_by: Some(approved_by),
            approved_on: Some(approved_on),
            ..before.clone()
        };
        tx.update(
            TABLE,
            version_id,
            &before,
            &after,
            "UPDATE document_versions SET approved_by = ?2, approved_on = ?3 WHERE id = ?1",
            params![version_id, approved_by, approved_on],
        )?;
        get(tx.reader(), document_id)
    })
}

/// Records, inside a write the caller holds, a version of a document approved outside the
/// app on `approved_on` (by nobody the vault knows), so that acknowledgements of it gathered
/// elsewhere can be imported. Returns its id.
///
/// Errors: `Validation` for a blank number or one the document already has; `NotFound` for
/// no such document.
pub fn add_approved_in(
    tx: &mut WriteTx<'_>,
    document_id: i64,
    number: &str,
    change_summary: &str,
    approved_on: NaiveDate,
) -> Result<i64> {
    let number = number.trim().to_owned();
    let doc = get(tx.reader(), document_id)?;
    if number.is_empty() || doc.versions.iter().any(|v| v.number == number) {
        return Err(CoreError::validation(vec![FieldError::new(
            "number",
            if number.is_empty() {
                "Give the version a number, such as 1.0.".to_owned()
            } else {
                format!("{} already has a version {number}.", doc.reference)
            },
        )]));
    }
    let version = DocumentVersion {
        id: 0,
        number,
        change_summary: change_summary.trim().to_owned(),
        evidence_id: None,
        approved_by: None,
        approved_on: Some(approved_on),
    };
    insert_version(tx, document_id, version, Action::Create)
}

pub(crate) fn insert_version(
    tx: &mut WriteTx<'_>,
    document_id: i64,
    v: DocumentVersion,
    action: Action,
) -> Result<i64> {
    let keep_id = (action == Action::Import).then_some(v.id);
    tx.insert(
        TABLE,
        action,
        &v,
        "INSERT INTO document_versions (id, document_id, number, change_summary, evidence_id, approved_by, approved_on) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![keep_id, document_id, v.number, v.change_summary, v.evidence_id, v.approved_by, v.approved_on],
    )
}
