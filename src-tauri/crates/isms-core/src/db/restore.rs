//! Recovering from a damaged vault: telling damage from a wrong passphrase, finding the newest
//! automatic backup that opens, and restoring it as a new file beside the damaged one.
//!
//! Invariants kept here:
//! - the damaged vault, its `-wal` and `-shm` are only ever read, through an immutable
//!   read-only connection that takes no lock and creates no side file; backups likewise;
//! - a restored copy never replaces anything: its final name is reserved with `create_new`
//!   (numbered when taken), the bytes go to a temporary name, are flushed and verified by
//!   opening them, and only then renamed over the reserved, empty name;
//! - only a backup from this vault's own backup folder can be restored.
//!
//! Opening the restored copy as the current vault is the caller's business ([`Vault::open`]).
//!
//! [`Vault::open`]: super::Vault::open

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::APPLICATION_ID;
use super::backup::{backup_dir_for, list_auto_backups};
use super::connect::{check_key, open_untouched, sidecar};
use super::migrate::refuse_newer;
use super::passphrase::Passphrase;
use crate::error::{CoreError, ErrorCode, Result};

/// SQLCipher 4's default page size, which every vault and backup uses.
const PAGE_SIZE: u64 = 4096;

/// What a vault file that failed to unlock turned out to be, given the passphrase typed.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, TS)]
#[ts(export)]
pub enum VaultDiagnosis {
    /// Some pages verify with this passphrase and others do not, or the pages verify but the
    /// database inside is inconsistent: the passphrase is right and the file is damaged.
    Damaged,
    /// No page verifies with this passphrase: it is wrong (or the whole file is unreadable,
    /// which SQLCipher cannot tell apart).
    WrongPassphrase,
    /// Every page verifies and the database is consistent.
    Healthy,
}

/// An automatic backup that opened and passed every check with the passphrase given.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
#[ts(export)]
pub struct BackupCandidate {
    pub path: String,
    /// When the backup was taken, read from its name.
    #[ts(type = "string")]
    pub taken_at: DateTime<Utc>,
    /// Why it was taken: `daily`, `before-schema-5`, `before-passphrase-change` …
    pub reason: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// Where [`restore_backup`] would write the copy now (the first free name beside the vault).
    pub restore_to: String,
}

/// A newer backup that was passed over, and why.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
#[ts(export)]
pub struct SkippedBackup {
    pub path: String,
    pub code: ErrorCode,
    pub reason: String,
}

/// What the search for a backup of a damaged vault found.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
#[ts(export)]
pub struct BackupSearch {
    pub diagnosis: VaultDiagnosis,
    /// The newest backup that verifies; `None` when no backup does, there are none, or the
    /// vault is not damaged (then no backup is tried).
    pub found: Option<BackupCandidate>,
    /// Backups newer than `found` (or all of them, when nothing was found) that did not verify.
    pub skipped: Vec<SkippedBackup>,
    /// The folder that holds this vault's automatic backups.
    pub backup_dir: String,
}

/// A restored copy, written and verified beside the damaged vault.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
#[ts(export)]
pub struct RestoredCopy {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// The backup it was restored from.
    pub from: String,
}

/// Reads `vault` with `passphrase` to tell damage from a wrong passphrase. Writes nothing.
pub fn diagnose(vault: &Path, passphrase: &Passphrase) -> Result<VaultDiagnosis> {
    let pages = std::fs::metadata(vault)
        .map_err(|e| CoreError::io("Cannot read the vault file", &e))?
        .len()
        .div_ceil(PAGE_SIZE);
    let conn = open_untouched(vault, passphrase)?;
    // The HMAC check reads every page on its own, so it runs even when page 1 is damaged.
    let failed = match pragma_rows(&conn, "PRAGMA cipher_integrity_check") {
        Ok(rows) => rows.iter().filter(|m| m.as_str() != "ok").count() as u64,
        Err(_) => pages,
    };
    if pages > 0 && failed >= pages {
        return Ok(VaultDiagnosis::WrongPassphrase);
    }
    if failed > 0 {
        return Ok(VaultDiagnosis::Damaged);
    }
    let consistent = check_key(&conn).is_ok()
        && pragma_rows(&conn, "PRAGMA quick_check").is_ok_and(|rows| rows == ["ok"]);
    Ok(if consistent {
        VaultDiagnosis::Healthy
    } else {
        VaultDiagnosis::Damaged
    })
}

