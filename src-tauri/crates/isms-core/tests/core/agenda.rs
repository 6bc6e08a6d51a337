//! The agenda as of a day, on a real vault: one company with something due of every kind, at
//! the boundaries the domain names (due on D is on the agenda and not overdue; due the day
//! before is overdue by one; the window includes its last day and not the one after; done,
//! closed and completed records leave it).

use chrono::NaiveDate;
use isms_core::agenda::{self, AgendaEntry, AgendaKind};
use isms_core::audits::{self, Audit, AuditStatus};
use isms_core::documents::{self, DocKind, Document};
use isms_core::organisation;
use isms_core::people::{self, Person};
use isms_core::reviews::{self, Review};
use isms_core::risks::{self, ActionStatus, Risk, RiskAction, RiskMethod};
use isms_core::tracker::{self, ItemKind, ItemSource, ItemStatus, TrackerItem};
use isms_core::training::{self, Completion, Course, CourseKind};
use isms_core::view::View;

use crate::support::{Scratch, stamp};

/// The day the agenda is taken.
const D: &str = "2026-06-20";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn action(title: &str, due: &str, status: ActionStatus, done: Option<&str>) -> RiskAction {
    RiskAction {
        id: 0,
        title: title.into(),
        owner_id: None,
        due_date: Some(day(due)),
        status,
        done_date: done.map(day),
        controls: Vec::new(),
    }
}

/// A company with an entry of each kind around [`D`]; returns the vault and the two people.
fn company(s: &Scratch) -> (isms_core::Vault, i64, i64) {
    let mut v = s.vault("agenda.isms");
    let mut org = organisation::get(v.reader()).unwrap();
    org.stage2_target = Some(day("2026-07-10"));
    organisation::update(&mut v, stamp(1), org).unwrap();
    let owner = people::create(
        &mut v,
        stamp(2),
        Person {
            isms_owner: true,
            ..Person::new("Olu Ade", "owner@acme.example")
        },
    )
    .unwrap();
    let dev = people::create(
        &mut v,
        stamp(2),
        Person::new("Dara Lin", "dev@acme.example"),
    )
    .unwrap();
    let leaver = people::create(
        &mut v,
        stamp(2),
        Person {
            end_date: Some(day("2026-06-01")),
            ..Person::new("Lee Gone", "gone@acme.example")
        },
    )
    .unwrap();

    risks::set_method(&mut v, stamp(3), RiskMethod::default()).unwrap();
    let mut risk = Risk::titled("Laptop stolen");
    risk.owner_id = Some(dev.id);
    risk.actions = vec![
        action("Due on the day", D, ActionStatus::InProgress, None),
        action(
            "Due the day before",
            "2026-06-19",
            ActionStatus::Planned,
            None,
        ),
        action(
            "Due at the window's end",
            "2026-07-20",
            ActionStatus::Planned,
            None,
        ),
        action(
            "Due after the window",
            "2026-07-21",
            ActionStatus::Planned,
            None,
        ),
        action(
            "Done late",
            "2026-06-01",
            ActionStatus::Done,
            Some("2026-06-10"),
        ),
        action(
            "Done after the day",
            "2026-06-15",
            ActionStatus::Done,
            Some("2026-06-25"),
        ),
    ];
    risk.actions[0].owner_id = Some(owner.id);
    risks::create(&mut v, stamp(3), risk).unwrap();

    let item = |title: &str, due: &str| TrackerItem {
        owner_id: Some(dev.id),
        due_on: Some(day(due)),
        ..TrackerItem::new(
            ItemKind::Action,
            title,
            ItemSource::Other,
            day("2026-05-01"),
        )
    };
    tracker::create(
        &mut v,
        stamp(4),
        item("Open, due in ten days", "2026-06-30"),
    )
    .unwrap();
    tracker::create(
        &mut v,
        stamp(4),
        TrackerItem {
            status: ItemStatus::Closed,
            closed_on: Some(day("2026-06-05")),
            ..item("Closed, was due before", "2026-06-10")
        },
    )
    .unwrap();

    documents::create(
        &mut v,
        stamp(5),
        Document {
            owner_id: Some(owner.id),
            review_months: Some(12),
            next_review: Some(day("2026-06-19")),
            ..Document::new("POL-01", "Information security policy", DocKind::Policy)
        },
    )
    .unwrap();
    documents::create(
        &mut v,
        stamp(5),
        Document {
            next_review: Some(day("2027-01-01")),
            ..Document::new("PRC-01", "Change procedure", DocKind::Procedure)
        },
    )
    .unwrap();

    let course = training::create_course(
        &mut v,
        stamp(6),
        Course {
            id: 0,
            title: "Security awareness".into(),
            kind: CourseKind::Awareness,
            validity_months: Some(12),
        },
    )
    .unwrap();
    for (person, on) in [
        (dev.id, "2025-06-20"),
        (owner.id, "2025-05-01"),
        (owner.id, "2026-01-10"),
        (leaver.id, "2025-06-01"),
    ] {
        training::add_completion(
            &mut v,
            stamp(6),
            Completion {
                id: 0,
                person_id: person,
                course_id: course.id,
                completed_on: day(on),
                evidence_id: None,
            },
        )
        .unwrap();
    }

    let planned = |title: &str, month: &str| Audit {
        auditor_id: Some(dev.id),
        ..Audit::planned(title, month)
    };
    audits::create(&mut v, stamp(7), planned("Audit of May", "2026-05")).unwrap();
    audits::create(&mut v, stamp(7), planned("Audit of June", "2026-06")).unwrap();
    audits::create(&mut v, stamp(7), planned("Audit of August", "2026-08")).unwrap();
    let april = audits::create(&mut v, stamp(7), planned("Audit of April", "2026-04")).unwrap();
    audits::update(
        &mut v,
        stamp(7),
        Audit {
            status: AuditStatus::Completed,
            completed_on: Some(day("2026-04-20")),
            ..april
        },
    )
    .unwrap();
    (v, owner.id, dev.id)
}

