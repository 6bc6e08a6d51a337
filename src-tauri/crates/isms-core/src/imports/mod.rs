//! Bulk imports from the CSV a form tool exports: training completions (e-mail, course, date)
//! and acknowledgements (e-mail, document, version, date, method). An import is all or
//! nothing: every row is read and checked first, and any bad row stops it with errors that
//! name the row (as a spreadsheet numbers it, the header being row 1) and the column. A row
//! already recorded is skipped, so importing the same file twice changes nothing. The caller
//! watches progress row by row (checking, then writing) and may cancel at any row; a cancelled
//! import writes nothing. The rows come as a [`Table`]: read from a file by the spreadsheet
//! reader (the app and the CLI), or parsed from CSV text, both within the same [`table`]
//! limits as the register importer.

pub mod table;

pub use table::Table;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::acknowledgements::{self, AckMethod, Acknowledgement};
use crate::db::{Action, Stamp, Vault};
use crate::error::{CoreError, ErrorCode, FieldError, Result};
use crate::training::{self, Completion};
use crate::{documents, people};

/// What an import did, or would do in a dry run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportReport {
    pub rows: u32,
    pub created: u32,
    pub skipped: u32,
    pub dry_run: bool,
    /// One line per row, in plain words.
    pub lines: Vec<String>,
}

/// Which pass of an import a progress report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportPhase {
    Checking,
    Writing,
}

/// How far an import has got: `done` of `total` rows in `phase`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    pub phase: ImportPhase,
    pub done: u32,
    pub total: u32,
}

/// Told of each row's progress; returns `false` to cancel the import.
pub type Watch<'a> = &'a mut dyn FnMut(ImportProgress) -> bool;

/// A watch that never cancels, for callers with nobody to show progress to.
pub fn unwatched(_: ImportProgress) -> bool {
    true
}

fn cancelled() -> CoreError {
    CoreError::new(
        ErrorCode::Cancelled,
        "The import was cancelled; nothing was written.",
    )
}

/// Reports `done` of `total` in `phase`; `Cancelled` when the watcher says stop.
fn step(watch: &mut Watch<'_>, phase: ImportPhase, done: usize, total: usize) -> Result<()> {
    let progress = ImportProgress {
        phase,
        done: done as u32,
        total: total as u32,
    };
    if watch(progress) {
        Ok(())
    } else {
        Err(cancelled())
    }
}

/// Writes the planned records in one transaction, reporting each; a cancel rolls all back.
fn write_all<T>(
    vault: &mut Vault,
    stamp: Stamp,
    planned: Vec<T>,
    watch: &mut Watch<'_>,
    mut insert: impl FnMut(&mut crate::db::WriteTx<'_>, T) -> Result<()>,
) -> Result<()> {
    let total = planned.len();
    vault.write(stamp, |tx| {
        for (i, record) in planned.into_iter().enumerate() {
            insert(tx, record)?;
            step(watch, ImportPhase::Writing, i + 1, total)?;
        }
        Ok(())
    })
}

/// Most row errors reported at once.
const MAX_ERRORS: usize = 50;

/// The positions of the `wanted` columns (a name and its synonyms) in the table's header.
fn columns(table: &Table, wanted: &[(&str, &[&str])]) -> Result<Vec<usize>> {
    let mut positions = Vec::new();
    for (name, synonyms) in wanted {
        let found = table
            .columns
            .iter()
            .position(|h| h == name || synonyms.contains(&h.as_str()));
        positions.push(found.ok_or_else(|| {
            CoreError::validation(vec![FieldError::new(
                "row 1",
                format!("The header row has no “{name}” column."),
            )])
        })?);
    }
    Ok(positions)
}

fn cell(cells: &[String], at: usize) -> &str {
    cells.get(at).map(String::as_str).unwrap_or("")
}

fn row_error(row: u32, column: &str, message: String) -> FieldError {
    FieldError::new(&format!("row {row}.{column}"), message)
}

fn date(value: &str) -> std::result::Result<NaiveDate, String> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| format!("“{value}” is not a date like 2026-03-31."))
}

fn fail(errors: Vec<FieldError>) -> CoreError {
    let n = errors.len();
    let mut err = CoreError::validation(errors.into_iter().take(MAX_ERRORS).collect());
    err.message = format!(
        "{n} row{} cannot be imported; nothing was written.",
        if n == 1 { "" } else { "s" }
    );
    err
}

