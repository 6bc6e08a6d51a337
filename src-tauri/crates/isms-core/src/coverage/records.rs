//! The records that are a clause's evidence in practice, clause by clause, as of the view's
//! day: the context register for 4.1–4.2, the risk register for 6.1 and 8, the audit
//! programme for 9.2, and so on. What each clause wants is said in `wanted`, so a gap names
//! the record to make.

use crate::audits::AuditStatus;
use crate::readiness::RecordRef;
use crate::readiness::records as refs;
use crate::risks::{ActionStatus, ApprovalKind};
use crate::training::CourseKind;
use crate::view::View;

/// What a clause addressed by documents alone wants.
pub(super) const DOCUMENT_ONLY: &str = "an approved document";

/// What the records say about one clause.
#[derive(Default)]
pub(super) struct Found {
    pub records: Vec<RecordRef>,
    /// "3 risks assessed: and R-003".
    pub summary: String,
    /// Only records address the clause; a document alone plans it.
    pub needs_records: bool,
    /// A plan in the vault (measures defined, audits planned) without the results yet.
    pub planned: bool,
    /// Records exist but fall short (someone in a role without competence evidence).
    pub gap: String,
    /// The records this clause wants, for a gap's words.
    pub wanted: &'static str,
}

impl Found {
    fn wanting(wanted: &'static str) -> Self {
        Self {
            wanted,
            ..Self::default()
        }
    }

    fn needing(wanted: &'static str) -> Self {
        Self {
            wanted,
            needs_records: true,
            ..Self::default()
        }
    }

    /// Sets the records and a summary of them: "{n} {noun}: A, B and C".
    pub fn with_records(self, records: Vec<RecordRef>, one: &str, many: &str) -> Self {
        self.with(records, one, many)
    }

    fn with(mut self, records: Vec<RecordRef>, one: &str, many: &str) -> Self {
        if !records.is_empty() {
            // People by name (their reference is their e-mail).
            let names: Vec<&str> = records
                .iter()
                .map(|r| {
                    if r.kind == crate::readiness::RecordKind::Person {
                        r.title.as_str()
                    } else {
                        r.reference.as_str()
                    }
                })
                .collect();
            self.summary = format!(
                "{} {}: {}",
                records.len(),
                if records.len() == 1 { one } else { many },
                crate::readiness::listing(&names)
            );
        }
        self.records = records;
        self
    }
}

