//! The ISMS tracker: references, the rules of closing, overdue as of a date, and progress notes
//! that never change once saved.

use chrono::NaiveDate;
use isms_core::demo::{self, DemoPoint, DemoScale};
use isms_core::tracker::{self, ItemKind, ItemSource, ItemStatus, TrackerItem};
use isms_core::view::View;
use isms_core::{ErrorCode, Passphrase, history};

use crate::support::{PASS, Scratch, stamp};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn nc(title: &str) -> TrackerItem {
    TrackerItem::new(
        ItemKind::MinorNc,
        title,
        ItemSource::Stage1Audit,
        day("2026-03-16"),
    )
}

#[test]
fn closing_a_nonconformity_names_everything_missing() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let item = tracker::create(
        &mut vault,
        stamp(1),
        nc("Risk method lacks acceptance criteria"),
    )
    .unwrap();
    assert_eq!(item.reference, "T-001");
    let mut closing = item.clone();
    closing.status = ItemStatus::Closed;
    closing.closed_on = Some(day("2026-04-10"));
    let err = tracker::update(&mut vault, stamp(2), closing.clone()).unwrap_err();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        ["corrective_action", "root_cause", "effectiveness_result"]
    );
    closing.root_cause = "The method was copied from a template without review".into();
    closing.corrective_action = "Method rewritten and approved by the board".into();
    closing.effectiveness_on = Some(day("2026-05-10"));
    closing.effectiveness_result = "New risks assessed with the criteria; no repeat".into();
    let closed = tracker::update(&mut vault, stamp(3), closing).unwrap();
    assert_eq!(closed.status, ItemStatus::Closed);
    assert_eq!(
        history::list(vault.reader(), Some("tracker_items"), 10)
            .unwrap()
            .len(),
        2,
        "the refused save left no trace"
    );
}

#[test]
fn status_rules_for_other_kinds_and_dates() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let mut ofi = TrackerItem::new(
        ItemKind::Ofi,
        "Automate access reviews",
        ItemSource::InternalAudit,
        day("2026-04-01"),
    );
    ofi.status = ItemStatus::Closed;
    ofi.closed_on = Some(day("2026-04-02"));
    assert_eq!(
        tracker::create(&mut vault, stamp(1), ofi.clone())
            .unwrap_err()
            .fields[0]
            .field,
        "decision"
    );
    ofi.decision = "Not now: revisit after the Stage 2 audit".into();
    tracker::create(&mut vault, stamp(2), ofi).unwrap();
    let mut early = nc("Due before raised");
    early.due_on = Some(day("2026-03-01"));
    assert_eq!(
        tracker::create(&mut vault, stamp(3), early)
            .unwrap_err()
            .fields[0]
            .field,
        "due_on"
    );
    let mut verifying = nc("Needs its action");
    verifying.status = ItemStatus::AwaitingVerification;
    let err = tracker::create(&mut vault, stamp(4), verifying).unwrap_err();
    assert_eq!(
        (err.code, err.fields[0].field.as_str()),
        (ErrorCode::Validation, "corrective_action")
    );
    let mut open_closed = nc("Open but dated closed");
    open_closed.closed_on = Some(day("2026-04-01"));
    assert_eq!(
        tracker::create(&mut vault, stamp(5), open_closed)
            .unwrap_err()
            .fields[0]
            .field,
        "closed_on"
    );
}

#[test]
fn overdue_is_derived_from_the_due_date_and_the_day_asked() {
    let mut item = nc("Patch the VPN");
    item.due_on = Some(day("2026-04-30"));
    assert!(
        !item.is_overdue(day("2026-04-30")),
        "due today is not overdue"
    );
    assert!(item.is_overdue(day("2026-05-01")));
    item.status = ItemStatus::Closed;
    assert!(
        !item.is_overdue(day("2026-06-01")),
        "a closed item is never overdue"
    );
}

