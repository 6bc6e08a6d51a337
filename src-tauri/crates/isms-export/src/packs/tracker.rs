//! The ISMS tracker as the stage1, stage2 and cap packs print it: the nonconformity register
//! (what, where from, when, who, by when, status), the corrective action table beside it
//! (correction, root cause, corrective action, effectiveness review, closure; long texts clipped
//! to the appendix), every dated progress note, OFIs and observations with their decisions, the
//! other actions with their progress, and the files items rest on (by their path in the
//! bundle). Items raised after the evaluation date are left out; everything sorts by reference.

use isms_core::tracker::{ItemKind, ItemStatus, TrackerItem};

use super::records::{Records, by_reference, date, item_kind, item_source, item_status, or_dash};
use crate::model::{Block, Cell, Column, Section, Table, Tone};

/// The tracker items raised by the evaluation date that `keep` selects, by reference.
pub(crate) fn items(r: &Records, keep: impl Fn(&TrackerItem) -> bool) -> Vec<&TrackerItem> {
    let mut items: Vec<&TrackerItem> = r
        .facts
        .tracker
        .iter()
        .filter(|i| i.raised_on <= r.as_of && keep(i))
        .collect();
    items.sort_by(|a, b| by_reference(&a.reference, &b.reference).then(a.id.cmp(&b.id)));
    items
}

/// Clause and control references of an item: "6.1.3; 5.15".
fn refs(i: &TrackerItem) -> String {
    let all: Vec<&str> = i
        .clauses
        .iter()
        .chain(i.controls.iter())
        .map(String::as_str)
        .collect();
    or_dash(&all.join(", "))
}

/// A register of tracker items, one row each; `what` names the item column ("Finding").
pub(crate) fn register(r: &Records, items: &[&TrackerItem], what: &str) -> Block {
    Block::Table(Table {
        columns: vec![
            Column::new("Ref", 0.7),
            Column::new("Kind", 0.9),
            Column::new(what, 2.6),
            Column::new("Clause or control", 1.0),
            Column::new("Source", 1.4),
            Column::new("Raised", 1.0),
            Column::new("Owner", 1.3),
            Column::new("Due", 1.0),
            Column::new("Status", 1.1),
        ],
        rows: items
            .iter()
            .map(|i| {
                vec![
                    Cell::bold(&i.reference),
                    Cell::text(item_kind(i.kind)),
                    Cell::text(&i.title),
                    Cell::text(refs(i)),
                    Cell::text(item_source(i)),
                    Cell::text(date(Some(i.raised_on))),
                    Cell::text(r.name(i.owner_id)),
                    Cell::text(date(i.due_on)),
                    item_status(i, r.as_of),
                ]
            })
            .collect(),
    })
}

fn effectiveness(i: &TrackerItem) -> String {
    match (i.effectiveness_on, i.effectiveness_result.trim()) {
        (None, "") => "—".to_owned(),
        (on, result) => format!("{}: {}", date(on), or_dash(result)),
    }
}

/// What an open nonconformity must have (rule S2-FINDINGS), flagged when it is still missing.
fn required(item: &TrackerItem, text: &str) -> Cell {
    if text.trim().is_empty() && item.status != ItemStatus::Closed {
        Cell::status("Not recorded yet", Tone::Warning)
    } else {
        Cell::text(or_dash(text))
    }
}

/// Correction, root cause, corrective action, effectiveness review and closure of each item;
/// an open one's missing root cause or corrective action is flagged, not left blank.
pub(crate) fn corrective_actions(items: &[&TrackerItem]) -> Block {
    Block::Table(Table {
        columns: vec![
            Column::new("Ref", 0.7),
            Column::new("Correction", 2.0).clipped(4),
            Column::new("Root cause", 2.0).clipped(4),
            Column::new("Corrective action", 2.2).clipped(4),
            Column::new("Effectiveness review", 1.9).clipped(4),
            Column::new("Closed", 0.95),
        ],
        rows: items
            .iter()
            .map(|i| {
                vec![
                    Cell::bold(&i.reference),
                    Cell::text(or_dash(&i.correction)),
                    required(i, &i.root_cause),
                    required(i, &i.corrective_action),
                    Cell::text(effectiveness(i)),
                    Cell::text(date(i.closed_on)),
                ]
            })
            .collect(),
    })
}

