//! Commands of the organisation domain.

use isms_core::organisation::{self, Organisation};
use tauri::{AppHandle, Runtime, State};

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn organisation_get(state: State<'_, AppState>) -> IpcResult<Organisation> {
    state.with_vault(|vault| organisation::get(vault.reader()))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn organisation_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    organisation: Organisation,
) -> IpcResult<Organisation> {
    write(&app, &state, |vault, stamp| {
        organisation::update(vault, stamp, organisation)
    })
}
