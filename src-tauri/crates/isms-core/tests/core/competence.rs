//! Roles and competence: the standard roles every vault has, assignments, competence evidence
//! current or lapsed on a day, refused removals, history, snapshot and search.

use chrono::{Datelike, NaiveDate};
use isms_core::competence::{
    self, Assignment, CompetenceEvidence, CompetenceKind, Role, StandardRole,
};
use isms_core::people::{self, Person};
use isms_core::{ErrorCode, Vault, history, search, snapshot};

use crate::support::{Scratch, create, stamp};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn certificate(person_id: i64, obtained: &str, expires: Option<&str>) -> CompetenceEvidence {
    CompetenceEvidence {
        id: 0,
        person_id,
        kind: CompetenceKind::Certification,
        title: "ISO/IEC 27001 Lead Auditor".into(),
        obtained_on: day(obtained),
        expires_on: expires.map(day),
        evidence_id: None,
        note: String::new(),
    }
}

fn standard(vault: &Vault, which: StandardRole) -> Role {
    competence::list_roles(vault.reader())
        .unwrap()
        .into_iter()
        .find(|r| r.standard == Some(which))
        .unwrap()
}

fn anna(vault: &mut Vault) -> Person {
    people::create(
        vault,
        stamp(1),
        Person::new("Anna Łukasik", "anna@acme.example"),
    )
    .unwrap()
}

#[test]
fn a_new_vault_has_the_five_standard_roles() {
    let s = Scratch::new();
    let vault = s.vault("acme.isms");
    let roles = competence::list_roles(vault.reader()).unwrap();
    let markers: Vec<Option<StandardRole>> = roles.iter().map(|r| r.standard).collect();
    assert_eq!(
        markers,
        [
            Some(StandardRole::IsmsOwner),
            Some(StandardRole::TopManagement),
            Some(StandardRole::RiskOwner),
            Some(StandardRole::ControlOwner),
            Some(StandardRole::InternalAuditor),
        ],
        "made by schema 10, in its order"
    );
    assert!(roles.iter().all(|r| !r.responsibilities.is_empty()));
    let requiring: Vec<&str> = roles
        .iter()
        .filter(|r| r.requires_competence())
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(
        requiring,
        ["ISMS owner", "Risk owner", "Internal auditor"],
        "the roles whose competence text is not empty"
    );
    assert!(
        competence::list_assignments(vault.reader())
            .unwrap()
            .is_empty()
    );
    assert!(
        competence::list_evidence(vault.reader())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn evidence_is_current_through_its_expiry_day_and_lapsed_after() {
    let e = certificate(1, "2024-01-10", Some("2026-06-15"));
    assert!(!e.current_on(day("2024-01-09")), "not yet obtained");
    assert!(!e.lapsed(day("2024-01-09")), "not obtained is not lapsed");
    assert!(
        e.current_on(day("2024-01-10")),
        "counts from the day obtained"
    );
    assert!(
        e.current_on(day("2026-06-15")),
        "an expiry on D still counts on D"
    );
    assert!(!e.lapsed(day("2026-06-15")));
    assert!(!e.current_on(day("2026-06-16")), "the day after the expiry");
    assert!(e.lapsed(day("2026-06-16")));
    let for_ever = certificate(1, "2024-01-10", None);
    assert!(for_ever.current_on(day("2099-01-01")) && !for_ever.lapsed(day("2099-01-01")));
}

#[test]
fn roles_are_created_updated_and_removed_with_history() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let dpo = competence::create_role(
        &mut vault,
        stamp(1),
        Role {
            standard: Some(StandardRole::IsmsOwner),
            responsibilities: "  Advises on data protection. ".into(),
            ..Role::named("Data protection officer")
        },
    )
    .unwrap();
    assert_eq!(
        dpo.standard, None,
        "a company's own role is never a standard one"
    );
    assert_eq!(
        dpo.responsibilities, "Advises on data protection.",
        "trimmed"
    );
    assert!(!dpo.requires_competence());

    let taken =
        competence::create_role(&mut vault, stamp(2), Role::named("isms OWNER")).unwrap_err();
    assert_eq!(taken.code, ErrorCode::Validation);
    assert_eq!(
        taken.fields[0].field, "name",
        "names are unique regardless of case"
    );
    let empty = competence::create_role(&mut vault, stamp(2), Role::named(" ")).unwrap_err();
    assert_eq!(empty.fields[0].field, "name");

    let mut owner = standard(&vault, StandardRole::IsmsOwner);
    owner.name = "Information security manager".into();
    owner.standard = None;
    let owner = competence::update_role(&mut vault, stamp(3), owner).unwrap();
    assert_eq!(
        owner.standard,
        Some(StandardRole::IsmsOwner),
        "a save keeps the standard marker"
    );

    let refused = competence::remove_role(&mut vault, stamp(4), owner.id).unwrap_err();
    assert_eq!(refused.code, ErrorCode::Validation, "{}", refused.message);
    assert_eq!(competence::list_roles(vault.reader()).unwrap().len(), 6);

    competence::remove_role(&mut vault, stamp(5), dpo.id).unwrap();
    assert_eq!(competence::list_roles(vault.reader()).unwrap().len(), 5);

    let trail = history::list(vault.reader(), Some("roles"), 10).unwrap();
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["delete", "update", "create"], "newest first");
    assert_eq!(trail[1].before.as_ref().unwrap()["name"], "ISMS owner");
}

