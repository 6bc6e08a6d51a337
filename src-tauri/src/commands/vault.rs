//! Commands of the vault itself: create, unlock, lock, passphrase, backup, integrity check, and
//! the native dialogs through which vault files are chosen (the webview never gets file access).

use std::path::{Path, PathBuf};

use isms_core::db::{self, Action, BackupInfo, CheckReport};
use isms_core::organisation::{self, Organisation};
use isms_core::{ErrorCode, Vault};
use serde::Serialize;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

use super::app::{AppInfo, app_info_of};
use crate::error::{IpcError, IpcResult};
use crate::events;
use crate::seal::Sealed;
use crate::state::AppState;

/// The extension of vault files.
pub const VAULT_EXTENSION: &str = "isms";

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct VaultStatus {
    pub unlocked: bool,
    pub path: Option<String>,
    pub organisation_name: Option<String>,
    /// The open vault is the demo company's, in a temporary folder, deleted when locked.
    pub demo: bool,
    /// The open vault cannot be written where it is (a read-only file, folder or disk): it is
    /// open for reading, and every change is answered with `ReadOnly`.
    pub read_only: bool,
}

pub(crate) fn status_of(state: &AppState) -> VaultStatus {
    state
        .with_vault(|vault| {
            let name = organisation::get(vault.reader())?.name;
            Ok(VaultStatus {
                unlocked: true,
                path: Some(vault.path().display().to_string()),
                organisation_name: Some(name),
                demo: state.is_demo(),
                read_only: vault.read_only(),
            })
        })
        .unwrap_or(VaultStatus {
            unlocked: false,
            path: None,
            organisation_name: None,
            demo: false,
            read_only: false,
        })
}

/// Vault paths from the webview must be absolute; a missing extension is added on create.
pub(crate) fn vault_path(path: &str) -> IpcResult<PathBuf> {
    let path = PathBuf::from(path);
    if !path.is_absolute() {
        let mut err = IpcError::new(
            ErrorCode::Validation,
            "Choose a location for the vault file.",
        );
        err.fields.push(isms_core::FieldError::new(
            "path",
            "Choose a location for the vault file.",
        ));
        return Err(err);
    }
    Ok(path)
}

fn with_extension(mut path: PathBuf) -> PathBuf {
    if path.extension().is_none_or(|e| e != VAULT_EXTENSION) {
        let mut name = path.file_name().unwrap_or_default().to_owned();
        name.push(".");
        name.push(VAULT_EXTENSION);
        path.set_file_name(name);
    }
    path
}

fn remember(state: &AppState, path: &Path) {
    let at = state.now();
    let _ = state.update_settings(|s| s.remember(path, at));
}

