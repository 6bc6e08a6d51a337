//! Acknowledgements of documents, as a form tool exports them: e-mail, the document's
//! reference, its version, the day and the method (signature, form or e-mail). The person is
//! found by e-mail and the document by reference (both ignoring case), the version by its
//! number, which must be approved; a person's acknowledgement of a version already recorded,
//! in the vault or higher up the file, is skipped, so importing the same file twice changes
//! nothing.

use std::collections::HashSet;

use isms_core::acknowledgements::{self, AckMethod, Acknowledgement};
use isms_core::documents::{self, Document, DocumentVersion};
use isms_core::people::{self, Person};
use isms_core::{Result, Vault, Vocabulary};

use super::check::Check;
use super::training::{day, person};
use super::{Op, Outcome, Planned, Planner};

pub(crate) struct Acknowledgements {
    people: Vec<Person>,
    documents: Vec<Document>,
    /// (person, version) of every acknowledgement recorded or planned.
    known: HashSet<(i64, i64)>,
}

impl Acknowledgements {
    pub fn new(vault: &Vault) -> Result<Self> {
        let conn = vault.reader();
        Ok(Acknowledgements {
            people: people::list(conn)?,
            documents: documents::list(conn)?,
            known: acknowledgements::list(conn)?
                .into_iter()
                .map(|a| (a.person_id, a.version_id))
                .collect(),
        })
    }
}

/// The approved version of one of `documents` the row names, or the problem recorded.
fn version<'d>(
    documents: &'d [Document],
    c: &mut Check<'_>,
) -> Option<(&'d Document, &'d DocumentVersion)> {
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
        Some(v) if v.approved_on.is_some() => Some((doc, v)),
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
        None => {
            c.error(
                "version",
                &format!("{} has no version “{number}”.", doc.reference),
            );
            None
        }
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

impl Planner for Acknowledgements {
    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        let person = person(&self.people, c, "email");
        let version = version(&self.documents, c);
        let day = day(c, "date");
        let method = method(c);
        let (Some(person), Some((doc, version)), Some(day), Some(method)) =
            (person, version, day, method)
        else {
            return None;
        };
        let added = self.known.insert((person.id, version.id));
        let (outcome, what) = if added {
            (
                Outcome::Create,
                format!(
                    "{} acknowledged {} {} on {day} ({})",
                    person.name,
                    doc.reference,
                    version.number,
                    method.as_str()
                ),
            )
        } else {
            (
                Outcome::Unchanged,
                format!(
                    "{} — {} {} is already acknowledged",
                    person.name, doc.reference, version.number
                ),
            )
        };
        Some(Planned {
            outcome,
            op: Op::Acknowledgement(Box::new(Acknowledgement {
                id: 0,
                person_id: person.id,
                version_id: version.id,
                acknowledged_on: day,
                method,
                evidence_id: None,
            })),
            what,
        })
    }
}
