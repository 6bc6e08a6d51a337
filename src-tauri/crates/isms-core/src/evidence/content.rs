//! Evidence contents: hashing a file in a streaming pass, storing it in chunks once per
//! distinct SHA-256, and writing it back out chunk by chunk.

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::db::WriteTx;
use crate::error::{CoreError, ErrorCode, Result};

/// The size of one stored chunk.
pub const CHUNK_BYTES: usize = 1024 * 1024;
/// The largest file the vault accepts.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

fn read_error(path: &Path, err: &std::io::Error) -> CoreError {
    let code = if err.kind() == std::io::ErrorKind::NotFound {
        ErrorCode::NotFound
    } else {
        ErrorCode::Io
    };
    CoreError::new(code, format!("Cannot read {}: {err}", path.display()))
}

/// Fills `buf` as far as the reader allows; returns the bytes read (0 at the end).
fn fill(file: &mut File, buf: &mut [u8], path: &Path) -> Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(read_error(path, &e)),
        }
    }
    Ok(n)
}

/// SHA-256 and size of a file, read once in chunks; refuses files over the limit.
pub(crate) fn hash_file(path: &Path) -> Result<(String, u64)> {
    let mut file = File::open(path).map_err(|e| read_error(path, &e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; CHUNK_BYTES];
    let mut size = 0u64;
    loop {
        let n = fill(&mut file, &mut buf, path)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        if size > MAX_FILE_BYTES {
            return Err(too_large(path));
        }
        hasher.update(&buf[..n]);
    }
    Ok((hex::encode(hasher.finalize()), size))
}

fn too_large(path: &Path) -> CoreError {
    CoreError::new(
        ErrorCode::Validation,
        format!(
            "{} is larger than {} MiB, the most one evidence file may be. Split it or store a summary.",
            path.display(),
            MAX_FILE_BYTES / 1024 / 1024
        ),
    )
}

/// Stores the content of `path` under `sha256` unless it is stored already. The file is read
/// again chunk by chunk and must hash to the same value (it may have changed in between).
pub(crate) fn store(tx: &mut WriteTx<'_>, path: &Path, sha256: &str, size: u64) -> Result<()> {
    let exists: i64 = tx.reader().query_row(
        "SELECT count(*) FROM evidence_contents WHERE sha256 = ?1",
        [sha256],
        |r| r.get(0),
    )?;
    if exists > 0 {
        return Ok(());
    }
    insert_content_row(tx, sha256, size)?;
    let mut file = File::open(path).map_err(|e| read_error(path, &e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; CHUNK_BYTES];
    let mut seq = 0i64;
    let mut written = 0u64;
    loop {
        let n = fill(&mut file, &mut buf, path)?;
        if n == 0 {
            break;
        }
        written += n as u64;
        if written > size {
            break;
        }
        hasher.update(&buf[..n]);
        tx.store_content(
            "INSERT INTO evidence_chunks (sha256, seq, data) VALUES (?1, ?2, ?3)",
            params![sha256, seq, &buf[..n]],
        )?;
        seq += 1;
    }
    if written != size || hex::encode(hasher.finalize()) != sha256 {
        return Err(CoreError::new(
            ErrorCode::Io,
            format!(
                "{} changed while it was being stored; nothing was saved. Try again.",
                path.display()
            ),
        ));
    }
    Ok(())
}

/// The row that chunks refer to: written first, with the chunk count the size implies.
fn insert_content_row(tx: &mut WriteTx<'_>, sha256: &str, size: u64) -> Result<()> {
    let chunks = size.div_ceil(CHUNK_BYTES as u64) as i64;
    tx.store_content(
        "INSERT INTO evidence_contents (sha256, size, chunks) VALUES (?1, ?2, ?3)",
        params![sha256, size as i64, chunks],
    )?;
    Ok(())
}

/// Writes the content with `sha256` to `out`, chunk by chunk; returns the bytes written.
///
/// The bytes are hashed on the way out and must match the recorded size and SHA-256: a page
/// SQLCipher could not decrypt can reach a read as zeros, and a damaged vault must never hand
/// out a file that differs from the one stored. On that error `out` already holds some bytes,
/// which the caller discards.
pub(crate) fn write(conn: &Connection, sha256: &str, out: &mut dyn Write) -> Result<u64> {
    let (size, chunks): (i64, i64) = conn.query_row(
        "SELECT size, chunks FROM evidence_contents WHERE sha256 = ?1",
        [sha256],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut stmt =
        conn.prepare("SELECT data FROM evidence_chunks WHERE sha256 = ?1 AND seq = ?2")?;
    let mut hasher = Sha256::new();
    let mut total = 0u64;
    for seq in 0..chunks {
        let data: Vec<u8> = stmt.query_row(params![sha256, seq], |r| r.get(0))?;
        hasher.update(&data);
        out.write_all(&data)
            .map_err(|e| CoreError::io("Cannot write the evidence file", &e))?;
        total += data.len() as u64;
    }
    if total != size as u64 || hex::encode(hasher.finalize()) != sha256 {
        return Err(CoreError::new(
            ErrorCode::Database,
            "This evidence file is damaged in the vault: its bytes no longer match the SHA-256 \
             recorded when it was added. Restore the newest backup; the vault was not changed.",
        ));
    }
    Ok(total)
}

/// Removes a content no evidence record uses any more.
pub(crate) fn remove_if_unused(tx: &mut WriteTx<'_>, sha256: &str) -> Result<()> {
    let users: i64 = tx.reader().query_row(
        "SELECT count(*) FROM evidence WHERE sha256 = ?1",
        [sha256],
        |r| r.get(0),
    )?;
    if users == 0 {
        tx.store_content("DELETE FROM evidence_chunks WHERE sha256 = ?1", [sha256])?;
        tx.store_content("DELETE FROM evidence_contents WHERE sha256 = ?1", [sha256])?;
    }
    Ok(())
}

/// A media type from the file name's extension; `application/octet-stream` when unknown.
pub fn media_type_for(file_name: &str) -> &'static str {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "txt" | "log" => "text/plain",
        "md" => "text/markdown",
        "csv" => "text/csv",
        "json" => "application/json",
        "xml" => "application/xml",
        "html" | "htm" => "text/html",
        "eml" => "message/rfc822",
        "zip" => "application/zip",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        _ => "application/octet-stream",
    }
}

/// The size of the stored content `sha256`, if it is stored.
pub(crate) fn stored_size(conn: &Connection, sha256: &str) -> Result<Option<u64>> {
    let size: Option<i64> = conn
        .query_row(
            "SELECT size FROM evidence_contents WHERE sha256 = ?1",
            [sha256],
            |r| r.get(0),
        )
        .optional()?;
    Ok(size.map(|s| s as u64))
}

/// Stores `bytes` as the content `sha256` (from a snapshot), unless stored already.
pub(crate) fn store_bytes(tx: &mut WriteTx<'_>, sha256: &str, bytes: &[u8]) -> Result<()> {
    if hex::encode(Sha256::digest(bytes)) != sha256 {
        return Err(CoreError::new(
            ErrorCode::BadSnapshot,
            format!("Evidence content {sha256} does not match its hash."),
        ));
    }
    let exists: i64 = tx.reader().query_row(
        "SELECT count(*) FROM evidence_contents WHERE sha256 = ?1",
        [sha256],
        |r| r.get(0),
    )?;
    if exists > 0 {
        return Ok(());
    }
    insert_content_row(tx, sha256, bytes.len() as u64)?;
    for (seq, chunk) in bytes.chunks(CHUNK_BYTES).enumerate() {
        tx.store_content(
            "INSERT INTO evidence_chunks (sha256, seq, data) VALUES (?1, ?2, ?3)",
            params![sha256, seq as i64, chunk],
        )?;
    }
    Ok(())
}
