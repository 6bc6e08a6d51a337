//! The owner's first day: create the vault, record the organisation and the certification
//! path, take a backup, change the passphrase, and move everything to a new vault by snapshot.

use chrono::{TimeZone, Utc};
use isms_core::db::Action;
use isms_core::organisation::{self, FindingPolicy, Organisation};
use isms_core::{ErrorCode, Passphrase, Stamp, Vault, history, snapshot};

const FIRST: &str = "owner's first passphrase";
const SECOND: &str = "owner's second passphrase";

fn at(day: u32, hour: u32) -> Stamp {
    Stamp::new(
        Utc.with_ymd_and_hms(2026, 1, day, hour, 0, 0)
            .single()
            .unwrap(),
        "owner",
    )
}

#[test]
fn first_day_with_a_new_vault() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Nordlys Analytics.isms");
    let backups = dir.path().join("backups");

    let mut vault = Vault::create(&path, Passphrase::new(FIRST.into()), at(5, 9), |tx| {
        organisation::create(
            tx,
            Organisation::named("Nordlys Analytics AS"),
            Action::Create,
        )
        .map(|_| ())
    })
    .unwrap();

    let org = Organisation {
        name: "Nordlys Analytics AS".into(),
        scope: "Design, development and operation of the Nordlys analytics platform, from the \
                Tromsø office and the company's cloud tenancy."
            .into(),
        isms_start: Some("2026-01-05".parse().unwrap()),
        stage1_date: Some("2026-03-16".parse().unwrap()),
        stage2_target: Some("2026-06-22".parse().unwrap()),
        certification_body: "Nemko".into(),
        finding_policy: FindingPolicy::NoMajorNc,
        audit_months: 3,
    };
    organisation::update(&mut vault, at(5, 10), org.clone()).unwrap();

    let copy = dir.path().join("before-rekey.isms");
    vault.backup_to(&copy).unwrap();
    vault
        .change_passphrase(
            &Passphrase::new(FIRST.into()),
            Passphrase::new(SECOND.into()),
            &backups,
            &at(5, 11),
        )
        .unwrap();
    let exported = snapshot::to_json(&snapshot::export(&vault).unwrap()).unwrap();
    vault.close().unwrap();

    // The manual backup keeps the passphrase it was taken with.
    let old = Vault::open(&copy, Passphrase::new(FIRST.into()), &backups, &at(5, 12)).unwrap();
    assert_eq!(organisation::get(old.reader()).unwrap(), org);
    drop(old);

    // The vault itself now opens only with the new passphrase, with every edit in place.
    let err = Vault::open(&path, Passphrase::new(FIRST.into()), &backups, &at(6, 9))
        .err()
        .unwrap();
    assert_eq!(err.code, ErrorCode::WrongPassphraseOrDamaged);
    let vault = Vault::open(&path, Passphrase::new(SECOND.into()), &backups, &at(6, 9)).unwrap();
    assert_eq!(organisation::get(vault.reader()).unwrap(), org);
    let trail = history::list(vault.reader(), Some("organisation"), 10).unwrap();
    let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        ["update", "create"],
        "history tells the day's story, newest first"
    );

    // A new laptop: the snapshot moves the whole vault.
    let moved = dir.path().join("moved.isms");
    let mut target = Vault::create(&moved, Passphrase::new(SECOND.into()), at(7, 9), |tx| {
        organisation::create(tx, Organisation::named("Temporary"), Action::Create).map(|_| ())
    })
    .unwrap();
    snapshot::import(&mut target, at(7, 9), snapshot::parse(&exported).unwrap()).unwrap();
    assert_eq!(
        snapshot::to_json(&snapshot::export(&target).unwrap()).unwrap(),
        exported
    );
}
