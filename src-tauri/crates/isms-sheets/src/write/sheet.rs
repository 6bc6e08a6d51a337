//! One worksheet as the registers describe it, and how it is laid into the workbook. A
//! register builds a [`Sheet`] (headers, widths by content, rows of [`Value`]s) from the
//! core's records; [`Sheet::write`] gives every sheet the same shape: a bold header row that
//! stays frozen, a filter over the columns, widths set from what the columns hold, dates as
//! real Excel dates with a date format.
//!
//! Every piece of user text goes through `write_string`, never a formula writer, so nothing
//! typed into the vault becomes a formula in the workbook. Text that a spreadsheet could still
//! take for one when it is edited or saved as CSV (beginning with `=`, `+`, `-`, `@`, a tab or a
//! carriage return) also gets Excel's quote prefix: the cell shows as text, the apostrophe is
//! not part of the value, so the text reads back exactly as it was written. A text longer than
//! a cell holds (32,767 characters) is cut with a note saying so, rather than failing the export.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use isms_core::people::Person;
use isms_core::{CoreError, ErrorCode, Result};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// The display format of every date cell: ISO, which every locale reads the same way.
pub const DATE_FORMAT: &str = "yyyy-mm-dd";

/// The characters that make a spreadsheet treat a cell's text as a formula (or DDE command).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The most characters Excel keeps in a cell.
pub const MAX_CELL_CHARS: usize = 32_767;

/// What ends a text cut to fit a cell.
pub const CUT_NOTE: &str = " … [cut to fit a spreadsheet cell; the full text is in ISMS Desk]";

/// `text`, or as much of it as a cell holds followed by [`CUT_NOTE`].
fn fit(text: &str) -> Cow<'_, str> {
    if text.chars().count() <= MAX_CELL_CHARS {
        return Cow::Borrowed(text);
    }
    let keep = MAX_CELL_CHARS - CUT_NOTE.chars().count();
    let mut cut: String = text.chars().take(keep).collect();
    cut.push_str(CUT_NOTE);
    Cow::Owned(cut)
}

/// Whether `text` could run as a formula if a spreadsheet re-parsed it.
pub fn is_risky(text: &str) -> bool {
    text.starts_with(FORMULA_STARTS)
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text, references and control ids included: always a string cell.
    Text(String),
    Number(f64),
    Date(NaiveDate),
    /// Nothing: the cell stays blank.
    Empty,
}

impl Value {
    pub fn text(s: impl Into<String>) -> Self {
        Value::Text(s.into())
    }

    pub fn date(d: Option<NaiveDate>) -> Self {
        d.map_or(Value::Empty, Value::Date)
    }

    pub fn number(n: Option<u32>) -> Self {
        n.map_or(Value::Empty, |n| Value::Number(f64::from(n)))
    }

    /// "Yes" or "No", words every importer of ours reads back.
    pub fn yes_no(b: bool) -> Self {
        Value::text(if b { "Yes" } else { "No" })
    }

    /// Several values in one cell, separated by "; ".
    pub fn list<S: AsRef<str>>(items: &[S]) -> Self {
        let parts: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
        Value::Text(parts.join("; "))
    }

    /// How many characters wide it shows.
    fn width(&self) -> usize {
        match self {
            Value::Text(s) => s.lines().map(|l| l.chars().count()).max().unwrap_or(0),
            Value::Number(n) => format!("{n}").len(),
            Value::Date(_) => DATE_FORMAT.len(),
            Value::Empty => 0,
        }
    }
}

/// A worksheet: a name, a header row and rows of values, each as long as the header.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// Columns are never narrower or wider than this many characters.
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

fn xlsx(err: &XlsxError) -> CoreError {
    CoreError::new(
        ErrorCode::Internal,
        format!("Cannot build the workbook: {err}"),
    )
}

impl Sheet {
    pub fn new(name: &str, headers: &[&str]) -> Self {
        Self {
            name: name.to_owned(),
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; it must have one value per header.
    pub fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.headers.len(), "row of {}", self.name);
        self.rows.push(row);
    }

    /// The width of column `col`: its longest value or header, within bounds.
    fn width(&self, col: usize) -> f64 {
        let header = self.headers[col].chars().count();
        let widest = self
            .rows
            .iter()
            .filter_map(|r| r.get(col))
            .map(Value::width)
            .max()
            .unwrap_or(0);
        // Header cells are bold and carry the filter's button: leave them room.
        let chars = (header + 3).max(widest + 1).clamp(MIN_WIDTH, MAX_WIDTH);
        chars as f64
    }

