//! SoA rows: matched by control id, written any way templates write it (`A.5.1`, `5.01` …);
//! every control already has its entry, so a row always updates one. Applicability as yes/no
//! (blank: undecided), the four reasons as yes/no (blank: no), the implementation status in
//! the export's words or a template's ("Partially implemented", "Teilweise umgesetzt"), the
//! owner by name or e-mail. A status of "Not applicable" ("N/A", "Nicht anwendbar", "Non
//! applicable") is the decision to exclude the control: it is read as applicable = no, and
//! the status is left as it was.
//! The title column, if any, is not read: the reference list names each control.

use std::collections::HashMap;

use isms_core::soa::{self, ImplementationStatus, SoaEntry};
use isms_core::{Result, Vault};

use super::check::Check;
use super::owners::Owners;
use super::{Op, Outcome, Planned, Planner};
use crate::read::clean;

pub(crate) struct Soa {
    existing: Vec<SoaEntry>,
    owners: Owners,
    seen: HashMap<String, u32>,
}

impl Soa {
    pub fn new(vault: &Vault) -> Result<Self> {
        Ok(Soa {
            existing: soa::list(vault.reader())?,
            owners: Owners::new(isms_core::people::list(vault.reader())?),
            seen: HashMap::new(),
        })
    }
}

impl Planner for Soa {
    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        let id = c.read("control_id", clean::control_id);
        let found = match &id {
            Some(id) => {
                c.once(
                    &mut self.seen,
                    "control_id",
                    id,
                    &format!("Control {id}"),
                    "control",
                );
                self.existing.iter().find(|e| &e.control_id == id)?
            }
            // A bad control id is reported; the row's other cells are still checked, on a
            // stand-in entry, so every problem of the row is said in one round.
            None => self.existing.first()?,
        };
        let mut entry = found.clone();
        if c.mapped("applicable")
            && let Some(flag) = c.read("applicable", clean::flag)
        {
            entry.applicable = flag;
        }
        let r = &mut entry.reasons;
        for (field, slot) in [
            ("legal", &mut r.legal),
            ("contractual", &mut r.contractual),
            ("business", &mut r.business),
            ("risk_assessment", &mut r.risk_assessment),
        ] {
            if c.mapped(field)
                && let Some(flag) = c.read(field, clean::flag)
            {
                *slot = flag.unwrap_or(false);
            }
        }
        c.set_text("justification", &mut entry.justification);
        c.set_text("notes", &mut entry.notes);
        if c.mapped("status") && clean::not_applicable(c.cell("status")) {
            if c.mapped("applicable") && entry.applicable == Some(true) {
                c.error(
                    "status",
                    "The status says the control is not applicable, but the Applicable column \
                     says yes; make them agree.",
                );
            } else {
                entry.applicable = Some(false);
            }
        } else if c.mapped("status")
            && let Some(status) = c.read("status", |cell| {
                clean::word::<ImplementationStatus>(cell, "an implementation status")
            })
        {
            entry.status = status;
        }
        if let Some(owner) = self
            .owners
            .read(c, "owner", Some("owner_email"), entry.owner_id)
        {
            entry.owner_id = owner;
        }
        // The stand-in entry is not this row's: only its cells were checked.
        id.as_ref()?;
        let entry = match entry.validated() {
            Ok(e) => e,
            Err(err) => {
                c.core(err, |f| if f == "owner_id" { "owner" } else { f });
                return None;
            }
        };
        if c.failed() {
            return None;
        }
        let outcome = if entry == *found {
            Outcome::Unchanged
        } else {
            Outcome::Update
        };
        Some(Planned {
            outcome,
            what: format!("{} {}", entry.control_id, entry.title),
            op: Op::Soa(Box::new(entry)),
        })
    }
}
