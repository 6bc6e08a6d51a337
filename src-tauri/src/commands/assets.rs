//! Commands of the assets domain (the asset inventory).

use isms_core::assets::{self, Asset};
use tauri::{AppHandle, Runtime, State};

use crate::error::IpcResult;
use crate::events;
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
    let stamp = state.stamp();
    let saved = state.with_vault(|vault| assets::create(vault, stamp, asset))?;
    events::data_changed(&app, "assets");
    Ok(saved)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn assets_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    asset: Asset,
) -> IpcResult<Asset> {
    let stamp = state.stamp();
    let saved = state.with_vault(|vault| assets::update(vault, stamp, asset))?;
    events::data_changed(&app, "assets");
    Ok(saved)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn assets_delete<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    let stamp = state.stamp();
    state.with_vault(|vault| assets::delete(vault, stamp, id))?;
    events::data_changed(&app, "assets");
    Ok(())
}
