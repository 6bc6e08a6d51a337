//! Reading a sheet beside a register's data sheet (a document register's Versions, a supplier
//! register's reviews and certificates, the measures' Results, the Role holders), which the
//! import of that register reads too when the workbook has it. [`sheets_beside`] opens them;
//! [`Table`] finds a sheet's header row by its columns' names ([`crate::read::fields::sides`])
//! and reads its rows, naming every problem by cell and header (`Versions!F3 (Approved on):
//! …`) like the data sheet's, so a bad cell on either sheet is reported in the same round and
//! nothing is written. The planners of the registers decide what the rows mean.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use isms_core::{FieldError, Result};

use super::owners::Owners;
use crate::read::cell::{Cell, address};
use crate::read::fields::rank;
use crate::read::fields::sides::{self, Side};
use crate::read::header::{SCAN_ROWS, headers_of};
use crate::read::{self, Format, Kind, Limits, Workbook, clean, dates};

/// The sheets a register's import reads beside its data sheet.
pub fn sides_of(kind: Kind) -> &'static [&'static Side] {
    match kind {
        Kind::Documents => &[&sides::VERSIONS],
        Kind::Suppliers => &[&sides::SUPPLIER_REVIEWS, &sides::CERTIFICATES],
        Kind::Measures => &[&sides::RESULTS],
        Kind::Competence => &[&sides::ROLE_HOLDERS],
        _ => &[],
    }
}

/// The sheets of the workbook at `path` that an import of `kind` reads beside `book`, its data
/// sheet (see [`sides_of`]), for [`super::Options::sheets`]: empty for a CSV or a workbook
/// without them.
///
/// Errors: the reader's own, for a sheet that cannot be read.
pub fn sheets_beside(path: &Path, book: &Workbook, kind: Kind) -> Result<Vec<Workbook>> {
    if book.format != Format::Xlsx {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for side in sides_of(kind) {
        let found = book.sheets.iter().find(|s| {
            !read::same_sheet(s, &book.sheet) && side.names.iter().any(|n| read::same_sheet(s, n))
        });
        if let Some(name) = found {
            out.push(read::open(path, Some(name), Limits::default())?);
        }
    }
    Ok(out)
}

/// The sheet among `sheets` that is `side`, if the workbook has it.
pub(crate) fn find<'a>(sheets: &'a [Workbook], side: &Side) -> Option<&'a Workbook> {
    sheets
        .iter()
        .find(|s| side.names.iter().any(|n| read::same_sheet(&s.sheet, n)))
}

/// A side sheet being read: where its header row is and which column holds which field.
pub(crate) struct Table<'a> {
    sheet: &'a Workbook,
    header: usize,
    /// Field name → its column index and header.
    columns: Vec<(&'static str, usize, String)>,
    pub errors: Vec<FieldError>,
}

impl<'a> Table<'a> {
    /// The sheet read as `side`: its header row is the first of the first rows naming every
    /// required column. Without one, a table with no rows and the problem said.
    pub fn new(sheet: &'a Workbook, side: &Side) -> Table<'a> {
        let required: Vec<_> = side.columns.iter().filter(|c| c.required).collect();
        for i in 0..sheet.rows.len().min(SCAN_ROWS) {
            let headers = headers_of(sheet, i);
            let mut columns: Vec<(&'static str, usize, String)> = Vec::new();
            for field in side.columns {
                let best = headers
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| !columns.iter().any(|c| c.1 == *j))
                    .filter_map(|(j, h)| rank(field, h).map(|r| (r, j)))
                    .min();
                if let Some((_, j)) = best {
                    columns.push((field.name, j, headers[j].clone()));
                }
            }
            if required
                .iter()
                .all(|r| columns.iter().any(|c| c.0 == r.name))
            {
                return Table {
                    sheet,
                    header: i,
                    columns,
                    errors: Vec::new(),
                };
            }
        }
        let labels: Vec<&str> = required.iter().map(|c| c.label).collect();
        let message = format!(
            "{}: no header row names its columns ({}); rename the sheet if it is not this \
             register's {}.",
            sheet.sheet,
            labels.join(", "),
            side.names[0]
        );
        Table {
            sheet,
            header: sheet.rows.len(),
            columns: Vec::new(),
            errors: vec![FieldError::new(&sheet.sheet, message)],
        }
    }

    /// The 0-based indices of the data rows that hold a value in a known column.
    pub fn rows(&self) -> Vec<usize> {
        (self.header + 1..self.sheet.rows.len())
            .filter(|&i| {
                self.columns
                    .iter()
                    .any(|c| !self.sheet.cell(i, c.1).is_empty())
            })
            .collect()
    }

    pub fn cell(&self, row: usize, field: &str) -> &'a Cell {
        static EMPTY: Cell = Cell::Empty;
        match self.columns.iter().find(|c| c.0 == field) {
            Some(c) => self.sheet.cell(row, c.1),
            None => &EMPTY,
        }
    }

