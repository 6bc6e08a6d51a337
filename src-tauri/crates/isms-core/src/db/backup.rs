//! Encrypted copies of a vault. A backup is written to a temporary name with SQLCipher's
//! `sqlcipher_export`, opened again from disk with its passphrase, checked (`quick_check`,
//! `cipher_integrity_check`, schema version, row counts per table) and only then renamed to its
//! final name, so a backup that exists under its final name is known to open. The temporary
//! file has a random name and is created exclusively, so a file or symbolic link planted beside
//! the backup is never written through; backups are readable by their owner only (0600).
//!
//! Automatic backups go to one folder per vault under the app's backup folder and the newest
//! [`AUTO_BACKUPS_KEPT`] are kept.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::connect::{check_key, connect};
use super::passphrase::Passphrase;
use super::vault::Vault;
use crate::error::{CoreError, ErrorCode, Result};

/// How many automatic backups are kept per vault.
pub const AUTO_BACKUPS_KEPT: usize = 10;

#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The folder holding the automatic backups of `vault` under the app's backup folder `base`:
/// the vault's file stem plus a short hash of its full, resolved path, so two vaults of the same name in
/// different folders never share backups.
pub fn backup_dir_for(base: &Path, vault: &Path) -> PathBuf {
    // The real path, as the vault is opened by: a symlink and its target share one folder.
    let full = std::fs::canonicalize(vault)
        .or_else(|_| std::path::absolute(vault))
        .unwrap_or_else(|_| vault.to_owned());
    let hash = hex::encode(Sha256::digest(full.as_os_str().as_encoded_bytes()));
    let stem = vault
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    base.join(format!("{safe}-{}", &hash[..8]))
}

/// Writes an automatic backup of `vault` (named by time and reason) and prunes old ones.
pub fn auto_backup(
    vault: &Vault,
    base: &Path,
    at: DateTime<Utc>,
    reason: &str,
) -> Result<BackupInfo> {
    let dir = backup_dir_for(base, vault.path());
    std::fs::create_dir_all(&dir)
        .map_err(|e| CoreError::io("Cannot create the backup folder", &e))?;
    let stamp = at.format("%Y%m%dT%H%M%SZ");
    let mut out = dir.join(format!("{stamp}-{reason}.isms"));
    let mut n = 2;
    while out.exists() {
        out = dir.join(format!("{stamp}-{reason}-{n}.isms"));
        n += 1;
    }
    let info = write_verified(vault, &out, vault.passphrase())?;
    prune(&dir)?;
    Ok(info)
}

/// Automatic backups of a vault, newest first.
pub fn list_auto_backups(base: &Path, vault: &Path) -> Vec<PathBuf> {
    let dir = backup_dir_for(base, vault);
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "isms"))
        .collect();
    found.sort();
    found.reverse();
    found
}

/// When the newest automatic backup of `vault` was taken, read from its name.
pub fn newest_auto_backup_at(base: &Path, vault: &Path) -> Option<DateTime<Utc>> {
    let newest = list_auto_backups(base, vault).into_iter().next()?;
    let name = newest.file_name()?.to_str()?;
    let stamp = name.get(..16)?;
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ")
        .ok()
        .map(|t| t.and_utc())
}

fn prune(dir: &Path) -> Result<()> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| CoreError::io("Cannot list the backup folder", &e))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "isms"))
        .collect();
    found.sort();
    let excess = found.len().saturating_sub(AUTO_BACKUPS_KEPT);
    for old in &found[..excess] {
        std::fs::remove_file(old).map_err(|e| CoreError::io("Cannot remove an old backup", &e))?;
    }
    Ok(())
}

