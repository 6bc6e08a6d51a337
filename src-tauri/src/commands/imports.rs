//! Commands of the CSV imports. The file is chosen with the native open dialog; a dry run
//! previews every row (or every row's error) without writing. Progress goes back over a
//! channel, at most about a hundred messages per pass; `imports_cancel` stops the running
//! import at its next row, and a cancelled import writes nothing.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use isms_core::imports::{self, ImportProgress, ImportReport};
use isms_sheets::read::Limits;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use super::write;
use crate::error::IpcResult;
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
/// CSV at `path`, all or nothing, reporting progress on `on_progress`.
#[tauri::command(async, rename_all = "snake_case")]
pub fn imports_run(
    app: AppHandle,
    state: State<'_, AppState>,
    kind: String,
    path: String,
    dry_run: bool,
    on_progress: Channel<ImportProgress>,
) -> IpcResult<ImportReport> {
    // Read like any register: its encoding and delimiter detected, within the same limits.
    let table = isms_sheets::read::table(&PathBuf::from(path), Limits::default())?;
    let domain = if kind == "training" {
        "training"
    } else {
        "acknowledgements"
    };
    let mut watch = progress_watch(&state, &on_progress);
    write(&app, &state, domain, |vault, stamp| match kind.as_str() {
        "training" => imports::training_table(vault, stamp, table, dry_run, &mut watch),
        "acknowledgements" => {
            imports::acknowledgements_table(vault, stamp, table, dry_run, &mut watch)
        }
        other => Err(imports::unknown_kind(other)),
    })
}

/// The import's progress callback: sends about a hundred updates over the run (every row
/// would flood the channel on a large file) and answers whether to go on, which turns false
/// once `imports_cancel` is called. Starting a run clears an earlier cancel.
pub(crate) fn progress_watch<'a>(
    state: &'a AppState,
    on_progress: &'a Channel<ImportProgress>,
) -> impl FnMut(ImportProgress) -> bool + 'a {
    state.import_cancel.store(false, Ordering::SeqCst);
    move |progress: ImportProgress| {
        let every = (progress.total / 100).max(1);
        if progress.done.is_multiple_of(every) || progress.done == progress.total {
            // A closed channel (the page went away) must not stop the import.
            let _ = on_progress.send(progress);
        }
        !state.import_cancel.load(Ordering::SeqCst)
    }
}

/// Asks the running import, if any, to stop at its next row.
#[tauri::command(rename_all = "snake_case")]
pub fn imports_cancel(state: State<'_, AppState>) {
    state.import_cancel.store(true, Ordering::SeqCst);
}
