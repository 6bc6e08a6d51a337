//! The rules on the registers beside the SoA: S1-REQUIREMENTS, S2-SUPPLIERS and S2-INCIDENTS,
//! each failing (or warning) for the reason it names, as of the evaluation day, and
//! S1-SOA-CONSISTENT failing when a register is in use while its control is excluded.

use isms_core::incidents::{Incident as Inc, IncidentStatus};
use isms_core::readiness::Facts;
use isms_core::readiness::RecordKind::{self, Context, Control, Incident, Requirement, Supplier};
use isms_core::readiness::RuleStatus::{Fail, NotApplicable, Pass, Warning};
use isms_core::requirements::RequirementSource;
use isms_core::suppliers::{Certificate, Criticality, Supplier as Sup};
use isms_core::tracker::{ItemKind, ItemSource, TrackerItem};

use super::{AS_OF, DEV, baseline, day, evaluate_on, expect, person};

const NONE: &[(RecordKind, &str)] = &[];
const HOST: &str = "Nimbus Cloud";

fn exclude(f: &mut Facts, control: &str) {
    let e = f.soa.iter_mut().find(|e| e.control_id == control).unwrap();
    e.applicable = Some(false);
    e.justification = "Not relevant to us.".into();
}

fn host(f: &mut Facts) -> &mut Sup {
    f.suppliers.iter_mut().find(|s| s.name == HOST).unwrap()
}

fn incident(reference: &str, reported: &str) -> Inc {
    Inc {
        id: 90,
        reference: reference.into(),
        severity: Some(Criticality::Medium),
        response: "Contained the same day.".into(),
        ..Inc::reported("Laptop stolen from a car", day(reported))
    }
}

#[test]
fn the_register_rules_pass_on_the_baseline() {
    let f = baseline();
    for id in [
        "S1-REQUIREMENTS",
        "S2-SUPPLIERS",
        "S2-INCIDENTS",
        "S1-SOA-CONSISTENT",
    ] {
        expect(&f, id, Pass, NONE);
    }
}

#[test]
fn s1_requirements_needs_an_owned_law_or_regulation() {
    let mut f = baseline();
    f.requirements
        .retain(|r| r.source != RequirementSource::Law);
    let r = expect(&f, "S1-REQUIREMENTS", Fail, NONE);
    assert!(r.finding.contains("no law or regulation"), "{}", r.finding);

    let mut f = baseline();
    let law = f
        .requirements
        .iter_mut()
        .find(|r| r.source.is_legal())
        .unwrap();
    law.owner_id = None;
    let reference = law.reference.clone();
    let r = expect(
        &f,
        "S1-REQUIREMENTS",
        Fail,
        &[(Requirement, reference.as_str())],
    );
    assert!(r.fix.contains("owner"), "{}", r.fix);
}

#[test]
fn s1_requirements_wants_every_requirement_reviewed_in_the_last_12_months() {
    let mut f = baseline();
    let contract = f
        .requirements
        .iter_mut()
        .find(|r| r.source == RequirementSource::Contract)
        .unwrap();
    // The same calendar day a year before still counts; the day before it does not.
    contract.reviewed_on = Some(day("2025-06-20"));
    let reference = contract.reference.clone();
    expect(&f, "S1-REQUIREMENTS", Pass, NONE);
    f.requirements
        .iter_mut()
        .find(|r| r.reference == reference)
        .unwrap()
        .reviewed_on = Some(day("2025-06-19"));
    expect(
        &f,
        "S1-REQUIREMENTS",
        Fail,
        &[(Requirement, reference.as_str())],
    );
}

#[test]
fn s1_requirements_does_not_count_a_review_dated_after_the_day() {
    let mut f = baseline();
    for r in &mut f.requirements {
        r.reviewed_on = Some(day("2026-06-25"));
    }
    let refs: Vec<String> = f.requirements.iter().map(|r| r.reference.clone()).collect();
    let report = evaluate_on(&f, isms_core::readiness::Stage::One, AS_OF);
    let rule = report.rule("S1-REQUIREMENTS").unwrap();
    assert_eq!(rule.status, Fail, "{rule:#?}");
    let blamed: Vec<&str> = rule.records.iter().map(|r| r.reference.as_str()).collect();
    assert_eq!(blamed, refs.iter().map(String::as_str).collect::<Vec<_>>());
    // Evaluated after the review, the register passes.
    let later = evaluate_on(&f, isms_core::readiness::Stage::One, "2026-06-30");
    assert_eq!(later.rule("S1-REQUIREMENTS").unwrap().status, Pass);
}