pub(super) fn of(v: &View, clause: &str) -> Found {
    let day = v.day();
    match clause {
        "4.1" => Found::wanting("the internal and external issues").with(
            v.issues.iter().map(refs::context_issue).collect(),
            "issue recorded",
            "issues recorded",
        ),
        // 4.2 c) asks which requirements the ISMS addresses: the requirements register
        // counts beside the parties' own requirements.
        "4.2" => Found::wanting("the interested parties and their requirements").with(
            v.parties
                .iter()
                .filter(|p| !p.requirements.trim().is_empty())
                .map(refs::party)
                .chain(v.requirements.iter().map(refs::requirement))
                .collect(),
            "interested party or requirement recorded",
            "interested parties and requirements recorded",
        ),
        "4.3" => {
            let found = Found::wanting("the scope statement");
            if v.organisation.scope.trim().is_empty() {
                found
            } else {
                let mut found = found.with(
                    vec![refs::organisation(&v.organisation)],
                    "scope statement",
                    "scope statements",
                );
                found.summary = "The scope statement on the Organisation page".into();
                found
            }
        }
        "5.1" => {
            let found =
                Found::wanting("an active member of top management and the approved policy");
            let policy = super::documents_for(v, "5.2");
            if policy.is_empty() {
                return found;
            }
            found.with(
                v.people
                    .iter()
                    .filter(|p| p.top_management && p.is_active(day))
                    .map(refs::person)
                    .collect(),
                "member of top management behind the approved policy",
                "members of top management behind the approved policy",
            )
        }
        "5.3" => {
            let found =
                Found::wanting("the ISMS roles with their responsibilities, held by people");
            if !v.people.iter().any(|p| p.isms_owner && p.is_active(day)) {
                return found;
            }
            found.with(
                v.roles
                    .iter()
                    .filter(|r| {
                        !r.responsibilities.trim().is_empty()
                            && v.assignments.iter().any(|a| a.role_id == r.id)
                    })
                    .map(refs::role)
                    .collect(),
                "role with responsibilities, held",
                "roles with responsibilities, held",
            )
        }
        "6.1.1" => Found::wanting("the risk method").with(
            v.method.iter().map(|_| refs::risk_method()).collect(),
            "risk method set",
            "risk methods set",
        ),
        "6.1.2" | "8.2" => {
            let wanted = "the risk method and risks assessed with likelihood and impact";
            let found = if clause == "6.1.2" {
                Found::needing(wanted)
            } else {
                Found::wanting(wanted)
            };
            if v.method.is_none() {
                return found;
            }
            found.with(
                v.risks
                    .iter()
                    .filter(|r| r.inherent.is_some())
                    .map(refs::risk)
                    .collect(),
                "risk assessed",
                "risks assessed",
            )
        }
        "6.1.3" => {
            let found =
                Found::wanting("treatment decisions and an approved Statement of Applicability");
            if v.soa_versions.is_empty() {
                return found;
            }
            found.with(
                v.risks
                    .iter()
                    .filter(|r| r.treatment.is_some())
                    .map(refs::risk)
                    .collect(),
                "risk with a treatment decision, and an approved SoA",
                "risks with a treatment decision, and an approved SoA",
            )
        }
        "6.2" => Found::wanting("objectives with a measure, an owner and a due date").with(
            v.objectives
                .iter()
                .filter(|o| {
                    !o.measure.trim().is_empty() && o.owner_id.is_some() && o.due_date.is_some()
                })
                .map(refs::objective)
                .collect(),
            "objective with a measure, owner and due date",
            "objectives with a measure, owner and due date",
        ),
        "6.3" => Found::wanting("planned changes handled by the change procedure").with(
            v.changes.iter().map(refs::change).collect(),
            "change recorded",
            "changes recorded",
        ),
        "7.2" => competence(v),
        "7.3" => {
            let awareness: Vec<i64> = v
                .courses
                .iter()
                .filter(|c| c.kind == CourseKind::Awareness)
                .map(|c| c.id)
                .collect();
            let mut people: Vec<i64> = v
                .completions
                .iter()
                .filter(|c| awareness.contains(&c.course_id))
                .map(|c| c.person_id)
                .collect();
            people.sort_unstable();
            people.dedup();
            Found::wanting("awareness training completions").with(
                v.people
                    .iter()
                    .filter(|p| p.is_active(day) && people.binary_search(&p.id).is_ok())
                    .map(refs::person)
                    .collect(),
                "person trained in awareness",
                "people trained in awareness",
            )
        }
        "7.4" => Found::wanting("documents communicated to staff").with(
            v.documents
                .iter()
                .filter(|d| d.communicate && d.current().is_some())
                .map(refs::document)
                .collect(),
            "approved document communicated to staff",
            "approved documents communicated to staff",
        ),
        "7.5.1" | "7.5.2" | "7.5.3" => Found::wanting("approved documents in the register").with(
            v.documents
                .iter()
                .filter(|d| d.current().is_some())
                .map(refs::document)
                .collect(),
            "approved document under version control",
            "approved documents under version control",
        ),
        "8.1" => Found::wanting("treatment actions with an owner and a due date").with(
            v.risks
                .iter()
                .filter(|r| {
                    r.actions
                        .iter()
                        .any(|a| a.owner_id.is_some() && a.due_date.is_some())
                })
                .map(refs::risk)
                .collect(),
            "risk with planned treatment actions",
            "risks with planned treatment actions",
        ),
        "8.3" => Found::wanting("risks treated as planned").with(
            v.risks
                .iter()
                .filter(|r| {
                    r.treatment.is_some()
                        && (r.actions.iter().any(|a| a.status == ActionStatus::Done)
                            || r.approvals
                                .iter()
                                .any(|a| a.kind == ApprovalKind::Acceptance))
                })
                .map(refs::risk)
                .collect(),
            "risk with treatment carried out or accepted",
            "risks with treatment carried out or accepted",
        ),
        "9.1" => measures(v),
        "9.2.1" | "9.2.2" => {
            let mut found = Found::needing("a completed internal audit").with(
                v.audits
                    .iter()
                    .filter(|a| a.status == AuditStatus::Completed)
                    .map(refs::audit)
                    .collect(),
                "completed internal audit",
                "completed internal audits",
            );
            found.planned = v.audits.iter().any(|a| a.status != AuditStatus::Cancelled);
            found
        }
        "9.3.1" | "9.3.2" | "9.3.3" => Found::needing("a management review held").with(
            v.reviews
                .iter()
                .filter(|r| {
                    clause != "9.3.3"
                        || !r.improvement.trim().is_empty()
                        || !r.changes_needed.trim().is_empty()
                })
                .map(refs::review)
                .collect(),
            "management review held",
            "management reviews held",
        ),
        "10.1" => Found::wanting("improvements decided or completed").with(
            v.tracker
                .iter()
                .filter(|i| i.status == crate::tracker::ItemStatus::Closed)
                .map(refs::item)
                .chain(
                    v.reviews
                        .iter()
                        .filter(|r| !r.improvement.trim().is_empty())
                        .map(refs::review),
                )
                .collect(),
            "improvement closed or decided",
            "improvements closed or decided",
        ),
        "10.2" => Found::needing("a nonconformity in the tracker with its corrective action").with(
            v.tracker
                .iter()
                .filter(|i| i.kind.is_nc() && !i.corrective_action.trim().is_empty())
                .map(refs::item)
                .collect(),
            "nonconformity with its corrective action",
            "nonconformities with their corrective actions",
        ),
        // 4.4, 5.2, 7.1 and the clauses with sub-clauses: documents only.
        _ => Found::wanting(DOCUMENT_ONLY),
    }
}