#[test]
fn a_role_people_hold_is_not_removed_until_they_are_unassigned() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let anna = anna(&mut vault);
    let dpo = competence::create_role(&mut vault, stamp(2), Role::named("DPO")).unwrap();
    let held = competence::assign(
        &mut vault,
        stamp(3),
        Assignment {
            id: 0,
            role_id: dpo.id,
            person_id: anna.id,
            assigned_on: Some(day("2026-03-01")),
        },
    )
    .unwrap();
    let twice = competence::assign(
        &mut vault,
        stamp(4),
        Assignment {
            id: 0,
            ..held.clone()
        },
    )
    .unwrap_err();
    assert_eq!(
        twice.fields[0].field, "person_id",
        "a person holds a role once"
    );
    let nobody = competence::assign(
        &mut vault,
        stamp(4),
        Assignment {
            person_id: 999,
            ..held.clone()
        },
    )
    .unwrap_err();
    assert_eq!(nobody.fields[0].field, "person_id");

    let refused = competence::remove_role(&mut vault, stamp(5), dpo.id).unwrap_err();
    assert_eq!(refused.code, ErrorCode::Referenced);
    assert!(
        refused.message.contains("1 person holds"),
        "{}",
        refused.message
    );
    assert_eq!(
        competence::list_assignments(vault.reader()).unwrap(),
        std::slice::from_ref(&held)
    );

    competence::unassign(&mut vault, stamp(6), held.id).unwrap();
    competence::remove_role(&mut vault, stamp(7), dpo.id).unwrap();
    let trail = history::list(vault.reader(), Some("role_assignments"), 10).unwrap();
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["delete", "create"]);
}

#[test]
fn evidence_is_validated_saved_and_removed_with_history() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let anna = anna(&mut vault);
    let backwards = competence::create_evidence(
        &mut vault,
        stamp(2),
        certificate(anna.id, "2026-01-01", Some("2025-12-31")),
    )
    .unwrap_err();
    assert_eq!(backwards.fields[0].field, "expires_on");
    let no_file = competence::create_evidence(
        &mut vault,
        stamp(2),
        CompetenceEvidence {
            evidence_id: Some(42),
            ..certificate(anna.id, "2026-01-01", None)
        },
    )
    .unwrap_err();
    assert_eq!(no_file.fields[0].field, "evidence_id");

    let file = s.path("certificate.txt");
    std::fs::write(&file, "Lead Auditor certificate").unwrap();
    let proof =
        isms_core::evidence::add_file(&mut vault, stamp(3), &file, Default::default()).unwrap();
    let mut cert = competence::create_evidence(
        &mut vault,
        stamp(4),
        CompetenceEvidence {
            evidence_id: Some(proof.id),
            ..certificate(anna.id, "2024-01-10", Some("2027-01-09"))
        },
    )
    .unwrap();
    let in_use = isms_core::evidence::delete(&mut vault, stamp(5), proof.id).unwrap_err();
    assert_eq!(
        in_use.code,
        ErrorCode::Referenced,
        "the file proves competence"
    );

    cert.note = "Renewal booked".into();
    let cert = competence::update_evidence(&mut vault, stamp(6), cert).unwrap();
    assert_eq!(
        competence::get_evidence(vault.reader(), cert.id).unwrap(),
        cert
    );
    competence::remove_evidence(&mut vault, stamp(7), cert.id).unwrap();
    assert!(
        competence::list_evidence(vault.reader())
            .unwrap()
            .is_empty()
    );
    let trail = history::list(vault.reader(), Some("competence_evidence"), 10).unwrap();
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["delete", "update", "create"]);
}

