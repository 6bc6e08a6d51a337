//! CSV: the delimiter and the encoding detected, quoted cells, the sheet named after the file.

use isms_sheets::read::{Cell, Format};

use super::fixtures::{read_csv, texts};

#[test]
fn a_comma_file_in_utf8_reads_with_quoted_commas_and_newlines_kept() {
    let book = read_csv(
        b"Control ID,Applicable,Justification\nA.5.1,Yes,\"Policy, approved\"\nA.5.2,No,\"two\nlines\"\n",
    );
    assert_eq!(book.format, Format::Csv);
    assert_eq!(book.delimiter, Some(','));
    assert_eq!(book.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(
        book.sheet, "register",
        "a CSV's one sheet is named after the file"
    );
    assert_eq!(
        texts(&book),
        [
            ["Control ID", "Applicable", "Justification"],
            ["A.5.1", "Yes", "Policy, approved"],
            ["A.5.2", "No", "two\nlines"],
        ]
    );
    assert_eq!(
        book.rows[1][0],
        Cell::Text("A.5.1".into()),
        "CSV cells are text"
    );
}

#[test]
fn a_semicolon_file_with_decimal_commas_is_read_on_semicolons() {
    let book = read_csv(b"Title;Likelihood;Score\nPhishing;4;1,5\nFlood;2;2,5\nFire;1;0,5\n");
    assert_eq!(
        book.delimiter,
        Some(';'),
        "one semicolon on every line beats commas on some"
    );
    assert_eq!(texts(&book)[1], ["Phishing", "4", "1,5"]);
}

#[test]
fn a_title_line_above_a_semicolon_table_does_not_mislead_the_sniffer() {
    let book =
        read_csv(b"Risk register, Acme Ltd\n\nRef;Title;Owner\nR-1;Phishing;Jane\nR-2;Flood;Ana\n");
    assert_eq!(book.delimiter, Some(';'));
    assert_eq!(texts(&book)[0], ["Risk register, Acme Ltd"]);
    assert!(
        book.rows[1].is_empty(),
        "the blank line stays a blank row 2"
    );
    assert_eq!(texts(&book)[2], ["Ref", "Title", "Owner"]);
}

#[test]
fn utf8_with_a_byte_order_mark_loses_the_mark() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice("Name;E-mail\nRené Løvstad;rene@acme.example\n".as_bytes());
    let book = read_csv(&bytes);
    assert_eq!(book.encoding.as_deref(), Some("UTF-8 with BOM"));
    assert_eq!(
        texts(&book)[0][0],
        "Name",
        "no BOM glued to the first header"
    );
    assert_eq!(texts(&book)[1][0], "René Løvstad");
}

#[test]
fn windows_1252_bytes_are_decoded_as_excel_wrote_them() {
    // é = E9, ø = F8, ß = DF, € = 80 in Windows-1252; none is valid UTF-8 on its own.
    let book = read_csv(b"Name;City;Street;Budget\nJos\xE9;K\xF8benhavn;Stra\xDFe 1;100 \x80\n");
    assert_eq!(book.encoding.as_deref(), Some("windows-1252"));
    assert_eq!(texts(&book)[1], ["José", "København", "Straße 1", "100 €"]);
}

#[test]
fn utf16_with_a_byte_order_mark_and_tabs_reads_too() {
    let text = "Name\tE-mail\nJosé\tjose@acme.example\n";
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let book = read_csv(&bytes);
    assert_eq!(book.encoding.as_deref(), Some("UTF-16LE"));
    assert_eq!(book.delimiter, Some('\t'));
    assert_eq!(texts(&book)[1], ["José", "jose@acme.example"]);
}

#[test]
fn a_broken_quote_and_binary_bytes_are_refused_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let path = super::fixtures::write(dir.path(), "x.csv", b"a,b\n\x00\x01\x02,\x00\n");
    let message =
        super::fixtures::refused(isms_sheets::read::open(&path, None, Default::default()));
    assert!(message.contains("not text"), "{message}");
}

#[test]
fn blank_lines_keep_their_row_numbers_with_lf_and_crlf_endings() {
    for text in [
        &b"a;b\nc;d\n\ne;f\n"[..],
        b"a;b\r\nc;d\r\n\r\ne;f\r\n",
        b"\na;b\nc;d\n\ne;f",
    ] {
        let book = read_csv(text);
        let found: Vec<usize> = (0..book.rows.len())
            .filter(|&r| !book.rows[r].is_empty())
            .collect();
        let first = found[0];
        assert_eq!(
            found,
            [first, first + 1, first + 3],
            "{:?}",
            String::from_utf8_lossy(text)
        );
        assert_eq!(texts(&book)[first + 3], ["e", "f"]);
    }
}
