//! Idle auto-lock: a background thread locks the vault once no command or user activity has
//! reached the backend for the configured number of minutes, tells the webview, and then loads
//! the page afresh in a new process (page.rs), so nothing typed before the lock stays in it.

use std::time::{Duration, Instant};

use tauri::{AppHandle, Manager};

use crate::events;
use crate::state::AppState;

const TICK: Duration = Duration::from_secs(5);

pub fn spawn(app: AppHandle) {
    std::thread::Builder::new()
        .name("idle-lock".into())
        .spawn(move || {
            loop {
                std::thread::sleep(TICK);
                let state = app.state::<AppState>();
                if state.idle_expired(Instant::now()) && state.lock() {
                    events::vault_locked(&app, "idle");
                    crate::page::restart(&app);
                }
            }
        })
        .expect("spawn the idle-lock thread");
}
