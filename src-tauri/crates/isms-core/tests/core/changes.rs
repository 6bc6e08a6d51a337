//! Changes to the ISMS (6.3): references, and the impact and approver an approval needs.

use isms_core::changes::{self, ChangeStatus, IsmsChange};
use isms_core::people::{self, Person};

use crate::support::{Scratch, stamp};

#[test]
fn approving_a_change_needs_its_impact_and_an_approver() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let boss = people::create(
        &mut vault,
        stamp(0),
        Person::new("Boss", "boss@acme.example"),
    )
    .unwrap();
    let change = changes::create(
        &mut vault,
        stamp(1),
        IsmsChange::proposed("Move e-mail to a new provider"),
    )
    .unwrap();
    assert_eq!(change.reference, "CH-001");
    let mut approve = change.clone();
    approve.status = ChangeStatus::Approved;
    let err = changes::update(&mut vault, stamp(2), approve.clone()).unwrap_err();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["impact", "approver_id"]);
    approve.impact = "Supplier risk reassessed (R-004); DPA signed; SoA 5.23 unchanged.".into();
    approve.approver_id = Some(boss.id);
    approve.decided_on = Some("2026-04-02".parse().unwrap());
    let approved = changes::update(&mut vault, stamp(3), approve).unwrap();
    assert_eq!(approved.status, ChangeStatus::Approved);
    let mut implemented = approved.clone();
    implemented.status = ChangeStatus::Implemented;
    assert_eq!(
        changes::update(&mut vault, stamp(4), implemented)
            .unwrap_err()
            .fields[0]
            .field,
        "implemented_on"
    );
    let err = people::delete(&mut vault, stamp(5), boss.id).unwrap_err();
    assert!(err.message.contains("change approval"), "{}", err.message);
}
