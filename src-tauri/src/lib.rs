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
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!())
        .expect("ISMS Desk failed to start")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                // The decrypted copies of opened files do not outlive the app.
                opened::forget(&app.state::<state::AppState>().paths.opened_dir);
            }
        });
}
