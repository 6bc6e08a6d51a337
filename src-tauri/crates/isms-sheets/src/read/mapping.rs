//! Which column is which field. [`propose_mapping`] matches headers to a kind's fields by
//! synonym, giving each field to the column whose header ranks best for it (so with "Ref" and
//! "Control" side by side, "Ref" is the control id and "Control" its title), each column to one
//! field at most; a second "Likelihood" or "Impact" further right is the residual one. The
//! user confirms or changes the proposal. A mapping file says the same in JSON:
//!
//! ```json
//! {"sheet": "SoA", "header_row": 3, "columns": {"Control ID": "control_id", "Notes": null}}
//! ```
//!
//! Columns the file does not list, or lists as `null`, are not imported. Applying a file
//! checks it against the sheet and reports every problem at once.

use std::collections::BTreeMap;

use isms_core::{CoreError, FieldError, Result};
use serde::{Deserialize, Serialize};

use super::cell::column_letters;
use super::fields::{Field, Kind, normalise_header, rank};
use super::header::{find_header, headers_of};
use super::{Workbook, same_sheet};

/// One column of the header row and the field it fills, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// 0-based.
    pub index: usize,
    /// "A", "B" …
    pub letter: String,
    pub header: String,
    pub field: Option<&'static str>,
}

/// The columns of a sheet mapped to the fields of a kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mapping {
    pub kind: Kind,
    /// 1-based; data starts below it.
    pub header_row: u32,
    pub columns: Vec<Column>,
}

impl Mapping {
    /// The column a field comes from.
    pub fn column_of(&self, field: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.field == Some(field))
    }

    /// Columns with a header that fill no field.
    pub fn unmatched(&self) -> impl Iterator<Item = &Column> {
        self.columns
            .iter()
            .filter(|c| c.field.is_none() && !c.header.is_empty())
    }

    /// Required fields no column fills (a name that first and last name columns fill is
    /// filled).
    pub fn missing_required(&self) -> Vec<&'static Field> {
        self.kind
            .fields()
            .iter()
            .filter(|f| f.required && !self.fills(f))
            .collect()
    }

    /// Whether a column fills `field`, or one of the fields it is joined from.
    pub fn fills(&self, field: &Field) -> bool {
        self.column_of(field.name).is_some()
            || field.parts.iter().any(|p| self.column_of(p).is_some())
    }

    /// The user's change: column `index` fills `field` (taking it from any other column), or
    /// nothing. Errors: `Validation` for an unknown column or a field not of this kind.
    pub fn set(&mut self, index: usize, field: Option<&str>) -> Result<()> {
        let field = match field {
            None => None,
            Some(name) => Some(
                self.kind
                    .field(name)
                    .ok_or_else(|| unknown(self.kind, name, "field"))?
                    .name,
            ),
        };
        if !self.columns.iter().any(|c| c.index == index) {
            return Err(CoreError::validation(vec![FieldError::new(
                "column",
                format!(
                    "There is no column {} in the header row.",
                    column_letters(index)
                ),
            )]));
        }
        for c in &mut self.columns {
            if c.index == index {
                c.field = field;
            } else if field.is_some() && c.field == field {
                c.field = None;
            }
        }
        Ok(())
    }
}

/// A field whose header, met again further right, means the second field.
const SECOND: [(&str, &str); 2] = [
    ("likelihood", "residual_likelihood"),
    ("impact", "residual_impact"),
];