    /// Adds this sheet to `book`.
    pub fn write(&self, book: &mut Workbook, formats: &Formats) -> Result<()> {
        let ws = book.add_worksheet();
        self.fill(ws, formats).map_err(|e| xlsx(&e))
    }

    fn fill(&self, ws: &mut Worksheet, f: &Formats) -> std::result::Result<(), XlsxError> {
        ws.set_name(&self.name)?;
        for (col, header) in self.headers.iter().enumerate() {
            let col = col_num(col);
            let format = if is_risky(header) {
                &f.header_quoted
            } else {
                &f.header
            };
            ws.write_string_with_format(0, col, fit(header), format)?;
            ws.set_column_width(col, self.width(usize::from(col)))?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (col, value) in row.iter().enumerate() {
                let col = col_num(col);
                match value {
                    Value::Text(s) if s.is_empty() => {}
                    Value::Text(s) if is_risky(s) => {
                        ws.write_string_with_format(r, col, fit(s), &f.quoted)?;
                    }
                    Value::Text(s) => {
                        ws.write_string(r, col, fit(s))?;
                    }
                    Value::Number(n) => {
                        ws.write_number(r, col, *n)?;
                    }
                    Value::Date(d) => match excel_date(*d) {
                        Ok(day) => {
                            ws.write_datetime_with_format(r, col, day, &f.date)?;
                        }
                        // Excel has no day before 1900 or after 9999: ISO text keeps it readable.
                        Err(_) => {
                            ws.write_string(r, col, d.to_string())?;
                        }
                    },
                    Value::Empty => {}
                }
            }
        }
        let last_col = col_num(self.headers.len().saturating_sub(1));
        let last_row = u32::try_from(self.rows.len()).unwrap_or(u32::MAX);
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, last_row, last_col)?;
        Ok(())
    }
}

fn col_num(col: usize) -> u16 {
    u16::try_from(col).unwrap_or(u16::MAX)
}

fn excel_date(d: NaiveDate) -> std::result::Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    // Month and day are 1–12 and 1–31, so they fit.
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

/// The formats every sheet shares.
pub struct Formats {
    header: Format,
    header_quoted: Format,
    quoted: Format,
    date: Format,
}

impl Default for Formats {
    fn default() -> Self {
        Self {
            header: Format::new().set_bold(),
            header_quoted: Format::new().set_bold().set_quote_prefix(),
            quoted: Format::new().set_quote_prefix(),
            date: Format::new().set_num_format(DATE_FORMAT),
        }
    }
}

/// People by id, for writing owners by name with their e-mail beside.
pub struct People(Vec<Person>);

impl People {
    pub fn new(mut people: Vec<Person>) -> Self {
        people.sort_by_key(|p| p.id);
        Self(people)
    }

    pub fn get(&self, id: Option<i64>) -> Option<&Person> {
        let id = id?;
        self.0
            .binary_search_by_key(&id, |p| p.id)
            .ok()
            .map(|i| &self.0[i])
    }

    /// The person's name, or blank.
    pub fn name(&self, id: Option<i64>) -> Value {
        self.get(id).map_or(Value::Empty, |p| Value::text(&p.name))
    }

    /// The person's e-mail, or blank.
    pub fn email(&self, id: Option<i64>) -> Value {
        self.get(id).map_or(Value::Empty, |p| Value::text(&p.email))
    }

    pub fn all(&self) -> &[Person] {
        &self.0
    }
}

/// Orders references like R-2 before R-10: by their text with digit runs compared as numbers.
pub fn by_reference(a: &str, b: &str) -> std::cmp::Ordering {
    fn key(s: &str) -> Vec<(String, u64)> {
        let mut out = Vec::new();
        let mut text = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii_digit() {
                let mut n = u64::from(c.to_digit(10).unwrap_or(0));
                while let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    n = n.saturating_mul(10).saturating_add(u64::from(d));
                    chars.next();
                }
                out.push((std::mem::take(&mut text).to_lowercase(), n));
            } else {
                text.push(c);
            }
        }
        out.push((text.to_lowercase(), 0));
        out
    }
    key(a).cmp(&key(b))
}
