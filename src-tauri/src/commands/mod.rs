//! Thin adapters between the webview and the core, one file per domain. Each command takes the
//! core from state, calls one core function and maps the error; nothing else. Which functions
//! are commands is declared once, in `list.rs`: [`handler`] and [`DECLARED`] are made from it.
//! Commands are generic over the Tauri runtime, so the smoke tests drive them through Tauri's
//! mock runtime without a window.

#[macro_use]
mod list;

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
pub mod incidents;
pub mod measures;
pub mod objectives;
pub mod organisation;
pub mod people;
pub mod readiness;
pub mod reference;
pub mod requirements;
pub mod restore;
pub mod reviews;
pub mod risks;
pub mod search;
#[cfg(feature = "e2e")]
pub mod security;
pub mod sheets;
pub mod soa;
pub mod suppliers;
pub mod tracker;
pub mod training;
pub mod vault;

use isms_core::{CoreError, Stamp, Vault};
use tauri::ipc::Invoke;
use tauri::{AppHandle, Runtime};

use crate::dialog::{self, Ask};
use crate::error::IpcResult;
use crate::events;
use crate::handles::{FileRef, Purpose};
use crate::state::AppState;

/// One command of the declaration (`list.rs`): its function's name, the module under
/// `commands/` that holds it, and its conditions (`cfg(feature = "e2e")` or none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declared {
    pub name: &'static str,
    pub module: &'static str,
    pub conditions: &'static [&'static str],
}

macro_rules! declared {
    ($($(#[$($attr:tt)*])* $module:ident::$name:ident),* $(,)?) => {
        &[$(Declared {
            name: stringify!($name),
            module: stringify!($module),
            conditions: &[$(stringify!($($attr)*)),*],
        }),*]
    };
}

/// Every declared command, in the declaration's order, whatever the build.
pub const DECLARED: &[Declared] = with_commands!(declared);

macro_rules! invoke_handler {
    ($($(#[$($attr:tt)*])* $module:ident::$name:ident),* $(,)?) => {
        tauri::generate_handler![$($(#[$($attr)*])* $module::$name),*]
    };
}

/// The invoke handler of every declared command this build registers (the e2e-only ones in
/// the e2e build only).
pub fn handler<R: Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    with_commands!(invoke_handler)
}

/// Asks for one file to read (`Locked` while locked) and hands the page its handle; `None`
/// when the dialog is cancelled.
pub(crate) fn choose_to_read<R: Runtime>(
    app: &AppHandle<R>,
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
pub(crate) fn write<R: Runtime, T>(
    app: &AppHandle<R>,
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
