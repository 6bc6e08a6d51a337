//! Writing a pack to a file, as the CLI and the desktop do: a `.pdf` holds the pack, a `.zip`
//! the bundle of the pack and its evidence. An existing file is never replaced
//! (`AlreadyExists`, checked first); the PDF goes to a hidden temporary file beside the target
//! and is moved into place only when complete (the bundle does the same), so an error or a
//! cancel leaves no partial file. The caller watches the phases and may cancel between them
//! and, while bundling, at every MiB. The steps are also public ([`build`], [`render`],
//! [`write`]) so a caller that locks the vault holds the lock only while records are read.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use isms_core::readiness::Stage;
use isms_core::{CoreError, ErrorCode, Result, Vault};

use crate::packs::{self, PackKind};
use crate::{ExportError, ExportErrorKind, bundle, pdf};

/// What the file at the destination will hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The pack's PDF.
    Pdf,
    /// The bundle: the PDF, the evidence of the pack's records and the manifests.
    Zip,
}

/// The format `out` names by its extension, refusing one that exists or is neither.
pub fn format_of(out: &Path) -> Result<Format> {
    let ext = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let format = match ext.as_deref() {
        Some("pdf") => Format::Pdf,
        Some("zip") => Format::Zip,
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
    Ok(format)
}

/// The stage a pack is evaluated for: the stage packs are their own; the others' is `asked`,
/// by default 1.
pub fn stage_for(pack: PackKind, asked: Option<u8>) -> Stage {
    match (pack, asked) {
        (PackKind::Stage1, _) => Stage::One,
        (PackKind::Stage2, _) => Stage::Two,
        (_, Some(n)) => Stage::from_number(n).unwrap_or(Stage::One),
        (_, None) => Stage::One,
    }
}

/// The step an export is at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Reading the vault and building the pack's content.
    Building,
    /// Laying out the pages.
    Rendering,
    /// Writing the file; for a bundle, `done` of `total` bytes.
    Writing,
}

/// Told of each phase (and of bytes while writing a bundle); returns `false` to cancel.
pub type Watch<'a> = &'a mut dyn FnMut(Phase, u64, u64) -> bool;

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub path: PathBuf,
    pub format: Format,
    /// The size of the file written.
    pub bytes: u64,
    /// Files in the bundle, manifests included; 1 for a PDF.
    pub files: usize,
    /// The pack's title and the company, for telling the user.
    pub title: String,
    pub company: String,
}

fn cancelled() -> CoreError {
    CoreError::new(
        ErrorCode::Cancelled,
        "The export was cancelled; no file was written.",
    )
}

/// The export's error as the core's, so every surface maps it by code; its cause goes along.
pub fn core_error(err: ExportError) -> CoreError {
    let code = match err.kind {
        ExportErrorKind::Core(code) => code,
        ExportErrorKind::BadRequest | ExportErrorKind::NotBuilt => ErrorCode::Validation,
        ExportErrorKind::Render => ErrorCode::Internal,
        ExportErrorKind::Io => ErrorCode::Io,
        ExportErrorKind::Cancelled => ErrorCode::Cancelled,
    };
    CoreError::new(code, err.message).with_cause(err.cause)
}

/// Renders pack `kind` as of `as_of` and writes it (or, for a `.zip`, its bundle) to `out`:
/// [`build`], [`render`] and [`write`] in turn, holding `vault` throughout.
pub fn export_to(
    vault: &Vault,
    kind: PackKind,
    stage: Stage,
    as_of: NaiveDate,
    out: &Path,
    watch: Watch<'_>,
) -> Result<Exported> {
    let built = build(vault, kind, stage, as_of, out, watch)?;
    let rendered = render(built, watch)?;
    write(rendered, out, Some(vault), watch)
}

/// The pack's content as read from the vault, and the plan of its bundle: all that rendering
/// and writing need besides the evidence's contents.
pub struct Built {
    format: Format,
    pack: crate::model::Pack,
    plan: bundle::Plan,
}

/// The first step, the only one that reads records: checks `out` (the format its extension
/// names, not an existing file) and builds pack `kind` from `vault`. A caller that guards the
/// vault with a lock holds it for this step only.
pub fn build(
    vault: &Vault,
    kind: PackKind,
    stage: Stage,
    as_of: NaiveDate,
    out: &Path,
    watch: Watch<'_>,
) -> Result<Built> {
    let format = format_of(out)?;
    step(watch, Phase::Building)?;
    let (pack, plan) = packs::bundled(vault, kind, stage, as_of).map_err(core_error)?;
    Ok(Built { format, pack, plan })
}

/// The pack laid out as a PDF, ready to write.
pub struct Rendered {
    format: Format,
    pdf: Vec<u8>,
    plan: bundle::Plan,
    about: bundle::About,
}

impl Rendered {
    /// Whether [`write`] needs the vault: a bundle streams its evidence from it; a PDF does not.
    pub fn needs_vault(&self) -> bool {
        self.format == Format::Zip
    }
}

/// The second step, without the vault: lays out the pages.
pub fn render(built: Built, watch: Watch<'_>) -> Result<Rendered> {
    step(watch, Phase::Rendering)?;
    let pdf = pdf::render(&built.pack).map_err(core_error)?;
    Ok(Rendered {
        format: built.format,
        pdf,
        plan: built.plan,
        about: bundle::About {
            title: built.pack.title,
            organisation: built.pack.company,
            as_of: built.pack.as_of,
        },
    })
}

/// The last step: writes the PDF, or the bundle of it and its records' evidence, to `out`.
/// `vault` is needed for a bundle only ([`Rendered::needs_vault`]); `Internal` without it.
pub fn write(
    rendered: Rendered,
    out: &Path,
    vault: Option<&Vault>,
    watch: Watch<'_>,
) -> Result<Exported> {
    step(watch, Phase::Writing)?;
    let files = match rendered.format {
        Format::Pdf => {
            write_new(out, &rendered.pdf)?;
            1
        }
        Format::Zip => {
            let vault = vault.ok_or_else(|| {
                CoreError::internal("A bundle streams its evidence from the vault; none was given.")
            })?;
            let stem = out.file_stem().and_then(|s| s.to_str()).unwrap_or("pack");
            let name = format!("{stem}.pdf");
            let pack = bundle::PackFile {
                name: &name,
                pdf: &rendered.pdf,
                about: &rendered.about,
            };
            let manifest = bundle::write_bundle(
                vault,
                &pack,
                &rendered.plan,
                out,
                &mut |p: bundle::BundleProgress| watch(Phase::Writing, p.done_bytes, p.total_bytes),
            )?;
            manifest.files.len() + 2
        }
    };
    let bytes = std::fs::metadata(out).map(|m| m.len()).unwrap_or_default();
    Ok(Exported {
        path: out.to_path_buf(),
        format: rendered.format,
        bytes,
        files,
        title: rendered.about.title,
        company: rendered.about.organisation,
    })
}

/// Tells `watch` that `phase` begins; `Cancelled` if it says stop.
fn step(watch: Watch<'_>, phase: Phase) -> Result<()> {
    if watch(phase, 0, 0) {
        Ok(())
    } else {
        Err(cancelled())
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
