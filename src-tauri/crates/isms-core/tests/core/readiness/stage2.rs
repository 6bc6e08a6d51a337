//! Each Stage 2 rule failing (or warning) for the reason it names, and passing when the rule's
//! own exceptions apply.

use isms_core::audits::AuditStatus;
use isms_core::organisation::FindingPolicy;
use isms_core::readiness::RecordKind::{self, *};
use isms_core::readiness::RuleStatus::{Fail, NotApplicable, Pass, Warning};
use isms_core::risks::{ActionStatus, ApprovalKind, Score};
use isms_core::soa::ImplementationStatus;
use isms_core::tracker::{ItemKind, ItemStatus};

use super::{CEO, DEV, baseline, day, doc_mut, expect, item_mut, person, risk_mut};

const NONE: &[(RecordKind, &str)] = &[];

fn reopen(f: &mut isms_core::readiness::Facts, reference: &str) {
    let item = item_mut(f, reference);
    item.status = ItemStatus::InProgress;
    item.closed_on = None;
}

#[test]
fn s2_stage1_findings_needs_ncs_closed_or_planned_and_ofis_decided() {
    let mut f = baseline();
    reopen(&mut f, "T-001");
    item_mut(&mut f, "T-001").corrective_action.clear();
    expect(&f, "S2-STAGE1-FINDINGS", Fail, &[(TrackerItem, "T-001")]);
    // Under no_major_nc, an open minor NC with its corrective action and due date is enough…
    item_mut(&mut f, "T-001").corrective_action = "Checklist updated.".into();
    expect(&f, "S2-STAGE1-FINDINGS", Pass, NONE);
    // …but not under zero_findings, and never for a major one.
    f.organisation.finding_policy = FindingPolicy::ZeroFindings;
    expect(&f, "S2-STAGE1-FINDINGS", Fail, &[(TrackerItem, "T-001")]);
    f.organisation.finding_policy = FindingPolicy::NoMajorNc;
    item_mut(&mut f, "T-001").kind = ItemKind::MajorNc;
    expect(&f, "S2-STAGE1-FINDINGS", Fail, &[(TrackerItem, "T-001")]);
    let mut f = baseline();
    item_mut(&mut f, "T-002").decision.clear();
    expect(&f, "S2-STAGE1-FINDINGS", Fail, &[(TrackerItem, "T-002")]);
    f.organisation.stage1_date = Some(day("2026-07-01"));
    expect(&f, "S2-STAGE1-FINDINGS", NotApplicable, NONE);
}

#[test]
fn s2_red_risks_needs_actions_done_and_residual_acceptable_or_accepted() {
    let mut f = baseline();
    risk_mut(&mut f, "R-001").actions[0].status = ActionStatus::InProgress;
    let r = expect(&f, "S2-RED-RISKS", Fail, &[(Risk, "R-001")]);
    assert!(r.finding.contains("not done"));
    let mut f = baseline();
    risk_mut(&mut f, "R-001").residual = None;
    expect(&f, "S2-RED-RISKS", Fail, &[(Risk, "R-001")]);
    let mut f = baseline();
    let risk = risk_mut(&mut f, "R-001");
    risk.residual = Some(Score {
        value: 12,
        ..risk.inherent.unwrap()
    });
    expect(&f, "S2-RED-RISKS", Fail, &[(Risk, "R-001")]);
    let risk = risk_mut(&mut f, "R-001");
    let mut acceptance = risk.approvals[0].clone();
    acceptance.kind = ApprovalKind::Acceptance;
    risk.approvals.push(acceptance);
    expect(&f, "S2-RED-RISKS", Pass, NONE);
}

#[test]
fn s2_treatment_warns_of_overdue_actions() {
    let mut f = baseline();
    let action = &mut risk_mut(&mut f, "R-001").actions[0];
    action.status = ActionStatus::InProgress;
    action.due_date = Some(day("2026-06-19"));
    expect(&f, "S2-TREATMENT", Warning, &[(Risk, "R-001")]);
    risk_mut(&mut f, "R-001").actions[0].due_date = Some(day("2026-06-20"));
    expect(&f, "S2-TREATMENT", Pass, NONE);
}

