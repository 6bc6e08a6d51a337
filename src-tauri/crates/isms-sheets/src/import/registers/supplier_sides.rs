//! The sheets a supplier register's workbook holds beside it: "Supplier reviews" (supplier,
//! reviewed on, outcome, note) and "Supplier certificates" (supplier, certificate, issued on,
//! expires on), which `export-sheet suppliers` writes so that every review with its note and
//! every certificate with its days travel. Read when the workbook has them: a review is added
//! unless the supplier has one on that day, a certificate unless one of that title is recorded;
//! nothing is deleted. A row naming a supplier that is not on the register's sheet, or the same
//! review or certificate twice, is a problem on its cell.

use std::collections::{HashMap, HashSet};

use isms_core::FieldError;
use isms_core::suppliers::{Certificate, ReviewOutcome, Supplier, SupplierReview};

use super::super::side::{Table, find, not_on_data_sheet};
use crate::read::fields::sides::{CERTIFICATES, SUPPLIER_REVIEWS};
use crate::read::{Workbook, clean};

#[derive(Default)]
pub(crate) struct SupplierSides {
    /// Lower-case supplier name → its reviews, in the sheet's order.
    reviews: HashMap<String, Vec<SupplierReview>>,
    /// Lower-case supplier name → its certificates, in the sheet's order.
    certificates: HashMap<String, Vec<Certificate>>,
    /// Lower-case supplier name → the first cell naming it and the name as written.
    first: HashMap<String, (String, String)>,
    /// Suppliers a row of the register names.
    used: HashSet<String>,
    errors: Vec<FieldError>,
}

impl SupplierSides {
    pub fn read(sheets: &[Workbook]) -> Self {
        let mut out = SupplierSides::default();
        if let Some(sheet) = find(sheets, &SUPPLIER_REVIEWS) {
            let mut t = Table::new(sheet, &SUPPLIER_REVIEWS);
            for i in t.rows() {
                let name = t.required(i, "supplier", "The supplier's name");
                let day = t.date(i, "reviewed_on");
                let outcome = t.read(i, "outcome", |c| {
                    clean::word::<ReviewOutcome>(c, "a review outcome")
                });
                if day == Some(None) {
                    t.error(i, "reviewed_on", "The day of the review is needed here.");
                }
                if outcome == Some(None) {
                    t.error(
                        i,
                        "outcome",
                        "Say how the review came out: Satisfactory, Actions needed or Unsatisfactory.",
                    );
                }
                let (Some(name), Some(Some(reviewed_on)), Some(Some(outcome))) =
                    (name, day, outcome)
                else {
                    continue;
                };
                let key = out.note(&t, i, &name);
                let list = out.reviews.entry(key).or_default();
                if list.iter().any(|r| r.reviewed_on == reviewed_on) {
                    t.error(
                        i,
                        "reviewed_on",
                        &format!(
                            "“{name}” has another review on {reviewed_on} above; each review once."
                        ),
                    );
                    continue;
                }
                list.push(SupplierReview {
                    id: 0,
                    supplier_id: 0,
                    reviewed_on,
                    outcome,
                    note: t.text(i, "note"),
                });
            }
            out.errors.append(&mut t.errors);
        }
        if let Some(sheet) = find(sheets, &CERTIFICATES) {
            let mut t = Table::new(sheet, &CERTIFICATES);
            for i in t.rows() {
                let name = t.required(i, "supplier", "The supplier's name");
                let title = t.required(i, "certificate", "The certificate's title");
                let issued_on = t.date(i, "issued_on");
                let expires_on = t.date(i, "expires_on");
                let (Some(name), Some(title), Some(issued_on), Some(expires_on)) =
                    (name, title, issued_on, expires_on)
                else {
                    continue;
                };
                if let (Some(from), Some(to)) = (issued_on, expires_on)
                    && to < from
                {
                    t.error(
                        i,
                        "expires_on",
                        &format!("It expires before it was issued ({from})."),
                    );
                    continue;
                }
                let key = out.note(&t, i, &name);
                let list = out.certificates.entry(key).or_default();
                if list.iter().any(|c| c.title.eq_ignore_ascii_case(&title)) {
                    t.error(
                        i,
                        "certificate",
                        &format!("“{name}” has “{title}” above; each certificate once."),
                    );
                    continue;
                }
                list.push(Certificate {
                    id: 0,
                    supplier_id: 0,
                    title,
                    issued_on,
                    expires_on,
                    evidence_id: None,
                });
            }
            out.errors.append(&mut t.errors);
        }
        out
    }

    /// The key of supplier `name`, noting where the sheets first name it.
    fn note(&mut self, t: &Table<'_>, row: usize, name: &str) -> String {
        let key = name.trim().to_lowercase();
        self.first
            .entry(key.clone())
            .or_insert_with(|| (t.at(row, "supplier"), name.to_owned()));
        key
    }

    /// Whether the reviews sheet lists a review of `name` on `day`.
    pub fn lists_review(&self, name: &str, day: chrono::NaiveDate) -> bool {
        self.reviews
            .get(&name.trim().to_lowercase())
            .is_some_and(|l| l.iter().any(|r| r.reviewed_on == day))
    }

    /// Whether the certificates sheet lists `title` for `name`.
    pub fn lists_certificate(&self, name: &str, title: &str) -> bool {
        self.certificates
            .get(&name.trim().to_lowercase())
            .is_some_and(|l| l.iter().any(|c| c.title.eq_ignore_ascii_case(title)))
    }

    /// The reviews and certificates the sheets list for supplier `name` that `found` (the
    /// supplier in the vault, if any) lacks.
    pub fn new_for(
        &mut self,
        name: &str,
        found: Option<&Supplier>,
    ) -> (Vec<SupplierReview>, Vec<Certificate>) {
        let key = name.trim().to_lowercase();
        self.used.insert(key.clone());
        let id = found.map_or(0, |s| s.id);
        let reviews = self.reviews.get(&key).map_or(Vec::new(), |l| {
            l.iter()
                .filter(|r| {
                    !found.is_some_and(|s| s.reviews.iter().any(|k| k.reviewed_on == r.reviewed_on))
                })
                .map(|r| SupplierReview {
                    supplier_id: id,
                    ..r.clone()
                })
                .collect()
        });
        let certificates = self.certificates.get(&key).map_or(Vec::new(), |l| {
            l.iter()
                .filter(|c| {
                    !found.is_some_and(|s| {
                        s.certificates
                            .iter()
                            .any(|k| k.title.trim().eq_ignore_ascii_case(&c.title))
                    })
                })
                .map(|c| Certificate {
                    supplier_id: id,
                    ..c.clone()
                })
                .collect()
        });
        (reviews, certificates)
    }

    /// The sheets' problems, and each supplier they name that no row of the register does.
    pub fn finish(&mut self) -> Vec<FieldError> {
        let mut errors = std::mem::take(&mut self.errors);
        errors.extend(not_on_data_sheet(&self.first, &self.used, |name| {
            format!("“{name}” is not on the Suppliers sheet; list the supplier there.")
        }));
        errors
    }
}
