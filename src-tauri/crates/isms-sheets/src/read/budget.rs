//! What one sheet may cost while it is read: rows, columns and cells as they are placed, and
//! the bytes of text copied into them. The text is what a small file can multiply: one shared
//! string of 32,767 characters referred to by a hundred thousand cells, or one value filling
//! a merged range of a million cells, is a copy per cell. Each copy is counted *before* it is
//! made, so a file past the budget is refused having cost at most the budget. Refusals are
//! validation errors about the file that name the limit.

use isms_core::Result;

use super::cell::{Cell, address};
use super::{Limits, group, refuse, size_text};

/// Counts a sheet's cells and text as they are read, refusing past the limits.
pub(crate) struct Budget {
    limits: Limits,
    cells: u64,
    /// Cells written by merged ranges: bounded too, or overlapping merges cost time.
    merged: u64,
    /// Bytes of cell text copied so far, merged fills included.
    text: u64,
}

impl Budget {
    pub(crate) fn new(limits: Limits) -> Self {
        Budget {
            limits,
            cells: 0,
            merged: 0,
            text: 0,
        }
    }

    /// Counts `bytes` of text about to be copied into the cell at 0-based `row`, `column`.
    pub(crate) fn text(
        &mut self,
        sheet: &str,
        row: usize,
        column: usize,
        bytes: usize,
    ) -> Result<()> {
        if bytes > self.limits.max_cell_bytes as usize {
            return Err(refuse(format!(
                "{} holds {} of text; a cell may hold at most {} (Excel's own limit is {} \
                 characters).",
                address(sheet, row as u32 + 1, column),
                size_text(bytes as u64),
                size_text(self.limits.max_cell_bytes as u64),
                group(super::EXCEL_CELL_CHARACTERS as u64)
            )));
        }
        self.text += bytes as u64;
        if self.text > self.limits.max_text_bytes {
            return Err(refuse(format!(
                "“{sheet}” expands to more than {} of cell text (a shared string counts at \
                 every cell that uses it, a merged range's value at every cell it covers); only \
                 sheets up to that size can be imported.",
                size_text(self.limits.max_text_bytes)
            )));
        }
        Ok(())
    }

    /// Counts the copy of `value` into the cell at 0-based `row`, `column`.
    pub(crate) fn copy(
        &mut self,
        sheet: &str,
        row: usize,
        column: usize,
        value: &Cell,
    ) -> Result<()> {
        match value {
            Cell::Text(t) | Cell::Error(t) => self.text(sheet, row, column, t.len()),
            _ => Ok(()),
        }
    }

    /// Counts one cell written by a merged range.
    pub(crate) fn merged(&mut self, sheet: &str) -> Result<()> {
        self.merged += 1;
        if self.merged > self.limits.max_cells {
            return Err(refuse(format!(
                "“{sheet}” has merged ranges covering more than {} cells; unmerge them.",
                group(self.limits.max_cells)
            )));
        }
        Ok(())
    }

    /// Makes room for a value at 0-based `row`, `column` of `rows`.
    pub(crate) fn place(
        &mut self,
        sheet: &str,
        rows: &mut Vec<Vec<Cell>>,
        row: usize,
        column: usize,
    ) -> Result<()> {
        if row >= self.limits.max_rows as usize {
            return Err(refuse(format!(
                "“{sheet}” has more than {} rows; only sheets up to that size can be imported \
                 (delete the unused rows below the data, or split the sheet).",
                group(self.limits.max_rows as u64)
            )));
        }
        if column >= self.limits.max_columns as usize {
            return Err(refuse(format!(
                "“{sheet}” has values in more than {} columns; delete the unused columns.",
                self.limits.max_columns
            )));
        }
        if rows.len() <= row {
            rows.resize_with(row + 1, Vec::new);
        }
        let r = &mut rows[row];
        if r.len() <= column {
            self.cells += (column + 1 - r.len()) as u64;
            if self.cells > self.limits.max_cells {
                return Err(refuse(format!(
                    "“{sheet}” holds more than {} cells; only sheets up to that size can be \
                     imported.",
                    group(self.limits.max_cells)
                )));
            }
            r.resize(column + 1, Cell::Empty);
        }
        Ok(())
    }
}
