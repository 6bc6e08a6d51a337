//! Reading real-world registers. [`open`] reads one sheet of an XLSX or CSV file into cells,
//! refusing hostile files (not a ZIP, zip bombs, DTDs, too many rows or cells) with a clear
//! validation error before they can cost much memory; [`header`] finds the header row;
//! [`mapping`] proposes which column is which field of a kind, or takes a mapping file;
//! [`rows`] hands on each data row with its sheet and row number; [`clean`] and [`dates`] turn
//! messy cells into values, [`notes`] a cell of dated progress notes (the format the export
//! writes); [`parts`] finds the sheets a register's workbook holds beside it (a risk register's
//! actions and approvals). The limits every import of an outside file keeps are set here,
//! once. Checking values against the vault and writing them is the importer's job, elsewhere.

mod budget;
pub mod cell;
pub mod clean;
mod controls;
mod csv;
pub mod dates;
pub mod fields;
mod guard;
pub mod header;
pub mod mapping;
mod mapping_file;
mod markup;
pub mod notes;
pub mod parts;
pub mod preview;
pub mod rows;
mod scan;
mod xlsx;

use std::path::Path;

use isms_core::{CoreError, ErrorCode, FieldError, Result};
use serde::Serialize;

use budget::Budget;
pub use cell::Cell;
pub use fields::{Field, Kind};
pub use header::{HeaderRow, find_header};
pub use mapping::{Column, Mapping, MappingFile, detect, propose_mapping};
pub use parts::{Part, Parts, parts};
pub use preview::{Choice, Preview, choose, preview};
pub use rows::{RowRecord, Value, overflow, rows};
pub use scan::check_csv;

/// How much a file may hold before it is refused. The defaults keep a read under about
/// 300 MB of memory whatever the file: calamine streams a sheet's XML but holds the shared
/// strings whole, and every cell read is a copy of its text (a shared string once per cell
/// that uses it, a merged range's value once per cell it covers), so the text the reader
/// materialises is counted against a budget as it is copied, never after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The file on disk.
    pub max_file_bytes: u64,
    /// One worksheet's XML, uncompressed (streamed, never held whole).
    pub max_sheet_xml_bytes: u64,
    /// Any other part of an XLSX, uncompressed (shared strings and styles are held whole).
    pub max_part_bytes: u64,
    /// All parts of an XLSX together, uncompressed.
    pub max_total_bytes: u64,
    /// Rows of the sheet, counted to the last row holding a value.
    pub max_rows: u32,
    /// Columns, counted to the last column holding a value.
    pub max_columns: u32,
    /// Cells kept (rows × their width up to their last value).
    pub max_cells: u64,
    /// The text of one cell, in UTF-8 bytes: Excel holds at most 32,767 characters in a
    /// cell, three bytes each at most (a character outside the BMP is two of Excel's).
    pub max_cell_bytes: u32,
    /// All cell text the reader copies out, in bytes: shared strings counted at every cell
    /// that refers to them, merged ranges at every cell they fill.
    pub max_text_bytes: u64,
    /// Entries of an XLSX's shared string table (held whole while the sheet is read).
    pub max_shared_strings: u32,
    /// Merged ranges of one sheet.
    pub max_merges: u32,
}

const MIB: u64 = 1024 * 1024;

/// The largest file an import reads.
pub const MAX_FILE_BYTES: u64 = 64 * MIB;
/// Rows of a sheet or CSV file, the header included.
pub const MAX_ROWS: u32 = 100_000;
/// Columns, counted to the last one holding a value.
pub const MAX_COLUMNS: u32 = 500;
/// Cells kept, each row counted to its last value.
pub const MAX_CELLS: u64 = 2_000_000;
/// The text of one cell, in UTF-8 bytes: Excel's 32,767 characters, three bytes each at most.
pub const MAX_CELL_BYTES: u32 = EXCEL_CELL_CHARACTERS * 3;
/// Fields of one CSV record, empty ones included: Excel's 16,384 columns. The CSV parser
/// keeps a position per field, so a line of millions of delimiters would cost gigabytes.
pub const MAX_FIELDS: usize = 16_384;

/// Excel's own limit on the characters of one cell.
pub const EXCEL_CELL_CHARACTERS: u32 = 32_767;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // The limits every import of an outside file keeps, set in one place.
            max_file_bytes: MAX_FILE_BYTES,
            max_sheet_xml_bytes: 160 * MIB,
            max_part_bytes: 48 * MIB,
            max_total_bytes: 256 * MIB,
            max_rows: MAX_ROWS,
            max_columns: MAX_COLUMNS,
            max_cells: MAX_CELLS,
            max_cell_bytes: MAX_CELL_BYTES,
            max_text_bytes: 64 * MIB,
            max_shared_strings: 1_000_000,
            max_merges: 50_000,
        }
    }
}

/// The file's format, told by its content more than by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Xlsx,
    Csv,
}

/// A merged range, 0-based and inclusive, as the XLSX declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Merge {
    pub first_row: u32,
    pub first_column: u32,
    pub last_row: u32,
    pub last_column: u32,
}

impl Merge {
    pub fn contains(&self, row: u32, column: u32) -> bool {
        (self.first_row..=self.last_row).contains(&row)
            && (self.first_column..=self.last_column).contains(&column)
    }
}

/// One sheet read whole: `rows[0]` is spreadsheet row 1, each row as wide as its last value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Workbook {
    pub format: Format,
    /// The sheet read, as the file names it (a CSV's is its file name without extension).
    pub sheet: String,
    /// Every sheet of the file, in order, for a sheet picker.
    pub sheets: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Merged ranges; their top-left value has been copied into each of their cells.
    pub merges: Vec<Merge>,
    /// A CSV's encoding and delimiter, as detected: "UTF-8", "UTF-8 with BOM", "windows-1252".
    pub encoding: Option<String>,
    pub delimiter: Option<char>,
}

