//! The Statement of Applicability as a section of the stage1 and stage2 packs: the approved
//! version and the totals an auditor checks first, then every one of the 93 Annex A controls,
//! grouped by theme in the standard's order, in the very table the SoA pack prints
//! ([`super::soa::controls_table`]: applicability, reasons, justification, status, owner, linked
//! risks; then how each is implemented, from its notes). The totals are computed with `isms_core::soa::totals` from
//! the entries that make the rows, so the cover and the table can never disagree; an excluded
//! control is "Not applicable", never "Not started".

use isms_core::soa::{self, SoaEntry, SoaTotals};

use super::records::{Records, long_date};
use super::soa::{
    by_theme, controls_table, implementation_notes, linked_risks, row, statement_rows,
};
use crate::model::{Block, Fact, Section, Table};

/// The SoA entries in the standard's order (5.1 … 8.34), titled from the reference list.
pub(crate) fn entries(r: &Records) -> Vec<SoaEntry> {
    statement_rows(&r.facts.soa)
}

pub(crate) fn totals(r: &Records) -> SoaTotals {
    soa::totals(&r.facts.soa)
}

/// The totals in two lines for a stage pack's cover, which has the scope and both stages to
/// show as well: applicability, then the status of every control.
pub(crate) fn cover_facts(t: &SoaTotals) -> Vec<Fact> {
    vec![
        Fact::new(
            "Annex A controls",
            format!(
                "{}: {} applicable, {} excluded, {} undecided",
                t.controls, t.applicable, t.excluded, t.undecided
            ),
        ),
        Fact::new(
            "Implementation",
            format!(
                "{} implemented, {} in progress, {} not started, {} not applicable{}",
                t.implemented,
                t.in_progress,
                t.not_started,
                t.not_applicable,
                if t.without_status > 0 {
                    format!(", {} without status", t.without_status)
                } else {
                    String::new()
                }
            ),
        ),
    ]
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

pub(crate) fn section(r: &Records) -> Section {
    let entries = entries(r);
    let linked = linked_risks(&r.facts.risks);
    let t = totals(r);
    let name = |id: Option<i64>| r.name(id);
    let mut blocks = vec![
        Block::Paragraph(format!("{}.", approved_version(r))),
        Block::Facts(super::soa::total_facts(&t)),
        Block::Note("Reasons for inclusion: legal or regulatory requirement, contractual obligation, business requirement or best practice, result of the risk assessment. An excluded control's status is \u{201c}Not applicable\u{201d}. Under each theme's table, how its controls are implemented, in the owner's notes. Risks: those whose treatment actions implement the control.".into()),
    ];
    for (theme, group) in by_theme(&entries) {
        let heading = if theme.is_empty() {
            "Other controls".to_owned()
        } else {
            format!("{theme} controls ({})", group.len())
        };
        let rows = group.iter().map(|e| row(e, &name, &linked)).collect();
        blocks.push(Block::Heading(heading));
        let table: Table = controls_table(rows);
        blocks.push(Block::Table(table));
        blocks.push(implementation_notes(&group));
    }
    Section {
        title: "Statement of Applicability".into(),
        blocks,
    }
}
