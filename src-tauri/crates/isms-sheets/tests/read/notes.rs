//! A cell of progress notes: what the export writes reads back as the same notes, whatever a
//! note's lines look like; hand-made cells with day-first and worded dates.

use chrono::NaiveDate;
use isms_sheets::read::Cell;
use isms_sheets::read::notes::{joined, notes};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn what_the_export_writes_reads_back_as_the_same_notes() {
    let written = [
        (day(2026, 1, 5), "Plain note"),
        (day(2026, 1, 6), "Two lines\nsecond: with a colon"),
        (
            day(2026, 1, 7),
            "A line like a note\n2026-01-08: not a note of its own",
        ),
        (
            day(2026, 1, 7),
            "A blank line\n\nbetween, and   spaces\n   indented by three",
        ),
        (day(2026, 1, 9), "Time-like 14:30 and 5000: numbers"),
    ];
    let cell = joined(written.iter().map(|(d, n)| (*d, *n)));
    assert!(
        cell.contains("\n  2026-01-08: not"),
        "further lines indented: {cell}"
    );
    let read = notes(&Cell::Text(cell)).unwrap();
    let expected: Vec<(NaiveDate, String)> =
        written.iter().map(|(d, n)| (*d, n.to_string())).collect();
    assert_eq!(read, expected);
}

#[test]
fn hand_made_cells_take_the_importers_dates_and_refuse_a_first_line_without_one() {
    let read = notes(&Cell::Text(
        "31.03.2026: Asked IT\n1 April 2026: IT answered\nthey will test\n\n2026-04-02 09:15: Tested".into(),
    ))
    .unwrap();
    assert_eq!(
        read,
        [
            (day(2026, 3, 31), "Asked IT".to_owned()),
            (day(2026, 4, 1), "IT answered\nthey will test".to_owned()),
            (day(2026, 4, 2), "Tested".to_owned()),
        ]
    );
    assert_eq!(notes(&Cell::Empty).unwrap(), []);
    assert_eq!(notes(&Cell::Text("N/A".into())).unwrap(), []);
    let err = notes(&Cell::Text("Waiting\n2026-04-02: Tested".into())).unwrap_err();
    assert!(
        err.contains("“Waiting” does not start with the day"),
        "{err}"
    );
    let err = notes(&Cell::Text("2026: budget agreed".into())).unwrap_err();
    assert!(
        err.contains("does not start with the day"),
        "a year alone is no day: {err}"
    );
    let err = notes(&Cell::Text("2026-04-02:   ".into())).unwrap_err();
    assert!(err.contains("says nothing"), "{err}");
}
