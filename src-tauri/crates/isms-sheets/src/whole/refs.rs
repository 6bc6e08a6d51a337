//! Cross-record references in the whole-vault workbook, shown as what a person reads rather
//! than as ids: people by e-mail, assets, suppliers and interested parties by name, documents,
//! risks, measures and tracker items by reference, courses and objectives by title. The
//! snapshot holds ids ("Owner id" 17); the workbook shows "Owner" ann@example.com, and the
//! reader turns each cell back into the id of the record the workbook's own sheet lists with
//! that e-mail or name.
//!
//! A label is used only where it names one record unambiguously: it is not empty, has no
//! surrounding spaces, no `;` (which separates a list's labels) or line break, does not start
//! with `#`, and no other record of its register has it (ignoring case). Any other record is
//! written `#17`, its id, which always resolves; the reader applies the same rule to the same
//! sheet, so the workbook reads back exactly. A label that names no record, or two, is a
//! problem named by its sheet, row and column.
//!
//! Kept as ids: evidence (its records have no name a person types; file names repeat, and
//! the Evidence sheet lists each id beside its file name and hash), document versions (an
//! acknowledgement's `version_id`; a version's number is unique only within its document),
//! and a sub-record's echo of its parent (a supplier review's `supplier_id`), which is not a
//! column at all.

use std::collections::HashMap;

use serde_json::{Map, Value as Json};

/// A register that other records refer to, and the field that names its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Target {
    /// The snapshot's field: `people`.
    pub table: &'static str,
    /// The field whose value names a record: `email`.
    pub by: &'static str,
    /// One record, for messages: "person".
    pub noun: &'static str,
    /// What the label is, for messages: "e-mail".
    pub label: &'static str,
}

const PERSON: Target = Target {
    table: "people",
    by: "email",
    noun: "person",
    label: "e-mail",
};

/// Referring fields (the same field name refers to the same register everywhere) and their
/// target. A field ending `_ids` is a list.
const REFS: &[(&str, Target)] = &[
    ("owner_id", PERSON),
    ("person_id", PERSON),
    ("auditor_id", PERSON),
    ("approver_id", PERSON),
    ("requester_id", PERSON),
    ("attendee_ids", PERSON),
    ("approved_by", PERSON),
    ("reported_by", PERSON),
    ("measured_by", PERSON),
    ("evaluated_by", PERSON),
    ("asset_ids", target("assets", "name", "asset", "name")),
    (
        "document_ids",
        target("documents", "reference", "document", "reference"),
    ),
    (
        "risk_ids",
        target("risks", "reference", "risk", "reference"),
    ),
    (
        "supplier_ids",
        target("suppliers", "name", "supplier", "name"),
    ),
    ("course_id", target("courses", "title", "course", "title")),
    (
        "measure_id",
        target("measures", "reference", "measure", "reference"),
    ),
    (
        "objective_ids",
        target("objectives", "title", "objective", "title"),
    ),
    (
        "tracker_item_id",
        target("tracker", "reference", "tracker item", "reference"),
    ),
    (
        "party_id",
        target("interested_parties", "name", "interested party", "name"),
    ),
];

const fn target(
    table: &'static str,
    by: &'static str,
    noun: &'static str,
    label: &'static str,
) -> Target {
    Target {
        table,
        by,
        noun,
        label,
    }
}

/// The register `field` refers to, if it is a reference shown by label.
pub(crate) fn target_of(field: &str) -> Option<Target> {
    REFS.iter().find(|(f, _)| *f == field).map(|(_, t)| *t)
}

/// "owner_id" → "owner", "asset_ids" → "assets", "approved_by" stays.
pub(crate) fn plain_key(field: &str) -> String {
    if let Some(stem) = field.strip_suffix("_ids") {
        format!("{stem}s")
    } else if let Some(stem) = field.strip_suffix("_id") {
        stem.to_owned()
    } else {
        field.to_owned()
    }
}

/// The labels of one register's records, both ways.
#[derive(Debug, Default)]
pub(crate) struct Labels {
    by_id: HashMap<i64, String>,
    /// Folded label (and `#id`) → id; `None` for a label two records share.
    by_label: HashMap<String, Option<i64>>,
}

fn fold(label: &str) -> String {
    crate::read::cell::trim(label).to_lowercase()
}

/// A label that can stand for its record in a cell on its own or in a list.
fn clean(label: &str) -> bool {
    !label.is_empty()
        && label.trim() == label
        && !label.starts_with('#')
        && !label.contains([';', '\n', '\r'])
}

