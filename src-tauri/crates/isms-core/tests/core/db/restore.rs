//! Restoring a damaged vault: damage is told from a wrong passphrase, the newest backup that
//! verifies is offered (newer ones that do not are skipped with a reason), and the copy is
//! written beside the damaged file, which stays byte for byte as it was.

use std::path::Path;

use isms_core::db::{self, VaultDiagnosis};
use isms_core::{ErrorCode, Passphrase, Vault, organisation};

use crate::support::{PASS, Scratch, create, fingerprint, stamp};

const PAGE: usize = 4096;

fn pass() -> Passphrase {
    Passphrase::new(PASS.into())
}

fn set_scope(vault: &mut Vault, minute: i64, scope: &str) {
    let mut org = organisation::get(vault.reader()).unwrap();
    org.scope = format!("{scope}: {}", "hosting and development ".repeat(60));
    organisation::update(vault, stamp(minute), org).unwrap();
}

fn flip(path: &Path, at: usize) {
    let mut bytes = std::fs::read(path).unwrap();
    bytes[at] ^= 0x5A;
    std::fs::write(path, bytes).unwrap();
}

/// A vault with two good backups (scope A at 09:01, scope B at 09:02), then a newer damaged
/// one (09:03) and a newer one under another passphrase (09:04); the vault's first page is
/// then damaged so that it no longer unlocks.
fn damaged_with_backups(s: &Scratch) -> std::path::PathBuf {
    let path = s.path("acme.isms");
    let mut vault = s.vault("acme.isms");
    set_scope(&mut vault, 1, "scope A");
    db::auto_backup(&vault, &s.backups(), stamp(1).at, "daily").unwrap();
    set_scope(&mut vault, 2, "scope B");
    let good = db::auto_backup(&vault, &s.backups(), stamp(2).at, "daily").unwrap();
    set_scope(&mut vault, 3, "scope C");
    let broken = db::auto_backup(&vault, &s.backups(), stamp(3).at, "daily").unwrap();
    let broken_len = std::fs::metadata(&broken.path).unwrap().len() as usize;
    flip(Path::new(&broken.path), broken_len - PAGE / 2);
    vault.close().unwrap();

    let mut other = create(&s.path("other.isms"), "Another Ltd");
    let foreign = s.path("foreign.isms");
    other
        .change_passphrase(
            &pass(),
            Passphrase::new("an older passphrase, long".into()),
            &s.path("elsewhere"),
            &stamp(0),
        )
        .unwrap();
    other.backup_to(&foreign).unwrap();
    drop(other);
    let dir = db::backup_dir_for(&s.backups(), &path);
    std::fs::rename(
        &foreign,
        dir.join("20260302T090400Z-before-passphrase-change.isms"),
    )
    .unwrap();
    assert!(Path::new(&good.path).exists());

    flip(&path, 1000);
    assert_eq!(
        s.reopen("acme.isms", PASS).err().map(|e| e.code),
        Some(ErrorCode::WrongPassphraseOrDamaged),
        "a damaged first page does not unlock"
    );
    path
}

#[test]
fn damage_is_told_from_a_wrong_passphrase() {
    let s = Scratch::new();
    let path = damaged_with_backups(&s);
    assert_eq!(
        db::diagnose(&path, &pass()).unwrap(),
        VaultDiagnosis::Damaged
    );
    assert_eq!(
        db::diagnose(&path, &Passphrase::new("not the passphrase at all".into())).unwrap(),
        VaultDiagnosis::WrongPassphrase,
        "no page verifies with another key"
    );
    let healthy = s.vault("healthy.isms");
    drop(healthy);
    assert_eq!(
        db::diagnose(&s.path("healthy.isms"), &pass()).unwrap(),
        VaultDiagnosis::Healthy
    );
}

#[test]
fn the_newest_backup_that_verifies_is_offered() {
    let s = Scratch::new();
    let path = damaged_with_backups(&s);
    let before = fingerprint(&path);
    let search = db::find_backup(&s.backups(), &path, &pass()).unwrap();
    assert_eq!(search.diagnosis, VaultDiagnosis::Damaged);
    let found = search.found.expect("a backup verifies");
    assert!(
        found.path.ends_with("20260302T090200Z-daily.isms"),
        "09:03 is damaged and 09:04 has another passphrase: {}",
        found.path
    );
    assert_eq!(found.taken_at, stamp(2).at);
    assert_eq!(found.reason, "daily");
    assert!(found.bytes >= 4 * PAGE as u64);
    assert_eq!(
        found.restore_to,
        s.path("acme restored 2026-03-02 0902.isms")
            .display()
            .to_string()
    );
    assert_eq!(search.skipped.len(), 2, "{:?}", search.skipped);
    assert!(
        search.skipped[0]
            .path
            .ends_with("090400Z-before-passphrase-change.isms")
    );
    assert!(search.skipped[0].reason.contains("passphrase"));
    assert!(search.skipped[1].path.ends_with("090300Z-daily.isms"));
    assert!(
        search
            .skipped
            .iter()
            .all(|k| k.code == ErrorCode::WrongPassphraseOrDamaged)
    );
    assert_eq!(fingerprint(&path), before, "searching reads only");
}

