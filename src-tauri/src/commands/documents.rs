//! Commands of the document register: entries, drafts and approvals of versions.

use chrono::NaiveDate;
use isms_core::documents::{self, Document, DraftVersion};
use isms_core::soa::{self, RegisterEntry};
use tauri::{AppHandle, Runtime, State};

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn documents_list(state: State<'_, AppState>) -> IpcResult<Vec<Document>> {
    state.with_vault(|vault| documents::list(vault.reader()))
}

/// The version each entry of the register shows on `as_of` (the SoA's entry shows the SoA's
/// approvals): the one rule the register, the coverage and the packs share.
#[tauri::command(async, rename_all = "snake_case")]
pub fn documents_register(
    state: State<'_, AppState>,
    as_of: NaiveDate,
) -> IpcResult<Vec<RegisterEntry>> {
    state.with_vault(|vault| soa::register_versions(vault.reader(), as_of))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn documents_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    document: Document,
) -> IpcResult<Document> {
    write(&app, &state, |vault, stamp| {
        documents::create(vault, stamp, document)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn documents_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    document: Document,
) -> IpcResult<Document> {
    write(&app, &state, |vault, stamp| {
        documents::update(vault, stamp, document)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn documents_delete<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| {
        documents::delete(vault, stamp, id)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn documents_save_draft<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    document_id: i64,
    draft: DraftVersion,
) -> IpcResult<Document> {
    write(&app, &state, |vault, stamp| {
        documents::save_draft(vault, stamp, document_id, draft)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn documents_approve_version<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    version_id: i64,
    approved_by: i64,
    approved_on: NaiveDate,
) -> IpcResult<Document> {
    write(&app, &state, |vault, stamp| {
        documents::approve_version(vault, stamp, version_id, approved_by, approved_on)
    })
}
