//! Incident rows: matched by reference, or by a title only one incident has.

use std::collections::HashMap;

use isms_core::assets::Asset;
use isms_core::incidents::{self, Incident, IncidentCategory, IncidentStatus};
use isms_core::suppliers::{self, Criticality, Supplier};
use isms_core::{Result, Vault};

use super::super::check::Check;
use super::super::owners::Owners;
use super::super::{Op, Planned, Planner};
use super::{by_reference_or_title, named, outcome_of};
use crate::read::{clean, dates};

pub(crate) struct Incidents {
    existing: Vec<Incident>,
    assets: Vec<Asset>,
    suppliers: Vec<Supplier>,
    owners: Owners,
    seen: HashMap<String, u32>,
}

impl Incidents {
    pub fn new(vault: &Vault) -> Result<Self> {
        Ok(Incidents {
            existing: incidents::list(vault.reader())?,
            assets: isms_core::assets::list(vault.reader())?,
            suppliers: suppliers::list(vault.reader())?,
            owners: Owners::new(isms_core::people::list(vault.reader())?),
            seen: HashMap::new(),
        })
    }
}

impl Planner for Incidents {
    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        let reference = c.text("reference");
        let title = c.required("title", "What happened");
        c.once_by_reference(&mut self.seen, &reference, title.as_deref(), "incident");
        let title = title.unwrap_or_default();
        let found = by_reference_or_title(&self.existing, &reference, &title, |i| {
            (i.reference.as_str(), i.title.as_str())
        });
        let reported = c.read("reported_on", dates::date).flatten();
        let mut incident = match (found, reported) {
            (Some(old), _) => old.clone(),
            (None, Some(day)) => Incident {
                reference: reference.to_uppercase(),
                ..Incident::reported(&title, day)
            },
            (None, None) => {
                if !c.reported("reported_on") {
                    c.error("reported_on", "The day it was reported is needed here.");
                }
                // Refused, but the other cells are still checked, all in one round.
                Incident {
                    reference: reference.to_uppercase(),
                    ..Incident::reported(&title, Default::default())
                }
            }
        };
        incident.title = title;
        if let Some(day) = reported {
            incident.reported_on = day;
        }
        if let Some(who) = self.owners.read(
            c,
            "reported_by",
            Some("reported_by_email"),
            incident.reported_by,
        ) {
            incident.reported_by = who;
        }
        if let Some(Some(category)) = c.read("category", |cell| {
            clean::word::<IncidentCategory>(cell, "a category")
        }) {
            incident.category = category;
        }
        if c.mapped("severity")
            && let Some(severity) = c.read("severity", |cell| {
                clean::word::<Criticality>(cell, "a severity")
            })
        {
            incident.severity = severity;
        }
        if c.mapped("assets") {
            incident.asset_ids = named(
                c,
                "assets",
                &self.assets,
                |a| vec![a.name.clone()],
                |a| a.id,
                "an asset of the inventory",
            );
        }
        if c.mapped("suppliers") {
            incident.supplier_ids = named(
                c,
                "suppliers",
                &self.suppliers,
                |s| vec![s.name.clone()],
                |s| s.id,
                "a supplier of the register",
            );
        }
        for (field, slot) in [
            ("personal_data", &mut incident.personal_data),
            ("raises_nc", &mut incident.raises_nc),
        ] {
            if c.mapped(field)
                && let Some(flag) = c.read(field, clean::flag)
            {
                *slot = flag.unwrap_or(false);
            }
        }
        c.set_text("response", &mut incident.response);
        c.set_text("lessons", &mut incident.lessons);
        if c.mapped("closed_on")
            && let Some(day) = c.read("closed_on", dates::date)
        {
            incident.closed_on = day;
        }
        let status = c
            .read("status", |cell| {
                clean::word::<IncidentStatus>(cell, "a status")
            })
            .flatten();
        match status {
            Some(status) => incident.status = status,
            None if found.is_none() && incident.closed_on.is_some() => {
                incident.status = IncidentStatus::Closed;
            }
            None => {}
        }
        if found.is_none() && reported.is_none() {
            // The core's rules would judge a stand-in day: only the cells are reported.
            return None;
        }
        let incident = match incident.validated() {
            Ok(i) => i,
            Err(err) => {
                c.core(err, |f| match f {
                    "asset_ids" => "assets",
                    "supplier_ids" => "suppliers",
                    f => f,
                });
                return None;
            }
        };
        if c.failed() {
            return None;
        }
        let shown = if incident.reference.is_empty() {
            "a new incident".to_owned()
        } else {
            incident.reference.clone()
        };
        Some(Planned {
            outcome: outcome_of(found, &incident),
            what: format!("{shown} “{}”", incident.title),
            op: Op::Incident(Box::new(incident)),
        })
    }
}
