//! Commands of the CSV imports. The file is chosen with the native open dialog; a dry run
//! previews every row (or every row's error) without writing.

use std::path::PathBuf;

use isms_core::imports::{self, ImportReport};
use isms_core::{CoreError, ErrorCode};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use super::write;
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// Asks for a CSV file; `null` when cancelled.
#[tauri::command(async, rename_all = "snake_case")]
pub fn imports_choose_file(app: AppHandle) -> Option<String> {
    let chosen = app
        .dialog()
        .file()
        .set_title("Choose a CSV file")
        .add_filter("CSV", &["csv", "txt"])
        .blocking_pick_file()?;
    chosen.into_path().ok().map(|p| p.display().to_string())
}

/// Imports (or, with `dry_run`, previews) `kind` — `training` or `acknowledgements` — from the
/// CSV at `path`, all or nothing.
#[tauri::command(async, rename_all = "snake_case")]
pub fn imports_run(
    app: AppHandle,
    state: State<'_, AppState>,
    kind: String,
    path: String,
    dry_run: bool,
) -> IpcResult<ImportReport> {
    let path = PathBuf::from(path);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        IpcError::from(CoreError::new(
            ErrorCode::Io,
            format!("Cannot read {}: {e}", path.display()),
        ))
    })?;
    let domain = if kind == "training" {
        "training"
    } else {
        "acknowledgements"
    };
    write(&app, &state, domain, |vault, stamp| match kind.as_str() {
        "training" => imports::training(vault, stamp, &text, dry_run),
        "acknowledgements" => imports::acknowledgements(vault, stamp, &text, dry_run),
        other => Err(imports::unknown_kind(other)),
    })
}
