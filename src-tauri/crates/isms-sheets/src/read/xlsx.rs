//! XLSX through calamine, after `guard` has checked the container. The sheet is streamed cell
//! by cell (calamine's cell reader), so the row, column and cell limits stop a huge sheet
//! while it is read rather than after it is in memory, and a stray value far down or right
//! costs only its own row. Values keep their type; a formula cell gives its cached result
//! (a cached error such as `#N/A` is an error cell), never the formula.
//!
//! Merged cells: calamine exposes each sheet's merged ranges
//! (`Xlsx::merge_cells_by_sheet_name`); the top-left value is copied into every cell of the range
//! within the data read (a merge reaching past the data is cut there, so it cannot grow the
//! sheet). Not handled: two-row headers (a merged group title above the real headers reads as
//! a row of its own), hidden rows and columns (read like any other), and values of other
//! sheets a formula refers to (only the cached result is seen).

use std::path::Path;

use calamine::{DataRef, Dimensions, Reader, Xlsx, XlsxError, open_workbook};
use chrono::{NaiveDate, NaiveDateTime};
use isms_core::Result;

use super::{Budget, Cell, Format, Limits, Merge, Workbook, guard, refuse, same_sheet};

pub(super) fn read(path: &Path, sheet: Option<&str>, limits: Limits) -> Result<Workbook> {
    guard::inspect(path, limits)?;
    let mut book: Xlsx<_> = open_workbook(path).map_err(unreadable)?;
    let sheets = book.sheet_names();
    let name = match sheet {
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| refuse("This workbook has no sheets."))?,
        Some(wanted) => sheets
            .iter()
            .find(|s| same_sheet(s, wanted))
            .cloned()
            .ok_or_else(|| {
                super::refuse_sheet(format!(
                    "This workbook has no sheet “{}”; its sheets are {}.",
                    wanted.trim(),
                    quoted(&sheets)
                ))
            })?,
    };
    read_sheet(&mut book, name, sheets, limits)
}

/// Every sheet of `path`, in order, from one opening of the file (each sheet has its own
/// budget, as when read alone).
pub(super) fn read_all(path: &Path, limits: Limits) -> Result<Vec<Workbook>> {
    guard::inspect(path, limits)?;
    let mut book: Xlsx<_> = open_workbook(path).map_err(unreadable)?;
    let sheets = book.sheet_names();
    sheets
        .iter()
        .map(|name| read_sheet(&mut book, name.clone(), sheets.clone(), limits))
        .collect()
}

fn read_sheet<R: std::io::Read + std::io::Seek>(
    book: &mut Xlsx<R>,
    name: String,
    sheets: Vec<String>,
    limits: Limits,
) -> Result<Workbook> {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut budget = Budget::new(limits);
    {
        let mut cells = book.worksheet_cells_reader(&name).map_err(unreadable)?;
        while let Some(found) = cells.next_cell().map_err(unreadable)? {
            let (row, column) = found.get_position();
            let (row, column) = (row as usize, column as usize);
            // Counted before the copy: a shared string is held once, but copied per cell.
            budget.text(&name, row, column, text_len(found.get_value()))?;
            let value = convert(found.get_value());
            if value.is_empty() {
                continue;
            }
            budget.place(&name, &mut rows, row, column)?;
            rows[row][column] = value;
        }
    }
    // A merge list calamine cannot read is ignored, as calamine 0.32 did: the cells are read.
    let merges = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
    if merges.len() > limits.max_merges as usize {
        return Err(refuse(format!(
            "“{name}” has more than {} merged ranges; unmerge them.",
            super::group(limits.max_merges as u64)
        )));
    }
    let merges = fill_merges(&name, &mut rows, merges, &mut budget)?;
    Ok(Workbook {
        format: Format::Xlsx,
        sheet: name,
        sheets,
        rows,
        merges,
        encoding: None,
        delimiter: None,
    })
}

/// Copies each merge's top-left value into its other cells, within the rows and columns that
/// hold data, and returns the merges cut to the data (a merge wholly outside it is dropped).
/// Every cell a merge covers is counted, filled or not, so overlapping merges cannot make
/// the rows that use them (`rows::is_note`) cost more than the cell budget.
fn fill_merges(
    sheet: &str,
    rows: &mut Vec<Vec<Cell>>,
    found: Vec<Dimensions>,
    budget: &mut Budget,
) -> Result<Vec<Merge>> {
    let height = rows.len() as u32;
    let width = rows.iter().map(Vec::len).max().unwrap_or(0) as u32;
    let mut merges = Vec::new();
    for d in found {
        let (r0, c0) = d.start;
        if r0 >= height || c0 >= width || d.end.0 < r0 || d.end.1 < c0 {
            continue;
        }
        let m = Merge {
            first_row: r0,
            first_column: c0,
            last_row: d.end.0.min(height - 1),
            last_column: d.end.1.min(width - 1),
        };
        merges.push(m);
        let value = rows
            .get(r0 as usize)
            .and_then(|r| r.get(c0 as usize))
            .filter(|v| !v.is_empty())
            .cloned();
        for r in m.first_row..=m.last_row {
            for c in m.first_column..=m.last_column {
                if (r, c) == (r0, c0) {
                    continue;
                }
                budget.merged(sheet)?;
                let Some(value) = &value else { continue };
                let (r, c) = (r as usize, c as usize);
                budget.copy(sheet, r, c, value)?;
                budget.place(sheet, rows, r, c)?;
                rows[r][c] = value.clone();
            }
        }
    }
    Ok(merges)
}

/// The bytes of text a value would copy.
fn text_len(value: &DataRef<'_>) -> usize {
    match value {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.len(),
        DataRef::SharedString(s) => s.len(),
        _ => 0,
    }
}

fn convert(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(y.into(), mo.into(), d.into())
                .and_then(|day| day.and_hms_opt(h.into(), mi.into(), s.into()))
                .map(Cell::Date)
                .unwrap_or(Cell::Number(dt.as_f64()))
        }
        DataRef::DateTime(dt) => Cell::Number(dt.as_f64()),
        DataRef::DateTimeIso(s) => NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
            .ok()
            .or_else(|| {
                NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .ok()
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
            })
            .map(Cell::Date)
            .unwrap_or_else(|| Cell::Text(s.clone())),
        DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    }
}

pub(super) fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn unreadable(e: XlsxError) -> isms_core::CoreError {
    refuse(format!("This workbook cannot be read: {e}."))
}
