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

use calamine::{DataRef, Reader, Xlsx, XlsxError, open_workbook};
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
                refuse(format!(
                    "This workbook has no sheet “{}”; its sheets are {}.",
                    wanted.trim(),
                    quoted(&sheets)
                ))
            })?,
    };
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut budget = Budget::new(limits);
    {
        let mut cells = book.worksheet_cells_reader(&name).map_err(unreadable)?;
        while let Some(found) = cells.next_cell().map_err(unreadable)? {
            let value = convert(found.get_value());
            if value.is_empty() {
                continue;
            }
            let (row, column) = found.get_position();
            let (row, column) = (row as usize, column as usize);
            budget.place(&name, &mut rows, row, column)?;
            rows[row][column] = value;
        }
    }
    // A merge list calamine cannot read is ignored, as calamine 0.32 did: the cells are read.
    let merges = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
    let merges: Vec<Merge> = merges
        .into_iter()
        .map(|d| Merge {
            first_row: d.start.0,
            first_column: d.start.1,
            last_row: d.end.0,
            last_column: d.end.1,
        })
        .collect();
    fill_merges(&name, &mut rows, &merges, &mut budget)?;
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
/// hold data.
fn fill_merges(
    sheet: &str,
    rows: &mut Vec<Vec<Cell>>,
    merges: &[Merge],
    budget: &mut Budget,
) -> Result<()> {
    let height = rows.len() as u32;
    let width = rows.iter().map(Vec::len).max().unwrap_or(0) as u32;
    for m in merges {
        let (r0, c0) = (m.first_row as usize, m.first_column as usize);
        let value = match rows.get(r0).and_then(|r| r.get(c0)) {
            Some(v) if !v.is_empty() => v.clone(),
            _ => continue,
        };
        let last_row = m.last_row.min(height.saturating_sub(1));
        let last_column = m.last_column.min(width.saturating_sub(1));
        for r in m.first_row..=last_row {
            for c in m.first_column..=last_column {
                if (r as usize, c as usize) == (r0, c0) {
                    continue;
                }
                budget.merged(sheet)?;
                budget.place(sheet, rows, r as usize, c as usize)?;
                rows[r as usize][c as usize] = value.clone();
            }
        }
    }
    Ok(())
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

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn unreadable(e: XlsxError) -> isms_core::CoreError {
    refuse(format!("This workbook cannot be read: {e}."))
}
