//! Changing the passphrase: the old one stops working, the new one works, nothing is lost.

use isms_core::{ErrorCode, Passphrase, organisation};

use crate::support::{PASS, Scratch, stamp};

const NEW: &str = "a much better passphrase, 2026";

#[test]
fn change_passphrase_swaps_old_for_new() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    vault
        .change_passphrase(
            &Passphrase::new(PASS.into()),
            Passphrase::new(NEW.into()),
            &s.backups(),
            &stamp(1),
        )
        .expect("change passphrase");
    assert_eq!(
        organisation::get(vault.reader()).unwrap().name,
        "Ørsted & Wąs Ltd",
        "still usable"
    );
    vault.close().unwrap();
    assert_eq!(
        s.reopen("acme.isms", PASS).err().unwrap().code,
        ErrorCode::WrongPassphraseOrDamaged
    );
    let vault = s
        .reopen("acme.isms", NEW)
        .expect("the new passphrase opens it");
    assert_eq!(
        organisation::get(vault.reader()).unwrap().name,
        "Ørsted & Wąs Ltd"
    );
    assert!(
        !s.path("acme.isms.rekey").exists(),
        "no staging file is left behind"
    );
    let backups = isms_core::db::list_auto_backups(&s.backups(), &s.path("acme.isms"));
    assert_eq!(backups.len(), 1, "a backup was written before the change");
}

#[test]
fn change_passphrase_refuses_wrong_current_and_weak_new() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let err = vault
        .change_passphrase(
            &Passphrase::new("not the passphrase".into()),
            Passphrase::new(NEW.into()),
            &s.backups(),
            &stamp(1),
        )
        .unwrap_err();
    assert_eq!(
        (err.code, err.fields[0].field.as_str()),
        (ErrorCode::Validation, "current")
    );
    let err = vault
        .change_passphrase(
            &Passphrase::new(PASS.into()),
            Passphrase::new("short".into()),
            &s.backups(),
            &stamp(1),
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::WeakPassphrase);
    vault.close().unwrap();
    assert!(
        s.reopen("acme.isms", PASS).is_ok(),
        "the old passphrase still works after refusals"
    );
}
