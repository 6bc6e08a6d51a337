//! The rows an import of training completions or acknowledgements reads, and the limits every
//! import of an outside file keeps: the spreadsheet reader (`isms-sheets`, which the app and
//! the CLI read these files through, CSV or XLSX) takes its file, row, column and cell limits
//! from here, so the register importer and these imports refuse the same files. A [`Table`]
//! parsed from CSV text here (the text a test or a caller already holds) is bounded the same
//! way, row by row as it is read.

use crate::error::{CoreError, FieldError, Result};

/// The largest file an import reads.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Rows of a sheet or CSV file, the header included.
pub const MAX_ROWS: u32 = 100_000;
/// Columns, counted to the last one holding a value.
pub const MAX_COLUMNS: u32 = 500;
/// Cells kept, each row counted to its last value.
pub const MAX_CELLS: u64 = 2_000_000;
/// The text of one cell, in UTF-8 bytes: Excel's 32,767 characters, three bytes each at most.
pub const MAX_CELL_BYTES: u32 = 32_767 * 3;
/// Fields of one CSV record, empty ones included: Excel's 16,384 columns. The CSV parser
/// keeps a position per field, so a line of millions of delimiters would cost gigabytes.
pub const MAX_FIELDS: usize = 16_384;

/// An import's rows: the header row's names (trimmed, lower case), then each data row with
/// its number as the spreadsheet shows it (the header is row 1), its cells trimmed. Blank rows
/// are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<(u32, Vec<String>)>,
}

impl Table {
    /// The table of `header` and `rows` (each with its row number), as a reader found them:
    /// names and cells trimmed, blank rows left out. Errors: `Validation` past the limits.
    pub fn new(header: Vec<String>, rows: Vec<(u32, Vec<String>)>) -> Result<Table> {
        let mut table = Table {
            columns: header.iter().map(|h| h.trim().to_lowercase()).collect(),
            rows: Vec::with_capacity(rows.len().min(MAX_ROWS as usize)),
        };
        let mut cells = table.columns.len() as u64;
        for (row, values) in rows {
            table.push(row, values.into_iter(), &mut cells)?;
        }
        Ok(table)
    }

    /// Parses CSV text (comma-separated, UTF-8, an optional byte-order mark), refusing it past
    /// the limits as it reads. Errors: `Validation` naming the row for unreadable CSV.
    pub fn parse(text: &str) -> Result<Table> {
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(too_big(format!(
                "The file is {} MB; files up to {} MB can be imported.",
                text.len() as u64 / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            )));
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        check_csv(text, b',')?;
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let header = reader
            .headers()
            .map_err(|e| bad_row(1, format!("The file is not readable as CSV: {e}")))?
            .iter()
            .map(str::to_owned)
            .collect();
        let mut table = Table::new(header, Vec::new())?;
        let mut cells = table.columns.len() as u64;
        let mut record = csv::StringRecord::new();
        let mut row = 1u32;
        loop {
            row += 1;
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => table.push(row, record.iter().map(str::to_owned), &mut cells)?,
                Err(e) => return Err(bad_row(row, format!("Unreadable row: {e}"))),
            }
        }
        Ok(table)
    }

    /// Adds data row `row` unless it is blank; `cells` counts the cells kept so far.
    fn push(
        &mut self,
        row: u32,
        values: impl Iterator<Item = String>,
        cells: &mut u64,
    ) -> Result<()> {
        if row > MAX_ROWS {
            return Err(too_big(format!(
                "The file has more than {} rows; files up to that size can be imported (split \
                 it).",
                grouped(MAX_ROWS as u64)
            )));
        }
        let mut kept = Vec::new();
        for (column, value) in values.enumerate() {
            let value = value.trim();
            if value.is_empty() {
                kept.push(String::new());
                continue;
            }
            if column >= MAX_COLUMNS as usize {
                return Err(too_big(format!(
                    "Row {row} has values in more than {MAX_COLUMNS} columns; delete the \
                     unused columns."
                )));
            }
            kept.push(value.to_owned());
        }
        let width = kept
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |last| last + 1);
        if width == 0 {
            return Ok(());
        }
        *cells += width as u64;
        if *cells > MAX_CELLS {
            return Err(too_big(format!(
                "The file holds more than {} cells; files up to that size can be imported.",
                grouped(MAX_CELLS)
            )));
        }
        kept.truncate(width);
        self.rows.push((row, kept));
        Ok(())
    }
}

/// Where a CSV scan is: quotes open a field only at its start, `""` inside one is a quote.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Start,
    Plain,
    Quoted,
    /// A quote inside a quoted field: its end, or the first of `""`.
    QuoteInQuoted,
}

/// Scans CSV text before it is parsed, as the parser will read it, refusing a record of more
/// than [`MAX_FIELDS`] fields or a field longer than twice [`MAX_CELL_BYTES`] (a quoted
/// field's quotes are doubled): both would be held whole by the parser before any limit on
/// cells could see them. Errors: `Validation` about the file, naming the line.
pub fn check_csv(text: &str, delimiter: u8) -> Result<()> {
    let bytes = text.as_bytes();
    let max_field = 2 * MAX_CELL_BYTES as usize;
    let (mut state, mut fields, mut start, mut line, mut i) = (Field::Start, 1usize, 0, 1u64, 0);
    let too_long = |line: u64| {
        too_big(format!(
            "Line {line} holds a value longer than any cell can hold (Excel's limit is 32,767 \
             characters); it is refused before it is read."
        ))
    };
    while i < bytes.len() {
        match state {
            Field::Start if bytes[i] == b'"' => {
                state = Field::Quoted;
                i += 1;
            }
            Field::Start | Field::Plain => {
                let next = memchr::memchr3(delimiter, b'\n', b'\r', &bytes[i..]);
                let end = next.map_or(bytes.len(), |k| i + k);
                if end - start > max_field {
                    return Err(too_long(line));
                }
                let Some(&b) = bytes.get(end) else { break };
                if b == delimiter {
                    fields += 1;
                    if fields > MAX_FIELDS {
                        return Err(too_big(format!(
                            "Line {line} has more than {} fields; no spreadsheet has that many \
                             columns.",
                            grouped(MAX_FIELDS as u64)
                        )));
                    }
                } else {
                    fields = 1;
                    line += u64::from(b == b'\n');
                }
                state = Field::Start;
                i = end + 1;
                start = i;
            }
            Field::Quoted => match memchr::memchr(b'"', &bytes[i..]) {
                Some(k) if i + k - start <= max_field => {
                    i += k + 1;
                    state = Field::QuoteInQuoted;
                }
                _ => return Err(too_long(line)),
            },
            Field::QuoteInQuoted if bytes[i] == b'"' => {
                state = Field::Quoted;
                i += 1;
            }
            Field::QuoteInQuoted => state = Field::Plain,
        }
    }
    if state == Field::Quoted && bytes.len() - start > max_field {
        return Err(too_long(line));
    }
    Ok(())
}

fn bad_row(row: u32, message: String) -> CoreError {
    CoreError::validation(vec![FieldError::new(&format!("row {row}"), message)])
}

fn too_big(message: String) -> CoreError {
    CoreError::validation(vec![FieldError::new("file", message)])
}

/// 100000 → "100,000".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
