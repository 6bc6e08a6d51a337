//! People: round trip, matched by e-mail on re-import, bad rows refused all together.

use isms_sheets::read::Kind;
use isms_sheets::write::SheetKind;

use super::*;

#[test]
fn people_round_trip_into_an_empty_vault() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_vault(dir.path());
    let first = export(&demo, SheetKind::People, dir.path(), "people.xlsx");
    let mut empty = empty_vault(dir.path(), "empty.isms");
    let report = run(&mut empty, Kind::People, &first, None, false).unwrap();
    let n = isms_core::people::list(demo.reader()).unwrap().len() as u32;
    assert_eq!(report.created, n, "everyone is new to an empty vault");
    assert!(report.backup.is_some(), "a real import backs up first");
    let again = export(&empty, SheetKind::People, dir.path(), "again.xlsx");
    assert_eq!(
        cells(&first, "People"),
        cells(&again, "People"),
        "the same people, exported the same"
    );
}

#[test]
fn reimport_updates_by_email_instead_of_duplicating() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let sheet = |title: &str| {
        format!(
            "Name,E-mail,Job title,Start date\nAnn Smith,ann@example.com,{title},01/02/2025\n\
             Bob Jones,bob@example.com,Developer,2024-09-01\n"
        )
    };
    let f = file(dir.path(), "staff.csv", &sheet("CEO"));
    let first = run(&mut vault, Kind::People, &f, None, false).unwrap();
    assert_eq!((first.created, first.updated), (2, 0));
    let same = run(&mut vault, Kind::People, &f, None, false).unwrap();
    assert_eq!(
        (same.created, same.updated, same.unchanged),
        (0, 0, 2),
        "the same file again changes nothing"
    );
    assert!(
        same.backup.is_none(),
        "nothing to change, nothing to back up"
    );
    let f = file(dir.path(), "staff2.csv", &sheet("Managing director"));
    let changed = run(&mut vault, Kind::People, &f, None, false).unwrap();
    assert_eq!((changed.created, changed.updated), (0, 1));
    let people = isms_core::people::list(vault.reader()).unwrap();
    assert_eq!(people.len(), 2, "matched by e-mail, not added again");
    assert_eq!(people[0].job_title, "Managing director");
    assert_eq!(people[0].start_date, NaiveDate::from_ymd_opt(2025, 2, 1));
}

#[test]
fn bad_people_rows_abort_the_whole_import() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let before = state(&vault);
    let f = file(
        dir.path(),
        "staff.csv",
        "Name,E-mail,Start date,Top management\n\
         Ann Smith,ann@example.com,2025-01-01,yes\n\
         Bob Jones,not-an-email,2025-01-01,no\n\
         Cy Twombly,ann@example.com,2025-13-45,maybe\n",
    );
    let found = problems(run(&mut vault, Kind::People, &f, None, false));
    has(&found, "staff!B3", "e-mail");
    has(&found, "staff!B4", "also on row 2");
    has(&found, "staff!C4", "not a real date");
    has(&found, "staff!D4", "not a yes or no");
    assert_eq!(state(&vault), before, "the good row was not written either");
}
