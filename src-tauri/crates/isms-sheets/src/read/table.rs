//! A sheet as the plain rows the core's imports of training completions and acknowledgements
//! take ([`isms_core::imports::Table`]): the file read like any register (CSV with its
//! encoding and delimiter detected, or the first sheet of an XLSX), within the same limits,
//! the first row holding anything the header, each cell as a person reads it.

use std::path::Path;

use isms_core::Result;
use isms_core::imports::Table;

use super::{Cell, Limits, open};

/// Reads `path` into a [`Table`]. Errors: as [`open`].
pub fn table(path: &Path, limits: Limits) -> Result<Table> {
    let book = open(path, None, limits)?;
    // The header is the first row holding anything, as the CSV parser would take it.
    let mut rows = book
        .rows
        .into_iter()
        .enumerate()
        .skip_while(|(_, cells)| cells.iter().all(Cell::is_empty));
    let header = rows
        .next()
        .map(|(_, cells)| cells.iter().map(|c| c.display()).collect())
        .unwrap_or_default();
    let rows = rows
        .map(|(i, cells)| (i as u32 + 1, cells.iter().map(|c| c.display()).collect()))
        .collect();
    Table::new(header, rows)
}
