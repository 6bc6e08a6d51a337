//! The shape of the whole-vault workbook, taken from the snapshot's JSON Schema rather than
//! typed by hand: one [`Table`] per register of the snapshot (a sheet, its columns and how
//! each column's cells are written and read), and one [`Child`] sheet per list of sub-records
//! (a risk's actions, a document's versions, a review's inputs), keyed by the parent's
//! reference. A register added to the snapshot gets its sheet without a change here; the table
//! [`NAMES`] only gives the known ones a plain sheet name and their order.

use serde_json::Value;

use super::refs::{Target, plain_key, target_of};

/// How a column's cells are written and read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Text,
    /// A day, written as a real date cell.
    Date,
    Integer,
    Number,
    /// Written "Yes" / "No".
    Bool,
    /// Anything else (lists of values, small objects): its JSON text.
    Json,
    /// Another record (or a list of them) by its label, not its id ([`super::refs`]).
    Ref,
}

#[derive(Debug, Clone)]
pub(crate) struct Column {
    /// The record's field.
    pub key: String,
    pub header: String,
    pub shape: Shape,
    /// A blank cell reads as `null` rather than as empty text or the field's default.
    pub nullable: bool,
    /// For [`Shape::Ref`]: the register it refers to.
    pub target: Option<Target>,
}

/// Sub-records of a register on their own sheet.
#[derive(Debug, Clone)]
pub(crate) struct Child {
    /// The parent's field holding them.
    pub field: String,
    pub sheet: String,
    /// The parent's field that names it on each row (reference, else id, else name).
    pub parent_key: String,
    pub parent_header: String,
    /// A map (input → note) rather than a list: one row per key.
    pub map: bool,
    /// The sub-record's own field that repeats the parent's key (a review's `supplier_id`):
    /// not a column of its own, filled from the parent when read.
    pub echo: Option<String>,
    /// For a list: the sub-record's columns. For a map: "Key" and "Value".
    pub columns: Vec<Column>,
}

#[derive(Debug, Clone)]
pub(crate) struct Table {
    /// The snapshot's field: `risks`.
    pub key: String,
    pub sheet: String,
    /// One record (organisation, risk method) rather than a list.
    pub single: bool,
    /// The snapshot cannot be without it (the organisation).
    pub required: bool,
    pub columns: Vec<Column>,
    pub children: Vec<Child>,
}

/// Known registers in workbook order: snapshot field, sheet name, one record's noun.
const NAMES: &[(&str, &str, &str)] = &[
    ("organisation", "Organisation", "Organisation"),
    ("risk_method", "Risk method", "Risk method"),
    ("people", "People", "Person"),
    ("roles", "Roles", "Role"),
    ("competence_evidence", "Competence evidence", "Competence"),
    ("context_issues", "Context issues", "Issue"),
    ("interested_parties", "Interested parties", "Party"),
    ("assets", "Assets", "Asset"),
    ("documents", "Documents", "Document"),
    ("clauses", "Clauses", "Clause"),
    ("risks", "Risks", "Risk"),
    ("soa", "SoA", "SoA entry"),
    ("soa_versions", "SoA versions", "SoA version"),
    ("objectives", "Objectives", "Objective"),
    ("tracker", "Tracker", "Tracker item"),
    ("audits", "Audits", "Audit"),
    ("courses", "Courses", "Course"),
    ("completions", "Completions", "Completion"),
    ("acknowledgements", "Acknowledgements", "Acknowledgement"),
    ("changes", "Changes", "Change"),
    ("reviews", "Reviews", "Review"),
    ("measures", "Measures", "Measure"),
    ("measure_results", "Measure results", "Result"),
    ("suppliers", "Suppliers", "Supplier"),
    ("incidents", "Incidents", "Incident"),
    ("requirements", "Requirements", "Requirement"),
    ("evidence", "Evidence", "Evidence"),
];

/// Snapshot fields that are not registers: the header, and the files (they travel beside).
const NOT_SHEETS: &[&str] = &["format", "version", "evidence_files"];

/// Fields shown first, in this order; the rest follow alphabetically.
const FIRST: &[&str] = &["id", "reference", "number", "name", "title", "clause_id"];

