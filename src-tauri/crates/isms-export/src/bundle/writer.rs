//! The ZIP itself, written so that the same entries give the same bytes: every entry has the
//! DOS epoch (1980-01-01 00:00) as its time, Unix as its system with mode 0644, no extra
//! fields, and a fixed compression: files that are compressed already (PDF, images, archives,
//! office documents, audio and video) are stored, everything else is deflated at level 6.
//! Contents pass through a [`HashingWriter`] on their way into the entry, so a file is hashed
//! and counted as it streams and never sits whole in memory.

use std::fs::File;
use std::io::{BufWriter, Write};

use isms_core::{CoreError, ErrorCode, Result};
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

/// Extensions of formats that are compressed already; deflating them again gains nothing.
const COMPRESSED: &[&str] = &[
    "pdf", "png", "jpg", "jpeg", "gif", "webp", "heic", "heif", "avif", "jxl", "zip", "gz", "tgz",
    "bz2", "tbz2", "xz", "txz", "zst", "7z", "rar", "jar", "docx", "xlsx", "pptx", "docm", "xlsm",
    "pptm", "odt", "ods", "odp", "odg", "epub", "mp3", "m4a", "aac", "ogg", "opus", "flac", "mp4",
    "m4v", "mov", "webm", "mkv", "avi",
];

/// Whether the entry at `path` is stored rather than deflated.
pub fn is_stored(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((_, ext)) => COMPRESSED.contains(&ext.to_ascii_lowercase().as_str()),
        None => false,
    }
}

fn options_for(path: &str) -> SimpleFileOptions {
    let options = SimpleFileOptions::default()
        .last_modified_time(DateTime::DEFAULT)
        .system(System::Unix)
        .unix_permissions(0o644);
    if is_stored(path) {
        options.compression_method(CompressionMethod::Stored)
    } else {
        options
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(6))
    }
}

pub fn zip_error(err: zip::result::ZipError) -> CoreError {
    CoreError::new(ErrorCode::Io, format!("Cannot write the bundle: {err}"))
}

/// A ZIP being written to a file.
pub struct ZipOut {
    zip: ZipWriter<BufWriter<File>>,
}

impl ZipOut {
    pub fn new(file: File) -> Self {
        Self {
            zip: ZipWriter::new(BufWriter::with_capacity(256 * 1024, file)),
        }
    }

    /// Starts the entry `path`; its content is then written to [`Self::writer`].
    pub fn start(&mut self, path: &str) -> Result<()> {
        self.zip
            .start_file(path, options_for(path))
            .map_err(zip_error)
    }

    pub fn writer(&mut self) -> &mut impl Write {
        &mut self.zip
    }

    /// Writes the central directory and flushes everything to disk.
    pub fn finish(self) -> Result<()> {
        let io = |e: std::io::Error| CoreError::io("Cannot write the bundle", &e);
        let file = self
            .zip
            .finish()
            .map_err(zip_error)?
            .into_inner()
            .map_err(|e| io(e.into_error()))?;
        file.sync_all().map_err(io)
    }
}

/// Passes bytes on to `inner`, hashing and counting them, and asks `tick` after each write
/// whether to go on (it is told the bytes written so far by this writer); after a stop every
/// further write fails, and [`Self::cancelled`] tells the caller why.
pub struct HashingWriter<'a, W: Write> {
    inner: &'a mut W,
    hasher: Sha256,
    bytes: u64,
    tick: &'a mut dyn FnMut(u64) -> bool,
    cancelled: bool,
}

impl<'a, W: Write> HashingWriter<'a, W> {
    pub fn new(inner: &'a mut W, tick: &'a mut dyn FnMut(u64) -> bool) -> Self {
        Self {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
            tick,
            cancelled: false,
        }
    }

    /// Whether `tick` said stop.
    pub fn cancelled(&self) -> bool {
        self.cancelled
    }

    /// The SHA-256 (lowercase hex) and the count of the bytes written.
    pub fn finish(self) -> (String, u64) {
        (hex::encode(self.hasher.finalize()), self.bytes)
    }
}

impl<W: Write> Write for HashingWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.cancelled {
            return Err(std::io::Error::other("the bundle was cancelled"));
        }
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        // A stop is answered at the next write, never after bytes were taken.
        self.cancelled = !(self.tick)(self.bytes);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressed_formats_are_stored_and_text_deflated() {
        for stored in [
            "a/b/scan.PDF",
            "photo.jpg",
            "x.docx",
            "logs.tar.gz",
            "p.png",
        ] {
            assert!(is_stored(stored), "{stored}");
        }
        for deflated in [
            "notes.txt",
            "export.csv",
            "README",
            "a.pdf/b.txt",
            "policy.md",
        ] {
            assert!(!is_stored(deflated), "{deflated}");
        }
    }
}
