//! The `stage1` pack: what the certification body reviews at the Stage 1 desktop audit. The
//! cover gives the company, scope, audit dates, readiness verdict, the approved SoA version and
//! the SoA totals; then the Stage 1 readiness result, scope and context, the policy and document
//! register, roles, the risk method, the risk register with its heat maps, the treatment plan
//! with owners' approvals, the Statement of Applicability, objectives, the clause checklist, the
//! internal audit programme and the ISMS tracker.
//! The `stage2` pack reuses the cover and the documentation sections from here.

use chrono::NaiveDate;
use isms_core::readiness::{Report, Stage};

use super::records::{DASH, Records, list, long_date};
use super::{
    CONFIDENTIALITY, audit, documentation, generated_by, monitoring, risk, roles, statement,
    tracker, verdict,
};
use crate::model::{Fact, Pack, Section};

pub(crate) const TITLE: &str = "Stage 1 evidence pack";

pub(crate) fn pack(r: &Records) -> Pack {
    let report = verdict::report(r, Stage::One);
    let mut sections = vec![verdict::section(&report)];
    sections.extend(documentation_sections(r, false));
    // Set up before Stage 1 (the seed: "set up your ISMS tracker"; the audit programme agreed).
    sections.extend([audit::programme(r), tracker::section(r)]);
    Pack {
        title: TITLE.into(),
        company: r.facts.organisation.name.clone(),
        confidentiality: CONFIDENTIALITY.into(),
        as_of: r.as_of,
        version: generated_by(),
        cover: cover(r, &[&report]),
        sections,
        evidence_sha256: None,
    }
}

/// The cover facts: who, what, when, where the stages stand, and the SoA totals.
pub(crate) fn cover(r: &Records, reports: &[&Report]) -> Vec<Fact> {
    let org = &r.facts.organisation;
    let owner: Vec<String> = r
        .facts
        .people
        .iter()
        .filter(|p| p.isms_owner && p.is_active(r.as_of))
        .map(|p| p.name.clone())
        .collect();
    let day = |d: Option<NaiveDate>| d.map_or_else(|| DASH.to_owned(), long_date);
    let mut facts = vec![
        Fact::new(
            "Scope",
            if org.scope.trim().is_empty() {
                "No scope statement is recorded.".to_owned()
            } else {
                org.scope.trim().to_owned()
            },
        ),
        Fact::new("ISMS owner", list(&owner)),
        Fact::new(
            "Certification body",
            super::records::or_dash(&org.certification_body),
        ),
        Fact::new("Stage 1 audit", day(org.stage1_date)),
        Fact::new("Stage 2 audit (target)", day(org.stage2_target)),
    ];
    for report in reports {
        facts.push(Fact::new(
            format!("Stage {} readiness", report.stage),
            verdict::verdict(report),
        ));
    }
    facts.push(Fact::new(
        "Statement of Applicability",
        statement::approved_version(r),
    ));
    facts.extend(statement::cover_facts(&statement::totals(r)));
    facts
}

/// The documentation sections, in the order of the Stage 1 review; stage2 repeats them with
/// `operation` set, so the clause checklist points to its sections on the ISMS in operation.
pub(crate) fn documentation_sections(r: &Records, operation: bool) -> Vec<Section> {
    vec![
        documentation::scope_and_context(r),
        super::registers::requirements(r),
        documentation::document_register(r),
        roles::roles(r),
        risk::method(r),
        risk::register(r),
        risk::treatment_plan(r),
        statement::section(r),
        documentation::objectives(r),
        monitoring::section(r, operation),
        documentation::clause_checklist(r, operation),
    ]
}
