//! The 16 items of mandatory documented information (`reference/mandatory-documented-information.csv`)
//! and where each lives on the day: an approved document that covers the item, or, for the
//! items that are records, the records themselves (7.2 d) competence evidence, 9.1 results,
//! 9.2.2 completed audits…). A Stage 2 auditor samples every one of them.

use serde::Serialize;
use ts_rs::TS;

use super::{CoveringDocument, clause_of, covering, records};
use crate::readiness::RecordRef;
use crate::reference;
use crate::view::View;

/// One mandatory item on the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MandatoryCoverage {
    /// "4.3", "6.1.3 d)", "7.2 d)"…
    pub clause: String,
    pub item: String,
    /// "document" or "record".
    pub kind: String,
    pub covered: bool,
    pub documents: Vec<CoveringDocument>,
    /// The records that are the item (the first few).
    pub records: Vec<RecordRef>,
    /// The records in one line; empty when there are none.
    pub evidence: String,
}

pub(super) fn of(view: &View) -> Vec<MandatoryCoverage> {
    reference::mandatory_items()
        .iter()
        .map(|m| {
            let mut documents: Vec<CoveringDocument> = view
                .documents
                .iter()
                .filter(|d| d.mandatory_items.iter().any(|i| i == &m.clause))
                .filter_map(|d| covering(view, d))
                .collect();
            documents.sort_by(|a, b| a.reference.cmp(&b.reference));
            let found = if m.kind == "record" {
                item_records(view, &m.clause)
            } else {
                records::Found::default()
            };
            MandatoryCoverage {
                clause: m.clause.clone(),
                item: m.item.clone(),
                kind: m.kind.clone(),
                covered: !documents.is_empty()
                    || (!found.records.is_empty() && found.gap.is_empty()),
                documents,
                evidence: found.summary,
                records: found.records.into_iter().take(super::LISTED).collect(),
            }
        })
        .collect()
}

/// The records that are a record-kind item.
fn item_records(view: &View, item: &str) -> records::Found {
    match item {
        "6.1.3 e)-f)" => plan_approvals(view),
        // "Results of risk assessments" and the others are the records of their clause.
        _ => records::of(view, clause_of(item)),
    }
}

/// 6.1.3 e)-f): the treatment plans approved by the risk owners.
fn plan_approvals(view: &View) -> records::Found {
    let approved: Vec<RecordRef> = view
        .risks
        .iter()
        .filter(|r| {
            r.approvals.iter().any(|a| {
                a.kind == crate::risks::ApprovalKind::Plan
                    && !a.void
                    && Some(a.person_id) == r.owner_id
            })
        })
        .map(crate::readiness::records::risk)
        .collect();
    records::Found::default().with_records(
        approved,
        "risk treatment plan approved by its owner",
        "risk treatment plans approved by their owners",
    )
}
