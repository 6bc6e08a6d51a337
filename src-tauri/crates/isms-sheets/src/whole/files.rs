//! Evidence files beside the whole-vault workbook: one file per content in a folder, named by
//! its SHA-256 (64 hex characters, so no name a record holds ever reaches the file system).
//! Writing never replaces a file that holds other bytes; reading refuses a name that is not a
//! hash and a file whose bytes do not hash to its name.

use std::io::{Read, Write};
use std::path::Path;

use isms_core::evidence::Evidence;
use isms_core::snapshot::EvidenceFile;
use isms_core::{CoreError, ErrorCode, FieldError, Result, Vault};
use sha2::{Digest, Sha256};

/// The largest evidence file read back (the vault's own limit is checked again on import).
const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

fn is_hash(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn hash_of(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Writes each distinct content of `records` into `dir` (made if missing); returns how many
/// files were written (a file already there with the right bytes is kept).
pub(crate) fn write(vault: &Vault, records: &[Evidence], dir: &Path) -> Result<usize> {
    let cannot =
        |e: &std::io::Error| CoreError::io(&format!("Cannot write into {}", dir.display()), e);
    std::fs::create_dir_all(dir).map_err(|e| cannot(&e))?;
    let mut written = 0;
    let mut done: Vec<&str> = Vec::new();
    for record in records {
        if done.contains(&record.sha256.as_str()) {
            continue;
        }
        done.push(&record.sha256);
        if !is_hash(&record.sha256) {
            return Err(CoreError::new(
                ErrorCode::Internal,
                format!("Evidence {} has no valid SHA-256.", record.id),
            ));
        }
        let mut bytes = Vec::new();
        isms_core::evidence::write_content(vault.reader(), record.id, &mut bytes)?;
        let path = dir.join(&record.sha256);
        if let Ok(old) = std::fs::read(&path) {
            if hash_of(&old) == record.sha256 {
                continue;
            }
            return Err(CoreError::new(
                ErrorCode::AlreadyExists,
                format!("{} already exists and holds other bytes.", path.display()),
            ));
        }
        let mut tmp = tempfile::Builder::new()
            .prefix(".isms-evidence-")
            .tempfile_in(dir)
            .map_err(|e| cannot(&e))?;
        tmp.write_all(&bytes)
            .and_then(|()| tmp.as_file().sync_all())
            .map_err(|e| cannot(&e))?;
        tmp.persist_noclobber(&path).map_err(|e| cannot(&e.error))?;
        written += 1;
    }
    Ok(written)
}

/// The files of `records` read from `dir`, each checked against its hash; every problem is
/// pushed to `errors` (named `Evidence!<sha256>`).
pub(crate) fn read(
    records: &[Evidence],
    dir: Option<&Path>,
    errors: &mut Vec<FieldError>,
) -> Vec<EvidenceFile> {
    use base64::Engine as _;
    let mut files: Vec<EvidenceFile> = Vec::new();
    for record in records {
        if files.iter().any(|f| f.sha256 == record.sha256) {
            continue;
        }
        let at = format!("Evidence!{}", record.id);
        let Some(dir) = dir else {
            errors.push(FieldError::new(
                &at,
                format!(
                    "The file of evidence “{}” is needed: give the folder the export wrote with --evidence-dir.",
                    record.file_name
                ),
            ));
            continue;
        };
        if !is_hash(&record.sha256) {
            errors.push(FieldError::new(
                &at,
                format!(
                    "“{}” is not a SHA-256 (64 lowercase hex characters).",
                    record.sha256
                ),
            ));
            continue;
        }
        let path = dir.join(&record.sha256);
        let bytes = std::fs::File::open(&path).and_then(|f| {
            let mut bytes = Vec::new();
            f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
            Ok(bytes)
        });
        match bytes {
            Err(e) => errors.push(FieldError::new(
                &at,
                format!(
                    "Cannot read the file of “{}” ({}): {e}.",
                    record.file_name,
                    path.display()
                ),
            )),
            Ok(bytes) if bytes.len() as u64 > MAX_FILE_BYTES => errors.push(FieldError::new(
                &at,
                format!("{} is larger than the vault takes.", path.display()),
            )),
            Ok(bytes) if hash_of(&bytes) != record.sha256 => errors.push(FieldError::new(
                &at,
                format!(
                    "{} does not hash to its name: it is not the file of “{}”; refused.",
                    path.display(),
                    record.file_name
                ),
            )),
            Ok(bytes) => files.push(EvidenceFile {
                sha256: record.sha256.clone(),
                base64: base64::engine::general_purpose::STANDARD.encode(bytes),
            }),
        }
    }
    // As the snapshot orders them.
    files.sort_by(|a, b| a.sha256.cmp(&b.sha256));
    files
}