/// Imports training completions from CSV text: see [`training_table`].
pub fn training(
    vault: &mut Vault,
    stamp: Stamp,
    text: &str,
    dry_run: bool,
    watch: Watch<'_>,
) -> Result<ImportReport> {
    training_table(vault, stamp, Table::parse(text)?, dry_run, watch)
}

/// Imports training completions: columns e-mail, course, date.
pub fn training_table(
    vault: &mut Vault,
    stamp: Stamp,
    table: Table,
    dry_run: bool,
    mut watch: Watch<'_>,
) -> Result<ImportReport> {
    let at = columns(
        &table,
        &[
            ("email", &["e-mail", "mail"]),
            ("course", &["training"]),
            ("date", &["completed", "completed on"]),
        ],
    )?;
    let conn = vault.reader();
    let everyone = people::list(conn)?;
    let courses = training::list_courses(conn)?;
    let existing = training::list_completions(conn)?;
    let (mut planned, mut errors, mut lines, mut skipped) = (Vec::new(), Vec::new(), Vec::new(), 0);
    let total = table.rows.len();
    for (done, (row, cells)) in table.rows.iter().enumerate() {
        step(&mut watch, ImportPhase::Checking, done, total)?;
        let email = cell(cells, at[0]);
        let person = everyone
            .iter()
            .find(|p| p.email.eq_ignore_ascii_case(email));
        let course = courses
            .iter()
            .find(|c| c.title.eq_ignore_ascii_case(cell(cells, at[1])));
        let day = date(cell(cells, at[2]));
        if person.is_none() {
            errors.push(row_error(
                *row,
                &table.columns[at[0]],
                format!("No person with the e-mail “{email}”."),
            ));
        }
        if course.is_none() {
            errors.push(row_error(
                *row,
                &table.columns[at[1]],
                format!("No course called “{}”.", cell(cells, at[1])),
            ));
        }
        if let Err(message) = &day {
            errors.push(row_error(*row, &table.columns[at[2]], message.clone()));
        }
        let (Some(person), Some(course), Ok(day)) = (person, course, day) else {
            continue;
        };
        let completion = Completion {
            id: 0,
            person_id: person.id,
            course_id: course.id,
            completed_on: day,
            evidence_id: None,
        };
        let known = existing.iter().chain(planned.iter()).any(|c: &Completion| {
            c.person_id == completion.person_id
                && c.course_id == completion.course_id
                && c.completed_on == day
        });
        if known {
            skipped += 1;
            lines.push(format!(
                "row {row}: {} — {} on {day} is already recorded",
                person.name, course.title
            ));
        } else {
            lines.push(format!(
                "row {row}: {} completed {} on {day}",
                person.name, course.title
            ));
            planned.push(completion);
        }
    }
    step(&mut watch, ImportPhase::Checking, total, total)?;
    if !errors.is_empty() {
        return Err(fail(errors));
    }
    let report = ImportReport {
        rows: table.rows.len() as u32,
        created: planned.len() as u32,
        skipped,
        dry_run,
        lines,
    };
    if !dry_run {
        write_all(vault, stamp, planned, &mut watch, |tx, c| {
            training::insert_completion(tx, c, Action::Create).map(|_| ())
        })?;
    }
    Ok(report)
}

/// Imports acknowledgements from CSV text: see [`acknowledgements_table`].
pub fn acknowledgements(
    vault: &mut Vault,
    stamp: Stamp,
    text: &str,
    dry_run: bool,
    watch: Watch<'_>,
) -> Result<ImportReport> {
    acknowledgements_table(vault, stamp, Table::parse(text)?, dry_run, watch)
}