#[test]
fn s1_requirements_warns_of_a_party_whose_requirements_are_not_in_the_register() {
    let mut f = baseline();
    for r in &mut f.requirements {
        r.party_id = None;
    }
    let r = expect(&f, "S1-REQUIREMENTS", Warning, &[(Context, "Customers")]);
    assert!(r.finding.contains("Customers"), "{}", r.finding);
    // A party without requirements asks for nothing.
    f.parties[0].requirements.clear();
    expect(&f, "S1-REQUIREMENTS", Pass, NONE);
}

#[test]
fn s2_suppliers_wants_criticality_and_an_active_owner() {
    let mut f = baseline();
    host(&mut f).criticality = None;
    let r = expect(&f, "S2-SUPPLIERS", Fail, &[(Supplier, HOST)]);
    assert!(r.finding.contains("without a criticality"), "{}", r.finding);

    // The owner left before the day.
    let mut f = baseline();
    let dev = person(&f, DEV).id;
    f.people.iter_mut().find(|p| p.id == dev).unwrap().end_date = Some(day("2026-05-31"));
    let r = expect(&f, "S2-SUPPLIERS", Fail, &[(Supplier, HOST)]);
    assert!(r.finding.contains("active owner"), "{}", r.finding);
}

#[test]
fn s2_suppliers_wants_a_critical_supplier_contracted_and_reviewed_in_its_interval() {
    let mut f = baseline();
    host(&mut f).contract_requirements = false;
    let r = expect(&f, "S2-SUPPLIERS", Fail, &[(Supplier, HOST)]);
    assert!(r.finding.contains("A.5.20"), "{}", r.finding);

    // Reviewed 2026-04-15 with a 2-month interval: due 2026-06-15, overdue on 2026-06-20.
    let mut f = baseline();
    host(&mut f).review_months = 2;
    let r = expect(&f, "S2-SUPPLIERS", Fail, &[(Supplier, HOST)]);
    assert!(r.finding.contains("A.5.22"), "{}", r.finding);
    // Due on the day is not overdue.
    let report = evaluate_on(&f, isms_core::readiness::Stage::Two, "2026-06-15");
    assert_eq!(report.rule("S2-SUPPLIERS").unwrap().status, Pass);

    // A supplier rated lower needs neither.
    let mut f = baseline();
    let s = host(&mut f);
    s.criticality = Some(Criticality::Medium);
    s.contract_requirements = false;
    s.reviews.clear();
    expect(&f, "S2-SUPPLIERS", Pass, NONE);
}

#[test]
fn s2_suppliers_does_not_count_a_review_dated_after_the_day() {
    let mut f = baseline();
    host(&mut f).reviews[0].reviewed_on = day("2026-06-21");
    expect(&f, "S2-SUPPLIERS", Fail, &[(Supplier, HOST)]);
    let later = evaluate_on(&f, isms_core::readiness::Stage::Two, "2026-06-21");
    assert_eq!(later.rule("S2-SUPPLIERS").unwrap().status, Pass);
}

#[test]
fn s2_suppliers_warns_of_an_expired_certificate() {
    let mut f = baseline();
    host(&mut f).certificates.push(Certificate {
        id: 7,
        supplier_id: 0,
        title: "ISO/IEC 27001 certificate".into(),
        issued_on: Some(day("2023-06-01")),
        expires_on: Some(day("2026-06-19")),
        evidence_id: None,
    });
    let r = expect(&f, "S2-SUPPLIERS", Warning, &[(Supplier, HOST)]);
    assert!(r.finding.contains("expired certificate"), "{}", r.finding);
    // It lapses after the day: still current on it.
    let report = evaluate_on(&f, isms_core::readiness::Stage::Two, "2026-06-19");
    assert_eq!(report.rule("S2-SUPPLIERS").unwrap().status, Pass);
}

#[test]
fn s2_suppliers_against_the_soa() {
    // Suppliers recorded while A.5.19 is excluded: a fail naming the control and the supplier.
    let mut f = baseline();
    exclude(&mut f, "5.19");
    let r = expect(
        &f,
        "S2-SUPPLIERS",
        Fail,
        &[(Control, "5.19"), (Supplier, HOST)],
    );
    assert!(r.finding.contains("A.5.19 is excluded"), "{}", r.finding);
    let r = expect(
        &f,
        "S1-SOA-CONSISTENT",
        Fail,
        &[(Control, "5.19"), (Supplier, HOST)],
    );
    assert!(r.fix.contains("Include A.5.19"), "{}", r.fix);
    // Excluded and no supplier: nothing to check.
    f.suppliers.clear();
    expect(&f, "S2-SUPPLIERS", NotApplicable, NONE);
    expect(&f, "S1-SOA-CONSISTENT", Pass, NONE);
    // Applicable and no supplier: a warning on the control.
    let mut f = baseline();
    f.suppliers.clear();
    expect(&f, "S2-SUPPLIERS", Warning, &[(Control, "5.19")]);
}

