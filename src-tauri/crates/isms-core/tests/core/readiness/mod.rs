//! The readiness rules, each shown to pass and to fail for the reason it names. A baseline
//! company, built once in a real vault through the core's own functions, passes every rule of
//! both stages; each test loads its facts, breaks one thing, and checks the rule's status and
//! the records it blames.

mod asof;
mod baseline;
mod new_rules;
mod registers;
mod revised;
mod stage1;
mod stage2;

use std::sync::OnceLock;

use chrono::NaiveDate;
use isms_core::documents::Document;
use isms_core::people::Person;
use isms_core::readiness::{self, Facts, RecordKind, Report, RuleResult, RuleStatus, Stage, View};
use isms_core::risks::Risk;
use isms_core::tracker::TrackerItem;

use crate::support::Scratch;

pub use baseline::{CEO, DEV};
use baseline::{build, populate};

/// The day the baseline is evaluated: three months after Stage 1.
pub const AS_OF: &str = "2026-06-20";

pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The baseline's facts; each test gets its own copy to break.
pub fn baseline() -> Facts {
    static FACTS: OnceLock<Facts> = OnceLock::new();
    FACTS.get_or_init(build).clone()
}

pub fn evaluate(facts: &Facts, stage: Stage) -> Report {
    evaluate_on(facts, stage, AS_OF)
}

/// The readiness of `stage` on the view of `facts` as of `on`.
pub fn evaluate_on(facts: &Facts, stage: Stage, on: &str) -> Report {
    readiness::evaluate(&View::new(facts.clone(), day(on)), stage)
}

/// The result of rule `id` (of the stage its id names) on `facts`.
pub fn rule(facts: &Facts, id: &str) -> RuleResult {
    let stage = if id.starts_with("S1") {
        Stage::One
    } else {
        Stage::Two
    };
    evaluate(facts, stage)
        .rule(id)
        .unwrap_or_else(|| panic!("no rule {id}"))
        .clone()
}

/// Asserts rule `id` has `status` and blames exactly the records `refs` (as kind, reference).
pub fn expect(
    facts: &Facts,
    id: &str,
    status: RuleStatus,
    refs: &[(RecordKind, &str)],
) -> RuleResult {
    let result = rule(facts, id);
    assert_eq!(result.status, status, "{id}: {result:#?}");
    let blamed: Vec<(RecordKind, &str)> = result
        .records
        .iter()
        .map(|r| (r.kind, r.reference.as_str()))
        .collect();
    assert_eq!(blamed, refs, "{id} blames: {result:#?}");
    if matches!(status, RuleStatus::Pass | RuleStatus::NotApplicable) {
        assert!(result.fix.is_empty(), "{id}: nothing to fix when it passes");
    } else {
        assert!(!result.fix.is_empty(), "{id}: says what to do");
        assert!(!result.finding.is_empty());
    }
    result
}

pub fn person<'a>(facts: &'a Facts, email: &str) -> &'a Person {
    facts.people.iter().find(|p| p.email == email).unwrap()
}

pub fn doc_mut<'a>(facts: &'a mut Facts, reference: &str) -> &'a mut Document {
    facts
        .documents
        .iter_mut()
        .find(|d| d.reference == reference)
        .unwrap()
}

pub fn item_mut<'a>(facts: &'a mut Facts, reference: &str) -> &'a mut TrackerItem {
    facts
        .tracker
        .iter_mut()
        .find(|i| i.reference == reference)
        .unwrap()
}

pub fn risk_mut<'a>(facts: &'a mut Facts, reference: &str) -> &'a mut Risk {
    facts
        .risks
        .iter_mut()
        .find(|r| r.reference == reference)
        .unwrap()
}

#[test]
fn the_baseline_passes_every_rule_of_both_stages_with_exactly_the_named_ids() {
    let facts = baseline();
    let one = evaluate(&facts, Stage::One);
    let two = evaluate(&facts, Stage::Two);
    let ids = |r: &Report| r.rules.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(&one),
        [
            "S1-SCOPE",
            "S1-CONTEXT",
            "S1-POLICY",
            "S1-ROLES",
            "S1-METHOD",
            "S1-RISKS",
            "S1-TREATMENT",
            "S1-PLAN-APPROVED",
            "S1-SOA",
            "S1-SOA-CONSISTENT",
            "S1-OBJECTIVES",
            "S1-DOCS",
            "S1-AUDIT-PLAN",
            "S1-COMPETENCE",
            "S1-MONITORING",
            "S1-REQUIREMENTS",
            "S1-CLAUSES"
        ]
    );
    assert_eq!(
        ids(&two),
        [
            "S2-STAGE1-FINDINGS",
            "S2-RED-RISKS",
            "S2-TREATMENT",
            "S2-ACK",
            "S2-TRAINING",
            "S2-AUDITS",
            "S2-INDEPENDENCE",
            "S2-FINDINGS",
            "S2-MGMT-REVIEW",
            "S2-CHANGE",
            "S2-SOA-IMPLEMENTED",
            "S2-CB-POLICY",
            "S2-MONITORING",
            "S2-SUPPLIERS",
            "S2-INCIDENTS",
            "S2-CLAUSES"
        ]
    );
    for r in one.rules.iter().chain(&two.rules) {
        assert_eq!(r.status, RuleStatus::Pass, "{r:#?}");
        assert!(r.records.is_empty());
    }
    assert!(one.ready && two.ready);
}

#[test]
fn a_failing_rule_makes_its_stage_not_ready_but_a_warning_does_not() {
    let mut facts = baseline();
    facts.organisation.scope.clear();
    assert!(!evaluate(&facts, Stage::One).ready);
    assert!(
        evaluate(&facts, Stage::Two).ready,
        "S1 rules do not count for Stage 2"
    );
    let mut facts = baseline();
    facts.audits.clear();
    let report = evaluate(&facts, Stage::One);
    assert_eq!(
        report.rule("S1-AUDIT-PLAN").unwrap().status,
        RuleStatus::Warning
    );
    assert!(report.ready);
}

#[test]
fn the_same_facts_and_day_give_the_same_report_and_the_vault_gives_the_same_facts() {
    let s = Scratch::new();
    let v = populate(&s);
    let loaded = readiness::evaluate_vault(v.reader(), Stage::Two, day(AS_OF)).unwrap();
    assert_eq!(loaded, evaluate(&baseline(), Stage::Two));
    let json = serde_json::to_value(&loaded).unwrap();
    assert_eq!(json["stage"], 2);
    assert_eq!(json["as_of"], AS_OF);
    assert_eq!(json["rules"][0]["status"], "pass");
}
