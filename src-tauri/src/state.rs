//! The shell's managed state: the vault (`Locked` or `Unlocked` with its one long-lived
//! connection), the app's paths and settings, and the time of the last user activity for the
//! idle auto-lock. Locking drops the core `Vault`, which closes the connection and wipes the
//! passphrase it held, forgets every file handle the page was given (`handles.rs`), and
//! deletes the decrypted copies of opened evidence files.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use isms_core::clock::{Clock, SystemClock};
use isms_core::{CoreError, Stamp, Vault};

use crate::error::{IpcError, IpcResult};
use crate::handles::Handles;
use crate::seal::Sealer;
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
    /// Set by `sheets_cancel`; the running import checks it at every row.
    pub import_cancel: AtomicBool,
    /// Set by `export_cancel`; the running export checks it at every step.
    pub export_cancel: AtomicBool,
    /// The temporary folder of the demo company's vault while it is the open one.
    demo_dir: Mutex<Option<PathBuf>>,
    /// The one-time key the next passphrase is sealed to (seal.rs).
    pub sealer: Sealer,
    /// The files chosen in dialogs or dropped on the window, by the handles the page holds.
    pub handles: Handles,
    /// How many times a lock was asked for. A long command notes it when it starts and stops
    /// (rolling back) once it changes, so Lock never waits on it.
    lock_epoch: AtomicU64,
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
            import_cancel: AtomicBool::new(false),
            export_cancel: AtomicBool::new(false),
            demo_dir: Mutex::new(None),
            sealer: Sealer::default(),
            handles: Handles::default(),
            lock_epoch: AtomicU64::new(0),
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

    /// Whether no command holds the vault's lock right now (tests of who holds it when).
    #[cfg(test)]
    pub(crate) fn vault_lock_is_free(&self) -> bool {
        self.vault.try_lock().is_ok()
    }

    /// Installs a freshly opened vault, closing any other first.
    pub fn set_unlocked(&self, vault: Vault) {
        self.touch();
        *guard(&self.vault) = VaultState::Unlocked(Box::new(vault));
    }

    /// Installs the demo company's vault, kept in `dir` until it is locked.
    pub fn set_unlocked_demo(&self, vault: Vault, dir: PathBuf) {
        self.set_unlocked(vault);
        *guard(&self.demo_dir) = Some(dir);
    }

    /// Whether the open vault is the demo company's.
    pub fn is_demo(&self) -> bool {
        guard(&self.demo_dir).is_some()
    }

    /// Locks; returns whether a vault was open. The demo company's temporary vault is deleted:
    /// its passphrase existed only in memory, so it could never be opened again. Closing an open
    /// vault forgets every file handle; locking while locked keeps the vault handles of the
    /// start screen (a retried unlock uses the same one).
    pub fn lock(&self) -> bool {
        // First, so that a running command that polls it gives the vault up.
        self.lock_epoch.fetch_add(1, Ordering::SeqCst);
        let previous = std::mem::replace(&mut *guard(&self.vault), VaultState::Locked);
        let was_open = match previous {
            VaultState::Unlocked(vault) => {
                let _ = vault.close();
                true
            }
            VaultState::Locked => false,
        };
        if was_open {
            self.handles.clear();
        }
        if let Some(dir) = guard(&self.demo_dir).take() {
            let _ = std::fs::remove_dir_all(dir);
        }
        self.sealer.forget();
        crate::opened::forget(&self.paths.opened_dir);
        was_open
    }

    /// The number of locks asked for so far; see [`AppState::locked_since`].
    pub fn lock_epoch(&self) -> u64 {
        self.lock_epoch.load(Ordering::SeqCst)
    }

    /// Whether a lock was asked for since `epoch` was read: a command that started then must
    /// stop.
    pub fn locked_since(&self, epoch: u64) -> bool {
        self.lock_epoch() != epoch
    }

    pub fn is_unlocked(&self) -> bool {
        matches!(*guard(&self.vault), VaultState::Unlocked(_))
    }

    /// `Locked` unless a vault is open: every command that touches a file outside the vault
    /// asks this first. Counts as activity.
    pub fn require_unlocked(&self) -> IpcResult<()> {
        self.touch();
        if self.is_unlocked() {
            Ok(())
        } else {
            Err(IpcError::locked())
        }
    }

    /// Whether the vault is unlocked and has seen no activity for the configured minutes at `now`.
    pub fn idle_expired(&self, now: Instant) -> bool {
        let minutes = guard(&self.settings).idle_lock_minutes;
        let idle = now.saturating_duration_since(*guard(&self.last_activity));
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

#[cfg(test)]
mod tests {
    use super::*;
    use isms_core::db::Action;
    use isms_core::organisation::{self, Organisation};
    use isms_core::{ErrorCode, Passphrase};

    fn unlocked_state(dir: &std::path::Path) -> AppState {
        let state = AppState::new(AppPaths::under(&dir.join("data"), &dir.join("Documents")));
        let vault = Vault::create(
            &dir.join("a.isms"),
            Passphrase::new("correct horse battery staple".into()),
            state.stamp(),
            |tx| organisation::create(tx, Organisation::named("Acme"), Action::Create).map(|_| ()),
        )
        .unwrap();
        state.set_unlocked(vault);
        state
    }

    #[test]
    fn idle_lock_fires_after_the_configured_minutes_only_while_unlocked() {
        let dir = tempfile::tempdir().unwrap();
        let state = unlocked_state(dir.path());
        let start = Instant::now();
        assert!(
            !state.idle_expired(start + Duration::from_secs(14 * 60)),
            "15 minutes by default"
        );
        assert!(state.idle_expired(start + Duration::from_secs(15 * 60 + 1)));
        state.update_settings(|s| s.idle_lock_minutes = 30).unwrap();
        assert!(
            !state.idle_expired(start + Duration::from_secs(20 * 60)),
            "the setting is honoured"
        );
        assert!(state.lock(), "a vault was open");
        assert!(
            !state.idle_expired(start + Duration::from_secs(60 * 60)),
            "nothing to lock"
        );
    }

    #[test]
    fn after_lock_every_vault_command_answers_locked() {
        let dir = tempfile::tempdir().unwrap();
        let state = unlocked_state(dir.path());
        assert!(state.with_vault(|v| organisation::get(v.reader())).is_ok());
        state.lock();
        let err = state
            .with_vault(|v| organisation::get(v.reader()))
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Locked);
        let reopened = Vault::open(
            &dir.path().join("a.isms"),
            Passphrase::new("correct horse battery staple".into()),
            &dir.path().join("b"),
            &state.stamp(),
        );
        assert!(reopened.is_ok(), "locking released the file lock");
    }

    #[test]
    fn locking_the_demo_deletes_its_folder_but_locking_a_real_vault_deletes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let state = unlocked_state(dir.path());
        assert!(!state.is_demo());
        state.lock();
        assert!(
            dir.path().join("a.isms").exists(),
            "a real vault is never deleted"
        );

        let demo_dir = dir.path().join("demo");
        std::fs::create_dir(&demo_dir).unwrap();
        let demo = Vault::create(
            &demo_dir.join("demo.isms"),
            Passphrase::new("a passphrase held only in memory".into()),
            state.stamp(),
            |tx| organisation::create(tx, Organisation::named("Demo"), Action::Create).map(|_| ()),
        )
        .unwrap();
        state.set_unlocked_demo(demo, demo_dir.clone());
        assert!(state.is_demo());
        assert!(state.lock());
        assert!(!state.is_demo());
        assert!(!demo_dir.exists(), "the demo's folder is gone");
        assert!(dir.path().join("a.isms").exists());
    }

    #[test]
    fn a_lock_stops_an_add_that_is_storing_and_deletes_opened_copies() {
        let dir = tempfile::tempdir().unwrap();
        let state = std::sync::Arc::new(unlocked_state(dir.path()));
        let file = dir.path().join("big.bin");
        std::fs::write(&file, vec![1u8; 4 * isms_core::evidence::CHUNK_BYTES]).unwrap();
        let (copy, _) = crate::opened::create_copy(&state.paths.opened_dir, "x.pdf").unwrap();

        let epoch = state.lock_epoch();
        let prepared = isms_core::evidence::prepare_file(&file).unwrap();
        let adding = std::sync::Arc::clone(&state);
        let (started_tx, started) = std::sync::mpsc::channel();
        let add = std::thread::spawn(move || {
            adding.with_vault(|vault| {
                started_tx.send(()).unwrap();
                // Holds the vault until the lock is asked for, as a read that hangs would.
                let stop = || {
                    std::thread::sleep(Duration::from_millis(10));
                    adding.locked_since(epoch)
                };
                isms_core::evidence::add_prepared(
                    vault,
                    adding.stamp(),
                    prepared,
                    Default::default(),
                    &stop,
                )
            })
        });
        started.recv().unwrap();
        assert!(state.lock(), "the lock won and found the vault open");
        let err = add.join().unwrap().unwrap_err();
        assert_eq!(err.code, ErrorCode::Cancelled);
        assert!(!copy.exists(), "the opened copy went with the lock");
        let reopened = Vault::open(
            &dir.path().join("a.isms"),
            Passphrase::new("correct horse battery staple".into()),
            &dir.path().join("b"),
            &state.stamp(),
        )
        .unwrap();
        assert!(
            isms_core::evidence::list(reopened.reader())
                .unwrap()
                .is_empty(),
            "the add was rolled back"
        );
    }
}
