//! The document register: round trip of the demo company's register (entries, not versions),
//! bad rows refused all together.

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
                r.truncate(10);
                r
            })
            .collect()
    };
    assert_eq!(
        register(cells(&first, "Documents")),
        register(cells(&again, "Documents")),
        "the same register entries; versions are recorded in the app"
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
