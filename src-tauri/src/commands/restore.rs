//! Commands that recover from a damaged vault: `vault_find_backup` tells damage from a wrong
//! passphrase and finds the newest automatic backup that verifies; `vault_restore_backup`
//! writes that backup as a new file beside the damaged one. Neither touches the damaged file;
//! the page then unlocks the restored copy with `vault_unlock`.

use isms_core::db::{self, BackupSearch, RestoredCopy};
use tauri::State;

use super::vault::vault_path;
use crate::error::IpcResult;
use crate::seal::Sealed;
use crate::state::AppState;

/// Diagnoses the vault at `path` with `passphrase` and looks for its newest good backup.
#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_find_backup(
    state: State<'_, AppState>,
    path: String,
    passphrase: Sealed,
) -> IpcResult<BackupSearch> {
    let [passphrase] = state.sealer.open([passphrase])?;
    let path = vault_path(&path)?;
    Ok(db::find_backup(
        &state.paths.backups_dir,
        &path,
        &passphrase,
    )?)
}

/// Restores `backup`, one of the automatic backups of the vault at `path`, as a copy beside it.
#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_restore_backup(
    state: State<'_, AppState>,
    path: String,
    backup: String,
    passphrase: Sealed,
) -> IpcResult<RestoredCopy> {
    let [passphrase] = state.sealer.open([passphrase])?;
    let path = vault_path(&path)?;
    let backup = vault_path(&backup)?;
    Ok(db::restore_backup(
        &state.paths.backups_dir,
        &path,
        &backup,
        &passphrase,
    )?)
}
