//! Reading the whole-vault workbook back into a snapshot: each sheet by its name, each column
//! by its header (an unknown header is a problem, never silently dropped), each cell by the
//! shape its field has; sub-record rows are put back under the parent their first column
//! names. Every problem is collected with its cell's address before anything is written; a
//! record the snapshot's types refuse is named by its sheet and row.

use std::collections::HashMap;
use std::path::Path;

use isms_core::snapshot::{self, Snapshot};
use isms_core::{CoreError, FieldError, Result};
use serde_json::{Map, Number, Value as Json};

use super::refs;
use super::shape::{Child, Column, Shape, Table, key_of};
use super::write::key_text;
use crate::read::cell::{Cell, address, number_text, trim};
use crate::read::{Limits, Workbook, clean, dates, open_all, same_sheet};

/// One record read from a row, with the row it came from.
struct Row {
    number: u32,
    record: Map<String, Json>,
}

/// Reads `path` into a snapshot, or fails with every problem found. The file is opened and
/// checked once, and every sheet read from that one opening.
pub(crate) fn read(path: &Path, tables: &[Table], limits: Limits) -> Result<Snapshot> {
    let books = open_all(path, limits)?;
    let mut errors = Vec::new();
    let mut known: Vec<&str> = Vec::new();
    let mut whole = Map::new();
    whole.insert("format".into(), Json::String(snapshot::FORMAT.into()));
    whole.insert("version".into(), Json::from(snapshot::VERSION));
    let mut rows_of: HashMap<String, Vec<u32>> = HashMap::new();
    for table in tables {
        known.push(&table.sheet);
        let mut rows = sheet_rows(&books, &table.sheet, None, &table.columns, &mut errors);
        for child in &table.children {
            known.push(&child.sheet);
            attach(&books, child, &mut rows, &mut errors);
        }
        rows_of.insert(table.key.clone(), rows.iter().map(|r| r.number).collect());
        let records: Vec<Json> = rows.into_iter().map(|r| Json::Object(r.record)).collect();
        if table.single {
            match <[Json; 1]>::try_from(records) {
                Ok([one]) => {
                    whole.insert(table.key.clone(), one);
                }
                Err(records) if records.is_empty() && table.required => {
                    errors.push(FieldError::new(
                        &table.sheet,
                        format!(
                            "The workbook needs its “{}” sheet, with one row.",
                            table.sheet
                        ),
                    ));
                }
                Err(records) if records.is_empty() => {}
                Err(_) => errors.push(FieldError::new(
                    &table.sheet,
                    format!("The sheet “{}” holds one record, on row 2.", table.sheet),
                )),
            }
        } else {
            whole.insert(table.key.clone(), Json::Array(records));
        }
    }
    for name in books.iter().map(|b| &b.sheet) {
        if !known.iter().any(|k| same_sheet(k, name)) {
            errors.push(FieldError::new(
                name,
                format!("The sheet “{name}” is not a register of the vault; rename or remove it."),
            ));
        }
    }
    // References by label become ids once every register's records are read.
    let labels = refs::labels(&whole);
    let mut whole = Json::Object(whole);
    let mut unresolved = Vec::new();
    refs::resolve_all(&mut whole, &labels, &mut unresolved);
    errors.extend(
        unresolved
            .into_iter()
            .map(|(at, message)| FieldError::new(&at, message)),
    );
    if !errors.is_empty() {
        return Err(fail(errors));
    }
    // Read through a reference: a copy of the whole workbook's values costs as much again.
    match <Snapshot as serde::Deserialize>::deserialize(&whole) {
        Ok(s) => Ok(s),
        Err(e) => Err(fail(explain(&whole, tables, &rows_of, &e))),
    }
}

fn fail(errors: Vec<FieldError>) -> CoreError {
    let n = errors.len();
    let mut err = CoreError::validation(errors);
    err.message = format!(
        "{n} problem{} in the workbook; nothing was imported.",
        if n == 1 { "" } else { "s" }
    );
    err
}

