//! The documentation sections the stage1 and stage2 packs share, outside roles, the risk work
//! and the SoA: scope and context (4.1–4.3), the policy and document register with the
//! mandatory documented information it covers, objectives (6.2) and the clause checklist
//! (4–10). Each function returns one section
//! in a fixed order of rows (by reference, or by kind then id for records without one).

use isms_core::Vocabulary;
use isms_core::context::IssueKind;
use isms_core::coverage::Status as CoverageStatus;
use isms_core::documents::Document;
use isms_core::organisation::FindingPolicy;

use super::records::{
    DASH, Records, by_reference, date, doc_kind, in_force, list, long_date, objective_status,
    or_dash,
};
use crate::model::{Block, Cell, Column, Fact, Section, Table, Tone};

pub(crate) fn policy_words(policy: FindingPolicy) -> &'static str {
    match policy {
        FindingPolicy::ZeroFindings => "Certifies with zero findings only",
        FindingPolicy::NoMajorNc => {
            "Certifies with no major nonconformity open; minor ones need a corrective action plan"
        }
    }
}

pub(crate) fn scope_and_context(r: &Records) -> Section {
    let org = &r.facts.organisation;
    let optional = |d: Option<chrono::NaiveDate>| d.map_or_else(|| DASH.to_owned(), long_date);
    let mut blocks = vec![
        Block::Heading("Scope of the ISMS (4.3)".into()),
        if org.scope.trim().is_empty() {
            Block::Note("No scope statement is recorded.".into())
        } else {
            Block::Paragraph(org.scope.trim().to_owned())
        },
        Block::Facts(vec![
            Fact::new("ISMS start", optional(org.isms_start)),
            Fact::new("Stage 1 audit", optional(org.stage1_date)),
            Fact::new("Stage 2 audit (target)", optional(org.stage2_target)),
            Fact::new("Certification body", or_dash(&org.certification_body)),
            Fact::new("Finding policy", policy_words(org.finding_policy)),
            Fact::new(
                "Internal audits agreed",
                format!("in {} distinct months before Stage 2", org.audit_months),
            ),
        ]),
        Block::Heading("Internal and external issues (4.1)".into()),
    ];
    let mut issues: Vec<_> = r.facts.issues.iter().collect();
    issues.sort_by_key(|i| (i.kind == IssueKind::Internal, i.id));
    if issues.is_empty() {
        blocks.push(Block::Note("No issue is recorded.".into()));
    } else {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Kind", 0.9),
                Column::new("Issue", 2.6),
                Column::new("Description", 4.5).clipped(5),
            ],
            rows: issues
                .iter()
                .map(|i| {
                    vec![
                        Cell::text(i.kind.label()),
                        Cell::bold(&i.title),
                        Cell::text(or_dash(&i.description)),
                    ]
                })
                .collect(),
        }));
    }
    blocks.push(Block::Heading(
        "Interested parties and their requirements (4.2)".into(),
    ));
    let mut parties: Vec<_> = r.facts.parties.iter().collect();
    parties.sort_by_key(|p| p.id);
    if parties.is_empty() {
        blocks.push(Block::Note("No interested party is recorded.".into()));
    } else {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Interested party", 2.6),
                Column::new("Requirements", 5.4).clipped(5),
            ],
            rows: parties
                .iter()
                .map(|p| vec![Cell::bold(&p.name), Cell::text(or_dash(&p.requirements))])
                .collect(),
        }));
    }
    Section {
        title: "Scope and context".into(),
        blocks,
    }
}

/// Documents sorted by reference.
pub(crate) fn documents(r: &Records) -> Vec<&Document> {
    let mut docs: Vec<&Document> = r.facts.documents.iter().collect();
    docs.sort_by(|a, b| by_reference(&a.reference, &b.reference).then(a.id.cmp(&b.id)));
    docs
}

/// The next review date (7.5.3), flagged when it has passed on the evaluation date.
fn next_review(d: &isms_core::documents::Document, as_of: chrono::NaiveDate) -> Cell {
    match d.next_review {
        None => Cell::text(DASH),
        Some(day) if day < as_of => Cell::status(date(Some(day)), Tone::Bad),
        Some(day) => Cell::text(date(Some(day))),
    }
}

