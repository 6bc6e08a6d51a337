//! The ISMS tracker: one row per finding or action by reference, with its kind, source,
//! clauses and controls, owner, dates, status, the corrective-action fields and its progress
//! notes (one dated line each, oldest first, a note's further lines indented: the format
//! `read::notes` owns, so the importer reads them back), and whether it is overdue on the day.

use chrono::NaiveDate;
use isms_core::tracker;
use isms_core::{Result, Vault, Vocabulary};

use super::sheet::{People, Sheet, Value, by_reference};
use crate::read::notes::joined;

pub const NAME: &str = "Tracker";

pub(super) fn sheets(vault: &Vault, people: &People, as_of: NaiveDate) -> Result<Vec<Sheet>> {
    let mut items = tracker::list(vault.reader())?;
    items.sort_by(|a, b| by_reference(&a.reference, &b.reference).then(a.id.cmp(&b.id)));
    let mut sheet = Sheet::new(
        NAME,
        &[
            "Reference",
            "Type",
            "Title",
            "Description",
            "Source",
            "Source reference",
            "Certification body's finding no.",
            "Clauses",
            "Controls",
            "Owner",
            "E-mail",
            "Raised on",
            "Due date",
            "Status",
            "Overdue",
            "Correction",
            "Root cause",
            "Corrective action",
            "Decision",
            "Effectiveness reviewed on",
            "Effectiveness review",
            "Closed on",
            "Progress notes",
        ],
    );
    for t in &items {
        let notes = joined(t.notes.iter().map(|n| (n.noted_on, n.note.as_str())));
        sheet.push(vec![
            Value::text(&t.reference),
            Value::text(t.kind.label()),
            Value::text(&t.title),
            Value::text(&t.description),
            Value::text(t.source.label()),
            Value::text(&t.source_ref),
            Value::text(&t.finding_number),
            Value::list(&t.clauses),
            Value::list(&t.controls),
            people.name(t.owner_id),
            people.email(t.owner_id),
            Value::Date(t.raised_on),
            Value::date(t.due_on),
            Value::text(t.status.label()),
            Value::yes_no(t.is_overdue(as_of)),
            Value::text(&t.correction),
            Value::text(&t.root_cause),
            Value::text(&t.corrective_action),
            Value::text(&t.decision),
            Value::date(t.effectiveness_on),
            Value::text(&t.effectiveness_result),
            Value::date(t.closed_on),
            Value::Text(notes),
        ]);
    }
    Ok(vec![sheet])
}
