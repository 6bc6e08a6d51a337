//! The lock that keeps a second process away from an open vault, whatever name it reaches the
//! vault by. Two locks are taken, both exclusive, advisory and released by the OS when the
//! process dies:
//!
//! - the **sidecar** `.<name>.lock` in the vault's real folder (the path is resolved before it
//!   gets here, so a symlink or a `..` spelling finds the same sidecar). It outlives the
//!   re-encrypted file a passphrase change renames into place, so nobody can slip in between.
//!   After locking it, its path is checked to still name the inode that was locked, so a sidecar
//!   removed by a failed open (which removes only the sidecar it created) can never leave two
//!   processes each holding a lock on a different inode;
//! - on Linux, the **vault file itself** (`flock`, which on Linux is independent of SQLite's
//!   own byte-range locks), so a vault renamed or moved while open is still locked by identity.
//!   Elsewhere `flock` and `fcntl` locks can interfere, so only the sidecar is used there.
//!
//! A vault with more than one hard link is refused before this (`file::check_identity`): two names in
//! two folders would have two sidecars. In a folder that cannot be written the sidecar cannot
//! be made; the vault then opens read-only and only the identity lock guards it.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::error::{CoreError, ErrorCode, Result};

/// How often a sidecar replaced under us is opened again before giving up.
const SIDECAR_ATTEMPTS: usize = 5;

/// The sidecar lock file's path: `.<file name>.lock` in the vault's folder.
pub(crate) fn lock_path(vault: &Path) -> PathBuf {
    let name = vault
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    vault.with_file_name(format!(".{name}.lock"))
}

/// An exclusive lock on one vault; released when dropped. Drop it after the vault's connection:
/// on Unix closing any descriptor of a file drops the process's `fcntl` locks on it.
///
/// While an open may still fail, the lock also remembers the side files that did not exist
/// before it (`-wal`, `-shm`, its own sidecar); dropping it removes them, after the connection
/// is closed and before another process can get in. Only what the failed open created goes.
#[derive(Debug)]
pub(crate) struct VaultLock {
    sidecar: Option<File>,
    /// The sidecar's path, when this lock created it.
    created: Option<PathBuf>,
    remove_sidecar: bool,
    /// Side files to remove on drop (a `-wal` only while it is empty: it holds no commit).
    remove_files: Vec<PathBuf>,
    identity: Option<File>,
}

impl VaultLock {
    /// Locks `vault` (a resolved path). `InUse` when another process holds either lock. When
    /// `writable` is false and the folder refuses a new sidecar, the identity lock alone is kept.
    pub(crate) fn acquire(vault: &Path, writable: bool) -> Result<Self> {
        let (sidecar, created) = match lock_sidecar(vault) {
            Ok(found) => found,
            Err(err) if !writable && err.code == ErrorCode::ReadOnly => (None, None),
            Err(err) => return Err(err),
        };
        let mut lock = Self {
            sidecar,
            created,
            // On failure `lock` drops below, removing a sidecar it created.
            remove_sidecar: true,
            remove_files: Vec::new(),
            identity: None,
        };
        lock.identity = lock_identity(vault)?;
        lock.remove_sidecar = false;
        Ok(lock)
    }

    /// From now until [`VaultLock::keep_on_drop`], dropping removes the sidecar if this lock
    /// created it, and each of `side_files` that did not exist when this was called.
    pub(crate) fn clean_up_on_drop(&mut self, side_files: &[PathBuf]) {
        self.remove_sidecar = true;
        self.remove_files = side_files
            .iter()
            .filter(|p| std::fs::symlink_metadata(p).is_err())
            .cloned()
            .collect();
    }

    /// The open succeeded: dropping leaves every file where it is. With `keep_sidecar` false
    /// a sidecar this lock created still goes (a read-only vault leaves nothing behind).
    pub(crate) fn keep_on_drop(&mut self, keep_sidecar: bool) {
        self.remove_sidecar = !keep_sidecar;
        self.remove_files.clear();
    }

