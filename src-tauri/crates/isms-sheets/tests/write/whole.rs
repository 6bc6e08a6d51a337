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

use super::{PASS, column, demo_vault, headers, today};

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

#[test]
fn people_and_other_records_are_shown_by_what_a_person_reads_and_read_back_as_ids() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut vault = demo_vault(d);
    // Two assets of one name: neither name can stand for its asset, so both are written by id.
    let risks = isms_core::risks::list(vault.reader()).unwrap();
    let shared = risks
        .iter()
        .find_map(|r| r.asset_ids.first().copied())
        .expect("a demo risk names an asset");
    let mut assets = isms_core::assets::list(vault.reader()).unwrap();
    let name = assets.iter().find(|a| a.id == shared).unwrap().name.clone();
    let mut other = assets.remove(assets.iter().position(|a| a.id != shared).unwrap());
    other.name = name.to_uppercase();
    isms_core::assets::update(&mut vault, stamp(), other).unwrap();

    let book = d.join("all.xlsx");
    whole::export(&vault, today(), &book, Some(&d.join("files"))).unwrap();
    let emails: Vec<String> = people::list(vault.reader())
        .unwrap()
        .into_iter()
        .map(|p| p.email)
        .collect();
    let owners: Vec<String> = column(&book, "Assets", "Owner")
        .iter()
        .map(ToString::to_string)
        .filter(|o| !o.is_empty())
        .collect();
    assert!(!owners.is_empty(), "the demo's assets have owners");
    for owner in &owners {
        assert!(emails.contains(owner), "{owner} is a person's e-mail");
    }
    for sheet in [
        "Assets",
        "Risks",
        "Documents",
        "Tracker",
        "Completions",
        "Changes",
    ] {
        let heads = headers(&book, sheet);
        assert!(
            !heads
                .iter()
                .any(|h| (h.ends_with(" id") || h.ends_with(" ids")) && !h.starts_with("Evidence")),
            "{sheet} shows no ids of people or records: {heads:?}"
        );
    }
    for sheet in calamine::Reader::sheet_names(&super::open(&book)) {
        let mut heads = headers(&book, &sheet);
        let n = heads.len();
        heads.sort();
        heads.dedup();
        assert_eq!(heads.len(), n, "{sheet}'s headers are distinct: {heads:?}");
    }
    let risk_assets: Vec<String> = column(&book, "Risks", "Assets")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        risk_assets
            .iter()
            .any(|a| a.split("; ").any(|one| one == format!("#{shared}"))),
        "an asset whose name another shares is written by id: {risk_assets:?}"
    );
    let completions = column(&book, "Completions", "Course");
    assert!(
        completions.iter().all(|c| !c.to_string().starts_with('#')),
        "courses by their (unique) titles: {completions:?}"
    );
    let back = whole::read(&book, Some(&d.join("files"))).unwrap();
    assert!(
        back == snapshot::export(&vault).unwrap(),
        "read back to the same ids"
    );
}

/// A workbook typed by hand: People with ids, an asset owned by "ANN@acme.example " (any case,
/// spaces) and one by someone the People sheet does not list.
fn hand_made(path: &std::path::Path, second_owner: &str) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let org = wb.add_worksheet().set_name("Organisation").unwrap();
    let fields = [
        ("Name", "Acme"),
        ("Scope", "Everything"),
        ("Certification body", "Certifiers"),
        ("Finding policy", "no_major_nc"),
        ("Audit months", "3"),
    ];
    for (c, (h, v)) in fields.iter().enumerate() {
        org.write_string(0, c as u16, *h).unwrap();
        org.write_string(1, c as u16, *v).unwrap();
    }
    let people = wb.add_worksheet().set_name("People").unwrap();
    for (c, h) in ["Id", "Name", "Email"].iter().enumerate() {
        people.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (name, email)) in [("Ann", "ann@acme.example"), ("Bob", "bob@acme.example")]
        .iter()
        .enumerate()
    {
        let r = r as u32 + 1;
        people.write_number(r, 0, f64::from(r)).unwrap();
        people.write_string(r, 1, *name).unwrap();
        people.write_string(r, 2, *email).unwrap();
    }
    let assets = wb.add_worksheet().set_name("Assets").unwrap();
    for (c, h) in ["Id", "Name", "Owner"].iter().enumerate() {
        assets.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (name, owner)) in [("Laptop", " ANN@acme.example "), ("Server", second_owner)]
        .iter()
        .enumerate()
    {
        let r = r as u32 + 1;
        assets.write_number(r, 0, f64::from(r)).unwrap();
        assets.write_string(r, 1, *name).unwrap();
        assets.write_string(r, 2, *owner).unwrap();
    }
    wb.save(path).unwrap();
}

#[test]
fn an_owner_is_resolved_by_e_mail_and_one_that_names_no_person_is_named_by_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = d.join("good.xlsx");
    hand_made(&good, "#2");
    let snap = whole::read(&good, None).unwrap_or_else(|e| panic!("{e:?}"));
    let owners: Vec<Option<i64>> = snap.assets.iter().map(|a| a.owner_id).collect();
    assert_eq!(
        owners,
        [Some(1), Some(2)],
        "Ann by her e-mail in any case, Bob by his id"
    );

    let bad = d.join("bad.xlsx");
    hand_made(&bad, "carol@acme.example");
    let err = whole::read(&bad, None).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    let found = err
        .fields
        .iter()
        .find(|f| f.field == "Assets!C3")
        .unwrap_or_else(|| panic!("the cell is named: {:#?}", err.fields));
    assert!(
        found.message.contains("(Owner)") && found.message.contains("carol@acme.example"),
        "{}",
        found.message
    );
    assert_eq!(err.fields.len(), 1, "Ann resolves: {:#?}", err.fields);
}
