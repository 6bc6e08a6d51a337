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

#[test]
fn a_link_planted_at_the_old_partial_name_is_never_written_through() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new();
    let vault = s.vault("acme.isms");
    let victim = s.path("victim.txt");
    std::fs::write(&victim, b"the victim's file").unwrap();
    let out = s.path("copy.isms");
    // Where the backup used to be staged, a predictable name another user could plant.
    std::os::unix::fs::symlink(&victim, s.path("copy.isms.partial")).unwrap();
    std::os::unix::fs::symlink(&victim, s.path(".copy.isms.partial")).unwrap();
    vault.backup_to(&out).expect("backup");
    assert_eq!(
        std::fs::read(&victim).unwrap(),
        b"the victim's file",
        "the link's target is untouched"
    );
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "a backup is its owner's only");
    let left: Vec<String> = std::fs::read_dir(s.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial") && !n.contains("copy.isms.partial"))
        .collect();
    assert!(left.is_empty(), "no temporary file left: {left:?}");
}
