//! Register by register through spreadsheets: the demo company ready for Stage 2, each
//! register exported on its own (`isms export-sheet <vault> <kind>`) and imported one by one,
//! with no `--sheet` and no mapping file, into a new vault made as `isms new` makes one, in
//! the order the registers depend on each other (people first; the risk method before the
//! risks; documents before their acknowledgements). Then each register of the two vaults'
//! snapshots is compared with ids and timestamps removed, people, assets, courses, document
//! versions and the other records referred to by name or reference, and lists compared as
//! sets (the order records and links are stored in is not theirs).
//!
//! What does not come back yet is named, never skipped: [`GAPS`] lists each part left out of
//! the comparison with the reason, and the test fails when a listed part does come back, so
//! switching a part on is deleting its line. [`OUTSIDE`] lists the parts of the snapshot a
//! per-register workbook does not carry at all, and every part of the snapshot must be either
//! compared or listed there.

use std::collections::HashMap;
use std::path::Path;

use isms_core::risks;
use isms_core::{Passphrase, Vault, context};
use isms_sheets::import::{self, Job, Mode, unwatched};
use isms_sheets::read::{self, Kind, Limits};
use isms_sheets::write::{self, SheetKind};
use serde_json::{Map, Value};

use super::workbook::{PASS, new_vault, stamp, today};

/// A part of a register that does not come back through its own workbook yet: the register
/// (a snapshot key), the path of the field inside each record (empty: the whole register),
/// and why.
struct Gap {
    register: &'static str,
    path: &'static [&'static str],
    reason: &'static str,
}

