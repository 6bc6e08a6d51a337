//! Supplier rows: matched by name ignoring case; a row's last review and the certificates it
//! names are added, never duplicated.

use std::collections::HashMap;

use isms_core::assets::Asset;
use isms_core::suppliers::{
    self, Certificate, Criticality, ReviewOutcome, Supplier, SupplierReview,
};
use isms_core::{Result, Vault};

use super::super::check::Check;
use super::super::owners::Owners;
use super::super::{Op, Outcome, Planned, Planner};
use super::named;
use crate::read::{clean, dates};

/// What a supplier row writes: the supplier, a review to add, certificates to add.
pub(crate) struct SupplierPlan {
    pub supplier: Supplier,
    pub review: Option<SupplierReview>,
    pub certificates: Vec<Certificate>,
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
