//! Supplier reviews, supplier certificates and competence evidence on the agenda, at their
//! boundaries, on a real vault.

use isms_core::agenda::{AgendaEntry, AgendaKind};
use isms_core::competence::{self, Assignment, CompetenceEvidence, CompetenceKind, Role};
use isms_core::people::{self, Person};
use isms_core::suppliers::{
    self, Certificate, Criticality, ReviewOutcome, Supplier, SupplierReview,
};

use super::{D, agenda_on, day};
use crate::support::{Scratch, stamp};

fn registers(s: &Scratch) -> isms_core::Vault {
    let mut v = s.vault("registers.isms");
    let hire = |v: &mut isms_core::Vault, p: Person| people::create(v, stamp(1), p).unwrap().id;
    let dev = hire(&mut v, Person::new("Dara Lin", "dev@acme.example"));
    let ops = hire(&mut v, Person::new("Ola Berg", "ops@acme.example"));
    let gone = hire(
        &mut v,
        Person {
            end_date: Some(day("2026-05-31")),
            ..Person::new("Lee Gone", "gone@acme.example")
        },
    );
    let supplier = |v: &mut isms_core::Vault, name: &str, c: Criticality, months: u32| {
        suppliers::create(
            v,
            stamp(2),
            Supplier {
                criticality: Some(c),
                owner_id: Some(ops),
                review_months: months,
                ..Supplier::named(name)
            },
        )
        .unwrap()
        .id
    };
    let review = |v: &mut isms_core::Vault, id: i64, on: &str| {
        suppliers::add_review(
            v,
            stamp(2),
            SupplierReview {
                id: 0,
                supplier_id: id,
                reviewed_on: day(on),
                outcome: ReviewOutcome::Satisfactory,
                note: String::new(),
            },
        )
        .unwrap();
    };
    let cloud = supplier(&mut v, "Nimbus Cloud", Criticality::Critical, 12);
    review(&mut v, cloud, "2024-06-20");
    review(&mut v, cloud, "2025-06-20");
    let print = supplier(&mut v, "Print Co", Criticality::Low, 5);
    review(&mut v, print, "2026-01-19");
    supplier(&mut v, "Never Reviewed Ltd", Criticality::High, 12);
    for (title, issued, expires) in [
        ("ISO 27001 certificate", "2023-07-21", "2026-07-20"),
        ("SOC 2 report", "2026-07-01", "2026-07-05"),
    ] {
        suppliers::save_certificate(
            &mut v,
            stamp(3),
            Certificate {
                id: 0,
                supplier_id: cloud,
                title: title.into(),
                issued_on: Some(day(issued)),
                expires_on: Some(day(expires)),
                evidence_id: None,
            },
        )
        .unwrap();
    }

    let role = competence::create_role(
        &mut v,
        stamp(4),
        Role {
            responsibilities: "Runs the firewalls.".into(),
            competence: "A current firewall vendor certification.".into(),
            ..Role::named("Firewall administrator")
        },
    )
    .unwrap();
    competence::assign(
        &mut v,
        stamp(4),
        Assignment {
            id: 0,
            role_id: role.id,
            person_id: dev,
            assigned_on: None,
        },
    )
    .unwrap();
    for (person, title, obtained, expires) in [
        (dev, "Firewall certification", "2023-06-19", "2026-06-19"),
        (dev, "firewall certification", "2026-06-01", "2029-06-01"),
        (dev, "First aid", "2024-06-21", "2026-06-21"),
        (ops, "First aid", "2024-07-20", "2026-07-20"),
        (gone, "First aid", "2024-06-21", "2026-06-21"),
    ] {
        competence::create_evidence(
            &mut v,
            stamp(5),
            CompetenceEvidence {
                id: 0,
                person_id: person,
                kind: CompetenceKind::Certification,
                title: title.into(),
                obtained_on: day(obtained),
                expires_on: Some(day(expires)),
                evidence_id: None,
                note: String::new(),
            },
        )
        .unwrap();
    }
    v
}

type Seen = (String, String, Option<u32>, Option<String>);

fn seen(entries: &[AgendaEntry], kind: AgendaKind) -> Vec<Seen> {
    entries
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| {
            let record = e.record.reference.clone();
            (record, e.due.to_string(), e.overdue_days, e.rule.clone())
        })
        .collect()
}

fn row(record: &str, due: &str, overdue: Option<u32>, rule: Option<&str>) -> Seen {
    (record.into(), due.into(), overdue, rule.map(str::to_owned))
}

#[test]
fn suppliers_are_due_an_interval_after_their_last_review() {
    let s = Scratch::new();
    let v = registers(&s);
    let entries = agenda_on(&v, D, 30);
    assert_eq!(
        seen(&entries, AgendaKind::SupplierReview),
        [
            row("Print Co", "2026-06-19", Some(1), None),
            row("Nimbus Cloud", "2026-06-20", None, Some("S2-SUPPLIERS")),
        ]
    );
    // The day before its last review, the cloud supplier's was due the next day.
    let before = agenda_on(&v, "2025-06-19", 1);
    assert_eq!(
        seen(&before, AgendaKind::SupplierReview),
        [row(
            "Nimbus Cloud",
            "2025-06-20",
            None,
            Some("S2-SUPPLIERS")
        )]
    );
    let late = agenda_on(&v, "2025-06-21", 0);
    assert!(
        seen(&late, AgendaKind::SupplierReview).is_empty(),
        "reviewed on the 20th"
    );
}

#[test]
fn certificates_are_due_on_their_expiry_once_issued() {
    let s = Scratch::new();
    let v = registers(&s);
    let on = |days: u32| seen(&agenda_on(&v, D, days), AgendaKind::CertificateExpiry);
    let iso = row("Nimbus Cloud", "2026-07-20", None, Some("S2-SUPPLIERS"));
    assert_eq!(on(30), std::slice::from_ref(&iso));
    assert!(on(29).is_empty());
    // The SOC 2 report issued on 2026-07-01 is not known before then.
    let july = seen(
        &agenda_on(&v, "2026-07-06", 30),
        AgendaKind::CertificateExpiry,
    );
    assert_eq!(
        july,
        [
            row("Nimbus Cloud", "2026-07-05", Some(1), Some("S2-SUPPLIERS")),
            iso
        ]
    );
}

#[test]
fn competence_evidence_is_due_on_its_expiry_unless_renewed() {
    let s = Scratch::new();
    let v = registers(&s);
    let entries = agenda_on(&v, D, 30);
    // The firewall certification was renewed; the leaver's first aid is nobody's business;
    // only a person in a role that requires competence breaks S1-COMPETENCE.
    assert_eq!(
        seen(&entries, AgendaKind::CompetenceExpiry),
        [
            row(
                "dev@acme.example",
                "2026-06-21",
                None,
                Some("S1-COMPETENCE")
            ),
            row("ops@acme.example", "2026-07-20", None, None),
        ]
    );
    // Before the renewal was obtained, the old certification was due, and then overdue.
    let before = seen(
        &agenda_on(&v, "2026-05-31", 0),
        AgendaKind::CompetenceExpiry,
    );
    assert!(before.is_empty());
    let renewal_eve = agenda_on(&v, "2026-05-31", 19);
    assert_eq!(
        seen(&renewal_eve, AgendaKind::CompetenceExpiry),
        [row(
            "dev@acme.example",
            "2026-06-19",
            None,
            Some("S1-COMPETENCE")
        )]
    );
}
