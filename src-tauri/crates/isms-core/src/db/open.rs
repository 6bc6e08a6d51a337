//! Opening an existing vault: [`Vault::open`].
//!
//! Order: resolve the path (symlinks and `..`, once), refuse a second hard link, take the
//! lock, sniff the file, set the key, check the key, check the schema version, then (and only
//! then) set WAL and the other pragmas, back up, and migrate. Every step before the pragmas is
//! read-only, so a failed open leaves the file as it was; the side files it created (`-wal`,
//! `-shm`, the lock's sidecar) are removed, and only those.
//!
//! A vault this process cannot write (a read-only file, folder or medium) opens read-only
//! through an immutable connection, which creates no side file: SQLite would otherwise leave a
//! read-only `-shm` that breaks the next writer. Such a vault is not migrated, not backed up
//! and not seeded, and [`Vault::write`] refuses with `ReadOnly`.

use std::path::{Path, PathBuf};

use rusqlite::OpenFlags;
use rusqlite::config::DbConfig;

use super::APPLICATION_ID;
use super::backup;
use super::connect::{
    check_key, configure, configure_reads, connect, open_untouched, open_with, side_files, sidecar,
};
use super::file;
use super::lock::VaultLock;
use super::migrate::{self, LATEST_VERSION};
use super::passphrase::Passphrase;
use super::vault::Vault;
use super::write::Stamp;
use crate::error::{CoreError, ErrorCode, Result};

impl Vault {
    /// Opens and unlocks an existing vault. Pending migrations run after a verified backup has
    /// been written to `backup_dir`. A vault that cannot be written opens read-only
    /// ([`Vault::read_only`]).
    pub fn open(
        path: &Path,
        passphrase: Passphrase,
        backup_dir: &Path,
        stamp: &Stamp,
    ) -> Result<Vault> {
        let path = file::resolve(path)?;
        file::check_identity(&path)?;
        let writable = file::can_write(&path).then_some((backup_dir, stamp));
        Self::open_resolved(path, passphrase, writable)
    }

    /// Opens an existing vault read-only even where it could be written: nothing on disk
    /// changes, and no side file is created.
    pub fn open_read_only(path: &Path, passphrase: Passphrase) -> Result<Vault> {
        let path = file::resolve(path)?;
        file::check_identity(&path)?;
        Self::open_resolved(path, passphrase, None)
    }

    /// Opens the vault at a resolved `path`; `writable` holds what a read-write open needs.
    fn open_resolved(
        path: PathBuf,
        passphrase: Passphrase,
        writable: Option<(&Path, &Stamp)>,
    ) -> Result<Vault> {
        let mut lock = VaultLock::acquire(&path, writable.is_some())?;
        lock.clean_up_on_drop(&side_files(&path));
        file::sniff(&path)?;
        let mut vault = match writable {
            Some((backup_dir, stamp)) => open_writable(path, passphrase, lock, backup_dir, stamp)?,
            None => open_read_only(path, passphrase, lock)?,
        };
        vault.lock.keep_on_drop(writable.is_some());
        if writable.is_some() {
            // No passphrase change can be running: we hold the lock. What a killed one left is
            // a copy of the vault under one of the two passphrases, never the vault itself.
            for staged in [".rekey", ".rekey.partial"] {
                let _ = std::fs::remove_file(sidecar(&vault.path, staged));
            }
        }
        Ok(vault)
    }
}

fn open_writable(
    path: PathBuf,
    passphrase: Passphrase,
    lock: VaultLock,
    backup_dir: &Path,
    stamp: &Stamp,
) -> Result<Vault> {
    let pending_wal = sidecar(&path, "-wal").exists();
    if pending_wal {
        probe_read_only(&path, &passphrase)?;
    }
    let conn = connect(&path, &passphrase)?;
    // The key is right, but a later step may still find damage. Closing a read-write
    // connection checkpoints a pending log into the file, which would change a vault that
    // failed to open; so until the open has succeeded, closing leaves the log where it is.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, pending_wal)?;
    let mut vault = Vault {
        conn,
        path,
        passphrase,
        read_only: false,
        lock,
        changed: Default::default(),
    };
    // On failure `vault` drops: the connection closes, then the lock removes what we created.
    finish_open(&mut vault, backup_dir, stamp)?;
    vault
        .conn
        .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
    Ok(vault)
}

/// The steps of [`Vault::open`] after the key is set: identify, configure, back up and
/// migrate if the schema is older, run the domains' open hooks (`domains.rs`).
fn finish_open(vault: &mut Vault, backup_dir: &Path, stamp: &Stamp) -> Result<()> {
    let version = identify(&vault.conn)?;
    configure(&vault.conn)?;
    if version < LATEST_VERSION {
        let reason = format!("before-schema-{LATEST_VERSION}");
        backup::auto_backup(vault, backup_dir, stamp.at, &reason)?;
        migrate::migrate_to(&mut vault.conn, LATEST_VERSION)?;
    }
    if crate::domains::open_hooks_pending(&vault.conn)? {
        vault.write(stamp.clone(), |tx| crate::domains::run_open_hooks(tx, true))?;
        // What the hooks changed is part of opening, not news for whoever writes next.
        vault.take_changed();
    }
    Ok(())
}

fn open_read_only(path: PathBuf, passphrase: Passphrase, lock: VaultLock) -> Result<Vault> {
    let wal = sidecar(&path, "-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Err(CoreError::new(
            ErrorCode::ReadOnly,
            format!(
                "{} cannot be written here, and it holds changes an interrupted session left in \
                 {}. They can only be recovered where the vault can be written: copy both files \
                 to a folder you can write to and open the copy. Nothing was changed.",
                path.display(),
                wal.display()
            ),
        ));
    }
    let conn = open_untouched(&path, &passphrase)?;
    let version = identify(&conn)?;
    if version < LATEST_VERSION {
        return Err(CoreError::new(
            ErrorCode::ReadOnly,
            format!(
                "{} was written by an older ISMS Desk and must be upgraded, which needs a place \
                 where it can be written. Copy it to a folder you can write to and open the copy. \
                 Nothing was changed.",
                path.display()
            ),
        ));
    }
    configure_reads(&conn)?;
    Ok(Vault {
        conn,
        path,
        passphrase,
        read_only: true,
        lock,
        changed: Default::default(),
    })
}

/// Checks the key, that the file is ours, and that its schema is not newer than this build.
pub(super) fn identify(conn: &rusqlite::Connection) -> Result<u32> {
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
