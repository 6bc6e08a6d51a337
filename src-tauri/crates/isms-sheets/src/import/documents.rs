//! Document register rows: the register entry only (reference, title, kind, owner, the
//! mandatory items it covers, review interval and next review, whether staff must read it and
//! who). Matched by reference, which every document has. A row's Version with its Approved on
//! records that version as approved outside the app on that day (by nobody the vault knows,
//! without a file) when the document lacks a version of that number; a version it already has
//! is left as it is (approved versions never change), and a new version without its approval
//! day is refused rather than dropped. A workbook with a Versions sheet brings every version
//! listed there ([`super::versions`]), with its approver; the row's Version is then one of them.

use std::collections::HashMap;

use isms_core::documents::{self, DocKind, Document, DocumentVersion};
use isms_core::{FieldError, Result, Vault};

use super::check::Check;
use super::owners::Owners;
use super::versions::{SheetVersions, said};
use super::{Op, Outcome, Planned, Planner};
use crate::read::{Workbook, clean, dates};

pub(crate) struct Documents {
    existing: Vec<Document>,
    /// Lower-case reference → its document in `existing`.
    by_reference: HashMap<String, usize>,
    owners: Owners,
    seen: HashMap<String, u32>,
    /// The workbook's Versions sheet, if it has one.
    versions: SheetVersions,
}

impl Documents {
    /// `sheets`: the sheets beside the register's (its Versions).
    pub fn new(vault: &Vault, sheets: &[Workbook]) -> Result<Self> {
        let existing = documents::list(vault.reader())?;
        let mut by_reference = HashMap::new();
        for (i, d) in existing.iter().enumerate() {
            by_reference
                .entry(d.reference.to_ascii_lowercase())
                .or_insert(i);
        }
        let owners = Owners::new(isms_core::people::list(vault.reader())?);
        Ok(Documents {
            existing,
            by_reference,
            versions: SheetVersions::read(sheets, &owners),
            owners,
            seen: HashMap::new(),
        })
    }
}

/// The core's field names as the importer's.
fn field_of(core: &str) -> &str {
    match core {
        "owner_id" => "owner",
        f => f,
    }
}

impl Planner for Documents {
    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        let reference = c.required("reference", "A reference (such as POL-01)");
        let title = c.required("title", "A title");
        if let Some(r) = &reference {
            c.once(
                &mut self.seen,
                "reference",
                r,
                &format!("“{r}”"),
                "document",
            );
        }
        let kind = c
            .read("kind", |cell| {
                clean::word::<DocKind>(cell, "a kind of document")
            })
            .flatten();
        // Blanks are reported; the other cells are still checked.
        let (reference, title) = (reference.unwrap_or_default(), title.unwrap_or_default());
        let found = (!reference.is_empty())
            .then(|| self.by_reference.get(&reference.to_ascii_lowercase()))
            .flatten()
            .map(|&i| &self.existing[i]);
        let mut doc = found
            .cloned()
            .unwrap_or_else(|| Document::new(&reference, &title, kind.unwrap_or(DocKind::Other)));
        doc.title = title;
        if let Some(kind) = kind {
            doc.kind = kind;
        }
        if c.mapped("mandatory_items") {
            doc.mandatory_items = clean::split(c.cell("mandatory_items"));
        }
        if c.mapped("audience") {
            doc.audience = clean::split(c.cell("audience"));
        }
        if c.mapped("review_months")
            && let Some(months) = c.read("review_months", |cell| {
                clean::whole(cell, "a review interval in months")
            })
        {
            doc.review_months = months;
        }
        if c.mapped("next_review")
            && let Some(day) = c.read("next_review", dates::date)
        {
            doc.next_review = day;
        }
        if c.mapped("communicate")
            && let Some(flag) = c.read("communicate", clean::flag)
        {
            doc.communicate = flag.unwrap_or(false);
        }
        if let Some(owner) = self
            .owners
            .read(c, "owner", Some("owner_email"), doc.owner_id)
        {
            doc.owner_id = owner;
        }
        let mut versions = if reference.is_empty() {
            Vec::new()
        } else {
            self.versions.new_for(&doc)
        };
        let listed = |n: &str| self.versions.lists(&doc.reference, n);
        if let Some((number, on)) = new_version(c, &doc, listed) {
            versions.push(DocumentVersion {
                id: 0,
                number,
                change_summary: "Imported from a register".into(),
                evidence_id: None,
                approved_by: None,
                approved_on: Some(on),
            });
        }
        let doc = match doc.validated() {
            Ok(d) => d,
            Err(err) => {
                c.core(err, field_of);
                return None;
            }
        };
        if c.failed() {
            return None;
        }
        let what = format!("{} “{}”", doc.reference, doc.title);
        let outcome = match found {
            None => Outcome::Create,
            Some(old) if *old == doc && versions.is_empty() => Outcome::Unchanged,
            Some(_) => Outcome::Update,
        };
        let said: Vec<String> = versions.iter().map(said).collect();
        let what = match said.is_empty() {
            true => what,
            false => format!("{what}, {}", said.join(", ")),
        };
        Some(Planned {
            outcome,
            op: Op::Document(Box::new(doc), versions),
            what,
        })
    }

    fn finish(&mut self) -> Vec<FieldError> {
        self.versions.finish()
    }
}

/// The version a row records that the document lacks, with the day it was approved: `None`
/// when the Version column is not mapped, blank, or names a version the document has or the
/// Versions sheet lists (`listed`).
fn new_version(
    c: &mut Check<'_>,
    doc: &Document,
    listed: impl Fn(&str) -> bool,
) -> Option<(String, chrono::NaiveDate)> {
    if !c.mapped("version") {
        return None;
    }
    let number = clean::text(c.cell("version"))?;
    if doc.versions.iter().any(|v| v.number == number) || listed(&number) {
        return None;
    }
    let approved = if c.mapped("approved_on") {
        c.read("approved_on", dates::date).flatten()
    } else {
        None
    };
    if approved.is_none() && !c.reported("approved_on") {
        c.error(
            "approved_on",
            &format!(
                "Version {number} is not in the vault yet: give the day it was approved (an \
                 “Approved on” column), or leave the version blank."
            ),
        );
    }
    approved.map(|on| (number, on))
}
