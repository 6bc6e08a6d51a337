//! The registers beside the SoA as the packs print them: the requirements register (Stage 1:
//! each legal, regulatory and contractual requirement with its source, party, owner, how it is
//! met and its last review), the supplier register (Stage 2: criticality, contract terms, owner,
//! last review and its outcome, certificates with their expiry and file) and the incident log
//! (Stage 2: severity, response, status, lessons learned and the tracker items each raised).
//! A certificate's and an incident's files are named with their path in the bundle
//! ([`super::files`]). Everything as of the pack's day.

use isms_core::Vocabulary;
use isms_core::suppliers::Criticality;
use isms_core::tracker::ItemSource;

use super::records::{Records, by_reference, date, list, or_dash};
use super::tracker;
use crate::model::{Block, Cell, Column, Section, Table, Tone};

pub(crate) fn requirements(r: &Records) -> Section {
    let mut rows: Vec<_> = r.facts.requirements.iter().collect();
    rows.sort_by(|a, b| by_reference(&a.reference, &b.reference).then(a.id.cmp(&b.id)));
    let title = "Legal, regulatory and contractual requirements";
    if rows.is_empty() {
        return Section {
            title: title.into(),
            blocks: vec![Block::Note(
                "No requirement is recorded in the requirements register.".into(),
            )],
        };
    }
    let since = r
        .as_of
        .checked_sub_months(chrono::Months::new(12))
        .unwrap_or(r.as_of);
    let table = Table {
        columns: vec![
            Column::new("Ref", 0.8),
            Column::new("Requirement", 2.4),
            Column::new("Source", 0.9),
            Column::new("What it requires", 3.0).clipped(5),
            Column::new("Interested party", 1.4),
            Column::new("Owner", 1.2),
            Column::new("Met by", 1.3),
            Column::new("Reviewed", 1.0),
        ],
        rows: rows
            .iter()
            .map(|q| {
                let party = q
                    .party_id
                    .and_then(|id| r.facts.parties.iter().find(|p| p.id == id))
                    .map_or_else(|| "—".to_owned(), |p| p.name.clone());
                let mut met: Vec<String> = q.controls.iter().map(|c| format!("A.{c}")).collect();
                met.extend(q.document_ids.iter().map(|id| {
                    r.document(*id)
                        .map_or_else(|| format!("#{id}"), |d| d.reference.clone())
                }));
                let reviewed = match q.reviewed_on {
                    Some(d) if d >= since => Cell::text(date(Some(d))),
                    Some(d) => Cell::status(date(Some(d)), Tone::Warning),
                    None => Cell::status("Never", Tone::Bad),
                };
                vec![
                    Cell::bold(&q.reference),
                    Cell::text(&q.title),
                    Cell::text(q.source.label()),
                    Cell::text(or_dash(&q.requires)),
                    Cell::text(party),
                    Cell::text(r.name(q.owner_id)),
                    Cell::text(list(&met)),
                    reviewed,
                ]
            })
            .collect(),
    };
    Section {
        title: title.into(),
        blocks: vec![
            Block::Note("The requirements of interested parties the ISMS addresses (4.2 c) and the legal, statutory, regulatory and contractual requirements it must meet (A.5.31), each owned and reviewed at least once a year.".into()),
            Block::Table(table),
        ],
    }
}

fn criticality(c: Option<Criticality>) -> Cell {
    match c {
        None => Cell::status("Not rated", Tone::Bad),
        Some(Criticality::Critical) => Cell::status(Criticality::Critical.label(), Tone::Warning),
        Some(c) => Cell::text(c.label()),
    }
}

pub(crate) fn suppliers(r: &Records) -> Section {
    let title = "Suppliers";
    let suppliers = &r.facts.suppliers;
    if suppliers.is_empty() {
        return Section {
            title: title.into(),
            blocks: vec![Block::Note("No supplier is recorded.".into())],
        };
    }
    let register = Table {
        columns: vec![
            Column::new("Supplier", 1.7),
            Column::new("Service", 2.2).clipped(3),
            Column::new("Criticality", 1.0),
            Column::new("Security terms (A.5.20)", 1.8).clipped(3),
            Column::new("Owner", 1.2),
            Column::new("Last review (A.5.22)", 1.6),
            Column::new("Next due", 1.0),
        ],
        rows: suppliers
            .iter()
            .map(|s| {
                let last = s.last_review(r.as_of);
                let review = match last {
                    Some(v) => Cell::text(format!(
                        "{}, {}",
                        date(Some(v.reviewed_on)),
                        v.outcome.label().to_lowercase()
                    )),
                    None if s.criticality == Some(Criticality::Critical) => {
                        Cell::status("Never reviewed", Tone::Bad)
                    }
                    None => Cell::text("Never reviewed"),
                };
                let due = match s.review_due(r.as_of) {
                    Some(d) if d < r.as_of => Cell::status(date(Some(d)), Tone::Bad),
                    Some(d) => Cell::text(date(Some(d))),
                    None => Cell::text("—"),
                };
                let terms = if s.contract_requirements {
                    Cell::text(if s.contract_reference.trim().is_empty() {
                        "Yes".to_owned()
                    } else {
                        s.contract_reference.trim().to_owned()
                    })
                } else if s.criticality == Some(Criticality::Critical) {
                    Cell::status("None", Tone::Bad)
                } else {
                    Cell::text("None")
                };
                vec![
                    Cell::bold(&s.name),
                    Cell::text(or_dash(&s.service)),
                    criticality(s.criticality),
                    terms,
                    Cell::text(r.name(s.owner_id)),
                    review,
                    due,
                ]
            })
            .collect(),
    };
    let certificates: Vec<Vec<Cell>> = suppliers
        .iter()
        .flat_map(|s| s.certificates.iter().map(move |c| (s, c)))
        .map(|(s, c)| {
            let expiry = match c.expires_on {
                Some(d) if d < r.as_of => {
                    Cell::status(format!("Expired {}", date(Some(d))), Tone::Bad)
                }
                Some(d) => Cell::text(date(Some(d))),
                None => Cell::text("No expiry"),
            };
            let file = r.files_cell(&s.name, c.evidence_id, "No file attached");
            vec![
                Cell::bold(&s.name),
                Cell::text(&c.title),
                expiry,
                Cell::text(file),
            ]
        })
        .collect();
    let mut blocks = vec![
        Block::Note("Every supplier the company relies on, rated for criticality, with the security requirements agreed in its contract and its reviews, as of the pack's day.".into()),
        Block::Table(register),
        Block::Heading("Certificates and reports".into()),
    ];
    if certificates.is_empty() {
        blocks.push(Block::Note("No supplier certificate is recorded.".into()));
    } else {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Supplier", 1.7),
                Column::new("Certificate or report", 2.6),
                Column::new("Valid until", 1.3),
                Column::new("Evidence file", 3.0),
            ],
            rows: certificates,
        }));
    }
    Section {
        title: title.into(),
        blocks,
    }
}

