//! Management reviews (9.3) and changes (6.3) as the stage2 pack prints them: each review held
//! by the evaluation date as minutes (date, attendees, the minutes' file by its path in the
//! bundle, one note per 9.3.2 input in the standard's order, the outputs, the actions raised into the tracker), and the register of
//! changes with reason, impact assessment, who asked and who approved.

use isms_core::reference;
use isms_core::tracker::ItemSource;

use super::records::{Records, by_reference, change_status, date, list, or_dash};
use super::tracker;
use crate::model::{Block, Cell, Column, Fact, Section, Table, Tone};

pub(crate) fn reviews(r: &Records) -> Section {
    let mut reviews: Vec<_> = r
        .facts
        .reviews
        .iter()
        .filter(|v| v.held_on <= r.as_of)
        .collect();
    reviews.sort_by(|a, b| a.held_on.cmp(&b.held_on).then(a.id.cmp(&b.id)));
    let mut blocks = Vec::new();
    if reviews.is_empty() {
        blocks.push(Block::Note("No management review has been held.".into()));
    }
    for v in reviews {
        let mut attendees: Vec<String> = v
            .attendee_ids
            .iter()
            .map(|id| {
                let p = r.person(*id);
                match p {
                    Some(p) if p.top_management => format!("{} (top management)", p.name),
                    _ => r.name(Some(*id)),
                }
            })
            .collect();
        if !v.other_attendees.trim().is_empty() {
            attendees.push(v.other_attendees.trim().to_owned());
        }
        blocks.push(Block::Heading(format!(
            "{} held on {}",
            v.reference,
            date(Some(v.held_on))
        )));
        blocks.push(Block::Facts(vec![
            Fact::new("Attendees", list(&attendees)),
            Fact::new(
                "Minutes",
                r.files_cell(
                    &v.reference,
                    r.linked_files(&v.reference),
                    "No minutes file attached",
                ),
            ),
        ]));
        let rows = reference::review_inputs()
            .iter()
            .map(|input| {
                let note = v.inputs.get(&input.id).map_or("", |n| n.trim());
                vec![
                    Cell::bold(&input.id),
                    Cell::text(&input.input),
                    if note.is_empty() {
                        Cell::status("Not covered", Tone::Bad)
                    } else {
                        Cell::text(note)
                    },
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Input", 0.9),
                Column::new("What the review considered (9.3.2)", 2.8),
                Column::new("Note", 4.0).clipped(6),
            ],
            rows,
        }));
        blocks.push(Block::Facts(vec![
            Fact::new(
                "Decisions on continual improvement",
                or_dash(&v.improvement),
            ),
            Fact::new("Changes needed to the ISMS", or_dash(&v.changes_needed)),
        ]));
        let actions = tracker::items(r, |i| {
            i.source == ItemSource::ManagementReview && i.source_ref.trim() == v.reference
        });
        if actions.is_empty() {
            blocks.push(Block::Note("No action was raised in this review.".into()));
        } else {
            blocks.push(tracker::register(r, &actions, "Action raised"));
        }
    }
    Section {
        title: "Management reviews".into(),
        blocks,
    }
}

pub(crate) fn changes(r: &Records) -> Section {
    let mut changes: Vec<_> = r.facts.changes.iter().collect();
    changes.sort_by(|a, b| by_reference(&a.reference, &b.reference).then(a.id.cmp(&b.id)));
    if changes.is_empty() {
        return Section {
            title: "Changes to the ISMS".into(),
            blocks: vec![Block::Note("No change is recorded.".into())],
        };
    }
    let register = Table {
        columns: vec![
            Column::new("Ref", 0.8),
            Column::new("Change", 2.6),
            Column::new("Requested", 1.7),
            Column::new("Approver", 1.4),
            Column::new("Decided", 1.0),
            Column::new("Status", 1.1),
            Column::new("Implemented", 1.0),
        ],
        rows: changes
            .iter()
            .map(|c| {
                let requested = match c.requested_on {
                    Some(on) => format!("{}, {}", r.name(c.requester_id), date(Some(on))),
                    None => r.name(c.requester_id),
                };
                vec![
                    Cell::bold(&c.reference),
                    Cell::text(&c.title),
                    Cell::text(requested),
                    Cell::text(r.name(c.approver_id)),
                    Cell::text(date(c.decided_on)),
                    change_status(c.status),
                    Cell::text(date(c.implemented_on)),
                ]
            })
            .collect(),
    };
    let details = Table {
        columns: vec![
            Column::new("Ref", 0.8),
            Column::new("Reason", 2.6).clipped(5),
            Column::new("Impact assessment", 3.2).clipped(5),
            Column::new("Linked risks and documents", 1.6),
        ],
        rows: changes
            .iter()
            .map(|c| {
                let mut linked: Vec<String> = c.risk_ids.iter().map(|id| r.risk_ref(*id)).collect();
                linked.extend(c.document_ids.iter().map(|id| {
                    r.document(*id)
                        .map_or_else(|| format!("#{id}"), |d| d.reference.clone())
                }));
                vec![
                    Cell::bold(&c.reference),
                    Cell::text(or_dash(&c.reason)),
                    Cell::text(or_dash(&c.impact)),
                    Cell::text(list(&linked)),
                ]
            })
            .collect(),
    };
    Section {
        title: "Changes to the ISMS".into(),
        blocks: vec![
            Block::Note("Changes to the ISMS are planned (6.3): each states its reason and the assessment of its impact before it is approved.".into()),
            Block::Table(register),
            Block::Heading("Reasons and impact assessments".into()),
            Block::Table(details),
        ],
    }
}
