//! Every register of the vault as an XLSX workbook, read through isms-core's public API only.
//! Each register has its own file that turns records into [`sheet::Sheet`]s (rows sorted by
//! reference, owners by name with their e-mail beside, references and control ids as text,
//! dates as dates); [`sheet`] lays every sheet out the same way and neutralises text that could
//! run as a formula. The column headers are plain words an importer recognises, so a register
//! exported and imported again comes back the same.
//!
//! The output is deterministic: the document's creation date is the `as_of` day and the ZIP
//! entries carry a fixed time, so the same vault and day give the same bytes. The workbook is
//! built in memory, written to a hidden temporary file beside `out` and moved into place only
//! when complete; an existing file is never replaced (`AlreadyExists`).

mod acknowledgements;
mod assets;
mod audits;
mod competence;
mod documents;
mod measures;
mod people;
mod registers;
mod risk_parts;
mod risks;
pub mod sheet;
mod soa;
mod tracker;
pub(crate) mod training;

use std::io::Write;
use std::path::Path;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use isms_core::{CoreError, ErrorCode, Result, Vault};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};

use sheet::{Formats, People, Sheet};

/// Which register a workbook holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SheetKind {
    Risks,
    Soa,
    Assets,
    People,
    Tracker,
    Documents,
    Audits,
    Training,
    Acknowledgements,
    Competence,
    Measures,
    Suppliers,
    Incidents,
    Requirements,
}

impl SheetKind {
    pub const ALL: [SheetKind; 14] = [
        SheetKind::Risks,
        SheetKind::Soa,
        SheetKind::Assets,
        SheetKind::People,
        SheetKind::Tracker,
        SheetKind::Documents,
        SheetKind::Audits,
        SheetKind::Training,
        SheetKind::Acknowledgements,
        SheetKind::Competence,
        SheetKind::Measures,
        SheetKind::Suppliers,
        SheetKind::Incidents,
        SheetKind::Requirements,
    ];

    /// The word the CLI takes.
    pub fn as_str(self) -> &'static str {
        match self {
            SheetKind::Risks => "risks",
            SheetKind::Soa => "soa",
            SheetKind::Assets => "assets",
            SheetKind::People => "people",
            SheetKind::Tracker => "tracker",
            SheetKind::Documents => "documents",
            SheetKind::Audits => "audits",
            SheetKind::Training => "training",
            SheetKind::Acknowledgements => "acknowledgements",
            SheetKind::Competence => "competence",
            SheetKind::Measures => "measures",
            SheetKind::Suppliers => "suppliers",
            SheetKind::Incidents => "incidents",
            SheetKind::Requirements => "requirements",
        }
    }

    /// The register's name in the document's title.
    fn title(self) -> &'static str {
        match self {
            SheetKind::Risks => "Risk register",
            SheetKind::Soa => "Statement of Applicability",
            SheetKind::Assets => "Asset inventory",
            SheetKind::People => "People",
            SheetKind::Tracker => "ISMS tracker",
            SheetKind::Documents => "Document register",
            SheetKind::Audits => "Internal audit programme",
            SheetKind::Training => "Training matrix",
            SheetKind::Acknowledgements => "Policy acknowledgements",
            SheetKind::Competence => "Roles and competence",
            SheetKind::Measures => "Monitoring and measurement",
            SheetKind::Suppliers => "Supplier register",
            SheetKind::Incidents => "Incident log",
            SheetKind::Requirements => "Legal, regulatory and contractual requirements",
        }
    }

    /// The kind named `s` (any case), or a validation error listing them all.
    pub fn parse(s: &str) -> Result<Self> {
        let word = s.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == word)
            .ok_or_else(|| {
                let all: Vec<&str> = Self::ALL.iter().map(|k| k.as_str()).collect();
                CoreError::new(
                    ErrorCode::Validation,
                    format!("Unknown register “{s}”: one of {}.", all.join(", ")),
                )
            })
    }
}

impl FromStr for SheetKind {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, String> {
        Self::parse(s).map_err(|e| e.message)
    }
}

