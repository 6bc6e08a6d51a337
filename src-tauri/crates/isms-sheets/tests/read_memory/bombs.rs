//! Spreadsheet bombs: small files that would make the reader copy far more text than they
//! hold, each built as a stream (see `parts`) so building it costs the test little memory.

use std::io::Write;
use std::path::Path;

use super::parts::{SHEET_START, workbook};

const SHEET_END: &str = "</sheetData></worksheet>";

fn repeat(out: &mut dyn Write, byte: u8, mut len: usize) {
    let chunk = vec![byte; 1 << 20];
    while len > 0 {
        let n = len.min(chunk.len());
        out.write_all(&chunk[..n]).unwrap();
        len -= n;
    }
}

/// One shared string of `len` characters that each of `cells` cells (column A) refers to:
/// held once, copied once per cell.
pub fn shared_string(path: &Path, len: usize, cells: u32) {
    let strings = |out: &mut dyn Write| {
        write!(
            out,
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{cells}" uniqueCount="1"><si><t>"#
        )
        .unwrap();
        repeat(out, b'A', len);
        write!(out, "</t></si></sst>").unwrap();
    };
    workbook(path, Some(&strings), &|out| {
        write!(out, "{SHEET_START}").unwrap();
        for r in 1..=cells {
            write!(out, r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#).unwrap();
        }
        write!(out, "{SHEET_END}").unwrap();
    });
}

/// A value of `len` characters in A1, one in `last` (so the data reaches it), and one merged
/// range from A1 to `last` that would copy A1 into every cell it covers.
pub fn merged(path: &Path, len: usize, last_row: u32, last: &str) {
    workbook(path, None, &|out| {
        write!(
            out,
            r#"{SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>"#
        )
        .unwrap();
        repeat(out, b'M', len);
        write!(
            out,
            r#"</t></is></c></row><row r="{last_row}"><c r="{last}"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:{last}"/></mergeCells></worksheet>"#
        )
        .unwrap();
    });
}

/// One cell of `len` bytes of text, inline in the sheet.
pub fn huge_cell(path: &Path, len: usize) {
    workbook(path, None, &|out| {
        write!(
            out,
            r#"{SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>"#
        )
        .unwrap();
        repeat(out, b'H', len);
        write!(out, "</t></is></c></row>{SHEET_END}").unwrap();
    });
}

/// A cell whose start tag carries `n` distinct attributes (RUSTSEC-2026-0194's shape).
pub fn attributes(path: &Path, n: u32) {
    workbook(path, None, &|out| {
        write!(out, r#"{SHEET_START}<row r="1"><c r="A1""#).unwrap();
        for i in 0..n {
            write!(out, r#" a{i}="""#).unwrap();
        }
        write!(out, "><v>1</v></c></row>{SHEET_END}").unwrap();
    });
}

/// A shared string table that declares `n` strings and holds one: calamine reserves room
/// for as many as it declares.
pub fn declared_strings(path: &Path, n: u64) {
    let strings = move |out: &mut dyn Write| {
        write!(
            out,
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{n}" uniqueCount="{n}"><si><t>Risk</t></si></sst>"#
        )
        .unwrap();
    };
    workbook(path, Some(&strings), &|out| {
        write!(
            out,
            r#"{SHEET_START}<row r="1"><c r="A1" t="s"><v>0</v></c></row>{SHEET_END}"#
        )
        .unwrap();
    });
}
