//! The demo's evidence files, made in memory: small text contents stored in the vault as the
//! evidence domain stores a file (one content row per SHA-256, in chunks, under the one history
//! row of the evidence record), so the demo needs no temporary files on disk.

use chrono::{NaiveDate, SecondsFormat};
use rusqlite::params;
use sha2::{Digest, Sha256};

use crate::db::{Action, WriteTx};
use crate::error::Result;
use crate::evidence::{CHUNK_BYTES, Evidence, media_type_for};

/// Stores `text` as an evidence file named `file_name` inside `tx`; returns its id.
pub(crate) fn store(
    tx: &mut WriteTx<'_>,
    file_name: &str,
    text: &str,
    effective: NaiveDate,
    description: &str,
    links: &[&str],
) -> Result<i64> {
    let bytes = text.as_bytes();
    let sha256 = hex::encode(Sha256::digest(bytes));
    let stored: i64 = tx.reader().query_row(
        "SELECT count(*) FROM evidence_contents WHERE sha256 = ?1",
        [&sha256],
        |r| r.get(0),
    )?;
    if stored == 0 {
        let chunks = bytes.len().div_ceil(CHUNK_BYTES) as i64;
        tx.store_content(
            "INSERT INTO evidence_contents (sha256, size, chunks) VALUES (?1, ?2, ?3)",
            params![sha256, bytes.len() as i64, chunks],
        )?;
        for (seq, chunk) in bytes.chunks(CHUNK_BYTES).enumerate() {
            tx.store_content(
                "INSERT INTO evidence_chunks (sha256, seq, data) VALUES (?1, ?2, ?3)",
                params![sha256, seq as i64, chunk],
            )?;
        }
    }
    // Named as `evidence add` names a file ("ISO/IEC" has no path separator in a file name),
    // so a snapshot of the demo imports back unchanged.
    let file_name = crate::evidence::clean_file_name(file_name)?;
    let evidence = Evidence {
        id: 0,
        sha256,
        media_type: media_type_for(&file_name).to_owned(),
        file_name,
        size: bytes.len() as u64,
        effective_date: Some(effective),
        uploaded_at: tx.stamp().at.to_rfc3339_opts(SecondsFormat::Secs, true),
        description: description.to_owned(),
        links: links.iter().map(|l| (*l).to_owned()).collect(),
    };
    tx.insert(
        "evidence",
        Action::Create,
        &evidence,
        "INSERT INTO evidence (sha256, file_name, media_type, size, effective_date, uploaded_at, \
         description, links) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            evidence.sha256,
            evidence.file_name,
            evidence.media_type,
            evidence.size as i64,
            evidence.effective_date,
            evidence.uploaded_at,
            evidence.description,
            serde_json::to_string(&evidence.links)?
        ],
    )
}
