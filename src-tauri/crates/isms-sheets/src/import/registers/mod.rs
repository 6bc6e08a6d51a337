//! Rows of the registers beside the SoA. Suppliers are matched by name (ignoring case); a row's
//! last review (its day, outcome and note) is added unless the supplier already has a review on
//! that day, and each certificate it names is added unless one of that title is recorded (with
//! the row's expiry). Incidents and requirements are matched by reference, or without one by a
//! title only one of them has; a new one keeps the sheet's reference. A new requirement from a
//! sheet without a source column is a law (such sheets are legal registers: "Legislation",
//! "Law"); a new incident without a category is Other and without a status Reported (Closed
//! when it has a closing date). Assets, suppliers, interested parties and documents are named
//! by name (documents by reference or title); an unknown one is a problem on its cell.
//! Suppliers live in [`suppliers`], incidents in [`incidents`], requirements in
//! [`requirements`]; this file holds what they share: naming records in a list cell and
//! matching a row by reference or title.

mod incidents;
mod requirements;
mod supplier_sides;
mod suppliers;

pub(crate) use incidents::Incidents;
pub(crate) use requirements::Requirements;
pub(crate) use suppliers::{SupplierPlan, Suppliers, apply_supplier};

use super::Outcome;
use super::check::Check;
use crate::read::clean;

/// The ids of the records named in a list cell, by name ignoring case; unknown names are
/// problems on `field` (`what` says what they should be).
pub(super) fn named<T>(
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
pub(super) fn by_reference_or_title<'a, T>(
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

pub(super) fn outcome_of<T: PartialEq>(found: Option<&T>, record: &T) -> Outcome {
    match found {
        None => Outcome::Create,
        Some(old) if old == record => Outcome::Unchanged,
        Some(_) => Outcome::Update,
    }
}
