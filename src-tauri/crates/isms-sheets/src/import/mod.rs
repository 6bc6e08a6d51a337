//! Importing a register read from a spreadsheet into the vault. [`import`] checks every data
//! row first (cleaning each cell, resolving owners and assets among the vault's records, and
//! checking the record with the core's own rules), collecting every problem with its sheet,
//! row, column and what was expected; any problem aborts the import and nothing is written.
//! Otherwise a dry run reports what would be created and updated, and a real import writes a
//! verified backup and then every change in one write transaction through the core's
//! `create_in` / `update_in`, so history records each one and a cancel rolls all back.
//!
//! A record already in the vault is updated, never duplicated: risks, tracker items and
//! documents (the register entry, not its versions) are matched by reference (or, without one, by a title only one of them has), SoA entries by
//! control id, people by e-mail, assets by name, competence evidence by person, title and day
//! obtained, measures by reference (their results only appended), suppliers by name (a row's
//! review and certificates only added), incidents, requirements and audits by reference;
//! tracker progress notes are only added. Only mapped columns change a
//! record; a mapped column left blank
//! clears its field. Training completions and acknowledgements, the rows a form tool exports,
//! are only ever added: a row already recorded is skipped, and problems name the row and the
//! column's header (`row 3.email`), as their CSV import always did. A risk register's
//! workbook brings its treatment actions and owners' approvals on sheets beside it
//! ([`crate::read::parts`]): their rows are checked and written with the register's, in the
//! same all-or-nothing write (see `risks`). Kinds live in their own files; [`check`] holds
//! what they share, [`progress`] what a watcher of the import is told, [`report`] what the
//! user is told, [`side`] the other sheets read beside the data sheet ([`Options::sheets`]:
//! versions, results, supplier reviews and certificates, role holders).

mod acknowledgements;
mod apply;
mod assets;
mod audits;
mod beside;
mod check;
mod competence;
mod courses;
mod documents;
mod holders;
mod measures;
mod owners;
mod people;
mod plan;
mod progress;
mod registers;
mod report;
mod results;
mod risks;
mod side;
mod soa;
mod tracker;
mod training;
mod versions;

use std::path::Path;

use isms_core::db::auto_backup;
use isms_core::training::Course;
use isms_core::{FieldError, Result, Stamp, Vault};
use serde::Serialize;

use crate::read::{Kind, Mapping, Parts, RowRecord, Workbook, overflow, rows};
use apply::{Created, apply};
pub use beside::{Beside, beside};
use check::Check;
pub use check::UnresolvedValue;
pub use courses::courses_sheet;
pub(crate) use plan::{Op, Outcome, PartSheets, Planned, Planner};
use progress::step;
pub use progress::{ImportPhase, ImportProgress, Watch, unwatched};
pub use report::describe;
use report::{check_mapping, fail};
pub use side::{sheets_beside, sides_of};

/// Whether an import writes, and where its backup goes when it does.
#[derive(Debug, Clone, Copy)]
pub enum Mode<'a> {
    /// Check and report; write nothing, not even a backup.
    DryRun,
    /// Write, after a verified backup into this folder (the app's automatic backups).
    Write { backups: &'a Path },
}

/// What an import did, or would do in a dry run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export, rename = "SheetImportReport")]
pub struct ImportReport {
    pub kind: Kind,
    /// Data rows read (blank and note rows skipped).
    pub rows: u32,
    pub created: u32,
    pub updated: u32,
    /// Rows that match a record exactly.
    pub unchanged: u32,
    pub dry_run: bool,
    /// The verified backup written before the first change, if anything changed.
    pub backup: Option<String>,
    /// One line per row: `Risks!5: create R-004 “Ransomware”`.
    pub lines: Vec<String>,
}

/// What an import may do beyond the rows' own records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// Training completions and acknowledgements: create the courses, and the approved
    /// versions of documents, that rows name and the vault lacks (in the same write, listed
    /// first in the report), instead of refusing those rows.
    pub create_missing: bool,
    /// Training, with `create_missing`: the courses the workbook defines on a sheet of their
    /// own ([`courses_sheet`]). Each the vault lacks is created as defined here (kind,
    /// validity), whether or not a row names it; a course rows name that is not listed here
    /// is created bare, as without a list.
    pub courses: Vec<Course>,
    /// The sheets of the workbook beside the data sheet that the import reads too
    /// ([`sheets_beside`]): a document register's Versions, a supplier register's reviews and
    /// certificates, the measures' Results, the Role holders. Empty: the data sheet alone.
    pub sheets: Vec<Workbook>,
}

