//! The vault file: one SQLCipher 4 database holding every record of one company's ISMS.
//!
//! Invariants kept here:
//! - the key is set before anything else touches the file, with SQLCipher 4's default key
//!   derivation, so the file also opens in any standard SQLCipher 4 tool given the passphrase;
//! - a failed open never writes to the vault, its WAL or its backups, and nothing here ever
//!   deletes or recreates a vault that failed to open;
//! - every mutation goes through [`WriteTx`], which records a history row for it and refuses
//!   to commit a change it did not record;
//! - one process at a time, whatever name it uses: the path is resolved once at open, a file
//!   with a second hard link is refused, and exclusive locks on a sidecar file and (on Linux)
//!   on the vault file itself guard it;
//! - a vault that cannot be written opens read-only and leaves no side file behind.
//!
//! Domain SQL lives with each domain; this module knows tables only through migrations.

mod backup;
mod connect;
mod file;
mod lock;
mod migrate;
mod open;
mod passphrase;
pub mod record;
mod restore;
mod vault;
mod write;

pub use backup::{
    AUTO_BACKUPS_KEPT, BackupInfo, auto_backup, backup_dir_for, list_auto_backups,
    newest_auto_backup_at,
};
pub use migrate::{LATEST_VERSION, MIGRATIONS, Migration};
pub use passphrase::{MIN_PASSPHRASE_CHARS, Passphrase};
pub use record::Record;
pub use restore::{
    BackupCandidate, BackupSearch, RestoredCopy, SkippedBackup, VaultDiagnosis, diagnose,
    find_backup, restore_backup,
};
pub use vault::{CheckReport, Vault, VaultInfo};
pub use write::{Action, Change, Stamp, WriteTx};

/// `PRAGMA application_id` of an ISMS Desk vault: "ISMS" in ASCII.
pub const APPLICATION_ID: i32 = 0x4953_4D53;
