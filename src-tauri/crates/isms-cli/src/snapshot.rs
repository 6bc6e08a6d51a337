//! `isms snapshot export --out`: the snapshot is written to a hidden temporary file beside the
//! destination, created exclusively under a random name (so no file or link planted there is
//! followed), flushed to disk, and only then moved to its name, never over an existing file. A
//! failure at any step (a full disk, a file size limit) leaves no file behind, neither the
//! temporary one nor a truncated snapshot.

use std::io::Write;
use std::path::Path;

use isms_core::{CoreError, ErrorCode, Result};

/// Writes `text` to the new file `path`; `AlreadyExists` when it exists.
pub fn write_new_file(path: &Path, text: &str) -> Result<()> {
    let cannot = |e: &std::io::Error| CoreError::io(&format!("Cannot write {}", path.display()), e);
    let exists = || {
        CoreError::new(
            ErrorCode::AlreadyExists,
            format!("{} already exists.", path.display()),
        )
    };
    if path.symlink_metadata().is_ok() {
        return Err(exists());
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // Dropped on any error below, which removes it.
    let mut tmp = tempfile::Builder::new()
        .prefix(".isms-snapshot-")
        .suffix(".partial")
        .tempfile_in(dir)
        .map_err(|e| cannot(&e))?;
    let file = tmp.as_file_mut();
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| cannot(&e))?;
    tmp.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            exists()
        } else {
            cannot(&e.error)
        }
    })?;
    Ok(())
}
