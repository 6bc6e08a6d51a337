//! Reading a snapshot document: bounded, and as a stream. A document larger than the cap
//! ([`MAX_SNAPSHOT_BYTES`] unless the caller gives another) is refused before it is parsed,
//! and a reader that grows past it while being read (a FIFO, a file being appended to) is cut
//! off there. The document is parsed straight from the file into the snapshot's types, never
//! first into a `serde_json::Value` nor as a second in-memory copy of the text, so reading one
//! takes about its own size in memory. The header (`format`, `version`) is checked in a first
//! pass that keeps nothing else, so a document of another format or version is refused with a clear
//! reason rather than a type error.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;
use serde_json::error::Category;

use super::{FORMAT, Snapshot, VERSION};
use crate::error::{CoreError, ErrorCode, Result};

/// The largest snapshot document read by default (1 GiB of JSON).
pub const MAX_SNAPSHOT_BYTES: u64 = 1024 * 1024 * 1024;

fn bad(msg: String) -> CoreError {
    CoreError::new(ErrorCode::BadSnapshot, msg)
}

fn too_large(max_bytes: u64) -> CoreError {
    bad(format!(
        "The snapshot is larger than {} MiB, the most this version reads; nothing was imported.",
        max_bytes / 1024 / 1024
    ))
}

/// Parses and checks a snapshot document held in memory, saying clearly what is wrong with it.
pub fn parse(text: &str) -> Result<Snapshot> {
    if text.len() as u64 > MAX_SNAPSHOT_BYTES {
        return Err(too_large(MAX_SNAPSHOT_BYTES));
    }
    check_header(serde_json::from_str::<Header>(text).map_err(header_error)?)?;
    serde_json::from_str(text).map_err(body_error)
}

/// Reads the snapshot at `path` as a stream, refusing one over `max_bytes` (`BadSnapshot`).
/// A file that cannot be opened is `NotFound` or `Io`.
pub fn read_file(path: &Path, max_bytes: u64) -> Result<Snapshot> {
    let open = || {
        let file = File::open(path).map_err(|e| {
            let code = if e.kind() == std::io::ErrorKind::NotFound {
                ErrorCode::NotFound
            } else {
                ErrorCode::Io
            };
            CoreError::new(code, format!("Cannot read {}: {e}", path.display()))
        })?;
        let len = file
            .metadata()
            .map_err(|e| CoreError::io(&format!("Cannot read {}", path.display()), &e))?
            .len();
        if len > max_bytes {
            return Err(too_large(max_bytes));
        }
        Ok(BufReader::with_capacity(256 * 1024, file))
    };
    parse_from(open, max_bytes)
}

/// The two header fields, everything else skipped without being kept.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: Option<Value>,
    #[serde(default)]
    version: Option<Value>,
}

/// Parses the document `open` gives (opened once per pass), at most `max_bytes` of it.
fn parse_from<R: Read>(open: impl Fn() -> Result<R>, max_bytes: u64) -> Result<Snapshot> {
    // Pass 1: the header, everything else skipped as it is read (which checks the syntax of
    // the whole document), for a clear reason when it is another format or version.
    check_header(pass(open()?, max_bytes, header_error)?)?;
    // Pass 2: the snapshot itself.
    pass(open()?, max_bytes, body_error)
}

fn not_ours() -> CoreError {
    bad(format!(
        "This is not an ISMS Desk snapshot (\"format\" must be \"{FORMAT}\")."
    ))
}

/// A document that is JSON but not an object is not ours; one that is not JSON says so.
fn header_error(e: serde_json::Error) -> CoreError {
    match e.classify() {
        Category::Data => not_ours(),
        _ => bad(format!("The snapshot is not valid JSON: {e}.")),
    }
}

fn body_error(e: serde_json::Error) -> CoreError {
    bad(format!(
        "The snapshot does not match format {VERSION}: {e}."
    ))
}

fn check_header(header: Header) -> Result<()> {
    if header.format.as_ref().and_then(Value::as_str) != Some(FORMAT) {
        return Err(not_ours());
    }
    match header.version.as_ref().and_then(Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => Ok(()),
        Some(v) if v > u64::from(VERSION) => Err(bad(format!(
            "The snapshot is version {v}, written by a newer ISMS Desk; this version reads {VERSION}."
        ))),
        _ => Err(bad(format!(
            "The snapshot's \"version\" must be {VERSION}."
        ))),
    }
}

/// Deserialises a `T` from `reader`, cut off after `max_bytes`; `fail` words any other error.
fn pass<T: serde::de::DeserializeOwned, R: Read>(
    reader: R,
    max_bytes: u64,
    fail: fn(serde_json::Error) -> CoreError,
) -> Result<T> {
    let mut capped = Capped {
        inner: reader,
        left: max_bytes,
        over: false,
    };
    let parsed = serde_json::from_reader(&mut capped);
    if capped.over {
        return Err(too_large(max_bytes));
    }
    parsed.map_err(fail)
}

/// A reader that fails once more than `left` bytes were asked of it, and remembers why.
struct Capped<R> {
    inner: R,
    left: u64,
    over: bool,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        // One byte more than allowed tells a document of exactly the cap from a longer one.
        let want = buf.len().min(
            usize::try_from(self.left)
                .unwrap_or(usize::MAX)
                .saturating_add(1),
        );
        let n = self.inner.read(&mut buf[..want])?;
        if n as u64 > self.left {
            self.over = true;
            return Err(std::io::Error::other("the snapshot is over its size limit"));
        }
        self.left -= n as u64;
        Ok(n)
    }
}
