//! Each kind of agenda entry at its boundaries, and the order and ownership of the agenda.

use isms_core::agenda::{self, AgendaEntry, AgendaKind};
use isms_core::reviews::{self, Review};

use super::{D, agenda_on, company, day, of_kind};
use crate::support::{Scratch, stamp};

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
            AgendaKind::ManagementReview,
            AgendaKind::CertificationAudit
        ]
    );
}
