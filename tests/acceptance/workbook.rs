//! The whole vault through one workbook: the demo company ready for Stage 2, exported with
//! `export-sheet all` and its evidence files, then imported into a new vault made as
//! `isms new` makes one, is the same vault: its snapshot (every register, sub-record, approval,
//! note and evidence file) equals the original's. Importing the workbook again changes
//! nothing; an evidence file that is not what the workbook lists is refused before anything
//! is written; a vault holding other records is not overwritten.

use chrono::{NaiveDate, TimeZone, Utc};
use isms_core::db::Action;
use isms_core::demo::{self, DemoPoint, DemoScale};
use isms_core::organisation::{self, Organisation};
use isms_core::{ErrorCode, Passphrase, Stamp, Vault, history, snapshot};
use isms_sheets::import::Mode;
use isms_sheets::whole;

pub(super) const PASS: &str = "Northwind demo passphrase";

pub(super) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
}

pub(super) fn stamp() -> Stamp {
    Stamp::new(
        Utc.with_ymd_and_hms(2026, 6, 16, 9, 0, 0).unwrap(),
        "import",
    )
}

/// A vault as `isms new <vault> --org <name>` makes it.
pub(super) fn new_vault(dir: &tempfile::TempDir, name: &str, org: &str) -> Vault {
    let org = Organisation::named(org).validated().unwrap();
    Vault::create(
        &dir.path().join(name),
        Passphrase::new(PASS.into()),
        stamp(),
        |tx| organisation::create(tx, org, Action::Create).map(|_| ()),
    )
    .unwrap()
}

fn json(v: &Vault) -> serde_json::Value {
    serde_json::to_value(snapshot::export(v).unwrap()).unwrap()
}

fn history_rows(v: &Vault) -> i64 {
    v.reader()
        .query_row("SELECT count(*) FROM history", [], |r| r.get(0))
        .unwrap()
}

struct Exported {
    dir: tempfile::TempDir,
    source: Vault,
}

impl Exported {
    fn book(&self) -> std::path::PathBuf {
        self.dir.path().join("isms.xlsx")
    }

    fn files(&self) -> std::path::PathBuf {
        self.dir.path().join("evidence")
    }

    fn backups(&self) -> std::path::PathBuf {
        self.dir.path().join("backups")
    }
}

fn exported() -> Exported {
    let dir = tempfile::tempdir().unwrap();
    let source = demo::create(
        &dir.path().join("source.isms"),
        Passphrase::new(PASS.into()),
        DemoPoint::Stage2Ready,
        DemoScale::Small,
        today(),
    )
    .unwrap();
    let e = Exported { dir, source };
    let done = whole::export(&e.source, today(), &e.book(), Some(&e.files())).unwrap();
    let records = isms_core::evidence::list(e.source.reader()).unwrap();
    assert_eq!(done.evidence, records.len());
    assert!(done.files_written > 0, "the demo holds evidence files");
    e
}

#[test]
fn a_vault_rebuilt_from_its_own_workbook_equals_the_original() {
    let e = exported();
    // The workbook and its files read back are the vault's own snapshot, field for field.
    let read = whole::read(&e.book(), Some(&e.files())).unwrap();
    assert!(
        read == snapshot::export(&e.source).unwrap(),
        "the workbook holds the whole vault"
    );
    let org = organisation::get(e.source.reader()).unwrap().name;
    let mut target = new_vault(&e.dir, "target.isms", &org);
    let backups = e.backups();
    let report = whole::import(
        &mut target,
        stamp(),
        &e.book(),
        Some(&e.files()),
        Mode::Write { backups: &backups },
    )
    .unwrap_or_else(|err| panic!("{}: {:#?}", err.message, err.fields));
    assert!(
        report.backup.is_some(),
        "one verified backup before the write"
    );
    let (before, after) = (json(&e.source), json(&target));
    let keys: Vec<&String> = before.as_object().unwrap().keys().collect();
    for key in keys {
        assert_eq!(
            before[key], after[key],
            "register {key} comes back from the workbook unchanged"
        );
    }
    // Every register of the demo was in the workbook, not just empty on both sides.
    for key in [
        "people",
        "risks",
        "documents",
        "tracker",
        "audits",
        "courses",
        "completions",
        "acknowledgements",
        "objectives",
        "context_issues",
        "interested_parties",
        "changes",
        "reviews",
        "soa_versions",
        "evidence",
        "evidence_files",
        "measures",
        "suppliers",
    ] {
        assert!(
            before[key].as_array().is_some_and(|a| !a.is_empty()),
            "the demo at stage 2 holds {key}"
        );
    }

    // The same workbook again: nothing changes, not even history.
    let rows = history_rows(&target);
    let again = whole::import(
        &mut target,
        stamp(),
        &e.book(),
        Some(&e.files()),
        Mode::Write { backups: &backups },
    )
    .unwrap();
    assert!(again.unchanged && again.backup.is_none());
    assert_eq!(
        history_rows(&target),
        rows,
        "a second import writes nothing"
    );
}

#[test]
fn a_wrong_evidence_file_or_another_vault_is_refused_and_nothing_is_written() {
    let e = exported();
    let (book, files, backups) = (e.book(), e.files(), e.backups());
    let mut target = new_vault(&e.dir, "target.isms", "Northwind");
    // No folder: the files the workbook lists are missing.
    let err = whole::import(
        &mut target,
        stamp(),
        &book,
        None,
        Mode::Write { backups: &backups },
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    // A file whose bytes are not its hash.
    let victim = std::fs::read_dir(&files)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let good = std::fs::read(&victim).unwrap();
    std::fs::write(&victim, b"not the evidence").unwrap();
    let err = whole::import(
        &mut target,
        stamp(),
        &book,
        Some(&files),
        Mode::Write { backups: &backups },
    )
    .unwrap_err();
    assert!(
        err.fields
            .iter()
            .any(|f| f.message.contains("does not hash")),
        "{:#?}",
        err.fields
    );
    assert!(
        history::is_fresh(target.reader()).unwrap(),
        "nothing written"
    );
    std::fs::write(&victim, good).unwrap();
    // A vault with records of its own is not overwritten: the differing register is named.
    let mut other = e.source;
    let mut person = isms_core::people::list(other.reader()).unwrap().remove(0);
    person.department = "Elsewhere".into();
    isms_core::people::update(&mut other, stamp(), person).unwrap();
    let before = history_rows(&other);
    let err = whole::import(
        &mut other,
        stamp(),
        &book,
        Some(&files),
        Mode::Write { backups: &backups },
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFresh, "{}", err.message);
    let named: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(named, ["People"], "only the people differ");
    assert_eq!(history_rows(&other), before);
}