#[test]
fn s2_ack_needs_everyone_in_the_audience_to_acknowledge_the_current_version() {
    let mut f = baseline();
    let dev = person(&f, DEV).id;
    f.acknowledgements.retain(|a| a.person_id != dev);
    let r = expect(&f, "S2-ACK", Fail, &[(Document, "POL-01"), (Person, DEV)]);
    assert!(r.finding.contains("Dara Lin"), "{}", r.finding);
    // Sent only to Management, the policy is acknowledged by all its audience.
    doc_mut(&mut f, "POL-01").audience = vec!["Management".into()];
    expect(&f, "S2-ACK", Pass, NONE);
    // Someone who has left is no longer asked.
    let mut f = baseline();
    f.acknowledgements.retain(|a| a.person_id != dev);
    f.people.iter_mut().find(|p| p.id == dev).unwrap().end_date = Some(day("2026-06-01"));
    expect(&f, "S2-ACK", Pass, NONE);
    // A new approved version needs acknowledging anew.
    let mut f = baseline();
    let doc = doc_mut(&mut f, "POL-01");
    let mut v2 = doc.versions[0].clone();
    (v2.id, v2.number, v2.approved_on) = (999, "2.0".into(), Some(day("2026-06-01")));
    doc.versions.push(v2);
    let r = super::rule(&f, "S2-ACK");
    assert_eq!((r.status, r.records.len()), (Fail, 4), "{r:#?}");
    let mut f = baseline();
    doc_mut(&mut f, "POL-01").versions[0].approved_on = None;
    expect(&f, "S2-ACK", Fail, &[(Document, "POL-01")]);
    // Nothing communicated at all: the policy at least must be.
    let mut f = baseline();
    doc_mut(&mut f, "POL-01").communicate = false;
    let r = expect(&f, "S2-ACK", Fail, &[(Document, "POL-01")]);
    assert!(
        r.finding
            .contains("POL-01) is not marked to be communicated"),
        "{}",
        r.finding
    );
}

#[test]
fn s2_training_needs_awareness_in_the_last_12_months_with_evidence() {
    let mut f = baseline();
    let dev = person(&f, DEV).id;
    let ceo = person(&f, CEO).id;
    f.completions
        .iter_mut()
        .find(|c| c.person_id == dev)
        .unwrap()
        .evidence_id = None;
    f.completions
        .iter_mut()
        .find(|c| c.person_id == ceo)
        .unwrap()
        .completed_on = day("2025-06-19");
    let r = expect(&f, "S2-TRAINING", Fail, &[(Person, CEO), (Person, DEV)]);
    assert!(r.finding.contains("without evidence") && r.finding.contains("last 12 months"));
    // One who joined less than 30 days ago has time to do it.
    let mut f = baseline();
    f.completions.retain(|c| c.person_id != dev);
    expect(&f, "S2-TRAINING", Fail, &[(Person, DEV)]);
    f.people
        .iter_mut()
        .find(|p| p.id == dev)
        .unwrap()
        .start_date = Some(day("2026-06-01"));
    expect(&f, "S2-TRAINING", Pass, NONE);
    let mut f = baseline();
    f.courses[0].kind = isms_core::training::CourseKind::Other;
    expect(&f, "S2-TRAINING", Fail, NONE);
}

#[test]
fn s2_audits_needs_the_agreed_months_completed_and_none_overdue() {
    let mut f = baseline();
    f.audits[2].status = AuditStatus::Planned;
    f.audits[2].completed_on = None;
    let r = expect(&f, "S2-AUDITS", Fail, NONE);
    assert!(r.finding.contains("2 months"), "{}", r.finding);
    // Planned for May and not done: overdue in June.
    f.audits[1].status = AuditStatus::Planned;
    f.organisation.audit_months = 1;
    expect(&f, "S2-AUDITS", Fail, &[(Audit, "IA-002")]);
    f.audits[1].status = AuditStatus::Cancelled;
    expect(&f, "S2-AUDITS", Pass, NONE);
    // Counted from the Stage 1 date itself: an audit done earlier that month does not count.
    let mut f = baseline();
    f.audits[2].completed_on = Some(day("2026-03-10"));
    expect(&f, "S2-AUDITS", Fail, NONE);
    f.audits[2].completed_on = Some(day("2026-03-20"));
    expect(&f, "S2-AUDITS", Pass, NONE);
    let mut f = baseline();
    f.organisation.stage1_date = None;
    expect(&f, "S2-AUDITS", Fail, &[(Organisation, "Organisation")]);
}

#[test]
fn s2_independence_fails_when_an_auditor_audits_their_own_work() {
    let mut f = baseline();
    let owner = f.people.iter().find(|p| p.isms_owner).unwrap().id;
    f.audits[0].auditor_id = Some(owner);
    let r = expect(&f, "S2-INDEPENDENCE", Fail, &[(Audit, "IA-001")]);
    assert!(
        r.finding.contains("cannot audit clauses 4 to 10"),
        "{}",
        r.finding
    );
    // Dara owns R-001, treated by 8.13.
    let mut f = baseline();
    f.audits[1].auditor_id = Some(person(&f, DEV).id);
    f.audits[1].scope_clauses.clear();
    f.audits[1].scope_controls = vec!["8.13".into()];
    expect(&f, "S2-INDEPENDENCE", Fail, &[(Audit, "IA-002")]);
    // …but may audit a control that nobody's work of theirs touches.
    f.audits[1].scope_controls = vec!["5.10".into()];
    expect(&f, "S2-INDEPENDENCE", Pass, NONE);
}