#[test]
fn the_vault_lists_only_the_overdue_items_longest_overdue_first() {
    let s = Scratch::new();
    let mut vault = s.vault("overdue.isms");
    let mut add = |title: &str, due: Option<&str>, minute: i64| {
        let mut item = nc(title);
        item.due_on = due.map(day);
        tracker::create(&mut vault, stamp(minute), item).unwrap()
    };
    add("Due later", Some("2026-07-01"), 1);
    add("Late by a week", Some("2026-05-25"), 2);
    add("Late by a month", Some("2026-05-01"), 3);
    add("No due date", None, 4);
    add("Due today", Some("2026-06-01"), 5);
    let mut closed = add("Late but closed", Some("2026-04-01"), 6);
    closed.status = ItemStatus::Closed;
    closed.closed_on = Some(day("2026-04-20"));
    closed.root_cause = "No restore test was planned".into();
    closed.corrective_action = "Quarterly restore test scheduled".into();
    closed.effectiveness_on = Some(day("2026-05-20"));
    closed.effectiveness_result = "Restore test passed".into();
    tracker::update(&mut vault, stamp(7), closed).unwrap();
    let week = tracker::list(vault.reader())
        .unwrap()
        .into_iter()
        .find(|i| i.title == "Late by a week")
        .unwrap();
    tracker::add_note(
        &mut vault,
        stamp(8),
        week.id,
        day("2026-05-28"),
        "Chased the owner",
    )
    .unwrap();
    let overdue = tracker::overdue(vault.reader(), day("2026-06-01")).unwrap();
    let notes: Vec<usize> = overdue.iter().map(|i| i.notes.len()).collect();
    let titles = |items: Vec<TrackerItem>| items.into_iter().map(|i| i.title).collect::<Vec<_>>();
    assert_eq!(titles(overdue), vec!["Late by a month", "Late by a week"]);
    assert_eq!(notes, [0, 1], "each overdue item comes with its own notes");
    assert!(
        tracker::overdue(vault.reader(), day("2026-05-01"))
            .unwrap()
            .is_empty(),
        "nothing was late on the first of May"
    );
}

#[test]
fn overdue_in_sql_agrees_with_a_view_of_the_day_on_every_demo_point() {
    let s = Scratch::new();
    let made = day("2026-06-15");
    let mut late_points = 0;
    for point in DemoPoint::ALL {
        let vault = demo::create(
            &s.path(&format!("{}.isms", point.as_str())),
            Passphrase::new(PASS.into()),
            point,
            DemoScale::Small,
            made,
        )
        .unwrap();
        let mut late = false;
        for offset in (-200..=400).step_by(20) {
            let today = made + chrono::Duration::days(offset);
            let view = View::load(vault.reader(), today).unwrap();
            let mut expected: Vec<TrackerItem> = view
                .tracker
                .iter()
                .filter(|i| i.is_overdue(today))
                .cloned()
                .collect();
            expected.sort_by_key(|i| (i.due_on, i.id));
            let overdue = tracker::overdue(vault.reader(), today).unwrap();
            late |= !overdue.is_empty();
            assert_eq!(overdue, expected, "{} on {today}", point.as_str());
        }
        late_points += usize::from(late);
    }
    assert!(late_points >= 2, "items fall late in the later demo points");
}

#[test]
fn overdue_on_a_past_day_sees_the_items_as_they_stood_then() {
    let s = Scratch::new();
    let mut vault = s.vault("past.isms");
    let mut late = nc("Closed in June, late in May");
    late.due_on = Some(day("2026-04-30"));
    let late = tracker::create(&mut vault, stamp(1), late).unwrap();
    tracker::add_note(&mut vault, stamp(2), late.id, day("2026-05-05"), "Chased").unwrap();
    tracker::add_note(&mut vault, stamp(3), late.id, day("2026-06-02"), "Fixed").unwrap();
    let mut closing = tracker::get(vault.reader(), late.id).unwrap();
    closing.status = ItemStatus::Closed;
    closing.closed_on = Some(day("2026-06-03"));
    closing.root_cause = "No owner".into();
    closing.corrective_action = "Owner named".into();
    closing.effectiveness_on = Some(day("2026-06-20"));
    closing.effectiveness_result = "Held".into();
    tracker::update(&mut vault, stamp(4), closing).unwrap();
    let in_may = tracker::overdue(vault.reader(), day("2026-05-20")).unwrap();
    assert_eq!(in_may.len(), 1, "{in_may:?}");
    let item = &in_may[0];
    assert_eq!(item.id, late.id);
    assert_eq!(item.status, ItemStatus::InProgress, "closed only on 3 June");
    assert_eq!(item.closed_on, None);
    assert_eq!(item.notes.len(), 1, "the June note was not written yet");
    assert!(
        item.effectiveness_result.is_empty(),
        "reviewed only on 20 June"
    );
    assert!(
        tracker::overdue(vault.reader(), day("2026-06-03"))
            .unwrap()
            .iter()
            .all(|i| i.id != late.id),
        "closed on the day asked"
    );
}

