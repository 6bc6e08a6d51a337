//! The page never names a file: every command that reads, writes or shows a file outside the
//! vault takes a handle the shell gave out (from a native dialog, a drop or its own settings
//! file), and refuses a made-up path or handle with a coded error, answering `Locked` while the
//! vault is locked. These call the commands' own functions, as the webview's calls reach them,
//! without a webview; `tests/e2e/specs/handles.e2e.mjs` sends the same calls from the page.

use std::path::Path;

use chrono::NaiveDate;
use isms_core::{ErrorCode, Passphrase};
use isms_desk_lib::commands::{evidence, export, restore, sheets, vault};
use isms_desk_lib::error::IpcError;
use isms_desk_lib::handles::Purpose;
use isms_desk_lib::settings::AppPaths;
use isms_desk_lib::state::AppState;
use isms_sheets::read::Kind;

const PASS: &str = "correct horse battery staple";

fn pass() -> Passphrase {
    Passphrase::new(PASS.into())
}

fn state_in(dir: &Path) -> AppState {
    AppState::new(AppPaths::under(&dir.join("data"), &dir.join("Documents")))
}

/// A state with a vault of its own unlocked; the vault was created without a chosen file, in
/// the default folder.
fn unlocked(dir: &Path) -> AppState {
    let state = state_in(dir);
    vault::create(&state, None, "Acme Ltd", pass()).unwrap();
    assert!(state.is_unlocked());
    state
}

/// What the page might send instead of a handle: paths, and a handle never given out.
const MADE_UP: &[&str] = &[
    "/etc/passwd",
    "../../etc/passwd",
    "~/.ssh/id_ed25519",
    "",
    "0123456789abcdef0123456789abcdef",
];

fn refused<T: std::fmt::Debug>(result: Result<T, IpcError>, what: &str) -> IpcError {
    let err = result.expect_err(what);
    assert_eq!(err.code, ErrorCode::Validation, "{what}: {}", err.message);
    assert_eq!(err.fields[0].field, "file", "{what}: the file is at fault");
    err
}

fn locked<T: std::fmt::Debug>(result: Result<T, IpcError>, what: &str) {
    let err = result.expect_err(what);
    assert_eq!(err.code, ErrorCode::Locked, "{what}: {}", err.message);
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
}

#[test]
fn every_file_command_refuses_a_made_up_path_or_handle() {
    let dir = tempfile::tempdir().unwrap();
    let state = unlocked(dir.path());
    let out = dir.path().join("out");
    for made_up in MADE_UP {
        let what = |command: &str| format!("{command}({made_up:?})");
        refused(
            sheets::open(&state, made_up, None, Kind::People),
            &what("sheets_preview/sheets_import"),
        );
        refused(
            evidence::dropped_paths(&state, &[(*made_up).to_owned()]),
            &what("evidence_add_files"),
        );
        refused(export::destination(&state, made_up), &what("export_run"));
        refused(export::written(&state, made_up), &what("export_reveal"));
        refused(
            sheets::export(&state, "risks", day(), made_up),
            &what("sheets_export"),
        );
        refused(
            vault::create(&state, Some(made_up), "Other Ltd", pass()),
            &what("vault_create"),
        );
        refused(
            vault::unlock(&state, made_up, pass()),
            &what("vault_unlock"),
        );
        refused(vault::forget(&state, made_up), &what("vault_forget"));
        refused(
            restore::find_backup(&state, made_up, &pass()),
            &what("vault_find_backup"),
        );
        refused(
            restore::restore(&state, made_up, made_up, &pass()),
            &what("vault_restore_backup"),
        );
    }
    assert!(
        state.is_unlocked(),
        "a refused unlock or create closes nothing"
    );
    assert!(!out.exists());
    assert!(
        !Path::new("0123456789abcdef0123456789abcdef").exists(),
        "nothing was written under a made-up name"
    );
}