#[test]
fn s2_findings_needs_owners_plans_no_overdue_and_effectiveness_reviews() {
    let mut f = baseline();
    item_mut(&mut f, "T-003").effectiveness_result.clear();
    expect(&f, "S2-FINDINGS", Fail, &[(TrackerItem, "T-003")]);
    let mut f = baseline();
    reopen(&mut f, "T-003");
    item_mut(&mut f, "T-003").root_cause.clear();
    let r = expect(&f, "S2-FINDINGS", Fail, &[(TrackerItem, "T-003")]);
    assert!(r.finding.contains("root cause"));
    // Open, planned, but past its due date.
    let mut f = baseline();
    reopen(&mut f, "T-003");
    let r = expect(&f, "S2-FINDINGS", Fail, &[(TrackerItem, "T-003")]);
    assert!(r.finding.contains("past their due date"), "{}", r.finding);
    item_mut(&mut f, "T-003").due_on = Some(day("2026-07-31"));
    expect(&f, "S2-FINDINGS", Pass, NONE);
    item_mut(&mut f, "T-003").owner_id = None;
    expect(&f, "S2-FINDINGS", Fail, &[(TrackerItem, "T-003")]);
}

#[test]
fn s2_mgmt_review_needs_every_input_outputs_and_top_management() {
    let mut f = baseline();
    let ceo = person(&f, CEO).id;
    f.reviews[0].attendee_ids.retain(|id| *id != ceo);
    f.reviews[0].inputs.remove("9.3.2 a)");
    let r = expect(&f, "S2-MGMT-REVIEW", Fail, &[(Review, "MR-001")]);
    assert_eq!(
        r.finding,
        "MR-001 has no note for input 9.3.2 a) and no top management attendee."
    );
    let mut f = baseline();
    f.reviews[0].improvement.clear();
    let r = expect(&f, "S2-MGMT-REVIEW", Fail, &[(Review, "MR-001")]);
    assert!(
        r.finding.contains("decisions on continual improvement"),
        "{}",
        r.finding
    );
    f.reviews[0].improvement = "Automate restore tests.".into();
    expect(&f, "S2-MGMT-REVIEW", Pass, NONE);
    // Held before the ISMS started, or after the evaluation day: it does not count.
    let mut f = baseline();
    f.reviews[0].held_on = day("2026-01-02");
    expect(&f, "S2-MGMT-REVIEW", Fail, &[(Clause, "9.3")]);
    f.reviews[0].held_on = day("2026-06-21");
    expect(&f, "S2-MGMT-REVIEW", Fail, &[(Clause, "9.3")]);
}

#[test]
fn s2_change_needs_the_procedure_approved_and_changes_assessed_and_approved() {
    let mut f = baseline();
    f.changes[0].impact.clear();
    f.changes[0].approver_id = None;
    expect(&f, "S2-CHANGE", Fail, &[(Change, "CH-001")]);
    let mut f = baseline();
    doc_mut(&mut f, "PRC-03").versions[0].approved_on = None;
    expect(&f, "S2-CHANGE", Fail, &[(Document, "PRC-03")]);
}

#[test]
fn s2_soa_implemented_warns_of_controls_neither_implemented_nor_planned() {
    let mut f = baseline();
    for id in ["5.9", "8.13"] {
        f.soa
            .iter_mut()
            .find(|e| e.control_id == id)
            .unwrap()
            .status = Some(ImplementationStatus::InProgress);
    }
    let action = &mut risk_mut(&mut f, "R-001").actions[0];
    action.status = ActionStatus::InProgress;
    action.due_date = Some(day("2026-08-31"));
    // 8.13 has an open action with a due date; 5.9 has none.
    expect(&f, "S2-SOA-IMPLEMENTED", Warning, &[(Control, "5.9")]);
    // An open tracker action about 5.9 with a due date plans it too.
    let item = item_mut(&mut f, "T-002");
    item.controls = vec!["5.9".into()];
    item.due_on = Some(day("2026-09-30"));
    expect(&f, "S2-SOA-IMPLEMENTED", Pass, NONE);
}

#[test]
fn s2_cb_policy_follows_the_certification_bodys_policy() {
    let mut f = baseline();
    reopen(&mut f, "T-003");
    item_mut(&mut f, "T-003").due_on = Some(day("2026-07-31"));
    expect(&f, "S2-CB-POLICY", Pass, NONE);
    f.organisation.finding_policy = FindingPolicy::ZeroFindings;
    expect(&f, "S2-CB-POLICY", Fail, &[(TrackerItem, "T-003")]);
    f.organisation.finding_policy = FindingPolicy::NoMajorNc;
    item_mut(&mut f, "T-003").kind = ItemKind::MajorNc;
    expect(&f, "S2-CB-POLICY", Fail, &[(TrackerItem, "T-003")]);
    item_mut(&mut f, "T-003").kind = ItemKind::MinorNc;
    item_mut(&mut f, "T-003").corrective_action.clear();
    expect(&f, "S2-CB-POLICY", Fail, &[(TrackerItem, "T-003")]);
}
