//! Objectives (6.2): measure, owner, due date, status and dated progress notes.

use isms_core::objectives::{self, Objective, ObjectiveStatus, ProgressNote};
use isms_core::people::{self, Person};
use isms_core::{ErrorCode, history};

use crate::support::{Scratch, stamp};

#[test]
fn objectives_keep_their_progress_notes_in_date_order() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let owner = people::create(
        &mut vault,
        stamp(0),
        Person::new("Anna", "anna@acme.example"),
    )
    .unwrap();
    let mut o = Objective::titled("Reduce phishing clicks");
    o.measure = "Click rate below 5 % in the quarterly simulation".into();
    o.owner_id = Some(owner.id);
    o.due_date = Some("2026-09-30".parse().unwrap());
    let mut o = objectives::create(&mut vault, stamp(1), o).unwrap();
    o.status = ObjectiveStatus::InProgress;
    o.progress_notes = vec![
        ProgressNote {
            date: "2026-05-02".parse().unwrap(),
            note: "Second simulation: 7 %".into(),
        },
        ProgressNote {
            date: "2026-02-01".parse().unwrap(),
            note: "Baseline: 18 %".into(),
        },
    ];
    let saved = objectives::update(&mut vault, stamp(2), o).unwrap();
    assert_eq!(
        saved.progress_notes[0].note, "Baseline: 18 %",
        "oldest first"
    );
    assert_eq!(objectives::get(vault.reader(), saved.id).unwrap(), saved);
    assert_eq!(
        history::list(vault.reader(), Some("objectives"), 10)
            .unwrap()
            .len(),
        2
    );
    let err = people::delete(&mut vault, stamp(3), owner.id).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Referenced,
        "an objective's owner stays"
    );
}

#[test]
fn objectives_need_a_title_and_a_real_owner() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let err = objectives::create(&mut vault, stamp(1), Objective::titled(" ")).unwrap_err();
    assert_eq!(err.fields[0].field, "title");
    let o = Objective {
        owner_id: Some(99),
        ..Objective::titled("Uptime")
    };
    assert_eq!(
        objectives::create(&mut vault, stamp(1), o)
            .unwrap_err()
            .fields[0]
            .field,
        "owner_id"
    );
}
