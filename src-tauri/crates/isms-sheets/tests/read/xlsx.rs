//! A messy SoA workbook as real templates are: a merged title, a note, a blank row, the header
//! on row 4 with trailing spaces, a merged group row, a vertically merged owner, every control
//! id and yes/no form, dates typed, European and serial, formula results and `#N/A`.

use chrono::NaiveDate;
use isms_sheets::read::clean::{control_id, flag, split, text};
use isms_sheets::read::dates::date;
use isms_sheets::read::{Cell, Format, Kind, Limits, detect, open, rows};
use rust_xlsxwriter::{ExcelDateTime, Format as Style, Formula, Workbook};

/// Control id as written, applicability as written (None = left blank).
const SOA: [(&str, Option<&str>); 14] = [
    ("A.5.1", Some("Yes")),
    ("A 5.2", Some("Y")),
    ("5.3", Some("true")),
    ("5.04", Some("1")),
    ("27001:2022-5.05", Some("Applicable")),
    ("A.05.06", Some("Included")),
    ("A.5.7", Some("x")),
    ("A.5.8", Some("No")),
    ("A.5.9", Some("N")),
    ("A.5.10", Some("FALSE")),
    ("A.5.11", Some("0")),
    ("A.5.12", Some("Not applicable")),
    ("A.5.13", Some("Excluded")),
    ("A.5.14", None),
];

fn messy_soa(path: &std::path::Path) {
    let mut book = Workbook::new();
    let cover = book.add_worksheet();
    cover.set_name("Cover").unwrap();
    cover.write_string(0, 0, "Acme Ltd").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("SoA  ").unwrap();
    let plain = Style::new();
    let day = Style::new().set_num_format("dd/mm/yyyy");
    sheet
        .merge_range(0, 0, 0, 6, "Statement of Applicability", &plain)
        .unwrap();
    sheet
        .write_string(1, 0, "Version 3, approved by the board")
        .unwrap();
    for (col, h) in [
        "Control ID ",
        "Control title",
        "Applicable?",
        "Justification",
        "Implementation status",
        "Owner",
        "Last review ",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(3, col as u16, *h).unwrap();
    }
    sheet
        .merge_range(4, 0, 4, 6, "Organizational controls", &plain)
        .unwrap();
    for (i, (id, applicable)) in SOA.iter().enumerate() {
        let row = 5 + i as u32;
        sheet.write_string(row, 0, *id).unwrap();
        sheet.write_string(row, 1, format!("Control {i}")).unwrap();
        match *applicable {
            Some("true") => sheet.write_boolean(row, 2, true).map(|_| ()).unwrap(),
            Some("FALSE") => sheet.write_boolean(row, 2, false).map(|_| ()).unwrap(),
            Some("1") => sheet.write_number(row, 2, 1).map(|_| ()).unwrap(),
            Some(a) => sheet.write_string(row, 2, a).map(|_| ()).unwrap(),
            None => {}
        }
    }
    // Row 6 (index 5): a typed date, row 7 a European date, row 8 a serial number, row 9 ISO.
    sheet
        .write_datetime_with_format(5, 6, ExcelDateTime::from_ymd(2026, 3, 31).unwrap(), &day)
        .unwrap();
    sheet.write_string(6, 6, "31/03/2026").unwrap();
    sheet.write_number(7, 6, 46112).unwrap();
    sheet.write_string(8, 6, "2026-03-31").unwrap();
    // The owner of 5.1 and 5.2 is one merged cell; 5.3 has several owners in one cell.
    sheet.merge_range(5, 5, 6, 5, "Jane Doe", &plain).unwrap();
    sheet
        .write_string(7, 5, "Jane Doe\nJohn Roe; Ana | Bo")
        .unwrap();
    // Formula results: a computed title and a cached #N/A error; a typed "#N/A" too.
    sheet
        .write_formula(
            9,
            1,
            Formula::new("=UPPER(\"people screening\")").set_result("PEOPLE SCREENING"),
        )
        .unwrap();
    sheet
        .write_formula(9, 3, Formula::new("=NA()").set_result("#N/A"))
        .unwrap();
    sheet.write_string(10, 3, "#N/A").unwrap();
    sheet
        .write_string(11, 3, "\u{a0}Not needed: no cloud services\u{a0} ")
        .unwrap();
    // A note in the justification column after the table, and a blank row before it.
    sheet
        .write_string(
            5 + SOA.len() as u32 + 1,
            3,
            "Reviewed quarterly by the ISMS owner",
        )
        .unwrap();
    book.save(path).unwrap();
}

fn open_messy() -> isms_sheets::read::Workbook {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("soa.xlsx");
    messy_soa(&path);
    open(&path, Some(" soa"), Limits::default()).unwrap()
}

