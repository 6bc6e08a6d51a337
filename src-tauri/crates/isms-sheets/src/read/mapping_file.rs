//! A mapping file: JSON that overrides the parts of the proposed mapping it names and leaves
//! the rest as proposed.
//!
//! ```json
//! {"sheet": "Risks", "header_row": 3,
//!  "columns": {"Control ID": "control_id", "Notes": null, "D": "owner", "Owner#2": "owner_email"},
//!  "values": {"owner": {"Head of Sales": "ann@example.com"}, "likelihood": {"Significant": 4}}}
//! ```
//!
//! A column is named by its header (ignoring case and spaces), by `Header#2` for the second
//! of two columns with the same header, or by its letter (`"D"`) when no header is so
//! written; `null` leaves it out. `"header_row": 0` says the sheet has no header row: data
//! starts in row 1 and columns are named by letter. Without `header_row` the header row is
//! found as [`super::detect`] finds it; a sheet where no row names a field, and the file
//! names no header of row 1, is read as having none. `values` says, per field, what a cell's
//! value means: a text or a number to read instead. Applying a file checks it against the
//! sheet and reports every problem at once.

use std::collections::{BTreeMap, BTreeSet};

use isms_core::{CoreError, FieldError, Result};
use serde::{Deserialize, Serialize};

use super::cell::column_letters;
use super::fields::{Kind, normalise_header};
use super::header::{find_header, headers_of};
use super::mapping::{Column, Mapping, propose_mapping, unknown, value_key};
use super::{MAX_COLUMNS, Workbook, same_sheet};

/// A mapping file, as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MappingFile {
    /// The sheet to read; the first one if absent.
    #[serde(default)]
    pub sheet: Option<String>,
    /// 1-based; 0 for none; found as [`super::detect`] does if absent.
    #[serde(default)]
    pub header_row: Option<u32>,
    /// Column (header, `Header#N` or letter) → field name, or `null` to leave it out.
    #[serde(default)]
    pub columns: BTreeMap<String, Option<String>>,
    /// Field name → (cell value → what it means: a text or a number).
    #[serde(default)]
    pub values: BTreeMap<String, BTreeMap<String, serde_json::Value>>,
}

const EXPECTED: &str = "Expected {\"sheet\": \"…\", \"header_row\": 3, \"columns\": {\"Control ID\": \
                        \"control_id\", \"D\": \"owner\", \"Owner#2\": null}, \"values\": {\"owner\": \
                        {\"Head of Sales\": \"ann@example.com\"}}}.";

impl MappingFile {
    /// Errors: `Validation` (field `mapping`) for JSON that is not a mapping file.
    pub fn parse(text: &str) -> Result<MappingFile> {
        serde_json::from_str(text).map_err(|e| {
            CoreError::validation(vec![FieldError::new(
                "mapping",
                format!("The mapping file is not valid: {e}. {EXPECTED}"),
            )])
        })
    }

    /// The proposed mapping of the sheet read, with this file's columns and values over it.
    /// Errors: `Validation` listing every problem: another sheet, a header row out of the
    /// sheet, a column not found, a field not of `kind` or given to two columns, a meaning
    /// that is neither text nor number, a required field left out.
    pub fn apply(&self, workbook: &Workbook, kind: Kind) -> Result<Mapping> {
        let mut errors = Vec::new();
        if let Some(sheet) = &self.sheet
            && !same_sheet(sheet, &workbook.sheet)
        {
            errors.push(FieldError::new(
                "mapping.sheet",
                format!(
                    "The mapping is for the sheet “{sheet}”, not “{}”.",
                    workbook.sheet
                ),
            ));
        }
        let header_row = self.header_row(workbook, kind, &mut errors);
        let mut mapping = if header_row == 0 {
            let mut m = propose_mapping(&vec![String::new(); workbook.width()], kind);
            m.header_row = 0;
            m
        } else {
            let mut m = propose_mapping(&headers_of(workbook, header_row as usize - 1), kind);
            m.header_row = header_row;
            m
        };
        let mut given: BTreeMap<&'static str, String> = BTreeMap::new();
        for (key, field) in &self.columns {
            let at_key = format!("mapping.columns.{key}");
            let index = match find_column(&mut mapping, key) {
                Ok(index) => index,
                Err(message) => {
                    errors.push(FieldError::new(&at_key, message));
                    continue;
                }
            };
            let Some(name) = field else {
                mapping.columns[index].field = None;
                continue;
            };
            let Some(f) = kind.field(name) else {
                errors.extend(unknown(kind, name, &at_key).fields);
                continue;
            };
            if let Some(other) = given.insert(f.name, key.clone()) {
                errors.push(FieldError::new(
                    &at_key,
                    format!("{} is given to two columns: “{other}” and “{key}”.", f.name),
                ));
                continue;
            }
            for c in &mut mapping.columns {
                if c.field == Some(f.name) {
                    c.field = None;
                }
            }
            mapping.columns[index].field = Some(f.name);
        }
        for (name, meanings) in &self.values {
            let at_key = format!("mapping.values.{name}");
            let Some(f) = kind.field(name) else {
                errors.extend(unknown(kind, name, &at_key).fields);
                continue;
            };
            let mut out = BTreeMap::new();
            for (value, meaning) in meanings {
                let meaning = match meaning {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Number(n) => n.to_string(),
                    other => {
                        errors.push(FieldError::new(
                            &format!("{at_key}.{value}"),
                            format!(
                                "“{value}” is given {other}; a value means a text or a number."
                            ),
                        ));
                        continue;
                    }
                };
                out.insert(value_key(value), meaning);
            }
            mapping.values.insert(f.name, out);
        }
        for f in mapping.missing_required() {
            errors.push(FieldError::new(
                "mapping.columns",
                format!(
                    "No column is mapped to {} ({}), which a {} import needs.",
                    f.name,
                    f.label,
                    kind.as_str()
                ),
            ));
        }
        if errors.is_empty() {
            Ok(mapping)
        } else {
            Err(CoreError::validation(errors))
        }
    }