#[test]
fn s2_incidents_wants_severity_response_and_lessons() {
    let mut f = baseline();
    f.incidents.push(incident("INC-001", "2026-05-02"));
    expect(&f, "S2-INCIDENTS", Pass, NONE);

    let mut g = f.clone();
    g.incidents[0].severity = None;
    let r = expect(&g, "S2-INCIDENTS", Fail, &[(Incident, "INC-001")]);
    assert!(r.finding.contains("without a severity"), "{}", r.finding);

    let mut g = f.clone();
    g.incidents[0].response = " ".into();
    let r = expect(&g, "S2-INCIDENTS", Fail, &[(Incident, "INC-001")]);
    assert!(r.finding.contains("response"), "{}", r.finding);

    // Closed without lessons learned, on or before the day: a fail; closed after it: not yet.
    let mut g = f.clone();
    g.incidents[0].status = IncidentStatus::Closed;
    g.incidents[0].closed_on = Some(day("2026-06-20"));
    let r = expect(&g, "S2-INCIDENTS", Fail, &[(Incident, "INC-001")]);
    assert!(r.finding.contains("lessons learned"), "{}", r.finding);
    g.incidents[0].closed_on = Some(day("2026-06-21"));
    expect(&g, "S2-INCIDENTS", Pass, NONE);
    g.incidents[0].closed_on = Some(day("2026-06-01"));
    g.incidents[0].lessons = "Cars are no place for laptops; the travel guidance says so.".into();
    expect(&g, "S2-INCIDENTS", Pass, NONE);
}

#[test]
fn s2_incidents_judges_only_incidents_reported_by_the_day() {
    let mut f = baseline();
    let mut late = incident("INC-002", "2026-06-21");
    late.severity = None;
    f.incidents.push(late);
    expect(&f, "S2-INCIDENTS", Pass, NONE);
    let report = evaluate_on(&f, isms_core::readiness::Stage::Two, "2026-06-21");
    assert_eq!(report.rule("S2-INCIDENTS").unwrap().status, Fail);
}

#[test]
fn s2_incidents_wants_the_tracker_item_of_an_incident_raising_an_nc() {
    let mut f = baseline();
    let mut nc = incident("INC-003", "2026-05-02");
    nc.raises_nc = true;
    f.incidents.push(nc);
    let r = expect(&f, "S2-INCIDENTS", Fail, &[(Incident, "INC-003")]);
    assert!(r.fix.contains("tracker"), "{}", r.fix);
    let owner = person(&f, DEV).id;
    f.tracker.push(TrackerItem {
        id: 900,
        reference: "T-900".into(),
        source_ref: "INC-003".into(),
        owner_id: Some(owner),
        due_on: Some(day("2026-07-31")),
        root_cause: "Laptops were taken home without a bag lock.".into(),
        corrective_action: "Issue lockable bags.".into(),
        ..TrackerItem::new(
            ItemKind::MinorNc,
            "Laptop theft from a car",
            ItemSource::Incident,
            day("2026-05-03"),
        )
    });
    expect(&f, "S2-INCIDENTS", Pass, NONE);
}

#[test]
fn s2_incidents_against_the_soa() {
    let mut f = baseline();
    exclude(&mut f, "5.24");
    expect(&f, "S2-INCIDENTS", Pass, NONE);
    f.incidents.push(incident("INC-004", "2026-05-02"));
    let r = expect(
        &f,
        "S2-INCIDENTS",
        Fail,
        &[(Control, "5.24"), (Incident, "INC-004")],
    );
    assert!(r.finding.contains("A.5.24 is excluded"), "{}", r.finding);
    expect(
        &f,
        "S1-SOA-CONSISTENT",
        Fail,
        &[(Control, "5.24"), (Incident, "INC-004")],
    );
}

#[test]
fn s1_soa_consistent_fails_for_requirements_while_a_5_31_is_excluded() {
    let mut f = baseline();
    exclude(&mut f, "5.31");
    let refs: Vec<String> = f.requirements.iter().map(|r| r.reference.clone()).collect();
    let mut blamed = vec![(Control, "5.31")];
    blamed.extend(refs.iter().map(|r| (Requirement, r.as_str())));
    expect(&f, "S1-SOA-CONSISTENT", Fail, &blamed);
}
