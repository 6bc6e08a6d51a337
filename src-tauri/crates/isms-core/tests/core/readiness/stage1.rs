//! Each Stage 1 rule failing (or warning) for the reason it names, and passing again once fixed.

use isms_core::readiness::RecordKind::{self, *};
use isms_core::readiness::RuleStatus::{Fail, Pass, Warning};
use isms_core::risks::{ApprovalKind, Treatment};
use isms_core::soa::ImplementationStatus;

use super::{DEV, baseline, day, doc_mut, expect, person, risk_mut};

const NONE: &[(RecordKind, &str)] = &[];

#[test]
fn s1_scope_needs_the_statement_and_an_approved_scope_document() {
    let mut f = baseline();
    f.organisation.scope = "  ".into();
    expect(&f, "S1-SCOPE", Fail, &[(Organisation, "Organisation")]);
    let mut f = baseline();
    doc_mut(&mut f, "SCO-01").versions[0].approved_on = None;
    let r = expect(&f, "S1-SCOPE", Fail, &[(Document, "SCO-01")]);
    assert!(r.fix.contains("Approve a version of SCO-01"), "{}", r.fix);
    let mut f = baseline();
    doc_mut(&mut f, "SCO-01").mandatory_items.clear();
    expect(&f, "S1-SCOPE", Fail, &[(Clause, "4.3")]);
}

#[test]
fn s1_context_needs_an_issue_and_a_party_with_requirements() {
    let mut f = baseline();
    f.issues.clear();
    expect(&f, "S1-CONTEXT", Fail, &[(Clause, "4.1")]);
    let mut f = baseline();
    f.parties[0].requirements.clear();
    expect(&f, "S1-CONTEXT", Fail, &[(Clause, "4.2")]);
}

#[test]
fn s1_policy_needs_the_policy_approved() {
    let mut f = baseline();
    doc_mut(&mut f, "POL-01").versions[0].approved_on = None;
    expect(&f, "S1-POLICY", Fail, &[(Document, "POL-01")]);
}

#[test]
fn s1_roles_needs_an_active_isms_owner_and_active_owners_of_everything() {
    let mut f = baseline();
    for p in &mut f.people {
        p.isms_owner = false;
    }
    expect(&f, "S1-ROLES", Fail, &[(Clause, "5.3")]);
    // Dara, who owns both risks, has left.
    let mut f = baseline();
    let dev = person(&f, DEV).id;
    f.people.iter_mut().find(|p| p.id == dev).unwrap().end_date = Some(day("2026-05-31"));
    let r = expect(&f, "S1-ROLES", Fail, &[(Risk, "R-001"), (Risk, "R-002")]);
    assert!(
        r.finding.contains("2 risks without an active owner"),
        "{}",
        r.finding
    );
    // An open tracker item and a document without owner.
    let mut f = baseline();
    super::item_mut(&mut f, "T-002").owner_id = None;
    doc_mut(&mut f, "MAN-01").owner_id = None;
    expect(
        &f,
        "S1-ROLES",
        Fail,
        &[(Document, "MAN-01"), (TrackerItem, "T-002")],
    );
    // An applicable control without owner; a closed item without owner is fine.
    let mut f = baseline();
    f.soa
        .iter_mut()
        .find(|e| e.control_id == "5.1")
        .unwrap()
        .owner_id = None;
    super::item_mut(&mut f, "T-001").owner_id = None;
    expect(&f, "S1-ROLES", Fail, &[(Control, "5.1")]);
}

#[test]
fn s1_method_needs_the_method_and_the_approved_process() {
    let mut f = baseline();
    f.method = None;
    expect(&f, "S1-METHOD", Fail, &[(RiskMethod, "Risk method")]);
    let mut f = baseline();
    doc_mut(&mut f, "PRC-01").versions[0].approved_on = None;
    expect(&f, "S1-METHOD", Fail, &[(Document, "PRC-01")]);
}

#[test]
fn s1_risks_needs_risks_each_with_owner_likelihood_and_impact() {
    let mut f = baseline();
    f.risks.clear();
    expect(&f, "S1-RISKS", Fail, &[(Clause, "6.1.2")]);
    let mut f = baseline();
    risk_mut(&mut f, "R-002").impact = None;
    expect(&f, "S1-RISKS", Fail, &[(Risk, "R-002")]);
    risk_mut(&mut f, "R-001").owner_id = None;
    expect(&f, "S1-RISKS", Fail, &[(Risk, "R-001"), (Risk, "R-002")]);
}

#[test]
fn s1_treatment_needs_a_decision_actions_and_acceptance_above_the_threshold() {
    let mut f = baseline();
    risk_mut(&mut f, "R-001").treatment = None;
    expect(&f, "S1-TREATMENT", Fail, &[(Risk, "R-001")]);
    let mut f = baseline();
    risk_mut(&mut f, "R-001").actions[0].due_date = None;
    let r = expect(&f, "S1-TREATMENT", Fail, &[(Risk, "R-001")]);
    assert!(r.finding.contains("no action with an owner and a due date"));
    let mut f = baseline();
    risk_mut(&mut f, "R-001").treatment = Some(Treatment::Accept);
    let r = expect(&f, "S1-TREATMENT", Fail, &[(Risk, "R-001")]);
    assert!(r.finding.contains("owner's acceptance"));
    // The owner's acceptance fixes it; a risk under the threshold needs nothing.
    let risk = risk_mut(&mut f, "R-001");
    let mut acceptance = risk.approvals[0].clone();
    acceptance.kind = ApprovalKind::Acceptance;
    risk.approvals.push(acceptance);
    risk_mut(&mut f, "R-002").treatment = None;
    expect(&f, "S1-TREATMENT", Pass, NONE);
}

