//! Commands of the CSV imports. The file is chosen with the native open dialog, and the page
//! holds only its handle (`handles.rs`); a dry run
//! previews every row (or every row's error) without writing. Progress goes back over a
//! channel, at most about a hundred messages per pass; `imports_cancel` stops the running
//! import at its next row, and a cancelled import writes nothing.

use std::sync::atomic::Ordering;

use isms_core::imports::{self, ImportProgress, ImportReport, Table};
use isms_sheets::read::Limits;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use super::write;
use crate::dialog::Ask;
use crate::error::IpcResult;
use crate::handles::{FileRef, Purpose};
use crate::state::AppState;

/// Asks for a CSV file; `null` when cancelled.
#[tauri::command(async, rename_all = "snake_case")]
pub fn imports_choose_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> IpcResult<Option<FileRef>> {
    super::choose_to_read(
        &app,
        &state,
        Ask::new("Choose a CSV file").filter("CSV", &["csv", "txt"]),
    )
}

/// Imports (or, with `dry_run`, previews) `kind` — `training` or `acknowledgements` — from the
/// CSV behind handle `file`, all or nothing, reporting progress on `on_progress`.
#[tauri::command(async, rename_all = "snake_case")]
pub fn imports_run<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    kind: String,
    file: String,
    dry_run: bool,
    on_progress: Channel<ImportProgress>,
) -> IpcResult<ImportReport> {
    let table = read_table(&state, &file)?;
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

/// The table behind handle `file`, read like any register (its encoding and delimiter
/// detected, within the same limits): `Locked` while locked (a locked app reads nothing),
/// refused unless the shell gave the handle out.
pub fn read_table(state: &AppState, file: &str) -> IpcResult<Table> {
    state.require_unlocked()?;
    let path = state.handles.resolve(file, Purpose::Read)?;
    Ok(isms_sheets::read::table(&path, Limits::default())?)
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