#[test]
fn a_person_with_a_role_or_evidence_is_not_deleted() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let anna = anna(&mut vault);
    let auditor = standard(&vault, StandardRole::InternalAuditor);
    let held = competence::assign(
        &mut vault,
        stamp(2),
        Assignment {
            id: 0,
            role_id: auditor.id,
            person_id: anna.id,
            assigned_on: None,
        },
    )
    .unwrap();
    let err = people::delete(&mut vault, stamp(3), anna.id).unwrap_err();
    assert_eq!(err.code, ErrorCode::Referenced);
    assert!(err.message.contains("1 ISMS role"), "{}", err.message);

    competence::unassign(&mut vault, stamp(4), held.id).unwrap();
    let cert = competence::create_evidence(
        &mut vault,
        stamp(5),
        certificate(anna.id, "2024-01-10", None),
    )
    .unwrap();
    let err = people::delete(&mut vault, stamp(6), anna.id).unwrap_err();
    assert!(
        err.message.contains("1 competence record"),
        "{}",
        err.message
    );

    competence::remove_evidence(&mut vault, stamp(7), cert.id).unwrap();
    people::delete(&mut vault, stamp(8), anna.id).unwrap();
}

#[test]
fn helpers_answer_who_holds_what() {
    let roles = [
        Role {
            id: 1,
            competence: "Audit training".into(),
            ..Role::named("Internal auditor")
        },
        Role::named("Top management"),
    ];
    let held = |role_id, person_id| Assignment {
        id: 0,
        role_id,
        person_id,
        assigned_on: None,
    };
    let roles = [
        roles[0].clone(),
        Role {
            id: 2,
            ..roles[1].clone()
        },
    ];
    let assignments = [held(1, 7), held(2, 7), held(2, 8)];
    let names: Vec<&str> = competence::roles_of(7, &roles, &assignments)
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(names, ["Internal auditor", "Top management"]);
    assert_eq!(competence::people_in(2, &assignments), [7, 8]);
    let evidence = [
        certificate(7, "2024-01-01", None),
        certificate(8, "2024-01-01", None),
    ];
    assert_eq!(competence::evidence_of(8, &evidence).len(), 1);
}

#[test]
fn snapshot_round_trip_keeps_roles_holders_and_evidence() {
    let s = Scratch::new();
    let mut source = s.vault("source.isms");
    let anna = anna(&mut source);
    let mut owner = standard(&source, StandardRole::IsmsOwner);
    owner.competence = "Lead implementer".into();
    let owner = competence::update_role(&mut source, stamp(2), owner).unwrap();
    let dpo = competence::create_role(&mut source, stamp(3), Role::named("DPO")).unwrap();
    for (i, role) in [owner.id, dpo.id].into_iter().enumerate() {
        competence::assign(
            &mut source,
            stamp(4 + i as i64),
            Assignment {
                id: 0,
                role_id: role,
                person_id: anna.id,
                assigned_on: Some(day("2026-02-01")),
            },
        )
        .unwrap();
    }
    competence::create_evidence(
        &mut source,
        stamp(6),
        certificate(anna.id, "2024-01-10", Some("2027-01-09")),
    )
    .unwrap();

    let first = snapshot::to_json(&snapshot::export(&source).unwrap()).unwrap();
    let mut target = create(&s.path("target.isms"), "Ørsted & Wąs Ltd");
    snapshot::import(&mut target, stamp(7), snapshot::parse(&first).unwrap()).unwrap();
    let second = snapshot::to_json(&snapshot::export(&target).unwrap()).unwrap();
    assert_eq!(
        first, second,
        "export → import → export gives the same bytes"
    );

    let roles = competence::list_roles(target.reader()).unwrap();
    assert_eq!(
        roles.len(),
        6,
        "the standard roles were matched, not added again"
    );
    assert_eq!(
        standard(&target, StandardRole::IsmsOwner).competence,
        "Lead implementer",
        "the standard role took the snapshot's text"
    );
    assert_eq!(
        competence::list_assignments(target.reader()).unwrap().len(),
        2
    );
    assert_eq!(competence::list_evidence(target.reader()).unwrap().len(), 1);
}

#[test]
fn search_finds_evidence_by_title_and_roles_through_their_holders() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let anna = anna(&mut vault);
    let auditor = standard(&vault, StandardRole::InternalAuditor);
    competence::assign(
        &mut vault,
        stamp(2),
        Assignment {
            id: 0,
            role_id: auditor.id,
            person_id: anna.id,
            assigned_on: None,
        },
    )
    .unwrap();
    competence::create_evidence(
        &mut vault,
        stamp(3),
        certificate(anna.id, "2024-01-10", None),
    )
    .unwrap();

    let found = search::search(vault.reader(), "lead auditor", 10).unwrap();
    let titles: Vec<&str> = found.hits.iter().map(|h| h.record.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Anna Łukasik: ISO/IEC 27001 Lead Auditor",
            "Anna Łukasik: Internal auditor",
            "Internal auditor"
        ],
        "the certificate by its title first, then the role through its holder, then the role itself (its required competence names it)"
    );
    assert_eq!(found.hits[0].record.id, Some(anna.id), "opens the person");

    let found = search::search(vault.reader(), "impartially", 10).unwrap();
    let titles: Vec<&str> = found.hits.iter().map(|h| h.record.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Anna Łukasik: Internal auditor", "Internal auditor"],
        "the internal auditor's responsibilities, through its holder and as the role"
    );
}