#[test]
fn restoring_writes_a_verified_copy_beside_and_leaves_the_damaged_file() {
    let s = Scratch::new();
    let path = damaged_with_backups(&s);
    let before = fingerprint(&path);
    let found = db::find_backup(&s.backups(), &path, &pass())
        .unwrap()
        .found
        .unwrap();
    let restored =
        db::restore_backup(&s.backups(), &path, Path::new(&found.path), &pass()).unwrap();
    assert_eq!(
        restored.path, found.restore_to,
        "written where it was offered"
    );
    assert_eq!(restored.bytes, found.bytes);
    assert_eq!(
        fingerprint(&path),
        before,
        "the damaged vault is byte for byte unchanged"
    );
    let names: Vec<String> = std::fs::read_dir(s.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("restored"))
        .collect();
    assert_eq!(
        names,
        ["acme restored 2026-03-02 0902.isms"],
        "no temporary file is left"
    );
    let copy = Vault::open(Path::new(&restored.path), pass(), &s.backups(), &stamp(9)).unwrap();
    assert!(copy.check().unwrap().ok);
    assert!(
        organisation::get(copy.reader())
            .unwrap()
            .scope
            .starts_with("scope B:"),
        "the copy holds the data of the 09:02 backup"
    );
}

#[test]
fn a_taken_name_is_numbered_and_kept() {
    let s = Scratch::new();
    let path = damaged_with_backups(&s);
    let taken = s.path("acme restored 2026-03-02 0902.isms");
    std::fs::write(&taken, b"keep me").unwrap();
    let found = db::find_backup(&s.backups(), &path, &pass())
        .unwrap()
        .found
        .unwrap();
    let expected = s.path("acme restored 2026-03-02 0902 (2).isms");
    assert_eq!(found.restore_to, expected.display().to_string());
    let restored =
        db::restore_backup(&s.backups(), &path, Path::new(&found.path), &pass()).unwrap();
    assert_eq!(restored.path, expected.display().to_string());
    assert_eq!(
        std::fs::read(&taken).unwrap(),
        b"keep me",
        "never overwritten"
    );
    let again = db::restore_backup(&s.backups(), &path, Path::new(&found.path), &pass()).unwrap();
    assert!(again.path.ends_with("0902 (3).isms"), "{}", again.path);
}

#[test]
fn a_wrong_passphrase_tries_no_backup_even_one_it_would_open() {
    let s = Scratch::new();
    let path = damaged_with_backups(&s);
    // The 09:04 backup opens with this passphrase; the damaged vault does not.
    let old = Passphrase::new("an older passphrase, long".into());
    let search = db::find_backup(&s.backups(), &path, &old).unwrap();
    assert_eq!(search.diagnosis, VaultDiagnosis::WrongPassphrase);
    assert_eq!(search.found, None);
    assert!(search.skipped.is_empty(), "{:?}", search.skipped);
}

#[test]
fn no_backups_means_nothing_found() {
    let s = Scratch::new();
    let path = s.path("lonely.isms");
    let mut vault = s.vault("lonely.isms");
    set_scope(&mut vault, 1, "scope");
    vault.close().unwrap();
    flip(&path, 1000);
    let search = db::find_backup(&s.backups(), &path, &pass()).unwrap();
    assert_eq!(search.diagnosis, VaultDiagnosis::Damaged);
    assert_eq!(search.found, None);
    assert!(search.skipped.is_empty());
    assert_eq!(
        search.backup_dir,
        db::backup_dir_for(&s.backups(), &path)
            .display()
            .to_string()
    );
}

#[test]
fn only_the_vaults_own_backups_are_restored() {
    let s = Scratch::new();
    let path = damaged_with_backups(&s);
    let stranger = s.path("stranger.isms");
    drop(s.vault("stranger.isms"));
    let err = db::restore_backup(&s.backups(), &path, &stranger, &pass()).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    let damaged = db::backup_dir_for(&s.backups(), &path).join("20260302T090300Z-daily.isms");
    let err = db::restore_backup(&s.backups(), &path, &damaged, &pass()).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::WrongPassphraseOrDamaged,
        "a damaged backup is refused"
    );
    assert!(!s.path("acme restored 2026-03-02 0903.isms").exists());
}
