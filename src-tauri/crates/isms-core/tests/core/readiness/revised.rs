//! The rules as revised in `domain.md` (marked *changed*), each at the boundary an auditor
//! would test: a "modify" below the threshold, the policy among the communicated documents, a
//! person hired for tomorrow, an overdue OFI, both kinds of review output, a change still
//! proposed, training a year old to the day and the 30th day of grace.

use isms_core::changes::{ChangeStatus, IsmsChange};
use isms_core::documents::{DocKind, Document};
use isms_core::people::Person;
use isms_core::readiness::RecordKind::{self, *};
use isms_core::readiness::RuleStatus::{Fail, Pass, Warning};
use isms_core::risks::{ApprovalKind, RiskApproval, Treatment};
use isms_core::tracker::{ItemKind, ItemSource, ItemStatus, TrackerItem};
use isms_core::training::Completion;

use super::{DEV, baseline, day, doc_mut, expect, item_mut, person, rule};

const NONE: &[(RecordKind, &str)] = &[];

fn new_person(f: &mut isms_core::readiness::Facts, email: &str, start: Option<&str>) -> i64 {
    let id = f.people.iter().map(|p| p.id).max().unwrap() + 1;
    f.people.push(Person {
        id,
        start_date: start.map(day),
        department: "Engineering".into(),
        ..Person::new("New Hire", email)
    });
    id
}

fn awareness_on(f: &mut isms_core::readiness::Facts, person_id: i64, on: &str) {
    let course_id = f.courses[0].id;
    let evidence_id = f.completions[0].evidence_id;
    f.completions.push(Completion {
        id: 1000 + person_id,
        person_id,
        course_id,
        completed_on: day(on),
        evidence_id,
    });
}

#[test]
fn s1_treatment_needs_an_action_for_every_modify_whatever_its_score() {
    let mut f = baseline();
    let low = f.risks.iter_mut().find(|r| r.reference == "R-002").unwrap();
    low.treatment = Some(Treatment::Modify);
    let result = expect(&f, "S1-TREATMENT", Fail, &[(Risk, "R-002")]);
    assert!(
        result.finding.contains("1 risk to be modified"),
        "{}",
        result.finding
    );
    assert!(result.fix.contains("R-002"));
    let low = f.risks.iter_mut().find(|r| r.reference == "R-002").unwrap();
    low.treatment = Some(Treatment::Accept);
    expect(&f, "S1-TREATMENT", Pass, NONE);
}

#[test]
fn s1_treatment_finding_counts_its_subject() {
    let mut f = baseline();
    for r in f.risks.iter_mut() {
        (r.likelihood, r.impact) = (Some(5), Some(5));
        r.inherent = Some(isms_core::risks::Score {
            value: 25,
            level: isms_core::risks::RiskLevel::Red,
        });
        r.treatment = None;
    }
    let result = expect(
        &f,
        "S1-TREATMENT",
        Fail,
        &[(Risk, "R-001"), (Risk, "R-002")],
    );
    assert!(
        result.finding.starts_with(
            "2 risks above the acceptance threshold have no treatment decision: R-001 and R-002"
        ),
        "{}",
        result.finding
    );
}

#[test]
fn s2_ack_wants_the_information_security_policy_itself_communicated() {
    let mut f = baseline();
    doc_mut(&mut f, "POL-01").communicate = false;
    // Another policy (acceptable use) communicated and acknowledged by nobody is not enough,
    // and neither is it the policy.
    let mut aup = Document::new("POL-02", "Acceptable use policy", DocKind::Policy);
    aup.id = 500;
    aup.communicate = true;
    aup.versions = f.documents[0].versions.clone();
    f.documents.push(aup);
    let result = rule(&f, "S2-ACK");
    assert_eq!(result.status, Fail, "{result:#?}");
    assert!(
        result
            .records
            .iter()
            .any(|r| r.kind == Document && r.reference == "POL-01")
    );
    assert!(result.finding.contains("POL-01"), "{}", result.finding);
    assert!(
        result.fix.contains("Mark POL-01 as communicated"),
        "{}",
        result.fix
    );
}

#[test]
fn s2_ack_and_s2_training_ignore_someone_hired_for_tomorrow() {
    let mut f = baseline();
    new_person(&mut f, "tomorrow@acme.example", Some("2026-06-21"));
    expect(&f, "S2-ACK", Pass, NONE);
    expect(&f, "S2-TRAINING", Pass, NONE);
    let mut f = baseline();
    new_person(&mut f, "today@acme.example", Some("2026-06-20"));
    expect(
        &f,
        "S2-ACK",
        Fail,
        &[(Document, "POL-01"), (Person, "today@acme.example")],
    );
}

#[test]
fn s2_training_counts_a_completion_a_year_ago_to_the_day_but_not_a_day_more() {
    let mut f = baseline();
    let id = new_person(&mut f, "veteran@acme.example", None);
    awareness_on(&mut f, id, "2025-06-20");
    expect(&f, "S2-TRAINING", Pass, NONE);
    let mut f = baseline();
    let id = new_person(&mut f, "veteran@acme.example", None);
    awareness_on(&mut f, id, "2025-06-19");
    expect(&f, "S2-TRAINING", Fail, &[(Person, "veteran@acme.example")]);
}

