//! Checking a bundle against its manifest, as the certification body (or anyone) can: every
//! file `manifest.json` lists must be in the ZIP with that size and SHA-256; any other entry
//! but the two manifests (and folders, which hold nothing) is extra; `manifest.csv` must say
//! what the JSON says. A ZIP that could show one reader something else than another is not a
//! bundle: two entries under one name, a local header that differs from the directory,
//! overlapping entries; nor is a manifest that names no pack or lists a file twice. Entries are
//! read as streams, each once, never more than the manifest's size plus one byte, so a forged
//! entry cannot make the check read without end. Nothing is ever extracted to disk.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::Read;
use std::path::Path;

use isms_core::{CoreError, ErrorCode, Result};
use sha2::{Digest, Sha256};
use zip::ZipArchive;

use super::manifest::{CSV_NAME, JSON_NAME, Manifest};

/// The most `manifest.json` may hold (a bundle of a large vault lists a few MiB).
const MAX_MANIFEST_BYTES: u64 = 256 * 1024 * 1024;

/// What a check of a bundle found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VerifyReport {
    /// Files the manifest lists.
    pub listed: usize,
    /// Of those, the ones found intact.
    pub verified: usize,
    /// Listed, but not in the ZIP.
    pub missing: Vec<String>,
    /// In the ZIP, but not listed (other than the manifests).
    pub extra: Vec<String>,
    /// Present, but not as listed.
    pub altered: Vec<Altered>,
}

/// A file whose content differs from what the manifest says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Altered {
    pub path: String,
    /// In plain words: the size or the hash that differs, or why it cannot be read.
    pub reason: String,
}

impl VerifyReport {
    /// Whether the bundle is exactly what its manifest says.
    pub fn ok(&self) -> bool {
        self.missing.is_empty() && self.extra.is_empty() && self.altered.is_empty()
    }
}

fn not_a_bundle(path: &Path, why: impl std::fmt::Display) -> CoreError {
    CoreError::new(
        ErrorCode::Validation,
        format!("{} is not an ISMS Desk bundle: {why}", path.display()),
    )
}

/// Checks the bundle at `bundle` against its `manifest.json`. A file that cannot be opened is
/// `NotFound` or `Io`; a file that is not a ZIP, or has no readable manifest, is `Validation`.
pub fn verify(bundle: &Path) -> Result<VerifyReport> {
    let file = File::open(bundle).map_err(|e| {
        let code = if e.kind() == std::io::ErrorKind::NotFound {
            ErrorCode::NotFound
        } else {
            ErrorCode::Io
        };
        CoreError::new(code, format!("Cannot read {}: {e}", bundle.display()))
    })?;
    let mut zip = ZipArchive::new(file).map_err(|e| not_a_bundle(bundle, e))?;
    if zip.has_duplicate_names() {
        return Err(not_a_bundle(bundle, "it holds two entries under one name"));
    }
    // Each entry's local header must say what the directory says (name, sizes, CRC), no two
    // entries may overlap and no entry may hide outside the directory.
    zip.validate_header_consistency().map_err(|e| {
        not_a_bundle(
            bundle,
            format!("its entries are not what its directory says ({e})"),
        )
    })?;

    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for i in 0..zip.len() {
        let name = zip
            .name_for_index(i)
            .and_then(|n| n.ok())
            .ok_or_else(|| not_a_bundle(bundle, "its directory is damaged"))?;
        // Folders hold nothing: `zip -r` of an extracted bundle adds one per folder.
        if name.ends_with('/') {
            continue;
        }
        index.insert(name.into_owned(), i);
    }

    let manifest = {
        let i = *index
            .get(JSON_NAME)
            .ok_or_else(|| not_a_bundle(bundle, format!("it holds no {JSON_NAME}")))?;
        let mut entry = zip.by_index(i).map_err(|e| not_a_bundle(bundle, e))?;
        let mut bytes = Vec::new();
        (&mut entry)
            .take(MAX_MANIFEST_BYTES)
            .read_to_end(&mut bytes)
            .map_err(|e| not_a_bundle(bundle, format!("{JSON_NAME} cannot be read: {e}")))?;
        Manifest::from_json(&bytes)?
    };
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for f in &manifest.files {
        // Each entry is read once: a manifest listing one twice could make the check read a
        // large entry again and again.
        if !seen.insert(&f.path) || f.path == JSON_NAME || f.path == CSV_NAME {
            return Err(not_a_bundle(
                bundle,
                format!("its manifest lists {} twice", f.path),
            ));
        }
    }
    if manifest.pack.is_empty() || !seen.contains(manifest.pack.as_str()) {
        return Err(not_a_bundle(bundle, "its manifest lists no pack"));
    }

    let mut report = VerifyReport {
        listed: manifest.files.len(),
        ..VerifyReport::default()
    };
    let mut listed: BTreeSet<&str> = BTreeSet::new();
    for f in &manifest.files {
        listed.insert(&f.path);
        let Some(&i) = index.get(&f.path) else {
            report.missing.push(f.path.clone());
            continue;
        };
        match hash_entry(&mut zip, i, f.size) {
            Ok((_, size)) if size != f.size => report.altered.push(Altered {
                path: f.path.clone(),
                reason: if size > f.size {
                    format!("larger than the {} bytes the manifest lists", f.size)
                } else {
                    format!("{size} bytes where the manifest lists {}", f.size)
                },
            }),
            Ok((sha256, _)) if sha256 != f.sha256 => report.altered.push(Altered {
                path: f.path.clone(),
                reason: "its SHA-256 differs from the manifest's".to_owned(),
            }),
            Ok(_) => report.verified += 1,
            Err(why) => report.altered.push(Altered {
                path: f.path.clone(),
                reason: format!("it cannot be read ({why})"),
            }),
        }
    }

    match index.get(CSV_NAME) {
        None => report.missing.push(CSV_NAME.to_owned()),
        Some(&i) => {
            let expected = manifest.to_csv();
            let same = matches!(hash_entry(&mut zip, i, expected.len() as u64),
                Ok((sha256, size)) if size == expected.len() as u64
                    && sha256 == hex::encode(Sha256::digest(&expected)));
            if !same {
                report.altered.push(Altered {
                    path: CSV_NAME.to_owned(),
                    reason: format!("it does not say what {JSON_NAME} says"),
                });
            }
        }
    }

    report.extra = index
        .keys()
        .filter(|name| !listed.contains(name.as_str()) && *name != JSON_NAME && *name != CSV_NAME)
        .cloned()
        .collect();
    report.extra.sort();
    report.missing.sort();
    report.altered.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(report)
}

/// SHA-256 and size of entry `i`, reading at most `limit + 1` bytes.
fn hash_entry(
    zip: &mut ZipArchive<File>,
    i: usize,
    limit: u64,
) -> std::result::Result<(String, u64), String> {
    let entry = zip.by_index(i).map_err(|e| e.to_string())?;
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut buf = vec![0u8; 64 * 1024];
    let mut reader = entry.take(limit.saturating_add(1));
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.to_string()),
        };
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok((hex::encode(hasher.finalize()), size))
}
