//! Reading and writing `soa_entries`, with history. Entries are listed in the standard's order.

use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::model::{ImplementationStatus, SoaEntry, SoaReasons};
use crate::db::{Action, Change, Stamp, Vault, WriteTx};
use crate::error::{CoreError, ErrorCode, FieldError, Result};
use crate::reference;

const TABLE: &str = "soa_entries";
const SELECT: &str = "SELECT control_id, applicable, reason_legal, reason_contractual, reason_business, \
                      reason_risk, justification, status, owner_id, notes FROM soa_entries";

impl rusqlite::types::ToSql for ImplementationStatus {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

/// Every entry, in the order of Annex A.
pub fn list(conn: &Connection) -> Result<Vec<SoaEntry>> {
    let mut stmt = conn.prepare(SELECT)?;
    let mut entries: Vec<SoaEntry> = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let position = |id: &str| {
        reference::controls()
            .iter()
            .position(|c| c.id == id)
            .unwrap_or(usize::MAX)
    };
    entries.sort_by_key(|e| position(&e.control_id));
    Ok(entries)
}

pub fn get(conn: &Connection, control_id: &str) -> Result<SoaEntry> {
    conn.query_row(
        &format!("{SELECT} WHERE control_id = ?1"),
        [control_id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| {
        CoreError::new(
            ErrorCode::NotFound,
            format!("No SoA entry for control {control_id}."),
        )
    })
}

/// Saves one entry.
pub fn update(vault: &mut Vault, stamp: Stamp, entry: SoaEntry) -> Result<SoaEntry> {
    let entry = entry.validated()?;
    vault.write(stamp, |tx| save(tx, entry, Action::Update))
}

/// [`update`] inside a write the caller holds, so a spreadsheet import saves many in one.
pub fn update_in(tx: &mut WriteTx<'_>, entry: SoaEntry) -> Result<SoaEntry> {
    save(tx, entry.validated()?, Action::Update)
}

/// Saves several entries at once (bulk actions), all or nothing. A validation error names the
/// control in its field: `justification` becomes `8.1.justification`.
pub fn update_many(
    vault: &mut Vault,
    stamp: Stamp,
    entries: Vec<SoaEntry>,
) -> Result<Vec<SoaEntry>> {
    let mut checked = Vec::with_capacity(entries.len());
    let mut errors = Vec::new();
    for entry in entries {
        let id = entry.control_id.clone();
        match entry.validated() {
            Ok(e) => checked.push(e),
            Err(err) if err.code == ErrorCode::Validation => errors.extend(
                err.fields
                    .into_iter()
                    .map(|f| FieldError::new(&format!("{id}.{}", f.field), f.message)),
            ),
            Err(err) => return Err(err),
        }
    }
    if !errors.is_empty() {
        return Err(CoreError::validation(errors));
    }
    vault.write(stamp, |tx| {
        checked
            .into_iter()
            .map(|e| save(tx, e, Action::Update))
            .collect()
    })
}

/// Overwrites an entry from a snapshot being imported.
pub(crate) fn import_entry(tx: &mut WriteTx<'_>, entry: SoaEntry) -> Result<SoaEntry> {
    save(tx, entry.validated()?, Action::Import)
}

fn save(tx: &mut WriteTx<'_>, entry: SoaEntry, action: Action) -> Result<SoaEntry> {
    let before = get(tx.reader(), &entry.control_id)?;
    if before == entry && action == Action::Update {
        return Ok(entry);
    }
    crate::people::require_person(tx.reader(), "owner_id", entry.owner_id)?;
    let change = Change {
        table: TABLE,
        record_id: entry.control_id.clone(),
        action,
        before: Some(serde_json::to_value(&before)?),
        after: Some(serde_json::to_value(&entry)?),
    };
    let r = &entry.reasons;
    let values: [&dyn ToSql; 10] = [
        &entry.control_id,
        &entry.applicable,
        &r.legal,
        &r.contractual,
        &r.business,
        &r.risk_assessment,
        &entry.justification,
        &entry.status,
        &entry.owner_id,
        &entry.notes,
    ];
    tx.apply(
        change,
        "UPDATE soa_entries SET applicable = ?2, reason_legal = ?3, reason_contractual = ?4, \
         reason_business = ?5, reason_risk = ?6, justification = ?7, status = ?8, owner_id = ?9, \
         notes = ?10 WHERE control_id = ?1",
        values.as_slice(),
    )?;
    Ok(entry)
}

/// How many controls of the reference list have no entry yet.
pub(crate) fn missing_count(conn: &Connection) -> Result<usize> {
    let present: i64 = conn.query_row("SELECT count(*) FROM soa_entries", [], |r| r.get(0))?;
    Ok(reference::controls().len().saturating_sub(present as usize))
}

/// Creates an undecided entry for every control of the reference list that has none.
pub(crate) fn seed_missing(tx: &mut WriteTx<'_>) -> Result<usize> {
    let mut created = 0;
    for control in reference::controls() {
        let exists: Option<i64> = tx
            .reader()
            .query_row(
                "SELECT 1 FROM soa_entries WHERE control_id = ?1",
                [&control.id],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_some() {
            continue;
        }
        let entry = SoaEntry::undecided(&control.id);
        let change = Change {
            table: TABLE,
            record_id: control.id.clone(),
            action: Action::Create,
            before: None,
            after: Some(serde_json::to_value(&entry)?),
        };
        tx.apply(
            change,
            "INSERT INTO soa_entries (control_id) VALUES (?1)",
            params![control.id],
        )?;
        created += 1;
    }
    Ok(created)
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<SoaEntry> {
    let control_id: String = row.get(0)?;
    let status: Option<String> = row.get(7)?;
    let mut entry = SoaEntry::undecided(&control_id);
    entry.applicable = row.get(1)?;
    entry.reasons = SoaReasons {
        legal: row.get(2)?,
        contractual: row.get(3)?,
        business: row.get(4)?,
        risk_assessment: row.get(5)?,
    };
    entry.justification = row.get(6)?;
    entry.status = status.as_deref().and_then(ImplementationStatus::parse);
    entry.owner_id = row.get(8)?;
    entry.notes = row.get(9)?;
    Ok(entry)
}
