//! The ZIP bundle sent to the certification body: the pack's PDF at the root, every evidence file
//! supporting a record of the pack under `evidence/<record ref>/<file name>`, and
//! `manifest.json` and `manifest.csv` listing every other file with its SHA-256, size,
//! effective date and linked records. An evidence file linked to several records of the pack is
//! written once, in the folder of the first of them, and the manifest lists every link
//! ([`plan`] says why). The same vault, PDF and records give a byte-identical ZIP (fixed entry
//! times, entries sorted by path, fixed compression per kind of file: [`writer`]). Every entry
//! name is safe to extract on any system ([`names`]). Evidence streams from the vault's chunks
//! through a hashing writer into the ZIP, so a bundle of any size needs a few MiB of memory.
//! [`verify`] checks a bundle against its manifest. The PDF itself is made elsewhere
//! (`crate::export_pdf`); this module only packs it.

mod manifest;
mod names;
mod plan;
mod verify;
mod writer;

use std::fs::File;
use std::io::Write;
use std::path::Path;

use isms_core::{CoreError, ErrorCode, Result, Vault, evidence};

pub use manifest::{CSV_NAME, JSON_NAME, Manifest, ManifestFile};
pub use names::{MAX_PATH_BYTES, UniqueNames, safe_component};
pub use verify::{Altered, VerifyReport, verify};
pub use writer::is_stored;

use plan::Source;
use writer::{HashingWriter, ZipOut};

/// How far a bundle has got: `done_bytes` of `total_bytes` of content, in `files_done` of
/// `files_total` entries (the manifests included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundleProgress {
    pub done_bytes: u64,
    pub total_bytes: u64,
    pub files_done: usize,
    pub files_total: usize,
}

/// Told of progress about once per MiB and once per entry; returns `false` to cancel.
pub type Watch<'a> = &'a mut dyn FnMut(BundleProgress) -> bool;

/// A watch that never cancels.
pub fn unwatched(_: BundleProgress) -> bool {
    true
}

/// The size of each slice of an in-memory file (the PDF, the manifests) between progress calls.
const SLICE: usize = 1024 * 1024;

/// Writes the bundle of the pack whose PDF is `pdf` (named `pdf_name` in the bundle, made safe)
/// and whose records are `records` (their references: "R-001", "5.15", "POL-01"…, in the
/// pack's order) to `out`, and returns its manifest.
///
/// `out` must not exist (`AlreadyExists`); the ZIP is written beside it to a hidden
/// `.partial` file with a random name, created exclusively and readable by its owner only
/// (0600), and renamed into place when complete, never over a file, so an error or a cancel
/// (`Cancelled`, when `watch` returns false) leaves no file at `out` and removes the partial
/// one. Evidence whose content no longer matches its recorded SHA-256 stops the bundle
/// (`Internal`; `isms check` the vault).
pub fn write_bundle(
    vault: &Vault,
    pdf_name: &str,
    pdf: &[u8],
    records: &[String],
    out: &Path,
    watch: Watch<'_>,
) -> Result<Manifest> {
    if out.exists() {
        return Err(CoreError::new(
            ErrorCode::AlreadyExists,
            format!("{} already exists.", out.display()),
        ));
    }
    let entries = plan::plan(vault, pdf_name, pdf, records)?;
    let pack = entries
        .iter()
        .find(|e| e.source == Source::Pdf)
        .map(|e| e.file.path.clone())
        .unwrap_or_default();
    let manifest = Manifest::new(pack, entries.iter().map(|e| e.file.clone()).collect());
    let json = manifest.to_json()?;
    let csv = manifest.to_csv();

    // Everything in one sorted list: the manifests too sit in path order.
    let mut items: Vec<(&str, Content<'_>)> = entries
        .iter()
        .map(|e| {
            let content = match e.source {
                Source::Pdf => Content::Bytes(pdf),
                Source::Evidence(id) => Content::Evidence(id, &e.file),
            };
            (e.file.path.as_str(), content)
        })
        .collect();
    items.push((JSON_NAME, Content::Bytes(&json)));
    items.push((CSV_NAME, Content::Bytes(&csv)));
    items.sort_by(|a, b| a.0.cmp(b.0));

    // A random name, created exclusively (never through a file or link planted there), mode
    // 0600 like the PDFs: a bundle holds decrypted evidence. Dropped on error, which removes it.
    let partial = partial_file(out)?;
    let file = partial
        .as_file()
        .try_clone()
        .map_err(|e| CoreError::io(&format!("Cannot write {}", out.display()), &e))?;
    write_items(vault, file, &items, watch)?;
    partial.persist_noclobber(out).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            CoreError::new(
                ErrorCode::AlreadyExists,
                format!("{} already exists.", out.display()),
            )
        } else {
            CoreError::io(&format!("Cannot write {}", out.display()), &e.error)
        }
    })?;
    Ok(manifest)
}

enum Content<'a> {
    Bytes(&'a [u8]),
    /// Streamed from the vault, checked against what the manifest says of it.
    Evidence(i64, &'a ManifestFile),
}

/// A new hidden file `.<name>.<random>.partial` beside `out`.
fn partial_file(out: &Path) -> Result<tempfile::NamedTempFile> {
    let name = out.file_name().ok_or_else(|| {
        CoreError::new(
            ErrorCode::Validation,
            format!("{} is not a file name.", out.display()),
        )
    })?;
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".partial")
        .tempfile_in(dir)
        .map_err(|e| CoreError::io(&format!("Cannot write {}", out.display()), &e))
}

fn cancelled() -> CoreError {
    CoreError::new(
        ErrorCode::Cancelled,
        "The bundle was cancelled; no file was written.",
    )
}

fn write_items(
    vault: &Vault,
    file: File,
    items: &[(&str, Content<'_>)],
    watch: Watch<'_>,
) -> Result<()> {
    let total_bytes = items
        .iter()
        .map(|(_, c)| match c {
            Content::Bytes(b) => b.len() as u64,
            Content::Evidence(_, f) => f.size,
        })
        .sum();
    let mut progress = BundleProgress {
        done_bytes: 0,
        total_bytes,
        files_done: 0,
        files_total: items.len(),
    };
    if !watch(progress) {
        return Err(cancelled());
    }
    let mut zip = ZipOut::new(file);
    for (path, content) in items {
        zip.start(path)?;
        let before = progress.done_bytes;
        let mut tick = |n: u64| {
            progress.done_bytes = before + n;
            watch(progress)
        };
        let mut out = HashingWriter::new(zip.writer(), &mut tick);
        let streamed = match content {
            Content::Bytes(bytes) => bytes
                .chunks(SLICE)
                .try_for_each(|slice| out.write_all(slice))
                .map_err(|e| CoreError::io("Cannot write the bundle", &e)),
            Content::Evidence(id, _) => {
                evidence::write_content(vault.reader(), *id, &mut out).map(|_| ())
            }
        };
        if out.cancelled() {
            return Err(cancelled());
        }
        streamed?;
        let (sha256, size) = out.finish();
        if let Content::Evidence(id, f) = content
            && (sha256 != f.sha256 || size != f.size)
        {
            return Err(CoreError::new(
                ErrorCode::Internal,
                format!(
                    "Evidence {id} ({}) in the vault no longer matches its SHA-256; run `isms check` on the vault.",
                    f.original_name.as_deref().unwrap_or(path)
                ),
            ));
        }
        progress.done_bytes = before + size;
        progress.files_done += 1;
        if !watch(progress) {
            return Err(cancelled());
        }
    }
    zip.finish()
}
