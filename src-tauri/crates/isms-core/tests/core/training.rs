//! Training: courses, completions, and the awareness status derived as of a given day.

use chrono::NaiveDate;
use isms_core::training::{
    self, AwarenessStatus, Completion, Course, CourseKind, awareness_status,
};

use crate::support::{Scratch, stamp};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn course(id: i64, kind: CourseKind, months: Option<u32>) -> Course {
    Course {
        id,
        title: format!("Course {id}"),
        kind,
        validity_months: months,
    }
}

fn done(person: i64, course: i64, on: &str) -> Completion {
    Completion {
        id: 0,
        person_id: person,
        course_id: course,
        completed_on: day(on),
        evidence_id: None,
    }
}

#[test]
fn awareness_status_as_of_a_day() {
    let courses = [
        course(1, CourseKind::Awareness, Some(12)),
        course(2, CourseKind::Other, None),
    ];
    let completions = [done(7, 1, "2025-06-15"), done(8, 2, "2026-01-10")];
    assert_eq!(
        awareness_status(7, &courses, &completions, day("2026-01-01")),
        AwarenessStatus::Current
    );
    assert_eq!(
        awareness_status(7, &courses, &completions, day("2026-05-20")),
        AwarenessStatus::Expiring,
        "26 days left"
    );
    assert_eq!(
        awareness_status(7, &courses, &completions, day("2026-06-15")),
        AwarenessStatus::Expired,
        "a year to the day"
    );
    assert_eq!(
        awareness_status(8, &courses, &completions, day("2026-02-01")),
        AwarenessStatus::Never,
        "other courses do not count"
    );
    assert_eq!(
        awareness_status(7, &courses, &completions, day("2025-06-01")),
        AwarenessStatus::Never,
        "not yet done on that day"
    );
    let renewed = [done(7, 1, "2025-06-15"), done(7, 1, "2026-06-01")];
    assert_eq!(
        awareness_status(7, &courses, &renewed, day("2026-06-20")),
        AwarenessStatus::Current,
        "the latest completion counts"
    );
}

#[test]
fn courses_are_unique_and_completions_recorded_once() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let anna = isms_core::people::create(
        &mut vault,
        stamp(0),
        isms_core::people::Person::new("Anna", "anna@acme.example"),
    )
    .unwrap();
    let c = training::create_course(
        &mut vault,
        stamp(1),
        Course {
            id: 0,
            title: "Security awareness 2026".into(),
            kind: CourseKind::Awareness,
            validity_months: Some(12),
        },
    )
    .unwrap();
    let dup = Course {
        id: 0,
        title: "SECURITY AWARENESS 2026".into(),
        kind: CourseKind::Other,
        validity_months: None,
    };
    assert_eq!(
        training::create_course(&mut vault, stamp(2), dup)
            .unwrap_err()
            .fields[0]
            .field,
        "title"
    );
    training::add_completion(&mut vault, stamp(3), done(anna.id, c.id, "2026-02-02")).unwrap();
    let err = training::add_completion(&mut vault, stamp(4), done(anna.id, c.id, "2026-02-02"))
        .unwrap_err();
    assert_eq!(err.fields[0].field, "completed_on");
    assert_eq!(
        training::add_completion(&mut vault, stamp(5), done(99, c.id, "2026-02-02"))
            .unwrap_err()
            .fields[0]
            .field,
        "person_id"
    );
    assert_eq!(training::list_completions(vault.reader()).unwrap().len(), 1);
}
