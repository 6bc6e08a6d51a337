//! The Versions sheet of a document register (reference, version, change summary, approved by
//! with e-mail, approved on), which `export-sheet documents` writes beside the register so that
//! every version travels, not only the one in force. Read when the workbook has it: each
//! version a document lacks (by number) is added in version order, approved on its day by the
//! person named (or by nobody the vault knows), or without a day as the document's draft; a
//! version already there is skipped, and nothing is deleted. A version of a document that is
//! not on the register's sheet, a version listed twice, or a second draft is a problem on its
//! cell.

use std::collections::{HashMap, HashSet};

use isms_core::FieldError;
use isms_core::documents::{Document, DocumentVersion};

use super::owners::Owners;
use super::side::{Table, find, not_on_data_sheet};
use crate::read::Workbook;
use crate::read::fields::sides::VERSIONS;

/// A version the sheet lists, with the address of its row's version cell.
struct Listed {
    at: String,
    version: DocumentVersion,
}

pub(crate) struct SheetVersions {
    /// Lower-case reference → its versions, in the sheet's order.
    by_reference: HashMap<String, Vec<Listed>>,
    /// Lower-case reference → the address of its first row and the reference as written.
    first: HashMap<String, (String, String)>,
    /// References a row of the register asked for.
    used: HashSet<String>,
    errors: Vec<FieldError>,
}

impl SheetVersions {
    /// The Versions sheet among `sheets`, read whole; empty when there is none.
    pub fn read(sheets: &[Workbook], owners: &Owners) -> Self {
        let mut out = SheetVersions {
            by_reference: HashMap::new(),
            first: HashMap::new(),
            used: HashSet::new(),
            errors: Vec::new(),
        };
        let Some(sheet) = find(sheets, &VERSIONS) else {
            return out;
        };
        let mut t = Table::new(sheet, &VERSIONS);
        for i in t.rows() {
            let reference = t.required(i, "reference", "The document's reference");
            let number = t.required(i, "version", "The version's number");
            let approver = t.person(owners, i, "approved_by", "approved_by_email");
            let approved_on = t.date(i, "approved_on");
            let (Some(reference), Some(number), Some(approved_by), Some(approved_on)) =
                (reference, number, approver, approved_on)
            else {
                continue;
            };
            if approved_by.is_some() && approved_on.is_none() {
                t.error(
                    i,
                    "approved_on",
                    "A version approved by someone needs the day.",
                );
                continue;
            }
            let key = reference.to_lowercase();
            let listed = out.by_reference.entry(key.clone()).or_default();
            if listed.iter().any(|l| l.version.number == number) {
                t.error(
                    i,
                    "version",
                    &format!("{reference} {number} is listed twice; each version once."),
                );
                continue;
            }
            out.first
                .entry(key)
                .or_insert_with(|| (t.at(i, "reference"), reference.clone()));
            listed.push(Listed {
                at: t.at(i, "version"),
                version: DocumentVersion {
                    id: 0,
                    number,
                    change_summary: t.text(i, "change_summary"),
                    evidence_id: None,
                    approved_by,
                    approved_on,
                },
            });
        }
        out.errors = t.errors;
        out
    }

    /// Whether the sheet lists version `number` of the document `reference`.
    pub fn lists(&self, reference: &str, number: &str) -> bool {
        self.by_reference
            .get(&reference.to_lowercase())
            .is_some_and(|l| l.iter().any(|l| l.version.number == number))
    }

    /// The versions the sheet lists for `doc` that it lacks, oldest approval first and the
    /// draft last. A draft beside the document's own draft is a problem on its cell.
    pub fn new_for(&mut self, doc: &Document) -> Vec<DocumentVersion> {
        let key = doc.reference.to_lowercase();
        self.used.insert(key.clone());
        let Some(listed) = self.by_reference.get(&key) else {
            return Vec::new();
        };
        let mut new: Vec<&Listed> = listed
            .iter()
            .filter(|l| !doc.versions.iter().any(|v| v.number == l.version.number))
            .collect();
        new.sort_by_key(|l| (l.version.approved_on.is_none(), l.version.approved_on));
        let mut drafts = doc
            .versions
            .iter()
            .filter(|v| v.approved_on.is_none())
            .count();
        for l in new.iter().filter(|l| l.version.approved_on.is_none()) {
            drafts += 1;
            if drafts > 1 {
                self.errors.push(FieldError::new(
                    &l.at,
                    format!(
                        "{}: {} {} has no approval day, and {} already has a draft: give the \
                         day it was approved.",
                        l.at, doc.reference, l.version.number, doc.reference
                    ),
                ));
            }
        }
        new.into_iter().map(|l| l.version.clone()).collect()
    }

    /// The sheet's problems, and each document it lists that no row of the register names.
    pub fn finish(&mut self) -> Vec<FieldError> {
        let mut errors = std::mem::take(&mut self.errors);
        errors.extend(not_on_data_sheet(&self.first, &self.used, |name| {
            format!(
                "“{name}” is not on the register's sheet; a version belongs to a document listed there."
            )
        }));
        errors
    }
}

/// "version 1.0 approved on 2025-03-01", "version 1.1 (draft)".
pub(crate) fn said(v: &DocumentVersion) -> String {
    match v.approved_on {
        Some(on) => format!("version {} approved on {on}", v.number),
        None => format!("version {} (draft)", v.number),
    }
}
