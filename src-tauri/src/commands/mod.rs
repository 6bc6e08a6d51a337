//! Thin adapters between the webview and the core, one file per domain. Each command takes the
//! core from state, calls one core function and maps the error; nothing else.

pub mod acknowledgements;
pub mod app;
pub mod assets;
pub mod audits;
pub mod changes;
pub mod clauses;
pub mod competence;
pub mod context;
pub mod demo;
pub mod documents;
pub mod evidence;
pub mod export;
pub mod measures;
pub mod objectives;
pub mod organisation;
pub mod people;
pub mod readiness;
pub mod reference;
pub mod restore;
pub mod reviews;
pub mod risks;
pub mod search;
#[cfg(feature = "e2e")]
pub mod security;
pub mod sheets;
pub mod soa;
pub mod tracker;
pub mod training;
pub mod vault;

use isms_core::{CoreError, Stamp, Vault};
use tauri::AppHandle;

use crate::dialog::{self, Ask};
use crate::error::IpcResult;
use crate::events;
use crate::handles::{FileRef, Purpose};
use crate::state::AppState;

/// Asks for one file to read (`Locked` while locked) and hands the page its handle; `None`
/// when the dialog is cancelled.
pub(crate) fn choose_to_read(
    app: &AppHandle,
    state: &AppState,
    ask: Ask<'_>,
) -> IpcResult<Option<FileRef>> {
    state.require_unlocked()?;
    let chosen = dialog::pick_file(app, ask);
    Ok(chosen.map(|p| state.handles.register(&p, Purpose::Read)))
}

/// Runs one write on the unlocked vault with a fresh stamp, then tells the webview which
/// domains it changed: the vault's own account of its committed writes (`WriteTx` notes the
/// domain of every table it records), taken under the same lock, so no command names one.
/// A command that fails after an inner write committed still announces that write.
pub(crate) fn write<T>(
    app: &AppHandle,
    state: &AppState,
    f: impl FnOnce(&mut Vault, Stamp) -> Result<T, CoreError>,
) -> IpcResult<T> {
    let stamp = state.stamp();
    let (out, changed) = state.with_vault(|vault| {
        let out = f(vault, stamp);
        Ok((out, vault.take_changed()))
    })?;
    events::data_changed(app, changed);
    Ok(out?)
}
