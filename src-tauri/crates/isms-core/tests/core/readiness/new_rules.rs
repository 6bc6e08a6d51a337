//! The rules new in the revised `domain.md`: S1-COMPETENCE, S1-MONITORING, S2-MONITORING,
//! S1-CLAUSES and S2-CLAUSES, each failing for the reason it names (through its status and the
//! records it blames) and passing on the baseline.

use isms_core::readiness::RecordKind::{self, *};
use isms_core::readiness::RuleStatus::{Fail, Pass, Warning};

use super::{DEV, baseline, day, expect, person, rule};

const NONE: &[(RecordKind, &str)] = &[];

#[test]
fn the_new_rules_pass_on_the_baseline() {
    let f = baseline();
    for id in [
        "S1-COMPETENCE",
        "S1-MONITORING",
        "S1-CLAUSES",
        "S2-MONITORING",
        "S2-CLAUSES",
    ] {
        expect(&f, id, Pass, NONE);
    }
}

#[test]
fn s1_competence_needs_roles_written_and_held_and_current_evidence() {
    // A role without responsibilities.
    let mut f = baseline();
    f.roles[1].responsibilities.clear();
    let name = f.roles[1].name.clone();
    expect(&f, "S1-COMPETENCE", Fail, &[(Role, name.as_str())]);
    // A risk owner who holds no role.
    let mut f = baseline();
    let dev = person(&f, DEV).id;
    f.assignments.retain(|a| a.person_id != dev);
    f.competence.retain(|e| e.person_id != dev);
    let r = expect(&f, "S1-COMPETENCE", Fail, &[(Person, DEV)]);
    assert!(r.finding.contains("Dara Lin (risk owner)"), "{}", r.finding);
    assert!(r.fix.contains("the role of risk owner"), "{}", r.fix);
    // Evidence that lapsed the day before is not current; on its expiry day it still is.
    let mut f = baseline();
    for e in f.competence.iter_mut().filter(|e| e.person_id == dev) {
        e.expires_on = Some(day("2026-06-19"));
    }
    let r = expect(&f, "S1-COMPETENCE", Fail, &[(Person, DEV)]);
    assert!(r.finding.contains("Dara Lin (lapsed)"), "{}", r.finding);
    assert!(r.fix.contains("renew"), "{}", r.fix);
    for e in f.competence.iter_mut().filter(|e| e.person_id == dev) {
        e.expires_on = Some(day("2026-06-20"));
    }
    expect(&f, "S1-COMPETENCE", Pass, NONE);
    // Evidence obtained after the day does not count yet.
    for e in f.competence.iter_mut().filter(|e| e.person_id == dev) {
        (e.obtained_on, e.expires_on) = (day("2026-06-21"), None);
    }
    expect(&f, "S1-COMPETENCE", Fail, &[(Person, DEV)]);
}

#[test]
fn s1_monitoring_needs_a_measure_defined_per_9_1_and_warns_of_unmeasured_objectives() {
    let mut f = baseline();
    f.measures.clear();
    f.results.clear();
    expect(&f, "S1-MONITORING", Fail, &[(Clause, "9.1")]);
    let mut f = baseline();
    f.measures[0].evaluated_by = None;
    let r = expect(&f, "S1-MONITORING", Fail, &[(Measure, "M-001")]);
    assert!(r.finding.contains("who evaluates"), "{}", r.finding);
    let mut f = baseline();
    f.measures[0].objective_ids.clear();
    expect(
        &f,
        "S1-MONITORING",
        Warning,
        &[(Objective, "Reliable backups")],
    );
}

#[test]
fn s2_monitoring_needs_a_result_every_period_evaluated_and_followed_up() {
    // May's result missing: the month is over on 20 June.
    let mut f = baseline();
    f.results.retain(|r| r.measured_on != day("2026-05-31"));
    let r = expect(&f, "S2-MONITORING", Fail, &[(Measure, "M-001")]);
    assert!(r.finding.contains("M-001 (2026-05)"), "{}", r.finding);
    // A result dated after the day does not count for its month either.
    let mut f = baseline();
    f.results
        .iter_mut()
        .filter(|r| r.measured_on == day("2026-05-31"))
        .for_each(|r| r.measured_on = day("2026-06-21"));
    expect(&f, "S2-MONITORING", Fail, &[(Measure, "M-001")]);
    // A result not evaluated.
    let mut f = baseline();
    f.results[1].evaluation.clear();
    let r = expect(&f, "S2-MONITORING", Fail, &[(Measure, "M-001")]);
    assert!(r.finding.contains("not evaluated"), "{}", r.finding);
    // A missed target with neither a tracker item nor a note why not.
    let mut f = baseline();
    f.results[1].target_met = false;
    let r = expect(&f, "S2-MONITORING", Fail, &[(Measure, "M-001")]);
    assert!(r.finding.contains("missed their target"), "{}", r.finding);
    f.results[1].follow_up = "A one-off: the backup server was replaced that week.".into();
    expect(&f, "S2-MONITORING", Pass, NONE);
    // A measure defined after Stage 1 owes results only from its own month.
    let mut f = baseline();
    f.measures[0].defined_on = Some(day("2026-05-02"));
    f.results.retain(|r| r.measured_on >= day("2026-05-01"));
    expect(&f, "S2-MONITORING", Pass, NONE);
}

#[test]
fn s1_clauses_wants_4_to_8_addressed_and_9_to_10_planned() {
    // No document or record for 7.1 any more.
    let mut f = baseline();
    for e in f.checklist.iter_mut() {
        e.document_ids.clear();
    }
    let r = expect(&f, "S1-CLAUSES", Fail, &[(Clause, "7.1")]);
    assert!(r.fix.contains("7.1: Nothing addresses it"), "{}", r.fix);
    // Stage 2 also wants it.
    let r = rule(&f, "S2-CLAUSES");
    assert!(
        r.records
            .iter()
            .any(|x| x.kind == Clause && x.reference == "7.1")
    );
}

#[test]
fn s2_clauses_wants_the_records_of_9_and_10_on_the_day() {
    // The eve of the first audit's completion: 9.2 is only planned by the audit procedure and
    // the programme, and no review is held yet.
    let f = baseline();
    let two = super::evaluate_on(&f, isms_core::readiness::Stage::Two, "2026-04-13");
    let clauses = two.rule("S2-CLAUSES").unwrap();
    assert_eq!(clauses.status, Fail);
    let blamed: Vec<&str> = clauses
        .records
        .iter()
        .map(|r| r.reference.as_str())
        .collect();
    for id in ["9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3"] {
        assert!(blamed.contains(&id), "{id} in {blamed:?}");
    }
    assert!(
        clauses.finding.contains(
            "2 clauses planned but without the records that show them in practice: 9.2.1 and 9.2.2."
        ),
        "{}",
        clauses.finding
    );
    // On the day of the review, with three audits completed, every clause has its records.
    expect(&f, "S2-CLAUSES", Pass, NONE);
}
