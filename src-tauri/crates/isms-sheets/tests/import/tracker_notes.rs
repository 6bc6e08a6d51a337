//! Progress notes in hand-made findings logs: a note per dated line in the date formats the
//! importer reads, lines without a day going on with the note before, a first line without its
//! day refused with its sheet, row and column named, notes only ever added.

use isms_core::tracker;
use isms_sheets::read::Kind;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn notes(vault: &Vault, reference: &str) -> Vec<(NaiveDate, String)> {
    tracker::list(vault.reader())
        .unwrap()
        .into_iter()
        .find(|t| t.reference == reference)
        .unwrap()
        .notes
        .into_iter()
        .map(|n| (n.noted_on, n.note))
        .collect()
}

#[test]
fn dated_lines_are_notes_and_undated_ones_go_on_with_the_note_before() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let log = xlsx(
        dir.path(),
        "log.xlsx",
        "Findings",
        &[
            &["ID", "Finding", "Type", "Raised", "Updates"],
            &[
                "F1",
                "No access review",
                "Minor NC",
                "2026-02-03",
                "03/02/2026: Raised at the audit\n15 Mar 2026: Reviewer found\nand briefed\n2026-04-01 14:30: Review done: all fine",
            ],
            &["F2", "Backups untested", "OFI", "2026-02-04", ""],
        ],
    );
    let report = run(&mut vault, Kind::Tracker, &log, None, false).unwrap();
    assert_eq!(report.created, 2);
    assert_eq!(
        notes(&vault, "F1"),
        [
            (day(2026, 2, 3), "Raised at the audit".to_owned()),
            (day(2026, 3, 15), "Reviewer found\nand briefed".to_owned()),
            (day(2026, 4, 1), "Review done: all fine".to_owned()),
        ],
        "day first, a month as a word, a time after the day; the undated line goes on"
    );
    assert!(notes(&vault, "F2").is_empty());
    assert!(
        report
            .lines
            .iter()
            .any(|l| l.contains("3 progress notes added")),
        "{:?}",
        report.lines
    );

    // A later log with one note more and one note fewer: the new one added, none deleted.
    let later = xlsx(
        dir.path(),
        "later.xlsx",
        "Findings",
        &[
            &["ID", "Finding", "Progress notes"],
            &[
                "F1",
                "No access review",
                "2026-03-15: Reviewer found\n  and briefed\n2026-05-02: Closed out",
            ],
        ],
    );
    let report = run(&mut vault, Kind::Tracker, &later, None, false).unwrap();
    assert_eq!((report.updated, report.unchanged), (1, 0));
    let f1 = notes(&vault, "F1");
    assert_eq!(f1.len(), 4, "{f1:?}");
    assert_eq!(f1[3], (day(2026, 5, 2), "Closed out".to_owned()));
    assert!(f1.contains(&(day(2026, 2, 3), "Raised at the audit".to_owned())));
    let again = run(&mut vault, Kind::Tracker, &later, None, false).unwrap();
    assert_eq!(
        (again.updated, again.unchanged),
        (0, 1),
        "nothing new the second time"
    );
}

#[test]
fn a_notes_cell_whose_first_line_has_no_day_is_refused_naming_the_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let before = state(&vault);
    let log = file(
        dir.path(),
        "Findings.csv",
        "ID,Finding,Type,Raised,Comments\n\
         F1,No access review,Minor NC,2026-02-03,\"2026-02-04: fine\"\n\
         F2,Backups untested,OFI,2026-02-04,\"Waiting for IT\n2026-02-05: asked again\"\n\
         F3,Policy unsigned,OFI,2026-02-04,\"2026-02-06:\"\n",
    );
    let found = problems(run(&mut vault, Kind::Tracker, &log, None, false));
    has(
        &found,
        "Findings!E3 (Comments)",
        "“Waiting for IT” does not start with the day",
    );
    has(&found, "Findings!E4 (Comments)", "says nothing");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(state(&vault), before, "nothing written");
}
