//! Errors say what happened: a full disk, a read-only file, folder or medium. A vault that
//! cannot be written opens read-only and leaves nothing behind; a full disk is an I/O error,
//! not "wrong passphrase or damaged"; only SQLite's "not a database" still says that.
//!
//! Root ignores file modes, so as root a read-only folder is made as a read-only tmpfs mount
//! and a full disk as a tiny tmpfs; without root (or without the right to mount) those tests
//! print why they are skipped. Without root, modes are used instead.

use std::path::{Path, PathBuf};
use std::process::Command;

use isms_core::{CoreError, ErrorCode, Passphrase, Vault, organisation};

use crate::support::{PASS, Scratch, fingerprint, stamp};

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A tmpfs mounted for one test, unmounted when dropped.
struct Mount {
    dir: PathBuf,
}

impl Mount {
    /// `None` (with the reason printed) when this process may not mount.
    fn tmpfs(dir: &Path, bytes: u64) -> Option<Mount> {
        std::fs::create_dir_all(dir).unwrap();
        let size = format!("size={bytes}");
        let ok = is_root()
            && Command::new("mount")
                .args(["-t", "tmpfs", "-o", &size, "tmpfs"])
                .arg(dir)
                .status()
                .is_ok_and(|s| s.success());
        ok.then(|| Mount {
            dir: dir.to_owned(),
        })
    }

    fn remount_read_only(&self) {
        let ok = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.dir)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "remount {} read-only", self.dir.display());
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
    }
}