fn agenda_on(v: &isms_core::Vault, on: &str, days: u32) -> Vec<AgendaEntry> {
    agenda::of(&View::load(v.reader(), day(on)).unwrap(), days)
}

fn of_kind(entries: &[AgendaEntry], kind: AgendaKind) -> Vec<(String, Option<u32>)> {
    entries
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| (e.due.to_string(), e.overdue_days))
        .collect()
}

#[test]
fn treatment_actions_due_on_the_day_are_not_overdue_and_the_window_includes_its_end() {
    let s = Scratch::new();
    let (v, owner, dev) = company(&s);
    let entries = agenda_on(&v, D, 30);
    let actions: Vec<&AgendaEntry> = entries
        .iter()
        .filter(|e| e.kind == AgendaKind::TreatmentAction)
        .collect();
    let seen: Vec<(&str, Option<u32>)> = actions
        .iter()
        .map(|e| (e.what.as_str(), e.overdue_days))
        .collect();
    assert_eq!(
        seen,
        [
            (
                "Finish the treatment action “Done after the day” of R-001",
                Some(5)
            ),
            (
                "Finish the treatment action “Due the day before” of R-001",
                Some(1)
            ),
            (
                "Finish the treatment action “Due on the day” of R-001",
                None
            ),
            (
                "Finish the treatment action “Due at the window's end” of R-001",
                None
            ),
        ]
        .iter()
        .map(|(w, o)| (*w, *o))
        .collect::<Vec<_>>()
    );
    assert!(
        actions
            .iter()
            .all(|e| e.rule.as_deref() == Some("S2-TREATMENT"))
    );
    assert!(actions.iter().all(|e| e.record.reference == "R-001"));
    // The action's own owner first, else the risk's.
    let due_today = actions.iter().find(|e| e.due == day(D)).unwrap();
    assert_eq!(due_today.owner_id, Some(owner));
    assert!(
        actions
            .iter()
            .filter(|e| e.due != day(D))
            .all(|e| e.owner_id == Some(dev))
    );
    // A window of 31 days takes in the next day as well.
    assert_eq!(
        of_kind(&agenda_on(&v, D, 31), AgendaKind::TreatmentAction).len(),
        5
    );
    // Once the late action is done, on its done date, it leaves.
    assert_eq!(
        of_kind(
            &agenda_on(&v, "2026-06-25", 30),
            AgendaKind::TreatmentAction
        )
        .iter()
        .filter(|(due, _)| due == "2026-06-15")
        .count(),
        0
    );
}

