//! "As of a day" (`domain.md`): for every kind of dated fact, a view of the day before it
//! happened does not see it (and the rule that reads it says so), and a view of its own day
//! does. The baseline's story: versions and the SoA approved 2 March 2026, the red risk's plan
//! approved 1 March and its action done 28 April, audits completed 14 April, 12 May and 9 June,
//! T-003 raised 14 April, T-001 closed 30 May, completions 20 April, acknowledgements 21 April,
//! the change approved 2 May, the review held 10 June.

use isms_core::audits::AuditStatus;
use isms_core::changes::ChangeStatus;
use isms_core::readiness::RecordKind::{self, *};
use isms_core::readiness::RuleStatus::{self, Fail, Pass, Warning};
use isms_core::readiness::{Facts, Stage, View};
use isms_core::risks::ActionStatus;
use isms_core::tracker::{ItemStatus, ProgressEntry};

use super::{baseline, day, evaluate_on, item_mut};

fn view(f: &Facts, on: &str) -> View {
    View::new(f.clone(), day(on))
}

fn status_on(f: &Facts, id: &str, on: &str) -> RuleStatus {
    let stage = if id.starts_with("S1") {
        Stage::One
    } else {
        Stage::Two
    };
    evaluate_on(f, stage, on).rule(id).unwrap().status
}

fn blamed_on(f: &Facts, id: &str, on: &str) -> Vec<(RecordKind, String)> {
    let stage = if id.starts_with("S1") {
        Stage::One
    } else {
        Stage::Two
    };
    evaluate_on(f, stage, on)
        .rule(id)
        .unwrap()
        .records
        .iter()
        .map(|r| (r.kind, r.reference.clone()))
        .collect()
}

#[test]
fn a_document_version_counts_from_its_approval_day() {
    let f = baseline();
    let before = view(&f, "2026-03-01");
    let policy = before
        .documents
        .iter()
        .find(|d| d.reference == "POL-01")
        .unwrap();
    assert!(
        policy.current().is_none(),
        "approved on 2 March: absent on 1 March"
    );
    assert_eq!(status_on(&f, "S1-POLICY", "2026-03-01"), Fail);
    assert_eq!(status_on(&f, "S1-SCOPE", "2026-03-01"), Fail);
    assert_eq!(status_on(&f, "S1-POLICY", "2026-03-02"), Pass);
    assert_eq!(status_on(&f, "S1-SCOPE", "2026-03-02"), Pass);
}

#[test]
fn an_soa_version_counts_from_its_approval_day() {
    let f = baseline();
    assert!(view(&f, "2026-03-01").soa_versions.is_empty());
    assert_eq!(view(&f, "2026-03-02").soa_versions.len(), 1);
    assert_eq!(status_on(&f, "S1-SOA", "2026-03-01"), Fail);
    assert_eq!(status_on(&f, "S1-SOA", "2026-03-02"), Pass);
}

#[test]
fn a_risk_approval_counts_from_the_day_it_was_given() {
    let f = baseline();
    assert!(
        view(&f, "2026-02-28")
            .risks
            .iter()
            .all(|r| r.approvals.is_empty())
    );
    assert_eq!(status_on(&f, "S1-PLAN-APPROVED", "2026-02-28"), Fail);
    assert_eq!(status_on(&f, "S1-PLAN-APPROVED", "2026-03-01"), Pass);
}

#[test]
fn a_treatment_action_is_done_only_from_its_done_date() {
    let f = baseline();
    let open = view(&f, "2026-04-27");
    let action = &open
        .risks
        .iter()
        .find(|r| r.reference == "R-001")
        .unwrap()
        .actions[0];
    assert_eq!(action.status, ActionStatus::InProgress);
    assert_eq!(action.done_date, None);
    assert_eq!(
        blamed_on(&f, "S2-RED-RISKS", "2026-04-27"),
        [(Risk, "R-001".to_owned())]
    );
    let done = view(&f, "2026-04-28");
    let action = &done
        .risks
        .iter()
        .find(|r| r.reference == "R-001")
        .unwrap()
        .actions[0];
    assert_eq!(action.status, ActionStatus::Done);
    assert_eq!(status_on(&f, "S2-RED-RISKS", "2026-04-28"), Pass);
}

#[test]
fn a_risk_assessment_counts_from_its_day() {
    let mut f = baseline();
    f.risks[0].assessed_on = Some(day("2026-04-28"));
    let assessed = |on: &str| view(&f, on).risks[0].assessed_on;
    assert_eq!(assessed("2026-04-27"), None, "not known before its day");
    assert_eq!(
        assessed("2026-04-28"),
        Some(day("2026-04-28")),
        "known on its day"
    );
}

#[test]
fn a_tracker_item_exists_from_its_raising_and_is_closed_from_its_closure() {
    let f = baseline();
    assert!(
        !view(&f, "2026-04-13")
            .tracker
            .iter()
            .any(|i| i.reference == "T-003")
    );
    assert!(
        view(&f, "2026-04-14")
            .tracker
            .iter()
            .any(|i| i.reference == "T-003")
    );
    let before = view(&f, "2026-05-29");
    let t1 = before
        .tracker
        .iter()
        .find(|i| i.reference == "T-001")
        .unwrap();
    assert_ne!(t1.status, ItemStatus::Closed);
    assert_eq!(t1.closed_on, None);
    assert_eq!(
        t1.effectiveness_on, None,
        "the effectiveness review is of 30 May"
    );
    assert!(t1.effectiveness_result.is_empty());
    let on = view(&f, "2026-05-30");
    let t1 = on.tracker.iter().find(|i| i.reference == "T-001").unwrap();
    assert_eq!(t1.status, ItemStatus::Closed);
    assert_eq!(t1.effectiveness_on, Some(day("2026-05-30")));
}

