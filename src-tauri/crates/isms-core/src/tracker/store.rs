//! Reading and writing `tracker_items` and their append-only `tracker_notes`, with history.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::model::{ProgressEntry, TrackerItem};
use crate::db::record::{self, Record};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, ErrorCode, FieldError, Result};

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

impl Record for TrackerItem {
    const TABLE: &'static str = "tracker_items";
    const COLUMNS: &'static [&'static str] = &[
        "reference",
        "kind",
        "title",
        "description",
        "source",
        "source_ref",
        "clauses",
        "controls",
        "owner_id",
        "raised_on",
        "due_on",
        "status",
        "correction",
        "root_cause",
        "corrective_action",
        "decision",
        "effectiveness_on",
        "effectiveness_result",
        "closed_on",
        "evidence_ids",
        "finding_number",
    ];
    const ORDER: &'static str = "id";
    const NOUN: &'static str = "tracker item";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![
            &self.reference,
            &self.kind,
            &self.title,
            &self.description,
            &self.source,
            &self.source_ref,
            json(&self.clauses),
            json(&self.controls),
            &self.owner_id,
            &self.raised_on,
            &self.due_on,
            &self.status,
            &self.correction,
            &self.root_cause,
            &self.corrective_action,
            &self.decision,
            &self.effectiveness_on,
            &self.effectiveness_result,
            &self.closed_on,
            json(&self.evidence_ids),
            &self.finding_number,
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let list = |i: usize| -> rusqlite::Result<String> { row.get(i) };
        Ok(TrackerItem {
            id: row.get(0)?,
            reference: row.get(1)?,
            kind: row.get(2)?,
            title: row.get(3)?,
            description: row.get(4)?,
            source: row.get(5)?,
            source_ref: row.get(6)?,
            clauses: serde_json::from_str(&list(7)?).unwrap_or_default(),
            controls: serde_json::from_str(&list(8)?).unwrap_or_default(),
            owner_id: row.get(9)?,
            raised_on: row.get(10)?,
            due_on: row.get(11)?,
            status: row.get(12)?,
            correction: row.get(13)?,
            root_cause: row.get(14)?,
            corrective_action: row.get(15)?,
            decision: row.get(16)?,
            effectiveness_on: row.get(17)?,
            effectiveness_result: row.get(18)?,
            closed_on: row.get(19)?,
            evidence_ids: serde_json::from_str(&list(20)?).unwrap_or_default(),
            finding_number: row.get(21)?,
            notes: Vec::new(),
        })
    }
}

/// Every item with its notes, oldest first.
pub fn list(conn: &Connection) -> Result<Vec<TrackerItem>> {
    with_notes(conn, "TRUE", [])
}

/// The items overdue as of `today`, longest overdue first, each as it stood on that day: raised
/// by then, not closed by then, due before it. What the dashboard follows up for any day it
/// is asked about, without sending the whole tracker to the window; the same items a
/// [`crate::view::View`] of that day finds overdue.
pub fn overdue(conn: &Connection, today: NaiveDate) -> Result<Vec<TrackerItem>> {
    // `TrackerItem::is_overdue` on the day in SQL: dates are stored as YYYY-MM-DD, which sort
    // as text; an item closed without a date counts as closed (as the view takes it).
    let mut items = with_notes(
        conn,
        "raised_on <= ?1 AND due_on IS NOT NULL AND due_on < ?1 \
         AND (status <> 'closed' OR closed_on > ?1)",
        [today],
    )?;
    for item in &mut items {
        crate::view::tracker_item(item, today);
    }
    items.sort_by_key(|item| (item.due_on, item.id));
    Ok(items)
}

/// The items for which `condition` holds, each with its notes. The notes are read whole: they
/// are few beside the items, and selecting them by item would scan the items a second time
/// (about 30 ms on the large demo's 50,000, against well under one for the notes).
fn with_notes(
    conn: &Connection,
    condition: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<TrackerItem>> {
    let mut items: Vec<TrackerItem> = record::list_where(conn, condition, params)?;
    let mut notes = notes_by_item(conn, None)?;
    for item in &mut items {
        item.notes = notes.remove(&item.id).unwrap_or_default();
    }
    Ok(items)
}

pub fn get(conn: &Connection, id: i64) -> Result<TrackerItem> {
    let mut item: TrackerItem = record::get(conn, id)?;
    item.notes = notes_by_item(conn, Some(id))?
        .remove(&id)
        .unwrap_or_default();
    Ok(item)
}

fn notes_by_item(conn: &Connection, only: Option<i64>) -> Result<HashMap<i64, Vec<ProgressEntry>>> {
    // One item's through the index on item_id (`?1 IS NULL OR item_id = ?1` would scan them all).
    let mut stmt = conn.prepare_cached(if only.is_some() {
        "SELECT item_id, id, noted_on, note FROM tracker_notes WHERE item_id = ?1 ORDER BY noted_on, id"
    } else {
        "SELECT item_id, id, noted_on, note FROM tracker_notes WHERE ?1 IS NULL ORDER BY noted_on, id"
    })?;
    let rows = stmt.query_map([only], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            ProgressEntry {
                id: r.get(1)?,
                noted_on: r.get(2)?,
                note: r.get(3)?,
            },
        ))
    })?;
    let mut out: HashMap<i64, Vec<ProgressEntry>> = HashMap::new();
    for row in rows {
        let (item, note) = row?;
        out.entry(item).or_default().push(note);
    }
    Ok(out)
}

