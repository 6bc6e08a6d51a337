//! The demo company at each point of its journey, held to the readiness rules: an empty vault
//! and one with half-done documentation are not ready for Stage 1, and say why; the company
//! two weeks before Stage 1 is ready for it; a month after Stage 1 its first internal audit
//! was done by the ISMS owner and findings are open, so it is not ready for Stage 2; three
//! months after Stage 1 it is ready for both stages. The story holds whatever day is today,
//! and the bulk records of a large vault keep a ready company ready.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use isms_core::demo::{self, DemoPoint, DemoScale};
use isms_core::readiness::{self, RecordKind, Report, RuleStatus, Stage};
use isms_core::{Passphrase, Vault};

const PASS: &str = "Northwind demo passphrase";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
}

fn demo_vault(dir: &tempfile::TempDir, point: DemoPoint) -> Vault {
    made(dir, point, DemoScale::Small, today())
}

fn made(dir: &tempfile::TempDir, point: DemoPoint, scale: DemoScale, on: NaiveDate) -> Vault {
    let path = dir
        .path()
        .join(format!("{}-{}-{on}.isms", point.as_str(), scale.as_str()));
    demo::create(&path, Passphrase::new(PASS.into()), point, scale, on)
        .unwrap_or_else(|e| panic!("{point:?}: {}", e.message))
}

fn report(v: &Vault, stage: Stage) -> Report {
    report_on(v, stage, today())
}

fn report_on(v: &Vault, stage: Stage, on: NaiveDate) -> Report {
    readiness::evaluate_vault(v.reader(), stage, on).unwrap()
}

fn failing(r: &Report) -> BTreeSet<&str> {
    r.rules
        .iter()
        .filter(|x| x.status == RuleStatus::Fail)
        .map(|x| x.id.as_str())
        .collect()
}

/// Each rule's status and finding, for assertion messages.
fn explain(r: &Report) -> String {
    r.rules
        .iter()
        .map(|x| format!("{} {:?}: {}", x.id, x.status, x.finding))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn an_empty_vault_is_not_ready_for_stage1() {
    let dir = tempfile::tempdir().unwrap();
    let r = report(&demo_vault(&dir, DemoPoint::Empty), Stage::One);
    assert!(!r.ready);
    let expected = BTreeSet::from([
        "S1-SCOPE",
        "S1-CONTEXT",
        "S1-POLICY",
        "S1-ROLES",
        "S1-METHOD",
        "S1-RISKS",
        "S1-SOA",
        "S1-OBJECTIVES",
        "S1-DOCS",
        "S1-MONITORING",
        "S1-REQUIREMENTS",
        "S1-CLAUSES",
    ]);
    assert_eq!(failing(&r), expected, "{}", explain(&r));
}

#[test]
fn half_done_documentation_fails_stage1_for_realistic_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let r = report(&demo_vault(&dir, DemoPoint::Stage1Gaps), Stage::One);
    assert!(!r.ready);
    let expected = BTreeSet::from([
        "S1-SCOPE",
        "S1-ROLES",
        "S1-METHOD",
        "S1-RISKS",
        "S1-TREATMENT",
        "S1-PLAN-APPROVED",
        "S1-SOA",
        "S1-OBJECTIVES",
        "S1-DOCS",
        "S1-COMPETENCE",
        "S1-MONITORING",
        "S1-REQUIREMENTS",
        "S1-CLAUSES",
    ]);
    assert_eq!(failing(&r), expected, "{}", explain(&r));
    let competence = r.rule("S1-COMPETENCE").unwrap();
    assert!(
        competence.finding.contains("risk owner")
            && competence.finding.contains("competence evidence"),
        "a risk owner without the role, another without evidence: {}",
        competence.finding
    );
    for passing in ["S1-CONTEXT", "S1-POLICY", "S1-SOA-CONSISTENT"] {
        assert_eq!(
            r.rule(passing).unwrap().status,
            RuleStatus::Pass,
            "{}",
            explain(&r)
        );
    }
    let risks = &r.rule("S1-RISKS").unwrap().records;
    let refs: Vec<&str> = risks.iter().map(|x| x.reference.as_str()).collect();
    assert_eq!(refs, ["R-011", "R-012", "R-013"], "unowned or unscored");
}

