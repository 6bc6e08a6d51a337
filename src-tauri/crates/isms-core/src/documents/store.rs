//! Reading and writing `documents`, with history; versions are in `versions.rs`.

use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::model::{Document, DocumentVersion};
use crate::db::record::{self, Record};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, ErrorCode, FieldError, Result};

impl Record for Document {
    const TABLE: &'static str = "documents";
    const COLUMNS: &'static [&'static str] = &[
        "reference",
        "title",
        "kind",
        "mandatory_items",
        "owner_id",
        "review_months",
        "next_review",
        "communicate",
        "audience",
    ];
    const ORDER: &'static str = "reference COLLATE NOCASE, id";
    const NOUN: &'static str = "document";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        let json = |v: &Vec<String>| serde_json::to_string(v).unwrap_or_else(|_| "[]".into());
        crate::sql_values![
            &self.reference,
            &self.title,
            &self.kind,
            json(&self.mandatory_items),
            &self.owner_id,
            &self.review_months,
            &self.next_review,
            &self.communicate,
            json(&self.audience),
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let list = |i: usize| -> rusqlite::Result<Vec<String>> {
            let text: String = row.get(i)?;
            Ok(serde_json::from_str(&text).unwrap_or_default())
        };
        Ok(Document {
            id: row.get(0)?,
            reference: row.get(1)?,
            title: row.get(2)?,
            kind: row.get(3)?,
            mandatory_items: list(4)?,
            owner_id: row.get(5)?,
            review_months: row.get(6)?,
            next_review: row.get(7)?,
            communicate: row.get(8)?,
            audience: list(9)?,
            versions: Vec::new(),
        })
    }
}

/// Every document with its versions, by reference.
pub fn list(conn: &Connection) -> Result<Vec<Document>> {
    let mut docs: Vec<Document> = record::list(conn)?;
    for doc in &mut docs {
        doc.versions = versions_of(conn, doc.id)?;
    }
    Ok(docs)
}

pub fn get(conn: &Connection, id: i64) -> Result<Document> {
    let mut doc: Document = record::get(conn, id)?;
    doc.versions = versions_of(conn, id)?;
    Ok(doc)
}

pub(crate) fn versions_of(conn: &Connection, document_id: i64) -> Result<Vec<DocumentVersion>> {
    let mut stmt = conn.prepare(
        "SELECT id, number, change_summary, evidence_id, approved_by, approved_on FROM document_versions \
         WHERE document_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([document_id], |r| {
        Ok(DocumentVersion {
            id: r.get(0)?,
            number: r.get(1)?,
            change_summary: r.get(2)?,
            evidence_id: r.get(3)?,
            approved_by: r.get(4)?,
            approved_on: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn create(vault: &mut Vault, stamp: Stamp, document: Document) -> Result<Document> {
    vault.write(stamp, |tx| insert(tx, document, Action::Create))
}

pub(crate) fn insert(tx: &mut WriteTx<'_>, document: Document, action: Action) -> Result<Document> {
    let mut document = document.validated()?;
    check(tx.reader(), &document, None)?;
    document.versions.clear();
    record::insert(tx, document, action)
}

/// [`create`] inside a write the caller holds, so a spreadsheet import adds many in one.
pub fn create_in(tx: &mut WriteTx<'_>, document: Document) -> Result<Document> {
    insert(tx, document, Action::Create)
}

/// Saves the register entry (not the versions).
pub fn update(vault: &mut Vault, stamp: Stamp, document: Document) -> Result<Document> {
    vault.write(stamp, |tx| update_in(tx, document))
}

/// [`update`] inside a write the caller holds. Errors as for [`update`].
pub fn update_in(tx: &mut WriteTx<'_>, document: Document) -> Result<Document> {
    let mut document = document.validated()?;
    check(tx.reader(), &document, Some(document.id))?;
    document.versions.clear();
    let saved = record::replace(tx, document)?;
    get(tx.reader(), saved.id)
}

/// Deletes a document that was never approved (with its drafts); an approved one stays in the
/// register for good.
pub fn delete(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| {
        let doc = get(tx.reader(), id)?;
        if doc.current().is_some() {
            return Err(CoreError::new(
                ErrorCode::Referenced,
                format!("{} has an approved version, so it stays in the register. Mark it withdrawn in a new version instead.", doc.reference),
            ));
        }
        for v in &doc.versions {
            tx.delete("document_versions", v.id, v, "DELETE FROM document_versions WHERE id = ?1", [v.id])?;
        }
        record::remove::<Document>(tx, id)
    })
}

fn check(conn: &Connection, doc: &Document, except: Option<i64>) -> Result<()> {
    crate::people::require_person(conn, "owner_id", doc.owner_id)?;
    let taken: Option<String> = conn
        .query_row(
            "SELECT title FROM documents WHERE reference = ?1 AND id IS NOT ?2",
            params![doc.reference, except],
            |r| r.get(0),
        )
        .optional()?;
    match taken {
        Some(title) => Err(CoreError::validation(vec![FieldError::new(
            "reference",
            format!("{} is already the reference of “{title}”.", doc.reference),
        )])),
        None => Ok(()),
    }
}
