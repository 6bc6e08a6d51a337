//! Commands that recover from a damaged vault: `vault_find_backup` tells damage from a wrong
//! passphrase and finds the newest automatic backup that verifies; `vault_restore_backup`
//! writes that backup as a new file beside the damaged one. Neither touches the damaged file;
//! the page then unlocks the restored copy with `vault_unlock`.

use isms_core::Passphrase;
use isms_core::db::{self, BackupSearch};
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::IpcResult;
use crate::handles::{FileRef, Purpose};
use crate::seal::Sealed;
use crate::state::AppState;

/// What `vault_find_backup` found, and the handle of the backup it offers.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct BackupOffer {
    pub search: BackupSearch,
    /// The handle of `search.found`, for `vault_restore_backup`.
    pub found: Option<String>,
}

/// Diagnoses the vault behind `vault` with `passphrase` and looks for its newest good backup.
#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_find_backup(
    state: State<'_, AppState>,
    vault: String,
    passphrase: Sealed,
) -> IpcResult<BackupOffer> {
    let [passphrase] = state.sealer.open([passphrase])?;
    find_backup(&state, &vault, &passphrase)
}

/// `vault_find_backup` without the webview.
pub fn find_backup(
    state: &AppState,
    vault: &str,
    passphrase: &Passphrase,
) -> IpcResult<BackupOffer> {
    let path = state.handles.resolve(vault, Purpose::Vault)?;
    let search = db::find_backup(&state.paths.backups_dir, &path, passphrase)?;
    let found = search.found.as_ref().map(|b| {
        state
            .handles
            .register(std::path::Path::new(&b.path), Purpose::Backup)
            .handle
    });
    Ok(BackupOffer { search, found })
}

/// Restores `backup` (the handle `vault_find_backup` offered), one of the automatic backups of
/// the vault behind `vault`, as a copy beside it; answers the copy, to unlock.
#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_restore_backup(
    state: State<'_, AppState>,
    vault: String,
    backup: String,
    passphrase: Sealed,
) -> IpcResult<FileRef> {
    let [passphrase] = state.sealer.open([passphrase])?;
    restore(&state, &vault, &backup, &passphrase)
}

/// `vault_restore_backup` without the webview.
pub fn restore(
    state: &AppState,
    vault: &str,
    backup: &str,
    passphrase: &Passphrase,
) -> IpcResult<FileRef> {
    let path = state.handles.resolve(vault, Purpose::Vault)?;
    let backup = state.handles.resolve(backup, Purpose::Backup)?;
    let copy = db::restore_backup(&state.paths.backups_dir, &path, &backup, passphrase)?;
    Ok(state
        .handles
        .register(std::path::Path::new(&copy.path), Purpose::Vault))
}
