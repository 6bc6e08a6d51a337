//! The Statement of Applicability pack: the SoA the certification body reviews, alone. Its rows
//! are the latest version approved on or before the evaluation date (or, before any approval,
//! the working draft, said plainly); the cover names that version and gives the totals an
//! auditor checks first, computed from the very rows printed, so they always agree. The 93
//! controls follow grouped by theme: applicability, reasons, justification (long ones go to the
//! appendix whole), implementation status, owner, and the risks whose treatment actions use
//! the control. [`theme_sections`] is shared with the stage packs.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use isms_core::readiness::View;
use isms_core::risks::Risk;
use isms_core::soa::{self, ImplementationStatus, NOT_APPLICABLE, SoaEntry, SoaTotals, SoaVersion};
use isms_core::{Vault, Vocabulary, reference};

use super::{CONFIDENTIALITY, generated_by};
use crate::error::Result;
use crate::model::{Block, Cell, Column, Fact, Pack, Section, Table, Tone};
use crate::pdf::long_date;

const DASH: &str = "\u{2014}";

pub(crate) fn build(vault: &Vault, as_of: NaiveDate) -> Result<Pack> {
    // The one view of the vault as of the day: versions approved after it are not in it.
    let view = View::load(vault.reader(), as_of)?;
    let org = &view.organisation;
    let names: HashMap<i64, String> = view.people.iter().map(|p| (p.id, p.name.clone())).collect();
    let approved = view.soa_versions.iter().max_by_key(|v| v.number);
    let current = &view.soa;
    let linked = linked_risks(&view.risks);
    let approver = approved.map_or_else(String::new, |v| name(&names, Some(v.approved_by)));
    let entries = statement_rows(approved.map_or(current, |v| &v.entries));
    let totals = soa::totals(&entries);

    let approval = match approved {
        Some(v) => format!(
            "Version {}, approved on {} by {approver}",
            v.number,
            long_date(v.approved_on)
        ),
        None => "None yet: this is the working draft".to_owned(),
    };
    let mut cover = vec![Fact::new("Approved version", approval)];
    if !org.scope.trim().is_empty() {
        cover.push(Fact::new("ISMS scope", org.scope.trim()));
    }
    cover.extend(total_facts(&totals));
    if !org.certification_body.trim().is_empty() {
        cover.push(Fact::new(
            "Certification body",
            org.certification_body.trim(),
        ));
    }
    let version = match approved {
        Some(v) => format!("SoA version {} \u{b7} {}", v.number, generated_by()),
        None => format!("Working draft, not approved \u{b7} {}", generated_by()),
    };

    let mut summary = match approved {
        Some(v) => approved_summary(v, &approver, current, &totals),
        None => vec![Block::Paragraph(format!(
            "No version of the Statement of Applicability was approved on or before {}. What follows is the working draft as the vault holds it; it is not an approved statement yet.",
            long_date(as_of)
        ))],
    };
    summary.push(Block::Heading("Totals by theme".to_owned()));
    summary.push(Block::Table(theme_totals(&entries)));
    let mut sections = vec![Section {
        title: "Summary".to_owned(),
        blocks: summary,
    }];
    sections.extend(theme_sections(&entries, &names, &linked));
    Ok(Pack {
        title: "Statement of Applicability".to_owned(),
        company: org.name.clone(),
        confidentiality: CONFIDENTIALITY.to_owned(),
        as_of,
        version,
        cover,
        sections,
        evidence_sha256: None,
    })
}

/// The entries to print, titled and themed from the reference list, in control order.
pub(crate) fn statement_rows(entries: &[SoaEntry]) -> Vec<SoaEntry> {
    let mut rows = entries.to_vec();
    for e in &mut rows {
        if let Some(control) = reference::control(&e.control_id) {
            if e.title.is_empty() {
                e.title.clone_from(&control.title);
            }
            if e.theme.is_empty() {
                e.theme.clone_from(&control.theme);
            }
        }
    }
    rows.sort_by_key(|e| control_key(&e.control_id));
    rows
}

