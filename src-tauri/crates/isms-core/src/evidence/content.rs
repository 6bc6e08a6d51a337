//! Evidence contents: hashing a file in a streaming pass, storing it in chunks once per
//! distinct SHA-256, and writing it back out chunk by chunk.
//!
//! Only regular files are read: a path is opened without blocking (a pipe or a device would
//! otherwise wait for a writer forever) and refused unless what was opened is a regular file.
//! The hash is taken before the vault is touched ([`prepare`]); while the content is stored,
//! a thread of its own reads the file, and the transaction waits for each chunk only a moment
//! at a time, asking between waits whether it should stop. A read that hangs (a file on a
//! network mount that went away) therefore never keeps the vault: the caller cancels, the
//! transaction rolls back, and the stuck reader is left to end on its own.

use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::time::Duration;

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

/// Opens `path` for reading without waiting on it, and only if it is a regular file.
pub(crate) fn open_regular(path: &Path) -> Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A pipe opened for reading would wait for a writer; a device might wait for anything.
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path).map_err(|e| read_error(path, &e))?;
    let kind = file
        .metadata()
        .map_err(|e| read_error(path, &e))?
        .file_type();
    if !kind.is_file() {
        return Err(CoreError::new(
            ErrorCode::Validation,
            format!(
                "{} is not a file (it is a folder, a pipe or a device); only files can be evidence.",
                path.display()
            ),
        ));
    }
    Ok(file)
}

/// A regular file opened and hashed, ready to be stored: made without the vault.
#[derive(Debug)]
pub struct PreparedFile {
    pub(crate) path: PathBuf,
    /// Positioned at its start.
    pub(crate) file: File,
    pub(crate) sha256: String,
    pub(crate) size: u64,
}

impl PreparedFile {
    /// The path the file was opened at.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Opens the regular file at `path` and hashes it in one pass, refusing files over the limit.
/// Touches no vault, so it may take as long as the file takes to read.
pub fn prepare(path: &Path) -> Result<PreparedFile> {
    let mut file = open_regular(path)?;
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
    // Stored from the start again.
    file.rewind().map_err(|e| read_error(path, &e))?;
    Ok(PreparedFile {
        path: path.to_owned(),
        file,
        sha256: hex::encode(hasher.finalize()),
        size,
    })
}

/// How long the storing transaction waits for a chunk before asking whether to stop.
const POLL: Duration = Duration::from_millis(50);

/// The error of a store stopped by its caller (the vault is being locked).
fn cancelled() -> CoreError {
    CoreError::new(
        ErrorCode::Cancelled,
        "Adding the file was stopped; nothing was saved.",
    )
}

/// Reads `file` (from where it stands: its start) in chunks on a thread of its own. The thread ends at the end of
/// the file, at an error, or once the receiver is gone.
fn read_chunks(mut file: File, path: PathBuf) -> Receiver<Result<Vec<u8>>> {
    let (sender, chunks) = sync_channel(1);
    let reader = move || {
        loop {
            let mut buf = vec![0u8; CHUNK_BYTES];
            match fill(&mut file, &mut buf, &path) {
                Ok(0) => return,
                Ok(n) => {
                    buf.truncate(n);
                    if sender.send(Ok(buf)).is_err() {
                        return;
                    }
                }
                Err(e) => {
                    let _ = sender.send(Err(e));
                    return;
                }
            }
        }
    };
    if let Err(e) = std::thread::Builder::new()
        .name("evidence-read".into())
        .spawn(reader)
    {
        let (sender, failed) = sync_channel(1);
        let _ = sender.send(Err(CoreError::io("Cannot read the file", &e)));
        return failed;
    }
    chunks
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

/// Stores the content of `file` unless it is stored already. The file is read again chunk by
/// chunk (on its own thread) and must hash to the same value: it may have changed in between.
/// `stop` is asked between chunks and while one is awaited; once it says yes, the store ends
/// with a `Cancelled` error and the caller's transaction rolls back.
pub(crate) fn store(
    tx: &mut WriteTx<'_>,
    file: PreparedFile,
    stop: &dyn Fn() -> bool,
) -> Result<()> {
    let PreparedFile {
        path,
        file,
        sha256,
        size,
    } = file;
    let exists: i64 = tx.reader().query_row(
        "SELECT count(*) FROM evidence_contents WHERE sha256 = ?1",
        [&sha256],
        |r| r.get(0),
    )?;
    if exists > 0 {
        return Ok(());
    }
    insert_content_row(tx, &sha256, size)?;
    let chunks = read_chunks(file, path.clone());
    let mut hasher = Sha256::new();
    let mut seq = 0i64;
    let mut written = 0u64;
    loop {
        if stop() {
            return Err(cancelled());
        }
        let chunk = match chunks.recv_timeout(POLL) {
            Ok(chunk) => chunk?,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        written += chunk.len() as u64;
        if written > size {
            break;
        }
        hasher.update(&chunk);
        tx.store_content(
            "INSERT INTO evidence_chunks (sha256, seq, data) VALUES (?1, ?2, ?3)",
            params![sha256, seq, chunk],
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

#[cfg(all(test, unix))]
mod tests {
    use std::time::Instant;

    use super::*;
    use crate::db::{Stamp, Vault};
    use crate::{Passphrase, organisation};

    /// A file whose every read waits forever, as one on a network mount that went away: a pipe
    /// held open for writing by this process, into which nothing is ever written.
    fn hanging(dir: &Path) -> File {
        let fifo = dir.join("hung.pdf");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&fifo)
            .unwrap()
    }

    #[test]
    fn a_read_that_hangs_while_storing_gives_way_to_a_stop_and_rolls_back() {
        let dir = tempfile::tempdir().unwrap();
        let stamp = || Stamp::new(chrono::Utc::now(), "test");
        let mut vault = Vault::create(
            &dir.path().join("a.isms"),
            Passphrase::new("correct horse battery staple".into()),
            stamp(),
            |tx| {
                organisation::create(
                    tx,
                    organisation::Organisation::named("Acme"),
                    crate::db::Action::Create,
                )
                .map(|_| ())
            },
        )
        .unwrap();
        let file = PreparedFile {
            path: dir.path().join("hung.pdf"),
            file: hanging(dir.path()),
            sha256: "0".repeat(64),
            size: 10,
        };
        let started = Instant::now();
        let stop = || started.elapsed() > Duration::from_millis(300);
        let err =
            crate::evidence::add_prepared(&mut vault, stamp(), file, Default::default(), &stop)
                .unwrap_err();
        assert_eq!(err.code, ErrorCode::Cancelled, "{}", err.message);
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the stop won within a few polls, not when the read ended: {:?}",
            started.elapsed()
        );
        let contents: i64 = vault
            .reader()
            .query_row("SELECT count(*) FROM evidence_contents", [], |r| r.get(0))
            .unwrap();
        assert_eq!(contents, 0, "the content row written first was rolled back");
        assert!(crate::evidence::list(vault.reader()).unwrap().is_empty());
    }
}
