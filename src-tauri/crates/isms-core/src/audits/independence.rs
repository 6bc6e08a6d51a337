//! The independence check (9.2.2 c): an auditor must not audit their own work. A conflict
//! exists when the auditor owns a risk, an SoA entry, a document or an open tracker item that
//! falls in the audit's scope, or when the ISMS owner audits any clause of 4 to 10. External
//! auditors own nothing in the vault and have no conflict. The check itself is a pure
//! function of the records ([`conflicts_in`]), so the readiness engine runs it without SQL.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::model::Audit;
use crate::clauses::ClauseEntry;
use crate::documents::Document;
use crate::error::Result;
use crate::people::Person;
use crate::risks::Risk;
use crate::soa::SoaEntry;
use crate::tracker::{ItemStatus, TrackerItem};
use crate::{clauses, documents, people, risks, soa, tracker};

/// One reason the auditor is not independent of what they audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Conflict {
    /// `isms_owner`, `risk`, `soa`, `document` or `tracker`.
    pub kind: String,
    /// The record at fault (a risk, control, document or tracker reference; the clauses for
    /// `isms_owner`).
    pub reference: String,
    pub message: String,
}

/// Whether clause `id` ("6.1.3", or a mandatory item's "6.1.3 d)") falls under scope clause `scope`.
fn covers(scope: &str, id: &str) -> bool {
    let id = id.split_whitespace().next().unwrap_or(id);
    id == scope || id.starts_with(&format!("{scope}."))
}

fn in_clause_scope(audit: &Audit, id: &str) -> bool {
    audit.scope_clauses.iter().any(|s| covers(s, id))
}

/// Clauses whose audit examines the risk register itself.
const RISK_CLAUSES: [&str; 4] = ["6.1.2", "6.1.3", "8.2", "8.3"];

/// What people own, as the independence check needs it.
pub struct Holdings<'a> {
    pub soa: &'a [SoaEntry],
    pub risks: &'a [Risk],
    pub documents: &'a [Document],
    pub checklist: &'a [ClauseEntry],
    pub tracker: &'a [TrackerItem],
}

/// Every conflict of the audit's auditor with its scope, in a stable order.
pub fn conflicts(conn: &Connection, audit: &Audit) -> Result<Vec<Conflict>> {
    let Some(auditor_id) = audit.auditor_id else {
        return Ok(Vec::new());
    };
    let auditor = people::get(conn, auditor_id)?;
    let (soa, risks, documents) = (soa::list(conn)?, risks::list(conn)?, documents::list(conn)?);
    let (checklist, tracker) = (clauses::list(conn)?, tracker::list(conn)?);
    let holdings = Holdings {
        soa: &soa,
        risks: &risks,
        documents: &documents,
        checklist: &checklist,
        tracker: &tracker,
    };
    Ok(conflicts_in(audit, &auditor, &holdings))
}

/// The conflicts of `auditor` (the audit's auditor) with the audit's scope, given who owns what.
pub fn conflicts_in(audit: &Audit, auditor: &Person, holdings: &Holdings<'_>) -> Vec<Conflict> {
    let auditor_id = auditor.id;
    let who = &auditor.name;
    let mut out = Vec::new();
    let conflict = |kind: &str, reference: String, message: String| Conflict {
        kind: kind.into(),
        reference,
        message,
    };

    if auditor.isms_owner && !audit.scope_clauses.is_empty() {
        out.push(conflict(
            "isms_owner",
            audit.scope_clauses.join(", "),
            format!(
                "{who} built and runs the ISMS, so they cannot audit clauses 4 to 10 ({}): they would be marking their own exam. Choose another auditor for these clauses; {who} may audit Annex A controls they do not own.",
                audit.scope_clauses.join(", ")
            ),
        ));
    }
    for entry in holdings.soa {
        if entry.owner_id == Some(auditor_id) && audit.scope_controls.contains(&entry.control_id) {
            out.push(conflict(
                "soa",
                entry.control_id.clone(),
                format!(
                    "{who} owns control {} {} in the audit's scope.",
                    entry.control_id, entry.title
                ),
            ));
        }
    }
    let risk_clauses_in_scope = RISK_CLAUSES.iter().any(|c| in_clause_scope(audit, c));
    for risk in holdings.risks {
        if risk.owner_id != Some(auditor_id) {
            continue;
        }
        let via_control = risk
            .actions
            .iter()
            .flat_map(|a| &a.controls)
            .find(|c| audit.scope_controls.contains(c));
        if let Some(control) = via_control {
            out.push(conflict(
                "risk",
                risk.reference.clone(),
                format!(
                    "{who} owns risk {} “{}”, treated by control {control} in scope.",
                    risk.reference, risk.title
                ),
            ));
        } else if risk_clauses_in_scope {
            out.push(conflict(
                "risk",
                risk.reference.clone(),
                format!(
                    "{who} owns risk {} “{}”, and the audit covers risk assessment and treatment.",
                    risk.reference, risk.title
                ),
            ));
        }
    }
    let checklist = holdings.checklist;
    for doc in holdings.documents {
        if doc.owner_id != Some(auditor_id) {
            continue;
        }
        let by_item = doc
            .mandatory_items
            .iter()
            .find(|m| in_clause_scope(audit, m));
        let by_checklist = checklist
            .iter()
            .find(|c| c.document_ids.contains(&doc.id) && in_clause_scope(audit, &c.clause_id))
            .map(|c| &c.clause_id);
        if let Some(clause) = by_item.or(by_checklist) {
            out.push(conflict(
                "document",
                doc.reference.clone(),
                format!(
                    "{who} owns document {} “{}”, which addresses clause {clause} in scope.",
                    doc.reference, doc.title
                ),
            ));
        }
    }
    for item in holdings.tracker {
        if item.owner_id != Some(auditor_id) || item.status == ItemStatus::Closed {
            continue;
        }
        let clause = item.clauses.iter().find(|c| in_clause_scope(audit, c));
        let control = item
            .controls
            .iter()
            .find(|c| audit.scope_controls.contains(c));
        if let Some(what) = clause.or(control) {
            out.push(conflict(
                "tracker",
                item.reference.clone(),
                format!(
                    "{who} owns open tracker item {} “{}”, about {what} in scope.",
                    item.reference, item.title
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::covers;

    #[test]
    fn a_scope_clause_covers_itself_and_its_subclauses_only() {
        assert!(covers("6.1", "6.1"));
        assert!(covers("6.1", "6.1.3"));
        assert!(
            covers("6.1", "6.1.3 d)"),
            "mandatory items carry a letter after a space"
        );
        assert!(!covers("6.1", "6.10"), "6.10 is not a subclause of 6.1");
        assert!(!covers("6", "7.1"));
    }
}
