//! The agenda as of a day, on a real vault: one company with something due of every kind, at
//! the boundaries the domain names (due on D is on the agenda and not overdue; due the day
//! before is overdue by one; the window includes its last day and not the one after; done,
//! closed and completed records leave it); and the agenda as an iCalendar file.

mod ics;
mod kinds;
mod measures;
mod registers;
mod stages;

use chrono::NaiveDate;
use isms_core::agenda::{self, AgendaEntry, AgendaKind};
use isms_core::audits::{self, Audit, AuditStatus};
use isms_core::documents::{self, DocKind, Document};
use isms_core::organisation;
use isms_core::people::{self, Person};
use isms_core::risks::{self, ActionStatus, Risk, RiskAction, RiskMethod};
use isms_core::tracker::{self, ItemKind, ItemSource, ItemStatus, TrackerItem};
use isms_core::training::{self, Completion, Course, CourseKind};
use isms_core::view::View;

use crate::support::{Scratch, stamp};

/// The day the agenda is taken.
pub const D: &str = "2026-06-20";

pub fn day(s: &str) -> NaiveDate {
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
pub fn company(s: &Scratch) -> (isms_core::Vault, i64, i64) {
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

pub fn agenda_on(v: &isms_core::Vault, on: &str, days: u32) -> Vec<AgendaEntry> {
    agenda::of(&View::load(v.reader(), day(on)).unwrap(), days)
}

pub fn of_kind(entries: &[AgendaEntry], kind: AgendaKind) -> Vec<(String, Option<u32>)> {
    entries
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| (e.due.to_string(), e.overdue_days))
        .collect()
}