pub(crate) fn document_register(r: &Records) -> Section {
    let docs = documents(r);
    let rows = docs
        .iter()
        .map(|d| {
            // The SoA's entry shows the SoA's approved versions: one story of its approvals.
            let v = isms_core::soa::register_version(d, &r.facts.soa_versions, r.as_of);
            vec![
                Cell::bold(&d.reference),
                Cell::text(&d.title),
                Cell::text(doc_kind(d.kind)),
                v.as_ref().map_or_else(
                    || Cell::status("Draft only", Tone::Bad),
                    |v| Cell::text(&v.number),
                ),
                Cell::text(date(v.as_ref().map(|v| v.approved_on))),
                Cell::text(r.name(v.as_ref().and_then(|v| v.approved_by))),
                Cell::text(r.name(d.owner_id)),
            ]
        })
        .collect();
    let reviews = docs
        .iter()
        .map(|d| {
            vec![
                Cell::bold(&d.reference),
                Cell::text(&d.title),
                Cell::text(list(&d.mandatory_items)),
                Cell::text(
                    d.review_months
                        .map_or_else(|| DASH.to_owned(), |m| format!("{m} months")),
                ),
                next_review(d, r.as_of),
            ]
        })
        .collect();
    let mut blocks = vec![
        Block::Note(format!(
            "The version in force is the latest approved on or before {}. The Statement of Applicability's versions are its approved SoA versions.",
            long_date(r.as_of)
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("Ref", 0.85),
                Column::new("Title", 2.6),
                Column::new("Kind", 0.95),
                Column::new("Version", 0.8),
                Column::new("Approved", 1.05),
                Column::new("Approved by", 1.4),
                Column::new("Owner", 1.4),
            ],
            rows,
        }),
        Block::Heading("Review of documents (7.5.3)".into()),
        Block::Note("Each document is reviewed at its interval. Mandatory items are the clauses of ISO/IEC 27001 whose documented information the document provides. A next review date that has passed on the evaluation date is marked.".into()),
        Block::Table(Table {
            columns: vec![
                Column::new("Ref", 0.85),
                Column::new("Title", 3.0),
                Column::new("Mandatory items", 1.6),
                Column::new("Review every", 1.3),
                Column::new("Next review", 1.3),
            ],
            rows: reviews,
        }),
    ];
    blocks.extend(version_files(r, &docs));
    blocks.push(Block::Heading("Mandatory documented information".into()));
    blocks.push(Block::Note(format!(
        "The {} items of documented information ISO/IEC 27001:2022 requires, and where each is kept on {}: the approved documents that cover it, or for records the records themselves.",
        r.coverage.mandatory.len(),
        long_date(r.as_of)
    )));
    let rows = r
        .coverage
        .mandatory
        .iter()
        .map(|m| {
            let mut found: Vec<String> = m
                .documents
                .iter()
                .map(|d| format!("{} v{}", d.reference, d.version))
                .collect();
            if !m.evidence.is_empty() {
                found.push(m.evidence.clone());
            }
            let covered = if m.covered {
                Cell::text(found.join("; "))
            } else {
                Cell::status("Not covered", Tone::Bad)
            };
            vec![
                Cell::bold(&m.clause),
                Cell::text(&m.item),
                Cell::text(if m.kind == "record" {
                    "Record"
                } else {
                    "Document"
                }),
                covered,
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("Clause", 0.9),
            Column::new("Documented information the standard requires", 3.8),
            Column::new("Kind", 0.8),
            Column::new("Kept in (in force)", 2.8).clipped(4),
        ],
        rows,
    }));
    Section {
        title: "Policies and documents".into(),
        blocks,
    }
}

/// The file of each version in force, by its path in the bundle ([`super::files`]).
fn version_files(r: &Records, docs: &[&Document]) -> Vec<Block> {
    let rows: Vec<Vec<Cell>> = docs
        .iter()
        .filter_map(|d| in_force(d, r.as_of).map(|v| (d, v)))
        .map(|(d, v)| {
            let own = r.files_cell(&d.reference, v.evidence_id, "No file attached");
            // The SoA's entry: the version in force is the SoA's own approval, printed in
            // this pack's Statement of Applicability; the document's file is an earlier copy.
            match isms_core::soa::register_version(d, &r.facts.soa_versions, r.as_of) {
                Some(shown) if shown.from_soa => vec![
                    Cell::bold(&d.reference),
                    Cell::text(&shown.number),
                    Cell::text(date(Some(shown.approved_on))),
                    Cell::text(format!(
                        "SoA version {}: the Statement of Applicability section of this pack. The document's own version {} ({}): {own}",
                        shown.number,
                        v.number,
                        date(v.approved_on)
                    )),
                ],
                _ => vec![
                    Cell::bold(&d.reference),
                    Cell::text(&v.number),
                    Cell::text(date(v.approved_on)),
                    Cell::text(own),
                ],
            }
        })
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Heading("The file of each version in force".into()),
        Block::Table(Table {
            columns: vec![
                Column::new("Ref", 0.8),
                Column::new("Version", 0.8),
                Column::new("Approved", 1.0),
                Column::new("File in the bundle", 6.0),
            ],
            rows,
        }),
    ]
}

