//! Small helpers shared by the core tests: a temporary folder, a fixed clock, file hashes.

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use isms_core::organisation::Organisation;
use isms_core::{Passphrase, Stamp, Vault, organisation};
use sha2::{Digest, Sha256};

pub const PASS: &str = "correct horse battery staple";

pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn backups(&self) -> PathBuf {
        self.path("backups")
    }

    /// A new vault for "Ørsted & Wąs Ltd" at `name`, left open.
    pub fn vault(&self, name: &str) -> Vault {
        create(&self.path(name), "Ørsted & Wąs Ltd")
    }

    pub fn reopen(&self, name: &str, pass: &str) -> isms_core::Result<Vault> {
        Vault::open(
            &self.path(name),
            Passphrase::new(pass.into()),
            &self.backups(),
            &stamp(0),
        )
    }
}

pub fn create(path: &Path, org: &str) -> Vault {
    Vault::create(path, Passphrase::new(PASS.into()), stamp(0), |tx| {
        organisation::create(tx, Organisation::named(org), isms_core::db::Action::Create)
            .map(|_| ())
    })
    .expect("create vault")
}

/// A stamp `minutes` after a fixed instant.
pub fn stamp(minutes: i64) -> Stamp {
    let base = Utc
        .with_ymd_and_hms(2026, 3, 2, 9, 0, 0)
        .single()
        .expect("valid date");
    Stamp::new(base + chrono::Duration::minutes(minutes), "test")
}

pub fn sha256(path: &Path) -> String {
    match std::fs::read(path) {
        Ok(bytes) => hex::encode(Sha256::digest(bytes)),
        Err(_) => "absent".into(),
    }
}

/// Hashes of the vault and its SQLite side files, to prove a failed open wrote nothing.
pub fn fingerprint(path: &Path) -> Vec<String> {
    ["", "-wal", "-shm"]
        .iter()
        .map(|s| {
            let mut p = path.as_os_str().to_owned();
            p.push(s);
            sha256(Path::new(&p))
        })
        .collect()
}
