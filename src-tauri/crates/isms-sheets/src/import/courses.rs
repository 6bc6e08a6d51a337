//! The courses a training workbook defines on a sheet of their own, as `export-sheet training`
//! writes them ("Courses": course, kind, validity months), so that an import asked to create
//! missing courses creates them as the workbook defines them (awareness or not, how long a
//! completion counts) rather than bare. The sheet is optional: a completions file without one
//! creates bare courses as before. Reading it checks every row and reports every problem at
//! once, with the cell (`Courses!C4`); nothing is written here, the training import does that.

use std::path::Path;

use isms_core::training::{Course, CourseKind};
use isms_core::vocabulary::normalized;
use isms_core::{CoreError, FieldError, Result, Vocabulary};

use crate::read::cell::{address, trim};
use crate::read::header::{SCAN_ROWS, headers_of};
use crate::read::{self, Format, Limits, Workbook, clean};

/// The sheet's name in a training export.
pub const SHEET: &str = crate::write::training::COURSES;

#[rustfmt::skip]
const TITLE: &[&str] = &["course", "title", "course title", "course name", "training", "kurs", "schulung", "titel", "formation", "cours", "intitulé"];
#[rustfmt::skip]
const KIND: &[&str] = &["kind", "type", "course kind", "course type", "art", "typ", "kursart", "genre"];
#[rustfmt::skip]
const VALIDITY: &[&str] = &["validity months", "validity", "valid for months", "valid months", "renewal months", "renewal", "refresher months", "gültigkeit monate", "gültigkeit", "gültig monate", "validité mois", "validité", "durée de validité"];

/// The courses of the sheet named [`SHEET`] of the workbook at `path`, when it has one and it
/// is not the sheet `book` holds (a CSV has none): empty otherwise.
///
/// Errors: `Validation` naming every bad cell (a kind that is not awareness or other, a
/// validity that is not a whole number of months from 1 to 120, a row without a title, a
/// title twice), and the reader's own errors for the file.
pub fn courses_sheet(path: &Path, book: &Workbook) -> Result<Vec<Course>> {
    let other = book
        .sheets
        .iter()
        .find(|s| read::same_sheet(s, SHEET) && !read::same_sheet(s, &book.sheet));
    match (book.format, other) {
        (Format::Xlsx, Some(name)) => parse(&read::open(path, Some(name), Limits::default())?),
        _ => Ok(Vec::new()),
    }
}

/// The courses of `sheet`: its header row is the first naming a course title.
fn parse(sheet: &Workbook) -> Result<Vec<Course>> {
    let is = |names: &[&str], h: &str| names.iter().any(|n| normalized(n) == normalized(h));
    let found = (0..sheet.rows.len().min(SCAN_ROWS)).find_map(|i| {
        let headers = headers_of(sheet, i);
        let title = headers.iter().position(|h| is(TITLE, h))?;
        let kind = headers.iter().position(|h| is(KIND, h));
        let validity = headers.iter().position(|h| is(VALIDITY, h));
        Some((i, title, kind, validity))
    });
    let Some((header, title, kind, validity)) = found else {
        return Err(CoreError::validation(vec![FieldError::new(
            &sheet.sheet,
            format!(
                "“{}” has no header row naming the course (Course, Kind, Validity months).",
                sheet.sheet
            ),
        )]));
    };
    let mut courses: Vec<Course> = Vec::new();
    let mut errors = Vec::new();
    for i in header + 1..sheet.rows.len() {
        let at = |column: usize| address(&sheet.sheet, i as u32 + 1, column);
        let name = clean::text(sheet.cell(i, title)).unwrap_or_default();
        let said_kind = kind.map(|k| sheet.cell(i, k));
        let said_validity = validity.map(|v| sheet.cell(i, v));
        if name.is_empty() {
            if said_kind.is_some_and(|c| !c.is_empty())
                || said_validity.is_some_and(|c| !c.is_empty())
            {
                errors.push(FieldError::new(&at(title), "A course needs a title."));
            }
            continue;
        }
        let kind = match said_kind.map(|c| trim(&c.display()).to_owned()) {
            Some(word) if !word.is_empty() => match CourseKind::from_word(&word) {
                Some(k) => k,
                None => {
                    errors.push(FieldError::new(
                        &at(kind.unwrap_or(title)),
                        format!(
                            "“{word}” is not a kind of course: {}.",
                            CourseKind::labels().join(" or ")
                        ),
                    ));
                    continue;
                }
            },
            _ => guessed_kind(&name),
        };
        let validity_months = match said_validity.map(|c| clean::whole(c, "a number of months")) {
            None | Some(Ok(None)) => None,
            Some(Ok(Some(n))) => Some(n),
            Some(Err(message)) => {
                errors.push(FieldError::new(&at(validity.unwrap_or(title)), message));
                continue;
            }
        };
        if courses.iter().any(|c| c.title.eq_ignore_ascii_case(&name)) {
            errors.push(FieldError::new(
                &at(title),
                format!("“{name}” is listed twice; a course title is unique."),
            ));
            continue;
        }
        let course = Course {
            id: 0,
            title: name,
            kind,
            validity_months,
        };
        match course.validated() {
            Ok(c) => courses.push(c),
            Err(e) => errors.extend(e.fields.into_iter().map(|f| {
                let column = match f.field.as_str() {
                    "validity_months" => validity.unwrap_or(title),
                    _ => title,
                };
                FieldError::new(&at(column), f.message)
            })),
        }
    }
    if errors.is_empty() {
        Ok(courses)
    } else {
        Err(CoreError::validation(errors))
    }
}

/// A course no sheet describes: an awareness course when its title says "awareness".
pub(crate) fn guessed_kind(title: &str) -> CourseKind {
    if title.to_lowercase().contains("awareness") {
        CourseKind::Awareness
    } else {
        CourseKind::Other
    }
}
