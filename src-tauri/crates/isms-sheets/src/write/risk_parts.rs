//! The sheets beside the risk register in its workbook: each risk's treatment actions and its
//! owner's approvals (6.1.3 f), one row each, keyed to the risk by reference. Their headers
//! are those the import recognises (`crate::read::fields`), so the workbook imported as risks
//! brings them back. An approval says whether it still holds: a void one (the risk changed
//! after it was given) is listed for the record, and the import does not take it back in.

use isms_core::Vocabulary;
use isms_core::risks::Risk;

use super::sheet::{People, Sheet, Value};

pub const ACTIONS: &str = "Actions";
pub const APPROVALS: &str = "Approvals";

/// What the Holds column says of an approval that still holds, and of a void one.
pub const HOLDS: &str = "Holds";
pub const VOID: &str = "Void";

/// The treatment actions of `risks`, in their order.
pub(super) fn actions(risks: &[Risk], people: &People) -> Sheet {
    let mut sheet = Sheet::new(
        ACTIONS,
        &[
            "Reference",
            "Action",
            "Owner",
            "E-mail",
            "Due date",
            "Status",
            "Done date",
            "Controls",
        ],
    );
    for r in risks {
        for a in &r.actions {
            sheet.push(vec![
                Value::text(&r.reference),
                Value::text(&a.title),
                people.name(a.owner_id),
                people.email(a.owner_id),
                Value::date(a.due_date),
                Value::text(a.status.label()),
                Value::date(a.done_date),
                Value::list(&a.controls),
            ]);
        }
    }
    sheet
}

/// The owners' approvals of `risks`, oldest first within each risk.
pub(super) fn approvals(risks: &[Risk], people: &People) -> Sheet {
    let mut sheet = Sheet::new(
        APPROVALS,
        &[
            "Reference",
            "Kind",
            "Approved by",
            "E-mail",
            "Approved on",
            "Note",
            "Holds",
        ],
    );
    for r in risks {
        for a in &r.approvals {
            sheet.push(vec![
                Value::text(&r.reference),
                Value::text(a.kind.label()),
                people.name(Some(a.person_id)),
                people.email(Some(a.person_id)),
                Value::date(Some(a.approved_on)),
                Value::text(&a.note),
                Value::text(if a.void { VOID } else { HOLDS }),
            ]);
        }
    }
    sheet
}