/// Excel's limit on a sheet name.
const MAX_SHEET_NAME: usize = 31;

/// "owner_id" → "Owner id": a plain header that [`key_of`] reads back.
pub(crate) fn header_of(key: &str) -> String {
    let words = key.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Owner id" → "owner_id", ignoring case and surrounding spaces.
pub(crate) fn key_of(header: &str) -> String {
    crate::read::cell::trim(header)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("_")
}

fn sheet_name(name: String) -> String {
    name.chars().take(MAX_SHEET_NAME).collect()
}

/// Every table of the workbook, from the snapshot's schema.
pub(crate) fn tables() -> Vec<Table> {
    let schema: Value =
        serde_json::from_str(&isms_core::snapshot::json_schema()).unwrap_or(Value::Null);
    let defs = schema.get("$defs").cloned().unwrap_or(Value::Null);
    let Some(props) = schema.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    let mut keys: Vec<&String> = props
        .keys()
        .filter(|k| !NOT_SHEETS.contains(&k.as_str()))
        .collect();
    let rank = |k: &str| NAMES.iter().position(|n| n.0 == k).unwrap_or(NAMES.len());
    keys.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.cmp(b)));
    keys.into_iter()
        .filter_map(|key| {
            let (sheet, noun) = NAMES.iter().find(|n| n.0 == key).map_or_else(
                || (header_of(key), header_of(key)),
                |n| (n.1.into(), n.2.into()),
            );
            let prop = &props[key];
            let (single, object) = match prop.get("items") {
                Some(items) => (false, resolve(&defs, items).object),
                None => (true, resolve(&defs, prop).object),
            };
            let object = object?;
            let required = schema
                .get("required")
                .and_then(Value::as_array)
                .is_some_and(|r| r.iter().any(|k| k == key.as_str()));
            let mut table = Table {
                key: key.clone(),
                sheet: sheet_name(sheet),
                single,
                required,
                columns: Vec::new(),
                children: Vec::new(),
            };
            let fields = object.get("properties").and_then(Value::as_object)?;
            let parent_key = ["reference", "id", "name", "number"]
                .into_iter()
                .find(|k| fields.contains_key(*k))
                .unwrap_or("id");
            for field in ordered(fields.keys()) {
                let r = resolve(&defs, &fields[field]);
                if let Some(child) = child(&defs, &noun, field, parent_key, &r) {
                    table.children.push(child);
                } else {
                    table.columns.push(column(field, &r));
                }
            }
            Some(table)
        })
        .collect()
}

fn ordered<'a>(keys: impl Iterator<Item = &'a String>) -> Vec<&'a String> {
    let mut keys: Vec<&String> = keys.collect();
    let rank = |k: &str| FIRST.iter().position(|f| *f == k).unwrap_or(FIRST.len());
    keys.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.cmp(b)));
    keys
}

/// A field's column; a reference to another record is shown by that record's label, under
/// a header without "id" ("owner_id" → "Owner").
fn column(key: &str, r: &Resolved) -> Column {
    let target = target_of(key).filter(|_| matches!(r.shape, Shape::Integer | Shape::Json));
    match target {
        Some(target) => Column {
            key: key.to_owned(),
            header: header_of(&plain_key(key)),
            shape: Shape::Ref,
            nullable: r.nullable,
            target: Some(target),
        },
        None => Column {
            key: key.to_owned(),
            header: header_of(key),
            shape: r.shape,
            nullable: r.nullable,
            target: None,
        },
    }
}

