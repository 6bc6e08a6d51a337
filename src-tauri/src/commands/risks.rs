//! Commands of the risks domain: the risk method, the register and owners' approvals. The heat
//! maps are counted from the register the page holds (of the rows its filters show) and, in
//! packs, by the core.

use chrono::NaiveDate;
use isms_core::risks::{self, ApprovalKind, Risk, RiskInput, RiskMethod};
use tauri::{AppHandle, Runtime, State};

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn risks_list(state: State<'_, AppState>) -> IpcResult<Vec<Risk>> {
    state.with_vault(|vault| risks::list(vault.reader()))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn risks_method_get(state: State<'_, AppState>) -> IpcResult<Option<RiskMethod>> {
    state.with_vault(|vault| risks::get_method(vault.reader()))
}

/// Sets the method; returns how many risks were flagged for review.
#[tauri::command(async, rename_all = "snake_case")]
pub fn risks_method_set<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    method: RiskMethod,
) -> IpcResult<usize> {
    write(&app, &state, |vault, stamp| {
        risks::set_method(vault, stamp, method)
    })
}

/// Adds a risk from what the user wrote; answers with the risk as saved, scores included.
#[tauri::command(async, rename_all = "snake_case")]
pub fn risks_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    risk: RiskInput,
) -> IpcResult<Risk> {
    write(&app, &state, |vault, stamp| {
        risks::create(vault, stamp, risk)
    })
}

/// Saves a risk whole from what the user wrote; answers with the risk as saved.
#[tauri::command(async, rename_all = "snake_case")]
pub fn risks_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    risk: RiskInput,
) -> IpcResult<Risk> {
    write(&app, &state, |vault, stamp| {
        risks::update(vault, stamp, risk)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn risks_delete<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| risks::delete(vault, stamp, id))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn risks_approve<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    risk_id: i64,
    kind: ApprovalKind,
    person_id: i64,
    approved_on: NaiveDate,
    note: String,
) -> IpcResult<Risk> {
    write(&app, &state, |vault, stamp| {
        risks::approve(vault, stamp, risk_id, kind, person_id, approved_on, &note)
    })
}
