//! Values computed from the vault's facts on a day (awareness and acknowledgement coverage,
//! open nonconformities and overdue items, red risks treated, SoA implemented, audit
//! adherence), each checked on facts filled in by hand.

use isms_core::audits::{Audit, AuditStatus};
use isms_core::documents::{DocKind, Document, DocumentVersion};
use isms_core::measures::{self, Frequency, Measure, Source};
use isms_core::people::Person;
use isms_core::readiness::{Facts, View};
use isms_core::risks::{ActionStatus, Risk, RiskAction, RiskLevel, Score};
use isms_core::soa::ImplementationStatus;
use isms_core::tracker::{ItemKind, ItemSource, ItemStatus, TrackerItem};
use isms_core::training::{Completion, Course, CourseKind};

use super::day;
use crate::support::Scratch;
/// An empty vault's facts, filled in by hand below.
fn facts() -> Facts {
    let s = Scratch::new();
    let vault = s.vault("facts.isms");
    Facts::load(vault.reader()).unwrap()
}

fn someone(id: i64, start: Option<&str>, end: Option<&str>) -> Person {
    Person {
        id,
        start_date: start.map(day),
        end_date: end.map(day),
        department: if id % 2 == 0 { "Sales" } else { "IT" }.into(),
        ..Person::new(&format!("P{id}"), &format!("p{id}@acme.example"))
    }
}

#[test]
fn awareness_coverage_counts_active_people_trained_in_twelve_months_or_in_grace() {
    let mut f = facts();
    let d = day("2026-06-15");
    f.people = vec![
        someone(1, Some("2020-01-01"), None),
        someone(2, Some("2020-01-01"), None),
        someone(3, Some("2026-05-16"), None), // joined 30 days before D: in grace
        someone(4, Some("2026-05-15"), None), // 31 days: not any more
        someone(5, Some("2020-01-01"), Some("2026-06-01")), // left: not counted
    ];
    f.courses = vec![
        Course {
            id: 1,
            title: "Awareness".into(),
            kind: CourseKind::Awareness,
            validity_months: Some(12),
        },
        Course {
            id: 2,
            title: "First aid".into(),
            kind: CourseKind::Other,
            validity_months: None,
        },
    ];
    let done = |person_id, course_id, on: &str| Completion {
        id: 0,
        person_id,
        course_id,
        completed_on: day(on),
        evidence_id: None,
    };
    f.completions = vec![
        done(1, 1, "2025-06-15"), // a year to the day: still counts
        done(2, 2, "2026-06-01"), // not awareness
        done(2, 1, "2025-06-14"), // a day too old
    ];
    assert_eq!(
        measures::value(&View::new(f.clone(), d), Source::AwarenessTraining),
        Some(50.0),
        "P1 and P3 of four active people"
    );
    f.people.clear();
    assert_eq!(
        measures::value(&View::new(f.clone(), d), Source::AwarenessTraining),
        None,
        "no one to count"
    );
}

#[test]
fn acknowledgement_coverage_counts_the_audience_of_each_version_in_force() {
    let mut f = facts();
    let d = day("2026-06-15");
    f.people = vec![
        someone(1, None, None),
        someone(2, None, None),
        someone(3, None, Some("2026-06-01")),
    ];
    let version = |id, on: &str| DocumentVersion {
        id,
        number: id.to_string(),
        change_summary: String::new(),
        evidence_id: None,
        approved_by: None,
        approved_on: Some(day(on)),
    };
    let mut policy = Document::new("POL-01", "Policy", DocKind::Policy);
    policy.communicate = true;
    policy.versions = vec![version(10, "2026-01-01"), version(11, "2026-05-01")];
    let mut sales = Document::new("PRC-02", "Sales rules", DocKind::Procedure);
    sales.communicate = true;
    sales.audience = vec!["sales".into()];
    sales.versions = vec![version(20, "2026-02-01")];
    let mut quiet = Document::new("PRC-03", "Not communicated", DocKind::Procedure);
    quiet.versions = vec![version(30, "2026-02-01")];
    f.documents = vec![policy, sales, quiet];
    let ack = |person_id, version_id| isms_core::acknowledgements::Acknowledgement {
        id: 0,
        person_id,
        version_id,
        acknowledged_on: day("2026-05-10"),
        method: isms_core::acknowledgements::AckMethod::Form,
        evidence_id: None,
    };
    f.acknowledgements = vec![ack(1, 11), ack(2, 10), ack(2, 20)];
    assert_eq!(
        measures::value(&View::new(f.clone(), d), Source::Acknowledgements),
        Some(66.7),
        "2 of 3 pairs: P1 and P2 for POL-01 v11 (P2 only signed v10), P2 for PRC-02"
    );
}