impl Labels {
    /// From a register's records in the snapshot's JSON form.
    pub(crate) fn of(records: &[Json], by: &str) -> Labels {
        let pairs: Vec<(i64, &str)> = records
            .iter()
            .filter_map(|r| {
                let id = r.get("id")?.as_i64()?;
                Some((id, r.get(by).and_then(Json::as_str).unwrap_or_default()))
            })
            .collect();
        let mut count: HashMap<String, usize> = HashMap::new();
        for (_, label) in &pairs {
            *count.entry(fold(label)).or_default() += 1;
        }
        let mut labels = Labels::default();
        for (id, label) in pairs {
            let unique = count.get(&fold(label)) == Some(&1);
            if unique && clean(label) {
                labels.by_id.insert(id, label.to_owned());
            } else {
                labels.by_id.insert(id, format!("#{id}"));
            }
            let folded = fold(label);
            // `#…` always means an id, never a name.
            if !folded.is_empty() && !folded.starts_with('#') {
                labels
                    .by_label
                    .insert(folded, if unique { Some(id) } else { None });
            }
            labels.by_label.insert(format!("#{id}"), Some(id));
        }
        labels
    }

    /// The label written for the record `id`; `#id` for one the register does not hold.
    pub(crate) fn label(&self, id: i64) -> String {
        self.by_id
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("#{id}"))
    }

    /// The id a label (as typed: any case, surrounding spaces) stands for.
    pub(crate) fn resolve(&self, label: &str, target: &Target) -> Result<i64, String> {
        let label = crate::read::cell::trim(label);
        match self.by_label.get(&fold(label)) {
            Some(Some(id)) => Ok(*id),
            Some(None) => Err(format!(
                "“{label}” is the {} of more than one {}; write the one meant as #id (its Id).",
                target.label, target.noun
            )),
            None => Err(format!(
                "no {} has the {} “{label}”.",
                target.noun, target.label
            )),
        }
    }
}

/// Each target register's labels, from the snapshot's JSON form.
pub(crate) fn labels(snapshot: &Map<String, Json>) -> HashMap<&'static str, Labels> {
    let mut out = HashMap::new();
    for (_, t) in REFS {
        if out.contains_key(t.table) {
            continue;
        }
        let records = match snapshot.get(t.table) {
            Some(Json::Array(items)) => items.as_slice(),
            _ => &[],
        };
        out.insert(t.table, Labels::of(records, t.by));
    }
    out
}

/// A list's labels as one cell: "a@x.example; b@x.example".
pub(crate) fn join(labels: impl Iterator<Item = String>) -> String {
    labels.collect::<Vec<_>>().join("; ")
}

/// A list cell's labels, blanks skipped.
pub(crate) fn split(text: &str) -> impl Iterator<Item = &str> {
    text.split([';', '\n', '\r'])
        .map(crate::read::cell::trim)
        .filter(|s| !s.is_empty())
}

/// Where a reference waits, while the sheets are read, for its register's labels: an object
/// with these keys, replaced by the id (or list of ids) once every sheet is read.
pub(crate) const PENDING: &str = "\u{0}ref";
const TEXT: &str = "\u{0}text";
const AT: &str = "\u{0}at";
const HEADER: &str = "\u{0}header";

/// The placeholder for the text of a reference cell at `at` ("Assets!D4") under `header`.
pub(crate) fn pending(field: &str, header: &str, text: String, at: String) -> Json {
    let mut m = Map::new();
    m.insert(PENDING.into(), Json::String(field.into()));
    m.insert(TEXT.into(), Json::String(text));
    m.insert(AT.into(), Json::String(at));
    m.insert(HEADER.into(), Json::String(header.into()));
    Json::Object(m)
}

/// Replaces every placeholder within `value` by the id(s) it names; a label that names no
/// record, or two, is a problem `(address, message)` naming the sheet, row and column.
pub(crate) fn resolve_all(
    value: &mut Json,
    labels: &HashMap<&'static str, Labels>,
    errors: &mut Vec<(String, String)>,
) {
    match value {
        Json::Array(items) => {
            for item in items {
                resolve_all(item, labels, errors);
            }
        }
        Json::Object(map) if map.contains_key(PENDING) => {
            let text = |k: &str| map.get(k).and_then(Json::as_str).unwrap_or_default();
            let (field, cell) = (text(PENDING), text(TEXT));
            let (at, header) = (text(AT).to_owned(), text(HEADER).to_owned());
            let Some(target) = target_of(field) else {
                *value = Json::Null;
                return;
            };
            let empty = Labels::default();
            let known = labels.get(target.table).unwrap_or(&empty);
            let mut one = |label: &str| {
                let found = if crate::read::cell::trim(label).is_empty() {
                    Err(format!(
                        "a {} is needed (their {}).",
                        target.noun, target.label
                    ))
                } else {
                    known.resolve(label, &target)
                };
                found.map(Json::from).unwrap_or_else(|message| {
                    errors.push((at.clone(), format!("{at} ({header}): {message}")));
                    Json::Null
                })
            };
            *value = if field.ends_with("_ids") {
                Json::Array(split(cell).map(&mut one).collect())
            } else {
                one(cell)
            };
        }
        Json::Object(map) => {
            for item in map.values_mut() {
                resolve_all(item, labels, errors);
            }
        }
        _ => {}
    }
}
