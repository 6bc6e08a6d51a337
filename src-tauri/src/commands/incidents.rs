//! Commands of the incident log (A.5.24–5.28): incidents and the tracker items they raise.

use isms_core::incidents::{self, Incident};
use isms_core::tracker::TrackerItem;
use tauri::{AppHandle, Runtime, State};

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn incidents_list(state: State<'_, AppState>) -> IpcResult<Vec<Incident>> {
    state.with_vault(|vault| incidents::list(vault.reader()))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn incidents_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    incident: Incident,
) -> IpcResult<Incident> {
    write(&app, &state, |vault, stamp| {
        incidents::create(vault, stamp, incident)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn incidents_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    incident: Incident,
) -> IpcResult<Incident> {
    write(&app, &state, |vault, stamp| {
        incidents::update(vault, stamp, incident)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn incidents_delete<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| {
        incidents::delete(vault, stamp, id)
    })
}

/// Raises a tracker item (an NC or an action) from an incident, linked back to it.
#[tauri::command(async, rename_all = "snake_case")]
pub fn incidents_raise_item<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    incident_id: i64,
    item: TrackerItem,
) -> IpcResult<TrackerItem> {
    write(&app, &state, |vault, stamp| {
        incidents::raise_item(vault, stamp, incident_id, item)
    })
}
