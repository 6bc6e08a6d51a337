//! The internal audit programme and its independence check: every kind of conflict, and the
//! cases that are not conflicts.

use isms_core::audits::{self, Audit, AuditStatus};
use isms_core::clauses::{self, ClauseEntry};
use isms_core::documents::{self, DocKind, Document};
use isms_core::people::{self, Person};
use isms_core::risks::{self, ActionStatus, Risk, RiskAction, RiskMethod};
use isms_core::soa;
use isms_core::tracker::{self, ItemKind, ItemSource, ItemStatus, TrackerItem};
use isms_core::{ErrorCode, Vault};

use crate::support::{Scratch, stamp};

struct Company {
    vault: Vault,
    owner: i64,
    it_lead: i64,
    auditor: i64,
}

/// Søren runs the ISMS; Bo leads IT and owns control 8.13, risk R-001 (treated by 8.13), the
/// backup procedure (which addresses 8.1) and an open tracker item about 8.13; Ada owns nothing.
fn company(s: &Scratch) -> Company {
    let mut vault = s.vault("acme.isms");
    let owner = people::create(
        &mut vault,
        stamp(0),
        Person {
            isms_owner: true,
            ..Person::new("Søren", "soren@acme.example")
        },
    )
    .unwrap()
    .id;
    let it_lead = people::create(&mut vault, stamp(0), Person::new("Bo", "bo@acme.example"))
        .unwrap()
        .id;
    let auditor = people::create(&mut vault, stamp(0), Person::new("Ada", "ada@acme.example"))
        .unwrap()
        .id;
    let mut entry = soa::get(vault.reader(), "8.13").unwrap();
    entry.applicable = Some(true);
    entry.reasons.risk_assessment = true;
    entry.owner_id = Some(it_lead);
    soa::update(&mut vault, stamp(1), entry).unwrap();
    risks::set_method(&mut vault, stamp(1), RiskMethod::default()).unwrap();
    let risk = Risk {
        owner_id: Some(it_lead),
        actions: vec![RiskAction {
            id: 0,
            title: "Daily offline backups".into(),
            owner_id: Some(it_lead),
            due_date: None,
            status: ActionStatus::Planned,
            done_date: None,
            controls: vec!["8.13".into()],
        }],
        ..Risk::titled("Ransomware encrypts the file server")
    };
    risks::create(&mut vault, stamp(2), risk).unwrap();
    let doc = documents::create(
        &mut vault,
        stamp(3),
        Document {
            owner_id: Some(it_lead),
            ..Document::new("PRC-07", "Backup procedure", DocKind::Procedure)
        },
    )
    .unwrap();
    clauses::update(
        &mut vault,
        stamp(3),
        ClauseEntry {
            clause_id: "8.1".into(),
            title: String::new(),
            document_ids: vec![doc.id],
            records: String::new(),
        },
    )
    .unwrap();
    let mut item = TrackerItem::new(
        ItemKind::Action,
        "Test a restore",
        ItemSource::RiskTreatment,
        "2026-03-01".parse().unwrap(),
    );
    item.owner_id = Some(it_lead);
    item.controls = vec!["8.13".into()];
    tracker::create(&mut vault, stamp(4), item).unwrap();
    Company {
        vault,
        owner,
        it_lead,
        auditor,
    }
}

fn audit(by: i64, clauses: &[&str], controls: &[&str]) -> Audit {
    Audit {
        auditor_id: Some(by),
        scope_clauses: clauses.iter().map(|c| (*c).to_owned()).collect(),
        scope_controls: controls.iter().map(|c| (*c).to_owned()).collect(),
        ..Audit::planned("Monthly audit", "2026-04")
    }
}

fn kinds(c: &Company, a: &Audit) -> Vec<(String, String)> {
    audits::conflicts(c.vault.reader(), a)
        .unwrap()
        .into_iter()
        .map(|x| (x.kind, x.reference))
        .collect()
}

#[test]
fn the_owner_of_what_is_in_scope_is_in_conflict_for_each_thing_owned() {
    let s = Scratch::new();
    let c = company(&s);
    let a = audit(c.it_lead, &["8.1"], &["8.13"]);
    let found = kinds(&c, &a);
    for expected in [
        ("soa", "8.13"),
        ("risk", "R-001"),
        ("document", "PRC-07"),
        ("tracker", "T-001"),
    ] {
        assert!(
            found.contains(&(expected.0.into(), expected.1.into())),
            "{expected:?} in {found:?}"
        );
    }
    assert_eq!(found.len(), 4, "nothing else: {found:?}");
    let message = &audits::conflicts(c.vault.reader(), &a).unwrap()[0].message;
    assert!(
        message.contains("Bo"),
        "the cause names the auditor: {message}"
    );
}

#[test]
fn the_isms_owner_cannot_audit_clauses_but_may_audit_controls_they_do_not_own() {
    let s = Scratch::new();
    let c = company(&s);
    let clauses_audit = audit(c.owner, &["9.2", "10"], &[]);
    assert_eq!(
        kinds(&c, &clauses_audit),
        [("isms_owner".to_owned(), "9.2, 10".to_owned())]
    );
    let controls_audit = audit(c.owner, &[], &["8.13", "5.15"]);
    assert!(
        kinds(&c, &controls_audit).is_empty(),
        "Søren owns neither control"
    );
}

