//! Commands of the context domain: the internal and external issues of clause 4.1 and the
//! interested parties of clause 4.2. One read returns both lists, as the Organisation screen
//! shows them together.

use isms_core::context::{self, ContextIssue, InterestedParty};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

/// Everything of the context domain, as `context_list` returns it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ContextView {
    pub issues: Vec<ContextIssue>,
    pub parties: Vec<InterestedParty>,
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn context_list(state: State<'_, AppState>) -> IpcResult<ContextView> {
    state.with_vault(|vault| {
        let conn = vault.reader();
        Ok(ContextView {
            issues: context::list_issues(conn)?,
            parties: context::list_parties(conn)?,
        })
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn context_create_issue<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    issue: ContextIssue,
) -> IpcResult<ContextIssue> {
    write(&app, &state, |vault, stamp| {
        context::create_issue(vault, stamp, issue)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn context_update_issue<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    issue: ContextIssue,
) -> IpcResult<ContextIssue> {
    write(&app, &state, |vault, stamp| {
        context::update_issue(vault, stamp, issue)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn context_delete_issue<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| {
        context::delete_issue(vault, stamp, id)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn context_create_party<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    party: InterestedParty,
) -> IpcResult<InterestedParty> {
    write(&app, &state, |vault, stamp| {
        context::create_party(vault, stamp, party)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn context_update_party<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    party: InterestedParty,
) -> IpcResult<InterestedParty> {
    write(&app, &state, |vault, stamp| {
        context::update_party(vault, stamp, party)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn context_delete_party<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| {
        context::delete_party(vault, stamp, id)
    })
}
