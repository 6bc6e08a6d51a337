//! The search command: every record of the vault that holds every word of a query, for the
//! search page and the sidebar's search box.

use isms_core::search::{self, SearchResults};
use tauri::State;

use crate::error::IpcResult;
use crate::state::AppState;

/// Hits shown at most; `total` still counts them all.
const MOST: usize = 200;

#[tauri::command(async, rename_all = "snake_case")]
pub fn search_records(state: State<'_, AppState>, query: String) -> IpcResult<SearchResults> {
    state.with_vault(|vault| search::search(vault.reader(), &query, MOST))
}