/// Proposes a mapping of `headers` (the header row, left to right) for `kind`, taking the
/// header row to be row 1; [`detect`] finds the row too.
pub fn propose_mapping(headers: &[String], kind: Kind) -> Mapping {
    let mut candidates: Vec<(usize, usize, &'static str)> = Vec::new();
    for (index, header) in headers.iter().enumerate() {
        for field in kind.fields() {
            if let Some(r) = rank(field, header) {
                candidates.push((r, index, field.name));
            }
        }
    }
    candidates.sort();
    let mut chosen: Vec<Option<&'static str>> = vec![None; headers.len()];
    for &(_, index, name) in &candidates {
        if chosen[index].is_none() && !chosen.contains(&Some(name)) {
            chosen[index] = Some(name);
        }
    }
    // A risk template repeats "Likelihood" and "Impact" under a merged "Residual risk": the
    // second column of the same name, right of the first, is the residual one.
    for &(_, index, name) in &candidates {
        let Some(&(_, second)) = SECOND.iter().find(|(first, _)| *first == name) else {
            continue;
        };
        let first_at = chosen.iter().position(|c| *c == Some(name));
        if chosen[index].is_none()
            && first_at.is_some_and(|at| at < index)
            && kind.field(second).is_some()
            && !chosen.contains(&Some(second))
        {
            chosen[index] = Some(second);
        }
    }
    surname(kind, &mut chosen);
    Mapping {
        kind,
        header_row: 1,
        columns: headers
            .iter()
            .zip(chosen)
            .enumerate()
            .map(|(index, (header, field))| Column {
                index,
                letter: column_letters(index),
                header: header.clone(),
                field,
            })
            .collect(),
    }
}

/// A first name column beside a name column makes that column the last name: German and French
/// lists say "Vorname | Name" and "Prénom | Nom", and the name is then both joined.
fn surname(kind: Kind, chosen: &mut [Option<&'static str>]) {
    for field in kind.fields() {
        let [first, last] = field.parts else { continue };
        let has = |name: &str| chosen.contains(&Some(name));
        if has(first)
            && !has(last)
            && let Some(at) = chosen.iter().position(|c| *c == Some(field.name))
        {
            chosen[at] = kind.field(last).map(|f| f.name);
        }
    }
}

/// Finds the header row of the sheet and proposes a mapping from it.
pub fn detect(workbook: &Workbook, kind: Kind) -> Result<Mapping> {
    let found = find_header(workbook, kind)?;
    let mut mapping = propose_mapping(&found.headers, kind);
    mapping.header_row = found.row;
    Ok(mapping)
}

/// A mapping file, as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MappingFile {
    /// The sheet to read; the first one if absent.
    #[serde(default)]
    pub sheet: Option<String>,
    /// 1-based; found as [`detect`] does if absent.
    #[serde(default)]
    pub header_row: Option<u32>,
    /// Header text → field name, or `null` to leave the column out.
    pub columns: BTreeMap<String, Option<String>>,
}

impl MappingFile {
    /// Errors: `Validation` (field `mapping`) for JSON that is not a mapping file.
    pub fn parse(text: &str) -> Result<MappingFile> {
        serde_json::from_str(text).map_err(|e| {
            CoreError::validation(vec![FieldError::new(
                "mapping",
                format!(
                    "The mapping file is not valid: {e}. Expected {{\"sheet\": \"…\", \
                     \"header_row\": 3, \"columns\": {{\"Control ID\": \"control_id\"}}}}."
                ),
            )])
        })
    }

    /// The mapping this file gives for the sheet read. Errors: `Validation` listing every
    /// problem: another sheet, a header row out of the sheet, a header not in that row, a field
    /// not of `kind` or given to two columns, a required field left out.
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
        let header_row = match self.header_row {
            Some(0) => {
                errors.push(FieldError::new(
                    "mapping.header_row",
                    "header_row counts from 1, as the spreadsheet numbers rows.",
                ));
                1
            }
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
            None => find_header(workbook, kind).map(|h| h.row).unwrap_or(1),
        };
        let headers = headers_of(workbook, header_row as usize - 1);
        let mut columns: Vec<Column> = headers
            .iter()
            .enumerate()
            .map(|(index, header)| Column {
                index,
                letter: column_letters(index),
                header: header.clone(),
                field: None,
            })
            .collect();
        for (header, field) in &self.columns {
            let at_key = format!("mapping.columns.{header}");
            let found = headers
                .iter()
                .position(|h| normalise_header(h) == normalise_header(header));
            let Some(at) = found else {
                let present: Vec<String> = headers
                    .iter()
                    .filter(|h| !h.is_empty())
                    .map(|h| format!("“{h}”"))
                    .collect();
                errors.push(FieldError::new(
                    &at_key,
                    format!(
                        "“{header}” is not a header of row {header_row}; its headers are {}.",
                        present.join(", ")
                    ),
                ));
                continue;
            };
            let Some(name) = field else { continue };
            let Some(f) = kind.field(name) else {
                errors.extend(unknown(kind, name, &at_key).fields);
                continue;
            };
            if let Some(other) = columns.iter().find(|c| c.field == Some(f.name)) {
                errors.push(FieldError::new(
                    &at_key,
                    format!(
                        "{} is given to two columns: “{}” and “{header}”.",
                        f.name, other.header
                    ),
                ));
                continue;
            }
            columns[at].field = Some(f.name);
        }
        let mapping = Mapping {
            kind,
            header_row,
            columns,
        };
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
}

fn unknown(kind: Kind, name: &str, at: &str) -> CoreError {
    let names: Vec<&str> = kind.fields().iter().map(|f| f.name).collect();
    CoreError::validation(vec![FieldError::new(
        at,
        format!(
            "“{name}” is not a field of {}: {}.",
            kind.as_str(),
            names.join(", ")
        ),
    )])
}