/// Writes the day's automatic backup in the background unless one exists from the last 20 hours.
fn daily_backup(app: &AppHandle) {
    let app = app.clone();
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let now = state.now();
        let _ = state.with_vault(|vault| {
            if vault.read_only() {
                return Ok(());
            }
            let newest = db::newest_auto_backup_at(&state.paths.backups_dir, vault.path());
            if newest.is_none_or(|at| now - at > chrono::Duration::hours(20)) {
                db::auto_backup(vault, &state.paths.backups_dir, now, "daily")?;
            }
            Ok(())
        });
    });
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_status(state: State<'_, AppState>) -> VaultStatus {
    status_of(&state)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_choose_new(
    app: AppHandle,
    state: State<'_, AppState>,
    suggested_name: String,
) -> Option<String> {
    let dir = &state.paths.default_vault_dir;
    let _ = std::fs::create_dir_all(dir);
    let name = format!("{}.{VAULT_EXTENSION}", suggested_name.trim());
    let chosen = app
        .dialog()
        .file()
        .set_title("Create a new ISMS Desk vault")
        .set_directory(dir)
        .set_file_name(name)
        .add_filter("ISMS Desk vault", &[VAULT_EXTENSION])
        .blocking_save_file()?;
    chosen
        .into_path()
        .ok()
        .map(|p| with_extension(p).display().to_string())
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_choose_existing(app: AppHandle, state: State<'_, AppState>) -> Option<String> {
    let chosen = app
        .dialog()
        .file()
        .set_title("Open an ISMS Desk vault")
        .set_directory(&state.paths.default_vault_dir)
        .add_filter("ISMS Desk vault", &[VAULT_EXTENSION])
        .blocking_pick_file()?;
    chosen.into_path().ok().map(|p| p.display().to_string())
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_create(
    app: AppHandle,
    state: State<'_, AppState>,
    path: String,
    organisation_name: String,
    passphrase: Sealed,
) -> IpcResult<VaultStatus> {
    let [passphrase] = state.sealer.open([passphrase])?;
    let path = with_extension(vault_path(&path)?);
    let org = Organisation::named(&organisation_name)
        .validated()
        .map_err(|mut e| {
            e.fields
                .iter_mut()
                .filter(|f| f.field == "name")
                .for_each(|f| f.field = "organisation_name".into());
            IpcError::from(e)
        })?;
    state.lock();
    let vault = Vault::create(&path, passphrase, state.stamp(), |tx| {
        organisation::create(tx, org, Action::Create).map(|_| ())
    })?;
    state.set_unlocked(vault);
    remember(&state, &path);
    daily_backup(&app);
    Ok(status_of(&state))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_unlock(
    app: AppHandle,
    state: State<'_, AppState>,
    path: String,
    passphrase: Sealed,
) -> IpcResult<VaultStatus> {
    let [passphrase] = state.sealer.open([passphrase])?;
    let path = vault_path(&path)?;
    state.lock();
    let vault = Vault::open(&path, passphrase, &state.paths.backups_dir, &state.stamp())?;
    state.set_unlocked(vault);
    remember(&state, &path);
    daily_backup(&app);
    Ok(status_of(&state))
}

/// A one-time public key to seal the passphrases of the next command to (seal.rs).
#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_sealing_key(state: State<'_, AppState>) -> String {
    state.sealer.new_key()
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_lock(app: AppHandle, state: State<'_, AppState>) -> VaultStatus {
    if state.lock() {
        events::vault_locked(&app, "manual");
    }
    status_of(&state)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_forget(state: State<'_, AppState>, path: String) -> IpcResult<AppInfo> {
    let path = PathBuf::from(path);
    state.update_settings(|s| s.forget(&path))?;
    Ok(app_info_of(&state))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_touch(state: State<'_, AppState>) {
    state.touch();
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_change_passphrase(
    state: State<'_, AppState>,
    current: Sealed,
    new_passphrase: Sealed,
) -> IpcResult<()> {
    let [current, new] = state.sealer.open([current, new_passphrase])?;
    let stamp = state.stamp();
    let backups = state.paths.backups_dir.clone();
    state.with_vault(|vault| vault.change_passphrase(&current, new, &backups, &stamp))
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_backup(app: AppHandle, state: State<'_, AppState>) -> IpcResult<Option<BackupInfo>> {
    let (dir, name) = state.with_vault(|vault| {
        let stem = vault
            .path()
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let dir = vault
            .path()
            .parent()
            .map(Path::to_owned)
            .unwrap_or_default();
        Ok((
            dir,
            format!(
                "{stem} backup {}.{VAULT_EXTENSION}",
                state.now().format("%Y-%m-%d %H%M")
            ),
        ))
    })?;
    let Some(chosen) = app
        .dialog()
        .file()
        .set_title("Save a backup of the vault")
        .set_directory(dir)
        .set_file_name(name)
        .add_filter("ISMS Desk vault", &[VAULT_EXTENSION])
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let out = chosen
        .into_path()
        .map_err(|e| IpcError::new(ErrorCode::Io, format!("That location cannot be used: {e}")))?;
    state
        .with_vault(|vault| vault.backup_to(&with_extension(out)))
        .map(Some)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_check(state: State<'_, AppState>) -> IpcResult<CheckReport> {
    state.with_vault(|vault| vault.check())
}