/// A list of objects or a map becomes a child sheet; anything else stays a column.
fn child(defs: &Value, noun: &str, field: &str, parent_key: &str, r: &Resolved) -> Option<Child> {
    let sheet = sheet_name(format!("{noun} {}", header_of(field).to_lowercase()));
    let parent_header = format!("{noun} {}", header_of(parent_key).to_lowercase());
    if let Some(items) = r.items.as_ref() {
        let item = resolve(defs, items);
        let fields = item.object.as_ref()?.get("properties")?.as_object()?;
        let echo = key_of(&parent_header);
        let columns = ordered(fields.keys())
            .into_iter()
            .filter(|k| **k != echo)
            .map(|k| column(k, &resolve(defs, &fields[k])))
            .collect();
        return Some(Child {
            field: field.to_owned(),
            sheet,
            parent_key: parent_key.to_owned(),
            parent_header,
            map: false,
            echo: fields.contains_key(&echo).then_some(echo),
            columns,
        });
    }
    let value = r.map_values.as_ref()?;
    let value = resolve(defs, value);
    Some(Child {
        field: field.to_owned(),
        sheet,
        parent_key: parent_key.to_owned(),
        parent_header,
        map: true,
        echo: None,
        columns: vec![
            column("key", &Resolved::text()),
            Column {
                key: "value".into(),
                header: "Value".into(),
                shape: value.shape,
                nullable: value.nullable,
                target: None,
            },
        ],
    })
}

/// What a schema says about one value.
struct Resolved {
    shape: Shape,
    nullable: bool,
    /// The definition of a struct (it has `properties`).
    object: Option<Value>,
    /// A list's item schema.
    items: Option<Value>,
    /// A map's value schema.
    map_values: Option<Value>,
}

impl Resolved {
    fn text() -> Self {
        Resolved {
            shape: Shape::Text,
            nullable: false,
            object: None,
            items: None,
            map_values: None,
        }
    }

    fn json() -> Self {
        Resolved {
            shape: Shape::Json,
            ..Resolved::text()
        }
    }
}

fn resolve(defs: &Value, schema: &Value) -> Resolved {
    if let Some(target) = schema.get("$ref").and_then(Value::as_str) {
        let name = target.rsplit('/').next().unwrap_or_default();
        return match defs.get(name) {
            Some(def) => resolve(defs, def),
            None => Resolved::json(),
        };
    }
    if let Some(any) = schema.get("anyOf").and_then(Value::as_array) {
        let not_null: Vec<&Value> = any.iter().filter(|s| !is_null(s)).collect();
        if let [one] = not_null.as_slice() {
            let mut r = resolve(defs, one);
            r.nullable = not_null.len() < any.len();
            return r;
        }
        return Resolved::json();
    }
    if let Some(one_of) = schema.get("oneOf").and_then(Value::as_array) {
        // An enum of words (each variant a string constant) is text; any other is JSON.
        let words = one_of
            .iter()
            .all(|v| type_of(v).0.as_deref() == Some("string"));
        return if words {
            Resolved::text()
        } else {
            Resolved::json()
        };
    }
    let (ty, nullable) = type_of(schema);
    let mut r = Resolved {
        nullable,
        ..Resolved::json()
    };
    match ty.as_deref() {
        Some("string") => {
            r.shape = match schema.get("format").and_then(Value::as_str) {
                Some("date") => Shape::Date,
                _ => Shape::Text,
            };
        }
        Some("integer") => r.shape = Shape::Integer,
        Some("number") => r.shape = Shape::Number,
        Some("boolean") => r.shape = Shape::Bool,
        Some("array") => r.items = schema.get("items").cloned(),
        Some("object") => {
            if schema.get("properties").is_some() {
                r.object = Some(schema.clone());
            } else if let Some(values) =
                schema.get("additionalProperties").filter(|v| v.is_object())
            {
                r.map_values = Some(values.clone());
            }
        }
        _ => {}
    }
    r
}

fn is_null(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("null")
}

/// A schema's type other than null, and whether null is allowed too.
fn type_of(schema: &Value) -> (Option<String>, bool) {
    match schema.get("type") {
        Some(Value::String(t)) => (Some(t.clone()), false),
        Some(Value::Array(types)) => {
            let named: Vec<&str> = types.iter().filter_map(Value::as_str).collect();
            let other = named
                .iter()
                .find(|t| **t != "null")
                .map(|t| (*t).to_owned());
            (other, named.contains(&"null"))
        }
        _ if schema.get("const").is_some_and(Value::is_string) => (Some("string".into()), false),
        _ if schema.get("enum").is_some() => (Some("string".into()), false),
        _ => (None, false),
    }
}
