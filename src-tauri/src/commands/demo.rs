//! The demo company for a first look: a fictional company one month into operating its ISMS
//! (open findings, a conflict of independence), created in a temporary folder under a random
//! passphrase that lives only in memory, unlocked at once, and deleted when locked.

use std::hash::{BuildHasher, Hasher};

use chrono::Local;
use isms_core::demo::{self, DemoPoint, DemoScale};
use isms_core::{CoreError, Passphrase};
use tauri::State;

use super::vault::{VaultStatus, status_of};
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// 128 random bits as hex, from the OS-seeded keys of the standard library's hasher.
fn random_passphrase() -> String {
    (0..4)
        .map(|i: u64| {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u64(i);
            format!("{:016x}", h.finish())
        })
        .collect()
}

/// Creates the demo company as of today and opens it, closing any other vault first.
#[tauri::command(async, rename_all = "snake_case")]
pub fn demo_open(state: State<'_, AppState>) -> IpcResult<VaultStatus> {
    state.lock();
    let now = state.now();
    let dir = std::env::temp_dir().join(format!(
        "isms-desk-demo-{}-{}",
        std::process::id(),
        now.timestamp_micros()
    ));
    std::fs::create_dir_all(&dir)
        .map_err(|e| IpcError::from(CoreError::io("Cannot make a folder for the demo", &e)))?;
    let path = dir.join(format!("{} (demo).isms", demo::COMPANY));
    let today = now.with_timezone(&Local).date_naive();
    let created = demo::create(
        &path,
        Passphrase::new(random_passphrase()),
        DemoPoint::Operating,
        DemoScale::Small,
        today,
    );
    match created {
        Ok(vault) => {
            state.set_unlocked_demo(vault, dir);
            Ok(status_of(&state))
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&dir);
            Err(e.into())
        }
    }
}
