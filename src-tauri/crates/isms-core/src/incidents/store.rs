//! Reading and writing `incidents`, with history; INC-001 … references are assigned by the
//! vault. The tracker items an incident raised are those with source "incident" and its
//! reference.

use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row};

use super::model::Incident;
use crate::db::record::{self, Record};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, ErrorCode, FieldError, Result};
use crate::tracker::{self, ItemSource, TrackerItem};

fn json(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

impl Record for Incident {
    const TABLE: &'static str = "incidents";
    const COLUMNS: &'static [&'static str] = &[
        "reference",
        "title",
        "reported_on",
        "reported_by",
        "category",
        "severity",
        "asset_ids",
        "supplier_ids",
        "personal_data",
        "response",
        "status",
        "closed_on",
        "lessons",
        "raises_nc",
        "evidence_ids",
    ];
    const ORDER: &'static str = "reported_on, id";
    const NOUN: &'static str = "incident";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![
            &self.reference,
            &self.title,
            &self.reported_on,
            &self.reported_by,
            &self.category,
            &self.severity,
            json(&self.asset_ids),
            json(&self.supplier_ids),
            &self.personal_data,
            &self.response,
            &self.status,
            &self.closed_on,
            &self.lessons,
            &self.raises_nc,
            json(&self.evidence_ids),
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let ids = |i: usize| -> rusqlite::Result<Vec<i64>> {
            let text: String = row.get(i)?;
            Ok(serde_json::from_str(&text).unwrap_or_default())
        };
        Ok(Incident {
            id: row.get(0)?,
            reference: row.get(1)?,
            title: row.get(2)?,
            reported_on: row.get(3)?,
            reported_by: row.get(4)?,
            category: row.get(5)?,
            severity: row.get(6)?,
            asset_ids: ids(7)?,
            supplier_ids: ids(8)?,
            personal_data: row.get(9)?,
            response: row.get(10)?,
            status: row.get(11)?,
            closed_on: row.get(12)?,
            lessons: row.get(13)?,
            raises_nc: row.get(14)?,
            evidence_ids: ids(15)?,
        })
    }
}

/// Every incident, oldest report first.
pub fn list(conn: &Connection) -> Result<Vec<Incident>> {
    record::list(conn)
}

pub fn get(conn: &Connection, id: i64) -> Result<Incident> {
    record::get(conn, id)
}

pub fn create(vault: &mut Vault, stamp: Stamp, incident: Incident) -> Result<Incident> {
    vault.write(stamp, |tx| insert(tx, incident, Action::Create))
}

/// Writes an incident; an import keeps the reference it brings, anything else gets the next.
pub(crate) fn insert(tx: &mut WriteTx<'_>, incident: Incident, action: Action) -> Result<Incident> {
    insert_keeping(tx, incident, action, action == Action::Import)
}

fn insert_keeping(
    tx: &mut WriteTx<'_>,
    incident: Incident,
    action: Action,
    keep_reference: bool,
) -> Result<Incident> {
    let mut incident = incident.validated()?;
    check_links(tx.reader(), &incident)?;
    incident.reference = incident.reference.trim().to_uppercase();
    if !keep_reference || incident.reference.is_empty() {
        incident.reference = record::next_reference(tx.reader(), "incidents", "INC-")?;
    }
    record::insert(tx, incident, action)
}

/// [`create`] inside a write the caller holds (a spreadsheet import adds many in one): a
/// reference the incident brings from the sheet is kept; without one the vault assigns the
/// next. `AlreadyExists` for a reference another incident has.
pub fn create_in(tx: &mut WriteTx<'_>, incident: Incident) -> Result<Incident> {
    let reference = incident.reference.trim();
    if !reference.is_empty() {
        let taken = tx
            .reader()
            .query_row(
                "SELECT 1 FROM incidents WHERE reference = ?1 COLLATE NOCASE",
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
    insert_keeping(tx, incident, Action::Create, true)
}

/// Updates an incident; its reference never changes.
pub fn update(vault: &mut Vault, stamp: Stamp, incident: Incident) -> Result<Incident> {
    vault.write(stamp, |tx| update_in(tx, incident))
}

/// [`update`] inside a write the caller holds.
pub fn update_in(tx: &mut WriteTx<'_>, incident: Incident) -> Result<Incident> {
    let mut incident = incident.validated()?;
    check_links(tx.reader(), &incident)?;
    incident.reference = get(tx.reader(), incident.id)?.reference;
    record::replace(tx, incident)
}

/// Deletes an incident recorded by mistake; refused once it raised tracker items.
pub fn delete(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| {
        let incident = get(tx.reader(), id)?;
        let raised = items(tx.reader(), &incident.reference)?;
        if !raised.is_empty() {
            let refs: Vec<&str> = raised.iter().map(|i| i.reference.as_str()).collect();
            return Err(CoreError::new(
                ErrorCode::Referenced,
                format!(
                    "Tracker items {} follow this incident up; it stays in the log.",
                    refs.join(", ")
                ),
            ));
        }
        record::remove::<Incident>(tx, id)
    })
}

/// The tracker items raised from the incident with this reference.
pub fn items(conn: &Connection, reference: &str) -> Result<Vec<TrackerItem>> {
    Ok(tracker::list(conn)?
        .into_iter()
        .filter(|i| {
            i.source == ItemSource::Incident && i.source_ref.eq_ignore_ascii_case(reference)
        })
        .collect())
}

/// Raises a tracker item (an NC or an action) from an incident: its source is the incident.
pub fn raise_item(
    vault: &mut Vault,
    stamp: Stamp,
    incident_id: i64,
    item: TrackerItem,
) -> Result<TrackerItem> {
    vault.write(stamp, |tx| {
        let incident = get(tx.reader(), incident_id)?;
        let item = TrackerItem {
            source: ItemSource::Incident,
            source_ref: incident.reference,
            ..item
        };
        tracker::insert(tx, item, Action::Create)
    })
}

fn check_links(conn: &Connection, incident: &Incident) -> Result<()> {
    crate::people::require_person(conn, "reported_by", incident.reported_by)?;
    let missing = |field: &str, what: &str, id: i64| {
        CoreError::validation(vec![FieldError::new(
            field,
            format!("No {what} with id {id}."),
        )])
    };
    for id in &incident.asset_ids {
        crate::assets::get(conn, *id).map_err(|_| missing("asset_ids", "asset", *id))?;
    }
    for id in &incident.supplier_ids {
        crate::suppliers::get(conn, *id).map_err(|_| missing("supplier_ids", "supplier", *id))?;
    }
    for id in &incident.evidence_ids {
        crate::evidence::get(conn, *id)
            .map_err(|_| missing("evidence_ids", "evidence file", *id))?;
    }
    Ok(())
}