/// Which record the snapshot's types refused: each record tried alone, named by sheet and row.
fn explain(
    whole: &Json,
    tables: &[Table],
    rows_of: &HashMap<String, Vec<u32>>,
    err: &serde_json::Error,
) -> Vec<FieldError> {
    let mut found = Vec::new();
    for table in tables {
        let records: Vec<Json> = match whole.get(&table.key) {
            Some(Json::Array(items)) => items.clone(),
            Some(one) => vec![one.clone()],
            None => continue,
        };
        for (i, record) in records.into_iter().enumerate() {
            let mut alone = whole.as_object().cloned().unwrap_or_default();
            for t in tables {
                if !t.single {
                    alone.insert(t.key.clone(), Json::Array(Vec::new()));
                }
            }
            let value = if table.single {
                record
            } else {
                Json::Array(vec![record])
            };
            alone.insert(table.key.clone(), value);
            if let Err(e) = serde_json::from_value::<Snapshot>(Json::Object(alone)) {
                let row = rows_of
                    .get(&table.key)
                    .and_then(|r| r.get(i))
                    .copied()
                    .unwrap_or(2);
                let at = format!("{}!{row}", table.sheet);
                found.push(FieldError::new(&at, format!("{at}: {e}.")));
            }
        }
    }
    if found.is_empty() {
        found.push(FieldError::new(
            "file",
            format!("The workbook does not make a vault: {err}."),
        ));
    }
    found
}

/// The sheet named `name`, or `None` when the workbook has none (an empty register).
fn sheet<'a>(books: &'a [Workbook], name: &str) -> Option<&'a Workbook> {
    books.iter().find(|b| same_sheet(&b.sheet, name))
}

/// Each data row of sheet `name` as a record of `columns`; with `parent`, each row's parent
/// key (its first column's text) too.
fn sheet_rows(
    books: &[Workbook],
    name: &str,
    parent: Option<&str>,
    columns: &[Column],
    errors: &mut Vec<FieldError>,
) -> Vec<Row> {
    let Some(book) = sheet(books, name) else {
        return Vec::new();
    };
    let sheet = book.sheet.as_str();
    let Some(header) = book.rows.first() else {
        return Vec::new();
    };
    // Column index → the field it fills (`None` for the parent key).
    let mut fields: Vec<(usize, Option<&Column>)> = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        let text = cell.display();
        if trim(&text).is_empty() {
            continue;
        }
        let key = key_of(&text);
        if parent.is_some_and(|p| key_of(p) == key) {
            fields.push((i, None));
        } else if let Some(c) = columns.iter().find(|c| key_of(&c.header) == key) {
            fields.push((i, Some(c)));
        } else {
            let at = address(sheet, 1, i);
            errors.push(FieldError::new(
                &at,
                format!("{at}: “{}” is not a field of this sheet.", trim(&text)),
            ));
        }
    }
    if parent.is_some() && !fields.iter().any(|(_, c)| c.is_none()) {
        errors.push(FieldError::new(
            &address(sheet, 1, 0),
            format!(
                "The sheet “{sheet}” needs a “{}” column.",
                parent.unwrap_or_default()
            ),
        ));
    }
    let mut rows = Vec::new();
    for (r, cells) in book.rows.iter().enumerate().skip(1) {
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        let number = u32::try_from(r + 1).unwrap_or(u32::MAX);
        let mut record = Map::new();
        for (i, column) in &fields {
            let cell = cells.get(*i).unwrap_or(&Cell::Empty);
            let Some(column) = column else {
                record.insert(PARENT.into(), Json::String(parent_text(cell)));
                continue;
            };
            if column.shape == Shape::Ref {
                let at = address(sheet, number, *i);
                let v = reference(column, cell, at);
                record.insert(column.key.clone(), v);
                continue;
            }
            match value(column, cell) {
                Ok(Some(v)) => {
                    record.insert(column.key.clone(), v);
                }
                Ok(None) => {}
                Err(message) => {
                    let at = address(sheet, number, *i);
                    errors.push(FieldError::new(
                        &at,
                        format!("{at} ({}): {message}", column.header),
                    ));
                }
            }
        }
        rows.push(Row { number, record });
    }
    rows
}

