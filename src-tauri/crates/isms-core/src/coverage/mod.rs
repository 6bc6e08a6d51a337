//! One coverage of clauses 4–10 (`domain.md`, "One coverage of clauses 4–10"): whether each
//! clause and sub-clause of the standard is addressed on a day, computed once from a
//! [`View`], and whether each of the 16 items of mandatory documented information has a home.
//! The clause checklist screen, the readiness rules S1-CLAUSES and S2-CLAUSES and every pack
//! read this; none of them decides coverage for itself, so a pack can never say "Ready" on one
//! page and "Not addressed" on another.
//!
//! A clause is addressed by an approved document that covers it (its mandatory items, or a
//! link in the clause checklist, to it or to a clause above it) or by the records that are its
//! evidence ([`records`]). For the clauses whose evidence is records by nature (6.1.2 risks
//! assessed, 7.2 competence, 9.1 results, 9.2 completed audits, 9.3 a held review, 10.2
//! corrective actions) a document alone only *plans* them. A clause with sub-clauses stands
//! where its weakest sub-clause stands.

mod mandatory;
mod records;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::documents::Document;
use crate::readiness::RecordRef;
use crate::reference;
use crate::view::View;

pub use mandatory::MandatoryCoverage;

/// Where a clause stands on the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "CoverageStatus")]
pub enum Status {
    /// Nothing in the vault addresses it.
    NotAddressed,
    /// An approved document plans it, but the records that show it in practice are not there
    /// yet (enough for clauses 9 and 10 at Stage 1).
    Planned,
    /// Addressed, with the evidence it needs.
    Addressed,
}

/// An approved document that covers a clause, with the version in force on the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CoveringDocument {
    pub id: i64,
    pub reference: String,
    pub title: String,
    pub version: String,
    pub approved_on: Option<NaiveDate>,
}

/// One clause or sub-clause of 4–10 on the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ClauseCoverage {
    /// "4.3", "9.2.2"…
    pub clause_id: String,
    pub title: String,
    pub status: Status,
    /// The approved documents that cover it.
    pub documents: Vec<CoveringDocument>,
    /// The records that show it in practice (the first few; `evidence` counts them all).
    pub records: Vec<RecordRef>,
    /// The records in one line ("3 completed internal audits: IA-01, IA-02 and IA-03"); empty
    /// when there are none.
    pub evidence: String,
    /// What is missing, in plain words; empty when addressed.
    pub gap: String,
}

/// The coverage of every clause and mandatory item on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Coverage {
    pub as_of: NaiveDate,
    /// Every clause and sub-clause of 4–10, in the standard's order.
    pub clauses: Vec<ClauseCoverage>,
    /// The 16 items of mandatory documented information, in the reference list's order.
    pub mandatory: Vec<MandatoryCoverage>,
}

impl Coverage {
    pub fn clause(&self, id: &str) -> Option<&ClauseCoverage> {
        self.clauses.iter().find(|c| c.clause_id == id)
    }
}

/// How many records a coverage row lists by name.
pub(crate) const LISTED: usize = 5;

/// The coverage of the vault as `view` shows it on its day.
pub fn of(view: &View) -> Coverage {
    let ids: Vec<&str> = reference::clauses().iter().map(|c| c.id.as_str()).collect();
    let mut clauses: Vec<ClauseCoverage> = reference::clauses()
        .iter()
        .map(|c| leaf(view, &c.id, &c.title))
        .collect();
    // Parents, deepest first, stand where their weakest sub-clause stands.
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(ids[i].matches('.').count()));
    for i in order {
        let children: Vec<usize> = (0..ids.len())
            .filter(|&j| is_child(ids[j], ids[i]))
            .collect();
        if children.is_empty() {
            continue;
        }
        let weakest = children.iter().map(|&j| clauses[j].status).min();
        let Some(weakest) = weakest else { continue };
        let addressed = children
            .iter()
            .filter(|&&j| clauses[j].status == Status::Addressed)
            .count();
        let lacking: Vec<&str> = children
            .iter()
            .filter(|&&j| clauses[j].status != Status::Addressed)
            .map(|&j| ids[j])
            .collect();
        let parent = &mut clauses[i];
        parent.status = weakest;
        parent.evidence = format!("{addressed} of {} sub-clauses addressed", children.len());
        parent.gap = if lacking.is_empty() {
            String::new()
        } else {
            format!("See {}.", crate::readiness::listing(&lacking))
        };
    }
    Coverage {
        as_of: view.day(),
        clauses,
        mandatory: mandatory::of(view),
    }
}

