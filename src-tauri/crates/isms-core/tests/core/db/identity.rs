//! One vault is one file, whatever name reaches it: a second hard link is refused, two
//! spellings (a symlink, a `..`, a rename while open) cannot open it twice, and a passphrase
//! change through a symlink changes the real vault and leaves the symlink a symlink.

use isms_core::{ErrorCode, Passphrase, Vault, organisation};

use crate::support::{PASS, Scratch, fingerprint, stamp};

const NEW: &str = "a much better passphrase, 2026";

fn open(path: &std::path::Path, pass: &str, s: &Scratch) -> isms_core::Result<Vault> {
    Vault::open(path, Passphrase::new(pass.into()), &s.backups(), &stamp(0))
}

#[test]
fn a_vault_with_a_second_hard_link_is_refused_under_either_name() {
    let s = Scratch::new();
    s.vault("acme.isms").close().unwrap();
    std::fs::hard_link(s.path("acme.isms"), s.path("alias.isms")).unwrap();
    let before = fingerprint(&s.path("acme.isms"));
    for name in ["acme.isms", "alias.isms"] {
        let err = s.reopen(name, PASS).err().expect("two names, refused");
        assert_eq!(err.code, ErrorCode::HardLinked, "{name}: {}", err.message);
        assert!(
            err.message.contains("2 names"),
            "the message says why: {}",
            err.message
        );
    }
    assert_eq!(fingerprint(&s.path("acme.isms")), before, "nothing written");
    assert!(
        !s.path(".alias.isms.lock").exists(),
        "the refusal comes before any lock file is made"
    );
    std::fs::remove_file(s.path("alias.isms")).unwrap();
    assert!(
        s.reopen("acme.isms", PASS).is_ok(),
        "with one name again it opens"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_and_a_dotdot_spelling_cannot_open_an_open_vault_again() {
    let s = Scratch::new();
    std::fs::create_dir(s.path("sub")).unwrap();
    let first = s.vault("acme.isms");
    std::os::unix::fs::symlink(s.path("acme.isms"), s.path("link.isms")).unwrap();
    for spelling in [
        s.path("link.isms"),
        s.path("sub/../acme.isms"),
        s.path("./acme.isms"),
    ] {
        let err = open(&spelling, PASS, &s)
            .err()
            .expect("one vault, one opener");
        assert_eq!(
            err.code,
            ErrorCode::InUse,
            "{}: {}",
            spelling.display(),
            err.message
        );
    }
    assert!(
        !s.path(".link.isms.lock").exists(),
        "the lock is named after the real file, not the symlink"
    );
    drop(first);
    let through_link = open(&s.path("link.isms"), PASS, &s).expect("opens through the symlink");
    assert_eq!(
        through_link.path(),
        std::fs::canonicalize(s.path("acme.isms")).unwrap(),
        "the vault is known by its real path"
    );
    let err = s.reopen("acme.isms", PASS).err().unwrap();
    assert_eq!(
        err.code,
        ErrorCode::InUse,
        "and the real name is then refused"
    );
}

/// The sidecar is named after the path; the file itself is locked too, so a vault renamed
/// while it is open is still recognised (Linux, where `flock` and SQLite's locks are apart).
#[cfg(target_os = "linux")]
#[test]
fn a_vault_renamed_while_open_is_still_in_use() {
    let s = Scratch::new();
    let first = s.vault("acme.isms");
    std::fs::rename(s.path("acme.isms"), s.path("moved.isms")).unwrap();
    let err = s
        .reopen("moved.isms", PASS)
        .err()
        .expect("same file, new name");
    assert_eq!(err.code, ErrorCode::InUse, "{}", err.message);
    assert!(
        !s.path(".moved.isms.lock").exists(),
        "the refused open removed the lock file it had made"
    );
    drop(first);
}

#[cfg(unix)]
#[test]
fn changing_the_passphrase_through_a_symlink_rekeys_the_real_vault() {
    let s = Scratch::new();
    std::fs::create_dir(s.path("real")).unwrap();
    s.vault("real/acme.isms").close().unwrap();
    let link = s.path("acme.isms");
    std::os::unix::fs::symlink(s.path("real/acme.isms"), &link).unwrap();
    let mut vault = open(&link, PASS, &s).unwrap();
    vault
        .change_passphrase(
            &Passphrase::new(PASS.into()),
            Passphrase::new(NEW.into()),
            &s.backups(),
            &stamp(1),
        )
        .unwrap();
    vault.close().unwrap();
    assert!(
        std::fs::symlink_metadata(&link).unwrap().is_symlink(),
        "the symlink is still a symlink"
    );
    assert_eq!(
        s.reopen("real/acme.isms", PASS).err().unwrap().code,
        ErrorCode::WrongPassphraseOrDamaged,
        "the old passphrase no longer opens the real vault"
    );
    let real = s.reopen("real/acme.isms", NEW).expect("the new one does");
    assert_eq!(
        organisation::get(real.reader()).unwrap().name,
        "Ørsted & Wąs Ltd"
    );
    let left: Vec<String> = std::fs::read_dir(s.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "acme.isms" && n != "real" && n != "backups")
        .collect();
    assert!(left.is_empty(), "nothing made beside the symlink: {left:?}");
}

#[test]
fn what_a_killed_passphrase_change_left_is_cleaned() {
    let s = Scratch::new();
    s.vault("acme.isms").close().unwrap();
    // A change killed while its copy was written leaves `.rekey.partial`; one killed before
    // the rename, `.rekey`. Each is a full copy of the vault.
    for leftover in ["acme.isms.rekey", "acme.isms.rekey.partial"] {
        std::fs::copy(s.path("acme.isms"), s.path(leftover)).unwrap();
    }
    let mut vault = s.reopen("acme.isms", PASS).unwrap();
    for leftover in ["acme.isms.rekey", "acme.isms.rekey.partial"] {
        assert!(!s.path(leftover).exists(), "{leftover} removed on open");
    }
    std::fs::write(s.path("acme.isms.rekey.partial"), b"half a copy").unwrap();
    vault
        .change_passphrase(
            &Passphrase::new(PASS.into()),
            Passphrase::new(NEW.into()),
            &s.backups(),
            &stamp(1),
        )
        .unwrap();
    vault.close().unwrap();
    for leftover in ["acme.isms.rekey", "acme.isms.rekey.partial"] {
        assert!(!s.path(leftover).exists(), "{leftover} gone after a change");
    }
    assert!(s.reopen("acme.isms", NEW).is_ok());
}
