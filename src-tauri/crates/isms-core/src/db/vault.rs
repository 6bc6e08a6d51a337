//! [`Vault`]: one open, unlocked vault file and its single long-lived connection (opening costs
//! a key derivation of about 0.2 s, so it is done once per unlock).
//!
//! Open order: sniff the file, take the process lock, set the key, check the key, check the
//! schema version, then (and only then) set WAL and the other pragmas, back up, and migrate.
//! Every step before the pragmas is read-only, so a failed open leaves the file as it was.

use std::collections::BTreeMap;
use std::fs::OpenOptions;
use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::APPLICATION_ID;
use super::backup::{self, BackupInfo};
use super::file::{self, VaultLock};
use super::migrate::{self, LATEST_VERSION};
use super::passphrase::Passphrase;
use super::write::{Stamp, WriteTx};
use crate::error::{CoreError, ErrorCode, FieldError, Result};

pub struct Vault {
    conn: Connection,
    path: PathBuf,
    passphrase: Passphrase,
    _lock: VaultLock,
}

/// What `isms info` and the shell show about an open vault.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct VaultInfo {
    pub path: String,
    pub organisation_name: String,
    pub schema_version: u32,
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
            let lock = VaultLock::acquire(path)?;
            let mut conn = connect(path, &passphrase)?;
            configure(&conn)?;
            migrate::migrate_to(&mut conn, LATEST_VERSION)?;
            let mut vault = Vault {
                conn,
                path: path.to_owned(),
                passphrase,
                _lock: lock,
            };
            vault.write(stamp, |tx| {
                crate::soa::seed_missing(tx)?;
                init(tx)
            })?;
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

    /// Opens and unlocks an existing vault. Pending migrations run after a verified backup has
    /// been written to `backup_dir`.
    pub fn open(
        path: &Path,
        passphrase: Passphrase,
        backup_dir: &Path,
        stamp: &Stamp,
    ) -> Result<Vault> {
        file::sniff(path)?;
        let lock = VaultLock::acquire(path)?;
        let pending_wal = sidecar(path, "-wal").exists();
        if pending_wal {
            probe_read_only(path, &passphrase)?;
        }
        let shm = sidecar(path, "-shm");
        let shm_existed = shm.exists();
        let conn = connect(path, &passphrase)?;
        // The key is right, but a later step may still find damage. Closing a read-write
        // connection checkpoints a pending log into the file, which would change a vault that
        // failed to open; so until the open has succeeded, closing leaves the log where it is.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, pending_wal)?;
        let mut vault = Vault {
            conn,
            path: path.to_owned(),
            passphrase,
            _lock: lock,
        };
        match vault.finish_open(backup_dir, stamp) {
            Ok(()) => {
                vault
                    .conn
                    .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
                Ok(vault)
            }
            Err(err) => {
                // Close while still holding the lock, then remove a `-shm` index we created.
                let Vault { conn, _lock, .. } = vault;
                drop(conn);
                if pending_wal && !shm_existed {
                    let _ = std::fs::remove_file(&shm);
                }
                Err(err)
            }
        }
    }

    /// The steps of [`Vault::open`] after the key is set: identify, configure, back up and
    /// migrate if the schema is older, seed missing SoA entries.
    fn finish_open(&mut self, backup_dir: &Path, stamp: &Stamp) -> Result<()> {
        let version = identify(&self.conn)?;
        configure(&self.conn)?;
        if version < LATEST_VERSION {
            let reason = format!("before-schema-{LATEST_VERSION}");
            backup::auto_backup(self, backup_dir, stamp.at, &reason)?;
            migrate::migrate_to(&mut self.conn, LATEST_VERSION)?;
        }
        if crate::soa::missing_count(&self.conn)? > 0 {
            self.write(stamp.clone(), |tx| crate::soa::seed_missing(tx).map(|_| ()))?;
        }
        Ok(())
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

    /// Runs `f` in one immediate write transaction that records history; commits if `f` succeeds.
    pub fn write<T, F>(&mut self, stamp: Stamp, f: F) -> Result<T>
    where
        F: FnOnce(&mut WriteTx<'_>) -> Result<T>,
    {
        let mut tx = WriteTx::begin(&mut self.conn, stamp)?;
        let out = f(&mut tx)?;
        tx.commit()?;
        Ok(out)
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
        backup::auto_backup(self, backup_dir, stamp.at, "before-passphrase-change")?;
        let staged = sidecar(&self.path, ".rekey");
        let _ = std::fs::remove_file(&staged);
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
    /// `staged` over the vault. The caller reconnects whatever the outcome.
    fn swap_file(&mut self, staged: &Path) -> Result<()> {
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
        let _ = std::fs::remove_file(sidecar(&self.path, "-shm"));
        Ok(())
    }

    /// Closes the connection; the passphrase is wiped when `self` drops.
    pub fn close(self) -> Result<()> {
        let Vault { conn, .. } = self;
        conn.close().map_err(|(_, e)| e.into())
    }
}

/// Checks the key, that the file is ours, and that its schema is not newer than this build.
fn identify(conn: &Connection) -> Result<u32> {
    check_key(conn)?;
    let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if app_id != APPLICATION_ID {
        return Err(CoreError::new(
            ErrorCode::NotAVault,
            "This is an encrypted database, but not an ISMS Desk vault. It was not changed.",
        ));
    }
    migrate::refuse_newer(conn)
}

/// A vault left with a write-ahead log (after a crash) is checkpointed when its last
/// read-write connection closes, even one holding a wrong key, which would rewrite the file.
/// So the key is first checked on a read-only connection, which never writes. A `-shm` index
/// it had to create is removed again (no other connection exists: we hold the lock).
fn probe_read_only(path: &Path, passphrase: &Passphrase) -> Result<()> {
    let shm = sidecar(path, "-shm");
    let shm_existed = shm.exists();
    let result = open_with(path, passphrase, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|conn| identify(&conn).map(|_| ()));
    if !shm_existed {
        let _ = std::fs::remove_file(&shm);
    }
    result
}

/// `<path><suffix>`, for SQLite's `-wal` and `-shm` and our own staging files.
pub(crate) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut os = path.as_os_str().to_owned();
    os.push(suffix);
    PathBuf::from(os)
}

/// Opens a connection and sets the key; nothing is read or written yet.
pub(crate) fn connect(path: &Path, passphrase: &Passphrase) -> Result<Connection> {
    open_with(path, passphrase, OpenFlags::SQLITE_OPEN_READ_WRITE)
}

/// Attempts at keying a fresh connection before giving up (see [`open_with`]).
const KEY_ATTEMPTS: usize = 3;

fn open_with(path: &Path, passphrase: &Passphrase, mode: OpenFlags) -> Result<Connection> {
    let flags = mode | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut attempt = 0;
    loop {
        attempt += 1;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| {
            CoreError::new(
                ErrorCode::Io,
                format!("Cannot open {}: {e}", path.display()),
            )
        })?;
        // SQLCipher logs decryption failures to stderr by default; a wrong passphrase is not
        // news. After a failed keying its errors are logged, to say why if it fails again.
        let level = if attempt == 1 { "NONE" } else { "ERROR" };
        conn.pragma_update(None, "cipher_log_level", level)?;
        // Setting the key reads nothing and writes nothing: it only builds SQLCipher's codec
        // context. Under many threads opening vaults at once that build has been seen to fail
        // once in a long test run ("An error occurred with PRAGMA key", never reproduced
        // alone), so a failure is tried again on a new connection before it is reported.
        match conn.pragma_update(None, "key", passphrase.expose()) {
            Ok(()) => return Ok(conn),
            Err(e) if attempt >= KEY_ATTEMPTS => {
                return Err(CoreError::new(
                    ErrorCode::Database,
                    format!(
                        "SQLCipher could not set the key of {} ({attempt} attempts): {e}",
                        path.display()
                    ),
                ));
            }
            Err(_) => drop(conn),
        }
    }
}

/// Reads the schema: the first read that needs the key. SQLCipher cannot tell a wrong key from
/// damaged pages, so the message names both and points to backups.
pub(crate) fn check_key(conn: &Connection) -> Result<()> {
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .map(|_| ())
    .map_err(|_| wrong_passphrase_or_damaged())
}

pub(crate) fn wrong_passphrase_or_damaged() -> CoreError {
    CoreError::new(
        ErrorCode::WrongPassphraseOrDamaged,
        "The vault could not be unlocked: either the passphrase is wrong or the file is damaged. \
         Check the passphrase (it is case-sensitive); if it is right, restore the newest backup. \
         The file was not changed.",
    )
}

/// Pragmas for an unlocked vault: WAL, durable commits, foreign keys, a 64 MiB page cache.
fn configure(conn: &Connection) -> Result<()> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(CoreError::new(
            ErrorCode::Database,
            format!("Cannot enable WAL (got {mode})."),
        ));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "cache_size", -65_536)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}
