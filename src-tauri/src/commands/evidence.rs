//! Commands of the evidence domain. Files enter through the native open dialog, or dropped on
//! the window (the shell's drag-and-drop handler gives the page handles, `drop.rs`), and leave
//! through the native save dialog; the page names files only by handle, never by path.

use std::path::PathBuf;

use chrono::NaiveDate;
use isms_core::evidence::{self, Evidence, NewEvidence};
use isms_core::{CoreError, ErrorCode};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use super::write;
use crate::dialog::{self, Ask};
use crate::error::{IpcError, IpcResult};
use crate::handles::Purpose;
use crate::opened;
use crate::state::AppState;

#[tauri::command(async, rename_all = "snake_case")]
pub fn evidence_list(state: State<'_, AppState>) -> IpcResult<Vec<Evidence>> {
    state.with_vault(|vault| evidence::list(vault.reader()))
}

/// Asks for files with the native dialog and adds each; `[]` when the user cancels.
#[tauri::command(async, rename_all = "snake_case")]
pub fn evidence_choose_and_add<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    links: Vec<String>,
    effective_date: Option<NaiveDate>,
    description: String,
) -> IpcResult<Vec<Evidence>> {
    state.require_unlocked()?;
    let paths = dialog::pick_files(&app, Ask::new("Add evidence files"));
    add_paths(&app, &state, paths, links, effective_date, description)
}

/// Adds files the user dropped on the window, by the handles of the `files-dropped` event.
#[tauri::command(async, rename_all = "snake_case")]
pub fn evidence_add_files<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    files: Vec<String>,
    links: Vec<String>,
    effective_date: Option<NaiveDate>,
    description: String,
) -> IpcResult<Vec<Evidence>> {
    let paths = dropped_paths(&state, &files)?;
    add_paths(&app, &state, paths, links, effective_date, description)
}

/// The files behind the handles of a drop: `Locked` while locked, and every handle must be
/// one the shell gave out, or nothing is added.
pub fn dropped_paths(state: &AppState, files: &[String]) -> IpcResult<Vec<PathBuf>> {
    state.require_unlocked()?;
    files
        .iter()
        .map(|handle| state.handles.resolve(handle, Purpose::Read))
        .collect()
}

/// Adds each file: opened (regular files only) and hashed before the vault is touched, stored
/// in a transaction that gives way to Lock. A lock asked for meanwhile stops the add and rolls
/// it back; the answer is then `Locked`.
fn add_paths<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    paths: Vec<PathBuf>,
    links: Vec<String>,
    effective_date: Option<NaiveDate>,
    description: String,
) -> IpcResult<Vec<Evidence>> {
    let epoch = state.lock_epoch();
    let stop = || state.locked_since(epoch);
    let mut added = Vec::new();
    for path in paths {
        let prepared = evidence::prepare_file(&path)?;
        if stop() {
            return Err(IpcError::locked());
        }
        let new = NewEvidence {
            file_name: None,
            effective_date,
            description: description.clone(),
            links: links.clone(),
        };
        let result = write(app, state, |vault, stamp| {
            evidence::add_prepared(vault, stamp, prepared, new, &stop)
        });
        match result {
            Err(_) if stop() => return Err(IpcError::locked()),
            other => added.push(other?),
        }
    }
    Ok(added)
}

/// Takes a record's reference off a file's links: a report detached from its audit, minutes
/// from their review. The file stays in the vault; the answer is the file as saved.
#[tauri::command(async, rename_all = "snake_case")]
pub fn evidence_unlink<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
    link: String,
) -> IpcResult<Evidence> {
    write(&app, &state, |vault, stamp| {
        evidence::unlink(vault, stamp, id, &link)
    })
}

/// What `evidence_open` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EvidenceOpened {
    /// Handed to the system's application for the file's type.
    Opened,
    /// Not opened: the file's type can run code when opened (opened.rs). The page offers to
    /// save a copy instead.
    SaveACopy,
}

/// Opens a stored file in the system's default application: it is written, decrypted, to the
/// app's private folder of opened copies (opened.rs), deleted at Lock and exit, and handed to
/// the desktop's opener. A type that runs code is not opened ([`EvidenceOpened::SaveACopy`]).
#[tauri::command(async, rename_all = "snake_case")]
pub fn evidence_open(state: State<'_, AppState>, id: i64) -> IpcResult<EvidenceOpened> {
    let record = state.with_vault(|vault| evidence::get(vault.reader(), id))?;
    if opened::runs_code(&record.file_name) {
        return Ok(EvidenceOpened::SaveACopy);
    }
    let cannot = |e: std::io::Error| IpcError::from(CoreError::io("Cannot prepare the file", &e));
    let (out, mut file) =
        opened::create_copy(&state.paths.opened_dir, &record.file_name).map_err(cannot)?;
    // Locked in between: the copy is removed at once (the Lock has already emptied the folder).
    let written = state.with_vault(|vault| evidence::write_content(vault.reader(), id, &mut file));
    drop(file);
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(out.parent().unwrap_or(&out));
        return Err(e);
    }
    open_with_desktop(&out).map_err(|e| {
        IpcError::new(
            ErrorCode::Io,
            format!("No application could open {}: {e}", record.file_name),
        )
    })?;
    Ok(EvidenceOpened::Opened)
}

fn open_with_desktop(path: &std::path::Path) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("explorer");
        c.arg("/open,");
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command.arg(path).spawn().map(|_| ())
}

/// Saves a stored file where the user chooses, byte for byte; `null` when cancelled.
#[tauri::command(async, rename_all = "snake_case")]
pub fn evidence_save_as<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> IpcResult<Option<String>> {
    let record = state.with_vault(|vault| evidence::get(vault.reader(), id))?;
    let Some(out) = dialog::save_file(
        &app,
        Ask::new("Save the evidence file").file_name(&record.file_name),
    ) else {
        return Ok(None);
    };
    let mut file = std::fs::File::create(&out)
        .map_err(|e| IpcError::from(CoreError::io("Cannot write the file", &e)))?;
    state.with_vault(|vault| evidence::write_content(vault.reader(), id, &mut file))?;
    Ok(Some(out.display().to_string()))
}