/// 7.2: competence evidence current on the day; every active person in a role that requires
/// competence must have some.
fn competence(v: &View) -> Found {
    let day = v.day();
    let mut found = Found::needing("current competence evidence of the people in ISMS roles");
    let demanding: Vec<i64> = v
        .roles
        .iter()
        .filter(|r| r.requires_competence())
        .map(|r| r.id)
        .collect();
    let current = |person: i64| {
        v.competence
            .iter()
            .any(|e| e.person_id == person && e.current_on(day))
    };
    let mut holders: Vec<&crate::people::Person> = v
        .people
        .iter()
        .filter(|p| p.is_active(day) && current(p.id))
        .collect();
    holders.sort_by(|a, b| a.name.cmp(&b.name));
    found = found.with(
        holders.into_iter().map(refs::person).collect(),
        "person with current competence evidence",
        "people with current competence evidence",
    );
    found.planned = !v.roles.is_empty();
    let lacking: Vec<&str> = v
        .people
        .iter()
        .filter(|p| p.is_active(day) && !current(p.id))
        .filter(|p| {
            v.assignments
                .iter()
                .any(|a| a.person_id == p.id && demanding.contains(&a.role_id))
        })
        .map(|p| p.name.as_str())
        .collect();
    if !lacking.is_empty() {
        found.gap = format!(
            "In a role that requires competence without current evidence: {}.",
            crate::readiness::listing(&lacking)
        );
    }
    found
}

/// 9.1: measures with results recorded by the day.
fn measures(v: &View) -> Found {
    let mut found = Found::needing("measures with recorded results").with(
        v.measures
            .iter()
            .filter(|m| v.results.iter().any(|r| r.measure_id == m.id))
            .map(refs::measure)
            .collect(),
        "measure with results",
        "measures with results",
    );
    found.planned = !v.measures.is_empty();
    found
}
