//! Acknowledgements of documents, as a form tool exports them: e-mail, the document's
//! reference, its version, the day and the method (signature, form or e-mail). The person is
//! found by e-mail and the document by reference (both ignoring case), the version by its
//! number, which must be approved; a person's acknowledgement of a version already recorded,
//! in the vault or higher up the file, is skipped, so importing the same file twice changes
//! nothing. Asked to create what is missing, a version a document does not have yet is
//! created with the import as approved outside the app, on the earliest day it was
//! acknowledged; the document itself must be in the register.
//!
//! A row whose status says the person has not acknowledged ("Missing", as `export-sheet
//! acknowledgements` lists the audience still to sign, or "Pending", "Offen", "Manquant" …)
//! states a status, not a record: it is read, reported as skipped and never written, whatever
//! its other cells hold. Any other status (or none) is an acknowledgement like any row.

use std::collections::HashSet;

use chrono::NaiveDate;
use isms_core::acknowledgements::{self, AckMethod, Acknowledgement};
use isms_core::documents::{self, Document};
use isms_core::people::{self, Person};
use isms_core::vocabulary::normalized;
use isms_core::{Result, Vault, Vocabulary};

use super::check::Check;
use super::training::{day, person};
use super::{Op, Outcome, Planned, Planner};

pub(crate) struct Acknowledgements {
    people: Vec<Person>,
    documents: Vec<Document>,
    /// (person, version) of every acknowledgement recorded or planned.
    known: HashSet<(i64, i64)>,
    create_missing: bool,
    /// Versions to create: stand-in id (from -1 down), document, number, earliest day.
    new_versions: Vec<(i64, i64, String, NaiveDate)>,
}

impl Acknowledgements {
    pub fn new(vault: &Vault, create_missing: bool) -> Result<Self> {
        let conn = vault.reader();
        Ok(Acknowledgements {
            create_missing,
            new_versions: Vec::new(),
            people: people::list(conn)?,
            documents: documents::list(conn)?,
            known: acknowledgements::list(conn)?
                .into_iter()
                .map(|a| (a.person_id, a.version_id))
                .collect(),
        })
    }
}

/// The document and the id of its approved version the row names (a stand-in id below 0 for
/// one to create), or the problem recorded.
fn version(
    documents: &[Document],
    c: &mut Check<'_>,
    create: Option<&mut Vec<(i64, i64, String, NaiveDate)>>,
    day: Option<NaiveDate>,
) -> Option<(Document, i64, String)> {
    let reference = c.text("document");
    let Some(doc) = documents
        .iter()
        .find(|d| d.reference.eq_ignore_ascii_case(&reference))
    else {
        c.error(
            "document",
            &format!("No document with the reference “{reference}”."),
        );
        return None;
    };
    let number = c.text("version");
    match doc.versions.iter().find(|v| v.number == number) {
        Some(v) if v.approved_on.is_some() => Some((doc.clone(), v.id, number)),
        Some(_) => {
            c.error(
                "version",
                &format!(
                    "Version {number} of {} is a draft, not approved.",
                    doc.reference
                ),
            );
            None
        }
        None => match create {
            Some(new) if !number.is_empty() => {
                let planned = new
                    .iter_mut()
                    .find(|(_, d, n, _)| *d == doc.id && *n == number);
                let id = match planned {
                    Some((id, _, _, first)) => {
                        if let Some(day) = day {
                            *first = (*first).min(day);
                        }
                        *id
                    }
                    None => {
                        let id = -(new.len() as i64) - 1;
                        new.push((id, doc.id, number.clone(), day.unwrap_or_default()));
                        id
                    }
                };
                Some((doc.clone(), id, number))
            }
            _ => {
                c.error(
                    "version",
                    &format!(
                        "{} has no version “{number}”. Record it first (the command line's \
                         import creates it with --create-missing).",
                        doc.reference
                    ),
                );
                None
            }
        },
    }
}

/// Signature, form or e-mail, in the vocabulary's words (as form tools spell them, in
/// English, German or French); the problem recorded otherwise.
fn method(c: &mut Check<'_>) -> Option<AckMethod> {
    let said = c.text("method");
    match AckMethod::from_word(&said) {
        Some(method) => Some(method),
        None => {
            c.error(
                "method",
                &format!("“{said}” is not a method: signature, form or e-mail."),
            );
            None
        }
    }
}

/// Statuses that say a person has not acknowledged, in English, German and French.
#[rustfmt::skip]
const NOT_ACKNOWLEDGED: &[&str] = &["missing", "not acknowledged", "unacknowledged", "not signed", "unsigned", "pending", "outstanding", "open", "not done", "no", "fehlt", "fehlend", "ausstehend", "offen", "nicht bestätigt", "nicht unterschrieben", "nein", "manquant", "en attente", "non signé", "non acquitté", "non"];

/// The row's status when it says the person has not acknowledged.
fn not_acknowledged(c: &Check<'_>) -> Option<String> {
    let said = c.text("status");
    let word = normalized(&said);
    NOT_ACKNOWLEDGED
        .iter()
        .any(|n| normalized(n) == word)
        .then_some(said)
}

impl Planner for Acknowledgements {
    fn created(&mut self) -> Vec<Planned> {
        let documents = &self.documents;
        self.new_versions
            .drain(..)
            .map(|(id, document, number, day)| {
                let reference = documents
                    .iter()
                    .find(|d| d.id == document)
                    .map_or("", |d| d.reference.as_str());
                Planned {
                    outcome: Outcome::Create,
                    what: format!(
                        "new version: {reference} {number}, approved outside the app on {day}"
                    ),
                    op: Op::Version(id, document, number, day),
                }
            })
            .collect()
    }

    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        if let Some(status) = not_acknowledged(c) {
            let who = c.text("email");
            return Some(Planned {
                outcome: Outcome::Skipped,
                op: Op::Nothing,
                what: format!(
                    "skipped: {who} has not acknowledged {} {} (status “{status}”: a status, \
                     not a record)",
                    c.text("document"),
                    c.text("version")
                ),
            });
        }
        let person = person(&self.people, c, "email");
        let day = day(c, "date");
        let create = self.create_missing.then_some(&mut self.new_versions);
        let version = version(&self.documents, c, create, day);
        let method = method(c);
        let (Some(person), Some((doc, version_id, number)), Some(day), Some(method)) =
            (person, version, day, method)
        else {
            return None;
        };
        let added = self.known.insert((person.id, version_id));
        let (outcome, what) = if added {
            (
                Outcome::Create,
                format!(
                    "{} acknowledged {} {} on {day} ({})",
                    person.name,
                    doc.reference,
                    number,
                    method.as_str()
                ),
            )
        } else {
            (
                Outcome::Unchanged,
                format!(
                    "{} — {} {} is already acknowledged",
                    person.name, doc.reference, number
                ),
            )
        };
        Some(Planned {
            outcome,
            op: Op::Acknowledgement(Box::new(Acknowledgement {
                id: 0,
                person_id: person.id,
                version_id,
                acknowledged_on: day,
                method,
                evidence_id: None,
            })),
            what,
        })
    }
}
