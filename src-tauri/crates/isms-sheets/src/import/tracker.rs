//! Tracker rows (findings, nonconformities, actions): matched by reference, or, without one,
//! by a title only one item has; a new item keeps the sheet's reference. The type, source and
//! status take the export's words or common ones ("Major NC", "OFI", "Internal audit",
//! "Done"); a new item needs its type and the day it was raised, has source Other and status
//! Open unless the sheet says otherwise. The core's workflow rules (a closed nonconformity
//! needs its root cause, corrective action and effectiveness review …) are checked on every
//! row. Progress notes (`read::notes`: a dated line each) are only ever added, through the
//! core's own note path, never changed or deleted: a note the item already has (same day and
//! text) is skipped, so importing a sheet twice adds nothing.

use std::collections::HashMap;

use chrono::NaiveDate;
use isms_core::db::WriteTx;
use isms_core::tracker::{self, ItemKind, ItemSource, ItemStatus, ProgressEntry, TrackerItem};
use isms_core::{Result, Vault};

use super::check::Check;
use super::owners::Owners;
use super::{Op, Outcome, Planned, Planner};
use crate::read::{clean, dates, notes};

pub(crate) struct Tracker {
    existing: Vec<TrackerItem>,
    by_reference: HashMap<String, usize>,
    owners: Owners,
    seen: HashMap<String, u32>,
}

impl Tracker {
    pub fn new(vault: &Vault) -> Result<Self> {
        let existing = tracker::list(vault.reader())?;
        let by_reference = existing
            .iter()
            .enumerate()
            .map(|(i, t)| (t.reference.to_lowercase(), i))
            .collect();
        Ok(Tracker {
            existing,
            by_reference,
            owners: Owners::new(isms_core::people::list(vault.reader())?),
            seen: HashMap::new(),
        })
    }

    fn find(&self, reference: &str, title: &str) -> Option<&TrackerItem> {
        if !reference.is_empty() {
            return self
                .by_reference
                .get(&reference.to_lowercase())
                .map(|&i| &self.existing[i]);
        }
        let mut titled = self
            .existing
            .iter()
            .filter(|t| t.title.trim().eq_ignore_ascii_case(title));
        match (titled.next(), titled.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }
}

/// The core's field names as the importer's.
fn field_of(core: &str) -> &str {
    match core {
        "owner_id" => "owner",
        f => f,
    }
}

impl Planner for Tracker {
    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        let reference = c.text("reference");
        let title = c.required("title", "A title");
        c.once_by_reference(&mut self.seen, &reference, title.as_deref(), "item");
        // A blank title is reported; the other cells are still checked.
        let title = title.unwrap_or_default();
        let found = self.find(&reference, &title);
        let kind = c
            .read("kind", |cell| clean::word::<ItemKind>(cell, "a type"))
            .flatten();
        let raised = c.read("raised_on", dates::date).flatten();
        let mut item = match found {
            Some(old) => old.clone(),
            None => {
                if kind.is_none() && !c.reported("kind") {
                    c.error("kind", "A type is needed here: Major nonconformity, Minor nonconformity, Opportunity for improvement, Observation or Action.");
                }
                if raised.is_none() && !c.reported("raised_on") {
                    c.error("raised_on", "The day it was raised is needed here.");
                }
                // Without them the row is refused, but its other cells are still checked,
                // so every problem of the row is reported in one round.
                TrackerItem {
                    reference: reference.clone(),
                    ..TrackerItem::new(
                        kind.unwrap_or(ItemKind::Action),
                        &title,
                        ItemSource::Other,
                        raised.unwrap_or_default(),
                    )
                }
            }
        };
        item.title = title;
        if let Some(kind) = kind {
            item.kind = kind;
        }
        if let Some(raised) = raised {
            item.raised_on = raised;
        }
        if let Some(Some(source)) =
            c.read("source", |cell| clean::word::<ItemSource>(cell, "a source"))
        {
            item.source = source;
        }
        if c.mapped("status")
            && let Some(status) =
                c.read("status", |cell| clean::word::<ItemStatus>(cell, "a status"))
        {
            item.status = status.unwrap_or(ItemStatus::Open);
        }
        for (field, slot) in [
            ("description", &mut item.description),
            ("source_ref", &mut item.source_ref),
            ("finding_number", &mut item.finding_number),
            ("correction", &mut item.correction),
            ("root_cause", &mut item.root_cause),
            ("corrective_action", &mut item.corrective_action),
            ("decision", &mut item.decision),
            ("effectiveness_result", &mut item.effectiveness_result),
        ] {
            c.set_text(field, slot);
        }
        for (field, slot) in [
            ("due_on", &mut item.due_on),
            ("effectiveness_on", &mut item.effectiveness_on),
            ("closed_on", &mut item.closed_on),
        ] {
            if c.mapped(field)
                && let Some(day) = c.read(field, dates::date)
            {
                *slot = day;
            }
        }
        if c.mapped("clauses") {
            item.clauses = clean::split(c.cell("clauses"));
        }
        if c.mapped("controls")
            && let Some(controls) = c.read("controls", clean::controls)
        {
            item.controls = controls;
        }
        if let Some(owner) = self
            .owners
            .read(c, "owner", Some("owner_email"), item.owner_id)
        {
            item.owner_id = owner;
        }
        let added = if c.mapped("notes") {
            c.read("notes", notes::notes)
                .map(|notes| new_notes(&item.notes, notes))
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        if found.is_none() && (kind.is_none() || raised.is_none()) {
            // The core's rules would judge a stand-in type or day: only the cells are reported.
            return None;
        }
        let item = match item.validated() {
            Ok(i) => i,
            Err(err) => {
                c.core(err, field_of);
                return None;
            }
        };
        if c.failed() {
            return None;
        }
        let shown = if item.reference.is_empty() {
            "a new item".to_owned()
        } else {
            item.reference.clone()
        };
        let what = match added.len() {
            0 => format!("{shown} “{}”", item.title),
            1 => format!("{shown} “{}”, 1 progress note added", item.title),
            n => format!("{shown} “{}”, {n} progress notes added", item.title),
        };
        let outcome = match found {
            None => Outcome::Create,
            Some(old) if *old == item && added.is_empty() => Outcome::Unchanged,
            Some(_) => Outcome::Update,
        };
        Some(Planned {
            outcome,
            op: Op::Tracker(Box::new(item), added),
            what,
        })
    }
}

/// The notes of a cell the item lacks, oldest first as the cell has them: each note the item
/// has (same day and text) answers for one note of the cell, so a note written twice on the
/// same day stays twice.
fn new_notes(has: &[ProgressEntry], cell: Vec<(NaiveDate, String)>) -> Vec<(NaiveDate, String)> {
    let mut unmatched: Vec<&ProgressEntry> = has.iter().collect();
    cell.into_iter()
        .filter(|(day, note)| {
            let same = unmatched
                .iter()
                .position(|n| n.noted_on == *day && n.note.trim() == note);
            same.map(|i| unmatched.swap_remove(i)).is_none()
        })
        .collect()
}

/// Writes a planned item, then adds the notes the row brings through the core's note path.
pub(super) fn apply(
    tx: &mut WriteTx<'_>,
    item: TrackerItem,
    notes: Vec<(NaiveDate, String)>,
) -> Result<()> {
    let saved = if item.id == 0 {
        tracker::create_in(tx, item)?
    } else {
        tracker::update_in(tx, item)?
    };
    for (day, note) in notes {
        tracker::add_note_in(tx, saved.id, day, &note)?;
    }
    Ok(())
}
