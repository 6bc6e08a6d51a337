//! Commands of the clause checklist (clauses 4 to 10).

use isms_core::clauses::{self, ClauseEntry};
use tauri::{AppHandle, State};

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn clauses_list(state: State<'_, AppState>) -> IpcResult<Vec<ClauseEntry>> {
    state.with_vault(|vault| clauses::list(vault.reader()))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn clauses_update(
    app: AppHandle,
    state: State<'_, AppState>,
    entry: ClauseEntry,
) -> IpcResult<ClauseEntry> {
    write(&app, &state, "clauses", |vault, stamp| {
        clauses::update(vault, stamp, entry)
    })
}
