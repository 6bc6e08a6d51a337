//! One spreadsheet cell as the reader hands it on: typed like calamine's values (text, number,
//! boolean, date, an error such as `#N/A`, or nothing), whatever the file format. CSV cells are
//! always text; XLSX cells keep their type, and a formula cell holds its cached result. The
//! cleaners in `clean` turn cells into the values of a register.

use chrono::NaiveDateTime;
use serde::Serialize;

/// A cell's value.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Cell {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A date or date-time typed as such in the workbook (its number format is a date's).
    Date(NaiveDateTime),
    /// An error value such as `#N/A` or `#REF!`, as Excel shows it.
    Error(String),
}

impl Cell {
    /// Nothing in it: empty, or text of only (non-breaking) spaces.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => trim(t).is_empty(),
            _ => false,
        }
    }

    /// The cell as a person reads it: numbers without a needless `.0`, dates as ISO.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => number_text(*n),
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
            Cell::Date(d) if d.time() == chrono::NaiveTime::MIN => d.date().to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d %H:%M:%S").to_string(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// `3.0` → "3", `5.1` → "5.1": the shortest text that reads back as the same number.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Trims spaces including the non-breaking ones (U+00A0, U+202F, U+2007) that pasted text
/// brings, and the zero-width space and byte-order mark.
pub fn trim(text: &str) -> &str {
    text.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{200b}' | '\u{feff}'
            )
    })
}

/// Column letters as Excel shows them: 0 → "A", 25 → "Z", 26 → "AA".
pub fn column_letters(column: usize) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// A cell's address as Excel writes it in a formula: `Risks!D7`, `'Risk register'!D7`.
pub fn address(sheet: &str, row: u32, column: usize) -> String {
    let plain = sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
    let sheet = if plain {
        sheet.to_owned()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    };
    format!("{sheet}!{}{row}", column_letters(column))
}
