//! CSV files as spreadsheet tools write them: the encoding detected (UTF-8 with or without a
//! byte-order mark, UTF-16 with one, else Windows-1252, which is what Excel writes on Western
//! European Windows) and the delimiter sniffed (comma, semicolon, or tab) from the first
//! lines, counting outside quotes and preferring the one used the same number of times on
//! most lines, so decimal commas in a semicolon file do not mislead it. Every cell is text.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
use isms_core::Result;

use super::{Budget, Cell, Format, Limits, Workbook, refuse};

/// Reads the file's bytes, taken so they are freed as soon as the text is decoded.
pub(super) fn read(bytes: Vec<u8>, name: &str, limits: Limits) -> Result<Workbook> {
    let (text, encoding) = decode(bytes);
    if text.contains('\0') {
        return Err(refuse(
            "This file is not text (it holds binary bytes); choose an XLSX or CSV file.",
        ));
    }
    let delimiter = sniff(&text);
    // The parser holds a record's fields whole: a line of millions of delimiters, or one
    // value of a hundred megabytes, is refused before it is parsed.
    super::check_csv(&text, delimiter)?;
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut budget = Budget::new(limits);
    let mut record = ::csv::StringRecord::new();
    let mut index = 0usize;
    // The csv crate skips blank lines; a spreadsheet shows each as an empty row, and the row
    // numbers of errors must match it, so they are counted back in from where the record
    // starts (after a CR ending the previous record, its LF is no blank line).
    let bytes = text.as_bytes();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                return Err(refuse(format!(
                    "Row {} cannot be read as CSV: {e}",
                    index + 1
                )));
            }
        }
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        if start > 0 && bytes.get(start - 1) == Some(&b'\r') && bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        index += bytes[start.min(bytes.len())..]
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .filter(|b| **b == b'\n')
            .count();
        let last = (0..record.len()).rposition(|i| !record[i].trim().is_empty());
        if let Some(last) = last {
            budget.place(name, &mut rows, index, last)?;
            for (at, value) in record.iter().take(last + 1).enumerate() {
                if !value.is_empty() {
                    budget.text(name, index, at, value.len())?;
                    rows[index][at] = Cell::Text(value.to_owned());
                }
            }
        } else if index >= limits.max_rows as usize {
            // Rows of only delimiters count too: a million of them is refused as well.
            budget.place(name, &mut rows, index, 0)?;
        }
        index += 1;
    }
    Ok(Workbook {
        format: Format::Csv,
        sheet: name.to_owned(),
        sheets: vec![name.to_owned()],
        rows,
        merges: Vec::new(),
        encoding: Some(encoding.to_owned()),
        delimiter: Some(delimiter as char),
    })
}

/// The text and the name of its encoding; UTF-8 is taken as it is, without a copy.
pub(super) fn decode(mut bytes: Vec<u8>) -> (String, &'static str) {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
        return match String::from_utf8(bytes) {
            Ok(text) => (text, "UTF-8 with BOM"),
            Err(e) => (
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                "UTF-8 with BOM",
            ),
        };
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return (
            UTF_16LE.decode_with_bom_removal(&bytes).0.into_owned(),
            "UTF-16LE",
        );
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return (
            UTF_16BE.decode_with_bom_removal(&bytes).0.into_owned(),
            "UTF-16BE",
        );
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text, "UTF-8"),
        Err(e) => {
            let bytes = e.into_bytes();
            (WINDOWS_1252.decode(&bytes).0.into_owned(), "windows-1252")
        }
    }
}

/// The delimiter of the first 30 non-blank lines: for each candidate, the count most lines
/// share (outside quotes); the candidate on the most such lines wins, then the larger count,
/// then the comma.
pub(super) fn sniff(text: &str) -> u8 {
    const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];
    let mut counts: Vec<[usize; 3]> = Vec::new();
    let mut line = [0usize; 3];
    let mut quoted = false;
    let mut filled = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                if filled {
                    counts.push(line);
                    if counts.len() == 30 {
                        break;
                    }
                }
                line = [0; 3];
                filled = false;
            }
            b'\r' | b' ' => {}
            _ if !quoted => {
                filled = true;
                if let Some(i) = CANDIDATES.iter().position(|c| *c == b) {
                    line[i] += 1;
                }
            }
            _ => filled = true,
        }
    }
    if filled && counts.len() < 30 {
        counts.push(line);
    }
    let mut best = (0usize, 0usize, b',');
    for (i, candidate) in CANDIDATES.iter().enumerate() {
        let mut tally: Vec<(usize, usize)> = Vec::new();
        for c in counts.iter().map(|l| l[i]).filter(|n| *n > 0) {
            match tally.iter_mut().find(|(n, _)| *n == c) {
                Some(t) => t.1 += 1,
                None => tally.push((c, 1)),
            }
        }
        let Some(&(count, lines)) = tally.iter().max_by_key(|(n, lines)| (*lines, *n)) else {
            continue;
        };
        if (lines, count) > (best.0, best.1) {
            best = (lines, count, *candidate);
        }
    }
    best.2
}
