//! People rows: matched by e-mail (ignoring case), so a people list exported and imported
//! again updates everyone in place. Start and end dates as dates; top management and ISMS
//! owner as yes/no (blank is no). An "Active" column, as the export writes, is derived and not
//! read.

use std::collections::HashMap;

use isms_core::people::{self, Person};
use isms_core::{Result, Vault};

use super::check::Check;
use super::{Op, Outcome, Planned, Planner};
use crate::read::{clean, dates};

pub(crate) struct People {
    existing: Vec<Person>,
    /// Lower-case e-mail → its person in `existing`: a re-import of a long list stays linear.
    by_email: HashMap<String, usize>,
    /// Lower-case e-mail → the row that gave it.
    seen: HashMap<String, u32>,
}

impl People {
    pub fn new(vault: &Vault) -> Result<Self> {
        let existing = people::list(vault.reader())?;
        let by_email = existing
            .iter()
            .enumerate()
            .map(|(i, p)| (p.email.to_ascii_lowercase(), i))
            .collect();
        Ok(People {
            existing,
            by_email,
            seen: HashMap::new(),
        })
    }
}

impl Planner for People {
    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        let name = c.required("name", "A name");
        let email = c.required("email", "An e-mail address");
        if let Some(email) = &email {
            c.once(
                &mut self.seen,
                "email",
                email,
                &format!("“{email}”"),
                "person",
            );
        }
        // Blanks are reported; the other cells are still checked.
        let (name, email) = (name.unwrap_or_default(), email.unwrap_or_default());
        let found = self
            .by_email
            .get(&email.to_ascii_lowercase())
            .map(|&i| &self.existing[i]);
        let mut person = found.cloned().unwrap_or_else(|| Person::new(&name, &email));
        person.name = name;
        c.set_text("job_title", &mut person.job_title);
        c.set_text("department", &mut person.department);
        for (field, slot) in [
            ("start_date", &mut person.start_date),
            ("end_date", &mut person.end_date),
        ] {
            if c.mapped(field)
                && let Some(day) = c.read(field, dates::date)
            {
                *slot = day;
            }
        }
        for (field, slot) in [
            ("top_management", &mut person.top_management),
            ("isms_owner", &mut person.isms_owner),
        ] {
            if c.mapped(field)
                && let Some(flag) = c.read(field, clean::flag)
            {
                *slot = flag.unwrap_or(false);
            }
        }
        let person = match person.validated() {
            Ok(p) => p,
            Err(err) => {
                c.core(err, |f| f);
                return None;
            }
        };
        if c.failed() {
            return None;
        }
        let what = format!("{} <{}>", person.name, person.email);
        let outcome = match found {
            None => Outcome::Create,
            Some(old) if *old == person => Outcome::Unchanged,
            Some(_) => Outcome::Update,
        };
        Some(Planned {
            outcome,
            op: Op::Person(Box::new(person)),
            what,
        })
    }
}