static EMPTY: Cell = Cell::Empty;

impl Workbook {
    /// The cell at 0-based `row` and `column`; empty beyond the data.
    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .unwrap_or(&EMPTY)
    }

    /// The widest row's width.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

/// Reads one sheet of `path`: an XLSX (`sheet` names it, ignoring case and surrounding
/// spaces; the first sheet if `None`) or a CSV (one sheet; `sheet` is ignored). The format is
/// told from the first bytes: a ZIP is read as XLSX, anything else named `.xlsx` is refused,
/// and the rest is read as CSV.
///
/// Errors: `NotFound` or `Io` for the file itself; `Validation` (field `file`) for a file that
/// is not a readable spreadsheet, is hostile, or exceeds `limits`.
pub fn open(path: &Path, sheet: Option<&str>, limits: Limits) -> Result<Workbook> {
    if is_zip(path, limits)? {
        xlsx::read(path, sheet, limits)
    } else {
        read_csv(path, limits)
    }
}

/// Reads every sheet of `path` at once, in order, opening the file once: an XLSX's sheets,
/// or a CSV's one. The same checks and limits as [`open`], each sheet within its own.
pub fn open_all(path: &Path, limits: Limits) -> Result<Vec<Workbook>> {
    if is_zip(path, limits)? {
        xlsx::read_all(path, limits)
    } else {
        read_csv(path, limits).map(|one| vec![one])
    }
}

/// Whether `path` is read as XLSX (a ZIP), after the checks every file passes: its size, and
/// no other workbook format.
fn is_zip(path: &Path, limits: Limits) -> Result<bool> {
    let meta = std::fs::metadata(path).map_err(|e| file_error(path, &e))?;
    if meta.len() > limits.max_file_bytes {
        return Err(refuse(format!(
            "The file is {}; files up to {} can be imported.",
            size_text(meta.len()),
            size_text(limits.max_file_bytes)
        )));
    }
    let head = guard::first_bytes(path)?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if head.starts_with(b"PK") {
        Ok(true)
    } else if guard::is_ole(&head) {
        Err(refuse(
            "This is an Excel 97–2003 (.xls) or password-protected workbook; save it as .xlsx \
             without a password, or as CSV, and import that.",
        ))
    } else if matches!(ext.as_str(), "xlsx" | "xlsm" | "xltx" | "xls" | "ods") {
        Err(refuse(format!(
            "This file is named .{ext} but is not an Excel workbook (it is not a ZIP archive)."
        )))
    } else {
        Ok(false)
    }
}

/// [`open`] for an import of `kind`: with no sheet named, the first sheet whose header row
/// names every field the kind requires (a training export's "Completions" behind its matrix,
/// a template's data sheet behind its instructions), or the first sheet when none does, so its
/// errors say what it lacks. A named sheet, a CSV, or a first sheet that serves is read once.
///
/// Errors: as [`open`], for the sheet named or the first sheet; a later sheet that cannot be
/// read is passed over.
pub fn open_for(path: &Path, sheet: Option<&str>, kind: Kind, limits: Limits) -> Result<Workbook> {
    let first = open(path, sheet, limits)?;
    if sheet.is_some() || first.sheets.len() < 2 || serves(&first, kind) {
        return Ok(first);
    }
    for name in first.sheets.iter().filter(|s| !same_sheet(s, &first.sheet)) {
        if let Ok(book) = open(path, Some(name), limits)
            && serves(&book, kind)
        {
            return Ok(book);
        }
    }
    Ok(first)
}

/// Whether the sheet's header row, as found and proposed, fills every required field of `kind`.
fn serves(book: &Workbook, kind: Kind) -> bool {
    detect(book, kind).is_ok_and(|m| m.missing_required().is_empty())
}

fn read_csv(path: &Path, limits: Limits) -> Result<Workbook> {
    let bytes = std::fs::read(path).map_err(|e| file_error(path, &e))?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "CSV".to_owned());
    csv::read(bytes, &name, limits)
}

/// A validation error about the sheet read (field `sheet`): one that is not there, or not
/// the data sheet, so a caller can say how to choose another.
pub(crate) fn refuse_sheet(message: impl Into<String>) -> CoreError {
    CoreError::validation(vec![FieldError::new("sheet", message)])
}

/// A validation error about the file as a whole.
pub(crate) fn refuse(message: impl Into<String>) -> CoreError {
    CoreError::validation(vec![FieldError::new("file", message)])
}

fn file_error(path: &Path, err: &std::io::Error) -> CoreError {
    if err.kind() == std::io::ErrorKind::NotFound {
        CoreError::new(
            ErrorCode::NotFound,
            format!("There is no file {}.", path.display()),
        )
    } else {
        CoreError::io(&format!("Cannot read {}", path.display()), err)
    }
}

/// 67108864 → "64 MB", 100 → "100 bytes".
pub(crate) fn size_text(bytes: u64) -> String {
    if bytes >= MIB {
        format!("{} MB", bytes / MIB)
    } else {
        format!("{} bytes", group(bytes))
    }
}

/// 100000 → "100,000".
pub(crate) fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Sheet names compare ignoring case and surrounding (non-breaking) spaces.
pub(crate) fn same_sheet(a: &str, b: &str) -> bool {
    cell::trim(a).to_lowercase() == cell::trim(b).to_lowercase()
}
