//! Commands of the Statement of Applicability: entries with their totals, edits (one or in
//! bulk), approval and the approved versions.

use chrono::NaiveDate;
use isms_core::soa::{self, SoaEntry, SoaTotals, SoaVersion};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

/// The SoA as `soa_list` returns it: the 93 entries and totals computed from them.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SoaView {
    pub entries: Vec<SoaEntry>,
    pub totals: SoaTotals,
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn soa_list(state: State<'_, AppState>) -> IpcResult<SoaView> {
    state.with_vault(|vault| {
        let entries = soa::list(vault.reader())?;
        Ok(SoaView {
            totals: soa::totals(&entries),
            entries,
        })
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn soa_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    entry: SoaEntry,
) -> IpcResult<SoaEntry> {
    write(&app, &state, |vault, stamp| {
        soa::update(vault, stamp, entry)
    })
}

/// Saves several entries at once (bulk actions), all or nothing.
#[tauri::command(async, rename_all = "snake_case")]
pub fn soa_update_many<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    entries: Vec<SoaEntry>,
) -> IpcResult<Vec<SoaEntry>> {
    write(&app, &state, |vault, stamp| {
        soa::update_many(vault, stamp, entries)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn soa_approve<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    approved_by: i64,
    approved_on: NaiveDate,
    note: String,
) -> IpcResult<SoaVersion> {
    write(&app, &state, |vault, stamp| {
        soa::approve(vault, stamp, approved_by, approved_on, &note)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn soa_versions(state: State<'_, AppState>) -> IpcResult<Vec<SoaVersion>> {
    state.with_vault(|vault| soa::versions(vault.reader()))
}
