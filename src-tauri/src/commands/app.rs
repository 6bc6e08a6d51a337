//! Commands about the app itself: what the start screen needs, and the user's settings.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::{IpcError, IpcResult};
use crate::handles::Purpose;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RecentVault {
    /// The handle `vault_unlock` and `vault_forget` take; made by the shell from its own
    /// settings file.
    pub handle: String,
    /// For display only.
    pub path: String,
    /// RFC 3339.
    pub last_opened: String,
    pub exists: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub dev_build: bool,
    pub default_vault_dir: String,
    pub recent: Vec<RecentVault>,
    pub idle_lock_minutes: u32,
}

pub fn app_info_of(state: &AppState) -> AppInfo {
    let settings = state.settings();
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        dev_build: cfg!(debug_assertions),
        default_vault_dir: state.paths.default_vault_dir.display().to_string(),
        recent: settings
            .recent
            .iter()
            .map(|r| RecentVault {
                handle: state.handles.register(&r.path, Purpose::Vault).handle,
                path: r.path.display().to_string(),
                last_opened: r.last_opened.to_rfc3339(),
                exists: r.path.is_file(),
            })
            .collect(),
        idle_lock_minutes: settings.idle_lock_minutes,
    }
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    app_info_of(&state)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn settings_update(state: State<'_, AppState>, idle_lock_minutes: u32) -> IpcResult<AppInfo> {
    if !(1..=240).contains(&idle_lock_minutes) {
        let mut err = IpcError::new(
            isms_core::ErrorCode::Validation,
            "Between 1 and 240 minutes.",
        );
        err.fields.push(isms_core::FieldError::new(
            "idle_lock_minutes",
            "Between 1 and 240 minutes.",
        ));
        return Err(err);
    }
    state.touch();
    state.update_settings(|s| s.idle_lock_minutes = idle_lock_minutes)?;
    Ok(app_info_of(&state))
}
