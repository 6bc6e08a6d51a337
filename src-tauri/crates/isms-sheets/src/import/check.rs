//! One row being checked: reading its mapped cells with the cleaners and recording every
//! problem with the cell's address, its column header and what was expected
//! (`SoA!D7 (Applicable): “maybe” is not a yes or no: …`). A field whose column is not mapped
//! reads as "keep what the record has"; a mapped column left blank reads as empty. The kinds
//! a form tool exports name a problem by row and header instead (`row 3.email`).

use std::collections::{BTreeMap, HashMap};

use isms_core::{CoreError, ErrorCode, FieldError};
use serde::Serialize;

use crate::read::cell::{Cell, address};
use crate::read::{Column, Mapping, RowRecord, clean};

/// A cell value no record of the vault answers to (an owner nobody is called), said once for
/// every row that holds it, so it can be mapped to a record through the mapping's `values`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export, rename = "SheetUnresolvedValue")]
pub struct UnresolvedValue {
    /// The field whose cells hold it: "owner", "owner_email", "action_owner" …
    pub field: String,
    /// The value as the first row writes it.
    pub value: String,
    /// The header of its column, empty when it has none.
    pub header: String,
    /// The address of each cell holding it (`Risks!F4`), top to bottom.
    pub cells: Vec<String>,
    /// Why no record answers to it.
    pub reason: String,
}

/// The unresolved values of an import, keyed by field and [`crate::read::mapping::value_key`].
pub(crate) type Unresolved = BTreeMap<(String, String), UnresolvedValue>;

pub(crate) struct Check<'a> {
    pub row: &'a RowRecord,
    mapping: &'a Mapping,
    errors: &'a mut Vec<FieldError>,
    unresolved: &'a mut Unresolved,
    /// Fields of this row already reported, so the core's checks do not repeat them.
    reported: Vec<String>,
}

impl<'a> Check<'a> {
    pub fn new(
        row: &'a RowRecord,
        mapping: &'a Mapping,
        errors: &'a mut Vec<FieldError>,
        unresolved: &'a mut Unresolved,
    ) -> Self {
        Check {
            row,
            mapping,
            errors,
            unresolved,
            reported: Vec::new(),
        }
    }

    /// Whether a column fills `field` (or, for a name, a first or last name column).
    pub fn mapped(&self, field: &str) -> bool {
        self.column(field).is_some()
    }

