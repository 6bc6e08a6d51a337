//! The whole vault as one workbook: hostile text and file names travel safely (evidence files
//! named by their hash only, formulas kept as text), and a workbook with problems is refused
//! with every problem named by its cell, nothing written.

use chrono::{TimeZone, Utc};
use isms_core::db::Action;
use isms_core::evidence::{self, NewEvidence};
use isms_core::organisation::{self, Organisation};
use isms_core::people::{self, Person};
use isms_core::{ErrorCode, Passphrase, Stamp, Vault, history, snapshot};
use isms_sheets::import::Mode;
use isms_sheets::whole;

use super::{PASS, column, today};

fn stamp() -> Stamp {
    Stamp::new(Utc.with_ymd_and_hms(2026, 6, 1, 8, 0, 0).unwrap(), "test")
}

fn new_vault(dir: &std::path::Path, name: &str) -> Vault {
    let org = Organisation::named("=Acme").validated().unwrap();
    Vault::create(
        &dir.join(name),
        Passphrase::new(PASS.into()),
        stamp(),
        |tx| organisation::create(tx, org, Action::Create).map(|_| ()),
    )
    .unwrap()
}

#[test]
fn hostile_names_travel_as_text_and_files_by_their_hash_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut vault = new_vault(d, "a.isms");
    people::create(
        &mut vault,
        stamp(),
        Person::new("=1+1 Zoë", "z@acme.example"),
    )
    .unwrap();
    let file = d.join("plain.txt");
    std::fs::write(&file, b"minutes").unwrap();
    let new = NewEvidence {
        file_name: Some("../../..\\evil\u{7}.txt".into()),
        description: "@SUM(1)".into(),
        ..NewEvidence::default()
    };
    evidence::add_file(&mut vault, stamp(), &file, new).unwrap();
    let (book, files) = (d.join("all.xlsx"), d.join("files"));
    let done = whole::export(&vault, today(), &book, Some(&files)).unwrap();
    assert_eq!((done.evidence, done.files_written), (1, 1));
    let names: Vec<String> = std::fs::read_dir(&files)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1);
    assert!(
        names[0].len() == 64 && names[0].bytes().all(|b| b.is_ascii_hexdigit()),
        "only the hash names a file: {names:?}"
    );
    assert_eq!(
        column(&book, "People", "Name")[0].to_string(),
        "=1+1 Zoë",
        "a formula-like name is text"
    );
    let back = whole::read(&book, Some(&files)).unwrap();
    assert!(back == snapshot::export(&vault).unwrap(), "read back whole");

    let mut copy = new_vault(d, "b.isms");
    let backups = d.join("backups");
    whole::import(
        &mut copy,
        stamp(),
        &book,
        Some(&files),
        Mode::Write { backups: &backups },
    )
    .unwrap();
    let moved = evidence::list(copy.reader()).unwrap();
    assert_eq!(
        moved[0].file_name,
        evidence::list(vault.reader()).unwrap()[0].file_name
    );
    assert!(!moved[0].file_name.contains('/') && !moved[0].file_name.contains('\\'));
    let mut bytes = Vec::new();
    evidence::write_content(copy.reader(), moved[0].id, &mut bytes).unwrap();
    assert_eq!(bytes, b"minutes");
}

#[test]
fn every_problem_of_a_workbook_is_named_by_its_cell_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let book = d.join("bad.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let people = wb.add_worksheet().set_name("People").unwrap();
    for (c, h) in ["Id", "Name", "Email", "Shoe size"].iter().enumerate() {
        people.write_string(0, c as u16, *h).unwrap();
    }
    people.write_string(1, 0, "seven").unwrap();
    people.write_string(1, 1, "Ann").unwrap();
    let actions = wb.add_worksheet().set_name("Risk actions").unwrap();
    actions.write_string(0, 0, "Risk reference").unwrap();
    actions.write_string(0, 1, "Title").unwrap();
    actions.write_string(1, 0, "R-404").unwrap();
    actions.write_string(1, 1, "Patch").unwrap();
    wb.add_worksheet().set_name("Notes").unwrap();
    wb.save(&book).unwrap();

    let mut vault = new_vault(d, "v.isms");
    let backups = d.join("backups");
    let err = whole::import(
        &mut vault,
        stamp(),
        &book,
        None,
        Mode::Write { backups: &backups },
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    let at: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    for cell in [
        "People!D1",
        "People!A2",
        "'Risk actions'!A2",
        "Notes",
        "Organisation",
    ] {
        assert!(at.contains(&cell), "{cell} is named: {at:?}");
    }
    assert!(
        history::is_fresh(vault.reader()).unwrap(),
        "nothing written"
    );
    assert!(!backups.exists(), "not even a backup");
}
