//! The import of spreadsheets into the vault: round trips of every register it takes (the
//! demo company's register exported, imported into an empty vault, exported again, the same
//! cells), typical messy templates, all or nothing (a bad row leaves the vault's snapshot and
//! history as they were, and every error names sheet, row and column), re-imports that update
//! rather than duplicate, and dry runs that write nothing. Modules follow `src/import/`.

mod assets;
mod audits;
mod competence;
mod corpus;
mod corpus_lists;
mod documents;
mod exports;
mod forms;
mod measures;
mod missing;
mod people;
mod problems;
mod registers;
mod risk_parts;
mod risks;
mod sides;
mod sides_more;
mod soa;
mod tracker;
mod tracker_notes;
mod values;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, TimeZone, Utc};
use isms_core::demo::{self, DemoPoint, DemoScale};
use isms_core::people::Person;
use isms_core::snapshot;
use isms_core::{CoreError, ErrorCode, Passphrase, Result, Stamp, Vault};
use isms_sheets::import::{ImportReport, Mode, import, unwatched};
use isms_sheets::read::{Kind, Limits, detect, open};
use isms_sheets::write::{self, SheetKind};

pub const PASS: &str = "correct horse battery staple";

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).expect("a date")
}

pub fn stamp() -> Stamp {
    Stamp::new(Utc.with_ymd_and_hms(2026, 6, 15, 9, 0, 0).unwrap(), "test")
}

/// The small demo company, ready for Stage 2.
pub fn demo_vault(dir: &Path) -> Vault {
    demo::create(
        &dir.join("demo.isms"),
        Passphrase::new(PASS.into()),
        DemoPoint::Stage2Ready,
        DemoScale::Small,
        today(),
    )
    .expect("the demo company")
}

/// A vault with nothing in it but the 93 undecided SoA entries.
pub fn empty_vault(dir: &Path, name: &str) -> Vault {
    Vault::create(
        &dir.join(name),
        Passphrase::new(PASS.into()),
        stamp(),
        |tx| {
            let org = isms_core::organisation::Organisation::named("Acme Ltd");
            isms_core::organisation::create(tx, org, isms_core::db::Action::Create).map(drop)
        },
    )
    .expect("an empty vault")
}

/// Adds people by name and e-mail.
pub fn add_people(vault: &mut Vault, people: &[(&str, &str)]) {
    for (name, email) in people {
        isms_core::people::create(vault, stamp(), Person::new(name, email)).unwrap();
    }
}

/// Exports `kind` of `vault` to `dir/<name>` and returns the path.
pub fn export(vault: &Vault, kind: SheetKind, dir: &Path, name: &str) -> PathBuf {
    let out = dir.join(name);
    write::export(vault, kind, today(), &out).expect("the export");
    out
}

/// The backup folder of a test.
pub fn backups(dir: &Path) -> PathBuf {
    dir.join("backups")
}

/// Reads `file` (sheet `sheet`), maps it as the importer proposes and imports it.
pub fn run(
    vault: &mut Vault,
    kind: Kind,
    file: &Path,
    sheet: Option<&str>,
    dry_run: bool,
) -> Result<ImportReport> {
    let book = open(file, sheet, Limits::default())?;
    let mapping = detect(&book, kind)?;
    let backups = backups(file.parent().unwrap());
    let mode = if dry_run {
        Mode::DryRun
    } else {
        Mode::Write { backups: &backups }
    };
    import(vault, stamp(), kind, &book, &mapping, mode, &mut unwatched)
}

/// Everything the vault holds, and how many history rows it has: what "nothing written"
/// compares.
pub fn state(vault: &Vault) -> (String, u64) {
    let json = snapshot::to_json(&snapshot::export(vault).unwrap()).unwrap();
    let history = vault
        .info()
        .unwrap()
        .counts
        .get("history")
        .copied()
        .unwrap_or(0);
    (json, history)
}

/// The cells of sheet `sheet` of `file`, as a person reads them.
pub fn cells(file: &Path, sheet: &str) -> Vec<Vec<String>> {
    let book = open(file, Some(sheet), Limits::default()).unwrap();
    book.rows
        .iter()
        .map(|r| r.iter().map(|c| c.display()).collect())
        .collect()
}

/// A one-sheet workbook of text cells; `rows[0]` is row 1. Empty strings leave cells blank.
pub fn xlsx(dir: &Path, name: &str, sheet: &str, rows: &[&[&str]]) -> PathBuf {
    let path = dir.join(name);
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                ws.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
    }
    book.save(&path).unwrap();
    path
}

/// A file written as is (CSV text).
pub fn file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The messages of a failed import; panics unless it is a validation error.
pub fn problems(result: Result<ImportReport>) -> Vec<String> {
    let err: CoreError = result.expect_err("the import should fail");
    assert_eq!(err.code, ErrorCode::Validation, "{err:?}");
    assert!(
        err.message.contains("nothing was imported"),
        "{}",
        err.message
    );
    err.fields.into_iter().map(|f| f.message).collect()
}

/// Asserts some message starts with `at` and contains `words`.
pub fn has(problems: &[String], at: &str, words: &str) {
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with(at) && p.contains(words)),
        "no problem at {at} saying “{words}” in {problems:#?}"
    );
}