#[test]
fn s2_training_gives_30_days_of_grace_the_30th_day_included() {
    let mut f = baseline();
    new_person(&mut f, "new@acme.example", Some("2026-05-21"));
    expect(&f, "S2-TRAINING", Pass, NONE);
    let mut f = baseline();
    new_person(&mut f, "new@acme.example", Some("2026-05-20"));
    expect(&f, "S2-TRAINING", Fail, &[(Person, "new@acme.example")]);
}

#[test]
fn s1_plan_approved_counts_an_approval_given_on_the_day_but_not_the_next() {
    let mut f = baseline();
    let approval = |on: &str, person_id: i64| RiskApproval {
        id: 77,
        kind: ApprovalKind::Plan,
        person_id,
        approved_on: day(on),
        note: String::new(),
        approved: serde_json::Value::Null,
        void: false,
    };
    let dev = person(&f, DEV).id;
    let red = f.risks.iter_mut().find(|r| r.reference == "R-001").unwrap();
    let on_the_day = approval("2026-06-20", dev);
    red.approvals = vec![on_the_day];
    expect(&f, "S1-PLAN-APPROVED", Pass, NONE);
    let red = f.risks.iter_mut().find(|r| r.reference == "R-001").unwrap();
    let next_day = approval("2026-06-21", dev);
    red.approvals = vec![next_day];
    expect(&f, "S1-PLAN-APPROVED", Fail, &[(Risk, "R-001")]);
}

fn internal_finding(f: &mut isms_core::readiness::Facts, kind: ItemKind, due: &str) {
    let owner = person(f, DEV).id;
    f.tracker.push(TrackerItem {
        id: 900,
        reference: "T-900".into(),
        owner_id: Some(owner),
        due_on: Some(day(due)),
        root_cause: "Cause.".into(),
        corrective_action: "Action.".into(),
        ..TrackerItem::new(
            kind,
            "Late finding",
            ItemSource::InternalAudit,
            day("2026-05-12"),
        )
    });
}

#[test]
fn s2_findings_fails_an_overdue_nc_but_only_warns_of_an_overdue_ofi() {
    for kind in [ItemKind::Ofi, ItemKind::Observation, ItemKind::Action] {
        let mut f = baseline();
        internal_finding(&mut f, kind, "2026-06-19");
        expect(&f, "S2-FINDINGS", Warning, &[(TrackerItem, "T-900")]);
    }
    let mut f = baseline();
    internal_finding(&mut f, ItemKind::MinorNc, "2026-06-19");
    expect(&f, "S2-FINDINGS", Fail, &[(TrackerItem, "T-900")]);
    // Due on the day is not overdue.
    let mut f = baseline();
    internal_finding(&mut f, ItemKind::MinorNc, "2026-06-20");
    expect(&f, "S2-FINDINGS", Pass, NONE);
}

#[test]
fn s2_mgmt_review_needs_both_kinds_of_output_and_names_the_missing_inputs() {
    let mut f = baseline();
    f.reviews[0].changes_needed.clear();
    let result = expect(&f, "S2-MGMT-REVIEW", Fail, &[(Review, "MR-001")]);
    assert!(
        result.finding.contains("decisions on changes to the ISMS"),
        "{}",
        result.finding
    );
    assert!(
        !result.finding.contains("continual improvement"),
        "{}",
        result.finding
    );
    let mut f = baseline();
    f.reviews[0].inputs.remove("9.3.2 e)");
    let result = expect(&f, "S2-MGMT-REVIEW", Fail, &[(Review, "MR-001")]);
    assert!(result.finding.contains("9.3.2 e)"), "{}", result.finding);
    assert!(result.fix.contains("9.3.2 e)"), "{}", result.fix);
    let mut f = baseline();
    f.reviews[0].held_on = f.organisation.isms_start.unwrap();
    expect(&f, "S2-MGMT-REVIEW", Fail, &[(Clause, "9.3")]);
}

#[test]
fn s2_change_shows_a_proposed_change_without_failing_it() {
    let mut f = baseline();
    f.changes.push(IsmsChange {
        id: 600,
        reference: "CH-600".into(),
        ..IsmsChange::proposed("Adopt a password manager")
    });
    let result = expect(&f, "S2-CHANGE", Pass, NONE);
    assert!(
        result.finding.contains("1 change is still proposed"),
        "{}",
        result.finding
    );
    f.changes.last_mut().unwrap().status = ChangeStatus::Approved;
    let result = expect(&f, "S2-CHANGE", Fail, &[(Change, "CH-600")]);
    assert!(!result.fix.contains("proposed"), "{}", result.fix);
}

#[test]
fn nc_fixes_say_whether_the_nc_is_major_or_minor() {
    let mut f = baseline();
    for (reference, kind) in [("T-001", ItemKind::MajorNc), ("T-003", ItemKind::MinorNc)] {
        let item = item_mut(&mut f, reference);
        item.kind = kind;
        item.status = ItemStatus::InProgress;
        item.closed_on = None;
        item.due_on = None;
    }
    let cb = rule(&f, "S2-CB-POLICY");
    assert_eq!(cb.status, Fail);
    assert!(
        cb.fix.contains("close the major nonconformity T-001"),
        "{}",
        cb.fix
    );
    assert!(
        cb.fix
            .contains("give the minor nonconformity T-003 a corrective action and a due date"),
        "{}",
        cb.fix
    );
    let s1 = rule(&f, "S2-STAGE1-FINDINGS");
    assert!(s1.fix.contains("major nonconformities T-001"), "{}", s1.fix);
}