#[test]
fn s1_plan_approved_needs_a_current_approval_by_the_owner() {
    let mut f = baseline();
    risk_mut(&mut f, "R-001").approvals[0].void = true;
    expect(&f, "S1-PLAN-APPROVED", Fail, &[(Risk, "R-001")]);
    let mut f = baseline();
    risk_mut(&mut f, "R-001").approvals[0].person_id = person(&baseline(), super::CEO).id;
    expect(&f, "S1-PLAN-APPROVED", Fail, &[(Risk, "R-001")]);
}

#[test]
fn s1_soa_needs_every_control_decided_justified_with_status_and_approved() {
    let mut f = baseline();
    let e = f.soa.iter_mut().find(|e| e.control_id == "5.7").unwrap();
    e.applicable = None;
    let e = f.soa.iter_mut().find(|e| e.control_id == "7.4").unwrap();
    e.justification.clear();
    let e = f.soa.iter_mut().find(|e| e.control_id == "8.1").unwrap();
    e.reasons.business = false;
    e.status = None;
    let r = expect(
        &f,
        "S1-SOA",
        Fail,
        &[(Control, "5.7"), (Control, "8.1"), (Control, "7.4")],
    );
    assert!(
        r.fix.contains("Decide for each of 5.7 whether it applies"),
        "{}",
        r.fix
    );
    let mut f = baseline();
    f.soa_versions.clear();
    expect(&f, "S1-SOA", Fail, &[(Clause, "6.1.3 d)")]);
    // A decision changed after the approval: a warning to approve again.
    let mut f = baseline();
    f.soa
        .iter_mut()
        .find(|e| e.control_id == "8.2")
        .unwrap()
        .status = Some(ImplementationStatus::InProgress);
    expect(&f, "S1-SOA", Warning, &[(Control, "8.2")]);
}

#[test]
fn s1_soa_consistent_needs_treatment_controls_applicable() {
    let mut f = baseline();
    let e = f.soa.iter_mut().find(|e| e.control_id == "8.13").unwrap();
    e.applicable = Some(false);
    e.justification = "Not needed".into();
    let r = expect(
        &f,
        "S1-SOA-CONSISTENT",
        Fail,
        &[(Control, "8.13"), (Risk, "R-001")],
    );
    assert!(r.fix.contains("Include 8.13"));
}

#[test]
fn s1_objectives_needs_one_with_measure_owner_and_due_date() {
    let mut f = baseline();
    f.objectives[0].due_date = None;
    expect(
        &f,
        "S1-OBJECTIVES",
        Fail,
        &[(Objective, "Reliable backups")],
    );
    f.objectives.clear();
    expect(&f, "S1-OBJECTIVES", Fail, &[(Clause, "6.2")]);
}

#[test]
fn s1_docs_needs_every_mandatory_document_and_warns_without_manual_or_procedures() {
    let mut f = baseline();
    doc_mut(&mut f, "OBJ-01").versions[0].approved_on = None;
    doc_mut(&mut f, "DOC-01").mandatory_items.clear();
    expect(
        &f,
        "S1-DOCS",
        Fail,
        &[(Document, "OBJ-01"), (Clause, "7.5.1 b)")],
    );
    let mut f = baseline();
    f.documents.retain(|d| d.reference != "MAN-01");
    let r = expect(&f, "S1-DOCS", Warning, NONE);
    assert!(r.finding.contains("ISMS manual") && !r.finding.contains("audit procedure"));
    // A change procedure counts by its link to clause 6.3, or by its title.
    let mut f = baseline();
    doc_mut(&mut f, "PRC-03").title = "Operations handbook".into();
    expect(&f, "S1-DOCS", Pass, NONE);
    f.checklist.iter_mut().for_each(|c| c.document_ids.clear());
    let r = expect(&f, "S1-DOCS", Warning, NONE);
    assert!(
        r.finding.contains("change management procedure"),
        "{}",
        r.finding
    );
    doc_mut(&mut f, "PRC-03").title = "Change management".into();
    expect(&f, "S1-DOCS", Pass, NONE);
}

#[test]
fn s1_audit_plan_warns_unless_audits_are_planned_after_stage1() {
    let mut f = baseline();
    f.audits.retain(|a| a.planned_month != "2026-06");
    let r = expect(
        &f,
        "S1-AUDIT-PLAN",
        Warning,
        &[(Audit, "IA-001"), (Audit, "IA-002")],
    );
    assert!(r.fix.contains("1 month more"), "{}", r.fix);
    let mut f = baseline();
    f.organisation.stage1_date = None;
    expect(
        &f,
        "S1-AUDIT-PLAN",
        Warning,
        &[(Organisation, "Organisation")],
    );
    let mut f = baseline();
    f.organisation.audit_months = 2;
    f.audits.retain(|a| a.planned_month != "2026-06");
    expect(&f, "S1-AUDIT-PLAN", Pass, NONE);
}
