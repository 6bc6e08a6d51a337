//! `isms export`: one evidence pack of the vault, as of a day, written as a PDF, or for a
//! `.zip` out as the bundle of the PDF and the evidence of the pack's records with its
//! manifests. An existing file is never overwritten (`AlreadyExists`, exit 8), checked before
//! the vault is even opened; the PDF is written to a hidden temporary file beside the target
//! and moved into place only when complete, without replacing a file that appeared meanwhile
//! (the bundle does the same in `isms_export::bundle`), so a failure leaves no partial file.
//! Rendering and bundling are `isms_export`'s; this file only chooses, maps errors to the
//! CLI's codes and writes.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use isms_core::readiness::Stage;
use isms_core::{CoreError, ErrorCode, Result, Vault};
use isms_export::packs::PackKind;
use isms_export::{ExportError, ExportErrorKind};

/// What the user asked for, checked before the vault is opened.
#[derive(Debug)]
pub enum Target {
    Pdf,
    Zip,
}

/// The kind of file `out` names, refusing one that exists or is neither `.pdf` nor `.zip`.
pub fn target(out: &Path) -> Result<Target> {
    let ext = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let target = match ext.as_deref() {
        Some("pdf") => Target::Pdf,
        Some("zip") => Target::Zip,
        _ => {
            return Err(CoreError::new(
                ErrorCode::Validation,
                format!(
                    "{} must end in .pdf (the pack) or .zip (the pack with its evidence).",
                    out.display()
                ),
            ));
        }
    };
    if out.exists() {
        return Err(CoreError::new(
            ErrorCode::AlreadyExists,
            format!("{} already exists.", out.display()),
        ));
    }
    Ok(target)
}

/// The stage a pack is evaluated for: the stage packs are their own stage; the gap report's is
/// `--stage`, by default 1.
pub fn stage(pack: PackKind, asked: Option<u8>) -> Stage {
    match (pack, asked) {
        (PackKind::Stage1, _) => Stage::One,
        (PackKind::Stage2, _) => Stage::Two,
        (_, Some(n)) => Stage::from_number(n).unwrap_or(Stage::One),
        (_, None) => Stage::One,
    }
}

/// The export's error as the CLI's, so it exits with the documented code.
fn core(err: ExportError) -> CoreError {
    let code = match err.kind {
        ExportErrorKind::Core(code) => code,
        ExportErrorKind::BadRequest | ExportErrorKind::NotBuilt => ErrorCode::Validation,
        ExportErrorKind::Render => ErrorCode::Internal,
        ExportErrorKind::Io => ErrorCode::Io,
        ExportErrorKind::Cancelled => ErrorCode::Cancelled,
    };
    CoreError::new(code, err.message)
}

/// Renders the pack and writes it (or its bundle) to `out`; returns what to tell the user.
pub fn export(
    vault: &Vault,
    pack: PackKind,
    stage: Stage,
    as_of: NaiveDate,
    target: &Target,
    out: &Path,
) -> Result<String> {
    let built = isms_export::packs::build(vault, pack, stage, as_of).map_err(core)?;
    let pdf = isms_export::pdf::render(&built).map_err(core)?;
    match target {
        Target::Pdf => {
            write_new(out, &pdf)?;
            Ok(format!(
                "Wrote {} ({} bytes): {}, {}, as of {as_of}",
                out.display(),
                pdf.len(),
                built.title,
                built.company
            ))
        }
        Target::Zip => {
            let stem = out.file_stem().and_then(|s| s.to_str()).unwrap_or("pack");
            let records = isms_export::packs::references(&built);
            let manifest = isms_export::bundle::write_bundle(
                vault,
                &format!("{stem}.pdf"),
                &pdf,
                &records,
                out,
                &mut isms_export::bundle::unwatched,
            )?;
            Ok(format!(
                "Wrote {} ({} files with the manifests): {}, {}, as of {as_of}, and its evidence",
                out.display(),
                manifest.files.len() + 2,
                built.title,
                built.company
            ))
        }
    }
}

/// Writes `bytes` to `out` through a temporary file in the same folder, never replacing a file.
fn write_new(out: &Path, bytes: &[u8]) -> Result<()> {
    let cannot = |e: &std::io::Error| CoreError::io(&format!("Cannot write {}", out.display()), e);
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".isms-export-")
        .suffix(".partial")
        .tempfile_in(dir)
        .map_err(|e| cannot(&e))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| cannot(&e))?;
    tmp.persist_noclobber(out).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            CoreError::new(
                ErrorCode::AlreadyExists,
                format!("{} already exists.", out.display()),
            )
        } else {
            cannot(&e.error)
        }
    })?;
    Ok(())
}