pub(crate) fn objectives(r: &Records) -> Section {
    let mut objectives: Vec<_> = r.facts.objectives.iter().collect();
    objectives.sort_by(|a, b| (a.due_date, &a.title, a.id).cmp(&(b.due_date, &b.title, b.id)));
    let rows: Vec<Vec<Cell>> = objectives
        .iter()
        .map(|o| {
            let latest = o
                .progress_notes
                .iter()
                .filter(|n| n.date <= r.as_of)
                .max_by_key(|n| n.date)
                .map_or_else(
                    || DASH.to_owned(),
                    |n| format!("{}: {}", date(Some(n.date)), n.note),
                );
            vec![
                Cell::bold(&o.title),
                Cell::text(or_dash(&o.measure)),
                Cell::text(r.name(o.owner_id)),
                Cell::text(date(o.due_date)),
                objective_status(o.status),
                Cell::text(latest),
            ]
        })
        .collect();
    let blocks = if rows.is_empty() {
        vec![Block::Note("No objective is recorded.".into())]
    } else {
        vec![Block::Table(Table {
            columns: vec![
                Column::new("Objective", 2.0),
                Column::new("Measure or target", 2.2),
                Column::new("Owner", 1.3),
                Column::new("Due", 1.0),
                Column::new("Status", 1.0),
                Column::new("Latest progress", 2.2).clipped(4),
            ],
            rows,
        })]
    };
    Section {
        title: "Information security objectives".into(),
        blocks,
    }
}

/// Where in the pack a clause's evidence is shown, by clause prefix; `operation` sections only
/// in the stage2 pack.
const IN_PACK: [(&str, &str, bool); 24] = [
    ("4.1", "Scope and context", false),
    ("4.2", "Scope and context", false),
    ("4.3", "Scope and context", false),
    ("4.4", "Policies and documents", false),
    ("5.1", "Roles and responsibilities", false),
    ("5.2", "Policies and documents", false),
    ("5.3", "Roles and responsibilities", false),
    ("6.1.2", "Risk assessment method; Risk register", false),
    (
        "6.1.3",
        "Risk treatment plan; Statement of Applicability",
        false,
    ),
    ("6.2", "Information security objectives", false),
    ("6.3", "Changes to the ISMS", true),
    ("7.2", "Roles and responsibilities", false),
    ("7.3", "Training and awareness", true),
    ("7.4", "Acknowledgements of policies", true),
    ("7.5", "Policies and documents", false),
    ("8.1", "Risk treatment plan", false),
    ("8.2", "Risk register", false),
    ("8.3", "Risk treatment plan", false),
    ("9.1", "Monitoring and measurement", false),
    (
        "9.2",
        "Internal audit programme; Internal audit reports",
        true,
    ),
    ("9.2", "Internal audit programme", false),
    ("9.3", "Management reviews", true),
    ("10.1", "ISMS tracker", false),
    ("10.2", "ISMS tracker", false),
];

fn in_pack(clause: &str, operation: bool) -> Option<&'static str> {
    IN_PACK
        .iter()
        .filter(|(_, _, op)| operation || !op)
        .find(|(c, _, _)| clause == *c || clause.starts_with(&format!("{c}.")))
        .map(|(_, where_, _)| *where_)
}

pub(crate) fn coverage_cell(status: CoverageStatus) -> Cell {
    match status {
        CoverageStatus::Addressed => Cell::status(status.label(), Tone::Good),
        CoverageStatus::Planned => Cell::status(status.label(), Tone::Warning),
        CoverageStatus::NotAddressed => Cell::status(status.label(), Tone::Bad),
    }
}

/// The clause checklist, from the one coverage; `operation` when the pack holds the sections
/// on the ISMS in operation.
pub(crate) fn clause_checklist(r: &Records, operation: bool) -> Section {
    let rows = r
        .coverage
        .clauses
        .iter()
        .map(|c| {
            let docs: Vec<String> = c
                .documents
                .iter()
                .map(|d| format!("{} {} (v{})", d.reference, d.title, d.version))
                .collect();
            let evidence = if c.evidence.is_empty() {
                c.gap.clone()
            } else if c.gap.is_empty() {
                c.evidence.clone()
            } else {
                format!("{}. {}", c.evidence, c.gap)
            };
            let shown = (c.status == CoverageStatus::Addressed)
                .then(|| in_pack(&c.clause_id, operation))
                .flatten();
            vec![
                Cell::bold(&c.clause_id),
                Cell::text(&c.title),
                coverage_cell(c.status),
                Cell::text(list(&docs)),
                Cell::text(or_dash(&evidence)),
                Cell::text(shown.unwrap_or(DASH)),
            ]
        })
        .collect();
    Section {
        title: "Clause checklist".into(),
        blocks: vec![
            Block::Note(format!(
                "Where each clause of ISO/IEC 27001:2022 (4 to 10) is addressed on {}: the approved documents that cover it, the records that show it in practice, and the section of this pack that shows them. A clause with sub-clauses stands where its weakest sub-clause stands. \u{201c}Planned\u{201d}: a procedure or plan covers it but its records do not exist yet.",
                long_date(r.as_of)
            )),
            Block::Table(Table {
                columns: vec![
                    Column::new("Clause", 0.6),
                    Column::new("Requirement", 2.0),
                    Column::new("Status", 1.0),
                    Column::new("Documents", 1.9),
                    Column::new("Records", 2.0).clipped(5),
                    Column::new("In this pack", 1.5),
                ],
                rows,
            }),
        ],
    }
}