#[test]
fn the_agenda_is_sorted_by_due_date_and_keys_are_unique() {
    let s = Scratch::new();
    let (v, _, _) = company(&s);
    let entries = agenda_on(&v, D, 400);
    assert!(
        entries.windows(2).all(|w| w[0].due <= w[1].due),
        "{entries:#?}"
    );
    let mut keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
    keys.sort_unstable();
    let all = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), all);
}

#[test]
fn open_tracker_items_are_due_and_closed_ones_are_not() {
    let s = Scratch::new();
    let (v, _, dev) = company(&s);
    let entries = agenda_on(&v, D, 30);
    assert_eq!(
        of_kind(&entries, AgendaKind::TrackerItem),
        [("2026-06-30".to_owned(), None)]
    );
    // Ten days is enough, nine is not.
    assert_eq!(
        of_kind(&agenda_on(&v, D, 10), AgendaKind::TrackerItem).len(),
        1
    );
    assert!(of_kind(&agenda_on(&v, D, 9), AgendaKind::TrackerItem).is_empty());
    // Before the closed item was closed, it was due at the window's end.
    let before = agenda_on(&v, "2026-06-04", 6);
    let closed: Vec<_> = before
        .iter()
        .filter(|e| e.kind == AgendaKind::TrackerItem)
        .map(|e| (e.record.reference.as_str(), e.owner_id, e.overdue_days))
        .collect();
    assert_eq!(closed, [("T-002", Some(dev), None)]);
    assert!(of_kind(&agenda_on(&v, "2026-06-04", 5), AgendaKind::TrackerItem).is_empty());
    // Closed on 2026-06-05: not overdue on its due date, nor after.
    assert!(of_kind(&agenda_on(&v, "2026-06-11", 0), AgendaKind::TrackerItem).is_empty());
}

#[test]
fn document_reviews_come_from_the_next_review_date() {
    let s = Scratch::new();
    let (v, owner, _) = company(&s);
    let entries = agenda_on(&v, D, 30);
    let docs: Vec<_> = entries
        .iter()
        .filter(|e| e.kind == AgendaKind::DocumentReview)
        .map(|e| (e.record.reference.as_str(), e.owner_id, e.overdue_days))
        .collect();
    assert_eq!(docs, [("POL-01", Some(owner), Some(1))]);
    let later = agenda_on(&v, "2026-12-31", 1);
    assert_eq!(
        of_kind(&later, AgendaKind::DocumentReview),
        [
            ("2026-06-19".to_owned(), Some(195)),
            ("2027-01-01".to_owned(), None)
        ]
    );
}

#[test]
fn training_is_renewed_a_validity_after_the_last_completion_by_active_people() {
    let s = Scratch::new();
    let (v, owner, dev) = company(&s);
    let entries = agenda_on(&v, D, 30);
    let renewals: Vec<_> = entries
        .iter()
        .filter(|e| e.kind == AgendaKind::TrainingRenewal)
        .map(|e| {
            (
                e.owner_id,
                e.due.to_string(),
                e.overdue_days,
                e.rule.as_deref(),
            )
        })
        .collect();
    // Dara completed on 2025-06-20: it still counts on D (the window of 12 months includes
    // its first day), so the renewal is due on D, not overdue. Olu's last completion decides;
    // the leaver is left out.
    assert_eq!(
        renewals,
        [(
            Some(dev),
            "2026-06-20".to_owned(),
            None,
            Some("S2-TRAINING")
        )]
    );
    let next_year = agenda_on(&v, "2026-12-01", 60);
    let owners: Vec<_> = next_year
        .iter()
        .filter(|e| e.kind == AgendaKind::TrainingRenewal)
        .map(|e| (e.owner_id, e.due.to_string(), e.overdue_days))
        .collect();
    assert_eq!(
        owners,
        [
            (Some(dev), "2026-06-20".to_owned(), Some(164)),
            (Some(owner), "2027-01-10".to_owned(), None)
        ]
    );
}