/// Imports acknowledgements: columns e-mail, document (its reference), version, date, method.
pub fn acknowledgements_table(
    vault: &mut Vault,
    stamp: Stamp,
    table: Table,
    dry_run: bool,
    mut watch: Watch<'_>,
) -> Result<ImportReport> {
    let at = columns(
        &table,
        &[
            ("email", &["e-mail", "mail"]),
            ("document", &["document reference", "reference"]),
            ("version", &["document version"]),
            ("date", &["acknowledged", "acknowledged on"]),
            ("method", &[]),
        ],
    )?;
    let conn = vault.reader();
    let everyone = people::list(conn)?;
    let docs = documents::list(conn)?;
    let existing = acknowledgements::list(conn)?;
    let (mut planned, mut errors, mut lines, mut skipped) = (Vec::new(), Vec::new(), Vec::new(), 0);
    let total = table.rows.len();
    for (done, (row, cells)) in table.rows.iter().enumerate() {
        step(&mut watch, ImportPhase::Checking, done, total)?;
        let col = |i: usize| table.columns[at[i]].as_str();
        let email = cell(cells, at[0]);
        let person = everyone
            .iter()
            .find(|p| p.email.eq_ignore_ascii_case(email));
        if person.is_none() {
            errors.push(row_error(
                *row,
                col(0),
                format!("No person with the e-mail “{email}”."),
            ));
        }
        let reference = cell(cells, at[1]);
        let doc = docs
            .iter()
            .find(|d| d.reference.eq_ignore_ascii_case(reference));
        let version = match doc {
            None => {
                errors.push(row_error(
                    *row,
                    col(1),
                    format!("No document with the reference “{reference}”."),
                ));
                None
            }
            Some(d) => {
                let number = cell(cells, at[2]);
                match d.versions.iter().find(|v| v.number == number) {
                    Some(v) if v.approved_on.is_some() => Some(v),
                    Some(_) => {
                        errors.push(row_error(
                            *row,
                            col(2),
                            format!(
                                "Version {number} of {} is a draft, not approved.",
                                d.reference
                            ),
                        ));
                        None
                    }
                    None => {
                        errors.push(row_error(
                            *row,
                            col(2),
                            format!("{} has no version “{number}”.", d.reference),
                        ));
                        None
                    }
                }
            }
        };
        let day = date(cell(cells, at[3]));
        if let Err(message) = &day {
            errors.push(row_error(*row, col(3), message.clone()));
        }
        let method = match cell(cells, at[4])
            .to_lowercase()
            .replace(['-', ' '], "")
            .as_str()
        {
            "signature" | "signed" => Some(AckMethod::Signature),
            "form" | "onlineform" => Some(AckMethod::Form),
            "email" | "mail" => Some(AckMethod::Email),
            other => {
                errors.push(row_error(
                    *row,
                    col(4),
                    format!("“{other}” is not a method: signature, form or e-mail."),
                ));
                None
            }
        };
        let (Some(person), Some(version), Ok(day), Some(method)) = (person, version, day, method)
        else {
            continue;
        };
        let ack = Acknowledgement {
            id: 0,
            person_id: person.id,
            version_id: version.id,
            acknowledged_on: day,
            method,
            evidence_id: None,
        };
        let known = existing
            .iter()
            .chain(planned.iter())
            .any(|a: &Acknowledgement| {
                a.person_id == ack.person_id && a.version_id == ack.version_id
            });
        let doc_ref = doc.map(|d| d.reference.as_str()).unwrap_or_default();
        if known {
            skipped += 1;
            lines.push(format!(
                "row {row}: {} — {doc_ref} {} is already acknowledged",
                person.name, version.number
            ));
        } else {
            lines.push(format!(
                "row {row}: {} acknowledged {doc_ref} {} on {day} ({})",
                person.name,
                version.number,
                method.as_str()
            ));
            planned.push(ack);
        }
    }
    step(&mut watch, ImportPhase::Checking, total, total)?;
    if !errors.is_empty() {
        return Err(fail(errors));
    }
    let report = ImportReport {
        rows: table.rows.len() as u32,
        created: planned.len() as u32,
        skipped,
        dry_run,
        lines,
    };
    if !dry_run {
        write_all(vault, stamp, planned, &mut watch, |tx, a| {
            acknowledgements::insert(tx, a, Action::Create).map(|_| ())
        })?;
    }
    Ok(report)
}

/// A report as lines for the terminal.
pub fn describe(report: &ImportReport) -> String {
    let mut out = report.lines.join("\n");
    let verb = if report.dry_run {
        "would import"
    } else {
        "imported"
    };
    out.push_str(&format!(
        "\n{} rows: {verb} {}, {} already recorded{}\n",
        report.rows,
        report.created,
        report.skipped,
        if report.dry_run {
            " (dry run: nothing written)"
        } else {
            ""
        }
    ));
    out
}

/// Refuses an unknown import kind (for the CLI's argument).
pub fn unknown_kind(kind: &str) -> CoreError {
    CoreError::new(
        ErrorCode::Validation,
        format!(
            "Unknown import “{kind}”: use risks, soa, people, assets, training or acknowledgements."
        ),
    )
}