fn item(kind: ItemKind, status: ItemStatus, due: Option<&str>) -> TrackerItem {
    TrackerItem {
        status,
        due_on: due.map(day),
        closed_on: (status == ItemStatus::Closed).then(|| day("2026-05-01")),
        ..TrackerItem::new(kind, "x", ItemSource::InternalAudit, day("2026-04-01"))
    }
}

#[test]
fn open_ncs_and_overdue_items_are_counted_on_the_day() {
    let mut f = facts();
    f.tracker = vec![
        item(ItemKind::MajorNc, ItemStatus::Open, Some("2026-06-15")),
        item(
            ItemKind::MinorNc,
            ItemStatus::AwaitingVerification,
            Some("2026-06-14"),
        ),
        item(ItemKind::MinorNc, ItemStatus::Closed, Some("2026-05-01")),
        item(ItemKind::Ofi, ItemStatus::Open, Some("2026-01-01")),
    ];
    let d = day("2026-06-15");
    assert_eq!(
        measures::value(&View::new(f.clone(), d), Source::OpenNcs),
        Some(2.0),
        "OFIs are not NCs"
    );
    assert_eq!(
        measures::value(&View::new(f.clone(), d), Source::OverdueItems),
        Some(2.0),
        "due on D is not overdue; the minor NC and the OFI are"
    );
    assert_eq!(
        measures::value(&View::new(f.clone(), d), Source::Manual),
        None
    );
}

#[test]
fn red_risks_treated_soa_implemented_and_audit_adherence() {
    let mut f = facts();
    let d = day("2026-06-15");
    let action = |status, done: Option<&str>| RiskAction {
        id: 0,
        title: "a".into(),
        owner_id: None,
        due_date: None,
        status,
        done_date: done.map(day),
        controls: Vec::new(),
    };
    let risk = |level, actions| Risk {
        inherent: Some(Score { value: 20, level }),
        actions,
        ..Risk::titled("r")
    };
    f.risks = vec![
        risk(
            RiskLevel::Red,
            vec![action(ActionStatus::Done, Some("2026-05-01"))],
        ),
        risk(
            RiskLevel::Red,
            vec![
                action(ActionStatus::Done, Some("2026-05-01")),
                action(ActionStatus::InProgress, None),
            ],
        ),
        risk(RiskLevel::Red, Vec::new()),
        risk(RiskLevel::Amber, Vec::new()),
    ];
    assert_eq!(
        measures::value(&View::new(f.clone(), d), Source::RedRisksTreated),
        Some(33.3),
        "one of three red risks has every action done; none at all is not treated"
    );

    for (i, e) in f.soa.iter_mut().enumerate() {
        e.applicable = Some(i < 10);
        e.status = Some(if i < 4 {
            ImplementationStatus::Implemented
        } else {
            ImplementationStatus::InProgress
        });
    }
    assert_eq!(
        measures::value(&View::new(f.clone(), d), Source::SoaImplemented),
        Some(40.0),
        "4 of 10 applicable"
    );

    assert_eq!(
        measures::value(&View::new(f.clone(), d), Source::AuditAdherence),
        None,
        "no Stage 1 date: no programme to adhere to"
    );
    f.organisation.stage1_date = Some(day("2026-03-20"));
    let audit = |month: &str, status, done: Option<&str>| Audit {
        status,
        completed_on: done.map(day),
        ..Audit::planned("a", month)
    };
    f.audits = vec![
        audit("2026-02", AuditStatus::Planned, None), // before the Stage 1 month
        audit("2026-03", AuditStatus::Completed, Some("2026-03-30")),
        audit("2026-04", AuditStatus::Completed, Some("2026-04-28")),
        audit("2026-05", AuditStatus::Planned, None),
        audit("2026-05", AuditStatus::Cancelled, None), // left out
        audit("2026-06", AuditStatus::Planned, None),   // this month: not yet
    ];
    assert_eq!(
        measures::value(&View::new(f.clone(), d), Source::AuditAdherence),
        Some(66.7),
        "2 of the 3 audits planned for March to May"
    );
}

#[test]
fn propose_gives_a_computed_value_and_nothing_for_manual_measures() {
    let mut f = facts();
    f.tracker = vec![item(ItemKind::MinorNc, ItemStatus::Open, None)];
    let d = day("2026-06-15");
    let ncs = Measure::new("Open NCs", Frequency::Monthly, Source::OpenNcs);
    assert_eq!(measures::propose(&View::new(f.clone(), d), &ncs), Some(1.0));
    let manual = Measure::new("Phishing", Frequency::Monthly, Source::Manual);
    assert_eq!(measures::propose(&View::new(f.clone(), d), &manual), None);
}
