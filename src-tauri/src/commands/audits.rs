//! Commands of the internal audit programme: audits, their live independence check, and the
//! findings raised in them.

use isms_core::audits::{self, Audit, Conflict};
use isms_core::tracker::TrackerItem;
use tauri::{AppHandle, Runtime, State};

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn audits_list(state: State<'_, AppState>) -> IpcResult<Vec<Audit>> {
    state.with_vault(|vault| audits::list(vault.reader()))
}

/// The conflicts of independence of an audit as it stands in the form (saved or not).
#[tauri::command(async, rename_all = "snake_case")]
pub fn audits_conflicts(state: State<'_, AppState>, audit: Audit) -> IpcResult<Vec<Conflict>> {
    state.with_vault(|vault| audits::conflicts(vault.reader(), &audit))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn audits_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    audit: Audit,
) -> IpcResult<Audit> {
    write(&app, &state, |vault, stamp| {
        audits::create(vault, stamp, audit)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn audits_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    audit: Audit,
) -> IpcResult<Audit> {
    write(&app, &state, |vault, stamp| {
        audits::update(vault, stamp, audit)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn audits_delete<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| {
        audits::delete(vault, stamp, id)
    })
}

/// Raises a finding in an audit; it becomes a tracker item linked to the audit.
#[tauri::command(async, rename_all = "snake_case")]
pub fn audits_raise_finding<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    audit_id: i64,
    item: TrackerItem,
) -> IpcResult<TrackerItem> {
    write(&app, &state, |vault, stamp| {
        audits::raise_finding(vault, stamp, audit_id, item)
    })
}
