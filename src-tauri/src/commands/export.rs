//! Commands of the export: choose where a pack goes (the native save dialog, whose choice the
//! page holds as a handle, `handles.rs`), write it with progress over a channel and a cancel,
//! then show it in the system's file manager (by the handle of the written file). The writing
//! itself is `isms_export::file`'s: never replacing a file, never leaving a partial one. The
//! vault's lock is held while the pack reads the vault, not while it renders ([`run`]).

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use chrono::NaiveDate;
use isms_core::readiness::Stage;
use isms_core::{CoreError, ErrorCode, organisation};
use isms_export::file::{self, Format, Phase};
use isms_export::packs::PackKind;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::dialog::{self, Ask};
use crate::error::{IpcError, IpcResult};
use crate::handles::{FileRef, Purpose};
use crate::state::AppState;

/// How far an export has got; `done` and `total` count bytes while a bundle is written.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ExportProgress {
    /// `building`, `rendering` or `writing`.
    pub phase: String,
    pub done: f64,
    pub total: f64,
}

/// What was written.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ExportDone {
    /// The file written, for display; `export_reveal` takes `handle`.
    pub path: String,
    pub handle: String,
    /// `pdf` or `zip`.
    pub format: String,
    pub bytes: f64,
    /// Files in a bundle, manifests included; 1 for a PDF.
    pub files: u32,
    pub title: String,
}

fn pack_of(name: &str) -> IpcResult<PackKind> {
    PackKind::parse(name).ok_or_else(|| {
        IpcError::from(CoreError::new(
            ErrorCode::Validation,
            format!("There is no pack named “{name}”."),
        ))
    })
}

/// A file name a person would choose: "Northwind Analytics Ltd - stage2 pack 2026-06-15.pdf".
fn suggested_name(company: &str, pack: PackKind, as_of: NaiveDate, ext: &str) -> String {
    format!(
        "{} - {} pack {as_of}.{ext}",
        plain_name(company),
        pack.as_str()
    )
}

/// The company's name as part of a file name: letters, digits and ` .,&()-` kept, anything
/// else a dash, trimmed.
pub(crate) fn plain_name(company: &str) -> String {
    let name: String = company
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || " .,&()-".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    name.trim().to_owned()
}

/// Asks where to save pack `pack` as a PDF or, with `format` "zip", as the bundle; `null` when
/// cancelled.
#[tauri::command(async, rename_all = "snake_case")]
pub fn export_choose_destination<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    pack: String,
    format: String,
    as_of: NaiveDate,
) -> IpcResult<Option<FileRef>> {
    let kind = pack_of(&pack)?;
    let company = state.with_vault(|vault| Ok(organisation::get(vault.reader())?.name))?;
    let (ext, label) = if format == "zip" {
        ("zip", "ZIP bundle")
    } else {
        ("pdf", "PDF")
    };
    let exts = [ext];
    let mut ask = Ask::new("Export the evidence pack")
        .file_name(suggested_name(&company, kind, as_of, ext))
        .filter(label, &exts);
    if let Some(documents) = dirs::document_dir() {
        ask = ask.directory(documents);
    }
    Ok(dialog::save_file(&app, ask).map(|p| {
        state
            .handles
            .register(&with_extension(p, ext), Purpose::Save)
    }))
}

pub(crate) fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    let has = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext));
    if has {
        path
    } else {
        let mut name = path.file_name().unwrap_or_default().to_owned();
        name.push(format!(".{ext}"));
        path.with_file_name(name)
    }
}

/// Writes pack `pack` as of `as_of` to the destination behind handle `file` (a `.pdf`, or a
/// `.zip` bundle), reporting progress
/// on `on_progress`; `Cancelled` after `export_cancel`, with no file left behind.
#[tauri::command(async, rename_all = "snake_case")]
pub fn export_run(
    state: State<'_, AppState>,
    pack: String,
    stage: Option<u8>,
    as_of: NaiveDate,
    file: String,
    on_progress: Channel<ExportProgress>,
) -> IpcResult<ExportDone> {
    let kind = pack_of(&pack)?;
    let out = destination(&state, &file)?;
    let stage = file::stage_for(kind, stage);
    state.export_cancel.store(false, Ordering::SeqCst);
    let cancel = &state.export_cancel;
    let mut last = (Phase::Building, -1.0_f64);
    let mut watch = |phase: Phase, done: u64, total: u64| {
        // At most about a hundred messages while bytes are written.
        let share = (done * 100).checked_div(total).unwrap_or(0) as f64;
        if phase != last.0 || share > last.1 {
            last = (phase, share);
            let phase = match phase {
                Phase::Building => "building",
                Phase::Rendering => "rendering",
                Phase::Writing => "writing",
            };
            let _ = on_progress.send(ExportProgress {
                phase: phase.into(),
                done: done as f64,
                total: total as f64,
            });
        }
        !cancel.load(Ordering::SeqCst)
    };
    let done = run(&state, kind, stage, as_of, &out, &mut watch)?;
    Ok(ExportDone {
        path: done.path.display().to_string(),
        handle: state.handles.register(&done.path, Purpose::Written).handle,
        format: match done.format {
            Format::Pdf => "pdf".into(),
            Format::Zip => "zip".into(),
        },
        bytes: done.bytes as f64,
        files: done.files as u32,
        title: done.title,
    })
}

