//! The budget on what a file may make the reader hold: the text of one cell and of the whole
//! sheet (shared strings and merged ranges counted per cell), the markup calamine would
//! buffer (tags, attributes, comments, text runs), the shared string table and merged ranges,
//! and CSV records. Each refusal names its limit; the memory each bomb costs at full size is
//! measured in `read_memory`. Real workbooks at Excel's own limits still read.

use isms_sheets::read::{Cell, Kind, Limits, detect, open, rows};

use super::fixtures::{read_csv, refused, rewrite_zip, tiny_xlsx, write};

/// A workbook whose sheet XML is `tiny_xlsx`'s with `change` made to its text.
fn edited(
    dir: &std::path::Path,
    part: &str,
    change: impl Fn(String) -> String,
) -> std::path::PathBuf {
    let plain = dir.join("plain.xlsx");
    tiny_xlsx(&plain);
    let path = dir.join("edited.xlsx");
    rewrite_zip(&plain, &path, |name, bytes| {
        if name == part {
            change(String::from_utf8(bytes).unwrap()).into_bytes()
        } else {
            bytes
        }
    });
    path
}

#[test]
fn a_cell_at_excels_limit_reads_and_a_longer_one_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Risks").unwrap();
    sheet.write_string(0, 0, "Title").unwrap();
    sheet.write_string(1, 0, "€".repeat(32_767)).unwrap();
    book.save(&path).unwrap();
    let read = open(&path, None, Limits::default()).unwrap();
    assert_eq!(
        read.rows[1][0],
        Cell::Text("€".repeat(32_767)),
        "32,767 characters of three bytes each: Excel's largest cell"
    );
    let long = edited(dir.path(), "xl/sharedStrings.xml", |xml| {
        xml.replace("A.5.1", &"x".repeat(100_000))
    });
    let message = refused(open(&long, None, Limits::default()));
    assert!(
        message.contains(
            "Sheet1!A2 holds 100,000 bytes of text; a cell may hold at most 98,301 bytes"
        ),
        "{message}"
    );
}

#[test]
fn a_shared_string_counts_at_every_cell_that_uses_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for r in 0..100u32 {
        sheet.write_string(r, 0, "x".repeat(1000)).unwrap();
    }
    book.save(&path).unwrap();
    let tight = Limits {
        max_text_bytes: 50_000,
        ..Limits::default()
    };
    let message = refused(open(&path, None, tight));
    assert!(
        message.contains("expands to more than 50,000 bytes of cell text"),
        "one string of 1,000 bytes held once, copied into 100 cells: {message}"
    );
    assert_eq!(
        open(&path, None, Limits::default()).unwrap().rows.len(),
        100
    );
}

#[test]
fn a_merged_range_counts_its_value_at_every_cell_it_covers() {
    let dir = tempfile::tempdir().unwrap();
    let path = edited(dir.path(), "xl/worksheets/sheet1.xml", |xml| {
        xml.replace(
            "</sheetData>",
            r#"<row r="300"><c r="J300"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A2:J300"/></mergeCells>"#,
        )
    });
    let tight = Limits {
        max_text_bytes: 10_000,
        ..Limits::default()
    };
    let message = refused(open(&path, None, tight));
    assert!(
        message.contains("more than 10,000 bytes of cell text"),
        "{message}"
    );
    let read = open(&path, None, Limits::default()).unwrap();
    assert_eq!(
        read.cell(299, 8),
        &Cell::Text("A.5.1".into()),
        "filled within the data"
    );
    let few = Limits {
        max_merges: 0,
        ..Limits::default()
    };
    assert!(refused(open(&path, None, few)).contains("more than 0 merged ranges"));
}

