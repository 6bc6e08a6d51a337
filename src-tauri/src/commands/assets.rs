//! Commands of the assets domain (the asset inventory).

use isms_core::assets::{self, Asset};
use tauri::{AppHandle, Runtime, State};

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn assets_list(state: State<'_, AppState>) -> IpcResult<Vec<Asset>> {
    state.with_vault(|vault| assets::list(vault.reader()))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn assets_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    asset: Asset,
) -> IpcResult<Asset> {
    write(&app, &state, |vault, stamp| {
        assets::create(vault, stamp, asset)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn assets_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    asset: Asset,
) -> IpcResult<Asset> {
    write(&app, &state, |vault, stamp| {
        assets::update(vault, stamp, asset)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn assets_delete<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| {
        assets::delete(vault, stamp, id)
    })
}
