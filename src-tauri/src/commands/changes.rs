//! Commands of the changes domain (6.3).

use isms_core::changes::{self, IsmsChange};
use tauri::{AppHandle, Runtime, State};

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn changes_list(state: State<'_, AppState>) -> IpcResult<Vec<IsmsChange>> {
    state.with_vault(|vault| changes::list(vault.reader()))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn changes_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    change: IsmsChange,
) -> IpcResult<IsmsChange> {
    write(&app, &state, |vault, stamp| {
        changes::create(vault, stamp, change)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn changes_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    change: IsmsChange,
) -> IpcResult<IsmsChange> {
    write(&app, &state, |vault, stamp| {
        changes::update(vault, stamp, change)
    })
}