#[test]
fn markup_calamine_would_buffer_whole_is_refused_before_it_is_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = "xl/worksheets/sheet1.xml";
    let comment = edited(dir.path(), sheet, |xml| {
        xml.replace(
            "<sheetData>",
            &format!("<sheetData><!--{}-->", "-".repeat(2 << 20)),
        )
    });
    let message = refused(open(&comment, None, Limits::default()));
    assert!(message.contains("longer than 1 MB"), "{message}");

    let attributes: String = (0..300).map(|i| format!(" a{i}=\"1\"")).collect();
    let wide = edited(dir.path(), sheet, |xml| {
        xml.replacen("<c ", &format!("<c{attributes} "), 1)
    });
    let message = refused(open(&wide, None, Limits::default()));
    assert!(message.contains("more than 256 attributes"), "{message}");

    let text = edited(dir.path(), sheet, |xml| {
        xml.replace(
            "<sheetData>",
            &format!("<sheetData>{}", " ".repeat(1 << 20)),
        )
    });
    let message = refused(open(&text, None, Limits::default()));
    assert!(message.contains("run of text longer than"), "{message}");

    let runs = edited(dir.path(), "xl/sharedStrings.xml", |xml| {
        let run = format!("<r><t>{}</t></r>", "y".repeat(50_000));
        xml.replace("<t>A.5.1</t>", &run.repeat(20))
    });
    let message = refused(open(&runs, None, Limits::default()));
    assert!(
        message.contains("holds a cell longer than"),
        "a shared string of many runs, each short: {message}"
    );

    let declared = edited(dir.path(), "xl/sharedStrings.xml", |xml| {
        xml.replacen("uniqueCount=\"", "uniqueCount=\"99999999999", 1)
    });
    let message = refused(open(&declared, None, Limits::default()));
    assert!(message.contains("more than 1,000,000 strings"), "{message}");
}

#[test]
fn csv_records_too_wide_or_too_long_are_refused_before_they_are_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let mut wide = String::from("Name,E-mail\n");
    wide.push_str(&",".repeat(1_000_000));
    let message = refused(open(
        &write(dir.path(), "wide.csv", wide.as_bytes()),
        None,
        Limits::default(),
    ));
    assert!(
        message.contains("Line 2 has more than 16,384 fields"),
        "{message}"
    );
    let long = format!("Name,Notes\nAnna,\"{}\"\n", "z".repeat(300_000));
    let message = refused(open(
        &write(dir.path(), "long.csv", long.as_bytes()),
        None,
        Limits::default(),
    ));
    assert!(message.contains("Line 2 holds a value longer"), "{message}");
    let stray =
        read_csv(b"Item,Size\nLaptop 15\" screen,1\nDesk \"oak\",2\n\"A, B\",\"3 \"\"x\"\"\"\n");
    assert_eq!(
        stray.rows.len(),
        4,
        "quotes inside a value are kept as text"
    );
    assert_eq!(stray.rows[3][1], Cell::Text("3 \"x\"".into()));
}

#[test]
fn training_files_are_read_as_tables_like_any_register() {
    let dir = tempfile::tempdir().unwrap();
    // Excel on Western European Windows: semicolons, Windows-1252 ("é" is 0xE9).
    let bytes = b"E-mail;Course;Date\r\nren\xe9@acme.example;Awareness;2026-03-02\r\n;;\r\nbo@acme.example;Awareness;2026-03-03\r\n";
    let path = write(dir.path(), "training.csv", bytes);
    let read = table(&path, Limits::default()).unwrap();
    assert_eq!(read.columns, ["e-mail", "course", "date"]);
    assert_eq!(
        read.rows,
        [
            (
                2,
                vec![
                    "rené@acme.example".to_owned(),
                    "Awareness".into(),
                    "2026-03-02".into()
                ]
            ),
            (
                4,
                vec![
                    "bo@acme.example".to_owned(),
                    "Awareness".into(),
                    "2026-03-03".into()
                ]
            ),
        ],
        "rows numbered as the spreadsheet shows them, the blank row left out"
    );
    let tight = Limits {
        max_rows: 2,
        ..Limits::default()
    };
    assert!(refused_table(table(&path, tight)).contains("more than 2 rows"));
}

/// The training file as the importer reads it: its headers (lower case) and each data row
/// with its number as the spreadsheet shows it and its cells as a person reads them.
#[derive(Debug)]
struct Table {
    columns: Vec<String>,
    rows: Vec<(u32, Vec<String>)>,
}

fn table(path: &std::path::Path, limits: Limits) -> isms_core::Result<Table> {
    let book = open(path, None, limits)?;
    let mapping = detect(&book, Kind::Training)?;
    let columns = mapping
        .columns
        .iter()
        .map(|c| c.header.to_lowercase())
        .collect();
    let rows = rows(&book, &mapping)
        .into_iter()
        .map(|r| (r.row, r.values.iter().map(|v| v.cell.display()).collect()))
        .collect();
    Ok(Table { columns, rows })
}

fn refused_table(result: isms_core::Result<Table>) -> String {
    let err = result.expect_err("refused");
    assert_eq!(err.code, isms_core::ErrorCode::Validation);
    err.message
}
