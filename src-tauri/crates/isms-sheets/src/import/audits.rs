//! Rows of the internal audit programme: matched by reference, or without one by a title only
//! one audit has; a new audit keeps the sheet's reference (the vault gives the next IA- number
//! when it has none). The planned month takes "2026-03", "03/2026", "March 2026" or a date of
//! that month. The auditor is a person of the vault, by name or e-mail; someone from outside
//! goes in the External auditor column, never both. A new audit without a status is Completed
//! when it has a completion day, In progress when it has a start day, otherwise Planned. The
//! core's rules (a completed audit needs its day and its auditor, clauses of 4 to 10, Annex A
//! controls) are checked on every row, and the core's create and update write it with history.

use std::collections::HashMap;

use isms_core::audits::{self, Audit, AuditStatus};
use isms_core::db::WriteTx;
use isms_core::{Result, Vault};

use super::check::Check;
use super::owners::Owners;
use super::registers::{by_reference_or_title, outcome_of};
use super::{Op, Planned, Planner};
use crate::read::{clean, dates};

pub(crate) struct Audits {
    existing: Vec<Audit>,
    owners: Owners,
    seen: HashMap<String, u32>,
}

impl Audits {
    pub fn new(vault: &Vault) -> Result<Self> {
        Ok(Audits {
            existing: audits::list(vault.reader())?,
            owners: Owners::new(isms_core::people::list(vault.reader())?),
            seen: HashMap::new(),
        })
    }
}

/// The core's field names as the importer's.
fn field_of(core: &str) -> &str {
    match core {
        "scope_clauses" => "clauses",
        "scope_controls" => "controls",
        "auditor_id" => "auditor",
        f => f,
    }
}

impl Planner for Audits {
    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        let reference = c.text("reference");
        let title = c.required("title", "A title");
        c.once_by_reference(&mut self.seen, &reference, title.as_deref(), "audit");
        // A blank title is reported; the other cells are still checked.
        let title = title.unwrap_or_default();
        let found = by_reference_or_title(&self.existing, &reference, &title, |a| {
            (a.reference.as_str(), a.title.as_str())
        });
        let month = c.read("planned_month", dates::month).flatten();
        if month.is_none() && !c.reported("planned_month") {
            c.error(
                "planned_month",
                "The month it is planned for is needed here, like 2026-03.",
            );
        }
        let mut audit = match found {
            Some(old) => old.clone(),
            None => Audit {
                reference: reference.to_uppercase(),
                ..Audit::planned(&title, "")
            },
        };
        audit.title = title;
        let dated = month.is_some();
        if let Some(month) = month {
            audit.planned_month = month;
        }
        if c.mapped("clauses") {
            audit.scope_clauses = clean::split(c.cell("clauses"));
        }
        if c.mapped("controls")
            && let Some(controls) = c.read("controls", clean::controls)
        {
            audit.scope_controls = controls;
        }
        if let Some(auditor) =
            self.owners
                .read(c, "auditor", Some("auditor_email"), audit.auditor_id)
        {
            audit.auditor_id = auditor;
        }
        c.set_text("external_auditor", &mut audit.external_auditor);
        c.set_text("summary", &mut audit.summary);
        for (field, slot) in [
            ("started_on", &mut audit.started_on),
            ("completed_on", &mut audit.completed_on),
        ] {
            if c.mapped(field)
                && let Some(day) = c.read(field, dates::date)
            {
                *slot = day;
            }
        }
        let status = c
            .read("status", |cell| {
                clean::word::<AuditStatus>(cell, "a status")
            })
            .flatten();
        audit.status = match status {
            Some(status) => status,
            None if found.is_some() => audit.status,
            None if audit.completed_on.is_some() => AuditStatus::Completed,
            None if audit.started_on.is_some() => AuditStatus::InProgress,
            None => AuditStatus::Planned,
        };
        if !dated {
            // The core's rules would judge a missing month again: only the cells are reported.
            return None;
        }
        let audit = match audit.validated() {
            Ok(a) => a,
            Err(err) => {
                c.core(err, field_of);
                return None;
            }
        };
        if c.failed() {
            return None;
        }
        let shown = if audit.reference.is_empty() {
            "a new audit".to_owned()
        } else {
            audit.reference.clone()
        };
        Some(Planned {
            outcome: outcome_of(found, &audit),
            what: format!("{shown} “{}”", audit.title),
            op: Op::Audit(Box::new(audit)),
        })
    }
}

/// Writes a planned audit through the core's create or update.
pub(super) fn apply(tx: &mut WriteTx<'_>, audit: Audit) -> Result<()> {
    if audit.id == 0 {
        audits::create_in(tx, audit).map(drop)
    } else {
        audits::update_in(tx, audit).map(drop)
    }
}
