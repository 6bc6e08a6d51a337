//! Commands of the vault itself: create, unlock, lock, passphrase, backup, integrity check, and
//! the native dialogs through which vault files are chosen. The page names a vault only by a
//! handle (`handles.rs`) from those dialogs or from the recent list; it never sends a path.

use std::path::{Path, PathBuf};

use isms_core::db::{self, Action, BackupInfo, CheckReport};
use isms_core::organisation::{self, Organisation};
use isms_core::{Passphrase, Vault};
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use ts_rs::TS;

use super::app::{AppInfo, app_info_of};
use crate::dialog::{self, Ask};
use crate::error::{IpcError, IpcResult};
use crate::events;
use crate::handles::{FileRef, Purpose};
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

/// Where `vault_create` writes: the new vault chosen in the save dialog (`file`, a handle of
/// `vault_choose_new`), or, without one, the organisation's name in the default folder.
pub fn new_vault_path(
    state: &AppState,
    file: Option<&str>,
    organisation: &str,
) -> IpcResult<PathBuf> {
    match file {
        Some(handle) => Ok(with_extension(
            state.handles.resolve(handle, Purpose::NewVault)?,
        )),
        None => Ok(state.paths.default_vault_dir.join(format!(
            "{}.{VAULT_EXTENSION}",
            vault_base_name(organisation)
        ))),
    }
}

/// A file name without extension from an organisation name: no character any OS rejects
/// (the same rule as the page's `vaultBaseName`, which shows the name before it is created).
pub fn vault_base_name(organisation: &str) -> String {
    let cleaned: String = organisation
        .chars()
        .map(|c| {
            if "<>:\"/\\|?*".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = words.trim_matches(|c: char| c == '.' || c.is_whitespace());
    let base: String = trimmed.chars().take(80).collect();
    let base = base.trim();
    if base.is_empty() {
        "ISMS vault".to_owned()
    } else {
        base.to_owned()
    }
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
fn daily_backup<R: Runtime>(app: &AppHandle<R>) {
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

/// The save dialog for a new vault; the reference of the chosen file, `null` when cancelled.
#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_choose_new<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    suggested_name: String,
) -> Option<FileRef> {
    let dir = &state.paths.default_vault_dir;
    let _ = std::fs::create_dir_all(dir);
    let name = format!("{}.{VAULT_EXTENSION}", vault_base_name(&suggested_name));
    let chosen = dialog::save_file(
        &app,
        Ask::new("Create a new ISMS Desk vault")
            .directory(dir)
            .file_name(name)
            .filter("ISMS Desk vault", &[VAULT_EXTENSION]),
    )?;
    Some(
        state
            .handles
            .register(&with_extension(chosen), Purpose::NewVault),
    )
}

/// The open dialog for a vault; `null` when cancelled.
#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_choose_existing<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Option<FileRef> {
    let chosen = dialog::pick_file(
        &app,
        Ask::new("Open an ISMS Desk vault")
            .directory(&state.paths.default_vault_dir)
            .filter("ISMS Desk vault", &[VAULT_EXTENSION]),
    )?;
    Some(state.handles.register(&chosen, Purpose::Vault))
}

/// Creates a vault at the chosen new file (`file`, a handle) or, without one, named after the
/// organisation in the default folder, and opens it.
#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    file: Option<String>,
    organisation_name: String,
    passphrase: Sealed,
) -> IpcResult<VaultStatus> {
    let [passphrase] = state.sealer.open([passphrase])?;
    let status = create(&state, file.as_deref(), &organisation_name, passphrase)?;
    daily_backup(&app);
    Ok(status)
}

/// `vault_create` without the webview: the file, the organisation, the vault.
pub fn create(
    state: &AppState,
    file: Option<&str>,
    organisation_name: &str,
    passphrase: Passphrase,
) -> IpcResult<VaultStatus> {
    let path = new_vault_path(state, file, organisation_name)?;
    let org = Organisation::named(organisation_name)
        .validated()
        .map_err(|mut e| {
            e.fields
                .iter_mut()
                .filter(|f| f.field == "name")
                .for_each(|f| f.field = "organisation_name".into());
            IpcError::from(e)
        })?;
    if let Some(dir) = path.parent().filter(|_| file.is_none()) {
        let _ = std::fs::create_dir_all(dir);
    }
    state.lock();
    let vault = Vault::create(&path, passphrase, state.stamp(), |tx| {
        organisation::create(tx, org, Action::Create).map(|_| ())
    })?;
    state.set_unlocked(vault);
    remember(state, &path);
    Ok(status_of(state))
}

/// Opens the vault behind `vault`, a handle of the recent list, the open dialog or a restore.
#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_unlock<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    vault: String,
    passphrase: Sealed,
) -> IpcResult<VaultStatus> {
    let [passphrase] = state.sealer.open([passphrase])?;
    let status = unlock(&state, &vault, passphrase)?;
    daily_backup(&app);
    Ok(status)
}

/// `vault_unlock` without the webview.
pub fn unlock(state: &AppState, vault: &str, passphrase: Passphrase) -> IpcResult<VaultStatus> {
    let path = state.handles.resolve(vault, Purpose::Vault)?;
    state.lock();
    let opened = Vault::open(&path, passphrase, &state.paths.backups_dir, &state.stamp())?;
    state.set_unlocked(opened);
    remember(state, &path);
    Ok(status_of(state))
}

/// A one-time public key to seal the passphrases of the next command to (seal.rs).
#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_sealing_key(state: State<'_, AppState>) -> String {
    state.sealer.new_key()
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_lock<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> VaultStatus {
    if state.lock() {
        events::vault_locked(&app, "manual");
        crate::page::restart(&app);
    }
    status_of(&state)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_forget(state: State<'_, AppState>, vault: String) -> IpcResult<AppInfo> {
    forget(&state, &vault)
}

/// `vault_forget` without the webview: takes the vault behind the handle off the recent list.
pub fn forget(state: &AppState, vault: &str) -> IpcResult<AppInfo> {
    let path = state.handles.resolve(vault, Purpose::Vault)?;
    state.update_settings(|s| s.forget(&path))?;
    Ok(app_info_of(state))
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
pub fn vault_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> IpcResult<Option<BackupInfo>> {
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
    let Some(out) = dialog::save_file(
        &app,
        Ask::new("Save a backup of the vault")
            .directory(dir)
            .file_name(name)
            .filter("ISMS Desk vault", &[VAULT_EXTENSION]),
    ) else {
        return Ok(None);
    };
    state
        .with_vault(|vault| vault.backup_to(&with_extension(out)))
        .map(Some)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn vault_check(state: State<'_, AppState>) -> IpcResult<CheckReport> {
    state.with_vault(|vault| vault.check())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_vault_is_named_as_the_create_form_shows_it() {
        // The same cases as ui/src/lib/vault/paths.test.ts: the page shows the name before
        // the shell creates the file.
        assert_eq!(
            vault_base_name("Acme: Widgets / Gadgets Ltd."),
            "Acme Widgets Gadgets Ltd"
        );
        assert_eq!(vault_base_name("  ..hidden  "), "hidden");
        assert_eq!(vault_base_name("   "), "ISMS vault");
        assert_eq!(vault_base_name("a\u{7}b"), "a b", "no control character");
        assert_eq!(vault_base_name(&"x".repeat(200)).len(), 80);
    }
}
