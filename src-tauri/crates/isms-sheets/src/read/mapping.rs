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
use serde::Serialize;

use super::Workbook;
use super::cell::column_letters;
use super::fields::{Field, Kind, rank};
use super::header::find_header;
pub use super::mapping_file::MappingFile;

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
    /// 1-based; data starts below it. 0 for a sheet without a header row: data from row 1,
    /// columns known by their letters.
    pub header_row: u32,
    pub columns: Vec<Column>,
    /// What a cell's value means, per field: field → (value, trimmed and lower-case →
    /// what to read instead), such as owner "head of sales" → "ann@example.com", or
    /// likelihood "significant" → "4". Applied to the cells as rows are read.
    pub values: BTreeMap<&'static str, BTreeMap<String, String>>,
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

    /// What the cell `text` of `field` is to be read as, if the mapping says.
    pub fn meaning(&self, field: &str, text: &str) -> Option<&str> {
        let values = self.values.get(field)?;
        values.get(&value_key(text)).map(String::as_str)
    }

    /// Sets what cell values mean, field name → (value → meaning), as the import wizard's
    /// choices give them. Errors: `Validation` naming a field not of this kind.
    pub fn set_values(
        &mut self,
        values: &BTreeMap<String, BTreeMap<String, String>>,
    ) -> Result<()> {
        let mut errors = Vec::new();
        for (name, meanings) in values {
            let Some(field) = self.kind.field(name) else {
                errors.extend(unknown(self.kind, name, &format!("values.{name}")).fields);
                continue;
            };
            let out = self.values.entry(field.name).or_default();
            for (value, meaning) in meanings {
                out.insert(value_key(value), meaning.trim().to_owned());
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(CoreError::validation(errors))
        }
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
        values: BTreeMap::new(),
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

/// A value as [`Mapping::values`] keys it: trimmed, lower case, inner spaces single.
pub fn value_key(text: &str) -> String {
    super::cell::trim(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Finds the header row of the sheet and proposes a mapping from it.
pub fn detect(workbook: &Workbook, kind: Kind) -> Result<Mapping> {
    let found = find_header(workbook, kind)?;
    let mut mapping = propose_mapping(&found.headers, kind);
    mapping.header_row = found.row;
    Ok(mapping)
}

pub(super) fn unknown(kind: Kind, name: &str, at: &str) -> CoreError {
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
