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

#[test]
fn months_written_as_words_in_english_german_and_french_read_as_their_day() {
    for written in [
        "15-Mar-2026",
        "15 Mar 2026",
        "15 March 2026",
        "March 15, 2026",
        "Mar 15 2026",
        "15th March 2026",
        "15. März 2026",
        "15. Maerz 2026",
        "15 mars 2026",
        "15 Mars 2026",
        "15.03.2026",
        "15/03/2026",
        "15/03/2026 14:32:10",
        "2026/03/15 2:32:10 PM GMT+1",
        "15-MAR-2026 09:00",
    ] {
        assert_eq!(date(&t(written)), Ok(Some(d(2026, 3, 15))), "{written}");
    }
    assert_eq!(date(&t("1er avril 2026")), Ok(Some(d(2026, 4, 1))));
    assert_eq!(date(&t("3. Dezember 2026")), Ok(Some(d(2026, 12, 3))));
    assert_eq!(date(&t("17 févr. 2026")), Ok(Some(d(2026, 2, 17))));
    assert_eq!(date(&t("August 1, 2026")), Ok(Some(d(2026, 8, 1))));
    assert_eq!(date(&t("1 août 2026")), Ok(Some(d(2026, 8, 1))));
    assert_eq!(date(&t("Mai 5, 2026")), Ok(Some(d(2026, 5, 5))));
}

#[test]
fn a_worded_date_that_is_not_one_says_how_to_write_it() {
    for wrong in [
        "15 Marsh 2026",
        "March 2026",
        "15 March",
        "31 February 2026",
        "15 March 2026 March",
        "Monday",
    ] {
        let err = date(&t(wrong)).expect_err(wrong);
        assert!(
            err.contains("not a date") || err.contains("not a real date"),
            "{wrong}: {err}"
        );
    }
    let american = date(&t("3/15/2026 2:32:10 PM")).unwrap_err();
    assert!(american.contains("month first"), "{american}");
}

#[test]
fn a_planned_month_is_read_however_written_and_a_season_is_refused() {
    use isms_sheets::read::dates::month;
    let text = |t: &str| month(&Cell::Text(t.into()));
    for (written, wanted) in [
        ("2026-03", "2026-03"),
        ("2026/3", "2026-03"),
        ("03/2026", "2026-03"),
        ("3.2026", "2026-03"),
        ("March 2026", "2026-03"),
        ("Mär 2026", "2026-03"),
        ("mars 2026", "2026-03"),
        ("Dezember 2026", "2026-12"),
        ("15/03/2026", "2026-03"),
        ("2026-03-15", "2026-03"),
    ] {
        assert_eq!(text(written), Ok(Some(wanted.to_owned())), "{written}");
    }
    let typed = chrono::NaiveDate::from_ymd_opt(2026, 7, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    assert_eq!(month(&Cell::Date(typed)), Ok(Some("2026-07".to_owned())));
    assert_eq!(month(&Cell::Empty), Ok(None));
    for bad in ["Summer", "2026-13", "13/2026", "2026"] {
        let err = text(bad).unwrap_err();
        assert!(err.contains("is not a month"), "{bad}: {err}");
    }
}