impl std::fmt::Display for SheetKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The sheets of register `kind` as of `as_of`.
pub fn sheets(vault: &Vault, kind: SheetKind, as_of: NaiveDate) -> Result<Vec<Sheet>> {
    let people = People::new(isms_core::people::list(vault.reader())?);
    match kind {
        SheetKind::Risks => risks::sheets(vault, &people),
        SheetKind::Soa => soa::sheets(vault, &people),
        SheetKind::Assets => assets::sheets(vault, &people),
        SheetKind::People => Ok(people::sheets(&people, as_of)),
        SheetKind::Tracker => tracker::sheets(vault, &people, as_of),
        SheetKind::Documents => documents::sheets(vault, &people),
        SheetKind::Audits => audits::sheets(vault, &people),
        SheetKind::Training => training::sheets(vault, &people, as_of),
        SheetKind::Acknowledgements => acknowledgements::sheets(vault, &people, as_of),
        SheetKind::Competence => competence::sheets(vault, &people, as_of),
        SheetKind::Measures => measures::sheets(vault, &people, as_of),
        SheetKind::Suppliers => registers::suppliers(vault, &people, as_of),
        SheetKind::Incidents => registers::incidents(vault, &people),
        SheetKind::Requirements => registers::requirements(vault, &people),
    }
}

/// The workbook of register `kind` as of `as_of`, as the bytes of an XLSX file.
pub fn workbook(vault: &Vault, kind: SheetKind, as_of: NaiveDate) -> Result<Vec<u8>> {
    let company = isms_core::organisation::get(vault.reader())?.name;
    let sheets = sheets(vault, kind, as_of)?;
    book(&company, kind.title(), as_of, &sheets)
}

/// `sheets` as the bytes of an XLSX file titled "`title`, `company`, as of `as_of`", created
/// on `as_of` so the same sheets and day give the same bytes.
pub(crate) fn book(
    company: &str,
    title: &str,
    as_of: NaiveDate,
    sheets: &[Sheet],
) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let created = u16::try_from(as_of.year())
        .ok()
        .and_then(|y| {
            // Month and day are 1–12 and 1–31, so they fit.
            ExcelDateTime::from_ymd(y, as_of.month() as u8, as_of.day() as u8).ok()
        })
        .ok_or_else(|| {
            CoreError::new(ErrorCode::Validation, format!("{as_of} is out of range."))
        })?;
    let title = format!("{title}, {company}, as of {as_of}");
    book.set_properties(
        &DocProperties::new()
            .set_title(sheet_text(&title))
            .set_company(sheet_text(company))
            .set_author("ISMS Desk")
            .set_creation_datetime(&created),
    );
    let formats = Formats::default();
    for s in sheets {
        s.write(&mut book, &formats)?;
    }
    book.save_to_buffer().map_err(|e| {
        CoreError::new(
            ErrorCode::Internal,
            format!("Cannot build the workbook: {e}"),
        )
    })
}

/// Document properties are not cells and have no quote prefix: drop a risky first character.
fn sheet_text(s: &str) -> String {
    s.trim_start_matches(['=', '+', '-', '@', '\t', '\r'])
        .to_owned()
}

/// Refuses `out` when it exists or does not end in `.xlsx`; call it before any work.
pub fn check_target(out: &Path) -> Result<()> {
    let xlsx = out
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if !xlsx {
        return Err(CoreError::new(
            ErrorCode::Validation,
            format!("{} must end in .xlsx.", out.display()),
        ));
    }
    if out.exists() {
        return Err(already_exists(out));
    }
    Ok(())
}

fn already_exists(out: &Path) -> CoreError {
    CoreError::new(
        ErrorCode::AlreadyExists,
        format!("{} already exists.", out.display()),
    )
}

/// Writes register `kind` as of `as_of` to `out` (.xlsx), never replacing a file and leaving
/// no partial one.
pub fn export(vault: &Vault, kind: SheetKind, as_of: NaiveDate, out: &Path) -> Result<()> {
    check_target(out)?;
    let bytes = workbook(vault, kind, as_of)?;
    write_new(out, &bytes)
}

/// Writes `bytes` to `out` through a temporary file in the same folder, never replacing a file.
pub(crate) fn write_new(out: &Path, bytes: &[u8]) -> Result<()> {
    let cannot = |e: &std::io::Error| CoreError::io(&format!("Cannot write {}", out.display()), e);
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".isms-sheet-")
        .suffix(".partial")
        .tempfile_in(dir)
        .map_err(|e| cannot(&e))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| cannot(&e))?;
    tmp.persist_noclobber(out).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            already_exists(out)
        } else {
            cannot(&e.error)
        }
    })?;
    Ok(())
}
