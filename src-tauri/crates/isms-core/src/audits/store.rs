//! Reading and writing `audits`, with history, and the findings raised in them.

use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row};

use super::model::{Audit, AuditStatus};
use crate::db::record::{self, Record};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, ErrorCode, Result};
use crate::tracker::{self, ItemSource, TrackerItem};

fn json(v: &Vec<String>) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

impl Record for Audit {
    const TABLE: &'static str = "audits";
    const COLUMNS: &'static [&'static str] = &[
        "reference",
        "title",
        "planned_month",
        "scope_clauses",
        "scope_controls",
        "auditor_id",
        "external_auditor",
        "status",
        "started_on",
        "completed_on",
        "summary",
    ];
    const ORDER: &'static str = "planned_month, id";
    const NOUN: &'static str = "audit";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![
            &self.reference,
            &self.title,
            &self.planned_month,
            json(&self.scope_clauses),
            json(&self.scope_controls),
            &self.auditor_id,
            &self.external_auditor,
            &self.status,
            &self.started_on,
            &self.completed_on,
            &self.summary,
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let list = |i: usize| -> rusqlite::Result<Vec<String>> {
            let text: String = row.get(i)?;
            Ok(serde_json::from_str(&text).unwrap_or_default())
        };
        Ok(Audit {
            id: row.get(0)?,
            reference: row.get(1)?,
            title: row.get(2)?,
            planned_month: row.get(3)?,
            scope_clauses: list(4)?,
            scope_controls: list(5)?,
            auditor_id: row.get(6)?,
            external_auditor: row.get(7)?,
            status: row.get(8)?,
            started_on: row.get(9)?,
            completed_on: row.get(10)?,
            summary: row.get(11)?,
        })
    }
}

/// The programme, by planned month.
pub fn list(conn: &Connection) -> Result<Vec<Audit>> {
    record::list(conn)
}

pub fn get(conn: &Connection, id: i64) -> Result<Audit> {
    record::get(conn, id)
}

/// Plans an audit; the vault assigns its reference (IA-001…). Conflicts of independence do not
/// stop it being saved: they stay visible through `audits::conflicts`.
pub fn create(vault: &mut Vault, stamp: Stamp, audit: Audit) -> Result<Audit> {
    vault.write(stamp, |tx| insert(tx, audit, Action::Create))
}

pub(crate) fn insert(tx: &mut WriteTx<'_>, audit: Audit, action: Action) -> Result<Audit> {
    let mut audit = audit.validated()?;
    crate::people::require_person(tx.reader(), "auditor_id", audit.auditor_id)?;
    if action != Action::Import || audit.reference.is_empty() {
        audit.reference = record::next_reference(tx.reader(), "audits", "IA-")?;
    }
    record::insert(tx, audit, action)
}

/// [`create`] inside a write the caller holds (a spreadsheet import plans many in one): a
/// reference the audit brings from the sheet is kept; without one the vault assigns the next.
/// Errors as for [`create`]; `AlreadyExists` for a reference another audit has.
pub fn create_in(tx: &mut WriteTx<'_>, mut audit: Audit) -> Result<Audit> {
    audit.reference = audit.reference.trim().to_uppercase();
    if audit.reference.is_empty() {
        return insert(tx, audit, Action::Create);
    }
    let taken = tx
        .reader()
        .query_row(
            "SELECT 1 FROM audits WHERE reference = ?1 COLLATE NOCASE",
            [&audit.reference],
            |_| Ok(()),
        )
        .optional()?;
    if taken.is_some() {
        return Err(CoreError::new(
            ErrorCode::AlreadyExists,
            format!("An audit {} already exists.", audit.reference),
        ));
    }
    let audit = audit.validated()?;
    crate::people::require_person(tx.reader(), "auditor_id", audit.auditor_id)?;
    record::insert(tx, audit, Action::Create)
}

/// Saves an audit; its reference never changes.
pub fn update(vault: &mut Vault, stamp: Stamp, audit: Audit) -> Result<Audit> {
    vault.write(stamp, |tx| update_in(tx, audit))
}

/// [`update`] inside a write the caller holds. Errors as for [`update`].
pub fn update_in(tx: &mut WriteTx<'_>, audit: Audit) -> Result<Audit> {
    let mut audit = audit.validated()?;
    crate::people::require_person(tx.reader(), "auditor_id", audit.auditor_id)?;
    audit.reference = get(tx.reader(), audit.id)?.reference;
    record::replace(tx, audit)
}

/// Deletes a planned audit that raised nothing; one that took place is cancelled or kept.
pub fn delete(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| {
        let audit = get(tx.reader(), id)?;
        if audit.status != AuditStatus::Planned
            || !findings(tx.reader(), &audit.reference)?.is_empty()
        {
            return Err(CoreError::new(
                ErrorCode::Referenced,
                format!(
                    "{} has taken place or raised findings; mark it cancelled instead.",
                    audit.reference
                ),
            ));
        }
        record::remove::<Audit>(tx, id)
    })
}

/// The tracker items raised in the audit with this reference.
pub fn findings(conn: &Connection, audit_reference: &str) -> Result<Vec<TrackerItem>> {
    Ok(tracker::list(conn)?
        .into_iter()
        .filter(|i| i.source == ItemSource::InternalAudit && i.source_ref == audit_reference)
        .collect())
}

/// Raises a finding in an audit: a tracker item whose source is this internal audit.
pub fn raise_finding(
    vault: &mut Vault,
    stamp: Stamp,
    audit_id: i64,
    item: TrackerItem,
) -> Result<TrackerItem> {
    vault.write(stamp, |tx| {
        let audit = get(tx.reader(), audit_id)?;
        let item = TrackerItem {
            source: ItemSource::InternalAudit,
            source_ref: audit.reference,
            ..item
        };
        tracker::insert(tx, item, Action::Create)
    })
}
