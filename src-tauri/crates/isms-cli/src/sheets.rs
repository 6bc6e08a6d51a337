//! `isms import` for every register kept in a spreadsheet or exported by a form tool (risks,
//! SoA, people, assets, tracker, the document register, training completions,
//! acknowledgements, competence evidence, measures): read the sheet (XLSX or CSV), map its
//! columns (proposed from the headers, or from a mapping file), print the mapping, then
//! import through isms-sheets, all or nothing. A risk register's workbook brings the sheets
//! beside it (treatment actions, owners' approvals), each with its proposed mapping printed.

use std::path::{Path, PathBuf};

use isms_core::{CoreError, ErrorCode, Result, Stamp, Vault};
use isms_sheets::import::{self, Mode, unwatched};
use isms_sheets::read::{self, Kind, Limits, Mapping, MappingFile};

/// What the command line asked for.
pub struct Job<'a> {
    pub kind: &'a str,
    pub file: &'a Path,
    pub sheet: Option<String>,
    pub mapping: Option<PathBuf>,
    pub dry_run: bool,
    /// Training and acknowledgements: create missing courses and document versions.
    pub create_missing: bool,
    pub backups: &'a Path,
}

/// Reads and maps the file first (no vault needed for a bad file or mapping), then opens the
/// vault with `open` and imports.
pub fn import(job: Job<'_>, open: impl FnOnce() -> Result<Vault>, stamp: Stamp) -> Result<()> {
    let kind = Kind::parse(job.kind).ok_or_else(|| Kind::unknown(job.kind))?;
    let file_mapping = match &job.mapping {
        Some(path) => Some(MappingFile::parse(
            &std::fs::read_to_string(path).map_err(|e| {
                let code = if e.kind() == std::io::ErrorKind::NotFound {
                    ErrorCode::NotFound
                } else {
                    ErrorCode::Io
                };
                CoreError::new(code, format!("Cannot read {}: {e}", path.display()))
            })?,
        )?),
        None => None,
    };
    let sheet = job
        .sheet
        .or_else(|| file_mapping.as_ref().and_then(|m| m.sheet.clone()));
    // A workbook's data sheet is found when none is named: a training export's completions
    // sit behind its matrix.
    let book = read::open_for(job.file, sheet.as_deref(), kind, Limits::default())
        .map_err(suggest_sheet)?;
    let mapping = match &file_mapping {
        Some(m) => m.apply(&book, kind),
        None => read::detect(&book, kind),
    }
    .map_err(suggest_sheet)?;
    if job.create_missing && !matches!(kind, Kind::Training | Kind::Acknowledgements) {
        return Err(CoreError::validation(vec![isms_core::FieldError::new(
            "create_missing",
            "--create-missing creates courses (training) and document versions \
             (acknowledgements); other imports create their own records without it.",
        )]));
    }
    // The sheets beside the data sheet: a risk register's Actions and Approvals, a document
    // register's Versions, the measures' Results …, and a training workbook's own Courses,
    // which --create-missing creates as defined there.
    let import::Beside { parts, options } =
        import::beside(job.file, &book, kind, job.create_missing)?;
    let mut said = describe_mapping(&book.sheet, &mapping);
    for part in &parts.sheets {
        said.push_str(&describe_mapping(&part.workbook.sheet, &part.mapping));
    }
    crate::show::say(&said)?;
    let mut vault = open()?;
    let mode = if job.dry_run {
        Mode::DryRun
    } else {
        Mode::Write {
            backups: job.backups,
        }
    };
    let import_job = import::Job {
        kind,
        workbook: &book,
        mapping: &mapping,
        options,
        parts: Some(&parts),
    };
    let report = import::import_with(&mut vault, stamp, import_job, mode, &mut unwatched)?;
    vault.close()?;
    crate::show::say(&import::describe(&report))?;
    Ok(())
}

/// A problem with the sheet read (not there, or not the data sheet) says how to pick one.
fn suggest_sheet(mut err: CoreError) -> CoreError {
    const HINT: &str = " Choose the data sheet with --sheet NAME.";
    for field in err.fields.iter_mut().filter(|f| f.field == "sheet") {
        if err.message == field.message {
            err.message.push_str(HINT);
        }
        field.message.push_str(HINT);
    }
    err
}

/// "Sheet “SoA”, header row 3: A “Control” → control_id, …; not imported: D “Theme”".
fn describe_mapping(sheet: &str, mapping: &Mapping) -> String {
    let mapped: Vec<String> = mapping
        .columns
        .iter()
        .filter_map(|c| c.field.map(|f| format!("{} → {f}", column(c))))
        .collect();
    let row = if mapping.header_row == 0 {
        "no header row".to_owned()
    } else {
        format!("header row {}", mapping.header_row)
    };
    let mut out = format!("Sheet “{sheet}”, {row}: {}\n", mapped.join(", "));
    let values: Vec<String> = mapping
        .values
        .iter()
        .flat_map(|(field, meanings)| {
            meanings
                .iter()
                .map(move |(value, meaning)| format!("{field} “{value}” → “{meaning}”"))
        })
        .collect();
    if !values.is_empty() {
        out.push_str(&format!("Values read as: {}\n", values.join(", ")));
    }
    let left: Vec<String> = mapping.unmatched().map(column).collect();
    if !left.is_empty() {
        out.push_str(&format!("Not imported: {}\n", left.join(", ")));
    }
    out
}

/// `isms import <vault> all <workbook>`: reads and checks the whole workbook and its evidence
/// files first (no vault needed for a bad file), then rebuilds the vault from it.
pub fn import_all(
    file: &Path,
    evidence_dir: Option<&Path>,
    dry_run: bool,
    backups: &Path,
    open: impl FnOnce() -> Result<Vault>,
    stamp: Stamp,
) -> Result<()> {
    // A workbook that cannot be read fails before the passphrase is asked.
    let snapshot = isms_sheets::whole::read(file, evidence_dir)?;
    let mut vault = open()?;
    let mode = if dry_run {
        Mode::DryRun
    } else {
        Mode::Write { backups }
    };
    let report = isms_sheets::whole::import_snapshot(&mut vault, stamp, snapshot, mode)?;
    vault.close()?;
    crate::show::say(&isms_sheets::whole::describe(&report))
}

/// What `export-sheet all` wrote, and what it did not.
pub fn say_exported(
    out: &Path,
    done: &isms_sheets::whole::Exported,
    evidence_dir: Option<&Path>,
) -> Result<()> {
    let bytes = std::fs::metadata(out).map(|m| m.len()).unwrap_or_default();
    let mut text = format!(
        "Wrote {} ({bytes} bytes): every register, {} sheets\n",
        out.display(),
        done.sheets
    );
    match evidence_dir {
        Some(dir) => text.push_str(&format!(
            "Evidence: {} records, {} new files in {}\n",
            done.evidence,
            done.files_written,
            dir.display()
        )),
        None if done.evidence > 0 => text.push_str(&format!(
            "Evidence: {} records listed; their files were not written (add --evidence-dir DIR to \
             take them along)\n",
            done.evidence
        )),
        None => {}
    }
    crate::show::say(&text)
}

/// `D “Owner”`, or `D` for a column without a header.
fn column(c: &isms_sheets::read::Column) -> String {
    if c.header.is_empty() {
        c.letter.clone()
    } else {
        format!("{} “{}”", c.letter, c.header)
    }
}
