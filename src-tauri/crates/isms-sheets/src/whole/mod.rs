//! The whole vault as one workbook, and back. [`export`] writes every register of the vault's
//! snapshot as a sheet (organisation, risk method, people, roles and who holds them, context,
//! assets, documents, clauses, risks, the SoA and its approved versions, objectives, tracker,
//! audits, training, acknowledgements, changes, reviews, measures, suppliers, incidents,
//! requirements, evidence), sub-records on their own sheets keyed by their parent's reference
//! (risk actions and approvals, document versions, tracker notes, review inputs…), and each
//! evidence file into a folder beside it, named by its SHA-256. The sheets follow the
//! snapshot's schema ([`shape`]), so nothing the vault holds is left out, and the workbook read
//! back ([`read`]) is the same snapshot.
//!
//! [`import`] rebuilds a vault from such a workbook, all or nothing: every sheet and every
//! evidence file is checked first (every problem listed, nothing written); then, into a vault
//! fresh from `isms new`, one verified backup and one write transaction (the core's snapshot
//! import, which keeps references and trusts nothing about the files). A vault that already
//! holds exactly the workbook's content is left unchanged (importing twice changes nothing); a
//! vault holding other records is refused, naming the registers that differ: one register at
//! a time goes through [`crate::import`], which merges.

mod files;
mod read;
mod refs;
mod shape;
mod write;

use std::path::Path;

use chrono::NaiveDate;
use isms_core::db::auto_backup;
use isms_core::snapshot::{self, Snapshot};
use isms_core::{CoreError, ErrorCode, FieldError, Result, Stamp, Vault};
use serde::Serialize;

use crate::import::Mode;
use crate::read::Limits;

/// What the CLI and the app call this export.
pub const KIND: &str = "all";

/// What an export of the whole vault wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exported {
    pub sheets: usize,
    /// Evidence records listed in the workbook.
    pub evidence: usize,
    /// Evidence files newly written to the evidence folder (0 without one).
    pub files_written: usize,
}

/// The workbook of the whole vault as of `as_of` (the day only dates the file).
pub fn workbook(vault: &Vault, as_of: NaiveDate) -> Result<Vec<u8>> {
    let snapshot = snapshot::export(vault)?;
    let json = serde_json::to_value(&snapshot)?;
    let sheets = write::sheets(&shape::tables(), &json);
    crate::write::book(
        &snapshot.organisation.name,
        "ISMS Desk vault",
        as_of,
        &sheets,
    )
}

/// Writes the whole vault to `out` (.xlsx, never replacing a file) and, with `evidence_dir`,
/// each evidence file into that folder named by its SHA-256.
pub fn export(
    vault: &Vault,
    as_of: NaiveDate,
    out: &Path,
    evidence_dir: Option<&Path>,
) -> Result<Exported> {
    crate::write::check_target(out)?;
    let records = isms_core::evidence::list(vault.reader())?;
    let files_written = match evidence_dir {
        Some(dir) => files::write(vault, &records, dir)?,
        None => 0,
    };
    let bytes = workbook(vault, as_of)?;
    crate::write::write_new(out, &bytes)?;
    Ok(Exported {
        sheets: shape::tables().iter().map(|t| 1 + t.children.len()).sum(),
        evidence: records.len(),
        files_written,
    })
}

/// Reads a whole-vault workbook and its evidence files into a snapshot, or fails with every
/// problem (`Validation`, each naming its cell, row or file).
pub fn read(path: &Path, evidence_dir: Option<&Path>) -> Result<Snapshot> {
    let mut snap = read::read(path, &shape::tables(), Limits::default())?;
    let mut errors = Vec::new();
    snap.evidence_files = files::read(&snap.evidence, evidence_dir, &mut errors);
    if errors.is_empty() {
        Ok(snap)
    } else {
        let n = errors.len();
        let mut err = CoreError::validation(errors);
        err.message = format!(
            "{n} evidence file{} missing or wrong; nothing was imported.",
            if n == 1 { " is" } else { "s are" }
        );
        Err(err)
    }
}