/// Whoever holds a role that requires competence and has no evidence current on `today`.
fn without_current_evidence(vault: &Vault, today: NaiveDate) -> Vec<String> {
    let roles = competence::list_roles(vault.reader()).unwrap();
    let assignments = competence::list_assignments(vault.reader()).unwrap();
    let evidence = competence::list_evidence(vault.reader()).unwrap();
    let mut out = Vec::new();
    for person in people::list(vault.reader()).unwrap() {
        let needs = competence::roles_of(person.id, &roles, &assignments)
            .iter()
            .any(|r| r.requires_competence());
        let has = competence::evidence_of(person.id, &evidence)
            .iter()
            .any(|e| e.current_on(today));
        if needs && !has {
            out.push(person.name);
        }
    }
    out
}

#[test]
fn the_demo_company_holds_its_roles_and_competence_story() {
    use isms_core::demo::{self, DemoPoint, DemoScale};
    let today = day("2026-06-15");
    let s = Scratch::new();
    for point in [
        DemoPoint::Stage1Gaps,
        DemoPoint::Stage1Ready,
        DemoPoint::Operating,
        DemoPoint::Stage2Ready,
    ] {
        let vault = demo::create(
            &s.path(&format!("{}.isms", point.as_str())),
            isms_core::Passphrase::new(crate::support::PASS.into()),
            point,
            DemoScale::Small,
            today,
        )
        .unwrap();
        let roles = competence::list_roles(vault.reader()).unwrap();
        let assignments = competence::list_assignments(vault.reader()).unwrap();
        let evidence = competence::list_evidence(vault.reader()).unwrap();
        let holds = |person: i64, which: StandardRole| {
            competence::roles_of(person, &roles, &assignments)
                .iter()
                .any(|r| r.standard == Some(which))
        };
        let risk_owners: Vec<i64> = isms_core::risks::list(vault.reader())
            .unwrap()
            .iter()
            .filter_map(|r| r.owner_id)
            .collect();
        let lapsed: Vec<&str> = evidence
            .iter()
            .filter(|e| e.lapsed(today))
            .map(|e| e.title.as_str())
            .collect();
        let owner = people::list(vault.reader())
            .unwrap()
            .into_iter()
            .find(|p| p.isms_owner)
            .unwrap();
        assert!(holds(owner.id, StandardRole::IsmsOwner), "{point:?}");
        match point {
            DemoPoint::Stage1Gaps => {
                let unassigned = risk_owners
                    .iter()
                    .any(|p| !holds(*p, StandardRole::RiskOwner));
                let unproven = risk_owners.iter().any(|p| {
                    !competence::evidence_of(*p, &evidence)
                        .iter()
                        .any(|e| e.current_on(today))
                });
                assert!(
                    unassigned && unproven,
                    "a risk owner without the role and one without evidence"
                );
            }
            DemoPoint::Operating => {
                assert_eq!(lapsed, ["CISSP"], "one certificate lapsed the month before");
                let cissp = evidence.iter().find(|e| e.title == "CISSP").unwrap();
                let expired = cissp.expires_on.unwrap();
                assert_eq!(
                    (expired.year(), expired.month()),
                    (2026, 5),
                    "expired in the month before today"
                );
            }
            _ => {
                assert!(
                    without_current_evidence(&vault, today).is_empty(),
                    "{point:?}: {:?}",
                    without_current_evidence(&vault, today)
                );
                assert!(
                    risk_owners
                        .iter()
                        .all(|p| holds(*p, StandardRole::RiskOwner)),
                    "{point:?}: every risk owner holds the role"
                );
            }
        }
        if point >= DemoPoint::Stage1Ready {
            let auditors: Vec<i64> = isms_core::audits::list(vault.reader())
                .unwrap()
                .iter()
                .filter_map(|a| a.auditor_id)
                .collect();
            assert!(!auditors.is_empty());
            assert!(
                auditors
                    .iter()
                    .all(|p| holds(*p, StandardRole::InternalAuditor)),
                "{point:?}: every auditor who is a person holds the role"
            );
            assert!(
                evidence
                    .iter()
                    .any(|e| e.title == "ISO/IEC 27001 Lead Auditor" && e.evidence_id.is_some()),
                "the lead-auditor certificate with its file"
            );
        }
    }
}
