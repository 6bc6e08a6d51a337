//! Commands of the requirements register (4.2 c, A.5.31–5.34).

use isms_core::requirements::{self, Requirement};
use tauri::{AppHandle, Runtime, State};

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn requirements_list(state: State<'_, AppState>) -> IpcResult<Vec<Requirement>> {
    state.with_vault(|vault| requirements::list(vault.reader()))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn requirements_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    requirement: Requirement,
) -> IpcResult<Requirement> {
    write(&app, &state, |vault, stamp| {
        requirements::create(vault, stamp, requirement)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn requirements_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    requirement: Requirement,
) -> IpcResult<Requirement> {
    write(&app, &state, |vault, stamp| {
        requirements::update(vault, stamp, requirement)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn requirements_delete<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| {
        requirements::delete(vault, stamp, id)
    })
}
