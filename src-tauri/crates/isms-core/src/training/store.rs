//! Reading and writing `courses` and `completions`, with history.

use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::model::{Completion, Course};
use crate::db::record::{self, Record};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, FieldError, Result};

impl Record for Course {
    const TABLE: &'static str = "courses";
    const COLUMNS: &'static [&'static str] = &["title", "kind", "validity_months"];
    const ORDER: &'static str = "title COLLATE NOCASE, id";
    const NOUN: &'static str = "course";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![&self.title, &self.kind, &self.validity_months]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Course {
            id: row.get(0)?,
            title: row.get(1)?,
            kind: row.get(2)?,
            validity_months: row.get(3)?,
        })
    }
}

impl Record for Completion {
    const TABLE: &'static str = "completions";
    const COLUMNS: &'static [&'static str] =
        &["person_id", "course_id", "completed_on", "evidence_id"];
    const ORDER: &'static str = "completed_on, id";
    const NOUN: &'static str = "completion";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![
            &self.person_id,
            &self.course_id,
            &self.completed_on,
            &self.evidence_id
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Completion {
            id: row.get(0)?,
            person_id: row.get(1)?,
            course_id: row.get(2)?,
            completed_on: row.get(3)?,
            evidence_id: row.get(4)?,
        })
    }
}

pub fn list_courses(conn: &Connection) -> Result<Vec<Course>> {
    record::list(conn)
}

pub fn list_completions(conn: &Connection) -> Result<Vec<Completion>> {
    record::list(conn)
}

pub fn create_course(vault: &mut Vault, stamp: Stamp, course: Course) -> Result<Course> {
    vault.write(stamp, |tx| insert_course(tx, course, Action::Create))
}

/// [`create_course`] inside a write the caller holds, so an import creates the courses it
/// needs in its own all-or-nothing write.
pub fn create_course_in(tx: &mut WriteTx<'_>, course: Course) -> Result<Course> {
    insert_course(tx, course, Action::Create)
}

pub(crate) fn insert_course(
    tx: &mut WriteTx<'_>,
    course: Course,
    action: Action,
) -> Result<Course> {
    let course = course.validated()?;
    refuse_taken_title(tx.reader(), &course)?;
    record::insert(tx, course, action)
}

pub fn update_course(vault: &mut Vault, stamp: Stamp, course: Course) -> Result<Course> {
    let course = course.validated()?;
    vault.write(stamp, |tx| {
        refuse_taken_title(tx.reader(), &course)?;
        record::replace(tx, course)
    })
}

/// Records that a person completed a course on a day.
pub fn add_completion(
    vault: &mut Vault,
    stamp: Stamp,
    completion: Completion,
) -> Result<Completion> {
    vault.write(stamp, |tx| {
        insert_completion(tx, completion, Action::Create)
    })
}

/// [`add_completion`] inside a write the caller holds, so an import adds many in one.
pub fn add_completion_in(tx: &mut WriteTx<'_>, completion: Completion) -> Result<Completion> {
    insert_completion(tx, completion, Action::Create)
}

pub(crate) fn insert_completion(
    tx: &mut WriteTx<'_>,
    completion: Completion,
    action: Action,
) -> Result<Completion> {
    crate::people::require_person(tx.reader(), "person_id", Some(completion.person_id))?;
    record::get::<Course>(tx.reader(), completion.course_id).map_err(|_| {
        CoreError::validation(vec![FieldError::new("course_id", "Choose a course.")])
    })?;
    let duplicate: Option<i64> = tx
        .reader()
        .query_row(
            "SELECT id FROM completions WHERE person_id = ?1 AND course_id = ?2 AND completed_on = ?3",
            params![completion.person_id, completion.course_id, completion.completed_on],
            |r| r.get(0),
        )
        .optional()?;
    if duplicate.is_some() {
        return Err(CoreError::validation(vec![FieldError::new(
            "completed_on",
            "This completion is already recorded.",
        )]));
    }
    record::insert(tx, completion, action)
}

pub fn delete_completion(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| record::remove::<Completion>(tx, id))
}

fn refuse_taken_title(conn: &Connection, course: &Course) -> Result<()> {
    let taken: Option<i64> = conn
        .query_row(
            "SELECT id FROM courses WHERE title = ?1 AND id <> ?2",
            params![course.title, course.id],
            |r| r.get(0),
        )
        .optional()?;
    match taken {
        Some(_) => Err(CoreError::validation(vec![FieldError::new(
            "title",
            "A course with this title exists already.",
        )])),
        None => Ok(()),
    }
}