    /// Locks the re-encrypted copy at `staged` before a passphrase change renames it over the
    /// vault; [`VaultLock::swap_identity`] then lets go of the old file.
    pub(crate) fn lock_staged(staged: &Path) -> Result<Option<File>> {
        lock_identity(staged)
    }

    /// The file locked by [`VaultLock::lock_staged`] is now the vault. Call with the old
    /// connection closed.
    pub(crate) fn swap_identity(&mut self, staged: Option<File>) {
        self.identity = staged;
    }
}

impl Drop for VaultLock {
    fn drop(&mut self) {
        for path in self.remove_files.drain(..) {
            let is_wal = path.as_os_str().as_encoded_bytes().ends_with(b"-wal");
            if !is_wal || std::fs::metadata(&path).is_ok_and(|m| m.len() == 0) {
                let _ = std::fs::remove_file(path);
            }
        }
        // Removed while still locked; a process that opened the old inode meanwhile sees the
        // path no longer names it and opens the sidecar again.
        if self.remove_sidecar
            && let Some(path) = self.created.take()
        {
            let _ = std::fs::remove_file(path);
        }
        self.sidecar = None;
    }
}

fn in_use(vault: &Path) -> CoreError {
    CoreError::new(
        ErrorCode::InUse,
        format!(
            "{} is open in another ISMS Desk window or program. Close it there first; \
             two programs writing to one vault could damage it.",
            vault.display()
        ),
    )
}

/// Opens (or creates) the sidecar and locks it; says whether it was created.
fn lock_sidecar(vault: &Path) -> Result<(Option<File>, Option<PathBuf>)> {
    let path = lock_path(vault);
    for _ in 0..SIDECAR_ATTEMPTS {
        let (file, created) = open_sidecar(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Err(in_use(vault)),
            Err(TryLockError::Error(err)) => {
                return Err(CoreError::io("Cannot lock the vault", &err));
            }
        }
        if same_file(&file, &path) {
            return Ok((Some(file), created.then_some(path)));
        }
        // Another process removed the sidecar we had opened; what we locked guards nothing.
    }
    Err(CoreError::new(
        ErrorCode::InUse,
        format!(
            "The lock file of {} keeps changing; another program is opening or closing the vault.",
            vault.display()
        ),
    ))
}

fn open_sidecar(path: &Path) -> Result<(File, bool)> {
    let fail = |err: std::io::Error| {
        let code = if denied(&err) {
            ErrorCode::ReadOnly
        } else {
            ErrorCode::Io
        };
        CoreError::new(
            code,
            format!(
                "Cannot create the vault's lock file {}: {err}",
                path.display()
            ),
        )
    };
    match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(file) => return Ok((file, true)),
        Err(err) if err.kind() == ErrorKind::AlreadyExists => {}
        Err(err) => return Err(fail(err)),
    }
    // An existing sidecar: `flock` needs no write access, so a read-only one will do.
    OpenOptions::new()
        .write(true)
        .open(path)
        .or_else(|_| File::open(path))
        .map(|file| (file, false))
        .map_err(fail)
}

/// Whether an I/O error says the place cannot be written (permissions or read-only media).
pub(crate) fn denied(err: &std::io::Error) -> bool {
    matches!(
        err.kind(),
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem
    )
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(target_os = "linux")]
fn lock_identity(vault: &Path) -> Result<Option<File>> {
    let file =
        File::open(vault).map_err(|e| CoreError::io("Cannot open the vault to lock it", &e))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(TryLockError::WouldBlock) => Err(in_use(vault)),
        Err(TryLockError::Error(err)) => Err(CoreError::io("Cannot lock the vault", &err)),
    }
}

#[cfg(not(target_os = "linux"))]
fn lock_identity(_vault: &Path) -> Result<Option<File>> {
    Ok(None)
}
