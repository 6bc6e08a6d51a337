//! Rows of the registers beside the SoA. Suppliers are matched by name (ignoring case); a row's
//! last review (its day, outcome and note) is added unless the supplier already has a review on
//! that day, and each certificate it names is added unless one of that title is recorded (with
//! the row's expiry). Incidents and requirements are matched by reference, or without one by a
//! title only one of them has; a new one keeps the sheet's reference. A new requirement from a
//! sheet without a source column is a law (such sheets are legal registers: "Legislation",
//! "Law"); a new incident without a category is Other and without a status Reported (Closed
//! when it has a closing date). Assets, suppliers, interested parties and documents are named
//! by name (documents by reference or title); an unknown one is a problem on its cell.

use std::collections::HashMap;

use isms_core::assets::Asset;
use isms_core::context::InterestedParty;
use isms_core::documents::Document;
use isms_core::incidents::{self, Incident, IncidentCategory, IncidentStatus};
use isms_core::requirements::{self, Requirement, RequirementSource};
use isms_core::suppliers::{
    self, Certificate, Criticality, ReviewOutcome, Supplier, SupplierReview,
};
use isms_core::{Result, Vault};

use super::check::Check;
use super::owners::Owners;
use super::{Op, Outcome, Planned, Planner};
use crate::read::{clean, dates};

/// What a supplier row writes: the supplier, a review to add, certificates to add.
pub(crate) struct SupplierPlan {
    pub supplier: Supplier,
    pub review: Option<SupplierReview>,
    pub certificates: Vec<Certificate>,
}

/// The ids of the records named in a list cell, by name ignoring case; unknown names are
/// problems on `field` (`what` says what they should be).
fn named<T>(
    c: &mut Check<'_>,
    field: &str,
    records: &[T],
    name: impl Fn(&T) -> Vec<String>,
    id: impl Fn(&T) -> i64,
    what: &str,
) -> Vec<i64> {
    let mut ids = Vec::new();
    for wanted in clean::split(c.cell(field)) {
        match records.iter().find(|r| {
            name(r)
                .iter()
                .any(|n| n.trim().eq_ignore_ascii_case(&wanted))
        }) {
            Some(r) => ids.push(id(r)),
            None => c.error(field, &format!("“{wanted}” is not {what}.")),
        }
    }
    ids
}

/// The one record with this reference, or without a reference the one with this title.
fn by_reference_or_title<'a, T>(
    records: &'a [T],
    reference: &str,
    title: &str,
    parts: impl Fn(&T) -> (&str, &str),
) -> Option<&'a T> {
    if !reference.is_empty() {
        return records
            .iter()
            .find(|r| parts(r).0.eq_ignore_ascii_case(reference));
    }
    let mut titled = records
        .iter()
        .filter(|r| parts(r).1.trim().eq_ignore_ascii_case(title));
    match (titled.next(), titled.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

fn outcome_of<T: PartialEq>(found: Option<&T>, record: &T) -> Outcome {
    match found {
        None => Outcome::Create,
        Some(old) if old == record => Outcome::Unchanged,
        Some(_) => Outcome::Update,
    }
}

pub(crate) struct Suppliers {
    existing: Vec<Supplier>,
    assets: Vec<Asset>,
    owners: Owners,
    seen: HashMap<String, u32>,
}

impl Suppliers {
    pub fn new(vault: &Vault) -> Result<Self> {
        Ok(Suppliers {
            existing: suppliers::list(vault.reader())?,
            assets: isms_core::assets::list(vault.reader())?,
            owners: Owners::new(isms_core::people::list(vault.reader())?),
            seen: HashMap::new(),
        })
    }
}

impl Planner for Suppliers {
    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        // A blank name is reported; the other cells are still checked.
        let name = c
            .required("name", "The supplier's name")
            .unwrap_or_default();
        if !name.is_empty() {
            c.once(
                &mut self.seen,
                "name",
                &name,
                &format!("“{name}”"),
                "supplier",
            );
        }
        let found = self
            .existing
            .iter()
            .find(|s| !name.is_empty() && s.name.trim().eq_ignore_ascii_case(&name));
        let mut supplier = found.cloned().unwrap_or_else(|| Supplier::named(&name));
        supplier.name = name;
        for (field, slot) in [
            ("service", &mut supplier.service),
            ("information", &mut supplier.information),
            ("contract_reference", &mut supplier.contract_reference),
            ("notes", &mut supplier.notes),
        ] {
            c.set_text(field, slot);
        }
        if c.mapped("assets") {
            supplier.asset_ids = named(
                c,
                "assets",
                &self.assets,
                |a| vec![a.name.clone()],
                |a| a.id,
                "an asset of the inventory",
            );
        }
        if c.mapped("criticality")
            && let Some(level) = c.read("criticality", |cell| {
                clean::word::<Criticality>(cell, "a criticality")
            })
        {
            supplier.criticality = level;
        }
        if c.mapped("contract_requirements")
            && let Some(flag) = c.read("contract_requirements", clean::flag)
        {
            supplier.contract_requirements = flag.unwrap_or(false);
        }
        if c.mapped("review_months")
            && let Some(Some(months)) = c.read("review_months", |cell| {
                clean::whole(cell, "a number of months")
            })
        {
            supplier.review_months = months;
        }
        if let Some(owner) = self
            .owners
            .read(c, "owner", Some("owner_email"), supplier.owner_id)
        {
            supplier.owner_id = owner;
        }
        let review = self.review(c, found);
        let certificates = certificates(c, found);
        if c.reported("name") {
            return None;
        }
        let supplier = match supplier.validated() {
            Ok(s) => s,
            Err(err) => {
                c.core(err, |f| match f {
                    "owner_id" => "owner",
                    "asset_ids" => "assets",
                    f => f,
                });
                return None;
            }
        };
        if c.failed() {
            return None;
        }
        let own = |s: &Supplier| Supplier {
            reviews: Vec::new(),
            certificates: Vec::new(),
            ..s.clone()
        };
        let mut outcome = match found {
            None => Outcome::Create,
            Some(old) if own(old) == own(&supplier) => Outcome::Unchanged,
            Some(_) => Outcome::Update,
        };
        if outcome == Outcome::Unchanged && (review.is_some() || !certificates.is_empty()) {
            outcome = Outcome::Update;
        }
        let what = format!("“{}”", supplier.name);
        Some(Planned {
            outcome,
            op: Op::Supplier(Box::new(SupplierPlan {
                supplier,
                review,
                certificates,
            })),
            what,
        })
    }
}

