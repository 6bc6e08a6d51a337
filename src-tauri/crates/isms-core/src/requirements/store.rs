//! Reading and writing `requirements`, with history; REQ-001 … references are assigned by the
//! vault. Owners must be people, parties interested parties, documents documents of the vault.

use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row};

use super::model::Requirement;
use crate::db::record::{self, Record};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, ErrorCode, FieldError, Result};

impl Record for Requirement {
    const TABLE: &'static str = "requirements";
    const COLUMNS: &'static [&'static str] = &[
        "reference",
        "source",
        "title",
        "requires",
        "party_id",
        "owner_id",
        "controls",
        "document_ids",
        "reviewed_on",
    ];
    const ORDER: &'static str = "id";
    const NOUN: &'static str = "requirement";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![
            &self.reference,
            &self.source,
            &self.title,
            &self.requires,
            &self.party_id,
            &self.owner_id,
            serde_json::to_string(&self.controls).unwrap_or_else(|_| "[]".into()),
            serde_json::to_string(&self.document_ids).unwrap_or_else(|_| "[]".into()),
            &self.reviewed_on,
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let controls: String = row.get(7)?;
        let documents: String = row.get(8)?;
        Ok(Requirement {
            id: row.get(0)?,
            reference: row.get(1)?,
            source: row.get(2)?,
            title: row.get(3)?,
            requires: row.get(4)?,
            party_id: row.get(5)?,
            owner_id: row.get(6)?,
            controls: serde_json::from_str(&controls).unwrap_or_default(),
            document_ids: serde_json::from_str(&documents).unwrap_or_default(),
            reviewed_on: row.get(9)?,
        })
    }
}

pub fn list(conn: &Connection) -> Result<Vec<Requirement>> {
    record::list(conn)
}

pub fn get(conn: &Connection, id: i64) -> Result<Requirement> {
    record::get(conn, id)
}

pub fn create(vault: &mut Vault, stamp: Stamp, requirement: Requirement) -> Result<Requirement> {
    vault.write(stamp, |tx| insert(tx, requirement, Action::Create))
}

/// Writes a requirement; an import keeps the reference it brings, anything else gets the next.
pub(crate) fn insert(
    tx: &mut WriteTx<'_>,
    requirement: Requirement,
    action: Action,
) -> Result<Requirement> {
    insert_keeping(tx, requirement, action, action == Action::Import)
}

fn insert_keeping(
    tx: &mut WriteTx<'_>,
    requirement: Requirement,
    action: Action,
    keep_reference: bool,
) -> Result<Requirement> {
    let mut requirement = requirement.validated()?;
    check_links(tx.reader(), &requirement)?;
    requirement.reference = requirement.reference.trim().to_uppercase();
    if !keep_reference || requirement.reference.is_empty() {
        requirement.reference = record::next_reference(tx.reader(), "requirements", "REQ-")?;
    }
    record::insert(tx, requirement, action)
}

/// [`create`] inside a write the caller holds (a spreadsheet import adds many in one): a
/// reference the requirement brings from the sheet is kept; without one the vault assigns the
/// next. `AlreadyExists` for a reference another requirement has.
pub fn create_in(tx: &mut WriteTx<'_>, requirement: Requirement) -> Result<Requirement> {
    let reference = requirement.reference.trim();
    if !reference.is_empty() {
        let taken = tx
            .reader()
            .query_row(
                "SELECT 1 FROM requirements WHERE reference = ?1 COLLATE NOCASE",
                [reference],
                |_| Ok(()),
            )
            .optional()?;
        if taken.is_some() {
            return Err(CoreError::new(
                ErrorCode::AlreadyExists,
                format!("{} is already in the register.", reference.to_uppercase()),
            ));
        }
    }
    insert_keeping(tx, requirement, Action::Create, true)
}

/// Updates a requirement; its reference never changes.
pub fn update(vault: &mut Vault, stamp: Stamp, requirement: Requirement) -> Result<Requirement> {
    vault.write(stamp, |tx| update_in(tx, requirement))
}

/// [`update`] inside a write the caller holds.
pub fn update_in(tx: &mut WriteTx<'_>, requirement: Requirement) -> Result<Requirement> {
    let mut requirement = requirement.validated()?;
    check_links(tx.reader(), &requirement)?;
    requirement.reference = get(tx.reader(), requirement.id)?.reference;
    record::replace(tx, requirement)
}

pub fn delete(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| record::remove::<Requirement>(tx, id))
}

fn check_links(conn: &Connection, requirement: &Requirement) -> Result<()> {
    crate::people::require_person(conn, "owner_id", requirement.owner_id)?;
    if let Some(party) = requirement.party_id {
        let found = crate::context::list_parties(conn)?
            .iter()
            .any(|p| p.id == party);
        if !found {
            return Err(CoreError::validation(vec![FieldError::new(
                "party_id",
                "Choose an interested party of the organisation's context.",
            )]));
        }
    }
    for id in &requirement.document_ids {
        crate::documents::get(conn, *id).map_err(|_| {
            CoreError::validation(vec![FieldError::new(
                "document_ids",
                format!("No document with id {id}."),
            )])
        })?;
    }
    Ok(())
}