/// Diagnoses `vault` and, when it is damaged, looks through its automatic backups under
/// `base`, newest first, for the first that opens with `passphrase` and passes every check.
/// A wrong passphrase (or a healthy file) searches nothing: each backup tried costs a key
/// derivation, and an old passphrase may well open a backup from before it was changed, which
/// is no reason to restore a vault that is fine.
pub fn find_backup(base: &Path, vault: &Path, passphrase: &Passphrase) -> Result<BackupSearch> {
    let diagnosis = diagnose(vault, passphrase)?;
    let mut search = BackupSearch {
        diagnosis,
        found: None,
        skipped: Vec::new(),
        backup_dir: backup_dir_for(base, vault).display().to_string(),
    };
    if diagnosis != VaultDiagnosis::Damaged {
        return Ok(search);
    }
    for backup in list_auto_backups(base, vault) {
        match verify(&backup, passphrase) {
            Ok(()) => {
                let (taken_at, reason) = parse_name(&backup).unwrap_or_default();
                search.found = Some(BackupCandidate {
                    path: backup.display().to_string(),
                    taken_at,
                    reason,
                    bytes: std::fs::metadata(&backup).map(|m| m.len()).unwrap_or(0),
                    restore_to: free_name(vault, taken_at).display().to_string(),
                });
                break;
            }
            Err(err) => search.skipped.push(SkippedBackup {
                path: backup.display().to_string(),
                code: err.code,
                reason: err.message,
            }),
        }
    }
    Ok(search)
}

/// Restores `backup` (one of `vault`'s automatic backups under `base`) as a new file beside
/// `vault`, named `<stem> restored <backup time>.isms`. The vault itself is not touched.
pub fn restore_backup(
    base: &Path,
    vault: &Path,
    backup: &Path,
    passphrase: &Passphrase,
) -> Result<RestoredCopy> {
    if !list_auto_backups(base, vault).iter().any(|b| b == backup) {
        return Err(CoreError::new(
            ErrorCode::NotFound,
            format!(
                "{} is not one of this vault's automatic backups.",
                backup.display()
            ),
        ));
    }
    verify(backup, passphrase)?;
    let (taken_at, _) = parse_name(backup).unwrap_or_default();
    let out = reserve(vault, taken_at)?;
    let partial = sidecar(&out, ".partial");
    let copied = copy_verified(backup, &partial, passphrase)
        .and_then(|()| {
            std::fs::rename(&partial, &out)
                .map_err(|e| CoreError::io("Cannot finish the restored copy", &e))
        })
        .and_then(|()| sync_dir(&out));
    if let Err(err) = copied {
        let _ = std::fs::remove_file(&partial);
        let _ = std::fs::remove_file(&out);
        return Err(err);
    }
    Ok(RestoredCopy {
        path: out.display().to_string(),
        bytes: std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0),
        from: backup.display().to_string(),
    })
}

