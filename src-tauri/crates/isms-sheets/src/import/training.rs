//! Training completions, as a form tool or learning platform exports them: e-mail, course and
//! the day it was completed. The person is found by e-mail and the course by title, both
//! ignoring case; a completion already recorded (the same person, course and day), in the
//! vault or higher up the file, is skipped, so importing the same file twice changes nothing.

use std::collections::HashSet;

use chrono::NaiveDate;
use isms_core::people::{self, Person};
use isms_core::training::{self, Completion, Course};
use isms_core::{Result, Vault};

use super::check::Check;
use super::{Op, Outcome, Planned, Planner};
use crate::read::dates;

pub(crate) struct Training {
    people: Vec<Person>,
    courses: Vec<Course>,
    /// (person, course, day) of every completion recorded or planned.
    known: HashSet<(i64, i64, NaiveDate)>,
}

impl Training {
    pub fn new(vault: &Vault) -> Result<Self> {
        let conn = vault.reader();
        Ok(Training {
            people: people::list(conn)?,
            courses: training::list_courses(conn)?,
            known: training::list_completions(conn)?
                .into_iter()
                .map(|c| (c.person_id, c.course_id, c.completed_on))
                .collect(),
        })
    }
}

/// The person with e-mail `email` (ignoring case), or the problem recorded on `field`.
pub(crate) fn person<'p>(
    people: &'p [Person],
    c: &mut Check<'_>,
    field: &str,
) -> Option<&'p Person> {
    let email = c.text(field);
    let found = people.iter().find(|p| p.email.eq_ignore_ascii_case(&email));
    if found.is_none() {
        c.error(field, &format!("No person with the e-mail “{email}”."));
    }
    found
}

/// The day in `field`, or the problem recorded (a blank cell is one too).
pub(crate) fn day(c: &mut Check<'_>, field: &str) -> Option<NaiveDate> {
    match c.read(field, dates::date)? {
        Some(day) => Some(day),
        None => {
            c.error(field, "A date is needed here, like 2026-03-31.");
            None
        }
    }
}

impl Planner for Training {
    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        let person = person(&self.people, c, "email");
        let title = c.text("course");
        let course = self
            .courses
            .iter()
            .find(|k| k.title.eq_ignore_ascii_case(&title));
        if course.is_none() {
            c.error("course", &format!("No course called “{title}”."));
        }
        let day = day(c, "date");
        let (Some(person), Some(course), Some(day)) = (person, course, day) else {
            return None;
        };
        let added = self.known.insert((person.id, course.id, day));
        let (outcome, what) = if added {
            (
                Outcome::Create,
                format!("{} completed {} on {day}", person.name, course.title),
            )
        } else {
            (
                Outcome::Unchanged,
                format!(
                    "{} — {} on {day} is already recorded",
                    person.name, course.title
                ),
            )
        };
        Some(Planned {
            outcome,
            op: Op::Completion(Box::new(Completion {
                id: 0,
                person_id: person.id,
                course_id: course.id,
                completed_on: day,
                evidence_id: None,
            })),
            what,
        })
    }
}
