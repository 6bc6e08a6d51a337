//! The clause checklist: for each clause and subclause of 4 to 10 (from the embedded reference
//! list), the documents that address it and a note of the records that show it in practice.
//! A clause with nothing recorded has no row; reading fills it in as empty.

use rusqlite::{Connection, params};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::{Action, Change, Stamp, Vault, WriteTx};
use crate::error::{CoreError, ErrorCode, FieldError, Result};
use crate::reference;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ClauseEntry {
    pub clause_id: String,
    /// From the reference list; ignored when saving.
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub document_ids: Vec<i64>,
    /// Records that show the clause in practice, in the owner's words.
    #[serde(default)]
    pub records: String,
}

/// Every clause of 4 to 10, in the standard's order, with what is recorded for it.
pub fn list(conn: &Connection) -> Result<Vec<ClauseEntry>> {
    let mut stmt = conn.prepare("SELECT clause_id, document_ids, records FROM clause_notes")?;
    let stored: Vec<(String, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(reference::clauses()
        .iter()
        .map(|c| {
            let row = stored.iter().find(|(id, _, _)| id == &c.id);
            ClauseEntry {
                clause_id: c.id.clone(),
                title: c.title.clone(),
                document_ids: row
                    .map(|(_, d, _)| serde_json::from_str(d).unwrap_or_default())
                    .unwrap_or_default(),
                records: row.map(|(_, _, r)| r.clone()).unwrap_or_default(),
            }
        })
        .collect())
}

pub fn update(vault: &mut Vault, stamp: Stamp, entry: ClauseEntry) -> Result<ClauseEntry> {
    vault.write(stamp, |tx| save(tx, entry, Action::Update))
}

pub(crate) fn save(
    tx: &mut WriteTx<'_>,
    mut entry: ClauseEntry,
    action: Action,
) -> Result<ClauseEntry> {
    let Some(clause) = reference::clauses()
        .iter()
        .find(|c| c.id == entry.clause_id.trim())
    else {
        return Err(CoreError::new(
            ErrorCode::NotFound,
            format!("{} is not a clause of 4 to 10.", entry.clause_id),
        ));
    };
    entry.clause_id = clause.id.clone();
    entry.title = clause.title.clone();
    entry.records = entry.records.trim_end().to_owned();
    entry.document_ids.sort_unstable();
    entry.document_ids.dedup();
    for id in &entry.document_ids {
        if crate::documents::get(tx.reader(), *id).is_err() {
            return Err(CoreError::validation(vec![FieldError::new(
                "document_ids",
                format!("No document with id {id}."),
            )]));
        }
    }
    let before = list(tx.reader())?
        .into_iter()
        .find(|e| e.clause_id == entry.clause_id);
    if before.as_ref() == Some(&entry) {
        return Ok(entry);
    }
    let change = Change {
        table: "clause_notes",
        record_id: entry.clause_id.clone(),
        action,
        before: before.as_ref().map(serde_json::to_value).transpose()?,
        after: Some(serde_json::to_value(&entry)?),
    };
    tx.apply(
        change,
        "INSERT INTO clause_notes (clause_id, document_ids, records) VALUES (?1, ?2, ?3)
         ON CONFLICT (clause_id) DO UPDATE SET document_ids = ?2, records = ?3",
        params![
            entry.clause_id,
            serde_json::to_string(&entry.document_ids)?,
            entry.records
        ],
    )?;
    Ok(entry)
}
