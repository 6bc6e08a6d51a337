//! The write transaction: every change leaves a history row, and a change that skips history
//! is refused whole.

use isms_core::assets::{self, Asset};
use isms_core::{Domain, ErrorCode, history, organisation, risks};

use crate::support::{Scratch, stamp};

#[test]
fn every_write_leaves_a_history_row_with_before_and_after() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let mut org = organisation::get(vault.reader()).unwrap();
    org.certification_body = "BSI".into();
    organisation::update(&mut vault, stamp(5), org).unwrap();
    let entries = history::list(vault.reader(), Some("organisation"), 10).unwrap();
    assert_eq!(entries.len(), 2, "create + update");
    let update = &entries[0];
    assert_eq!(
        (update.action.as_str(), update.actor.as_str()),
        ("update", "test")
    );
    assert_eq!(
        update.at, "2026-03-02T09:05:00.000Z",
        "time comes from the stamp"
    );
    assert_eq!(update.before.as_ref().unwrap()["certification_body"], "");
    assert_eq!(update.after.as_ref().unwrap()["certification_body"], "BSI");
}

#[test]
fn an_edit_that_changes_nothing_writes_nothing() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let before = history::list(vault.reader(), None, 1000).unwrap().len();
    let org = organisation::get(vault.reader()).unwrap();
    organisation::update(&mut vault, stamp(1), org).unwrap();
    assert_eq!(
        history::list(vault.reader(), None, 1000).unwrap().len(),
        before
    );
}

#[test]
fn a_write_that_skips_history_is_rolled_back() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let err = vault
        .write(stamp(1), |tx| {
            tx.reader()
                .execute("UPDATE organisation SET name = 'Sneaky'", [])?;
            Ok(())
        })
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Internal);
    assert_eq!(
        organisation::get(vault.reader()).unwrap().name,
        "Ørsted & Wąs Ltd",
        "rolled back"
    );
}

#[test]
fn a_committed_write_reports_the_domains_of_the_tables_it_changed() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    assert_eq!(
        vault.take_changed(),
        vec![],
        "creating the vault is no change to announce"
    );
    let mut org = organisation::get(vault.reader()).unwrap();
    org.certification_body = "BSI".into();
    organisation::update(&mut vault, stamp(1), org).unwrap();
    assert_eq!(vault.take_changed(), vec![Domain::Organisation]);
    assert_eq!(vault.take_changed(), vec![], "taken once");

    // Two writes before anyone asks: both domains, each once, in order.
    risks::set_method(&mut vault, stamp(2), Default::default()).unwrap();
    assets::create(&mut vault, stamp(3), Asset::named("Laptop")).unwrap();
    assets::create(&mut vault, stamp(4), Asset::named("Server")).unwrap();
    assert_eq!(vault.take_changed(), vec![Domain::Assets, Domain::Risks]);

    // One write over several tables reports each domain.
    vault
        .write(stamp(5), |tx| {
            assets::create_in(tx, Asset::named("Phone"))?;
            risks::create_in(tx, isms_core::risks::Risk::titled("Loss"))?;
            Ok(())
        })
        .unwrap();
    assert_eq!(vault.take_changed(), vec![Domain::Assets, Domain::Risks]);
}

#[test]
fn a_write_that_fails_or_changes_nothing_reports_no_domain() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let org = organisation::get(vault.reader()).unwrap();
    organisation::update(&mut vault, stamp(1), org).unwrap();
    assert_eq!(vault.take_changed(), vec![], "nothing changed");
    vault
        .write(stamp(2), |tx| {
            assets::create_in(tx, Asset::named("Laptop"))?;
            Err::<(), _>(isms_core::CoreError::internal("stop"))
        })
        .unwrap_err();
    assert_eq!(vault.take_changed(), vec![], "rolled back");
    assert!(assets::list(vault.reader()).unwrap().is_empty());
}
