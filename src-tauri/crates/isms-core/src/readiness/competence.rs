//! S1-COMPETENCE (5.3, 7.2): the ISMS roles are defined with their responsibilities; the ISMS
//! owner, every risk owner and every planned internal auditor who is a person hold a role; and
//! each active person in a role that requires competence has competence evidence current on
//! the day (7.2 d).

use std::collections::BTreeSet;

use super::Stage;
use super::index::Index;
use super::records;
use super::verdict::{Faults, RecordRef, Rule, RuleResult, count, listing};
use crate::audits::AuditStatus;
use crate::competence::StandardRole;
use crate::people::Person;
use crate::view::Facts;

pub(crate) fn rule(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = Rule {
        id: "S1-COMPETENCE",
        stage: Stage::One,
        clause: "5.3, 7.2",
    };
    let mut faults = Faults::default();
    let undefined: Vec<RecordRef> = f
        .roles
        .iter()
        .filter(|r| r.responsibilities.trim().is_empty())
        .map(records::role)
        .collect();
    if f.roles.is_empty() {
        faults.add(
            "No ISMS role is defined.".into(),
            vec![records::clause(
                "5.3",
                "Organizational roles, responsibilities and authorities",
            )],
            "Define the ISMS roles and their responsibilities on the Roles & competence page."
                .into(),
        );
    } else if !undefined.is_empty() {
        let names: Vec<&str> = undefined.iter().map(|r| r.title.as_str()).collect();
        let names = listing(&names);
        faults.add(
            format!(
                "{} without responsibilities: {names}.",
                count(undefined.len(), "role is", "roles are")
            ),
            undefined,
            format!("Write the responsibilities of {names} on the Roles & competence page."),
        );
    }
    let holds_role = |p: &Person| f.assignments.iter().any(|a| a.person_id == p.id);
    // Who must hold a role, and the role the fix suggests.
    let mut candidates: Vec<(Option<&Person>, StandardRole)> = f
        .people
        .iter()
        .filter(|p| p.isms_owner)
        .map(|p| (Some(p), StandardRole::IsmsOwner))
        .collect();
    let mut risk_owners: Vec<i64> = f.risks.iter().filter_map(|r| r.owner_id).collect();
    risk_owners.sort_unstable();
    risk_owners.dedup();
    candidates.extend(
        risk_owners
            .into_iter()
            .map(|id| (ix.person(id), StandardRole::RiskOwner)),
    );
    candidates.extend(
        f.audits
            .iter()
            .filter(|a| matches!(a.status, AuditStatus::Planned | AuditStatus::InProgress))
            .map(|a| {
                (
                    a.auditor_id.and_then(|id| ix.person(id)),
                    StandardRole::InternalAuditor,
                )
            }),
    );
    let mut needed: Vec<(&Person, StandardRole)> = Vec::new();
    for (p, role) in candidates {
        if let Some(p) = p.filter(|p| p.is_active(ix.as_of))
            && !needed.iter().any(|(q, _)| q.id == p.id)
        {
            needed.push((p, role));
        }
    }
    let roleless: Vec<&(&Person, StandardRole)> =
        needed.iter().filter(|(p, _)| !holds_role(p)).collect();
    if !roleless.is_empty() {
        let who: Vec<String> = roleless
            .iter()
            .map(|(p, role)| format!("{} ({})", p.name, role_words(*role)))
            .collect();
        faults.add(
            format!(
                "{} no ISMS role: {}.",
                count(
                    roleless.len(),
                    "person who must hold one holds",
                    "people who must hold one hold"
                ),
                listing(&who)
            ),
            roleless.iter().map(|(p, _)| records::person(p)).collect(),
            format!(
                "Assign {} on the Roles & competence page.",
                listing(
                    &roleless
                        .iter()
                        .map(|(p, role)| format!("{} the role of {}", p.name, role_words(*role)))
                        .collect::<Vec<_>>()
                )
            ),
        );
    }
    // Everyone active in a role that requires competence has evidence current on the day.
    let demanding: BTreeSet<i64> = f
        .roles
        .iter()
        .filter(|r| r.requires_competence())
        .map(|r| r.id)
        .collect();
    let mut lacking: Vec<(&Person, bool)> = Vec::new();
    for p in f.people.iter().filter(|p| p.is_active(ix.as_of)) {
        let in_demanding = f
            .assignments
            .iter()
            .any(|a| a.person_id == p.id && demanding.contains(&a.role_id));
        if !in_demanding {
            continue;
        }
        let mine: Vec<_> = f
            .competence
            .iter()
            .filter(|e| e.person_id == p.id)
            .collect();
        if !mine.iter().any(|e| e.current_on(ix.as_of)) {
            let lapsed = mine.iter().any(|e| e.lapsed(ix.as_of));
            lacking.push((p, lapsed));
        }
    }
    if !lacking.is_empty() {
        let who: Vec<String> = lacking
            .iter()
            .map(|(p, lapsed)| {
                if *lapsed {
                    format!("{} (lapsed)", p.name)
                } else {
                    p.name.clone()
                }
            })
            .collect();
        let renew = lacking.iter().any(|(_, lapsed)| *lapsed);
        faults.add(
            format!(
                "{} in a role that requires competence without current competence evidence: {}.",
                count(lacking.len(), "person", "people"),
                listing(&who)
            ),
            lacking.iter().map(|(p, _)| records::person(p)).collect(),
            if renew {
                format!(
                    "Record current competence evidence for {} (renew the lapsed certificates, or add the training, education or experience that shows the competence the role requires).",
                    listing(&lacking.iter().map(|(p, _)| p.name.as_str()).collect::<Vec<_>>())
                )
            } else {
                format!(
                    "Record the competence evidence of {} (education, training, experience or certification, with the file that proves it).",
                    listing(&lacking.iter().map(|(p, _)| p.name.as_str()).collect::<Vec<_>>())
                )
            },
        );
    }
    let holders: BTreeSet<i64> = f.assignments.iter().map(|a| a.person_id).collect();
    faults.fail_or(
        &rule,
        rule.pass(format!(
            "{} defined with responsibilities; {} in roles, with current competence evidence where the role requires it.",
            count(f.roles.len(), "role", "roles"),
            count(holders.len(), "person", "people")
        )),
    )
}

fn role_words(role: StandardRole) -> &'static str {
    match role {
        StandardRole::IsmsOwner => "ISMS owner",
        StandardRole::TopManagement => "top management",
        StandardRole::RiskOwner => "risk owner",
        StandardRole::ControlOwner => "control owner",
        StandardRole::InternalAuditor => "internal auditor",
    }
}
