//! [`Vault`]: one open, unlocked vault file and its single long-lived connection (opening costs
//! a key derivation of about 0.2 s, so it is done once per unlock). Opening is in `open.rs`.
//!
//! The vault is known by one path, resolved when it is opened or created (symlinks and `..`
//! followed): the lock, the side files, the staging copy of a passphrase change and its final
//! rename all use it, so changing the passphrase through a symlink changes the real vault and
//! leaves the symlink a symlink.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::OpenOptions;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::backup::{self, BackupInfo};
use super::connect::{check_key, configure, connect, sidecar};
use super::file;
use super::lock::VaultLock;
use super::migrate::{self, LATEST_VERSION};
use super::passphrase::Passphrase;
use super::write::{Stamp, WriteTx};
use crate::domains::Domain;
use crate::error::{CoreError, ErrorCode, FieldError, Result};

/// Fields are dropped in order: the connection closes before the lock is released (and
/// before the lock removes what a failed open created).
pub struct Vault {
    pub(super) conn: Connection,
    pub(super) path: PathBuf,
    pub(super) passphrase: Passphrase,
    pub(super) read_only: bool,
    pub(super) lock: VaultLock,
    /// The domains committed writes changed since [`Vault::take_changed`] was last called.
    pub(super) changed: BTreeSet<Domain>,
}

/// What `isms info` and the shell show about an open vault.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct VaultInfo {
    pub path: String,
    pub organisation_name: String,
    pub schema_version: u32,
    /// Open for reading only: the vault cannot be written where it is.
    pub read_only: bool,
    /// Rows per table, by table name.
    pub counts: BTreeMap<String, u64>,
}

/// The result of an integrity check.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, TS)]
#[ts(export)]
pub struct CheckReport {
    pub ok: bool,
    pub messages: Vec<String>,
}