#[test]
fn two_weeks_before_stage1_the_company_is_ready_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let r = report(&demo_vault(&dir, DemoPoint::Stage1Ready), Stage::One);
    assert!(r.ready, "{}", explain(&r));
    assert_eq!(r.count(RuleStatus::Warning), 0, "{}", explain(&r));
}

#[test]
fn a_month_after_stage1_the_owner_audited_their_own_clauses() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Operating);
    let one = report(&v, Stage::One);
    assert!(one.ready, "still ready for Stage 1:\n{}", explain(&one));
    let two = report(&v, Stage::Two);
    assert!(!two.ready);
    let fails = failing(&two);
    assert!(
        fails.contains("S2-INDEPENDENCE") && fails.contains("S2-FINDINGS"),
        "{}",
        explain(&two)
    );
    assert!(
        fails.contains("S2-MONITORING"),
        "a month of the phishing simulation was missed: {}",
        explain(&two)
    );
    let independence = two.rule("S2-INDEPENDENCE").unwrap();
    assert!(
        independence
            .records
            .iter()
            .any(|x| x.kind == RecordKind::Audit && x.reference == "IA-001"),
        "{independence:?}"
    );
    // The payroll bureau, a critical supplier, is not reviewed yet; the cloud outage was
    // closed without lessons learned.
    let suppliers = two.rule("S2-SUPPLIERS").unwrap();
    assert_eq!(suppliers.status, RuleStatus::Fail, "{}", explain(&two));
    let blamed: Vec<&str> = suppliers
        .records
        .iter()
        .map(|x| x.reference.as_str())
        .collect();
    assert_eq!(blamed, ["Ledgerline Payroll Bureau"], "{suppliers:?}");
    let incidents = two.rule("S2-INCIDENTS").unwrap();
    assert_eq!(incidents.status, RuleStatus::Fail, "{}", explain(&two));
    assert!(
        incidents.finding.contains("lessons learned"),
        "{incidents:?}"
    );
    let blamed: Vec<&str> = incidents
        .records
        .iter()
        .map(|x| x.reference.as_str())
        .collect();
    assert_eq!(blamed, ["INC-003"], "{incidents:?}");
}

#[test]
fn three_months_after_stage1_the_company_is_ready_for_both_stages() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Stage2Ready);
    let one = report(&v, Stage::One);
    assert!(one.ready, "{}", explain(&one));
    let two = report(&v, Stage::Two);
    assert!(two.ready, "{}", explain(&two));
    assert_eq!(two.count(RuleStatus::Warning), 0, "{}", explain(&two));
}

#[test]
fn the_story_holds_whatever_day_today_is() {
    let dir = tempfile::tempdir().unwrap();
    for day in [
        "2026-01-31",
        "2026-03-01",
        "2027-02-28",
        "2028-02-29",
        "2026-12-01",
    ] {
        let on: NaiveDate = day.parse().unwrap();
        let ready1 = made(&dir, DemoPoint::Stage1Ready, DemoScale::Small, on);
        let r = report_on(&ready1, Stage::One, on);
        assert!(r.ready, "{day}:\n{}", explain(&r));
        let operating = made(&dir, DemoPoint::Operating, DemoScale::Small, on);
        let r = report_on(&operating, Stage::Two, on);
        let fails = failing(&r);
        assert!(
            fails.contains("S2-INDEPENDENCE") && fails.contains("S2-FINDINGS"),
            "{day}:\n{}",
            explain(&r)
        );
        let ready2 = made(&dir, DemoPoint::Stage2Ready, DemoScale::Small, on);
        for stage in [Stage::One, Stage::Two] {
            let r = report_on(&ready2, stage, on);
            assert!(r.ready, "{day} {stage:?}:\n{}", explain(&r));
        }
    }
}

#[test]
fn bulk_records_keep_a_ready_company_ready() {
    let dir = tempfile::tempdir().unwrap();
    let v = made(&dir, DemoPoint::Stage2Ready, DemoScale::Large, today());
    for stage in [Stage::One, Stage::Two] {
        let r = report(&v, stage);
        assert!(r.ready, "{stage:?}:\n{}", explain(&r));
        assert_eq!(r.count(RuleStatus::Warning), 0, "{}", explain(&r));
    }
}