#[test]
fn no_conflict_for_an_independent_or_external_auditor_or_for_closed_items() {
    let s = Scratch::new();
    let mut c = company(&s);
    assert!(
        kinds(&c, &audit(c.auditor, &["4", "8.1"], &["8.13"])).is_empty(),
        "Ada owns nothing"
    );
    let external = Audit {
        external_auditor: "J. Smith, Audit Partners Ltd".into(),
        ..Audit::planned("External", "2026-05")
    };
    assert!(
        audits::conflicts(c.vault.reader(), &external)
            .unwrap()
            .is_empty()
    );
    // Bo's only tracker item closes: it no longer conflicts; risk R-001 is out of scope for 5.15.
    let mut item = tracker::list(c.vault.reader()).unwrap().remove(0);
    item.status = ItemStatus::Closed;
    item.closed_on = Some("2026-03-30".parse().unwrap());
    item.decision = "Done".into();
    tracker::update(&mut c.vault, stamp(9), item).unwrap();
    assert!(kinds(&c, &audit(c.it_lead, &[], &["5.15"])).is_empty());
    assert_eq!(
        kinds(&c, &audit(c.it_lead, &["6.1"], &[])),
        [("risk".to_owned(), "R-001".to_owned())],
        "6.1 covers risk assessment"
    );
}

#[test]
fn audits_are_planned_numbered_and_keep_their_findings() {
    let s = Scratch::new();
    let mut c = company(&s);
    let planned = audits::create(
        &mut c.vault,
        stamp(10),
        audit(c.it_lead, &["8.1"], &["8.13"]),
    )
    .unwrap();
    assert_eq!(
        planned.reference, "IA-001",
        "saved despite its conflicts, which stay visible"
    );
    let finding = TrackerItem::new(
        ItemKind::MinorNc,
        "Restore never tested",
        ItemSource::Other,
        "2026-04-15".parse().unwrap(),
    );
    let raised = audits::raise_finding(&mut c.vault, stamp(11), planned.id, finding).unwrap();
    assert_eq!(
        (raised.source, raised.source_ref.as_str()),
        (ItemSource::InternalAudit, "IA-001")
    );
    assert_eq!(
        audits::findings(c.vault.reader(), "IA-001").unwrap().len(),
        1
    );
    assert_eq!(
        audits::delete(&mut c.vault, stamp(12), planned.id)
            .unwrap_err()
            .code,
        ErrorCode::Referenced
    );
    let mut done = planned.clone();
    done.status = AuditStatus::Completed;
    assert_eq!(
        audits::update(&mut c.vault, stamp(13), done.clone())
            .unwrap_err()
            .fields[0]
            .field,
        "completed_on"
    );
    done.completed_on = Some("2026-04-15".parse().unwrap());
    done.summary = "Backups are taken but never restored.".into();
    audits::update(&mut c.vault, stamp(14), done).unwrap();
    let bad = Audit {
        planned_month: "April".into(),
        ..Audit::planned("x", "")
    };
    assert_eq!(
        audits::create(&mut c.vault, stamp(15), bad)
            .unwrap_err()
            .fields[0]
            .field,
        "planned_month"
    );
    let both = Audit {
        external_auditor: "Someone".into(),
        ..audit(c.auditor, &[], &[])
    };
    assert_eq!(
        audits::create(&mut c.vault, stamp(16), both)
            .unwrap_err()
            .fields[0]
            .field,
        "external_auditor"
    );
}

#[test]
fn an_import_plans_audits_inside_its_own_write_keeping_their_references_with_history() {
    let s = Scratch::new();
    let mut c = company(&s);
    let kept = Audit {
        reference: "ia-042".into(),
        ..audit(c.auditor, &["9.2"], &[])
    };
    let (first, second) = c
        .vault
        .write(stamp(20), |tx| {
            let first = audits::create_in(tx, kept.clone())?;
            let second = audits::create_in(tx, audit(c.auditor, &[], &["5.15"]))?;
            Ok((first, second))
        })
        .unwrap();
    assert_eq!(
        first.reference, "IA-042",
        "the sheet's reference, as the vault writes them"
    );
    assert_eq!(second.reference, "IA-043", "without one, the next number");
    let taken = c
        .vault
        .write(stamp(21), |tx| audits::create_in(tx, kept.clone()))
        .unwrap_err();
    assert_eq!(taken.code, ErrorCode::AlreadyExists);
    let outsider = Audit {
        external_auditor: "Jo Bloggs".into(),
        auditor_id: None,
        reference: "IA-999".into(),
        ..first.clone()
    };
    let saved = c
        .vault
        .write(stamp(22), |tx| audits::update_in(tx, outsider))
        .unwrap();
    assert_eq!(
        (saved.reference.as_str(), saved.external_auditor.as_str()),
        ("IA-042", "Jo Bloggs"),
        "an update never changes the reference"
    );
    let trail = isms_core::history::list(c.vault.reader(), Some("audits"), 10).unwrap();
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["update", "create", "create"], "newest first");
}
