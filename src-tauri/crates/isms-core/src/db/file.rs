//! What can be said about a vault file before it is decrypted: where it really is (symlinks and
//! `..` resolved once, so every later step uses one name), whether it is one file with one name
//! (a second hard link is refused), whether this process may write it, and whether its first
//! bytes could be a vault's. Nothing here writes anything: sniffing reads sixteen bytes.
//! The lock that keeps a second process out is in `lock.rs`.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{CoreError, ErrorCode, Result};

const SQLITE_PLAINTEXT_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// The vault's real path: symlinks and `..` resolved, once, at open. The lock, the `-wal` and
/// `-shm` files, the staging copy of a passphrase change and its final rename all use it, so a
/// symlink stays a symlink and two spellings of one vault are one vault.
pub(crate) fn resolve(path: &Path) -> Result<PathBuf> {
    std::fs::canonicalize(path).map_err(|err| match err.kind() {
        std::io::ErrorKind::NotFound => not_found(path),
        _ => CoreError::io(&format!("Cannot find {}", path.display()), &err),
    })
}

/// The real path of a vault about to be created at `path`: its folder resolved, its name kept.
pub(crate) fn resolve_new(path: &Path) -> Result<PathBuf> {
    let name = path.file_name().ok_or_else(|| {
        CoreError::new(
            ErrorCode::Validation,
            format!("{} does not name a file.", path.display()),
        )
    })?;
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    let folder = std::fs::canonicalize(parent.unwrap_or(Path::new(".")))
        .map_err(|e| CoreError::io("Cannot find the vault's folder", &e))?;
    Ok(folder.join(name))
}

/// Refuses what is not one regular file with one name. A second hard link would give SQLite
/// two write-ahead logs and the lock two sidecars for one database, and two writers damage it.
pub(crate) fn check_identity(path: &Path) -> Result<()> {
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
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(CoreError::new(
                ErrorCode::HardLinked,
                format!(
                    "{} has {} names (hard links) in the file system. ISMS Desk opens a vault \
                     only under one name, because two programs opening it under two names could \
                     damage it. Delete the other names (keep this one) or open a copy.",
                    path.display(),
                    meta.nlink()
                ),
            ));
        }
    }
    Ok(())
}

/// Whether this process may write the vault and create files beside it (SQLite's `-wal` and
/// `-shm`). As root, file modes do not count, but read-only media still do.
#[cfg(unix)]
pub(crate) fn can_write(path: &Path) -> bool {
    use rustix::fs::{Access, AtFlags, CWD, accessat};
    let may = |p: &Path| accessat(CWD, p, Access::WRITE_OK, AtFlags::EACCESS).is_ok();
    may(path) && path.parent().is_some_and(may)
}

#[cfg(not(unix))]
pub(crate) fn can_write(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
}

/// Refuses files that are certainly not a vault, before any key is tried.
///
/// An SQLCipher 4 file begins with a random 16-byte salt. A plaintext SQLite header, a file
/// shorter than that, or a first line that reads as text or as a well-known format's magic is
/// not a vault. Anything else may be a vault and goes on to the key check.
pub(crate) fn sniff(path: &Path) -> Result<()> {
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