/// Opens a copy on its own and runs every check an unlock relies on, changing nothing.
fn verify(path: &Path, passphrase: &Passphrase) -> Result<()> {
    let conn = open_untouched(path, passphrase)?;
    check_key(&conn).map_err(|_| {
        CoreError::new(
            ErrorCode::WrongPassphraseOrDamaged,
            "It does not open with this passphrase (it may be from before a passphrase change, \
             or damaged).",
        )
    })?;
    let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if app_id != APPLICATION_ID {
        return Err(CoreError::new(
            ErrorCode::NotAVault,
            "It is not an ISMS Desk vault.",
        ));
    }
    refuse_newer(&conn)?;
    for pragma in ["PRAGMA quick_check", "PRAGMA cipher_integrity_check"] {
        let bad: Vec<String> = pragma_rows(&conn, pragma)
            .map_err(|e| damaged(&e.message))?
            .into_iter()
            .filter(|m| m != "ok")
            .collect();
        if !bad.is_empty() {
            return Err(damaged(&bad.join("; ")));
        }
    }
    Ok(())
}

fn damaged(what: &str) -> CoreError {
    CoreError::new(
        ErrorCode::WrongPassphraseOrDamaged,
        format!("It is damaged: {what}"),
    )
}

fn copy_verified(from: &Path, partial: &Path, passphrase: &Passphrase) -> Result<()> {
    let bytes = std::fs::read(from).map_err(|e| CoreError::io("Cannot read the backup", &e))?;
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(partial)
        .map_err(|e| CoreError::io("Cannot create the restored copy", &e))?;
    file.write_all(&bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| CoreError::io("Cannot write the restored copy", &e))?;
    drop(file);
    verify(partial, passphrase).map_err(|e| {
        CoreError::new(
            ErrorCode::Io,
            format!("The restored copy did not verify: {}", e.message),
        )
    })
}

/// The restored copy's name for a backup taken at `at`, numbered `(2)`, `(3)` … from `n`.
fn name_for(vault: &Path, at: DateTime<Utc>, n: u32) -> PathBuf {
    let stem = vault.file_stem().unwrap_or_default().to_string_lossy();
    let when = at.format("%Y-%m-%d %H%M");
    let numbered = if n > 1 {
        format!(" ({n})")
    } else {
        String::new()
    };
    vault.with_file_name(format!("{stem} restored {when}{numbered}.isms"))
}

/// The first name [`reserve`] would take now.
fn free_name(vault: &Path, at: DateTime<Utc>) -> PathBuf {
    (1..)
        .map(|n| name_for(vault, at, n))
        .find(|p| !p.exists() && !sidecar(p, ".partial").exists())
        .unwrap_or_else(|| name_for(vault, at, 1))
}

/// Claims the first free name with an empty file of our own, so no other file is replaced.
fn reserve(vault: &Path, at: DateTime<Utc>) -> Result<PathBuf> {
    for n in 1..1000 {
        let out = name_for(vault, at, n);
        if sidecar(&out, ".partial").exists() {
            continue;
        }
        match OpenOptions::new().write(true).create_new(true).open(&out) {
            Ok(_) => return Ok(out),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(CoreError::io("Cannot create the restored copy", &e)),
        }
    }
    Err(CoreError::new(
        ErrorCode::AlreadyExists,
        "Every name for the restored copy is taken; move some old copies away.",
    ))
}

fn sync_dir(file: &Path) -> Result<()> {
    #[cfg(unix)]
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| CoreError::io("Cannot flush the vault's folder", &e))?;
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// Time and reason from a backup's name, `<YYYYMMDDTHHMMSSZ>-<reason>[-<n>].isms`.
fn parse_name(backup: &Path) -> Option<(DateTime<Utc>, String)> {
    let stem = backup.file_stem()?.to_str()?;
    let at = NaiveDateTime::parse_from_str(stem.get(..16)?, "%Y%m%dT%H%M%SZ")
        .ok()?
        .and_utc();
    let rest = stem.get(17..).unwrap_or_default();
    let reason = match rest.rsplit_once('-') {
        Some((head, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => head,
        _ => rest,
    };
    Some((at, reason.to_owned()))
}

fn pragma_rows(conn: &Connection, pragma: &str) -> Result<Vec<String>> {
    Ok(conn
        .prepare(pragma)?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}