/// `child` is a direct sub-clause of `parent` ("9.2.1" of "9.2", "9.2" of "9").
fn is_child(child: &str, parent: &str) -> bool {
    child
        .strip_prefix(parent)
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|rest| !rest.contains('.'))
}

/// `clause` or one of the clauses above it ("9.2" for "9.2.2").
fn within(clause: &str, of: &str) -> bool {
    clause == of
        || clause
            .strip_prefix(of)
            .is_some_and(|rest| rest.starts_with('.'))
}

/// The clause a mandatory item or a document's covered item belongs to: "6.1.3 d)" → "6.1.3",
/// "10.2 f)-g)" → "10.2".
pub(crate) fn clause_of(item: &str) -> &str {
    item.split_whitespace().next().unwrap_or(item)
}

/// The approved documents (in force on the day) that cover `clause`: by their mandatory items,
/// by a link in the clause checklist to it or to a clause above it, the ISMS manual for 4.4,
/// and (as S1-DOCS finds them) a procedure titled for changes for 6.3 or for audits for 9.2.
pub(crate) fn documents_for(view: &View, clause: &str) -> Vec<CoveringDocument> {
    let titled = |d: &Document, word: &str| {
        d.kind == crate::documents::DocKind::Procedure && d.title.to_lowercase().contains(word)
    };
    let linked: Vec<i64> = view
        .checklist
        .iter()
        .filter(|e| within(clause, &e.clause_id))
        .flat_map(|e| e.document_ids.iter().copied())
        .collect();
    let mut out: Vec<CoveringDocument> = view
        .documents
        .iter()
        .filter(|d| {
            linked.contains(&d.id)
                || d.mandatory_items
                    .iter()
                    .any(|m| within(clause, clause_of(m)))
                || (clause == "4.4" && d.kind == crate::documents::DocKind::Manual)
                || (within(clause, "6.3") && titled(d, "change"))
                || (within(clause, "9.2") && titled(d, "audit"))
        })
        .filter_map(|d| covering(view, d))
        .collect();
    out.sort_by(|a, b| a.reference.cmp(&b.reference));
    out.dedup_by_key(|d| d.id);
    out
}

/// An approved document as the register shows it on the view's day: the SoA's entry with the
/// SoA's version in force (`crate::soa::register_version`), so every list tells one story.
fn covering(view: &View, d: &Document) -> Option<CoveringDocument> {
    let v = d.current()?;
    let shown = crate::soa::register_version(d, &view.soa_versions, view.day());
    Some(CoveringDocument {
        id: d.id,
        reference: d.reference.clone(),
        title: d.title.clone(),
        version: shown
            .as_ref()
            .map_or_else(|| v.number.clone(), |s| s.number.clone()),
        approved_on: shown.map_or(v.approved_on, |s| Some(s.approved_on)),
    })
}

fn leaf(view: &View, id: &str, title: &str) -> ClauseCoverage {
    let documents = documents_for(view, id);
    let found = records::of(view, id);
    let status = if !found.records.is_empty() && found.gap.is_empty() {
        Status::Addressed
    } else if found.needs_records {
        if !documents.is_empty() || found.planned {
            Status::Planned
        } else {
            Status::NotAddressed
        }
    } else if !documents.is_empty() {
        Status::Addressed
    } else {
        Status::NotAddressed
    };
    let gap = match status {
        Status::Addressed => String::new(),
        _ if !found.gap.is_empty() => found.gap,
        Status::Planned => format!(
            "Planned, but no records show it in practice yet: {}.",
            found.wanted
        ),
        Status::NotAddressed if found.needs_records => format!(
            "Nothing addresses it: {}, or at least an approved document that plans it.",
            found.wanted
        ),
        Status::NotAddressed if found.wanted == records::DOCUMENT_ONLY => format!(
            "Nothing addresses it: approve a document that covers {id}, or link an approved one to it in the clause checklist."
        ),
        Status::NotAddressed => format!(
            "Nothing addresses it: approve a document that covers {id} (or link one in the clause checklist), or record {}.",
            found.wanted
        ),
    };
    ClauseCoverage {
        clause_id: id.to_owned(),
        title: title.to_owned(),
        status,
        documents,
        evidence: found.summary,
        records: found.records.into_iter().take(LISTED).collect(),
        gap,
    }
}
