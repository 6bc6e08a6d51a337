//! Supplier rows: matched by name ignoring case; a row's last review and the certificates it
//! names are added, never duplicated. The workbook's "Supplier reviews" and "Supplier
//! certificates" sheets, when it has them, bring every review with its note and every
//! certificate with its days ([`super::supplier_sides`]); they take precedence over the row's
//! summary of the same review or certificate.

use std::collections::HashMap;

use isms_core::assets::Asset;
use isms_core::suppliers::{
    self, Certificate, Criticality, ReviewOutcome, Supplier, SupplierReview,
};
use isms_core::{FieldError, Result, Vault};

use super::super::check::Check;
use super::super::owners::Owners;
use super::super::{Op, Outcome, Planned, Planner};
use super::named;
use super::supplier_sides::SupplierSides;
use crate::read::{Workbook, clean, dates};

/// What a supplier row writes: the supplier, reviews to add, certificates to add.
pub(crate) struct SupplierPlan {
    pub supplier: Supplier,
    pub reviews: Vec<SupplierReview>,
    pub certificates: Vec<Certificate>,
}

pub(crate) struct Suppliers {
    existing: Vec<Supplier>,
    assets: Vec<Asset>,
    owners: Owners,
    seen: HashMap<String, u32>,
    sides: SupplierSides,
}

impl Suppliers {
    /// `sheets`: the sheets beside the register's (its reviews and certificates).
    pub fn new(vault: &Vault, sheets: &[Workbook]) -> Result<Self> {
        Ok(Suppliers {
            existing: suppliers::list(vault.reader())?,
            assets: isms_core::assets::list(vault.reader())?,
            owners: Owners::new(isms_core::people::list(vault.reader())?),
            seen: HashMap::new(),
            sides: SupplierSides::read(sheets),
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
        let mut reviews: Vec<SupplierReview> = self
            .review(c, found)
            .filter(|r| !self.sides.lists_review(&supplier.name, r.reviewed_on))
            .into_iter()
            .collect();
        let mut certificates = certificates(c, found);
        certificates.retain(|k| !self.sides.lists_certificate(&supplier.name, &k.title));
        if !supplier.name.is_empty() {
            let (more_reviews, more_certificates) = self.sides.new_for(&supplier.name, found);
            reviews.extend(more_reviews);
            certificates.extend(more_certificates);
        }
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
        if outcome == Outcome::Unchanged && (!reviews.is_empty() || !certificates.is_empty()) {
            outcome = Outcome::Update;
        }
        let mut added = Vec::new();
        if !reviews.is_empty() {
            let days: Vec<String> = reviews.iter().map(|r| r.reviewed_on.to_string()).collect();
            added.push(format!("reviews of {}", days.join(", ")));
        }
        if !certificates.is_empty() {
            let titles: Vec<&str> = certificates.iter().map(|k| k.title.as_str()).collect();
            added.push(format!("certificates {}", titles.join(", ")));
        }
        let what = match added.is_empty() {
            true => format!("“{}”", supplier.name),
            false => format!("“{}” with {}", supplier.name, added.join(" and ")),
        };
        Some(Planned {
            outcome,
            op: Op::Supplier(Box::new(SupplierPlan {
                supplier,
                reviews,
                certificates,
            })),
            what,
        })
    }

    fn finish(&mut self) -> Vec<FieldError> {
        self.sides.finish()
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
    for review in plan.reviews {
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
