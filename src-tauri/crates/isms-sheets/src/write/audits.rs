//! The internal audit programme: one row per audit by reference, its planned month as text
//! ("2026-03", never turned into a date), scope, auditor (a person by name and e-mail, or the
//! external auditor's words), status and dates.

use isms_core::audits;
use isms_core::{Result, Vault, Vocabulary};

use super::sheet::{People, Sheet, Value, by_reference};

pub const NAME: &str = "Audits";

pub(super) fn sheets(vault: &Vault, people: &People) -> Result<Vec<Sheet>> {
    let mut list = audits::list(vault.reader())?;
    list.sort_by(|a, b| by_reference(&a.reference, &b.reference).then(a.id.cmp(&b.id)));
    let mut sheet = Sheet::new(
        NAME,
        &[
            "Reference",
            "Title",
            "Planned month",
            "Clauses",
            "Controls",
            "Auditor",
            "E-mail",
            "External auditor",
            "Status",
            "Started on",
            "Completed on",
            "Summary",
        ],
    );
    for a in &list {
        sheet.push(vec![
            Value::text(&a.reference),
            Value::text(&a.title),
            Value::text(&a.planned_month),
            Value::list(&a.scope_clauses),
            Value::list(&a.scope_controls),
            people.name(a.auditor_id),
            people.email(a.auditor_id),
            Value::text(&a.external_auditor),
            Value::text(a.status.label()),
            Value::date(a.started_on),
            Value::date(a.completed_on),
            Value::text(&a.summary),
        ]);
    }
    Ok(vec![sheet])
}
