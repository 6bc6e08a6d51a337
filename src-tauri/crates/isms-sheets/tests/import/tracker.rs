//! The tracker: round trip of the demo company's findings and actions with their progress
//! notes, a findings log with its own words, bad rows refused all together. Notes in hand-made
//! cells are in `tracker_notes`.

use isms_core::tracker::{self, ItemKind, ItemSource, ItemStatus};
use isms_sheets::read::Kind;
use isms_sheets::write::SheetKind;

use super::*;

#[test]
fn tracker_round_trip_into_an_empty_vault() {
    let dir = tempfile::tempdir().unwrap();
    let mut demo = demo_vault(dir.path());
    // A note of several lines, one of them looking like a note of its own.
    let first_item = tracker::list(demo.reader()).unwrap()[0].id;
    let day = NaiveDate::from_ymd_opt(2026, 5, 4).unwrap();
    let long = "Called the supplier.\n2026-05-05: they promised a fix\n\n  indented line";
    tracker::add_note(&mut demo, stamp(), first_item, day, long).unwrap();
    let people = export(&demo, SheetKind::People, dir.path(), "people.xlsx");
    let first = export(&demo, SheetKind::Tracker, dir.path(), "tracker.xlsx");
    let mut empty = empty_vault(dir.path(), "empty.isms");
    run(&mut empty, Kind::People, &people, None, false).unwrap();
    let report = run(&mut empty, Kind::Tracker, &first, None, false).unwrap();
    let n = tracker::list(demo.reader()).unwrap().len() as u32;
    assert_eq!((report.created, report.updated), (n, 0));
    let sheet = cells(&first, "Tracker");
    let col = sheet[0]
        .iter()
        .position(|h| h == "Certification body's finding no.")
        .unwrap();
    assert_eq!(sheet[0][22], "Progress notes");
    assert!(
        sheet[1..].iter().any(|r| r[col] == "NC-01"),
        "the body's numbers are exported"
    );
    let again = export(&empty, SheetKind::Tracker, dir.path(), "again.xlsx");
    assert_eq!(
        cells(&first, "Tracker"),
        cells(&again, "Tracker"),
        "the same items with the same progress notes"
    );
    let notes_of = |vault: &Vault| -> Vec<(String, Vec<(NaiveDate, String)>)> {
        let mut items: Vec<_> = tracker::list(vault.reader())
            .unwrap()
            .into_iter()
            .map(|t| {
                let notes = t.notes.into_iter().map(|n| (n.noted_on, n.note)).collect();
                (t.reference, notes)
            })
            .collect();
        items.sort();
        items
    };
    let demo_notes = notes_of(&demo);
    assert!(
        demo_notes.iter().filter(|(_, n)| !n.is_empty()).count() >= 2,
        "the demo has items with notes: {demo_notes:?}"
    );
    assert!(
        demo_notes
            .iter()
            .any(|(_, n)| n.contains(&(day, long.to_owned())))
    );
    assert_eq!(
        demo_notes,
        notes_of(&empty),
        "every item's notes, day and text"
    );
    let before = state(&empty);
    let twice = run(&mut empty, Kind::Tracker, &first, None, false).unwrap();
    assert_eq!((twice.created, twice.updated, twice.unchanged), (0, 0, n));
    assert_eq!(state(&empty), before, "a second import changes nothing");
}

#[test]
fn a_findings_log_in_its_own_words_is_read_and_bad_rows_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Ann Smith", "ann@example.com")]);
    let before = state(&vault);
    let bad = file(
        dir.path(),
        "Findings.csv",
        "ID,Finding,Grade,Audit,Date raised,Owner,Status,Controls\n\
         F1,No access review,Minor NC,Internal audit,03/02/2026,Ann Smith,Open,A.5.18\n\
         F2,Backups untested,Serious,Internal audit,,Ann Smith,Open,\n\
         F3,Policy not signed,OFI,Internal audit,2026-02-03,Ann Smith,Sort of,A.99\n",
    );
    let found = problems(run(&mut vault, Kind::Tracker, &bad, None, false));
    has(&found, "Findings!C3 (Grade)", "“Serious” is not a type");
    has(&found, "Findings!G4 (Status)", "“Sort of” is not a status");
    has(&found, "Findings!H4 (Controls)", "not an Annex A control");
    assert_eq!(state(&vault), before);
    let good = file(
        dir.path(),
        "Findings2.csv",
        "ID,Finding,Grade,Audit,Date raised,Owner,Status\n\
         F1,No access review,Minor NC,Internal audit,03/02/2026,Ann Smith,Open\n\
         F3,Policy not signed,OFI,Stage 1,2026-02-03,ann@example.com,In progress\n",
    );
    let report = run(&mut vault, Kind::Tracker, &good, None, false).unwrap();
    assert_eq!(report.created, 2);
    let items = tracker::list(vault.reader()).unwrap();
    let f1 = items.iter().find(|t| t.reference == "F1").unwrap();
    assert_eq!(f1.kind, ItemKind::MinorNc);
    assert_eq!(f1.source, ItemSource::InternalAudit);
    assert_eq!(
        f1.raised_on,
        NaiveDate::from_ymd_opt(2026, 2, 3).unwrap(),
        "day first"
    );
    let f3 = items.iter().find(|t| t.reference == "F3").unwrap();
    assert_eq!(
        (f3.kind, f3.status),
        (ItemKind::Ofi, ItemStatus::InProgress)
    );
    let again = run(&mut vault, Kind::Tracker, &good, None, false).unwrap();
    assert_eq!(again.unchanged, 2, "matched by reference");
}