fn approved_summary(
    v: &SoaVersion,
    approver: &str,
    current: &[SoaEntry],
    totals: &SoaTotals,
) -> Vec<Block> {
    let mut facts = vec![
        Fact::new("Version", v.number.to_string()),
        Fact::new("Approved on", long_date(v.approved_on)),
        Fact::new("Approved by", approver),
    ];
    if !v.note.trim().is_empty() {
        facts.push(Fact::new("Approval note", v.note.trim()));
    }
    let changed = changed_since(&v.entries, current);
    let note = if changed.is_empty() {
        "The working SoA in the vault is identical to this approved version.".to_owned()
    } else {
        format!(
            "The working SoA has changed since this version for {} control{} ({}); those changes await approval and are not shown here.",
            changed.len(),
            if changed.len() == 1 { "" } else { "s" },
            changed.join(", ")
        )
    };
    vec![
        Block::Paragraph(format!(
            "This statement reproduces version {} of the Statement of Applicability, approved on {} by {approver}. It covers the {} controls of ISO/IEC 27001:2022 Annex A: whether each applies and why, how far it is implemented, who owns it, and which risks it treats.",
            v.number,
            long_date(v.approved_on),
            totals.controls
        )),
        Block::Facts(facts),
        Block::Note(note),
    ]
}

/// The totals an auditor checks first, as cover facts: applicability, then the status of every
/// control, an excluded one counted as not applicable, so the statuses add up to the controls.
pub(crate) fn total_facts(t: &SoaTotals) -> Vec<Fact> {
    let mut facts = vec![
        Fact::new("Annex A controls", t.controls.to_string()),
        Fact::new("Applicable", t.applicable.to_string()),
        Fact::new("Excluded", t.excluded.to_string()),
    ];
    facts.push(Fact::new("Undecided", t.undecided.to_string()));
    facts.push(Fact::new(
        ImplementationStatus::Implemented.label(),
        t.implemented.to_string(),
    ));
    facts.push(Fact::new(
        ImplementationStatus::InProgress.label(),
        t.in_progress.to_string(),
    ));
    facts.push(Fact::new(
        ImplementationStatus::NotStarted.label(),
        t.not_started.to_string(),
    ));
    facts.push(Fact::new(NOT_APPLICABLE, t.not_applicable.to_string()));
    if t.without_status > 0 {
        facts.push(Fact::new("Without status", t.without_status.to_string()));
    }
    facts
}

/// Controls per theme and in total, from the same rows the statement prints; an "Undecided"
/// column appears when any control is undecided, so every row adds up.
fn theme_totals(entries: &[SoaEntry]) -> Table {
    let undecided = soa::totals(entries).undecided > 0;
    let mut rows = Vec::new();
    let mut row = |label: Cell, t: SoaTotals| {
        let mut cells = vec![label];
        let mut counts = vec![t.controls, t.applicable, t.excluded];
        if undecided {
            counts.push(t.undecided);
        }
        counts.extend([
            t.implemented,
            t.in_progress,
            t.not_started,
            t.not_applicable,
        ]);
        cells.extend(counts.into_iter().map(|n| Cell::text(n.to_string())));
        rows.push(cells);
    };
    for (theme, group) in by_theme(entries) {
        row(Cell::text(theme), soa::totals(&group));
    }
    row(Cell::bold("All controls"), soa::totals(entries));
    let n = |t: &str| Column::new(t, 1.0);
    let mut columns = vec![
        Column::new("Theme", 2.6),
        n("Controls"),
        n("Applicable"),
        n("Excluded"),
    ];
    if undecided {
        columns.push(n("Undecided"));
    }
    columns.extend([
        n(ImplementationStatus::Implemented.label()),
        n(ImplementationStatus::InProgress.label()),
        n(ImplementationStatus::NotStarted.label()),
        n(NOT_APPLICABLE),
    ]);
    Table { columns, rows }
}

