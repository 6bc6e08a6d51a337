//! The app's own small files, outside any vault: where things live ([`AppPaths`]) and the
//! settings file (idle-lock minutes, the list of recent vaults). Nothing secret is ever written
//! here: no passphrase, no record data, only file paths and preferences.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager};

pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 15;
pub const RECENT_KEPT: usize = 10;

#[derive(Debug, Clone)]
pub struct AppPaths {
    /// The app's data folder; debug builds use a separate `-dev` folder from release builds.
    pub data_dir: PathBuf,
    pub backups_dir: PathBuf,
    pub settings_file: PathBuf,
    /// Where new vaults are suggested: `~/Documents/ISMS Desk`.
    pub default_vault_dir: PathBuf,
    /// The private folder of decrypted copies of opened evidence files (opened.rs).
    pub opened_dir: PathBuf,
}

impl AppPaths {
    pub fn resolve(app: &AppHandle) -> tauri::Result<Self> {
        let base = app.path().app_data_dir()?;
        let data_dir = if cfg!(debug_assertions) {
            let mut name = base.file_name().unwrap_or_default().to_owned();
            name.push("-dev");
            base.with_file_name(name)
        } else {
            base
        };
        let documents = app
            .path()
            .document_dir()
            .or_else(|_| app.path().home_dir().map(|h| h.join("Documents")))?;
        Ok(Self {
            opened_dir: crate::opened::default_folder(),
            ..Self::under(&data_dir, &documents)
        })
    }

    pub fn under(data_dir: &Path, documents: &Path) -> Self {
        Self {
            data_dir: data_dir.to_owned(),
            backups_dir: data_dir.join("backups"),
            settings_file: data_dir.join("settings.json"),
            default_vault_dir: documents.join("ISMS Desk"),
            opened_dir: data_dir.join("opened"),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct RecentEntry {
    pub path: PathBuf,
    pub last_opened: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Settings {
    pub idle_lock_minutes: u32,
    pub recent: Vec<RecentEntry>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            idle_lock_minutes: DEFAULT_IDLE_LOCK_MINUTES,
            recent: Vec::new(),
        }
    }
}

impl Settings {
    /// Reads the settings; a missing or unreadable file gives the defaults (it holds nothing
    /// that cannot be rebuilt).
    pub fn load(file: &Path) -> Self {
        std::fs::read_to_string(file)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes atomically: a temporary file renamed over the old one.
    pub fn save(&self, file: &Path) -> std::io::Result<()> {
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = file.with_extension("json.tmp");
        std::fs::write(&tmp, serde_json::to_vec_pretty(self)?)?;
        std::fs::rename(tmp, file)
    }

    /// Moves `path` to the top of the recent list, keeping the newest [`RECENT_KEPT`].
    pub fn remember(&mut self, path: &Path, at: DateTime<Utc>) {
        self.recent.retain(|r| r.path != path);
        self.recent.insert(
            0,
            RecentEntry {
                path: path.to_owned(),
                last_opened: at,
            },
        );
        self.recent.truncate(RECENT_KEPT);
    }

    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|r| r.path != path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_list_is_newest_first_without_duplicates_and_bounded() {
        let mut s = Settings::default();
        let t = DateTime::<Utc>::from_timestamp(1_700_000_000, 0).unwrap();
        for i in 0..12 {
            s.remember(Path::new(&format!("/v/{i}.isms")), t);
        }
        s.remember(Path::new("/v/5.isms"), t);
        assert_eq!(s.recent.len(), RECENT_KEPT);
        assert_eq!(
            s.recent[0].path,
            Path::new("/v/5.isms"),
            "reopened goes to the top"
        );
        assert_eq!(
            s.recent
                .iter()
                .filter(|r| r.path == Path::new("/v/5.isms"))
                .count(),
            1
        );
        s.forget(Path::new("/v/5.isms"));
        assert!(s.recent.iter().all(|r| r.path != Path::new("/v/5.isms")));
    }

    #[test]
    fn settings_round_trip_and_hold_no_secret() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("settings.json");
        let mut s = Settings {
            idle_lock_minutes: 7,
            ..Settings::default()
        };
        s.remember(
            Path::new("/v/acme.isms"),
            DateTime::<Utc>::from_timestamp(0, 0).unwrap(),
        );
        s.save(&file).unwrap();
        assert_eq!(Settings::load(&file), s);
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            !text.to_lowercase().contains("pass"),
            "no passphrase field exists to leak"
        );
    }

    #[test]
    fn unreadable_settings_fall_back_to_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("settings.json");
        std::fs::write(&file, "{ not json").unwrap();
        assert_eq!(Settings::load(&file), Settings::default());
    }
}
