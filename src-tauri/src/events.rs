//! Events the backend sends to the webview, with their payload types (exported to TypeScript).

use serde::Serialize;
use tauri::{AppHandle, Emitter};
use ts_rs::TS;

pub const VAULT_LOCKED: &str = "vault-locked";
pub const DATA_CHANGED: &str = "data-changed";

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct VaultLockedEvent {
    #[ts(type = "\"idle\" | \"manual\"")]
    pub reason: &'static str,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct DataChangedEvent {
    pub domain: String,
}

pub fn vault_locked(app: &AppHandle, reason: &'static str) {
    let _ = app.emit(VAULT_LOCKED, VaultLockedEvent { reason });
}

pub fn data_changed(app: &AppHandle, domain: &str) {
    let _ = app.emit(
        DATA_CHANGED,
        DataChangedEvent {
            domain: domain.to_owned(),
        },
    );
}
