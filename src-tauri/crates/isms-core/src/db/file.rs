//! What can be said about a vault file before it is decrypted, and the lock that keeps a second
//! process out. Nothing here writes to the vault itself: sniffing reads sixteen bytes, and the
//! lock lives in a hidden sidecar file (`.<name>.lock`) that is never deleted, so two processes
//! can never each hold a lock on a different inode.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{CoreError, ErrorCode, Result};

const SQLITE_PLAINTEXT_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Refuses files that are certainly not a vault, before any key is tried.
///
/// An SQLCipher 4 file begins with a random 16-byte salt. A plaintext SQLite header, a file
/// shorter than that, or a first line that reads as text or as a well-known format's magic is
/// not a vault. Anything else may be a vault and goes on to the key check.
pub(crate) fn sniff(path: &Path) -> Result<()> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Err(not_found(path));
        }
        Err(err) => return Err(CoreError::io("Cannot read the vault file", &err)),
    };
    if !meta.is_file() {
        return Err(not_a_vault(path, "it is a folder or a special file"));
    }
    let mut head = [0u8; 16];
    let mut file = File::open(path).map_err(|e| CoreError::io("Cannot read the vault file", &e))?;
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(err) => return Err(CoreError::io("Cannot read the vault file", &err)),
        }
    }
    if read == 0 {
        return Err(not_a_vault(path, "the file is empty"));
    }
    if read < head.len() {
        return Err(not_a_vault(path, "the file is too small to be a vault"));
    }
    if &head == SQLITE_PLAINTEXT_MAGIC {
        return Err(not_a_vault(path, "it is an unencrypted SQLite database"));
    }
    if looks_like_text_or_known_format(&head) {
        return Err(not_a_vault(
            path,
            "it does not look like an encrypted vault",
        ));
    }
    Ok(())
}

/// Sixteen random bytes are all printable with odds of about one in ten million, and repeat a
/// byte value enough to leave fewer than eight distinct values with odds far lower still.
fn looks_like_text_or_known_format(head: &[u8; 16]) -> bool {
    let printable = head
        .iter()
        .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace());
    let mut seen = [false; 256];
    for b in head {
        seen[*b as usize] = true;
    }
    let distinct = seen.iter().filter(|s| **s).count();
    let magic: [&[u8]; 5] = [
        b"%PDF",
        b"PK\x03\x04",
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"\x1F\x8B",
    ];
    printable || distinct < 8 || magic.iter().any(|m| head.starts_with(m))
}

pub(crate) fn not_found(path: &Path) -> CoreError {
    CoreError::new(
        ErrorCode::NotFound,
        format!("No vault at {}.", path.display()),
    )
}

fn not_a_vault(path: &Path, why: &str) -> CoreError {
    CoreError::new(
        ErrorCode::NotAVault,
        format!("{} is not an ISMS Desk vault: {why}.", path.display()),
    )
}

/// The sidecar lock file's path: `.<file name>.lock` in the vault's folder.
pub(crate) fn lock_path(vault: &Path) -> PathBuf {
    let name = vault
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    vault.with_file_name(format!(".{name}.lock"))
}

/// An exclusive, advisory, process-wide lock on the vault; released when dropped (and by the OS
/// when the process dies, so a crash never leaves the vault locked).
#[derive(Debug)]
pub(crate) struct VaultLock {
    _file: File,
}

impl VaultLock {
    pub(crate) fn acquire(vault: &Path) -> Result<Self> {
        let path = lock_path(vault);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| CoreError::io("Cannot create the vault's lock file", &e))?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(CoreError::new(
                ErrorCode::InUse,
                format!(
                    "{} is open in another ISMS Desk window or program. Close it there first; \
                     two programs writing to one vault could damage it.",
                    vault.display()
                ),
            )),
            Err(TryLockError::Error(err)) => Err(CoreError::io("Cannot lock the vault", &err)),
        }
    }
}