    /// The cell's text, empty when blank or when the sheet has no such column.
    pub fn text(&self, row: usize, field: &str) -> String {
        clean::text(self.cell(row, field)).unwrap_or_default()
    }

    /// The address of `field`'s cell on `row` (`Versions!F3`), or of the row's first cell.
    pub fn at(&self, row: usize, field: &str) -> String {
        let column = self
            .columns
            .iter()
            .find(|c| c.0 == field)
            .map_or(0, |c| c.1);
        address(&self.sheet.sheet, row as u32 + 1, column)
    }

    /// Records a problem with `field`'s cell on `row`, named by address and header.
    pub fn error(&mut self, row: usize, field: &str, message: &str) {
        let at = self.at(row, field);
        let header = match self.columns.iter().find(|c| c.0 == field) {
            Some(c) if !c.2.is_empty() => format!(" ({})", c.2),
            _ => String::new(),
        };
        self.errors
            .push(FieldError::new(&at, format!("{at}{header}: {message}")));
    }

    /// The text of a required cell, or a problem when it is blank.
    pub fn required(&mut self, row: usize, field: &str, what: &str) -> Option<String> {
        let text = self.text(row, field);
        if text.is_empty() {
            self.error(row, field, &format!("{what} is needed here."));
            return None;
        }
        Some(text)
    }

    /// A day, `Some(None)` when blank, `None` with the problem recorded when not a date.
    pub fn date(&mut self, row: usize, field: &str) -> Option<Option<NaiveDate>> {
        match dates::date(self.cell(row, field)) {
            Ok(day) => Some(day),
            Err(message) => {
                self.error(row, field, &message);
                None
            }
        }
    }

    /// A cleaned value, or `None` with the problem recorded.
    pub fn read<T>(
        &mut self,
        row: usize,
        field: &str,
        clean: impl FnOnce(&Cell) -> std::result::Result<T, String>,
    ) -> Option<T> {
        match clean(self.cell(row, field)) {
            Ok(value) => Some(value),
            Err(message) => {
                self.error(row, field, &message);
                None
            }
        }
    }

    /// The person a row names by e-mail (`email_field`, preferred) or name: `Some(None)` when
    /// both are blank, `None` with the problem recorded when nobody (or several) answer to it.
    pub fn person(
        &mut self,
        owners: &Owners,
        row: usize,
        name_field: &str,
        email_field: &str,
    ) -> Option<Option<i64>> {
        let (field, text) = match self.text(row, email_field) {
            e if !e.is_empty() => (email_field, e),
            _ => (name_field, self.text(row, name_field)),
        };
        if text.is_empty() {
            return Some(None);
        }
        match owners.find(&text) {
            Ok(id) => Some(Some(id)),
            Err((_, message)) => {
                self.error(row, field, &message);
                None
            }
        }
    }
}

/// One error per record a side sheet names that no row of the data sheet does, at the first
/// cell naming it, in cell order: `first` holds, per record key, that cell and the name as
/// written; `used` the keys the data sheet's rows took; `say` words the problem after the cell.
pub(crate) fn not_on_data_sheet(
    first: &HashMap<String, (String, String)>,
    used: &HashSet<String>,
    say: impl Fn(&str) -> String,
) -> Vec<FieldError> {
    let mut unused: Vec<&(String, String)> = first
        .iter()
        .filter(|(k, _)| !used.contains(*k))
        .map(|(_, first)| first)
        .collect();
    unused.sort();
    unused
        .into_iter()
        .map(|(at, name)| FieldError::new(at, format!("{at}: {}", say(name))))
        .collect()
}
