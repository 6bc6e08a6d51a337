//! Events the backend sends to the webview, with their payload types (exported to TypeScript).

use isms_core::Domain;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Runtime};
use ts_rs::TS;

use crate::handles::FileRef;

pub const VAULT_LOCKED: &str = "vault-locked";
pub const DATA_CHANGED: &str = "data-changed";
pub const FILES_DROPPED: &str = "files-dropped";

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct VaultLockedEvent {
    #[ts(type = "\"idle\" | \"manual\"")]
    pub reason: &'static str,
}

/// The domains a command's committed writes changed (never empty), in order; a screen
/// refreshes when its domain is among them.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DataChangedEvent {
    pub domains: Vec<Domain>,
}

/// Files dropped on the window: their handles (never paths the page could send back) and
/// where the drop happened, in physical pixels.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct FilesDroppedEvent {
    pub files: Vec<FileRef>,
    pub x: f64,
    pub y: f64,
}

pub fn vault_locked<R: Runtime>(app: &AppHandle<R>, reason: &'static str) {
    let _ = app.emit(VAULT_LOCKED, VaultLockedEvent { reason });
}

/// Announces `domains`, the ones the vault reports written (`Vault::take_changed`); nothing
/// when none was.
pub fn data_changed<R: Runtime>(app: &AppHandle<R>, domains: Vec<Domain>) {
    if !domains.is_empty() {
        let _ = app.emit(DATA_CHANGED, DataChangedEvent { domains });
    }
}

pub fn files_dropped<R: Runtime>(app: &AppHandle<R>, event: FilesDroppedEvent) {
    let _ = app.emit(FILES_DROPPED, event);
}
