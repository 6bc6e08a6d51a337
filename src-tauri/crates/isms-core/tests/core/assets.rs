//! The asset inventory: owners must be people of the vault.

use isms_core::ErrorCode;
use isms_core::assets::{self, Asset};
use isms_core::people::{self, Person};

use crate::support::{Scratch, stamp};

#[test]
fn assets_keep_owner_and_classification() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let owner = people::create(
        &mut vault,
        stamp(1),
        Person::new("Anna", "anna@acme.example"),
    )
    .unwrap();
    let mut crm = Asset::named("Customer database");
    crm.kind = "Database".into();
    crm.classification = "Confidential".into();
    crm.owner_id = Some(owner.id);
    let mut crm = assets::create(&mut vault, stamp(2), crm).unwrap();
    crm.classification = "Restricted".into();
    assets::update(&mut vault, stamp(3), crm.clone()).unwrap();
    assert_eq!(assets::get(vault.reader(), crm.id).unwrap(), crm);
}

#[test]
fn an_owner_who_is_not_a_person_of_the_vault_is_refused() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let mut asset = Asset::named("Laptop");
    asset.owner_id = Some(4242);
    let err = assets::create(&mut vault, stamp(1), asset).unwrap_err();
    assert_eq!(
        (err.code, err.fields[0].field.as_str()),
        (ErrorCode::Validation, "owner_id")
    );
    assert_eq!(
        assets::update(
            &mut vault,
            stamp(2),
            Asset {
                id: 77,
                ..Asset::named("Ghost")
            }
        )
        .unwrap_err()
        .code,
        ErrorCode::NotFound
    );
}
