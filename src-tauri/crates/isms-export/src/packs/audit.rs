//! The internal audits (9.2) in the stage2 pack: the programme month by month, then each audit
//! that has started with its report: dates, scope, auditor, the report's file (by its path in
//! the bundle), summary, the findings raised in it and the independence statement (9.2.2 c). Independence is judged with the core's own pure
//! check, `isms_core::audits::conflicts_in`, over the same records as the rest of the pack, so
//! the statement and the S2-INDEPENDENCE rule always agree.

use std::collections::HashMap;

use isms_core::audits::{self, Audit, AuditStatus, Holdings};
use isms_core::tracker::{ItemSource, TrackerItem};

use super::records::{Records, audit_status, by_reference, date, list, or_dash};
use super::tracker;
use crate::model::{Block, Cell, Column, Fact, Section, Table};

/// Audits by planned month, then reference.
fn sorted(r: &Records) -> Vec<&Audit> {
    let mut audits: Vec<&Audit> = r.facts.audits.iter().collect();
    audits.sort_by(|a, b| {
        a.planned_month
            .cmp(&b.planned_month)
            .then_with(|| by_reference(&a.reference, &b.reference))
            .then(a.id.cmp(&b.id))
    });
    audits
}

fn scope(a: &Audit) -> String {
    let mut parts = Vec::new();
    if !a.scope_clauses.is_empty() {
        parts.push(format!("Clauses {}", a.scope_clauses.join(", ")));
    }
    if !a.scope_controls.is_empty() {
        parts.push(format!("Annex A {}", a.scope_controls.join(", ")));
    }
    list(&parts)
}

fn auditor(r: &Records, a: &Audit) -> String {
    match (a.auditor_id, a.external_auditor.trim()) {
        (Some(id), _) => r.name(Some(id)),
        (None, "") => "—".to_owned(),
        (None, name) => format!("{name} (external)"),
    }
}

pub(crate) fn programme(r: &Records) -> Section {
    let audits = sorted(r);
    let org = &r.facts.organisation;
    let mut blocks = vec![Block::Note(format!(
        "Internal audits are agreed in at least {} distinct months between the Stage 1 audit and Stage 2. An auditor must not audit their own work: the ISMS owner audits no clause of 4 to 10, and nobody audits what they own.",
        org.audit_months
    ))];
    if audits.is_empty() {
        blocks.push(Block::Note("No internal audit is planned.".into()));
    } else {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Month", 0.9),
                Column::new("Ref", 0.8),
                Column::new("Audit", 2.6),
                Column::new("Scope", 2.0),
                Column::new("Auditor", 1.8),
                Column::new("Status", 1.1),
            ],
            rows: audits
                .iter()
                .map(|a| {
                    vec![
                        Cell::text(&a.planned_month),
                        Cell::bold(&a.reference),
                        Cell::text(&a.title),
                        Cell::text(scope(a)),
                        Cell::text(auditor(r, a)),
                        audit_status(a.status),
                    ]
                })
                .collect(),
        }));
    }
    Section {
        title: "Internal audit programme".into(),
        blocks,
    }
}

/// The independence statement of one audit.
fn independence(r: &Records, a: &Audit, holdings: &Holdings<'_>) -> Vec<Block> {
    let Some(id) = a.auditor_id else {
        let text = if a.external_auditor.trim().is_empty() {
            "Independence: no auditor is recorded.".to_owned()
        } else {
            format!(
                "Independence: no conflict. The auditor, {}, is external and owns nothing in the ISMS.",
                a.external_auditor.trim()
            )
        };
        return vec![Block::Paragraph(text)];
    };
    let Some(person) = r.person(id) else {
        return vec![Block::Paragraph(
            "Independence: the auditor is not a person of the vault.".into(),
        )];
    };
    let conflicts = audits::conflicts_in(a, person, holdings);
    if conflicts.is_empty() {
        return vec![Block::Paragraph(format!(
            "Independence: no conflict. {} owns no risk, control, document or open tracker item in the audit's scope{}.",
            person.name,
            if person.isms_owner {
                " and audited no clause of 4 to 10"
            } else {
                " and is not the ISMS owner"
            }
        ))];
    }
    vec![
        Block::Paragraph(format!(
            "Independence: {} conflict{} found. {} audited work of their own:",
            conflicts.len(),
            if conflicts.len() == 1 { "" } else { "s" },
            person.name
        )),
        Block::Table(Table {
            columns: vec![Column::new("Record", 1.2), Column::new("Conflict", 6.0)],
            rows: conflicts
                .iter()
                .map(|c| vec![Cell::bold(&c.reference), Cell::text(&c.message)])
                .collect(),
        }),
    ]
}

