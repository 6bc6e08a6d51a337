//! Commands of the clause checklist (clauses 4 to 10): the owner's own links of documents and
//! notes, and the one coverage of every clause as of a day, computed by the core.

use chrono::NaiveDate;
use isms_core::clauses::{self, ClauseEntry};
use isms_core::coverage::{self, Coverage};
use isms_core::view::View;
use tauri::{AppHandle, Runtime, State};

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn clauses_list(state: State<'_, AppState>) -> IpcResult<Vec<ClauseEntry>> {
    state.with_vault(|vault| clauses::list(vault.reader()))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn clauses_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    entry: ClauseEntry,
) -> IpcResult<ClauseEntry> {
    write(&app, &state, |vault, stamp| {
        clauses::update(vault, stamp, entry)
    })
}

/// Where every clause and mandatory item stands on the vault as of `as_of`.
#[tauri::command(async, rename_all = "snake_case")]
pub fn clauses_coverage(state: State<'_, AppState>, as_of: NaiveDate) -> IpcResult<Coverage> {
    state.with_vault(|vault| Ok(coverage::of(&View::load(vault.reader(), as_of)?)))
}
