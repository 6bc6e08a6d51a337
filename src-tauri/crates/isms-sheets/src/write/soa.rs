//! The Statement of Applicability: one row per Annex A control in the standard's order, the
//! control id as text ("5.10" must never become the number 5.1), applicability as Yes, No or
//! blank while undecided, the four reasons for inclusion as Yes/No columns, the justification,
//! the implementation status and the owner.

use isms_core::soa::{self, ImplementationStatus};
use isms_core::{Result, Vault, Vocabulary};

use super::sheet::{People, Sheet, Value};

pub const NAME: &str = "SoA";

pub(super) fn sheets(vault: &Vault, people: &People) -> Result<Vec<Sheet>> {
    let entries = soa::list(vault.reader())?;
    let mut sheet = Sheet::new(
        NAME,
        &[
            "Control ID",
            "Control title",
            "Theme",
            "Applicable",
            "Legal",
            "Contractual",
            "Business",
            "Risk assessment",
            "Justification",
            "Status",
            "Owner",
            "E-mail",
            "Notes",
        ],
    );
    for e in &entries {
        sheet.push(vec![
            Value::text(&e.control_id),
            Value::text(&e.title),
            Value::text(&e.theme),
            e.applicable.map_or(Value::Empty, Value::yes_no),
            Value::yes_no(e.reasons.legal),
            Value::yes_no(e.reasons.contractual),
            Value::yes_no(e.reasons.business),
            Value::yes_no(e.reasons.risk_assessment),
            Value::text(&e.justification),
            Value::text(e.status.map_or("", ImplementationStatus::label)),
            people.name(e.owner_id),
            people.email(e.owner_id),
            Value::text(&e.notes),
        ]);
    }
    Ok(vec![sheet])
}
