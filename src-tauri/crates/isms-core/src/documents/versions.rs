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
    let version = DocumentVersion {
        id: 0,
        number: number.to_owned(),
        change_summary: change_summary.to_owned(),
        evidence_id: None,
        approved_by: None,
        approved_on: Some(approved_on),
    };
    add_version_in(tx, document_id, version)
}

/// Records, inside a write the caller holds, a version of a document as a register kept
/// elsewhere gives it (a workbook's list of versions): approved on its day, by a person of the
/// vault or by nobody it knows, or, without a day, the document's draft. Approved, it is frozen
/// like any other. The version's `id` is ignored. Returns its id.
///
/// Errors: `Validation` for a blank number or one the document already has, an approver
/// without a day, an approver or evidence the vault does not hold, a second draft; `NotFound`
/// for no such document.
pub fn add_version_in(
    tx: &mut WriteTx<'_>,
    document_id: i64,
    version: DocumentVersion,
) -> Result<i64> {
    let number = version.number.trim().to_owned();
    let doc = get(tx.reader(), document_id)?;
    let mut errors = Vec::new();
    if number.is_empty() {
        errors.push(FieldError::new(
            "number",
            "Give the version a number, such as 1.0.",
        ));
    } else if doc.versions.iter().any(|v| v.number == number) {
        errors.push(FieldError::new(
            "number",
            format!("{} already has a version {number}.", doc.reference),
        ));
    }
    if version.approved_on.is_none() {
        if version.approved_by.is_some() {
            errors.push(FieldError::new(
                "approved_on",
                "A version approved by someone needs the day it was approved.",
            ));
        } else if doc.versions.iter().any(|v| v.approved_on.is_none()) {
            errors.push(FieldError::new(
                "approved_on",
                format!("{} already has a draft; a version without an approval day would be a second one.", doc.reference),
            ));
        }
    }
    if let Some(id) = version.evidence_id
        && crate::evidence::get(tx.reader(), id).is_err()
    {
        errors.push(FieldError::new("evidence_id", "Attach a stored file."));
    }
    if !errors.is_empty() {
        return Err(CoreError::validation(errors));
    }
    crate::people::require_person(tx.reader(), "approved_by", version.approved_by)?;
    let version = DocumentVersion {
        id: 0,
        number,
        change_summary: version.change_summary.trim().to_owned(),
        ..version
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
