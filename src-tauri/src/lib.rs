//! The ISMS Desk desktop shell: the only crate that depends on Tauri. It wires the plugins, the
//! managed [`state::AppState`] and our commands, and runs the idle auto-lock. Every command is a
//! thin adapter in `commands/<domain>.rs`: take the core from state, call one core function,
//! map the error. Domain logic lives in `isms-core`, never here.

pub mod automation;
pub mod commands;
pub mod dialog;
pub mod drop;
pub mod error;
pub mod events;
pub mod handles;
pub mod harden;
pub mod idle;
pub mod opened;
pub mod page;
mod reveal;
pub mod seal;
pub mod settings;
pub mod state;
pub mod wipe;

use tauri::Manager;

pub fn run() {
    automation::refuse_if_driven();
    #[cfg(not(debug_assertions))]
    for failure in harden::disable_core_dumps() {
        eprintln!("ISMS Desk could not disable core dumps ({failure})");
    }
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .on_window_event(drop::on_window_event)
        .setup(|app| {
            let paths = settings::AppPaths::resolve(app.handle())?;
            app.manage(state::AppState::new(paths));
            idle::spawn(app.handle().clone());
            // Copies a crash left behind.
            opened::forget(&app.state::<state::AppState>().paths.opened_dir);
            #[cfg(feature = "e2e")]
            app.add_capability(commands::security::CAPABILITY)?;
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_info,
            commands::app::settings_update,
            commands::vault::vault_status,
            commands::vault::vault_choose_new,
            commands::vault::vault_choose_existing,
            commands::vault::vault_create,
            commands::vault::vault_unlock,
            commands::vault::vault_sealing_key,
            commands::vault::vault_lock,
            commands::vault::vault_forget,
            commands::vault::vault_touch,
            commands::vault::vault_change_passphrase,
            commands::vault::vault_backup,
            commands::vault::vault_check,
            commands::restore::vault_find_backup,
            commands::restore::vault_restore_backup,
            commands::organisation::organisation_get,
            commands::organisation::organisation_update,
            commands::people::people_list,
            commands::people::people_create,
            commands::people::people_update,
            commands::people::people_delete,
            commands::context::context_list,
            commands::context::context_create_issue,
            commands::context::context_update_issue,
            commands::context::context_delete_issue,
            commands::context::context_create_party,
            commands::context::context_update_party,
            commands::context::context_delete_party,
            commands::assets::assets_list,
            commands::assets::assets_create,
            commands::assets::assets_update,
            commands::assets::assets_delete,
            commands::risks::risks_list,
            commands::risks::risks_method_get,
            commands::risks::risks_method_set,
            commands::risks::risks_create,
            commands::risks::risks_update,
            commands::risks::risks_delete,
            commands::risks::risks_approve,
            commands::risks::risks_heat_map,
            commands::soa::soa_list,
            commands::soa::soa_update,
            commands::soa::soa_update_many,
            commands::soa::soa_approve,
            commands::soa::soa_versions,
            commands::objectives::objectives_list,
            commands::objectives::objectives_create,
            commands::objectives::objectives_update,
            commands::objectives::objectives_delete,
            commands::measures::measures_list,
            commands::measures::measures_save,
            commands::measures::measures_remove,
            commands::measures::measures_propose,
            commands::measures::measures_record,
            commands::documents::documents_list,
            commands::documents::documents_create,
            commands::documents::documents_update,
            commands::documents::documents_delete,
            commands::documents::documents_save_draft,
            commands::documents::documents_approve_version,
            commands::evidence::evidence_list,
            commands::evidence::evidence_choose_and_add,
            commands::evidence::evidence_add_files,
            commands::evidence::evidence_update,
            commands::evidence::evidence_delete,
            commands::evidence::evidence_save_as,
            commands::evidence::evidence_open,
            commands::clauses::clauses_list,
            commands::clauses::clauses_update,
            commands::clauses::clauses_coverage,
            commands::reference::reference_lists,
            commands::audits::audits_list,
            commands::audits::audits_conflicts,
            commands::audits::audits_create,
            commands::audits::audits_update,
            commands::audits::audits_delete,
            commands::audits::audits_raise_finding,
            commands::tracker::tracker_list,
            commands::tracker::tracker_overdue,
            commands::tracker::tracker_create,
            commands::tracker::tracker_update,
            commands::tracker::tracker_add_note,
            commands::training::training_list,
            commands::training::training_create_course,
            commands::training::training_update_course,
            commands::training::training_add_completion,
            commands::training::training_delete_completion,
            commands::competence::competence_list,
            commands::competence::competence_save_role,
            commands::competence::competence_remove_role,
            commands::competence::competence_assign,
            commands::competence::competence_unassign,
            commands::competence::competence_save_evidence,
            commands::competence::competence_remove_evidence,
            commands::acknowledgements::acknowledgements_list,
            commands::acknowledgements::acknowledgements_add,
            commands::acknowledgements::acknowledgements_delete,
            commands::readiness::readiness_view,
            commands::search::search_records,
            commands::demo::demo_open,
            commands::export::export_choose_destination,
            commands::export::export_run,
            commands::export::export_cancel,
            commands::export::export_reveal,
            commands::sheets::sheets_choose_file,
            commands::sheets::sheets_preview,
            commands::sheets::sheets_import,
            commands::sheets::sheets_cancel,
            commands::sheets::sheets_choose_destination,
            commands::sheets::sheets_export,
            #[cfg(feature = "e2e")]
            commands::security::security_canary,
            commands::changes::changes_list,
            commands::changes::changes_create,
            commands::changes::changes_update,
            commands::reviews::reviews_list,
            commands::reviews::reviews_proposed,
            commands::reviews::reviews_create,
            commands::reviews::reviews_update,
            commands::reviews::reviews_raise_action,
        ])
        .build(tauri::generate_context!())
        .expect("ISMS Desk failed to start")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                // The decrypted copies of opened files do not outlive the app.
                opened::forget(&app.state::<state::AppState>().paths.opened_dir);
            }
        });
}
