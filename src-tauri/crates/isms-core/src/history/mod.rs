//! Reading the history that [`crate::db::WriteTx`] records: every change to every record, with
//! its before and after images, time and actor. History is append-only; nothing here writes.

use rusqlite::{Connection, params};
use serde::Serialize;
use serde_json::Value;

use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryEntry {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub table_name: String,
    pub record_id: String,
    pub action: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// The newest `limit` entries, newest first; only those of one table when `table` is given.
pub fn list(conn: &Connection, table: Option<&str>, limit: u32) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, table_name, record_id, action, before, after FROM history
         WHERE ?1 IS NULL OR table_name = ?1 ORDER BY id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![table, limit], |r| {
        let json = |i: usize| -> rusqlite::Result<Option<Value>> {
            let text: Option<String> = r.get(i)?;
            Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
        };
        Ok(HistoryEntry {
            id: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            table_name: r.get(3)?,
            record_id: r.get(4)?,
            action: r.get(5)?,
            before: json(6)?,
            after: json(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// True when the vault holds nothing beyond what creating it wrote: its only history is the
/// creation of the organisation and of the undecided SoA entries. Snapshot import accepts only
/// such a vault.
pub fn is_fresh(conn: &Connection) -> Result<bool> {
    let other: i64 = conn.query_row(
        "SELECT count(*) FROM history
         WHERE NOT (action = 'create' AND table_name IN ('organisation', 'soa_entries'))",
        [],
        |r| r.get(0),
    )?;
    Ok(other == 0)
}
