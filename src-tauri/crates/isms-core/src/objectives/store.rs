//! Reading and writing `objectives`, with history; owners must be people of the vault.

use rusqlite::types::ToSql;
use rusqlite::{Connection, Row};

use super::model::Objective;
use crate::db::record::{self, Record};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::Result;

impl Record for Objective {
    const TABLE: &'static str = "objectives";
    const COLUMNS: &'static [&'static str] = &[
        "title",
        "measure",
        "owner_id",
        "due_date",
        "status",
        "progress_notes",
    ];
    const ORDER: &'static str = "due_date IS NULL, due_date, title COLLATE NOCASE, id";
    const NOUN: &'static str = "objective";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        let notes = serde_json::to_string(&self.progress_notes).unwrap_or_else(|_| "[]".into());
        crate::sql_values![
            &self.title,
            &self.measure,
            &self.owner_id,
            &self.due_date,
            &self.status,
            notes
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let notes: String = row.get(6)?;
        Ok(Objective {
            id: row.get(0)?,
            title: row.get(1)?,
            measure: row.get(2)?,
            owner_id: row.get(3)?,
            due_date: row.get(4)?,
            status: row.get(5)?,
            progress_notes: serde_json::from_str(&notes).unwrap_or_default(),
        })
    }
}

pub fn list(conn: &Connection) -> Result<Vec<Objective>> {
    record::list(conn)
}

pub fn get(conn: &Connection, id: i64) -> Result<Objective> {
    record::get(conn, id)
}

pub fn create(vault: &mut Vault, stamp: Stamp, objective: Objective) -> Result<Objective> {
    vault.write(stamp, |tx| insert(tx, objective, Action::Create))
}

pub(crate) fn insert(
    tx: &mut WriteTx<'_>,
    objective: Objective,
    action: Action,
) -> Result<Objective> {
    let objective = objective.validated()?;
    crate::people::require_person(tx.reader(), "owner_id", objective.owner_id)?;
    record::insert(tx, objective, action)
}

pub fn update(vault: &mut Vault, stamp: Stamp, objective: Objective) -> Result<Objective> {
    let objective = objective.validated()?;
    vault.write(stamp, |tx| {
        crate::people::require_person(tx.reader(), "owner_id", objective.owner_id)?;
        record::replace(tx, objective)
    })
}

pub fn delete(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| record::remove::<Objective>(tx, id))
}