#[test]
fn a_handle_works_only_for_what_it_was_chosen_for() {
    let dir = tempfile::tempdir().unwrap();
    let state = unlocked(dir.path());
    let csv = dir.path().join("staff.csv");
    std::fs::write(&csv, "name,email\nAda,ada@example.com\n").unwrap();
    let read = state.handles.register(&csv, Purpose::Read);
    assert!(
        sheets::open(&state, &read.handle, None, Kind::People).is_ok(),
        "a chosen file is read"
    );
    // A file chosen to be read is not a destination, nor a vault, nor something to show.
    refused(
        export::destination(&state, &read.handle),
        "a read handle as a destination",
    );
    refused(
        sheets::export(&state, "risks", day(), &read.handle),
        "a read handle as a sheet destination",
    );
    refused(
        export::written(&state, &read.handle),
        "a read handle revealed",
    );
    refused(
        vault::unlock(&state, &read.handle, pass()),
        "a read handle as a vault",
    );
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap().lines().count(),
        2,
        "the file was not written over"
    );

    let dest = dir.path().join("risks.xlsx");
    let save = state.handles.register(&dest, Purpose::Save);
    let exported = sheets::export(&state, "risks", day(), &save.handle).unwrap();
    assert_eq!(exported.path, dest.display().to_string());
    assert!(dest.is_file(), "a chosen destination is written");
    refused(
        sheets::open(&state, &save.handle, None, Kind::People),
        "a destination is not read back",
    );
}

#[test]
fn every_file_command_answers_locked_while_locked_and_the_lock_forgets_every_handle() {
    let dir = tempfile::tempdir().unwrap();
    let state = unlocked(dir.path());
    let csv = dir.path().join("staff.csv");
    std::fs::write(&csv, "name,email\n").unwrap();
    let read = state.handles.register(&csv, Purpose::Read);
    let dest = state
        .handles
        .register(&dir.path().join("p.pdf"), Purpose::Save);
    let shown = state.handles.register(&csv, Purpose::Written);
    assert!(state.lock(), "a vault was open");
    assert!(state.handles.is_empty(), "the lock forgot every handle");
    for handle in [&read.handle, &dest.handle, &shown.handle] {
        locked(
            sheets::open(&state, handle, None, Kind::People),
            "sheets_preview",
        );
        locked(
            evidence::dropped_paths(&state, std::slice::from_ref(handle)),
            "evidence_add_files",
        );
        locked(export::destination(&state, handle), "export_run");
        locked(export::written(&state, handle), "export_reveal");
        locked(
            sheets::export(&state, "risks", day(), handle),
            "sheets_export",
        );
    }
    locked(
        export::written(&state, "/etc/passwd"),
        "export_reveal of a path",
    );
    assert!(
        isms_desk_lib::drop::register(&state, std::slice::from_ref(&csv)).is_none(),
        "a drop while locked makes no handle"
    );
    assert!(state.handles.is_empty());

    // Unlocked again, the old handles stay forgotten.
    let recent = isms_desk_lib::commands::app::app_info_of(&state).recent;
    assert_eq!(recent.len(), 1, "the vault is on the recent list");
    vault::unlock(&state, &recent[0].handle, pass()).unwrap();
    refused(
        sheets::open(&state, &read.handle, None, Kind::People),
        "a handle from before the lock",
    );
}

#[test]
fn recent_vaults_unlock_by_the_handles_the_shell_made_from_its_settings() {
    let dir = tempfile::tempdir().unwrap();
    let state = unlocked(dir.path());
    let created = dir.path().join("Documents/ISMS Desk/Acme Ltd.isms");
    assert!(
        created.is_file(),
        "named after the organisation, in the default folder"
    );
    state.lock();

    // A fresh start: the shell reads its settings and hands out handles of its own.
    let state = state_in(dir.path());
    let info = isms_desk_lib::commands::app::app_info_of(&state);
    assert_eq!(info.recent[0].path, created.display().to_string());
    let again = isms_desk_lib::commands::app::app_info_of(&state);
    assert_eq!(
        info.recent[0].handle, again.recent[0].handle,
        "stable while locked"
    );
    let wrong = vault::unlock(
        &state,
        &info.recent[0].handle,
        Passphrase::new("wrong one".into()),
    );
    assert!(wrong.is_err());
    let status = vault::unlock(&state, &info.recent[0].handle, pass())
        .expect("a retried unlock keeps its handle");
    assert!(status.unlocked);
    vault::forget(&state, &info.recent[0].handle).expect("forget by handle");
    assert!(
        isms_desk_lib::commands::app::app_info_of(&state)
            .recent
            .is_empty()
    );
}
