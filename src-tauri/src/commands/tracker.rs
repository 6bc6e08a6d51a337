//! Commands of the ISMS tracker.

use chrono::NaiveDate;
use isms_core::tracker::{self, TrackerItem};
use tauri::{AppHandle, Runtime, State};

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn tracker_list(state: State<'_, AppState>) -> IpcResult<Vec<TrackerItem>> {
    state.with_vault(|vault| tracker::list(vault.reader()))
}

/// The items past their due date as of `as_of`, for the dashboard.
#[tauri::command(async, rename_all = "snake_case")]
pub fn tracker_overdue(
    state: State<'_, AppState>,
    as_of: NaiveDate,
) -> IpcResult<Vec<TrackerItem>> {
    state.with_vault(|vault| tracker::overdue(vault.reader(), as_of))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn tracker_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    item: TrackerItem,
) -> IpcResult<TrackerItem> {
    write(&app, &state, |vault, stamp| {
        tracker::create(vault, stamp, item)
    })
}

/// Saves an item; the status rules say exactly what is missing to close a nonconformity.
#[tauri::command(async, rename_all = "snake_case")]
pub fn tracker_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    item: TrackerItem,
) -> IpcResult<TrackerItem> {
    write(&app, &state, |vault, stamp| {
        tracker::update(vault, stamp, item)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn tracker_add_note<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    item_id: i64,
    noted_on: NaiveDate,
    note: String,
) -> IpcResult<TrackerItem> {
    write(&app, &state, |vault, stamp| {
        tracker::add_note(vault, stamp, item_id, noted_on, &note)
    })
}