    /// The header row the file says, or the one found; 0 for none.
    fn header_row(&self, workbook: &Workbook, kind: Kind, errors: &mut Vec<FieldError>) -> u32 {
        match self.header_row {
            Some(n) if n as usize > workbook.rows.len() => {
                errors.push(FieldError::new(
                    "mapping.header_row",
                    format!(
                        "header_row is {n}, but “{}” has {} rows.",
                        workbook.sheet,
                        workbook.rows.len()
                    ),
                ));
                1
            }
            Some(n) => n,
            None => match find_header(workbook, kind) {
                Ok(found) => found.row,
                Err(_) => {
                    // Headers no synonym knows, named by the file, are still a header row.
                    let first: BTreeSet<String> = headers_of(workbook, 0)
                        .iter()
                        .map(|h| normalise_header(h))
                        .collect();
                    let named = self
                        .columns
                        .keys()
                        .any(|k| first.contains(&normalise_header(split_occurrence(k).0)));
                    u32::from(named)
                }
            },
        }
    }
}

/// `"Owner#2"` → ("Owner", 2); anything else is its own header, the first of that name.
fn split_occurrence(key: &str) -> (&str, usize) {
    match key.rsplit_once('#') {
        Some((header, n)) if !header.trim().is_empty() => match n.trim().parse::<usize>() {
            Ok(n) if n >= 1 => (header, n),
            _ => (key, 1),
        },
        _ => (key, 1),
    }
}

/// "D" → 3, "AB" → 27: one to three letters, as Excel names columns.
fn letter_index(key: &str) -> Option<usize> {
    let key = key.trim();
    if key.is_empty() || key.len() > 3 || !key.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let n = key
        .to_ascii_uppercase()
        .bytes()
        .fold(0usize, |n, b| n * 26 + usize::from(b - b'A' + 1));
    Some(n - 1)
}

/// The column `key` names: a header (its `#N`th occurrence), else a letter. A letter past the
/// last header adds that column.
fn find_column(mapping: &mut Mapping, key: &str) -> std::result::Result<usize, String> {
    let (header, occurrence) = split_occurrence(key);
    let wanted = normalise_header(header);
    let same: Vec<usize> = mapping
        .columns
        .iter()
        .filter(|c| !c.header.is_empty() && normalise_header(&c.header) == wanted)
        .map(|c| c.index)
        .collect();
    if let Some(&index) = same.get(occurrence - 1) {
        return Ok(index);
    }
    if !same.is_empty() {
        return Err(format!(
            "There are {} columns headed “{}”, not {occurrence}.",
            same.len(),
            header.trim()
        ));
    }
    if occurrence == 1
        && let Some(index) = letter_index(key)
    {
        if index >= MAX_COLUMNS as usize {
            return Err(format!(
                "Column {key} is past the last column a sheet may have."
            ));
        }
        while mapping.columns.len() <= index {
            let i = mapping.columns.len();
            mapping.columns.push(Column {
                index: i,
                letter: column_letters(i),
                header: String::new(),
                field: None,
            });
        }
        return Ok(index);
    }
    let present: Vec<String> = mapping
        .columns
        .iter()
        .filter(|c| !c.header.is_empty())
        .map(|c| format!("“{}”", c.header))
        .collect();
    if mapping.header_row == 0 {
        Err(format!(
            "“{key}” is not a column letter; the sheet has no header row, so name columns by \
             letter (\"A\", \"B\" …)."
        ))
    } else if present.is_empty() {
        Err(format!(
            "“{key}” is not a header of row {}, which has none; name columns by letter.",
            mapping.header_row
        ))
    } else {
        Err(format!(
            "“{key}” is not a header of row {}; its headers are {} (or name a column by its \
             letter, \"D\", or the second of two same-named ones as \"Owner#2\").",
            mapping.header_row,
            present.join(", ")
        ))
    }
}
