//! Reading and writing `acknowledgements`, with history.

use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::model::Acknowledgement;
use crate::db::record::{self, Record};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, FieldError, Result};

impl Record for Acknowledgement {
    const TABLE: &'static str = "acknowledgements";
    const COLUMNS: &'static [&'static str] = &[
        "person_id",
        "version_id",
        "acknowledged_on",
        "method",
        "evidence_id",
    ];
    const ORDER: &'static str = "acknowledged_on, id";
    const NOUN: &'static str = "acknowledgement";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![
            &self.person_id,
            &self.version_id,
            &self.acknowledged_on,
            &self.method,
            &self.evidence_id
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Acknowledgement {
            id: row.get(0)?,
            person_id: row.get(1)?,
            version_id: row.get(2)?,
            acknowledged_on: row.get(3)?,
            method: row.get(4)?,
            evidence_id: row.get(5)?,
        })
    }
}

pub fn list(conn: &Connection) -> Result<Vec<Acknowledgement>> {
    record::list(conn)
}

pub fn add(vault: &mut Vault, stamp: Stamp, ack: Acknowledgement) -> Result<Acknowledgement> {
    vault.write(stamp, |tx| insert(tx, ack, Action::Create))
}

/// [`add`] inside a write the caller holds, so an import adds many in one.
pub fn add_in(tx: &mut WriteTx<'_>, ack: Acknowledgement) -> Result<Acknowledgement> {
    insert(tx, ack, Action::Create)
}

/// Records an acknowledgement of an approved version; a draft cannot be acknowledged, and one
/// person acknowledges a version once.
pub(crate) fn insert(
    tx: &mut WriteTx<'_>,
    ack: Acknowledgement,
    action: Action,
) -> Result<Acknowledgement> {
    crate::people::require_person(tx.reader(), "person_id", Some(ack.person_id))?;
    let approved: Option<Option<String>> = tx
        .reader()
        .query_row(
            "SELECT approved_on FROM document_versions WHERE id = ?1",
            [ack.version_id],
            |r| r.get(0),
        )
        .optional()?;
    match approved {
        None => {
            return Err(CoreError::validation(vec![FieldError::new(
                "version_id",
                "No such document version.",
            )]));
        }
        Some(None) => {
            return Err(CoreError::validation(vec![FieldError::new(
                "version_id",
                "Only an approved version can be acknowledged.",
            )]));
        }
        Some(Some(_)) => {}
    }
    let twice: Option<i64> = tx
        .reader()
        .query_row(
            "SELECT id FROM acknowledgements WHERE person_id = ?1 AND version_id = ?2",
            params![ack.person_id, ack.version_id],
            |r| r.get(0),
        )
        .optional()?;
    if twice.is_some() {
        return Err(CoreError::validation(vec![FieldError::new(
            "person_id",
            "This person has already acknowledged this version.",
        )]));
    }
    record::insert(tx, ack, action)
}

pub fn delete(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| record::remove::<Acknowledgement>(tx, id))
}
