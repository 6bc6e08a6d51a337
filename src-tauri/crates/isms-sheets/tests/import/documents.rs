//! The document register: round trip of the demo company's register (entries and their current
//! approved versions), bad rows refused all together, a new version without its day refused.

use isms_core::documents::{self, DocKind};
use isms_sheets::read::Kind;
use isms_sheets::write::SheetKind;

use super::*;

#[test]
fn document_register_round_trip_into_an_empty_vault() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_vault(dir.path());
    let people = export(&demo, SheetKind::People, dir.path(), "people.xlsx");
    let first = export(&demo, SheetKind::Documents, dir.path(), "documents.xlsx");
    let mut empty = empty_vault(dir.path(), "empty.isms");
    run(&mut empty, Kind::People, &people, None, false).unwrap();
    let report = run(
        &mut empty,
        Kind::Documents,
        &first,
        Some("Documents"),
        false,
    )
    .unwrap();
    let n = documents::list(demo.reader()).unwrap().len() as u32;
    assert_eq!((report.created, report.updated), (n, 0));
    let again = export(&empty, SheetKind::Documents, dir.path(), "again.xlsx");
    let register = |rows: Vec<Vec<String>>| -> Vec<Vec<String>> {
        rows.into_iter()
            .map(|mut r| {
                // Through Version and Approved on; who approved is not in a register.
                r.truncate(12);
                r
            })
            .collect()
    };
    assert_eq!(
        register(cells(&first, "Documents")),
        register(cells(&again, "Documents")),
        "the same register entries, each with its current version and approval day"
    );
    let twice = run(
        &mut empty,
        Kind::Documents,
        &first,
        Some("Documents"),
        false,
    )
    .unwrap();
    assert_eq!((twice.created, twice.updated, twice.unchanged), (0, 0, n));
}

#[test]
fn a_document_list_is_read_and_bad_rows_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Ann Smith", "ann@example.com")]);
    let before = state(&vault);
    let bad = file(
        dir.path(),
        "Docs.csv",
        "Doc ID,Document title,Type,Owner,Review frequency,Must read\n\
         POL-01,Information security policy,Policy,Ann Smith,12 months,yes\n\
         ,Acceptable use,Policy,Ann Smith,twelve,maybe\n\
         POL-01,Again,Policy,,,\n",
    );
    let found = problems(run(&mut vault, Kind::Documents, &bad, None, false));
    has(
        &found,
        "Docs!A3 (Doc ID)",
        "A reference (such as POL-01) is needed here",
    );
    has(
        &found,
        "Docs!E3 (Review frequency)",
        "not a review interval",
    );
    has(&found, "Docs!F3 (Must read)", "not a yes or no");
    has(&found, "Docs!A4 (Doc ID)", "also on row 2");
    assert_eq!(state(&vault), before);
    let good = file(
        dir.path(),
        "Docs2.csv",
        "Doc ID,Document title,Type,Owner,Review frequency,Must read\n\
         POL-01,Information security policy,Policy,Ann Smith,12 months,yes\n",
    );
    let report = run(&mut vault, Kind::Documents, &good, None, false).unwrap();
    assert_eq!(report.created, 1);
    let doc = &documents::list(vault.reader()).unwrap()[0];
    assert_eq!(
        (doc.kind, doc.review_months, doc.communicate),
        (DocKind::Policy, Some(12), true)
    );
}

#[test]
fn a_version_the_vault_lacks_is_recorded_with_its_approval_day() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let no_day = file(
        dir.path(),
        "Docs.csv",
        "Doc ID,Document title,Type,Version,Approved on\n\
         POL-01,Information security policy,Policy,1.0,\n",
    );
    let before = state(&vault);
    let found = problems(run(&mut vault, Kind::Documents, &no_day, None, false));
    has(
        &found,
        "Docs!E2 (Approved on)",
        "Version 1.0 is not in the vault yet",
    );
    assert_eq!(state(&vault), before, "nothing written");
    let good = file(
        dir.path(),
        "Docs2.csv",
        "Doc ID,Document title,Type,Version,Approved on\n\
         POL-01,Information security policy,Policy,1.0,15/03/2026\n",
    );
    let report = run(&mut vault, Kind::Documents, &good, None, false).unwrap();
    assert_eq!(report.created, 1);
    let doc = &documents::list(vault.reader()).unwrap()[0];
    let v: Vec<_> = doc
        .versions
        .iter()
        .map(|v| (v.number.as_str(), v.approved_on))
        .collect();
    assert_eq!(v, [("1.0", chrono::NaiveDate::from_ymd_opt(2026, 3, 15))]);
    let again = run(&mut vault, Kind::Documents, &good, None, false).unwrap();
    assert_eq!(
        again.unchanged, 1,
        "a version the vault has is left as it is"
    );
    let next = file(
        dir.path(),
        "Docs3.csv",
        "Doc ID,Document title,Type,Version,Approved on\n\
         POL-01,Information security policy,Policy,1.1,2026-06-01\n",
    );
    let report = run(&mut vault, Kind::Documents, &next, None, false).unwrap();
    assert_eq!(report.updated, 1);
    let doc = &documents::list(vault.reader()).unwrap()[0];
    assert_eq!(doc.versions.len(), 2, "1.1 added beside 1.0");
}