/// Imports the rows of `workbook` under `mapping` as records of `kind`, all or nothing.
///
/// Errors: `Validation` listing every bad row (field = cell address, message naming it and
/// saying what was expected), or a mapping that lacks a required field or is of another kind;
/// `Cancelled` when `watch` says stop
/// (nothing written); backup and database errors as the core gives them.
pub fn import(
    vault: &mut Vault,
    stamp: Stamp,
    kind: Kind,
    workbook: &Workbook,
    mapping: &Mapping,
    mode: Mode<'_>,
    watch: Watch<'_>,
) -> Result<ImportReport> {
    let job = Job {
        kind,
        workbook,
        mapping,
        options: Options::default(),
        parts: None,
    };
    import_with(vault, stamp, job, mode, watch)
}

/// What to import: the rows of `workbook` under `mapping` as records of `kind`.
#[derive(Clone)]
pub struct Job<'a> {
    pub kind: Kind,
    pub workbook: &'a Workbook,
    pub mapping: &'a Mapping,
    pub options: Options,
    /// The sheets read with `workbook` ([`crate::read::parts`]); `None` reads it alone.
    pub parts: Option<&'a Parts>,
}

/// [`import`] with [`Options`].
pub fn import_with(
    vault: &mut Vault,
    stamp: Stamp,
    job: Job<'_>,
    mode: Mode<'_>,
    mut watch: Watch<'_>,
) -> Result<ImportReport> {
    let kind = job.kind;
    let checked = check_rows(vault, &job, &mut watch)?;
    if !checked.errors.is_empty() || !checked.unresolved.is_empty() {
        return Err(fail(
            kind,
            checked.errors,
            checked.unresolved.into_values().collect(),
        ));
    }
    let planned = checked.planned;
    let count = |o: Outcome| planned.iter().filter(|p| p.outcome == o).count() as u32;
    let mut lines: Vec<String> = checked.first.iter().map(|p| p.what.clone()).collect();
    lines.extend(checked.lines);
    let mut report = ImportReport {
        kind,
        rows: checked.total as u32,
        created: count(Outcome::Create),
        updated: count(Outcome::Update),
        unchanged: count(Outcome::Unchanged),
        dry_run: matches!(mode, Mode::DryRun),
        backup: None,
        lines,
    };
    let Mode::Write { backups } = mode else {
        return Ok(report);
    };
    let changes: Vec<Op> = checked
        .first
        .into_iter()
        .chain(planned)
        .filter(|p| !matches!(p.outcome, Outcome::Unchanged | Outcome::Skipped))
        .map(|p| p.op)
        .chain(checked.after)
        .collect();
    if changes.is_empty() {
        return Ok(report);
    }
    let reason = format!("before-import-{}", kind.as_str());
    report.backup = Some(auto_backup(vault, backups, stamp.at, &reason)?.path);
    let total = changes.len();
    vault.write(stamp, |tx| {
        // Records created by this import, by the stand-in id rows refer to them by.
        let mut created = Created::default();
        for (i, op) in changes.into_iter().enumerate() {
            apply(tx, op, &mut created)?;
            step(&mut watch, ImportPhase::Writing, i + 1, total)?;
        }
        Ok(())
    })?;
    Ok(report)
}

/// Every row checked: the plans of the good ones, every problem of the others.
struct Checked {
    /// One per good row.
    planned: Vec<Planned>,
    lines: Vec<String>,
    /// Records the rows need that the import creates first (`Options::create_missing`).
    first: Vec<Planned>,
    /// Written after the rows' own: what the sheets read with the register change.
    after: Vec<Op>,
    errors: Vec<FieldError>,
    unresolved: check::Unresolved,
    total: usize,
}