impl Suppliers {
    /// The row's last review, unless the supplier already has one on that day.
    fn review(&self, c: &mut Check<'_>, found: Option<&Supplier>) -> Option<SupplierReview> {
        if !c.mapped("last_review") {
            return None;
        }
        let day = c.read("last_review", dates::date).flatten()?;
        if found.is_some_and(|s| s.reviews.iter().any(|r| r.reviewed_on == day)) {
            return None;
        }
        let outcome = c
            .read("review_outcome", |cell| {
                clean::word::<ReviewOutcome>(cell, "a review outcome")
            })
            .flatten();
        let Some(outcome) = outcome else {
            if !c.reported("review_outcome") {
                c.error(
                    if c.mapped("review_outcome") {
                        "review_outcome"
                    } else {
                        "last_review"
                    },
                    "Say how the review came out: Satisfactory, Actions needed or Unsatisfactory.",
                );
            }
            return None;
        };
        Some(SupplierReview {
            id: 0,
            supplier_id: found.map_or(0, |s| s.id),
            reviewed_on: day,
            outcome,
            note: c.text("review_note"),
        })
    }
}

/// The certificates a row names that the supplier does not have yet, with the row's expiry.
fn certificates(c: &mut Check<'_>, found: Option<&Supplier>) -> Vec<Certificate> {
    if !c.mapped("certificates") {
        return Vec::new();
    }
    let expires = if c.mapped("certificate_expiry") {
        c.read("certificate_expiry", dates::date).flatten()
    } else {
        None
    };
    clean::split(c.cell("certificates"))
        .into_iter()
        .filter(|title| {
            !found.is_some_and(|s| {
                s.certificates
                    .iter()
                    .any(|k| k.title.trim().eq_ignore_ascii_case(title))
            })
        })
        .map(|title| Certificate {
            id: 0,
            supplier_id: found.map_or(0, |s| s.id),
            title,
            issued_on: None,
            expires_on: expires,
            evidence_id: None,
        })
        .collect()
}

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

/// Writes a supplier row's plan.
pub(crate) fn apply_supplier(
    tx: &mut isms_core::db::WriteTx<'_>,
    plan: SupplierPlan,
) -> Result<()> {
    let saved = if plan.supplier.id == 0 {
        suppliers::create_in(tx, plan.supplier)?
    } else {
        suppliers::update_in(tx, plan.supplier)?
    };
    if let Some(review) = plan.review {
        suppliers::add_review_in(
            tx,
            SupplierReview {
                supplier_id: saved.id,
                ..review
            },
        )?;
    }
    for certificate in plan.certificates {
        suppliers::save_certificate_in(
            tx,
            Certificate {
                supplier_id: saved.id,
                ..certificate
            },
        )?;
    }
    Ok(())
}