impl Vault {
    /// Creates a new, empty vault at `path` (never over an existing file) and runs `init` in its
    /// first write transaction. If anything fails, the half-made file is removed: it is ours and
    /// holds nothing.
    pub fn create<F>(path: &Path, passphrase: Passphrase, stamp: Stamp, init: F) -> Result<Vault>
    where
        F: FnOnce(&mut WriteTx<'_>) -> Result<()>,
    {
        passphrase.check_strength()?;
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| CoreError::io("Cannot create the vault's folder", &e))?;
        }
        let path = &file::resolve_new(path)?;
        match OpenOptions::new().write(true).create_new(true).open(path) {
            Ok(_) => {}
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(CoreError::new(
                    ErrorCode::AlreadyExists,
                    format!(
                        "{} already exists. Choose another name; ISMS Desk never overwrites a file.",
                        path.display()
                    ),
                ));
            }
            Err(err) => return Err(CoreError::io("Cannot create the vault file", &err)),
        }
        let made = (|| {
            let mut lock = VaultLock::acquire(path, true)?;
            lock.clean_up_on_drop(&[]);
            let mut conn = connect(path, &passphrase)?;
            configure(&conn)?;
            migrate::migrate_to(&mut conn, LATEST_VERSION)?;
            let mut vault = Vault {
                conn,
                path: path.to_owned(),
                passphrase,
                read_only: false,
                lock,
                changed: BTreeSet::new(),
            };
            vault.write(stamp, |tx| {
                crate::domains::run_open_hooks(tx, false)?;
                init(tx)
            })?;
            vault.take_changed();
            vault.lock.keep_on_drop(true);
            Ok(vault)
        })();
        if made.is_err() {
            for leftover in [
                path.to_owned(),
                sidecar(path, "-wal"),
                sidecar(path, "-shm"),
            ] {
                let _ = std::fs::remove_file(leftover);
            }
        }
        made
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for reads. Writes must go through [`Vault::write`].
    pub fn reader(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn passphrase(&self) -> &Passphrase {
        &self.passphrase
    }

    /// Whether the vault is open for reading only (it cannot be written where it is).
    pub fn read_only(&self) -> bool {
        self.read_only
    }

    /// `ReadOnly` for a vault open for reading only, before any work is done.
    pub fn refuse_read_only(&self) -> Result<()> {
        if self.read_only {
            return Err(CoreError::new(
                ErrorCode::ReadOnly,
                format!(
                    "{} is open read-only: the file, its folder or its disk cannot be written. \
                     Nothing was changed. To edit it, copy it to a folder you can write to.",
                    self.path.display()
                ),
            ));
        }
        Ok(())
    }

    /// Runs `f` in one immediate write transaction that records history; commits if `f` succeeds.
    /// `ReadOnly` for a vault open for reading only.
    pub fn write<T, F>(&mut self, stamp: Stamp, f: F) -> Result<T>
    where
        F: FnOnce(&mut WriteTx<'_>) -> Result<T>,
    {
        self.refuse_read_only()?;
        let mut tx = WriteTx::begin(&mut self.conn, stamp)?;
        let out = f(&mut tx)?;
        let touched = tx.commit()?;
        self.changed.extend(touched);
        Ok(out)
    }

    /// The domains whose records committed writes changed since the last call, in order, and
    /// forgets them: what the shell announces after a command. Empty when nothing was written
    /// (a failed or rolled-back write changes nothing).
    pub fn take_changed(&mut self) -> Vec<Domain> {
        std::mem::take(&mut self.changed).into_iter().collect()
    }

    pub fn schema_version(&self) -> Result<u32> {
        migrate::current_version(&self.conn)
    }

    pub fn info(&self) -> Result<VaultInfo> {
        let organisation_name: String =
            self.conn
                .query_row("SELECT name FROM organisation WHERE id = 1", [], |r| {
                    r.get(0)
                })?;
        let mut counts = BTreeMap::new();
        let tables: Vec<String> = self
            .conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for table in tables {
            let n: i64 =
                self.conn
                    .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
                        r.get(0)
                    })?;
            counts.insert(table, n as u64);
        }
        Ok(VaultInfo {
            path: self.path.display().to_string(),
            organisation_name,
            schema_version: self.schema_version()?,
            read_only: self.read_only,
            counts,
        })
    }

    /// SQLite's `quick_check` and SQLCipher's page-by-page HMAC check.
    pub fn check(&self) -> Result<CheckReport> {
        let mut messages = Vec::new();
        for pragma in ["PRAGMA quick_check", "PRAGMA cipher_integrity_check"] {
            let rows = self.conn.prepare(pragma).and_then(|mut stmt| {
                stmt.query_map([], |r| r.get::<_, String>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            });
            match rows {
                Ok(rows) => messages.extend(rows.into_iter().filter(|m| m != "ok")),
                // Damage bad enough to stop the check is itself the finding.
                Err(err) => messages.push(format!("{pragma}: {err}")),
            }
        }
        Ok(CheckReport {
            ok: messages.is_empty(),
            messages,
        })
    }

    /// Writes a verified, encrypted copy of the vault to `out` (never over an existing file).
    pub fn backup_to(&self, out: &Path) -> Result<BackupInfo> {
        backup::write_verified(self, out, &self.passphrase)
    }

    /// Changes the passphrase. A verified backup (old passphrase) is written to `backup_dir`
    /// first; then the vault is re-encrypted into a new file which is verified with the new
    /// passphrase and renamed over the old one, so at every instant the file on disk opens with
    /// exactly one of the two passphrases.
    pub fn change_passphrase(
        &mut self,
        current: &Passphrase,
        new: Passphrase,
        backup_dir: &Path,
        stamp: &Stamp,
    ) -> Result<()> {
        if !current.matches(&self.passphrase) {
            return Err(CoreError::validation(vec![FieldError::new(
                "current",
                "The current passphrase is not right.",
            )]));
        }
        new.check_strength()?;
        self.refuse_read_only()?;
        backup::auto_backup(self, backup_dir, stamp.at, "before-passphrase-change")?;
        let staged = sidecar(&self.path, ".rekey");
        // What a killed change left: the staged copy, or the copy still being written.
        let partial = sidecar(&staged, ".partial");
        for leftover in [&staged, &partial] {
            let _ = std::fs::remove_file(leftover);
        }
        if let Err(err) = backup::write_verified(self, &staged, &new) {
            let _ = std::fs::remove_file(&staged);
            return Err(err);
        }
        let swapped = self.swap_file(&staged);
        let _ = std::fs::remove_file(&staged);
        let (pass, result) = match swapped {
            Ok(()) => (new, Ok(())),
            Err(err) => (self.passphrase.clone(), Err(err)),
        };
        self.conn = connect(&self.path, &pass)?;
        check_key(&self.conn)?;
        configure(&self.conn)?;
        self.passphrase = pass;
        result
    }

    /// Closes the connection (checkpointing the WAL away, keeping the process lock) and renames
    /// `staged` over the vault, moving the identity lock to it. The caller reconnects whatever
    /// the outcome.
    fn swap_file(&mut self, staged: &Path) -> Result<()> {
        let staged_lock = VaultLock::lock_staged(staged)?;
        let placeholder = Connection::open_in_memory()?;
        let old = std::mem::replace(&mut self.conn, placeholder);
        old.close().map_err(|(_, e)| CoreError::from(e))?;
        if sidecar(&self.path, "-wal").exists() {
            return Err(CoreError::new(
                ErrorCode::Io,
                "The vault's write-ahead log could not be emptied; the passphrase was not changed.",
            ));
        }
        std::fs::rename(staged, &self.path).map_err(|e| {
            CoreError::io("Cannot replace the vault with the re-encrypted copy", &e)
        })?;
        self.lock.swap_identity(staged_lock);
        let _ = std::fs::remove_file(sidecar(&self.path, "-shm"));
        Ok(())
    }

    /// Closes the connection; the passphrase is wiped when `self` drops.
    pub fn close(self) -> Result<()> {
        let Vault { conn, .. } = self;
        conn.close().map_err(|(_, e)| e.into())
    }
}
