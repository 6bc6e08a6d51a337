//! Competence rows: one piece of competence evidence each, for the person with the row's
//! e-mail (who must be in the vault already), plus the roles the row names, which the person
//! is assigned to when they do not hold them yet (an import never ends an assignment). A row
//! matches the person's evidence with the same title (ignoring case) obtained on the same day,
//! so a register exported and imported again updates in place. The kind is read from the words
//! people use ("Certificate", "Degree", "Course"…; blank is training). The "Status", "Name" and
//! "Evidence file" columns the export writes are not read: status is derived, and files are
//! attached in the app.

use std::collections::{HashMap, HashSet};

use isms_core::competence::{self, Assignment, CompetenceEvidence, CompetenceKind, Role};
use isms_core::people::{self, Person};
use isms_core::{FieldError, Result, Vault};

use super::check::Check;
use super::holders::{SheetHolders, assignment};
use super::{Op, Outcome, Planned, Planner};
use crate::read::{Workbook, clean, dates};

pub(crate) struct Competence {
    people: Vec<Person>,
    roles: Vec<Role>,
    /// Assignments in the vault and those earlier rows will make.
    held: HashSet<(i64, i64)>,
    evidence: Vec<CompetenceEvidence>,
    /// Person, lower-case title, day obtained → the row that gave it.
    seen: HashMap<String, u32>,
    /// The workbook's Role holders sheet, if it has one.
    holders: SheetHolders,
}

impl Competence {
    /// `sheets`: the sheets beside the evidence (its Role holders).
    pub fn new(vault: &Vault, sheets: &[Workbook]) -> Result<Self> {
        let conn = vault.reader();
        let people = people::list(conn)?;
        let roles = competence::list_roles(conn)?;
        Ok(Competence {
            holders: SheetHolders::read(sheets, &roles, &people),
            people,
            roles,
            held: competence::list_assignments(conn)?
                .into_iter()
                .map(|a| (a.role_id, a.person_id))
                .collect(),
            evidence: competence::list_evidence(conn)?,
            seen: HashMap::new(),
        })
    }
}

/// The kind a cell names, in the words registers use.
fn kind(cell: &crate::read::Cell) -> std::result::Result<CompetenceKind, String> {
    let text = clean::text(cell).unwrap_or_default().to_lowercase();
    let word = text.trim();
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| word.starts_with(p));
    if word.is_empty() || starts(&["training", "course", "workshop", "seminar", "e-learning"]) {
        Ok(CompetenceKind::Training)
    } else if starts(&["cert", "accredit", "licen", "qualification"]) {
        Ok(CompetenceKind::Certification)
    } else if starts(&[
        "educat",
        "degree",
        "diploma",
        "academic",
        "university",
        "bsc",
        "msc",
        "bachelor",
        "master",
        "phd",
    ]) {
        Ok(CompetenceKind::Education)
    } else if starts(&["experience", "work experience", "on the job", "practice"]) {
        Ok(CompetenceKind::Experience)
    } else {
        Err(format!(
            "“{text}” is not a kind of competence evidence: education, training, experience or \
             certification."
        ))
    }
}

impl Planner for Competence {
    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        let email = c.required("email", "The person's e-mail address");
        let title = c.required("title", "What the evidence is (its title)");
        let obtained = c.read("obtained_on", dates::date).flatten();
        if obtained.is_none() && !c.reported("obtained_on") {
            c.error("obtained_on", "The day it was obtained is needed here.");
        }
        let person = email.as_deref().and_then(|email| {
            let found = self
                .people
                .iter()
                .find(|p| p.email.eq_ignore_ascii_case(email));
            if found.is_none() {
                c.error(
                    "email",
                    &format!("Nobody in the vault has the e-mail “{email}”: import or add the people first."),
                );
            }
            found.cloned()
        });
        let kind = if c.mapped("kind") {
            c.read("kind", kind)
        } else {
            Some(CompetenceKind::Training)
        };
        let expires_on = if c.mapped("expires_on") {
            c.read("expires_on", dates::date).flatten()
        } else {
            None
        };
        let mut roles: Vec<i64> = Vec::new();
        if c.mapped("roles") {
            for name in clean::split(c.cell("roles")) {
                match self
                    .roles
                    .iter()
                    .find(|r| r.name.eq_ignore_ascii_case(&name))
                {
                    Some(role) => roles.push(role.id),
                    None => {
                        let known: Vec<&str> = self.roles.iter().map(|r| r.name.as_str()).collect();
                        c.error(
                            "roles",
                            &format!(
                                "There is no role “{name}”; the roles are: {}.",
                                known.join(", ")
                            ),
                        );
                    }
                }
            }
        }
        let (Some(person), Some(title), Some(obtained_on), Some(kind)) =
            (person, title, obtained, kind)
        else {
            return None;
        };
        c.once(
            &mut self.seen,
            "title",
            &format!("{} {} {obtained_on}", person.id, title.to_lowercase()),
            &format!("“{title}” of {} obtained on {obtained_on}", person.name),
            "piece of evidence",
        );
        let found = self.evidence.iter().find(|e| {
            e.person_id == person.id
                && e.obtained_on == obtained_on
                && e.title.eq_ignore_ascii_case(title.trim())
        });
        let mut record = found.cloned().unwrap_or(CompetenceEvidence {
            id: 0,
            person_id: person.id,
            kind,
            title: title.clone(),
            obtained_on,
            expires_on: None,
            evidence_id: None,
            note: String::new(),
        });
        record.kind = kind;
        if c.mapped("expires_on") {
            record.expires_on = expires_on;
        }
        c.set_text("note", &mut record.note);
        let record = match record.validated() {
            Ok(r) => r,
            Err(err) => {
                c.core(err, |f| f);
                return None;
            }
        };
        if c.failed() {
            return None;
        }
        let assign: Vec<Assignment> = roles
            .into_iter()
            .filter(|role| self.held.insert((*role, person.id)))
            .map(|role_id| Assignment {
                id: 0,
                role_id,
                person_id: person.id,
                assigned_on: self.holders.day(role_id, person.id),
            })
            .collect();
        let what = format!("“{}” of {} <{}>", record.title, person.name, person.email);
        let outcome = match found {
            None => Outcome::Create,
            Some(old) if *old == record && assign.is_empty() => Outcome::Unchanged,
            Some(_) => Outcome::Update,
        };
        Some(Planned {
            outcome,
            op: Op::Competence(Box::new((record, assign))),
            what,
        })
    }

    fn finish(&mut self) -> Vec<FieldError> {
        self.holders.finish()
    }

    /// The holders the Role holders sheet lists that neither the vault nor a row assigns.
    fn created(&mut self) -> Vec<Planned> {
        let mut out = Vec::new();
        for h in &self.holders.holders {
            if !self.held.insert((h.role_id, h.person_id)) {
                continue;
            }
            let role = self.roles.iter().find(|r| r.id == h.role_id);
            let person = self.people.iter().find(|p| p.id == h.person_id);
            let since = h
                .assigned_on
                .map(|d| format!(" since {d}"))
                .unwrap_or_default();
            out.push(Planned {
                outcome: Outcome::Create,
                op: Op::Assignment(Box::new(assignment(h))),
                what: format!(
                    "{}: assign {} <{}> to {}{since}",
                    h.at,
                    person.map_or("", |p| p.name.as_str()),
                    person.map_or("", |p| p.email.as_str()),
                    role.map_or("", |r| r.name.as_str())
                ),
            });
        }
        out
    }
}