#[test]
fn a_progress_note_counts_from_its_day() {
    let mut f = baseline();
    item_mut(&mut f, "T-002").notes.push(ProgressEntry {
        id: 99,
        noted_on: day("2026-05-10"),
        note: "Script drafted.".into(),
    });
    let notes = |on: &str| {
        view(&f, on)
            .tracker
            .iter()
            .find(|i| i.reference == "T-002")
            .unwrap()
            .notes
            .len()
    };
    assert_eq!(notes("2026-05-09"), 0);
    assert_eq!(notes("2026-05-10"), 1);
}

#[test]
fn an_audit_is_completed_only_from_its_completion_day() {
    let f = baseline();
    let before = view(&f, "2026-06-08");
    let june = before
        .audits
        .iter()
        .find(|a| a.planned_month == "2026-06")
        .unwrap();
    assert_eq!(june.status, AuditStatus::Planned);
    assert_eq!(june.completed_on, None);
    let one_less = evaluate_on(&f, Stage::Two, "2026-06-08");
    let audits = one_less.rule("S2-AUDITS").unwrap();
    assert_eq!(audits.status, Fail, "{audits:#?}");
    assert!(audits.finding.contains("2 months"), "{}", audits.finding);
    let on = view(&f, "2026-06-09");
    let june = on
        .audits
        .iter()
        .find(|a| a.planned_month == "2026-06")
        .unwrap();
    assert_eq!(june.status, AuditStatus::Completed);
}

#[test]
fn a_management_review_counts_from_the_day_it_was_held() {
    let f = baseline();
    assert!(view(&f, "2026-06-09").reviews.is_empty());
    assert_eq!(status_on(&f, "S2-MGMT-REVIEW", "2026-06-09"), Fail);
    assert_eq!(status_on(&f, "S2-MGMT-REVIEW", "2026-06-10"), Pass);
}

#[test]
fn a_change_is_approved_from_its_decision_and_implemented_from_its_implementation() {
    let mut f = baseline();
    let c = &mut f.changes[0];
    c.status = ChangeStatus::Implemented;
    c.implemented_on = Some(day("2026-05-20"));
    let status = |on: &str| view(&f, on).changes[0].status;
    assert_eq!(status("2026-05-01"), ChangeStatus::Proposed);
    assert_eq!(status("2026-05-02"), ChangeStatus::Approved);
    assert_eq!(status("2026-05-19"), ChangeStatus::Approved);
    assert_eq!(status("2026-05-20"), ChangeStatus::Implemented);
    f.changes[0].requested_on = Some(day("2026-04-30"));
    assert!(
        view(&f, "2026-04-29").changes.is_empty(),
        "not yet requested"
    );
}

#[test]
fn training_and_acknowledgements_count_from_their_days() {
    let f = baseline();
    assert!(view(&f, "2026-04-19").completions.is_empty());
    assert_eq!(view(&f, "2026-04-20").completions.len(), 3);
    assert!(view(&f, "2026-04-20").acknowledgements.is_empty());
    assert_eq!(view(&f, "2026-04-21").acknowledgements.len(), 3);
    assert_eq!(status_on(&f, "S2-ACK", "2026-04-20"), Fail);
    assert_eq!(status_on(&f, "S2-ACK", "2026-04-21"), Pass);
}

#[test]
fn an_evidence_file_counts_from_its_effective_date() {
    let mut f = baseline();
    f.evidence[0].effective_date = Some(day("2026-05-01"));
    let before = view(&f, "2026-04-30");
    assert!(before.evidence.is_empty());
    assert!(
        before.completions.iter().all(|c| c.evidence_id.is_none()),
        "a completion's evidence is not there before the file's day"
    );
    assert_eq!(status_on(&f, "S2-TRAINING", "2026-04-30"), Fail);
    assert_eq!(view(&f, "2026-05-01").evidence.len(), 1);
    assert_eq!(status_on(&f, "S2-TRAINING", "2026-05-01"), Pass);
}

#[test]
fn a_person_is_active_from_their_start_day_to_before_their_end_day() {
    let mut f = baseline();
    let dev = f.people.iter_mut().find(|p| p.email == super::DEV).unwrap();
    dev.start_date = Some(day("2026-06-21"));
    let dev = dev.clone();
    assert!(!dev.is_active(day("2026-06-20")), "hired for tomorrow");
    assert!(dev.is_active(day("2026-06-21")));
    let mut leaver = dev;
    leaver.start_date = None;
    leaver.end_date = Some(day("2026-06-20"));
    assert!(leaver.is_active(day("2026-06-19")));
    assert!(!leaver.is_active(day("2026-06-20")));
}

#[test]
fn deadlines_are_judged_on_the_day_due_on_the_day_is_not_overdue() {
    let mut f = baseline();
    let r = f.risks.iter_mut().find(|r| r.reference == "R-001").unwrap();
    r.actions[0].status = ActionStatus::InProgress;
    r.actions[0].done_date = None;
    r.actions[0].due_date = Some(day("2026-06-20"));
    assert_eq!(status_on(&f, "S2-TREATMENT", "2026-06-20"), Pass);
    assert_eq!(status_on(&f, "S2-TREATMENT", "2026-06-21"), Warning);
}