pub(crate) fn incidents(r: &Records) -> Section {
    let title = "Information security incidents";
    let mut incidents: Vec<_> = r.facts.incidents.iter().collect();
    incidents.sort_by(|a, b| by_reference(&a.reference, &b.reference).then(a.id.cmp(&b.id)));
    if incidents.is_empty() {
        return Section {
            title: title.into(),
            blocks: vec![Block::Note(
                "No information security incident was reported by this day.".into(),
            )],
        };
    }
    let log = Table {
        columns: vec![
            Column::new("Ref", 0.8),
            Column::new("Incident", 2.4),
            Column::new("Reported", 1.0),
            Column::new("Category", 1.2),
            Column::new("Severity", 0.9),
            Column::new("Personal data", 0.9),
            Column::new("Status", 1.0),
            Column::new("Closed", 1.0),
        ],
        rows: incidents
            .iter()
            .map(|i| {
                vec![
                    Cell::bold(&i.reference),
                    Cell::text(&i.title),
                    Cell::text(date(Some(i.reported_on))),
                    Cell::text(i.category.label()),
                    match i.severity {
                        Some(s) => Cell::text(s.label()),
                        None => Cell::status("Not assessed", Tone::Bad),
                    },
                    Cell::text(if i.personal_data { "Yes" } else { "No" }),
                    Cell::text(i.status.label()),
                    Cell::text(date(i.closed_on)),
                ]
            })
            .collect(),
    };
    let details = Table {
        columns: vec![
            Column::new("Ref", 0.8),
            Column::new("Response", 3.4).clipped(6),
            Column::new("Lessons learned (A.5.27)", 3.4).clipped(6),
            Column::new("Tracker items", 1.2),
        ],
        rows: incidents
            .iter()
            .map(|i| {
                let raised: Vec<String> = tracker::items(r, |t| {
                    t.source == ItemSource::Incident
                        && t.source_ref.eq_ignore_ascii_case(&i.reference)
                })
                .iter()
                .map(|t| t.reference.clone())
                .collect();
                let lessons = if i.lessons.trim().is_empty() && i.is_closed(r.as_of) {
                    Cell::status("None recorded", Tone::Bad)
                } else {
                    Cell::text(or_dash(&i.lessons))
                };
                let items = if raised.is_empty() && i.raises_nc {
                    Cell::status("NC not raised", Tone::Bad)
                } else {
                    Cell::text(list(&raised))
                };
                vec![
                    Cell::bold(&i.reference),
                    Cell::text(or_dash(&i.response)),
                    lessons,
                    items,
                ]
            })
            .collect(),
    };
    let files: Vec<Vec<Cell>> = incidents
        .iter()
        .flat_map(|i| i.evidence_ids.iter().map(move |id| (i, *id)))
        .map(|(i, id)| {
            vec![
                Cell::bold(&i.reference),
                Cell::text(r.files_cell(&i.reference, [id], "No file attached")),
            ]
        })
        .collect();
    let mut blocks = vec![
        Block::Note("Incidents reported by the pack's day (A.5.24–5.28), with the response, the lessons learned and the tracker items they raised.".into()),
        Block::Table(log),
        Block::Heading("Responses and lessons learned".into()),
        Block::Table(details),
    ];
    if !files.is_empty() {
        blocks.push(Block::Heading("Evidence of the incidents (A.5.28)".into()));
        blocks.push(Block::Table(Table {
            columns: vec![Column::new("Ref", 0.8), Column::new("Evidence file", 8.0)],
            rows: files,
        }));
    }
    Section {
        title: title.into(),
        blocks,
    }
}
