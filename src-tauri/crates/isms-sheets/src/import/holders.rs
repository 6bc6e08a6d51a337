//! The Role holders sheet of a competence workbook (role, holder by name and e-mail, assigned
//! on), which `export-sheet competence` writes beside the evidence so that who holds each role
//! since when travels. Read when the workbook has it: an assignment the vault lacks is made
//! with its day, whether or not a row of evidence names the role; one the vault has is left as
//! it is (an import never ends or changes an assignment). A role or person the vault does not
//! know, or a holder listed twice, is a problem on its cell.

use chrono::NaiveDate;
use isms_core::FieldError;
use isms_core::competence::{Assignment, Role};
use isms_core::people::Person;

use super::owners::Owners;
use super::side::{Table, find};
use crate::read::Workbook;
use crate::read::fields::sides::ROLE_HOLDERS;

/// A holder the sheet lists.
pub(crate) struct Holder {
    /// "Role holders!3", for the report.
    pub at: String,
    pub role_id: i64,
    pub person_id: i64,
    pub assigned_on: Option<NaiveDate>,
}

#[derive(Default)]
pub(crate) struct SheetHolders {
    pub holders: Vec<Holder>,
    errors: Vec<FieldError>,
}

impl SheetHolders {
    pub fn read(sheets: &[Workbook], roles: &[Role], people: &[Person]) -> Self {
        let mut out = SheetHolders::default();
        let Some(sheet) = find(sheets, &ROLE_HOLDERS) else {
            return out;
        };
        let owners = Owners::new(people.to_vec());
        let mut t = Table::new(sheet, &ROLE_HOLDERS);
        for i in t.rows() {
            let role = t.required(i, "role", "The role's name").and_then(|name| {
                let found = roles.iter().find(|r| r.name.eq_ignore_ascii_case(&name));
                if found.is_none() {
                    let known: Vec<&str> = roles.iter().map(|r| r.name.as_str()).collect();
                    t.error(
                        i,
                        "role",
                        &format!(
                            "There is no role “{name}”; the roles are: {}.",
                            known.join(", ")
                        ),
                    );
                }
                found
            });
            let person = match t.person(&owners, i, "name", "email") {
                Some(None) => {
                    t.error(i, "email", "The holder's e-mail (or name) is needed here.");
                    None
                }
                p => p.flatten(),
            };
            let day = t.date(i, "assigned_on");
            let (Some(role), Some(person_id), Some(assigned_on)) = (role, person, day) else {
                continue;
            };
            if out
                .holders
                .iter()
                .any(|h| h.role_id == role.id && h.person_id == person_id)
            {
                t.error(
                    i,
                    "email",
                    &format!(
                        "This person is listed above as holding {}; each holder once.",
                        role.name
                    ),
                );
                continue;
            }
            out.holders.push(Holder {
                at: format!("{}!{}", sheet.sheet, i + 1),
                role_id: role.id,
                person_id,
                assigned_on,
            });
        }
        out.errors = t.errors;
        out
    }

    /// The day the sheet gives for `person_id` holding `role_id`, if it lists them.
    pub fn day(&self, role_id: i64, person_id: i64) -> Option<NaiveDate> {
        self.holders
            .iter()
            .find(|h| h.role_id == role_id && h.person_id == person_id)
            .and_then(|h| h.assigned_on)
    }

    pub fn finish(&mut self) -> Vec<FieldError> {
        std::mem::take(&mut self.errors)
    }
}

/// The assignment a holder makes.
pub(crate) fn assignment(h: &Holder) -> Assignment {
    Assignment {
        id: 0,
        role_id: h.role_id,
        person_id: h.person_id,
        assigned_on: h.assigned_on,
    }
}
