//! The files the page may name. A path enters the shell only from a native dialog, from a
//! drop on the window (Tauri's Rust-side drag-and-drop event) or from the shell's own settings
//! file; the shell keeps it here and gives the page an opaque random handle with the file's
//! name, for display. Commands take handles, never paths, so a script in the page cannot make
//! the shell read, write or show a file the user did not choose.
//!
//! Each handle is bound to what the file was chosen for ([`Purpose`]): a spreadsheet picked to
//! read is not a destination to write, a destination is not a vault to open. Handles live until
//! the vault is locked (or the app quits); [`Handles::clear`] is called on every lock, manual
//! or idle. Registering the same path for the same purpose again gives the same handle, so the
//! recent-vaults list keeps stable handles however often the start screen asks for it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use isms_core::{ErrorCode, FieldError};
use rand_core::RngCore;
use serde::Serialize;
use ts_rs::TS;

use crate::error::{IpcError, IpcResult};

/// What a file was chosen for; a handle is only accepted for the purpose it was made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Purpose {
    /// A file to read: evidence, a spreadsheet or a CSV to import (open dialog or drop).
    Read,
    /// A new file to write: an export destination chosen in a save dialog.
    Save,
    /// A file the app wrote (an export), which the page may ask to show in the file manager.
    Written,
    /// An existing vault: chosen in the open dialog, on the recent list, or a restored copy.
    Vault,
    /// Where a new vault goes, chosen in the save dialog.
    NewVault,
    /// One of a vault's automatic backups, found by the shell.
    Backup,
}

/// A file as the page knows it: the handle to pass back, and what to show.
#[derive(Debug, Clone, Serialize, TS, PartialEq)]
#[ts(export)]
pub struct FileRef {
    /// Opaque; valid until the vault is locked or the app quits.
    pub handle: String,
    /// The file's name, e.g. `staff list.csv`.
    pub name: String,
    /// The full path, for display only: no command accepts it.
    pub shown: String,
    /// The file's size when it was chosen, if it exists.
    pub bytes: Option<f64>,
}

#[derive(Debug, Clone)]
struct Entry {
    path: PathBuf,
    purpose: Purpose,
}

/// The registry of chosen files; one per app, in the managed state.
#[derive(Debug, Default)]
pub struct Handles {
    entries: Mutex<HashMap<String, Entry>>,
}

/// The refusal of a handle the shell did not give out, gave out for another purpose, or gave
/// out before the last lock. A path sent as a handle gets it too.
pub fn unknown() -> IpcError {
    let message = "That file was not chosen in this session. Choose it again.";
    let mut err = IpcError::new(ErrorCode::Validation, message);
    err.fields.push(FieldError::new("file", message));
    err
}

impl Handles {
    fn guard(&self) -> MutexGuard<'_, HashMap<String, Entry>> {
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Keeps `path` for `purpose` and returns its reference for the page.
    pub fn register(&self, path: &Path, purpose: Purpose) -> FileRef {
        let mut entries = self.guard();
        let existing = entries
            .iter()
            .find(|(_, e)| e.purpose == purpose && e.path == path)
            .map(|(h, _)| h.clone());
        let handle = existing.unwrap_or_else(|| {
            let handle = new_handle();
            entries.insert(
                handle.clone(),
                Entry {
                    path: path.to_owned(),
                    purpose,
                },
            );
            handle
        });
        file_ref(handle, path)
    }

    /// The path behind `handle`, if it was given out for `purpose` since the last lock.
    pub fn resolve(&self, handle: &str, purpose: Purpose) -> IpcResult<PathBuf> {
        match self.guard().get(handle) {
            Some(entry) if entry.purpose == purpose => Ok(entry.path.clone()),
            _ => Err(unknown()),
        }
    }

    /// Forgets every handle (on lock).
    pub fn clear(&self) {
        self.guard().clear();
    }

    /// How many handles are alive.
    pub fn len(&self) -> usize {
        self.guard().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// 128 random bits from the operating system, as hex.
fn new_handle() -> String {
    let mut bytes = [0u8; 16];
    rand_core::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

fn file_ref(handle: String, path: &Path) -> FileRef {
    FileRef {
        handle,
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string()),
        shown: path.display().to_string(),
        bytes: std::fs::metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len() as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handle_resolves_only_for_its_purpose_and_only_until_cleared() {
        let handles = Handles::default();
        let chosen = handles.register(Path::new("/home/u/staff list.csv"), Purpose::Read);
        assert_eq!(chosen.name, "staff list.csv");
        assert_eq!(chosen.shown, "/home/u/staff list.csv");
        assert_eq!(chosen.handle.len(), 32, "128 bits as hex");
        assert_eq!(
            handles.resolve(&chosen.handle, Purpose::Read).unwrap(),
            Path::new("/home/u/staff list.csv")
        );
        let err = handles.resolve(&chosen.handle, Purpose::Save).unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::Validation,
            "a file to read is no destination"
        );
        assert_eq!(err.fields[0].field, "file");
        handles.clear();
        assert!(handles.is_empty());
        assert_eq!(
            handles
                .resolve(&chosen.handle, Purpose::Read)
                .unwrap_err()
                .code,
            ErrorCode::Validation,
            "a lock forgets every handle"
        );
    }

    #[test]
    fn paths_and_made_up_handles_are_refused() {
        let handles = Handles::default();
        handles.register(Path::new("/etc/hosts"), Purpose::Read);
        for made_up in [
            "/etc/hosts",
            "/etc/passwd",
            "",
            "00000000000000000000000000000000",
        ] {
            assert!(
                handles.resolve(made_up, Purpose::Read).is_err(),
                "{made_up:?} is not a handle the shell gave out"
            );
        }
    }

    #[test]
    fn the_same_file_for_the_same_purpose_keeps_its_handle() {
        let handles = Handles::default();
        let a = handles.register(Path::new("/v/acme.isms"), Purpose::Vault);
        let b = handles.register(Path::new("/v/acme.isms"), Purpose::Vault);
        let c = handles.register(Path::new("/v/acme.isms"), Purpose::NewVault);
        let d = handles.register(Path::new("/v/other.isms"), Purpose::Vault);
        assert_eq!(a.handle, b.handle);
        assert_ne!(a.handle, c.handle, "another purpose, another handle");
        assert_ne!(a.handle, d.handle);
        assert_eq!(handles.len(), 3);
    }

    #[test]
    fn a_reference_carries_the_size_of_an_existing_file_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("evidence.pdf");
        std::fs::write(&file, b"12345").unwrap();
        let handles = Handles::default();
        assert_eq!(handles.register(&file, Purpose::Read).bytes, Some(5.0));
        assert_eq!(
            handles
                .register(&dir.path().join("new.pdf"), Purpose::Save)
                .bytes,
            None
        );
        assert_eq!(handles.register(dir.path(), Purpose::Read).bytes, None);
    }
}
