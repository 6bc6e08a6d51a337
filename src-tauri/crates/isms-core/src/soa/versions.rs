//! Approved SoA versions: approving freezes every entry as it stands into an immutable row
//! (triggers in the schema refuse any update or delete), numbered 1, 2, 3…

use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::model::{SoaEntry, SoaVersion};
use super::store::list;
use crate::db::{Action, Change, Stamp, Vault, WriteTx};
use crate::error::{CoreError, FieldError, Result};
use crate::people::Person;

const TABLE: &str = "soa_versions";

/// Approves the SoA as it stands now, by `approved_by` on `approved_on`.
pub fn approve(
    vault: &mut Vault,
    stamp: Stamp,
    approved_by: i64,
    approved_on: NaiveDate,
    note: &str,
) -> Result<SoaVersion> {
    vault.write(stamp, |tx| {
        if crate::db::record::get::<Person>(tx.reader(), approved_by).is_err() {
            return Err(CoreError::validation(vec![FieldError::new(
                "approved_by",
                "Choose who approves the SoA from the people list.",
            )]));
        }
        let next: u32 = tx.reader().query_row(
            "SELECT coalesce(max(number), 0) + 1 FROM soa_versions",
            [],
            |r| r.get(0),
        )?;
        let version = SoaVersion {
            number: next,
            approved_by,
            approved_on,
            note: note.trim().to_owned(),
            entries: list(tx.reader())?,
        };
        insert_version(tx, version, Action::Create)
    })
}

/// Every approved version, oldest first.
pub fn versions(conn: &Connection) -> Result<Vec<SoaVersion>> {
    let mut stmt = conn.prepare(
        "SELECT number, approved_by, approved_on, note, entries FROM soa_versions ORDER BY number",
    )?;
    let rows = stmt.query_map([], |r| {
        let entries: String = r.get(4)?;
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, entries))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (number, approved_by, approved_on, note, entries) = row?;
        let entries: Vec<SoaEntry> = serde_json::from_str(&entries)?;
        out.push(SoaVersion {
            number,
            approved_by,
            approved_on,
            note,
            entries,
        });
    }
    Ok(out)
}

pub(crate) fn insert_version(
    tx: &mut WriteTx<'_>,
    version: SoaVersion,
    action: Action,
) -> Result<SoaVersion> {
    let entries = serde_json::to_string(&version.entries)?;
    let change = Change {
        table: TABLE,
        record_id: version.number.to_string(),
        action,
        before: None,
        after: Some(serde_json::json!({
            "number": version.number,
            "approved_by": version.approved_by,
            "approved_on": version.approved_on,
            "note": version.note,
        })),
    };
    tx.apply(
        change,
        "INSERT INTO soa_versions (number, approved_by, approved_on, note, entries) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![version.number, version.approved_by, version.approved_on, version.note, entries],
    )?;
    Ok(version)
}
