//! Management reviews (9.3): inputs from the reference list, proposed summaries drawn from the
//! vault, and actions that become tracker items.

use isms_core::people::{self, Person};
use isms_core::reviews::{self, Review, proposed_summaries};
use isms_core::tracker::{self, ItemKind, ItemSource, ItemStatus, TrackerItem};

use crate::support::{Scratch, stamp};

#[test]
fn a_review_covers_the_inputs_and_its_actions_reach_the_tracker() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let ceo = people::create(
        &mut vault,
        stamp(0),
        Person {
            top_management: true,
            ..Person::new("CEO", "ceo@acme.example")
        },
    )
    .unwrap();
    let mut nc = TrackerItem::new(
        ItemKind::MinorNc,
        "Backups untested",
        ItemSource::InternalAudit,
        "2026-04-01".parse().unwrap(),
    );
    nc.due_on = Some("2026-04-30".parse().unwrap());
    tracker::create(&mut vault, stamp(1), nc).unwrap();
    let proposed = proposed_summaries(vault.reader(), "2026-05-10".parse().unwrap()).unwrap();
    assert_eq!(
        proposed["9.3.2 d) 1)"],
        "1 nonconformity in all: 1 open (1 overdue), 0 closed."
    );
    assert_eq!(
        proposed["9.3.2 a)"],
        "0 actions from earlier reviews still open."
    );

    let mut review = Review::held("2026-05-12".parse().unwrap());
    review.attendee_ids = vec![ceo.id];
    review.inputs = proposed;
    let missing = review.missing_inputs();
    assert!(
        missing.contains(&"9.3.2 e)")
            && missing.contains(&"9.3.2 g)")
            && !missing.contains(&"9.3.2 a)"),
        "{missing:?}"
    );
    review.inputs.insert("9.9.9".into(), "Not an input".into());
    assert_eq!(
        reviews::create(&mut vault, stamp(2), review.clone())
            .unwrap_err()
            .fields[0]
            .field,
        "inputs"
    );
    review.inputs.remove("9.9.9");
    let saved = reviews::create(&mut vault, stamp(3), review).unwrap();
    assert_eq!(saved.reference, "MR-001");
    let action = TrackerItem::new(
        ItemKind::Action,
        "Budget a restore test",
        ItemSource::Other,
        "2026-05-12".parse().unwrap(),
    );
    let raised = reviews::raise_action(&mut vault, stamp(4), saved.id, action).unwrap();
    assert_eq!(
        (raised.source, raised.source_ref.as_str(), raised.status),
        (ItemSource::ManagementReview, "MR-001", ItemStatus::Open)
    );
    let later = proposed_summaries(vault.reader(), "2026-06-01".parse().unwrap()).unwrap();
    assert_eq!(
        later["9.3.2 a)"],
        "1 action from earlier reviews still open."
    );
    let err = people::delete(&mut vault, stamp(5), ceo.id).unwrap_err();
    assert!(
        err.message.contains("management review attended"),
        "{}",
        err.message
    );
}