#[test]
fn progress_notes_are_kept_in_date_order_and_never_change() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let item = tracker::create(&mut vault, stamp(1), nc("Backups untested")).unwrap();
    tracker::add_note(
        &mut vault,
        stamp(2),
        item.id,
        day("2026-04-03"),
        "Restore test booked",
    )
    .unwrap();
    let item = tracker::add_note(
        &mut vault,
        stamp(3),
        item.id,
        day("2026-03-20"),
        "Owner agreed the plan",
    )
    .unwrap();
    let notes: Vec<&str> = item.notes.iter().map(|n| n.note.as_str()).collect();
    assert_eq!(notes, ["Owner agreed the plan", "Restore test booked"]);
    let tamper = vault.write(stamp(4), |tx| {
        tx.reader()
            .execute("UPDATE tracker_notes SET note = 'rewritten'", [])?;
        Ok(())
    });
    assert!(tamper.unwrap_err().message.contains("never changes"));
    let mut edited = item.clone();
    edited.notes.clear();
    edited.title = "Backups never restored".into();
    let saved = tracker::update(&mut vault, stamp(5), edited).unwrap();
    assert_eq!(
        saved.notes.len(),
        2,
        "saving the item never drops its notes"
    );
    assert_eq!(
        tracker::add_note(&mut vault, stamp(6), item.id, day("2026-04-04"), "  ")
            .unwrap_err()
            .fields[0]
            .field,
        "note"
    );
}

#[test]
fn only_a_certification_body_finding_has_the_bodys_number() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let from_cb = TrackerItem {
        finding_number: "  NC-02 ".into(),
        ..nc("Access reviews not evidenced")
    };
    let saved = tracker::create(&mut vault, stamp(1), from_cb).unwrap();
    assert_eq!(saved.finding_number, "NC-02", "trimmed and stored");
    assert_eq!(
        tracker::get(vault.reader(), saved.id)
            .unwrap()
            .finding_number,
        "NC-02"
    );

    let internal = TrackerItem {
        finding_number: "NC-02".into(),
        source: ItemSource::InternalAudit,
        ..nc("Backups not tested")
    };
    let err = tracker::create(&mut vault, stamp(2), internal).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(
        err.fields.iter().any(|f| f.field == "finding_number"),
        "{err:?}"
    );
}

#[test]
fn notes_added_inside_a_write_the_caller_holds_are_checked_and_recorded() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let item = tracker::create(&mut vault, stamp(1), nc("Restore never tested")).unwrap();
    let saved = vault
        .write(stamp(2), |tx| {
            tracker::add_note_in(tx, item.id, day("2026-04-01"), "  Asked IT\nto test  ")?;
            tracker::add_note_in(tx, item.id, day("2026-04-02"), "Tested")
        })
        .unwrap();
    let notes: Vec<(NaiveDate, &str)> = saved
        .notes
        .iter()
        .map(|n| (n.noted_on, n.note.as_str()))
        .collect();
    assert_eq!(
        notes,
        [
            (day("2026-04-01"), "Asked IT\nto test"),
            (day("2026-04-02"), "Tested")
        ],
        "trimmed, oldest first"
    );
    let blank = vault
        .write(stamp(3), |tx| {
            tracker::add_note_in(tx, item.id, day("2026-04-03"), " ")
        })
        .unwrap_err();
    assert_eq!(blank.fields[0].field, "note");
    let missing = vault
        .write(stamp(4), |tx| {
            tracker::add_note_in(tx, 9_999, day("2026-04-03"), "x")
        })
        .unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);
    let trail = history::list(vault.reader(), Some("tracker_notes"), 10).unwrap();
    assert_eq!(trail.len(), 2, "one history row per note added");
}