    /// The column of `field`, or of the first of its parts that has one.
    fn column(&self, field: &str) -> Option<&'a Column> {
        self.mapping.column_of(field).or_else(|| {
            let parts = self.mapping.kind.field(field)?.parts;
            parts.iter().find_map(|p| self.mapping.column_of(p))
        })
    }

    /// Whether a problem with `field` was found in this row.
    pub fn reported(&self, field: &str) -> bool {
        self.reported.iter().any(|r| r == field)
    }

    /// Whether any problem was found in this row so far.
    pub fn failed(&self) -> bool {
        !self.reported.is_empty()
    }

    pub fn cell(&self, field: &str) -> &'a Cell {
        self.row.cell(field)
    }

    /// Notes that `key` (shown as `shown`) is on this row; a later row with the same key, in any
    /// case, is an error on `field` naming the first: "“x” is also on row 4; each risk once."
    pub fn once(
        &mut self,
        seen: &mut HashMap<String, u32>,
        field: &str,
        key: &str,
        shown: &str,
        noun: &str,
    ) {
        if let Some(first) = seen.insert(key.to_lowercase(), self.row.row) {
            self.error(
                field,
                &format!("{shown} is also on row {first}; each {noun} once."),
            );
        }
    }

    /// [`Check::once`] for records known by reference, or by title where the reference is blank.
    pub fn once_by_reference(
        &mut self,
        seen: &mut HashMap<String, u32>,
        reference: &str,
        title: Option<&str>,
        noun: &str,
    ) {
        let (field, key) = if reference.is_empty() {
            ("title", title.unwrap_or_default())
        } else {
            ("reference", reference)
        };
        if !key.is_empty() {
            self.once(seen, field, key, &format!("“{key}”"), noun);
        }
    }

    /// Marks `field` wrong on this row without a message: the planner says it once for the
    /// sheet (see `Planner::finish`). Returns the cell's address (`Risks!F4`) and how a
    /// message about it starts (`Risks!F4 (Impact)`).
    pub fn hold(&mut self, field: &str) -> (String, String) {
        self.reported.push(field.to_owned());
        match self.column(field) {
            Some(column) => {
                let at = address(&self.row.sheet, self.row.row, column.index);
                let shown = if column.header.is_empty() {
                    at.clone()
                } else {
                    format!("{at} ({})", column.header)
                };
                (at, shown)
            }
            None => {
                let at = self.row.address(field);
                (at.clone(), at)
            }
        }
    }

    /// Records a problem with `field`'s cell: named by address and header, even when blank.
    pub fn error(&mut self, field: &str, message: &str) {
        self.reported.push(field.to_owned());
        if self.mapping.kind.by_row() {
            // "row 3.email": the row as the spreadsheet numbers it, the column by its header.
            let column = match self.column(field) {
                Some(c) if !c.header.trim().is_empty() => c.header.trim().to_lowercase(),
                _ => field.to_owned(),
            };
            let at = if column.is_empty() {
                format!("row {}", self.row.row)
            } else {
                format!("row {}.{column}", self.row.row)
            };
            self.errors.push(FieldError::new(&at, message));
            return;
        }
        let error = match self.column(field) {
            Some(column) => {
                let at = address(&self.row.sheet, self.row.row, column.index);
                let header = if column.header.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", column.header)
                };
                FieldError::new(&at, format!("{at}{header}: {message}"))
            }
            None => self.row.error(field, message),
        };
        self.errors.push(error);
    }

    /// Records that `value` of `field` names no record (`reason` says why): a problem of this
    /// row, reported once with every row that holds the same value.
    pub fn unresolved(&mut self, field: &str, value: &str, reason: &str) {
        self.reported.push(field.to_owned());
        let cell = match self.mapping.column_of(field) {
            Some(column) => address(&self.row.sheet, self.row.row, column.index),
            None => self.row.address(field),
        };
        let key = (field.to_owned(), crate::read::mapping::value_key(value));
        let header = self
            .mapping
            .column_of(field)
            .map(|c| c.header.clone())
            .unwrap_or_default();
        self.unresolved
            .entry(key)
            .or_insert_with(|| UnresolvedValue {
                field: field.to_owned(),
                value: value.to_owned(),
                header,
                cells: Vec::new(),
                reason: reason.to_owned(),
            })
            .cells
            .push(cell);
    }

    /// A cleaned value, or `None` with the problem recorded.
    pub fn read<T>(
        &mut self,
        field: &str,
        clean: impl FnOnce(&Cell) -> Result<T, String>,
    ) -> Option<T> {
        match clean(self.cell(field)) {
            Ok(value) => Some(value),
            Err(message) => {
                self.error(field, &message);
                None
            }
        }
    }

    /// The cell's text, empty when blank; a field joined from parts (a name from first and
    /// last name) is their texts joined by a space when it has no column of its own.
    pub fn text(&self, field: &str) -> String {
        if self.mapping.column_of(field).is_none()
            && let Some(f) = self.mapping.kind.field(field)
            && !f.parts.is_empty()
        {
            let texts: Vec<String> = f
                .parts
                .iter()
                .filter_map(|p| clean::text(self.cell(p)))
                .collect();
            return texts.join(" ");
        }
        clean::text(self.cell(field)).unwrap_or_default()
    }

    /// Sets `slot` to the cell's text when the column is mapped.
    pub fn set_text(&self, field: &str, slot: &mut String) {
        if self.mapped(field) {
            *slot = self.text(field);
        }
    }

    /// The cell's text, or a problem ("A title is needed here.") when blank.
    pub fn required(&mut self, field: &str, what: &str) -> Option<String> {
        let text = self.text(field);
        if text.is_empty() {
            self.error(field, &format!("{what} is needed here."));
            None
        } else {
            Some(text)
        }
    }

    /// Moves the core's validation errors onto this row's cells, `rename` turning the model's
    /// field names into the importer's (`owner_id` → `owner`); other errors pass unchanged.
    pub fn core(&mut self, err: CoreError, rename: impl Fn(&str) -> &str) {
        if err.code != ErrorCode::Validation || err.fields.is_empty() {
            self.error("", &err.message);
            return;
        }
        for f in err.fields {
            let field = rename(&f.field);
            if !self.reported.iter().any(|r| r == field) {
                let message = f.message.clone();
                self.error(field, &message);
            }
        }
    }
}