/// One section per theme, each a table of its controls.
pub(crate) fn theme_sections(
    entries: &[SoaEntry],
    names: &HashMap<i64, String>,
    linked: &BTreeMap<String, Vec<String>>,
) -> Vec<Section> {
    by_theme(entries)
        .into_iter()
        .map(|(theme, group)| {
            let t = soa::totals(&group);
            let range = match (group.first(), group.last()) {
                (Some(a), Some(b)) => format!("Controls {} to {}: ", a.control_id, b.control_id),
                _ => String::new(),
            };
            let note = format!(
                "{range}{} in all, {} applicable, {} excluded{}; {} implemented, {} in progress.",
                t.controls,
                t.applicable,
                t.excluded,
                if t.undecided > 0 {
                    format!(", {} undecided", t.undecided)
                } else {
                    String::new()
                },
                t.implemented,
                t.in_progress
            );
            let name = |id: Option<i64>| name(names, id);
            let rows = group.iter().map(|e| row(e, &name, linked)).collect();
            Section {
                title: format!("{theme} controls"),
                blocks: vec![
                    Block::Note(note),
                    Block::Table(controls_table(rows)),
                    Block::Heading(format!("How the {theme} controls are implemented")),
                    implementation_notes(&group),
                ],
            }
        })
        .collect()
}

/// The table of a theme's controls, in the SoA pack and in the stage packs alike: whether and
/// why each applies, its status, its owner and the risks whose treatment actions use it.
pub(crate) fn controls_table(rows: Vec<Vec<Cell>>) -> Table {
    Table {
        columns: vec![
            Column::new("Control", 0.6),
            Column::new("Title", 2.4),
            Column::new("Applies", 0.7),
            Column::new("Reasons", 1.1),
            Column::new("Justification", 2.5).clipped(8),
            Column::new("Status", 1.0),
            Column::new("Owner", 1.0),
            Column::new("Risks", 0.8).clipped(4),
        ],
        rows,
    }
}

/// How each control of `entries` is implemented, in the owner's words (the entry's notes): a
/// table of the controls that have some, or a note saying none has.
pub(crate) fn implementation_notes(entries: &[SoaEntry]) -> Block {
    let rows: Vec<Vec<Cell>> = entries
        .iter()
        .filter(|e| !e.notes.trim().is_empty())
        .map(|e| {
            vec![
                Cell::bold(&e.control_id),
                Cell::text(&e.title),
                Cell::text(e.notes.trim()),
            ]
        })
        .collect();
    if rows.is_empty() {
        return Block::Note("No implementation notes are recorded for these controls.".into());
    }
    Block::Table(Table {
        columns: vec![
            Column::new("Control", 0.6),
            Column::new("Title", 2.4),
            Column::new("How it is implemented", 7.0).clipped(10),
        ],
        rows,
    })
}

/// The status cell of an entry: an excluded control is not applicable, whatever status it
/// was once given.
pub(crate) fn status_cell(e: &SoaEntry) -> Cell {
    match (e.applicable, e.status) {
        (Some(false), _) => Cell::status(NOT_APPLICABLE, Tone::Neutral),
        (_, Some(s @ ImplementationStatus::Implemented)) => Cell::status(s.label(), Tone::Good),
        (_, Some(s @ ImplementationStatus::InProgress)) => Cell::status(s.label(), Tone::Warning),
        (_, Some(s @ ImplementationStatus::NotStarted)) => Cell::status(s.label(), Tone::Neutral),
        (_, None) => Cell::status("No status", Tone::Bad),
    }
}