/// Writes the pack holding the vault's lock only while it reads the vault: the pack is built
/// under the lock, then laid out and (for a PDF) written with the lock free, so the other
/// commands answer while a large pack renders. A bundle takes the lock again to stream its
/// evidence from the vault; a lock in between stops the export (`Locked`).
pub fn run(
    state: &AppState,
    kind: PackKind,
    stage: Stage,
    as_of: NaiveDate,
    out: &Path,
    watch: file::Watch<'_>,
) -> IpcResult<file::Exported> {
    let built =
        state.with_vault(|vault| file::build(vault, kind, stage, as_of, out, &mut *watch))?;
    let rendered = file::render(built, watch)?;
    if rendered.needs_vault() {
        state.with_vault(|vault| file::write(rendered, out, Some(vault), &mut *watch))
    } else {
        Ok(file::write(rendered, out, None, watch)?)
    }
}

/// Asks the running export, if any, to stop at its next step.
#[tauri::command(rename_all = "snake_case")]
pub fn export_cancel(state: State<'_, AppState>) {
    state.export_cancel.store(true, Ordering::SeqCst);
}

/// The destination behind handle `file`: `Locked` while locked, refused unless the shell gave
/// the handle out from a save dialog.
pub fn destination(state: &AppState, file: &str) -> IpcResult<PathBuf> {
    state.require_unlocked()?;
    state.handles.resolve(file, Purpose::Save)
}

/// Shows an exported file (the handle `export_run` answered) in the system's file manager,
/// selected where the platform allows.
#[tauri::command(async, rename_all = "snake_case")]
pub fn export_reveal(state: State<'_, AppState>, file: String) -> IpcResult<()> {
    let path = written(&state, &file)?;
    crate::reveal::reveal(&path).map_err(|e| {
        IpcError::from(CoreError::io(
            &format!("Cannot show {} in the file manager", path.display()),
            &e,
        ))
    })
}

/// The written file behind handle `file`, if it still exists; `Locked` while locked.
pub fn written(state: &AppState, file: &str) -> IpcResult<PathBuf> {
    state.require_unlocked()?;
    let path = state.handles.resolve(file, Purpose::Written)?;
    if !path.exists() {
        return Err(IpcError::from(CoreError::new(
            ErrorCode::NotFound,
            format!("{} no longer exists.", path.display()),
        )));
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::AppPaths;
    use isms_core::db::Action;
    use isms_core::organisation::Organisation;
    use isms_core::{Passphrase, Vault};

    #[test]
    fn the_lock_is_held_while_the_pack_is_built_and_free_while_it_renders_and_writes() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(AppPaths::under(
            &dir.path().join("data"),
            &dir.path().join("Documents"),
        ));
        let vault = Vault::create(
            &dir.path().join("a.isms"),
            Passphrase::new("correct horse battery staple".into()),
            state.stamp(),
            |tx| organisation::create(tx, Organisation::named("Acme"), Action::Create).map(drop),
        )
        .unwrap();
        state.set_unlocked(vault);
        let out = dir.path().join("soa.pdf");
        let mut seen = Vec::new();
        let mut watch = |phase: Phase, _: u64, _: u64| {
            // Another command could take the lock now if it is free.
            seen.push((phase, state.vault_lock_is_free()));
            true
        };
        let day = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
        let done = run(&state, PackKind::Soa, Stage::One, day, &out, &mut watch).unwrap();
        assert!(done.bytes > 0 && out.exists());
        assert_eq!(
            seen,
            vec![
                (Phase::Building, false),
                (Phase::Rendering, true),
                (Phase::Writing, true),
            ]
        );
    }

    #[test]
    fn suggested_names_are_plain_and_keep_the_company_readable() {
        let day = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
        assert_eq!(
            suggested_name("Ørsted & Wąs Ltd", PackKind::Stage2, day, "pdf"),
            "Ørsted & Wąs Ltd - stage2 pack 2026-06-15.pdf"
        );
        assert_eq!(
            suggested_name("A/B: \"C\"", PackKind::Soa, day, "zip"),
            "A-B- -C- - soa pack 2026-06-15.zip"
        );
        assert_eq!(
            with_extension("x/pack".into(), "pdf"),
            Path::new("x/pack.pdf")
        );
        assert_eq!(
            with_extension("x/pack.PDF".into(), "pdf"),
            Path::new("x/pack.PDF")
        );
    }
}