fn check_rows(vault: &Vault, job: &Job<'_>, watch: &mut Watch<'_>) -> Result<Checked> {
    let Job {
        kind,
        workbook,
        mapping,
        ref options,
        parts,
    } = *job;
    check_mapping(kind, mapping)?;
    let records = rows(workbook, mapping);
    let create = options.create_missing;
    let mut planner: Box<dyn Planner> = match kind {
        Kind::Risks => Box::new(risks::Risks::new(vault)?),
        Kind::Soa => Box::new(soa::Soa::new(vault)?),
        Kind::People => Box::new(people::People::new(vault)?),
        Kind::Assets => Box::new(assets::Assets::new(vault)?),
        Kind::Tracker => Box::new(tracker::Tracker::new(vault)?),
        Kind::Documents => Box::new(documents::Documents::new(vault, &options.sheets)?),
        Kind::Competence => Box::new(competence::Competence::new(vault, &options.sheets)?),
        Kind::Measures => Box::new(measures::Measures::new(vault, &options.sheets)?),
        Kind::Training => Box::new(training::Training::new(vault, create, &options.courses)?),
        Kind::Acknowledgements => Box::new(acknowledgements::Acknowledgements::new(vault, create)?),
        Kind::Suppliers => Box::new(registers::Suppliers::new(vault, &options.sheets)?),
        Kind::Incidents => Box::new(registers::Incidents::new(vault)?),
        Kind::Requirements => Box::new(registers::Requirements::new(vault)?),
        Kind::RiskActions | Kind::RiskApprovals => {
            return Err(isms_core::CoreError::new(
                isms_core::ErrorCode::Validation,
                "A risk's actions and approvals are read with the risk register: import the \
                 workbook as risks.",
            ));
        }
        Kind::Audits => Box::new(audits::Audits::new(vault)?),
    };
    let total = records.len();
    let (mut planned, mut errors, mut lines) = (Vec::new(), Vec::new(), Vec::new());
    let mut unresolved = check::Unresolved::new();
    for (done, row) in records.iter().enumerate() {
        step(watch, ImportPhase::Checking, done, total)?;
        let mut check = Check::new(row, mapping, &mut errors, &mut unresolved);
        if let Some(plan) = planner.row(&mut check) {
            lines.push(line(kind, row, &plan));
            planned.push(plan);
        }
    }
    step(watch, ImportPhase::Checking, total, total)?;
    errors.extend(planner.finish());
    errors.extend(overflow(workbook, mapping));
    let mut after = Vec::new();
    let mut total = total;
    if let Some(parts) = parts.filter(|p| !p.sheets.is_empty() || !p.skipped.is_empty()) {
        let mut sheets = PartSheets {
            parts,
            errors: &mut errors,
            unresolved: &mut unresolved,
            planned: Vec::new(),
            lines: Vec::new(),
            writes: Vec::new(),
            total: 0,
        };
        planner.parts(&mut planned, &mut sheets)?;
        let PartSheets {
            planned: more,
            lines: more_lines,
            writes,
            total: more_rows,
            ..
        } = sheets;
        for part in &parts.sheets {
            errors.extend(overflow(&part.workbook, &part.mapping));
        }
        planned.extend(more);
        lines.extend(more_lines);
        after = writes;
        total += more_rows;
    }
    Ok(Checked {
        planned,
        lines,
        first: planner.created(),
        after,
        errors,
        unresolved,
        total,
    })
}

/// The values of `workbook`'s rows that name no record of the vault (owners nobody is
/// called), each once with the cells that hold it, for the user to map to a record through
/// the mapping's values. Other problems of the rows are not reported here.
///
/// Errors: `Validation` for a mapping of another kind or without a required field.
pub fn unresolved(
    vault: &Vault,
    kind: Kind,
    workbook: &Workbook,
    mapping: &Mapping,
) -> Result<Vec<UnresolvedValue>> {
    let mut watch: Watch<'_> = &mut unwatched;
    let job = Job {
        kind,
        workbook,
        mapping,
        options: Options::default(),
        parts: None,
    };
    let checked = check_rows(vault, &job, &mut watch)?;
    Ok(checked.unresolved.into_values().collect())
}

pub(crate) fn line(kind: Kind, row: &RowRecord, plan: &Planned) -> String {
    if kind.by_row() {
        // "row 2: Anna completed Awareness on 2026-03-02": the plan says what happens.
        return format!("row {}: {}", row.row, plan.what);
    }
    let verb = match plan.outcome {
        Outcome::Create => "create",
        Outcome::Update => "update",
        Outcome::Unchanged => "unchanged",
        Outcome::Skipped => "skip",
    };
    format!("{}!{}: {verb} {}", row.sheet, row.row, plan.what)
}
