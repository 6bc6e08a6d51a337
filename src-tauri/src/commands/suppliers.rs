//! Commands of the supplier register (A.5.19–5.22): suppliers, their reviews and certificates.

use isms_core::suppliers::{self, Certificate, Supplier, SupplierReview};
use tauri::{AppHandle, Runtime, State};

use super::write;
use crate::error::IpcResult;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn suppliers_list(state: State<'_, AppState>) -> IpcResult<Vec<Supplier>> {
    state.with_vault(|vault| suppliers::list(vault.reader()))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn suppliers_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    supplier: Supplier,
) -> IpcResult<Supplier> {
    write(&app, &state, |vault, stamp| {
        suppliers::create(vault, stamp, supplier)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn suppliers_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    supplier: Supplier,
) -> IpcResult<Supplier> {
    write(&app, &state, |vault, stamp| {
        suppliers::update(vault, stamp, supplier)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn suppliers_delete<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<()> {
    write(&app, &state, |vault, stamp| {
        suppliers::delete(vault, stamp, id)
    })
}

/// Records a review of a supplier; answers the supplier with its reviews.
#[tauri::command(async, rename_all = "snake_case")]
pub fn suppliers_add_review<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    review: SupplierReview,
) -> IpcResult<Supplier> {
    write(&app, &state, |vault, stamp| {
        suppliers::add_review(vault, stamp, review)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn suppliers_remove_review<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<Supplier> {
    write(&app, &state, |vault, stamp| {
        suppliers::remove_review(vault, stamp, id)
    })
}

/// Adds a certificate (`id` 0) or updates one; answers the supplier.
#[tauri::command(async, rename_all = "snake_case")]
pub fn suppliers_save_certificate<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    certificate: Certificate,
) -> IpcResult<Supplier> {
    write(&app, &state, |vault, stamp| {
        suppliers::save_certificate(vault, stamp, certificate)
    })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn suppliers_remove_certificate<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<Supplier> {
    write(&app, &state, |vault, stamp| {
        suppliers::remove_certificate(vault, stamp, id)
    })
}
