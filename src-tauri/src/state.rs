//! The shell's managed state: the vault (`Locked` or `Unlocked` with its one long-lived
//! connection), the app's paths and settings, and the time of the last user activity for the
//! idle auto-lock. Locking drops the core `Vault`, which closes the connection and wipes the
//! passphrase it held.

use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use isms_core::clock::{Clock, SystemClock};
use isms_core::{CoreError, Stamp, Vault};

use crate::error::{IpcError, IpcResult};
use crate::settings::{AppPaths, Settings};

pub enum VaultState {
    Locked,
    Unlocked(Box<Vault>),
}

pub struct AppState {
    pub paths: AppPaths,
    vault: Mutex<VaultState>,
    settings: Mutex<Settings>,
    last_activity: Mutex<Instant>,
    clock: SystemClock,
}

/// Who the history records as the author of changes made in the desktop app.
const ACTOR: &str = "desktop";

fn guard<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock must not lock the user out for the rest of the session.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl AppState {
    pub fn new(paths: AppPaths) -> Self {
        let settings = Settings::load(&paths.settings_file);
        Self {
            paths,
            vault: Mutex::new(VaultState::Locked),
            settings: Mutex::new(settings),
            last_activity: Mutex::new(Instant::now()),
            clock: SystemClock,
        }
    }

    pub fn stamp(&self) -> Stamp {
        Stamp::new(self.clock.now(), ACTOR)
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    pub fn touch(&self) {
        *guard(&self.last_activity) = Instant::now();
    }

    /// Runs `f` on the unlocked vault; `Locked` otherwise. Counts as activity.
    pub fn with_vault<T>(
        &self,
        f: impl FnOnce(&mut Vault) -> Result<T, CoreError>,
    ) -> IpcResult<T> {
        self.touch();
        match &mut *guard(&self.vault) {
            VaultState::Unlocked(vault) => f(vault).map_err(IpcError::from),
            VaultState::Locked => Err(IpcError::locked()),
        }
    }

    /// Installs a freshly opened vault, closing any other first.
    pub fn set_unlocked(&self, vault: Vault) {
        self.touch();
        *guard(&self.vault) = VaultState::Unlocked(Box::new(vault));
    }

    /// Locks; returns whether a vault was open.
    pub fn lock(&self) -> bool {
        let previous = std::mem::replace(&mut *guard(&self.vault), VaultState::Locked);
        match previous {
            VaultState::Unlocked(vault) => {
                let _ = vault.close();
                true
            }
            VaultState::Locked => false,
        }
    }

    pub fn is_unlocked(&self) -> bool {
        matches!(*guard(&self.vault), VaultState::Unlocked(_))
    }

    pub fn idle_expired(&self) -> bool {
        let minutes = guard(&self.settings).idle_lock_minutes;
        let idle = guard(&self.last_activity).elapsed();
        self.is_unlocked() && idle >= Duration::from_secs(u64::from(minutes) * 60)
    }

    pub fn settings(&self) -> Settings {
        guard(&self.settings).clone()
    }

    /// Changes the settings and saves them.
    pub fn update_settings(&self, f: impl FnOnce(&mut Settings)) -> IpcResult<Settings> {
        let mut settings = guard(&self.settings);
        f(&mut settings);
        settings.save(&self.paths.settings_file).map_err(|e| {
            IpcError::new(
                isms_core::ErrorCode::Io,
                format!("Cannot save settings: {e}"),
            )
        })?;
        Ok(settings.clone())
    }
}