/// The dated progress notes of `items` up to the evaluation date, item by item, oldest first:
/// how each finding moved from raised to closed (seed check 6: progress shown).
pub(crate) fn progress(r: &Records, items: &[&TrackerItem]) -> Block {
    let rows: Vec<Vec<Cell>> = items
        .iter()
        .flat_map(|i| {
            let mut notes: Vec<_> = i.notes.iter().filter(|n| n.noted_on <= r.as_of).collect();
            notes.sort_by_key(|n| (n.noted_on, n.id));
            notes.into_iter().map(|n| {
                vec![
                    Cell::bold(&i.reference),
                    Cell::text(date(Some(n.noted_on))),
                    Cell::text(n.note.trim()),
                ]
            })
        })
        .collect();
    if rows.is_empty() {
        return Block::Note("No progress note is recorded.".into());
    }
    Block::Table(Table {
        columns: vec![
            Column::new("Ref", 0.7),
            Column::new("Date", 1.0),
            Column::new("Progress", 7.0).clipped(8),
        ],
        rows,
    })
}

/// Each item's evidence files ([`super::files`]), in the item's folder of the bundle.
pub(crate) fn evidence(r: &Records, items: &[&TrackerItem]) -> Block {
    Block::Table(Table {
        columns: vec![
            Column::new("Ref", 0.7),
            Column::new("Kind", 0.9),
            Column::new("Item", 2.4),
            Column::new("Status", 1.1),
            Column::new("Closed", 1.0),
            Column::new("File in the bundle", 3.4),
        ],
        rows: items
            .iter()
            .map(|i| {
                vec![
                    Cell::bold(&i.reference),
                    Cell::text(item_kind(i.kind)),
                    Cell::text(&i.title),
                    item_status(i, r.as_of),
                    Cell::text(date(i.closed_on)),
                    Cell::text(r.files_cell(
                        &i.reference,
                        i.evidence_ids.iter().copied(),
                        "No file attached",
                    )),
                ]
            })
            .collect(),
    })
}

pub(crate) fn section(r: &Records) -> Section {
    let ncs = items(r, |i| i.kind.is_nc());
    let ofis = items(r, |i| {
        matches!(i.kind, ItemKind::Ofi | ItemKind::Observation)
    });
    let actions = items(r, |i| i.kind == ItemKind::Action);
    let mut blocks = vec![
        Block::Note("The ISMS tracker holds everything that must be followed up: nonconformities from every source with their corrective actions, opportunities for improvement, observations and actions. Overdue means open past its due date on the evaluation date.".into()),
        Block::Heading(format!("Nonconformity register ({})", ncs.len())),
    ];
    if ncs.is_empty() {
        blocks.push(Block::Note("No nonconformity has been raised.".into()));
    } else {
        blocks.push(register(r, &ncs, "Nonconformity"));
        blocks.push(Block::Heading(
            "Corrections, root causes, corrective actions and effectiveness reviews".into(),
        ));
        blocks.push(corrective_actions(&ncs));
        blocks.push(Block::Heading("Progress of the nonconformities".into()));
        blocks.push(progress(r, &ncs));
    }
    blocks.push(Block::Heading(format!(
        "Opportunities for improvement and observations ({})",
        ofis.len()
    )));
    if ofis.is_empty() {
        blocks.push(Block::Note("None recorded.".into()));
    } else {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Ref", 0.7),
                Column::new("Kind", 1.0),
                Column::new("Item", 2.6),
                Column::new("Source", 1.4),
                Column::new("Raised", 1.0),
                Column::new("Status", 1.1),
                Column::new("Decision", 2.4).clipped(4),
            ],
            rows: ofis
                .iter()
                .map(|i| {
                    vec![
                        Cell::bold(&i.reference),
                        Cell::text(item_kind(i.kind)),
                        Cell::text(&i.title),
                        Cell::text(item_source(i)),
                        Cell::text(date(Some(i.raised_on))),
                        item_status(i, r.as_of),
                        Cell::text(or_dash(&i.decision)),
                    ]
                })
                .collect(),
        }));
        blocks.push(Block::Heading(
            "Progress of the opportunities and observations".into(),
        ));
        blocks.push(progress(r, &ofis));
    }
    blocks.push(Block::Heading(format!("Actions ({})", actions.len())));
    if actions.is_empty() {
        blocks.push(Block::Note("None recorded.".into()));
    } else {
        blocks.push(register(r, &actions, "Action"));
        blocks.push(Block::Heading("Progress of the actions".into()));
        blocks.push(progress(r, &actions));
    }
    let with_files = items(r, |i| !i.evidence_ids.is_empty());
    if !with_files.is_empty() {
        blocks.push(Block::Heading(format!(
            "Evidence of the tracker items ({})",
            with_files.len()
        )));
        blocks.push(Block::Note("The files each item rests on (a correction made, an action done, an item closed), by their path in the pack's bundle and the start of their SHA-256.".into()));
        blocks.push(evidence(r, &with_files));
    }
    Section {
        title: "ISMS tracker".into(),
        blocks,
    }
}