/// Raises a new item; the vault assigns its reference (T-001…).
pub fn create(vault: &mut Vault, stamp: Stamp, item: TrackerItem) -> Result<TrackerItem> {
    vault.write(stamp, |tx| insert(tx, item, Action::Create))
}

pub(crate) fn insert(
    tx: &mut WriteTx<'_>,
    item: TrackerItem,
    action: Action,
) -> Result<TrackerItem> {
    let mut item = item.validated()?;
    check_links(tx.reader(), &item)?;
    if action != Action::Import || item.reference.is_empty() {
        item.reference = record::next_reference(tx.reader(), "tracker_items", "T-")?;
    }
    let notes = std::mem::take(&mut item.notes);
    let mut saved = record::insert(tx, item, action)?;
    if action == Action::Import {
        for note in notes {
            saved
                .notes
                .push(insert_note(tx, saved.id, note, Action::Import)?);
        }
    }
    Ok(saved)
}

/// [`create`] inside a write the caller holds (a spreadsheet import adds many in one): a
/// reference the item brings from the sheet is kept; without one the vault assigns the next.
/// Errors as for [`create`]; `AlreadyExists` for a reference another item has.
pub fn create_in(tx: &mut WriteTx<'_>, mut item: TrackerItem) -> Result<TrackerItem> {
    item.reference = item.reference.trim().to_owned();
    if item.reference.is_empty() {
        return insert(tx, item, Action::Create);
    }
    let taken = tx
        .reader()
        .query_row(
            "SELECT 1 FROM tracker_items WHERE reference = ?1 COLLATE NOCASE",
            [&item.reference],
            |_| Ok(()),
        )
        .optional()?;
    if taken.is_some() {
        return Err(CoreError::new(
            ErrorCode::AlreadyExists,
            format!("A tracker item {} already exists.", item.reference),
        ));
    }
    let item = item.validated()?;
    check_links(tx.reader(), &item)?;
    record::insert(
        tx,
        TrackerItem {
            notes: Vec::new(),
            ..item
        },
        Action::Create,
    )
}

/// Saves an item (not its notes); the status rules are checked on every save.
pub fn update(vault: &mut Vault, stamp: Stamp, item: TrackerItem) -> Result<TrackerItem> {
    vault.write(stamp, |tx| update_in(tx, item))
}

/// [`update`] inside a write the caller holds. Errors as for [`update`].
pub fn update_in(tx: &mut WriteTx<'_>, item: TrackerItem) -> Result<TrackerItem> {
    let mut item = item.validated()?;
    let before = get(tx.reader(), item.id)?;
    check_links(tx.reader(), &item)?;
    item.reference = before.reference;
    item.notes = Vec::new();
    let saved = record::replace(tx, item)?;
    get(tx.reader(), saved.id)
}

/// Adds a dated progress note to an item; saved notes never change.
pub fn add_note(
    vault: &mut Vault,
    stamp: Stamp,
    item_id: i64,
    noted_on: NaiveDate,
    note: &str,
) -> Result<TrackerItem> {
    vault.write(stamp, |tx| add_note_in(tx, item_id, noted_on, note))
}

/// [`add_note`] inside a write the caller holds (a spreadsheet import adds the notes of many
/// items in one). Errors as for [`add_note`]: a blank note, an item that does not exist.
pub fn add_note_in(
    tx: &mut WriteTx<'_>,
    item_id: i64,
    noted_on: NaiveDate,
    note: &str,
) -> Result<TrackerItem> {
    let note = note.trim().to_owned();
    if note.is_empty() {
        return Err(CoreError::validation(vec![FieldError::new(
            "note",
            "Write what happened.",
        )]));
    }
    get(tx.reader(), item_id)?;
    insert_note(
        tx,
        item_id,
        ProgressEntry {
            id: 0,
            noted_on,
            note,
        },
        Action::Create,
    )?;
    get(tx.reader(), item_id)
}

pub(crate) fn insert_note(
    tx: &mut WriteTx<'_>,
    item_id: i64,
    mut note: ProgressEntry,
    action: Action,
) -> Result<ProgressEntry> {
    let keep_id = (action == Action::Import).then_some(note.id);
    note.id = tx.insert(
        "tracker_notes",
        action,
        &note,
        "INSERT INTO tracker_notes (id, item_id, noted_on, note) VALUES (?1, ?2, ?3, ?4)",
        params![keep_id, item_id, note.noted_on, note.note],
    )?;
    Ok(note)
}

fn check_links(conn: &Connection, item: &TrackerItem) -> Result<()> {
    crate::people::require_person(conn, "owner_id", item.owner_id)?;
    for id in &item.evidence_ids {
        crate::evidence::get(conn, *id).map_err(|_| {
            CoreError::validation(vec![FieldError::new(
                "evidence_ids",
                format!("No evidence with id {id}."),
            )])
        })?;
    }
    Ok(())
}