const fn gap(register: &'static str, path: &'static [&'static str], reason: &'static str) -> Gap {
    Gap {
        register,
        path,
        reason,
    }
}

/// Parts that are exported but do not come back from a register's own workbook.
#[rustfmt::skip]
const GAPS: &[Gap] = &[
    gap("documents", &["versions", "evidence_id"], "evidence travels only in the `all` workbook with its files"),
    gap("tracker", &["evidence_ids"], "evidence travels only in the `all` workbook with its files"),
    gap("completions", &["evidence_id"], "evidence travels only in the `all` workbook with its files"),
    gap("acknowledgements", &["evidence_id"], "evidence travels only in the `all` workbook with its files"),
    gap("competence_evidence", &["evidence_id"], "evidence travels only in the `all` workbook with its files"),
    gap("incidents", &["evidence_ids"], "evidence travels only in the `all` workbook with its files"),
    gap("suppliers", &["certificates", "evidence_id"], "evidence travels only in the `all` workbook with its files"),
    gap("measures", &["objective_ids"], "objectives are not exported register by register"),
];

/// Parts of the snapshot no per-register workbook carries, and why; the `all` workbook
/// (workbook.rs) brings each of them back.
#[rustfmt::skip]
const OUTSIDE: &[(&str, &str)] = &[
    ("format", "the snapshot's own header"),
    ("version", "the snapshot's own header"),
    ("organisation", "`isms new` names it; scope and the rest are kept outside the registers"),
    ("risk_method", "set before the risks, as `isms method set` does, from the demo's method"),
    ("context_issues", "not exported register by register"),
    ("interested_parties", "not exported register by register; copied through the core before the requirements, which name them"),
    ("objectives", "not exported register by register"),
    ("evidence", "not exported register by register (its files travel with the `all` workbook)"),
    ("evidence_files", "not exported register by register (its files travel with the `all` workbook)"),
    ("clauses", "the clause checklist is not exported register by register"),
    ("changes", "not exported register by register"),
    ("reviews", "not exported register by register"),
    ("soa_versions", "not exported register by register"),
];

/// The registers each export brings back, in the order they are imported.
const ORDER: &[(SheetKind, &[&str])] = &[
    (SheetKind::People, &["people"]),
    (SheetKind::Assets, &["assets"]),
    (SheetKind::Soa, &["soa"]),
    (SheetKind::Risks, &["risks"]),
    (SheetKind::Documents, &["documents"]),
    (SheetKind::Tracker, &["tracker"]),
    (SheetKind::Audits, &["audits"]),
    (SheetKind::Training, &["courses", "completions"]),
    (SheetKind::Acknowledgements, &["acknowledgements"]),
    (SheetKind::Competence, &["competence_evidence", "roles"]),
    (SheetKind::Measures, &["measures", "measure_results"]),
    (SheetKind::Suppliers, &["suppliers"]),
    (SheetKind::Incidents, &["incidents"]),
    (SheetKind::Requirements, &["requirements"]),
];

/// Exports that have no import yet (each also listed in [`OUTSIDE`]): none today.
const NOT_IMPORTED: &[SheetKind] = &[];

/// Keys that refer to a record, and the table of names they are read through.
#[rustfmt::skip]
const REFERENCES: &[(&str, &str)] = &[
    ("person_id", "people"), ("owner_id", "people"), ("approved_by", "people"),
    ("reported_by", "people"), ("measured_by", "people"), ("evaluated_by", "people"),
    ("auditor_id", "people"), ("requester_id", "people"), ("approver_id", "people"),
    ("attendee_ids", "people"),
    ("asset_ids", "assets"), ("course_id", "courses"), ("version_id", "versions"),
    ("document_ids", "documents"), ("risk_ids", "risks"), ("supplier_id", "suppliers"),
    ("supplier_ids", "suppliers"), ("measure_id", "measures"), ("tracker_item_id", "tracker"),
    ("party_id", "parties"), ("objective_ids", "objectives"), ("evidence_id", "evidence"),
    ("evidence_ids", "evidence"),
];

/// Each record's name, by table and id, in one vault's snapshot.
type Names = HashMap<&'static str, HashMap<i64, String>>;

fn names(snap: &Value) -> Names {
    let table = |key: &str, name: &dyn Fn(&Value) -> String| -> HashMap<i64, String> {
        snap[key]
            .as_array()
            .unwrap_or_else(|| panic!("the snapshot has {key}"))
            .iter()
            .map(|r| (r["id"].as_i64().unwrap(), name(r)))
            .collect()
    };
    let text = |field: &'static str| move |r: &Value| r[field].as_str().unwrap().to_owned();
    let mut out = Names::new();
    out.insert("people", table("people", &text("email")));
    out.insert("assets", table("assets", &text("name")));
    out.insert("courses", table("courses", &text("title")));
    out.insert("documents", table("documents", &text("reference")));
    out.insert("risks", table("risks", &text("reference")));
    out.insert("suppliers", table("suppliers", &text("name")));
    out.insert("measures", table("measures", &text("reference")));
    out.insert("tracker", table("tracker", &text("reference")));
    out.insert("parties", table("interested_parties", &text("name")));
    out.insert("objectives", table("objectives", &text("title")));
    out.insert("evidence", table("evidence", &text("sha256")));
    let mut versions = HashMap::new();
    for d in snap["documents"].as_array().unwrap() {
        for v in d["versions"].as_array().unwrap() {
            let name = format!(
                "{} {}",
                d["reference"].as_str().unwrap(),
                v["number"].as_str().unwrap()
            );
            versions.insert(v["id"].as_i64().unwrap(), name);
        }
    }
    out.insert("versions", versions);
    out
}

/// `v` with ids and timestamps dropped, references replaced by names, and every list sorted.
fn normal(v: &Value, names: &Names, key: &str) -> Value {
    if let Some(&(_, table)) = REFERENCES.iter().find(|(k, _)| *k == key) {
        let name = |id: &Value| match id.as_i64() {
            Some(id) => Value::String(
                names[table]
                    .get(&id)
                    .unwrap_or_else(|| panic!("{key} {id} names no record of {table}"))
                    .clone(),
            ),
            None => id.clone(),
        };
        return match v {
            Value::Array(ids) => Value::Array(ids.iter().map(name).collect()),
            id => name(id),
        };
    }
    match v {
        Value::Object(fields) => {
            let mut out = Map::new();
            for (k, x) in fields {
                let reference = k.ends_with("_id") || k.ends_with("_ids") || k.ends_with("_by");
                assert!(
                    !reference
                        || REFERENCES.iter().any(|(r, _)| r == k)
                        || k == "control_id"
                        || k == "clause_id",
                    "{k} refers to a record: add it to REFERENCES"
                );
                if k == "id" || k.ends_with("_at") {
                    continue;
                }
                if k == "approved" {
                    out.insert(k.clone(), approved(x, names));
                    continue;
                }
                out.insert(k.clone(), normal(x, names, k));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(|x| normal(x, names, key)).collect()),
        other => other.clone(),
    }
}

/// What a risk approval approved, normalised: its fields as any record's, and its actions,
/// stored as `[title, owner id, due, controls]`, with the owner by name.
fn approved(v: &Value, names: &Names) -> Value {
    let mut out = normal(v, names, "approved");
    if let Some(actions) = out.get_mut("actions").and_then(Value::as_array_mut) {
        for action in actions.iter_mut().filter_map(Value::as_array_mut) {
            if let Some(owner) = action.get_mut(1)
                && let Some(id) = owner.as_i64()
            {
                *owner = Value::String(names["people"][&id].clone());
            }
        }
    }
    out
}

/// `v` with every list, at every depth, sorted: records and links compared as sets.
fn sorted(v: Value) -> Value {
    match v {
        Value::Array(items) => {
            let mut items: Vec<Value> = items.into_iter().map(sorted).collect();
            items.sort_by_cached_key(|x| x.to_string());
            Value::Array(items)
        }
        Value::Object(fields) => {
            Value::Object(fields.into_iter().map(|(k, x)| (k, sorted(x))).collect())
        }
        other => other,
    }
}

/// The fields in which the records of two sorted registers differ, with the first example of
/// each: a short message instead of two whole registers.
fn difference(before: &Value, after: &Value) -> String {
    let (Some(b), Some(a)) = (before.as_array(), after.as_array()) else {
        return format!("{before} ≠ {after}");
    };
    if b.len() != a.len() {
        return format!("{} records, {} after the round trip", b.len(), a.len());
    }
    let mut out = Vec::new();
    for (x, y) in b.iter().zip(a) {
        let (Some(x), Some(y)) = (x.as_object(), y.as_object()) else {
            continue;
        };
        for (k, v) in x {
            if y.get(k) != Some(v) && !out.iter().any(|(f, _): &(String, String)| f == k) {
                let was = y.get(k).map_or("nothing".into(), Value::to_string);
                out.push((k.clone(), format!("{k}: {v} came back as {was}")));
            }
        }
    }
    let lines: Vec<String> = out.into_iter().map(|(_, l)| l).collect();
    lines.join("\n")
}

/// `register` without the part at `path` (in every record, through nested lists).
fn without(v: &mut Value, path: &[&str]) {
    match (v, path) {
        (Value::Array(items), _) => items.iter_mut().for_each(|x| without(x, path)),
        (Value::Object(fields), [last]) => {
            fields.remove(*last);
        }
        (Value::Object(fields), [first, rest @ ..]) => {
            if let Some(x) = fields.get_mut(*first) {
                without(x, rest);
            }
        }
        _ => {}
    }
}

/// One register of both vaults, normalised, without the gaps listed for it except `keep`.
fn compared(
    register: &str,
    (before, after): (&Value, &Value),
    (names_before, names_after): (&Names, &Names),
    keep: Option<&[&str]>,
) -> (Value, Value) {
    let mut pair = (
        normal(&before[register], names_before, register),
        normal(&after[register], names_after, register),
    );
    for g in GAPS
        .iter()
        .filter(|g| g.register == register && Some(g.path) != keep)
    {
        without(&mut pair.0, g.path);
        without(&mut pair.1, g.path);
    }
    (sorted(pair.0), sorted(pair.1))
}

fn json(v: &Vault) -> Value {
    serde_json::to_value(isms_core::snapshot::export(v).unwrap()).unwrap()
}

/// `isms import <vault> <kind> <file>` as the command line runs it: the data sheet found, its
/// columns proposed from the headers, courses and versions created when missing.
fn import_file(target: &mut Vault, kind: Kind, file: &Path, backups: &Path) -> String {
    let book = read::open_for(file, None, kind, Limits::default()).unwrap();
    let mapping = read::detect(&book, kind).unwrap();
    let create_missing = matches!(kind, Kind::Training | Kind::Acknowledgements);
    let import::Beside { parts, options } =
        import::beside(file, &book, kind, create_missing).unwrap();
    let job = Job {
        kind,
        workbook: &book,
        mapping: &mapping,
        options,
        parts: Some(&parts),
    };
    let report = import::import_with(
        target,
        stamp(),
        job,
        Mode::Write { backups },
        &mut unwatched,
    )
    .unwrap_or_else(|e| panic!("{}: {}: {:#?}", kind.as_str(), e.message, e.fields));
    import::describe(&report)
}

#[test]
fn each_register_comes_back_from_its_own_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let source = isms_core::demo::create(
        &dir.path().join("source.isms"),
        Passphrase::new(PASS.into()),
        isms_core::demo::DemoPoint::Stage2Ready,
        isms_core::demo::DemoScale::Small,
        today(),
    )
    .unwrap();
    let before = json(&source);
    // Every export is imported or listed as not importable: none is left out unsaid.
    for kind in SheetKind::ALL {
        assert!(
            ORDER.iter().any(|(k, _)| *k == kind) != NOT_IMPORTED.contains(&kind),
            "{kind} is either imported or listed in NOT_IMPORTED"
        );
    }
    // Every part of the snapshot is compared or said to be outside the registers.
    for key in before.as_object().unwrap().keys() {
        let compared = ORDER.iter().any(|(_, r)| r.contains(&key.as_str()));
        let outside = OUTSIDE.iter().any(|(k, _)| k == key);
        assert!(
            compared != outside,
            "{key} is either compared or listed in OUTSIDE"
        );
    }

    let org = isms_core::organisation::get(source.reader()).unwrap().name;
    let mut target = new_vault(&dir, "target.isms", &org);
    let backups = dir.path().join("backups");
    for (kind, _) in ORDER {
        match kind {
            SheetKind::Risks => {
                let method = risks::get_method(source.reader()).unwrap().unwrap();
                risks::set_method(&mut target, stamp(), method).unwrap();
            }
            SheetKind::Requirements => {
                for party in context::list_parties(source.reader()).unwrap() {
                    let party = context::InterestedParty { id: 0, ..party };
                    context::create_party(&mut target, stamp(), party).unwrap();
                }
            }
            _ => {}
        }
        let file = dir.path().join(format!("{kind}.xlsx"));
        write::export(&source, *kind, today(), &file).unwrap();
        let import_kind = Kind::parse(kind.as_str()).unwrap();
        let said = import_file(&mut target, import_kind, &file, &backups);
        assert!(
            !said.contains("skipped"),
            "{kind}: no row is skipped\n{said}"
        );
    }

    let after = json(&target);
    let names = (&names(&before), &names(&after));
    for (kind, registers) in ORDER {
        for register in *registers {
            assert!(
                before[register].as_array().is_some_and(|a| !a.is_empty()),
                "the demo at stage 2 holds {register}"
            );
            if GAPS
                .iter()
                .any(|g| g.register == *register && g.path.is_empty())
            {
                continue;
            }
            let (b, a) = compared(register, (&before, &after), names, None);
            assert!(
                b == a,
                "{register} comes back from the {kind} workbook (apart from GAPS):\n{}",
                difference(&b, &a)
            );
        }
    }
    // A listed gap that no longer loses anything is to be switched on by deleting its line.
    for g in GAPS {
        let (b, a) = compared(g.register, (&before, &after), names, Some(g.path));
        assert_ne!(
            b,
            a,
            "{}.{} now comes back: delete its line from GAPS (it said: {})",
            g.register,
            g.path.join("."),
            g.reason
        );
    }
}
