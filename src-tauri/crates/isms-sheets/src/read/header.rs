//! Finding the header row: templates put a title, a logo's row or instructions above the
//! table, so the header is the row among the first 30 that names the most fields of the kind
//! (ties go to the upper row). Headers compare ignoring case and surrounding spaces.

use isms_core::Result;
use serde::Serialize;

use super::fields::{Kind, rank};
use super::{Workbook, refuse, refuse_sheet};

/// Rows searched for the header.
pub const SCAN_ROWS: usize = 30;

/// The header row found: its spreadsheet number and each column's header text (trimmed; empty
/// for a column without one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeaderRow {
    /// 1-based, as the spreadsheet shows it.
    pub row: u32,
    pub headers: Vec<String>,
}

/// How many distinct fields of `kind` the cells name.
pub fn score(headers: &[String], kind: Kind) -> usize {
    kind.fields()
        .iter()
        .filter(|f| headers.iter().any(|h| rank(f, h).is_some()))
        .count()
}

/// The header texts of 0-based row `index`.
pub fn headers_of(workbook: &Workbook, index: usize) -> Vec<String> {
    workbook
        .rows
        .get(index)
        .map(|r| {
            r.iter()
                .map(|c| super::cell::trim(&c.display()).to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The row among the first [`SCAN_ROWS`] naming the most fields of `kind`.
///
/// Errors: `Validation` when no row names any field, listing what headers were looked for.
pub fn find_header(workbook: &Workbook, kind: Kind) -> Result<HeaderRow> {
    let mut best: Option<(usize, usize)> = None;
    for index in 0..workbook.rows.len().min(SCAN_ROWS) {
        let s = score(&headers_of(workbook, index), kind);
        if s > 0 && best.is_none_or(|(_, b)| s > b) {
            best = Some((index, s));
        }
    }
    let (index, _) = best.ok_or_else(|| {
        let wanted: Vec<&str> = kind
            .fields()
            .iter()
            .filter(|f| f.required)
            .chain(kind.fields().iter().filter(|f| !f.required))
            .take(4)
            .map(|f| f.label)
            .collect();
        let message = format!(
            "No header row found in the first {SCAN_ROWS} rows of “{}”: expected headers such \
             as {} for {}.",
            workbook.sheet,
            wanted.join(", "),
            kind.as_str()
        );
        if workbook.sheets.len() > 1 {
            // An instructions or cover sheet comes first in many templates.
            refuse_sheet(format!(
                "{message} Is it the data sheet? The workbook's sheets are {}.",
                super::xlsx::quoted(&workbook.sheets)
            ))
        } else {
            refuse(message)
        }
    })?;
    Ok(HeaderRow {
        row: index as u32 + 1,
        headers: headers_of(workbook, index),
    })
}