#[test]
fn the_sheet_is_found_ignoring_case_and_trailing_spaces() {
    let book = open_messy();
    assert_eq!(book.format, Format::Xlsx);
    assert_eq!(book.sheet, "SoA  ", "the file's own name is kept");
    assert_eq!(book.sheets, ["Cover", "SoA  "]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("soa.xlsx");
    messy_soa(&path);
    let first = open(&path, None, Limits::default()).unwrap();
    assert_eq!(first.sheet, "Cover", "no sheet named: the first");
    let err = open(&path, Some("Risks"), Limits::default()).unwrap_err();
    assert_eq!(
        err.fields[0].field, "sheet",
        "a problem of the sheet chosen, so a caller can say how to choose another"
    );
    assert!(
        err.message
            .contains("no sheet “Risks”; its sheets are “Cover”, “SoA  ”"),
        "{}",
        err.message
    );
}

#[test]
fn the_instructions_sheet_picked_lists_the_workbooks_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("soa.xlsx");
    messy_soa(&path);
    let cover = open(&path, None, Limits::default()).unwrap();
    let err = detect(&cover, Kind::Soa).unwrap_err();
    assert_eq!(err.fields[0].field, "sheet", "{err:?}");
    assert!(
        err.message.contains("No header row found")
            && err.message.contains("Is it the data sheet?")
            && err.message.contains("“Cover”, “SoA  ”"),
        "{}",
        err.message
    );
}

#[test]
fn the_header_on_row_4_is_found_and_mapped() {
    let book = open_messy();
    let m = detect(&book, Kind::Soa).unwrap();
    assert_eq!(
        m.header_row, 4,
        "below a merged title, a note and a blank row"
    );
    let fields: Vec<_> = m.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            Some("control_id"),
            Some("title"),
            Some("applicable"),
            Some("justification"),
            Some("status"),
            Some("owner"),
            None
        ]
    );
    assert_eq!(
        m.unmatched().next().unwrap().header,
        "Last review",
        "trimmed"
    );
}

#[test]
fn merged_ranges_give_their_value_to_every_cell() {
    let book = open_messy();
    assert_eq!(
        book.rows[0][6],
        Cell::Text("Statement of Applicability".into())
    );
    assert_eq!(
        book.rows[6][5],
        Cell::Text("Jane Doe".into()),
        "F7 is inside F6:F7"
    );
    assert_eq!(book.merges.len(), 3);
}

#[test]
fn data_rows_skip_the_group_row_the_blank_row_and_the_note() {
    let book = open_messy();
    let m = detect(&book, Kind::Soa).unwrap();
    let got = rows(&book, &m);
    let numbers: Vec<u32> = got.iter().map(|r| r.row).collect();
    let expected: Vec<u32> = (6..6 + SOA.len() as u32).collect();
    assert_eq!(
        numbers, expected,
        "row 5 is a merged group title, row 21 a note"
    );
    assert_eq!(got[0].address("applicable"), "'SoA  '!C6");
}

#[test]
fn every_control_id_and_yes_no_form_cleans() {
    let book = open_messy();
    let got = rows(&book, &detect(&book, Kind::Soa).unwrap());
    for (i, (record, (written, applicable))) in got.iter().zip(SOA).enumerate() {
        assert_eq!(
            control_id(record.cell("control_id")),
            Ok(format!("5.{}", i + 1)),
            "{written}"
        );
        let yes = i < 7;
        let want = applicable.map(|_| yes);
        assert_eq!(
            flag(record.cell("applicable")),
            Ok(want),
            "{written}: {applicable:?}"
        );
    }
    assert_eq!(
        got[2].cell("applicable"),
        &Cell::Bool(true),
        "typed booleans stay typed"
    );
}

#[test]
fn dates_typed_european_serial_and_iso_are_the_same_day() {
    let book = open_messy();
    let day = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
    assert!(
        matches!(book.rows[5][6], Cell::Date(_)),
        "{:?}",
        book.rows[5][6]
    );
    assert_eq!(book.rows[7][6], Cell::Number(46112.0));
    for r in 5..9 {
        assert_eq!(date(&book.rows[r][6]), Ok(Some(day)), "G{}", r + 1);
    }
}

#[test]
fn formula_results_errors_and_several_values_read_as_cached() {
    let book = open_messy();
    assert_eq!(
        book.rows[9][1],
        Cell::Text("PEOPLE SCREENING".into()),
        "the cached result"
    );
    assert_eq!(
        book.rows[9][3],
        Cell::Error("#N/A".into()),
        "a cached error"
    );
    assert_eq!(text(&book.rows[9][3]), None, "#N/A is blank where optional");
    assert_eq!(text(&book.rows[10][3]), None, "typed #N/A too");
    assert_eq!(
        text(&book.rows[11][3]).as_deref(),
        Some("Not needed: no cloud services")
    );
    assert_eq!(
        split(&book.rows[7][5]),
        ["Jane Doe", "John Roe", "Ana", "Bo"]
    );
}
