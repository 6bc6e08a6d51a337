//! Generates the permissions of our own commands (`allow-<command>`), so the capability file can
//! grant the webview exactly the commands the app defines and nothing else.

const COMMANDS: &[&str] = &[
    "app_info",
    "settings_update",
    "vault_status",
    "vault_choose_new",
    "vault_choose_existing",
    "vault_create",
    "vault_unlock",
    "vault_lock",
    "vault_forget",
    "vault_touch",
    "vault_change_passphrase",
    "vault_backup",
    "vault_check",
    "organisation_get",
    "organisation_update",
    "people_list",
    "people_create",
    "people_update",
    "people_delete",
    "context_list",
    "context_create_issue",
    "context_update_issue",
    "context_delete_issue",
    "context_create_party",
    "context_update_party",
    "context_delete_party",
    "assets_list",
    "assets_create",
    "assets_update",
    "assets_delete",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri build step");
}
