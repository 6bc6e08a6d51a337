//! The Statement of Applicability as a section of the stage1 and stage2 packs: every one of the
//! 93 Annex A controls, grouped by theme in the standard's order, with applicability, reasons
//! for inclusion, justification, status and the risks whose treatment actions it implements;
//! and the totals an auditor checks first, computed with `isms_core::soa::totals` from the very
//! entries that make the rows, so the cover and the table can never disagree.

use std::collections::HashMap;

use isms_core::Vocabulary;
use isms_core::soa::{self, ImplementationStatus, SoaEntry, SoaTotals};

use super::records::{DASH, Records, by_reference, implementation, list, long_date, or_dash};
use crate::model::{Block, Cell, Column, Fact, Section, Table, Tone};

/// The SoA entries in the standard's order (5.1 … 8.34).
pub(crate) fn entries(r: &Records) -> Vec<&SoaEntry> {
    let mut e: Vec<&SoaEntry> = r.facts.soa.iter().collect();
    e.sort_by(|a, b| by_reference(&a.control_id, &b.control_id));
    e
}

pub(crate) fn totals(r: &Records) -> SoaTotals {
    soa::totals(&r.facts.soa)
}

/// The totals as facts, for the cover and the section.
pub(crate) fn total_facts(t: &SoaTotals) -> Vec<Fact> {
    let mut facts = vec![
        Fact::new("Annex A controls", t.controls.to_string()),
        Fact::new("Applicable", t.applicable.to_string()),
        Fact::new("Excluded", t.excluded.to_string()),
        Fact::new("Undecided", t.undecided.to_string()),
        Fact::new(
            ImplementationStatus::Implemented.label(),
            t.implemented.to_string(),
        ),
        Fact::new(
            ImplementationStatus::InProgress.label(),
            t.in_progress.to_string(),
        ),
        Fact::new(
            ImplementationStatus::NotStarted.label(),
            t.not_started.to_string(),
        ),
    ];
    if t.without_status > 0 {
        facts.push(Fact::new("Without status", t.without_status.to_string()));
    }
    facts
}

/// The latest approved SoA version in words, as of the evaluation date.
pub(crate) fn approved_version(r: &Records) -> String {
    r.facts
        .soa_versions
        .iter()
        .filter(|v| v.approved_on <= r.as_of)
        .max_by_key(|v| (v.approved_on, v.number))
        .map_or_else(
            || "No version approved".to_owned(),
            |v| {
                format!(
                    "Version {}, approved on {} by {}",
                    v.number,
                    long_date(v.approved_on),
                    r.name(Some(v.approved_by))
                )
            },
        )
}

/// For each control, the references of the risks whose treatment actions implement it, in
/// order of reference.
fn linked_risks(r: &Records) -> HashMap<&str, Vec<&str>> {
    let mut links: HashMap<&str, Vec<&str>> = HashMap::new();
    for risk in &r.facts.risks {
        for action in &risk.actions {
            for c in &action.controls {
                links.entry(c.as_str()).or_default().push(&risk.reference);
            }
        }
    }
    for refs in links.values_mut() {
        refs.sort_by(|a, b| by_reference(a, b));
        refs.dedup();
    }
    links
}

fn reasons(e: &SoaEntry) -> String {
    if e.applicable != Some(true) {
        return DASH.to_owned();
    }
    let words: Vec<String> = [
        (e.reasons.legal, "Legal or regulatory"),
        (e.reasons.contractual, "Contractual"),
        (e.reasons.business, "Business"),
        (e.reasons.risk_assessment, "Risk assessment"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, w)| (*w).to_owned())
    .collect();
    list(&words)
}

fn applicability(a: Option<bool>) -> Cell {
    match a {
        Some(true) => Cell::status("Yes", Tone::Good),
        Some(false) => Cell::status("No", Tone::Neutral),
        None => Cell::status("Undecided", Tone::Bad),
    }
}

pub(crate) fn section(r: &Records) -> Section {
    let entries = entries(r);
    let links = linked_risks(r);
    let t = totals(r);
    let mut blocks = vec![
        Block::Paragraph(format!("{}.", approved_version(r))),
        Block::Facts(total_facts(&t)),
        Block::Note("Reasons for inclusion: legal or regulatory requirement, contractual obligation, business requirement or best practice, result of the risk assessment. Linked risks are those whose treatment actions implement the control.".into()),
    ];
    let mut themes: Vec<&str> = Vec::new();
    for e in &entries {
        if !themes.contains(&e.theme.as_str()) {
            themes.push(&e.theme);
        }
    }
    for theme in themes {
        let rows: Vec<Vec<Cell>> = entries
            .iter()
            .filter(|e| e.theme == theme)
            .map(|e| {
                let risks: Vec<String> = links
                    .get(e.control_id.as_str())
                    .map(|s| s.iter().map(|r| (*r).to_owned()).collect())
                    .unwrap_or_default();
                vec![
                    Cell::bold(&e.control_id),
                    Cell::text(&e.title),
                    applicability(e.applicable),
                    Cell::text(reasons(e)),
                    Cell::text(or_dash(&e.justification)),
                    implementation(e.status),
                    Cell::text(list(&risks)),
                ]
            })
            .collect();
        let heading = if theme.is_empty() {
            "Other controls".to_owned()
        } else {
            format!("{theme} controls ({})", rows.len())
        };
        blocks.push(Block::Heading(heading));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Control", 0.7),
                Column::new("Title", 2.7),
                Column::new("Applicable", 0.85),
                Column::new("Reasons", 1.2),
                Column::new("Justification", 2.2).clipped(8),
                Column::new("Status", 1.0),
                Column::new("Linked risks", 0.9).clipped(3),
            ],
            rows,
        }));
    }
    Section {
        title: "Statement of Applicability".into(),
        blocks,
    }
}
