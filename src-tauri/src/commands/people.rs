//! Commands of the people domain. Deleting someone who still owns records fails with
//! `Referenced`; the UI suggests an end date instead.

use isms_core::people::{self, Person};
use tauri::{AppHandle, Runtime, State};

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn people_list(state: State<'_, AppState>) -> IpcResult<Vec<Person>> {
    state.with_vault(|vault| people::list(vault.reader()))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn people_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    person: Person,
) -> IpcResult<Person> {
    write(&app, &state, |vault, stamp| {
        people::create(vault, stamp, person)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn people_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    person: Person,
) -> IpcResult<Person> {
    write(&app, &state, |vault, stamp| {
        people::update(vault, stamp, person)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn people_delete<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| {
        people::delete(vault, stamp, id)
    })
}