/// Exports `vault` into a new file at `out` encrypted with `passphrase`, verifies it from disk
/// and renames it into place. Refuses to overwrite `out`.
pub(crate) fn write_verified(
    vault: &Vault,
    out: &Path,
    passphrase: &Passphrase,
) -> Result<BackupInfo> {
    if out.exists() {
        return Err(CoreError::new(
            ErrorCode::AlreadyExists,
            format!("{} already exists; choose another name.", out.display()),
        ));
    }
    // A random name beside `out`, created exclusively (never through a file or link planted
    // there) with mode 0600; removed when dropped, so on any error below.
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let partial = tempfile::Builder::new()
        .prefix(".isms-backup-")
        .suffix(".partial")
        .tempfile_in(dir)
        .map_err(|e| CoreError::io("Cannot create the backup file", &e))?
        .into_temp_path();
    if vault.read_only() && passphrase.matches(vault.passphrase()) {
        copy_and_verify(vault, &partial)?;
    } else {
        export_and_verify(vault.reader(), &partial, passphrase)?;
    }
    partial.persist_noclobber(out).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            CoreError::new(
                ErrorCode::AlreadyExists,
                format!("{} already exists; choose another name.", out.display()),
            )
        } else {
            CoreError::io("Cannot finish the backup", &e.error)
        }
    })?;
    let bytes = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    Ok(BackupInfo {
        path: out.display().to_string(),
        bytes,
    })
}

fn export_and_verify(conn: &Connection, partial: &Path, passphrase: &Passphrase) -> Result<()> {
    let target = partial
        .to_str()
        .ok_or_else(|| CoreError::new(ErrorCode::Io, "The backup path is not valid Unicode."))?;
    // The vault's connection may not create files: ATTACH opens the (empty) file made for it.
    conn.execute(
        "ATTACH DATABASE ?1 AS backup KEY ?2",
        rusqlite::params![target, passphrase.expose()],
    )?;
    let exported = (|| -> Result<()> {
        conn.query_row("SELECT sqlcipher_export('backup')", [], |_| Ok(()))?;
        let version: i64 = conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
        let app_id: i64 = conn.query_row("PRAGMA main.application_id", [], |r| r.get(0))?;
        conn.pragma_update(Some("backup"), "user_version", version)?;
        conn.pragma_update(Some("backup"), "application_id", app_id)?;
        Ok(())
    })();
    conn.execute("DETACH DATABASE backup", [])?;
    exported?;
    std::fs::File::open(partial)
        .and_then(|f| f.sync_all())
        .map_err(|e| CoreError::io("Cannot flush the backup", &e))?;
    verify_copy(conn, partial, passphrase)
}

/// A read-only vault's connection cannot attach a new file, and nothing can change the vault
/// meanwhile, so its bytes are copied as they are and then verified like an export.
fn copy_and_verify(vault: &Vault, partial: &Path) -> Result<()> {
    let mut from = std::fs::File::open(vault.path())
        .map_err(|e| CoreError::io("Cannot read the vault", &e))?;
    // `partial` is the temporary file created exclusively for this backup.
    let mut to = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(partial)
        .map_err(|e| CoreError::io("Cannot create the backup file", &e))?;
    std::io::copy(&mut from, &mut to)
        .and_then(|_| to.sync_all())
        .map_err(|e| CoreError::io("Cannot write the backup", &e))?;
    verify_copy(vault.reader(), partial, vault.passphrase())
}

/// Opens the copy on its own, as a user would, and compares it with the source.
fn verify_copy(source: &Connection, copy: &Path, passphrase: &Passphrase) -> Result<()> {
    let fail =
        |what: String| CoreError::new(ErrorCode::Io, format!("The backup did not verify: {what}."));
    let conn = connect(copy, passphrase)?;
    check_key(&conn).map_err(|_| fail("it does not open with the passphrase".into()))?;
    for pragma in ["PRAGMA quick_check", "PRAGMA cipher_integrity_check"] {
        let bad: Vec<String> = conn
            .prepare(pragma)?
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter(|m| m != "ok")
            .collect();
        if !bad.is_empty() {
            return Err(fail(bad.join("; ")));
        }
    }
    let fingerprint = |c: &Connection| -> Result<Vec<(String, i64)>> {
        let tables: Vec<String> = c
            .prepare("SELECT name FROM sqlite_schema WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = vec![(
            "user_version".to_owned(),
            c.query_row("PRAGMA user_version", [], |r| r.get(0))?,
        )];
        for t in tables {
            let n: i64 = c.query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))?;
            out.push((t, n));
        }
        Ok(out)
    };
    if fingerprint(source)? != fingerprint(&conn)? {
        return Err(fail(
            "its tables or row counts differ from the vault".into(),
        ));
    }
    conn.close().map_err(|(_, e)| CoreError::from(e))?;
    Ok(())
}
