//! The snapshot laid out as sheets: each record a row, each field a cell as its [`Shape`]
//! says (days as dates, yes/no as words, lists as their JSON text), sub-records on their own
//! sheets after their parent's reference. Nothing is dropped: what a cell cannot show plainly
//! it shows as JSON, which the reader takes back as it was.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::{Map, Value as Json};

use super::refs::{self, Labels};
use super::shape::{Child, Column, Shape, Table};
use crate::write::sheet::{Sheet, Value};

/// The sheets of `snapshot` (its JSON form), in the tables' order: each table, then its children.
pub(crate) fn sheets(tables: &[Table], snapshot: &Json) -> Vec<Sheet> {
    let empty = Map::new();
    let labels = refs::labels(snapshot.as_object().unwrap_or(&empty));
    let cell = |c: &Column, v: Option<&Json>| cell(c, v, &labels);
    let mut out = Vec::new();
    for table in tables {
        let records: Vec<&Map<String, Json>> = match snapshot.get(&table.key) {
            Some(Json::Array(items)) => items.iter().filter_map(Json::as_object).collect(),
            Some(Json::Object(one)) => vec![one],
            _ => Vec::new(),
        };
        let mut sheet = Sheet::new(&table.sheet, &headers(&table.columns));
        for record in &records {
            sheet.push(
                table
                    .columns
                    .iter()
                    .map(|c| cell(c, record.get(&c.key)))
                    .collect(),
            );
        }
        out.push(sheet);
        for child in &table.children {
            out.push(child_sheet(child, &records, &cell));
        }
    }
    out
}

fn headers(columns: &[Column]) -> Vec<&str> {
    columns.iter().map(|c| c.header.as_str()).collect()
}

fn child_sheet(
    child: &Child,
    parents: &[&Map<String, Json>],
    cell: &dyn Fn(&Column, Option<&Json>) -> Value,
) -> Sheet {
    let mut names = vec![child.parent_header.as_str()];
    names.extend(headers(&child.columns));
    let mut sheet = Sheet::new(&child.sheet, &names);
    for parent in parents {
        let key = key_cell(parent.get(&child.parent_key));
        match parent.get(&child.field) {
            Some(Json::Array(items)) => {
                for item in items.iter().filter_map(Json::as_object) {
                    let mut row = vec![key.clone()];
                    row.extend(child.columns.iter().map(|c| cell(c, item.get(&c.key))));
                    sheet.push(row);
                }
            }
            Some(Json::Object(map)) if child.map => {
                for (k, v) in map {
                    let value = &child.columns[1];
                    sheet.push(vec![
                        key.clone(),
                        Value::text(k.clone()),
                        cell(value, Some(v)),
                    ]);
                }
            }
            _ => {}
        }
    }
    sheet
}

/// The parent's key as text, so "R-001" and 7 both name a row the same way.
pub(crate) fn key_text(value: Option<&Json>) -> String {
    match value {
        Some(Json::String(s)) => s.clone(),
        Some(Json::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn key_cell(value: Option<&Json>) -> Value {
    match value {
        Some(Json::Number(n)) => n.as_f64().map_or(Value::Empty, Value::Number),
        other => Value::text(key_text(other)),
    }
}

fn cell(column: &Column, value: Option<&Json>, labels: &HashMap<&str, Labels>) -> Value {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Value::Empty;
    };
    let label = |id: &Json| {
        let known = column.target.and_then(|t| labels.get(t.table));
        match (id.as_i64(), known) {
            (Some(id), Some(known)) => known.label(id),
            (Some(id), None) => format!("#{id}"),
            _ => id.to_string(),
        }
    };
    match (column.shape, value) {
        (Shape::Ref, Json::Array(ids)) => Value::text(refs::join(ids.iter().map(label))),
        (Shape::Ref, id @ Json::Number(_)) => Value::text(label(id)),
        (Shape::Text, Json::String(s)) => Value::text(s.clone()),
        (Shape::Date, Json::String(s)) => match s.parse::<NaiveDate>() {
            Ok(day) => Value::Date(day),
            Err(_) => Value::text(s.clone()),
        },
        (Shape::Integer | Shape::Number, Json::Number(n)) => n
            .as_f64()
            .map_or_else(|| Value::text(n.to_string()), Value::Number),
        (Shape::Bool, Json::Bool(b)) => Value::yes_no(*b),
        // A value of another shape than the schema says (never from the vault): keep it whole.
        (_, other) => Value::text(other.to_string()),
    }
}
