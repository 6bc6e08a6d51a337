//! Dates in ISO, European and Excel serial form, and the ones refused as ambiguous or invalid.

use chrono::NaiveDate;
use isms_sheets::read::Cell;
use isms_sheets::read::dates::{date, serial};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

#[test]
fn iso_european_and_serial_dates_read_as_the_same_day() {
    for written in [
        "2026-03-31",
        "31/03/2026",
        "31.03.2026",
        "31-03-2026",
        "2026-03-31T09:30:00",
        "2026-03-31 09:30",
        "46112",
        " 31/3/2026\u{a0}",
    ] {
        assert_eq!(date(&t(written)), Ok(Some(d(2026, 3, 31))), "{written}");
    }
    assert_eq!(
        date(&Cell::Number(46112.0)),
        Ok(Some(d(2026, 3, 31))),
        "Excel serial"
    );
    assert_eq!(
        date(&Cell::Number(46112.75)),
        Ok(Some(d(2026, 3, 31))),
        "time dropped"
    );
    let typed = d(2026, 3, 31).and_hms_opt(0, 0, 0).unwrap();
    assert_eq!(
        date(&Cell::Date(typed)),
        Ok(Some(d(2026, 3, 31))),
        "typed as a date"
    );
    assert_eq!(date(&t("#N/A")), Ok(None));
    assert_eq!(date(&Cell::Empty), Ok(None));
}

#[test]
fn serials_count_from_excels_1900_system() {
    assert_eq!(serial(45658.0), Ok(d(2025, 1, 1)));
    assert_eq!(
        serial(3654.0),
        Ok(d(1910, 1, 1)),
        "the earliest date read from a number"
    );
    assert!(serial(2026.0).is_err(), "a year is not a date");
    assert!(serial(-1.0).is_err());
}

#[test]
fn ambiguous_and_invalid_dates_are_refused_saying_how_to_write_them() {
    let american = date(&t("03/31/2026")).unwrap_err();
    assert!(american.contains("month first"), "{american}");
    assert!(
        american.contains("31/03/2026") && american.contains("2026-03-31"),
        "{american}"
    );
    let short = date(&t("31/03/26")).unwrap_err();
    assert!(short.contains("two-digit year"), "{short}");
    assert!(
        date(&t("31/02/2026"))
            .unwrap_err()
            .contains("not a real date")
    );
    assert!(date(&t("2026-13-01")).is_err());
    assert!(
        date(&t("next week"))
            .unwrap_err()
            .contains("like 2026-03-31")
    );
    assert!(date(&t("2026")).is_err(), "a year alone");
    assert!(date(&Cell::Bool(true)).is_err());
}
