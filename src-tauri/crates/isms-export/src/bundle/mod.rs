//! The ZIP bundle sent to the certification body: the pack's PDF and `index.html` at the root,
//! every evidence file supporting a record of the pack under `evidence/<record>/<file name>`,
//! and `manifest.json` and `manifest.csv` listing every other file with its SHA-256, size,
//! effective date and linked records, with the pack's title, organisation, as-of day and the
//! digest of its evidence ([`plan`] says which files go in and where; [`index`] makes the page).
//! The pack's cover and its PDF carry the same digest ([`seal`]), so the PDF names the very
//! files it was made with. An evidence file linked to several records of the pack is written
//! once and the manifest lists every link. The same vault, PDF and plan give a byte-identical
//! ZIP (fixed entry times, entries sorted by path, fixed compression per kind of file:
//! [`writer`]). Every entry name is safe to extract on any system ([`names`]). Evidence streams
//! from the vault's chunks through a hashing writer into the ZIP, so a bundle of any size needs
//! a few MiB of memory. [`verify`] checks a bundle against its manifest and its PDF. The PDF
//! itself is made elsewhere (`crate::export_pdf`); this module only packs it.

mod index;
mod manifest;
mod names;
mod plan;
mod seal;
mod verify;
mod writer;

use std::fs::File;
use std::io::Write;
use std::path::Path;

use isms_core::{CoreError, ErrorCode, Result, Vault, evidence};
use sha2::{Digest, Sha256};

pub use index::{escape as html_escape, href, render as index_html};
pub use manifest::{
    About, CSV_NAME, EVIDENCE_DIR, INDEX_NAME, JSON_NAME, Manifest, ManifestFile, evidence_digest,
};
pub use names::{MAX_PATH_BYTES, UniqueNames, safe_component};
pub use plan::{Claim, Plan};
pub use seal::{PDF_KEY, digests_in};
pub use verify::{Altered, VerifyReport, verify};
pub use writer::is_stored;

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

/// The pack as the bundle holds it: its PDF, the name it has in the bundle (made safe) and
/// what the manifest says of it.
#[derive(Debug, Clone, Copy)]
pub struct PackFile<'a> {
    pub name: &'a str,
    pub pdf: &'a [u8],
    pub about: &'a About,
}

fn plain_file(path: String, bytes: &[u8]) -> ManifestFile {
    ManifestFile {
        path,
        sha256: hex::encode(Sha256::digest(bytes)),
        size: bytes.len() as u64,
        effective_date: None,
        record: None,
        records: Vec::new(),
        versions: Vec::new(),
        evidence_id: None,
        original_name: None,
    }
}

/// The manifest and the index page of a bundle of `pack` and the evidence of `plan`.
fn manifest_and_index(pack: &PackFile<'_>, plan: &Plan) -> (Manifest, Vec<u8>) {
    let mut names = UniqueNames::default();
    for reserved in [JSON_NAME, CSV_NAME, INDEX_NAME, EVIDENCE_DIR] {
        names.reserve(reserved);
    }
    let pdf_path = names.claim("", pack.name);
    let mut files = vec![plain_file(pdf_path.clone(), pack.pdf)];
    files.extend(plan.files().iter().cloned());
    let without_index = Manifest::new(pack.about, pdf_path, plan.digest(), files);
    let index = index::render(&without_index);
    let mut files = without_index.files.clone();
    files.push(plain_file(INDEX_NAME.to_owned(), &index));
    let manifest = Manifest::new(
        pack.about,
        without_index.pack.clone(),
        without_index.evidence_sha256.clone(),
        files,
    );
    (manifest, index)
}

/// Writes the bundle of `pack` with the evidence of `plan` (made for the pack's records as of
/// its day: [`crate::packs::bundled`]) to `out`, and returns its manifest.
///
/// The PDF must carry `plan`'s evidence digest (else `Internal`: it was made with other
/// evidence). `out` must not exist (`AlreadyExists`); the ZIP is written beside it to a hidden
/// `.partial` file with a random name, created exclusively and readable by its owner only
/// (0600), and renamed into place when complete, never over a file, so an error or a cancel
/// (`Cancelled`, when `watch` returns false) leaves no file at `out` and removes the partial
/// one. Evidence whose content no longer matches its recorded SHA-256 stops the bundle
/// (`Internal`; `isms check` the vault).
pub fn write_bundle(
    vault: &Vault,
    pack: &PackFile<'_>,
    plan: &Plan,
    out: &Path,
    watch: Watch<'_>,
) -> Result<Manifest> {
    if out.exists() {
        return Err(CoreError::new(
            ErrorCode::AlreadyExists,
            format!("{} already exists.", out.display()),
        ));
    }
    let digest = plan.digest();
    if digests_in(pack.pdf) != [digest.as_str()] {
        return Err(CoreError::internal(
            "The pack's PDF was not made with the evidence of this bundle (its evidence digest differs).",
        ));
    }
    let (manifest, index) = manifest_and_index(pack, plan);
    let json = manifest.to_json()?;
    let csv = manifest.to_csv();

    // Everything in one sorted list: the manifests too sit in path order.
    let mut items: Vec<(&str, Content<'_>)> = plan
        .files()
        .iter()
        .filter_map(|f| {
            f.evidence_id
                .map(|id| (f.path.as_str(), Content::Evidence(id, f)))
        })
        .collect();
    items.push((manifest.pack.as_str(), Content::Bytes(pack.pdf)));
    items.push((INDEX_NAME, Content::Bytes(&index)));
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
