//! The schema's history: an ordered list of SQL files, applied in order, each in its own
//! transaction, with `PRAGMA user_version` recording how many have run.
//!
//! A released migration is never edited: its SHA-256 is pinned in [`MIGRATIONS`] and a test
//! fails if the file changes. A schema change is always a new file at the end of the list.

use rusqlite::Connection;
use sha2::{Digest, Sha256};

use crate::error::{CoreError, ErrorCode, Result};

pub struct Migration {
    /// 1-based; equals the `user_version` after it has run.
    pub version: u32,
    pub name: &'static str,
    pub sql: &'static str,
    /// SHA-256 of `sql` as released; `None` only while the migration is unreleased.
    pub released_sha256: Option<&'static str>,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_init",
        sql: include_str!("migrations/0001_init.sql"),
        released_sha256: Some("b74e0ac590ec05eb86ac313381721d4b1bf0fd435bd83ac1bccf96315560b4c8"),
    },
    Migration {
        version: 2,
        name: "0002_people_context_assets",
        sql: include_str!("migrations/0002_people_context_assets.sql"),
        released_sha256: Some("498648a431ecade68bc8340ef5f26e3e3faefa0c292a616708f5694a4c98b460"),
    },
    Migration {
        version: 3,
        name: "0003_soa",
        sql: include_str!("migrations/0003_soa.sql"),
        released_sha256: Some("9fcb7fc86198cdb048b52a92f5a8d944cd3ad90c99e397c8d0b6dd98d9a26205"),
    },
    Migration {
        version: 4,
        name: "0004_risks",
        sql: include_str!("migrations/0004_risks.sql"),
        released_sha256: Some("1b7a88124a5c0defdfe1a8c9cc29f0be6d3aaf928652ce6565817d0b4b95fb44"),
    },
    Migration {
        version: 5,
        name: "0005_objectives_evidence",
        sql: include_str!("migrations/0005_objectives_evidence.sql"),
        released_sha256: Some("cfcd8f5266e1cfcaa6a172ec0866c57071c5f418578a9ed4d9c6ef6ca3741c9c"),
    },
    Migration {
        version: 6,
        name: "0006_documents_clauses",
        sql: include_str!("migrations/0006_documents_clauses.sql"),
        released_sha256: Some("a1c33ef400fe701b15cea32782d1ef73cb0e6c47c5346d13be02b6ceaa1bf1b0"),
    },
    Migration {
        version: 7,
        name: "0007_audits_tracker",
        sql: include_str!("migrations/0007_audits_tracker.sql"),
        released_sha256: Some("0322f85cfc4fd744e0e86fe36a3261a091a3fe22504365617ae7e11fa2ab0c8b"),
    },
    Migration {
        version: 8,
        name: "0008_training_acknowledgements",
        sql: include_str!("migrations/0008_training_acknowledgements.sql"),
        released_sha256: Some("13e1e9bd7fdd36c9cf82607024ceb241be214e4f3593badd5eaf6dd3f659729d"),
    },
    Migration {
        version: 9,
        name: "0009_changes_reviews",
        sql: include_str!("migrations/0009_changes_reviews.sql"),
        released_sha256: Some("d530957de10c27c8d05de29b811584914c4d49a81ec7297ebbe8abb969b969d9"),
    },
    Migration {
        version: 10,
        name: "0010_competence_measures",
        sql: include_str!("migrations/0010_competence_measures.sql"),
        released_sha256: Some("a6f4d6a92be78437a50aee003b631a24f3b37207c6ec4a7c7da6a20380e1902a"),
    },
    Migration {
        version: 11,
        name: "0011_suppliers_incidents_requirements",
        sql: include_str!("migrations/0011_suppliers_incidents_requirements.sql"),
        released_sha256: Some("ef574d3ae6dfc5a8ae32af981d3393d2bb91b5e07883aa44f944e77d79e9f580"),
    },
    Migration {
        version: 12,
        name: "0012_assessed_on_finding_number",
        sql: include_str!("migrations/0012_assessed_on_finding_number.sql"),
        released_sha256: Some("9a637f6afefb8a1c6a2487a066a3f2800754295b96631a5434569ed89a780120"),
    },
];

/// The schema version this build writes.
pub const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

impl Migration {
    pub fn sha256(&self) -> String {
        hex::encode(Sha256::digest(self.sql.as_bytes()))
    }
}

pub(crate) fn current_version(conn: &Connection) -> Result<u32> {
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    u32::try_from(v).map_err(|_| CoreError::internal(format!("Invalid schema version {v}.")))
}

/// Refuses a vault written by a newer build, before anything is written.
pub(crate) fn refuse_newer(conn: &Connection) -> Result<u32> {
    let version = current_version(conn)?;
    if version > LATEST_VERSION {
        return Err(CoreError::new(
            ErrorCode::FromNewerVersion,
            format!(
                "This vault was written by a newer version of ISMS Desk (schema {version}; this \
                 version knows up to {LATEST_VERSION}). Update ISMS Desk to open it. The file \
                 was not changed."
            ),
        ));
    }
    Ok(version)
}

/// Applies every migration after the current version, up to `target`.
pub(crate) fn migrate_to(conn: &mut Connection, target: u32) -> Result<()> {
    let from = current_version(conn)?;
    for migration in MIGRATIONS
        .iter()
        .filter(|m| m.version > from && m.version <= target)
    {
        let tx = conn.transaction()?;
        tx.execute_batch(migration.sql).map_err(|e| {
            CoreError::new(
                ErrorCode::Database,
                format!("Migration {} failed: {e}", migration.name),
            )
        })?;
        tx.pragma_update(None, "user_version", migration.version)?;
        tx.commit()?;
    }
    Ok(())
}
