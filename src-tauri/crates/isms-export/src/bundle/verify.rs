//! Checking a bundle against its manifest and its pack, as the certification body (or anyone)
//! can: every file `manifest.json` lists must be in the ZIP with that size and SHA-256; any
//! other entry but the two manifests (and folders, which hold nothing) is extra;
//! `manifest.csv` and `index.html` must say what the JSON says. The evidence digest is
//! computed again from the evidence files (as listed, each checked against its file) and must
//! equal both the manifest's and the one inside the pack's PDF ([`super::seal`]): evidence
//! changed together with its manifest is still caught, unless the PDF is changed too. Nothing here is signed: whoever rebuilds the
//! PDF, the manifest and the files together makes a bundle that verifies. A ZIP that could show one reader something else than another is not a
//! bundle: two entries under one name, a local header that differs from the directory,
//! overlapping entries; nor is a manifest that names no pack or lists a file twice. Entries are
//! read as streams, each once, never more than the manifest's size plus one byte, so a forged
//! entry cannot make the check read without end. Nothing is ever extracted to disk.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;
use isms_core::{CoreError, ErrorCode, Result};
use sha2::{Digest, Sha256};
use zip::ZipArchive;

use super::manifest::{CSV_NAME, EVIDENCE_DIR, INDEX_NAME, JSON_NAME, Manifest, evidence_digest};
use super::seal::Scanner;

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
    /// Present, but not as listed; the manifest, the pack or the index when the evidence
    /// digest or the index does not agree.
    pub altered: Vec<Altered>,
    /// What the manifest says of the pack: its title, organisation, as-of day and path.
    pub title: String,
    pub organisation: String,
    pub as_of: Option<NaiveDate>,
    pub pack: String,
    /// The evidence digest computed from the evidence files the manifest lists (each checked
    /// against its file).
    pub evidence_sha256: String,
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

    for f in &manifest.files {
        if f.path != manifest.pack && f.path != INDEX_NAME && !f.path.starts_with(EVIDENCE_DIR) {
            return Err(not_a_bundle(
                bundle,
                format!(
                    "its manifest lists {}, which is neither the pack, {INDEX_NAME} nor evidence",
                    f.path
                ),
            ));
        }
    }

    let mut report = VerifyReport {
        listed: manifest.files.len(),
        title: manifest.title.clone(),
        organisation: manifest.organisation.clone(),
        as_of: Some(manifest.as_of),
        pack: manifest.pack.clone(),
        ..VerifyReport::default()
    };
    let mut listed: BTreeSet<&str> = BTreeSet::new();
    let mut in_pdf: Option<Vec<String>> = None;
    for f in &manifest.files {
        listed.insert(&f.path);
        let Some(&i) = index.get(&f.path) else {
            report.missing.push(f.path.clone());
            continue;
        };
        let mut scanner = (f.path == manifest.pack).then(Scanner::default);
        let hashed = hash_entry(&mut zip, i, f.size, scanner.as_mut());
        if hashed.is_ok() {
            in_pdf = in_pdf.or(scanner.map(Scanner::finish));
        }
        match hashed {
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
    if !listed.contains(INDEX_NAME) {
        report.missing.push(INDEX_NAME.to_owned());
    }

    // The evidence digest of the evidence files as listed: each listed file was checked
    // against its file above, so this is the digest of the files whenever those checks pass,
    // and a file changed alone is named alone.
    let digest = evidence_digest(
        manifest
            .evidence()
            .map(|f| (f.path.as_str(), f.sha256.as_str(), f.size)),
    );
    if digest != manifest.evidence_sha256 {
        report.altered.push(Altered {
            path: JSON_NAME.to_owned(),
            reason: format!(
                "its evidence digest is not that of the evidence files it lists ({digest})"
            ),
        });
    }
    if let Some(in_pdf) = in_pdf {
        let mut distinct = in_pdf.clone();
        distinct.sort();
        distinct.dedup();
        let reason = match distinct.as_slice() {
            [] => Some(
                "it carries no evidence digest, so it cannot vouch for the evidence".to_owned(),
            ),
            [one] if *one == digest => None,
            [one] => Some(format!(
                "it was made with other evidence files: its evidence digest is {one}, the bundle's evidence gives {digest}"
            )),
            _ => Some(format!(
                "it carries {} different evidence digests",
                distinct.len()
            )),
        };
        if let Some(reason) = reason {
            report.altered.push(Altered {
                path: manifest.pack.clone(),
                reason,
            });
        }
    }
    report.evidence_sha256 = digest;

    let mut without_index = manifest.clone();
    without_index.files.retain(|f| f.path != INDEX_NAME);
    for (name, expected) in [
        (CSV_NAME, manifest.to_csv()),
        (INDEX_NAME, super::index::render(&without_index)),
    ] {
        // A missing index is reported above; a missing CSV here.
        let Some(&i) = index.get(name) else {
            if name == CSV_NAME {
                report.missing.push(CSV_NAME.to_owned());
            }
            continue;
        };
        let same = matches!(hash_entry(&mut zip, i, expected.len() as u64, None),
            Ok((sha256, size)) if size == expected.len() as u64
                && sha256 == hex::encode(Sha256::digest(&expected)));
        if !same {
            report.altered.push(Altered {
                path: name.to_owned(),
                reason: format!("it does not say what {JSON_NAME} says"),
            });
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

/// SHA-256 and size of entry `i`, reading at most `limit + 1` bytes; `scanner` sees them too.
fn hash_entry(
    zip: &mut ZipArchive<File>,
    i: usize,
    limit: u64,
    mut scanner: Option<&mut Scanner>,
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
        if let Some(s) = scanner.as_mut() {
            s.feed(&buf[..n]);
        }
        size += n as u64;
    }
    Ok((hex::encode(hasher.finalize()), size))
}