pub(crate) fn reports(r: &Records) -> Section {
    let holdings = Holdings {
        soa: &r.facts.soa,
        risks: &r.facts.risks,
        documents: &r.facts.documents,
        checklist: &r.facts.checklist,
        tracker: &r.facts.tracker,
    };
    let mut findings: HashMap<&str, Vec<&TrackerItem>> = HashMap::new();
    for i in tracker::items(r, |i| i.source == ItemSource::InternalAudit) {
        findings.entry(i.source_ref.trim()).or_default().push(i);
    }
    let audits = sorted(r);
    let (held, planned): (Vec<&Audit>, Vec<&Audit>) = audits
        .iter()
        .partition(|a| a.status != AuditStatus::Planned);
    let mut blocks = Vec::new();
    if held.is_empty() {
        blocks.push(Block::Note("No internal audit has started yet.".into()));
    }
    for a in held {
        blocks.push(Block::Heading(format!("{} {}", a.reference, a.title)));
        blocks.push(Block::Facts(vec![
            Fact::new("Planned month", &a.planned_month),
            Fact::new("Scope", scope(a)),
            Fact::new("Auditor", auditor(r, a)),
            Fact::new("Started", date(a.started_on)),
            Fact::new("Completed", date(a.completed_on)),
            Fact::new("Status", audit_status(a.status).text),
            Fact::new(
                "Report",
                r.files_cell(
                    &a.reference,
                    r.linked_files(&a.reference),
                    if a.status == AuditStatus::Completed {
                        "No report file attached"
                    } else {
                        "\u{2014}"
                    },
                ),
            ),
        ]));
        blocks.push(if a.summary.trim().is_empty() {
            Block::Note("No summary is recorded.".into())
        } else {
            Block::Paragraph(format!("Summary: {}", a.summary.trim()))
        });
        blocks.extend(independence(r, a, &holdings));
        match findings.get(a.reference.trim()) {
            None => blocks.push(Block::Note("No finding was raised in this audit.".into())),
            Some(items) => {
                blocks.push(Block::Table(Table {
                    columns: vec![
                        Column::new("Finding", 0.8),
                        Column::new("Kind", 1.0),
                        Column::new("Title", 3.0),
                        Column::new("Owner", 1.4),
                        Column::new("Due", 1.0),
                        Column::new("Status", 1.1),
                    ],
                    rows: items
                        .iter()
                        .map(|i| {
                            vec![
                                Cell::bold(&i.reference),
                                Cell::text(super::records::item_kind(i.kind)),
                                Cell::text(&i.title),
                                Cell::text(r.name(i.owner_id)),
                                Cell::text(date(i.due_on)),
                                super::records::item_status(i, r.as_of),
                            ]
                        })
                        .collect(),
                }));
            }
        }
    }
    if !planned.is_empty() {
        let names: Vec<String> = planned
            .iter()
            .map(|a| format!("{} ({})", a.reference, or_dash(&a.planned_month)))
            .collect();
        blocks.push(Block::Note(format!(
            "Planned, with no report yet: {}.",
            names.join(", ")
        )));
    }
    Section {
        title: "Internal audit reports".into(),
        blocks,
    }
}
