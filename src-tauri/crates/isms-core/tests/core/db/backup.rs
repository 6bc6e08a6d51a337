//! Backups: encrypted copies that open on their own and hold the same data.

use isms_core::{ErrorCode, Passphrase, Vault, organisation};

use crate::support::{PASS, Scratch, fingerprint, stamp};

#[test]
fn backup_opens_verifies_and_holds_the_same_data() {
    let s = Scratch::new();
    let vault = s.vault("acme.isms");
    let out = s.path("copy.isms");
    let info = vault.backup_to(&out).expect("backup");
    assert!(info.bytes > 0);
    drop(vault);
    let copy = Vault::open(&out, Passphrase::new(PASS.into()), &s.backups(), &stamp(0)).unwrap();
    assert!(copy.check().unwrap().ok);
    assert_eq!(
        organisation::get(copy.reader()).unwrap().name,
        "Ørsted & Wąs Ltd"
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(
        !bytes.starts_with(b"SQLite format 3"),
        "the backup is encrypted too"
    );
}

#[test]
fn backup_never_overwrites() {
    let s = Scratch::new();
    let vault = s.vault("acme.isms");
    let out = s.path("exists.isms");
    std::fs::write(&out, b"keep me").unwrap();
    let before = fingerprint(&out);
    assert_eq!(
        vault.backup_to(&out).unwrap_err().code,
        ErrorCode::AlreadyExists
    );
    assert_eq!(fingerprint(&out), before);
}

#[test]
fn automatic_backups_keep_the_newest_ten() {
    let s = Scratch::new();
    let vault = s.vault("acme.isms");
    for minute in 0..12 {
        isms_core::db::auto_backup(&vault, &s.backups(), stamp(minute).at, "test").unwrap();
    }
    let kept = isms_core::db::list_auto_backups(&s.backups(), &s.path("acme.isms"));
    assert_eq!(kept.len(), isms_core::db::AUTO_BACKUPS_KEPT);
    let newest = kept[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        newest.starts_with("20260302T091100Z"),
        "newest first: {newest}"
    );
    let oldest = kept
        .last()
        .unwrap()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        oldest.starts_with("20260302T090200Z"),
        "the two oldest were pruned: {oldest}"
    );
}