fn skipped(test: &str, why: &str) {
    eprintln!("SKIPPED {test}: {why}");
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn open(path: &Path, s: &Scratch) -> isms_core::Result<Vault> {
    Vault::open(path, Passphrase::new(PASS.into()), &s.backups(), &stamp(0))
}

/// What a read-only vault must do: read, refuse writes with `ReadOnly`, create no file.
fn assert_read_only(vault: &mut Vault, dir: &Path, before: &[String]) {
    assert!(vault.read_only(), "opened read-only");
    assert_eq!(
        organisation::get(vault.reader()).unwrap().name,
        "Ørsted & Wąs Ltd",
        "it reads"
    );
    let mut org = organisation::get(vault.reader()).unwrap();
    org.scope = "an edit".into();
    let err = organisation::update(vault, stamp(1), org).unwrap_err();
    assert_eq!(err.code, ErrorCode::ReadOnly, "{}", err.message);
    let err = vault
        .change_passphrase(
            &Passphrase::new(PASS.into()),
            Passphrase::new("a much better passphrase, 2026".into()),
            Path::new("/nonexistent"),
            &stamp(1),
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::ReadOnly, "{}", err.message);
    assert_eq!(
        names_in(dir),
        before,
        "no -wal, -shm or lock file while open"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_vault_file_opens_read_only_and_leaves_nothing_behind() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new();
    std::fs::create_dir(s.path("v")).unwrap();
    let path = s.path("v/acme.isms");
    s.vault("v/acme.isms").close().unwrap();
    std::fs::remove_file(s.path("v/.acme.isms.lock")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = names_in(&s.path("v"));
    let prints = fingerprint(&path);
    // As root the file is writable after all; the forced read-only open is what runs then.
    let mut vault = if is_root() {
        eprintln!("as root a 0444 file is writable: testing Vault::open_read_only instead");
        Vault::open_read_only(&path, Passphrase::new(PASS.into())).unwrap()
    } else {
        open(&path, &s).unwrap()
    };
    let sidecar_made = names_in(&s.path("v")).len() - before.len();
    assert!(sidecar_made <= 1, "at most the lock file while open");
    assert!(vault.read_only());
    let mut org = organisation::get(vault.reader()).unwrap();
    org.scope = "an edit".into();
    assert_eq!(
        organisation::update(&mut vault, stamp(1), org)
            .unwrap_err()
            .code,
        ErrorCode::ReadOnly
    );
    vault.close().unwrap();
    assert_eq!(names_in(&s.path("v")), before, "nothing left behind");
    assert_eq!(fingerprint(&path), prints, "the vault is unchanged");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let vault = open(&path, &s).unwrap();
    assert!(!vault.read_only(), "writable again, opened for writing");
}

#[cfg(unix)]
#[test]
fn a_vault_in_a_read_only_folder_opens_read_only_and_creates_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new();
    let dir = s.path("media");
    let mount = if is_root() {
        match Mount::tmpfs(&dir, 4 << 20) {
            Some(m) => Some(m),
            None => {
                return skipped(
                    "a_vault_in_a_read_only_folder_opens_read_only_and_creates_nothing",
                    "running as root, which ignores folder modes, and mounting a tmpfs failed",
                );
            }
        }
    } else {
        std::fs::create_dir(&dir).unwrap();
        None
    };
    s.vault("media/acme.isms").close().unwrap();
    std::fs::remove_file(dir.join(".acme.isms.lock")).unwrap();
    match &mount {
        Some(m) => m.remount_read_only(),
        None => std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap(),
    }
    let before = names_in(&dir);
    let path = dir.join("acme.isms");
    let prints = fingerprint(&path);
    let mut vault = open(&path, &s).expect("a read-only vault still opens");
    assert_read_only(&mut vault, &dir, &before);
    let copy = s.path("copy.isms");
    vault
        .backup_to(&copy)
        .expect("a read-only vault can still be backed up elsewhere");
    assert!(
        open(&copy, &s).is_ok_and(|c| !c.read_only()),
        "the backup opens, for writing"
    );
    #[cfg(target_os = "linux")]
    assert_eq!(
        open(&path, &s).err().map(|e| e.code),
        Some(ErrorCode::InUse),
        "with no lock file possible, the file itself is locked"
    );
    vault.close().unwrap();
    assert_eq!(names_in(&dir), before, "nothing left behind");
    assert_eq!(fingerprint(&path), prints, "the vault is unchanged");
    if mount.is_none() {
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn a_full_disk_is_an_io_error_and_the_failed_open_leaves_nothing() {
    let s = Scratch::new();
    s.vault("acme.isms").close().unwrap();
    let bytes = std::fs::metadata(s.path("acme.isms")).unwrap().len();
    let dir = s.path("full");
    // Exactly the vault's size: it fits, and not one page more does (SQLite's `-shm` index).
    let Some(_mount) = Mount::tmpfs(&dir, bytes) else {
        return skipped(
            "a_full_disk_is_an_io_error_and_the_failed_open_leaves_nothing",
            "a full file system is made as a tmpfs, which needs root",
        );
    };
    let path = dir.join("acme.isms");
    std::fs::copy(s.path("acme.isms"), &path).unwrap();
    let before = names_in(&dir);
    let prints = fingerprint(&path);
    let err = open(&path, &s).err().expect("no room for the log's index");
    assert_eq!(err.code, ErrorCode::Io, "not damage: {}", err.message);
    assert_eq!(
        names_in(&dir),
        before,
        "the -wal, -shm and lock it made are gone"
    );
    assert_eq!(fingerprint(&path), prints, "the vault is unchanged");
}

/// The mapping a full disk relies on, for machines where no full disk can be made: SQLite's
/// codes for the file system become `Io` or `ReadOnly`, never `Database`.
#[test]
fn sqlite_file_system_errors_are_coded_as_such() {
    use rusqlite::ffi;
    let coded = |code: i32| {
        CoreError::from(rusqlite::Error::SqliteFailure(ffi::Error::new(code), None)).code
    };
    assert_eq!(coded(ffi::SQLITE_FULL), ErrorCode::Io, "disk full");
    assert_eq!(
        coded(ffi::SQLITE_IOERR_SHMSIZE),
        ErrorCode::Io,
        "no room for -shm"
    );
    assert_eq!(coded(ffi::SQLITE_IOERR_READ), ErrorCode::Io, "read error");
    assert_eq!(coded(ffi::SQLITE_CANTOPEN), ErrorCode::Io, "cannot open");
    assert_eq!(
        coded(ffi::SQLITE_READONLY),
        ErrorCode::ReadOnly,
        "read-only"
    );
    assert_eq!(coded(ffi::SQLITE_CONSTRAINT), ErrorCode::Database, "others");
}

#[test]
fn not_a_database_still_means_wrong_passphrase_or_damaged() {
    let s = Scratch::new();
    s.vault("acme.isms").close().unwrap();
    let before = names_in(s.dir.path());
    let err = s
        .reopen("acme.isms", "correct horse battery stapler")
        .err()
        .unwrap();
    assert_eq!(err.code, ErrorCode::WrongPassphraseOrDamaged);
    assert_eq!(names_in(s.dir.path()), before, "no side file left");
}