#[test]
fn audits_not_completed_are_due_at_the_end_of_their_planned_month() {
    let s = Scratch::new();
    let (v, _, dev) = company(&s);
    let entries = agenda_on(&v, D, 30);
    let audits: Vec<_> = entries
        .iter()
        .filter(|e| e.kind == AgendaKind::Audit)
        .map(|e| {
            (
                e.record.reference.as_str(),
                e.due.to_string(),
                e.overdue_days,
                e.owner_id,
            )
        })
        .collect();
    assert_eq!(
        audits,
        [
            ("IA-001", "2026-05-31".to_owned(), Some(20), Some(dev)),
            ("IA-002", "2026-06-30".to_owned(), None, Some(dev)),
        ]
    );
    // May's audit is overdue by one on the first of June; April's is due until it is completed.
    let june = agenda_on(&v, "2026-06-01", 0);
    assert_eq!(
        of_kind(&june, AgendaKind::Audit),
        [("2026-05-31".to_owned(), Some(1))]
    );
    let april = agenda_on(&v, "2026-04-19", 11);
    assert_eq!(
        of_kind(&april, AgendaKind::Audit),
        [("2026-04-30".to_owned(), None)]
    );
    assert!(of_kind(&agenda_on(&v, "2026-04-20", 11), AgendaKind::Audit).is_empty());
    // August's audit comes in when the window reaches August's last day.
    assert_eq!(of_kind(&agenda_on(&v, D, 72), AgendaKind::Audit).len(), 3);
    assert_eq!(of_kind(&agenda_on(&v, D, 71), AgendaKind::Audit).len(), 2);
}

#[test]
fn the_management_review_is_due_before_stage_2_then_a_year_after_the_last() {
    let s = Scratch::new();
    let (mut v, owner, _) = company(&s);
    let entries = agenda_on(&v, D, 30);
    let review: Vec<_> = entries
        .iter()
        .filter(|e| e.kind == AgendaKind::ManagementReview)
        .map(|e| (e.due.to_string(), e.owner_id, e.rule.as_deref()))
        .collect();
    assert_eq!(
        review,
        [("2026-07-09".to_owned(), Some(owner), Some("S2-MGMT-REVIEW"))]
    );
    reviews::create(&mut v, stamp(9), Review::held(day("2026-06-25"))).unwrap();
    // Not held yet on D: still due before Stage 2. Held on the 25th: due a year later.
    assert_eq!(
        of_kind(&agenda_on(&v, D, 30), AgendaKind::ManagementReview),
        [("2026-07-09".to_owned(), None)]
    );
    assert!(
        of_kind(
            &agenda_on(&v, "2026-06-25", 364),
            AgendaKind::ManagementReview
        )
        .is_empty()
    );
    assert_eq!(
        of_kind(
            &agenda_on(&v, "2026-06-25", 365),
            AgendaKind::ManagementReview
        ),
        [("2027-06-25".to_owned(), None)]
    );
}

#[test]
fn an_owner_sees_only_what_they_own() {
    let s = Scratch::new();
    let (v, owner, _) = company(&s);
    let mine = agenda::owned_by(agenda_on(&v, D, 30), owner);
    let kinds: Vec<AgendaKind> = mine.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            AgendaKind::DocumentReview,
            AgendaKind::TreatmentAction,
            AgendaKind::ManagementReview
        ]
    );
}