/// What an import of the whole vault did, or would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Imported {
    /// Each register's sheet and how many records it holds.
    pub registers: Vec<(String, usize)>,
    /// The vault already held exactly this: nothing was written.
    pub unchanged: bool,
    pub dry_run: bool,
    pub backup: Option<String>,
}

/// Rebuilds `vault` from the workbook at `path` (see the module's note), all or nothing.
///
/// Errors: `Validation` listing every problem of the workbook and its files; `NotFresh` when the
/// vault holds other records (naming the registers that differ); backup and core errors.
pub fn import(
    vault: &mut Vault,
    stamp: Stamp,
    path: &Path,
    evidence_dir: Option<&Path>,
    mode: Mode<'_>,
) -> Result<Imported> {
    let snap = read(path, evidence_dir)?;
    import_snapshot(vault, stamp, snap, mode)
}

/// [`import`] of a workbook already [`read`] (so a caller that checked the file before asking
/// for the passphrase does not read it twice).
pub fn import_snapshot(
    vault: &mut Vault,
    stamp: Stamp,
    snap: Snapshot,
    mode: Mode<'_>,
) -> Result<Imported> {
    let json = serde_json::to_value(&snap)?;
    let tables = shape::tables();
    let registers = tables
        .iter()
        .map(|t| {
            let n = match json.get(&t.key) {
                Some(serde_json::Value::Array(items)) => items.len(),
                Some(serde_json::Value::Null) | None => 0,
                Some(_) => 1,
            };
            (t.sheet.clone(), n)
        })
        .collect();
    let mut report = Imported {
        registers,
        unchanged: false,
        dry_run: matches!(mode, Mode::DryRun),
        backup: None,
    };
    if !isms_core::history::is_fresh(vault.reader())? {
        let differ = differing(&tables, &snapshot::export(vault)?, &snap)?;
        if differ.is_empty() {
            report.unchanged = true;
            return Ok(report);
        }
        let mut err = CoreError::new(
            ErrorCode::NotFresh,
            format!(
                "The vault already holds records, and the workbook differs from them in: {}. \
                 A whole workbook rebuilds a vault: import it into a new vault (`isms new`), \
                 or import one register at a time. Nothing was changed.",
                differ.join(", ")
            ),
        );
        err.fields = differ
            .iter()
            .map(|s| FieldError::new(s, "differs from the vault"))
            .collect();
        return Err(err);
    }
    let Mode::Write { backups } = mode else {
        return Ok(report);
    };
    report.backup = Some(auto_backup(vault, backups, stamp.at, "before-import-all")?.path);
    snapshot::import(vault, stamp, snap)?;
    Ok(report)
}

/// The sheets whose registers differ between the vault's snapshot and the workbook's (files
/// compared by their hashes, which the records hold).
fn differing(tables: &[shape::Table], vault: &Snapshot, book: &Snapshot) -> Result<Vec<String>> {
    let strip = |s: &Snapshot| -> Result<serde_json::Value> {
        let mut s = s.clone();
        s.evidence_files.clear();
        Ok(serde_json::to_value(s)?)
    };
    let (a, b) = (strip(vault)?, strip(book)?);
    Ok(tables
        .iter()
        .filter(|t| a.get(&t.key) != b.get(&t.key))
        .map(|t| t.sheet.clone())
        .collect())
}

/// A report as lines for the terminal.
pub fn describe(report: &Imported) -> String {
    let mut out: String = report
        .registers
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(sheet, n)| format!("{sheet}: {n}\n"))
        .collect();
    out.push_str(if report.unchanged {
        "The vault already holds exactly this workbook: nothing changed.\n"
    } else if report.dry_run {
        "Dry run: the workbook is complete and would rebuild this vault; nothing written.\n"
    } else {
        "Imported the whole workbook.\n"
    });
    if let Some(path) = &report.backup {
        out.push_str(&format!("Backup written first: {path}\n"));
    }
    out
}