/// One control's row of [`controls_table`]; `name` names a person.
pub(crate) fn row(
    e: &SoaEntry,
    name: &dyn Fn(Option<i64>) -> String,
    linked: &BTreeMap<String, Vec<String>>,
) -> Vec<Cell> {
    let applies = match e.applicable {
        Some(true) => Cell::status("Yes", Tone::Good),
        Some(false) => Cell::status("No", Tone::Neutral),
        None => Cell::status("Undecided", Tone::Warning),
    };
    let risks = linked
        .get(&e.control_id)
        .map_or_else(|| DASH.to_owned(), |r| r.join(", "));
    vec![
        Cell::bold(&e.control_id),
        Cell::text(&e.title),
        applies,
        Cell::text(reasons(e)),
        Cell::text(or_dash(&e.justification)),
        status_cell(e),
        Cell::text(name(e.owner_id)),
        Cell::text(risks),
    ]
}

fn reasons(e: &SoaEntry) -> String {
    if e.applicable != Some(true) {
        return DASH.to_owned();
    }
    let r = e.reasons;
    let words: Vec<&str> = [
        (r.legal, "Legal"),
        (r.contractual, "Contractual"),
        (r.business, "Business"),
        (r.risk_assessment, "Risk assessment"),
    ]
    .into_iter()
    .filter_map(|(on, word)| on.then_some(word))
    .collect();
    if words.is_empty() {
        DASH.to_owned()
    } else {
        words.join(", ")
    }
}

/// Entries grouped by theme, themes in control order.
pub(crate) fn by_theme(entries: &[SoaEntry]) -> Vec<(String, Vec<SoaEntry>)> {
    let mut groups: Vec<(String, Vec<SoaEntry>)> = Vec::new();
    for e in entries {
        match groups.iter_mut().find(|(t, _)| *t == e.theme) {
            Some((_, g)) => g.push(e.clone()),
            None => groups.push((e.theme.clone(), vec![e.clone()])),
        }
    }
    groups
}

/// For each control, the references of the risks whose treatment actions use it, in order.
pub(crate) fn linked_risks(risks: &[Risk]) -> BTreeMap<String, Vec<String>> {
    let mut by_control: BTreeMap<String, BTreeSet<(u64, String)>> = BTreeMap::new();
    for risk in risks {
        for action in &risk.actions {
            for control in &action.controls {
                by_control
                    .entry(control.clone())
                    .or_default()
                    .insert((number_in(&risk.reference), risk.reference.clone()));
            }
        }
    }
    by_control
        .into_iter()
        .map(|(c, refs)| (c, refs.into_iter().map(|(_, r)| r).collect()))
        .collect()
}

/// The controls whose entry differs between `approved` and `current`.
fn changed_since(approved: &[SoaEntry], current: &[SoaEntry]) -> Vec<String> {
    let before: HashMap<&str, &SoaEntry> = approved
        .iter()
        .map(|e| (e.control_id.as_str(), e))
        .collect();
    let mut changed: Vec<&SoaEntry> = current
        .iter()
        .filter(|e| {
            before.get(e.control_id.as_str()).is_none_or(|b| {
                b.applicable != e.applicable
                    || b.reasons != e.reasons
                    || b.justification.trim() != e.justification.trim()
                    || b.status != e.status
                    || b.owner_id != e.owner_id
            })
        })
        .collect();
    changed.sort_by_key(|e| control_key(&e.control_id));
    changed.into_iter().map(|e| e.control_id.clone()).collect()
}

/// "5.10" sorts after "5.9".
fn control_key(id: &str) -> (u32, u32, String) {
    let mut parts = id.split('.').map(|p| p.parse::<u32>().unwrap_or(u32::MAX));
    (
        parts.next().unwrap_or(u32::MAX),
        parts.next().unwrap_or(u32::MAX),
        id.to_owned(),
    )
}

/// The number in a reference like R-012, for natural order.
fn number_in(reference: &str) -> u64 {
    let digits: String = reference.chars().filter(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(u64::MAX)
}

fn name(names: &HashMap<i64, String>, id: Option<i64>) -> String {
    match id {
        None => DASH.to_owned(),
        Some(id) => names
            .get(&id)
            .cloned()
            .unwrap_or_else(|| "(unknown person)".to_owned()),
    }
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        DASH.to_owned()
    } else {
        text.trim().to_owned()
    }
}