/// A reference cell: `null` or no records when blank (as its field allows), else a
/// placeholder resolved once every sheet is read.
fn reference(column: &Column, cell: &Cell, at: String) -> Json {
    let text = parent_text(cell);
    let list = column.key.ends_with("_ids");
    if text.is_empty() && list {
        Json::Array(Vec::new())
    } else if text.is_empty() && column.nullable {
        Json::Null
    } else {
        refs::pending(&column.key, &column.header, text, at)
    }
}

/// Where a child row keeps its parent's key while it is read.
const PARENT: &str = "\u{0}parent";

fn parent_text(cell: &Cell) -> String {
    match cell {
        Cell::Number(n) => number_text(*n),
        other => trim(&other.display()).to_owned(),
    }
}

/// Reads `child`'s sheet and puts each row under its parent among `parents`.
fn attach(books: &[Workbook], child: &Child, parents: &mut [Row], errors: &mut Vec<FieldError>) {
    for p in parents.iter_mut() {
        let empty = if child.map {
            Json::Object(Map::new())
        } else {
            Json::Array(Vec::new())
        };
        p.record.entry(child.field.clone()).or_insert(empty);
    }
    let index: HashMap<String, usize> = parents
        .iter()
        .enumerate()
        .map(|(i, p)| (key_text(p.record.get(&child.parent_key)), i))
        .collect();
    let rows = sheet_rows(
        books,
        &child.sheet,
        Some(&child.parent_header),
        &child.columns,
        errors,
    );
    for mut row in rows {
        let key = match row.record.remove(PARENT) {
            Some(Json::String(k)) => k,
            _ => String::new(),
        };
        let Some(&i) = index.get(&key) else {
            let at = address(&child.sheet, row.number, 0);
            errors.push(FieldError::new(
                &at,
                format!(
                    "{at}: no row of the parent sheet has “{key}” as its {}.",
                    child.parent_header.to_lowercase()
                ),
            ));
            continue;
        };
        if let Some(echo) = &child.echo {
            let key = parents[i]
                .record
                .get(&child.parent_key)
                .cloned()
                .unwrap_or(Json::Null);
            row.record.insert(echo.clone(), key);
        }
        let slot = parents[i].record.get_mut(&child.field);
        match slot {
            Some(Json::Array(items)) => items.push(Json::Object(row.record)),
            Some(Json::Object(map)) => {
                let k = key_text(row.record.get("key"));
                let v = row.record.remove("value").unwrap_or(Json::Null);
                map.insert(k, v);
            }
            _ => {}
        }
    }
}

/// A cell as its column's JSON value: `None` leaves the field to its default.
fn value(column: &Column, cell: &Cell) -> std::result::Result<Option<Json>, String> {
    if cell.is_empty() {
        return Ok(match column.shape {
            _ if column.nullable => Some(Json::Null),
            Shape::Text => Some(Json::String(String::new())),
            _ => None,
        });
    }
    let text = || match cell {
        Cell::Number(n) => number_text(*n),
        Cell::Date(d) => d.date().to_string(),
        other => other.display(),
    };
    Ok(Some(match column.shape {
        Shape::Text => Json::String(text()),
        Shape::Date => match dates::date(cell)? {
            Some(day) => Json::String(day.to_string()),
            None => Json::Null,
        },
        Shape::Integer => {
            let t = text();
            let n: i64 = trim(&t)
                .parse()
                .map_err(|_| format!("“{}” is not a whole number.", trim(&t)))?;
            Json::from(n)
        }
        Shape::Number => {
            let t = text();
            let n: f64 = trim(&t)
                .parse()
                .map_err(|_| format!("“{}” is not a number.", trim(&t)))?;
            Number::from_f64(n).map_or(Json::Null, Json::Number)
        }
        Shape::Bool => Json::Bool(clean::flag(cell)?.unwrap_or(false)),
        // Read by `reference` before this; as text if ever here.
        Shape::Ref => Json::String(text()),
        Shape::Json => serde_json::from_str(&text()).map_err(|e| {
            format!(
                "“{}” is not the JSON this column holds: {e}.",
                trim(&text())
            )
        })?,
    }))
}
