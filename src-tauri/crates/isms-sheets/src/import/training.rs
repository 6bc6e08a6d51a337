//! Training completions, as a form tool or learning platform exports them: e-mail, course and
//! the day it was completed. The person is found by e-mail and the course by title, both
//! ignoring case; a completion already recorded (the same person, course and day), in the
//! vault or higher up the file, is skipped, so importing the same file twice changes nothing.
//! Asked to create what is missing, a course no one has set up yet is created with the
//! import, once for all its rows: as the workbook's own Courses sheet defines it when there is
//! one (every course listed there that the vault lacks is created, named by a row or not, so a
//! training export brings back its courses whole), otherwise bare (an awareness course when its
//! title says "awareness", valid for ever).

use std::collections::HashSet;

use chrono::NaiveDate;
use isms_core::people::{self, Person};
use isms_core::training::{self, Completion, Course};
use isms_core::{Result, Vault};

use super::check::Check;
use super::courses::guessed_kind;
use super::{Op, Outcome, Planned, Planner};
use crate::read::dates;

pub(crate) struct Training {
    people: Vec<Person>,
    courses: Vec<Course>,
    /// (person, course, day) of every completion recorded or planned.
    known: HashSet<(i64, i64, NaiveDate)>,
    create_missing: bool,
    /// Courses to create, with stand-in ids from -1 down.
    new_courses: Vec<Course>,
}

impl Training {
    /// `defined`: the courses the workbook defines (its Courses sheet), created with
    /// `create_missing` when the vault lacks them.
    pub fn new(vault: &Vault, create_missing: bool, defined: &[Course]) -> Result<Self> {
        let conn = vault.reader();
        let courses = training::list_courses(conn)?;
        let mut new_courses: Vec<Course> = Vec::new();
        if create_missing {
            for c in defined {
                let known = courses
                    .iter()
                    .chain(&new_courses)
                    .any(|k| k.title.eq_ignore_ascii_case(&c.title));
                if !known {
                    let id = -(new_courses.len() as i64) - 1;
                    new_courses.push(Course { id, ..c.clone() });
                }
            }
        }
        Ok(Training {
            create_missing,
            new_courses,
            people: people::list(conn)?,
            courses,
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
    fn created(&mut self) -> Vec<Planned> {
        self.new_courses
            .drain(..)
            .map(|course| Planned {
                outcome: Outcome::Create,
                what: format!(
                    "new course: “{}” ({}{})",
                    course.title,
                    course.kind.as_str(),
                    course
                        .validity_months
                        .map_or(String::new(), |m| format!(", valid {m} months"))
                ),
                op: Op::Course(Box::new(course)),
            })
            .collect()
    }

    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        let person = person(&self.people, c, "email");
        let title = c.text("course");
        let mut course = self
            .courses
            .iter()
            .chain(&self.new_courses)
            .find(|k| k.title.eq_ignore_ascii_case(&title))
            .cloned();
        if course.is_none() && self.create_missing && !title.is_empty() {
            let new = Course {
                id: -(self.new_courses.len() as i64) - 1,
                title: title.clone(),
                kind: guessed_kind(&title),
                validity_months: None,
            };
            self.new_courses.push(new.clone());
            course = Some(new);
        }
        if course.is_none() {
            let hint = if self.create_missing {
                ""
            } else {
                " Set it up first (the command line's import creates it with --create-missing)."
            };
            c.error("course", &format!("No course called “{title}”.{hint}"));
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
