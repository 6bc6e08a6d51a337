//! The data rows below the header, each with the sheet and the row number Excel shows, and
//! the raw cells of the mapped columns, so every error the importer finds can name sheet, row
//! and column: `Risks!D7: “Hgh” is not a likelihood: 1–5 or Rare, …`.
//!
//! A cell whose value the mapping gives a meaning to reads as that meaning.
//!
//! Skipped: blank rows (no mapped column filled) and note rows of a wide table (three or
//! more mapped columns) — a row whose only value sits in one cell, or in one merged range
//! across columns, like "Organizational controls" above a group of controls. A one-cell row
//! whose value is a control id in the control id column is kept: it is a control not decided
//! yet, not a note. The rows of a form tool's export (training, acknowledgements) are never
//! notes.

use isms_core::FieldError;
use serde::Serialize;

use super::cell::{Cell, address, column_letters};
use super::clean::control_id;
use super::mapping::Mapping;
use super::{Format, Merge, Workbook};

/// One mapped cell of a row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Value {
    pub field: &'static str,
    /// 0-based.
    pub column: usize,
    pub header: String,
    pub cell: Cell,
}

/// One data row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowRecord {
    pub sheet: String,
    /// 1-based, as the spreadsheet shows it.
    pub row: u32,
    pub values: Vec<Value>,
}

static EMPTY: Cell = Cell::Empty;

impl RowRecord {
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.values.iter().find(|v| v.field == field)
    }

    /// The field's cell; empty when no column is mapped to it.
    pub fn cell(&self, field: &str) -> &Cell {
        self.get(field).map(|v| &v.cell).unwrap_or(&EMPTY)
    }

    /// `Risks!D7` for the field's cell; `Risks!7` when no column is mapped to it.
    pub fn address(&self, field: &str) -> String {
        match self.get(field) {
            Some(v) => address(&self.sheet, self.row, v.column),
            None => format!(
                "{}!{}",
                address(&self.sheet, self.row, 0)
                    .split('!')
                    .next()
                    .unwrap_or_default(),
                self.row
            ),
        }
    }

    /// An error about the field's cell, for a validation error's list: the field is the
    /// address, the message starts with it.
    pub fn error(&self, field: &str, message: &str) -> FieldError {
        let at = self.address(field);
        FieldError::new(&at, format!("{at}: {message}"))
    }
}

/// The data rows of the sheet under `mapping`.
pub fn rows(workbook: &Workbook, mapping: &Mapping) -> Vec<RowRecord> {
    let mapped: Vec<_> = mapping
        .columns
        .iter()
        .filter_map(|c| c.field.map(|f| (c, f)))
        .collect();
    // A form tool's export has no note rows: every row is a record (or a mistake to report).
    let wide = mapped.len() >= 3 && !mapping.kind.by_row();
    let id_column = mapping.column_of("control_id").map(|c| c.index);
    // The merges across columns that cover each row, so a row looks only at its own: with
    // every merge checked for every row, thousands of merges over a long sheet cost minutes.
    let mut across: Vec<Vec<&Merge>> = vec![Vec::new(); if wide { workbook.rows.len() } else { 0 }];
    for m in workbook
        .merges
        .iter()
        .filter(|m| m.first_column != m.last_column)
    {
        let last = (m.last_row as usize).min(across.len().saturating_sub(1));
        for covered in across.iter_mut().take(last + 1).skip(m.first_row as usize) {
            covered.push(m);
        }
    }
    let mut out = Vec::new();
    for (index, cells) in workbook
        .rows
        .iter()
        .enumerate()
        .skip(mapping.header_row as usize)
    {
        let values: Vec<Value> = mapped
            .iter()
            .filter_map(|(c, field)| {
                let cell = cells.get(c.index)?;
                (!cell.is_empty()).then(|| Value {
                    field,
                    column: c.index,
                    header: c.header.clone(),
                    cell: meant(mapping, field, cell),
                })
            })
            .collect();
        if values.is_empty() || (wide && is_note(index as u32, cells, &across[index], id_column)) {
            continue;
        }
        out.push(RowRecord {
            sheet: workbook.sheet.clone(),
            row: index as u32 + 1,
            values,
        });
    }
    out
}

/// The cell, or what the mapping says its value means for `field`.
fn meant(mapping: &Mapping, field: &str, cell: &Cell) -> Cell {
    if mapping.values.is_empty() {
        return cell.clone();
    }
    match mapping.meaning(field, &cell.display()) {
        Some(meaning) => Cell::Text(meaning.to_owned()),
        None => cell.clone(),
    }
}

/// `merges` are the merges across columns that cover `row`.
fn is_note(row: u32, cells: &[Cell], merges: &[&Merge], id_column: Option<usize>) -> bool {
    let filled: Vec<usize> = (0..cells.len()).filter(|&c| !cells[c].is_empty()).collect();
    match filled.as_slice() {
        [] => false,
        [one] => !(Some(*one) == id_column && control_id(&cells[*one]).is_ok()),
        [first, .., last] => merges.iter().any(|m| {
            m.contains(row, *first as u32)
                && m.contains(row, *last as u32)
                && filled.iter().all(|&c| m.contains(row, c as u32))
        }),
    }
}

/// The rows of a CSV file with values past the header row's last column: a delimiter left
/// unquoted inside a value (`Smith, John` in a comma file) splits it and pushes the cells
/// after it to the right, where no header names them. Each such row is one problem naming
/// its extra cells, never silently cut. An XLSX keeps its cells where they are: a note right
/// of the table is no shifted value, so only CSV is checked.
pub fn overflow(workbook: &Workbook, mapping: &Mapping) -> Vec<FieldError> {
    if workbook.format != Format::Csv {
        return Vec::new();
    }
    let width = mapping.columns.len();
    let last = mapping.columns.last();
    let mut out = Vec::new();
    for (index, cells) in workbook
        .rows
        .iter()
        .enumerate()
        .skip(mapping.header_row as usize)
    {
        let extra: Vec<String> = cells
            .iter()
            .enumerate()
            .skip(width)
            .filter(|(_, c)| !c.is_empty())
            .map(|(at, c)| format!("{} “{}”", column_letters(at), c.display()))
            .collect();
        if extra.is_empty() {
            continue;
        }
        let row = index as u32 + 1;
        let at = if mapping.kind.by_row() {
            format!("row {row}")
        } else {
            address(&workbook.sheet, row, width)
        };
        let header = last.map_or(String::new(), |c| format!(" ({} “{}”)", c.letter, c.header));
        let prefix = if mapping.kind.by_row() {
            String::new()
        } else {
            format!("{at}: ")
        };
        out.push(FieldError::new(
            &at,
            format!(
                "{prefix}row {row} has {} past the last header{header}: {}. A delimiter \
                 inside a value splits it: put that value in quotes, or choose another \
                 delimiter.",
                if extra.len() == 1 {
                    "a value".to_owned()
                } else {
                    format!("{} values", extra.len())
                },
                extra.join(", ")
            ),
        ));
    }
    out
}
