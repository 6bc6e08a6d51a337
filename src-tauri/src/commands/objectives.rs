//! Commands of the objectives domain (6.2).

use isms_core::objectives::{self, Objective};
use tauri::{AppHandle, Runtime, State};

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn objectives_list(state: State<'_, AppState>) -> IpcResult<Vec<Objective>> {
    state.with_vault(|vault| objectives::list(vault.reader()))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn objectives_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    objective: Objective,
) -> IpcResult<Objective> {
    write(&app, &state, |vault, stamp| {
        objectives::create(vault, stamp, objective)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn objectives_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    objective: Objective,
) -> IpcResult<Objective> {
    write(&app, &state, |vault, stamp| {
        objectives::update(vault, stamp, objective)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn objectives_delete<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| {
        objectives::delete(vault, stamp, id)
    })
}
