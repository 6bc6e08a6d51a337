//! Requirement rows (legal, regulatory, contractual): matched by reference, or by a title
//! only one requirement has.

use std::collections::HashMap;

use isms_core::context::InterestedParty;
use isms_core::documents::Document;
use isms_core::requirements::{self, Requirement, RequirementSource};
use isms_core::{Result, Vault};

use super::super::check::Check;
use super::super::owners::Owners;
use super::super::{Op, Planned, Planner};
use super::{by_reference_or_title, named, outcome_of};
use crate::read::{clean, dates};

pub(crate) struct Requirements {
    existing: Vec<Requirement>,
    parties: Vec<InterestedParty>,
    documents: Vec<Document>,
    owners: Owners,
    seen: HashMap<String, u32>,
}

impl Requirements {
    pub fn new(vault: &Vault) -> Result<Self> {
        Ok(Requirements {
            existing: requirements::list(vault.reader())?,
            parties: isms_core::context::list_parties(vault.reader())?,
            documents: isms_core::documents::list(vault.reader())?,
            owners: Owners::new(isms_core::people::list(vault.reader())?),
            seen: HashMap::new(),
        })
    }
}

impl Planner for Requirements {
    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        let reference = c.text("reference");
        let title = c.required("title", "The law, regulation, contract or standard");
        c.once_by_reference(&mut self.seen, &reference, title.as_deref(), "requirement");
        let title = title.unwrap_or_default();
        let found = by_reference_or_title(&self.existing, &reference, &title, |r| {
            (r.reference.as_str(), r.title.as_str())
        });
        let source = c
            .read("source", |cell| {
                clean::word::<RequirementSource>(cell, "a source")
            })
            .flatten();
        let mut requirement = match found {
            Some(old) => old.clone(),
            None => {
                let source = match source {
                    Some(s) => s,
                    None if !c.mapped("source") => RequirementSource::Law,
                    None => {
                        if !c.reported("source") {
                            c.error(
                                "source",
                                "Say where it comes from: Law, Regulation, Contract, Standard or Other.",
                            );
                        }
                        // Refused, but the other cells are still checked, all in one round.
                        RequirementSource::Other
                    }
                };
                Requirement {
                    reference: reference.to_uppercase(),
                    ..Requirement::new(source, &title)
                }
            }
        };
        requirement.title = title;
        if let Some(source) = source {
            requirement.source = source;
        }
        c.set_text("requires", &mut requirement.requires);
        if c.mapped("party") {
            let name = c.text("party");
            requirement.party_id = if name.is_empty() {
                None
            } else {
                match self
                    .parties
                    .iter()
                    .find(|p| p.name.trim().eq_ignore_ascii_case(&name))
                {
                    Some(p) => Some(p.id),
                    None => {
                        c.error(
                            "party",
                            &format!(
                                "“{name}” is not an interested party of the organisation's context: add it there first, or leave the cell blank."
                            ),
                        );
                        None
                    }
                }
            };
        }
        if let Some(owner) = self
            .owners
            .read(c, "owner", Some("owner_email"), requirement.owner_id)
        {
            requirement.owner_id = owner;
        }
        if c.mapped("controls")
            && let Some(controls) = c.read("controls", clean::controls)
        {
            requirement.controls = controls;
        }
        if c.mapped("documents") {
            requirement.document_ids = named(
                c,
                "documents",
                &self.documents,
                |d| vec![d.reference.clone(), d.title.clone()],
                |d| d.id,
                "a document of the register (by reference or title)",
            );
        }
        if c.mapped("reviewed_on")
            && let Some(day) = c.read("reviewed_on", dates::date)
        {
            requirement.reviewed_on = day;
        }
        if found.is_none() && c.reported("source") {
            // The core's rules would judge a stand-in source: only the cells are reported.
            return None;
        }
        let requirement = match requirement.validated() {
            Ok(r) => r,
            Err(err) => {
                c.core(err, |f| match f {
                    "owner_id" => "owner",
                    "party_id" => "party",
                    "document_ids" => "documents",
                    f => f,
                });
                return None;
            }
        };
        if c.failed() {
            return None;
        }
        let shown = if requirement.reference.is_empty() {
            "a new requirement".to_owned()
        } else {
            requirement.reference.clone()
        };
        Some(Planned {
            outcome: outcome_of(found, &requirement),
            what: format!("{shown} “{}”", requirement.title),
            op: Op::Requirement(Box::new(requirement)),
        })
    }
}
