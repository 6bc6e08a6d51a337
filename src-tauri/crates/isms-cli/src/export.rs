//! `isms export`: one evidence pack of the vault, as of a day, written as a PDF or, for a
//! `.zip` out, as the bundle of the PDF and the evidence of the pack's records with its
//! manifests (`isms_export::file` does the writing, never replacing a file and leaving no
//! partial one). This file only checks the destination before the vault is opened and says
//! what was written.

use std::path::Path;

use chrono::NaiveDate;
use isms_core::readiness::Stage;
use isms_core::{Result, Vault};
use isms_export::file::{self, Format};
use isms_export::packs::PackKind;

pub use isms_export::file::stage_for as stage;

/// Refuses an existing destination or one that is neither `.pdf` nor `.zip`, before opening.
pub fn target(out: &Path) -> Result<Format> {
    file::format_of(out)
}

/// Renders the pack and writes it (or its bundle) to `out`; returns what to tell the user.
pub fn export(
    vault: &Vault,
    pack: PackKind,
    stage: Stage,
    as_of: NaiveDate,
    out: &Path,
) -> Result<String> {
    let done = file::export_to(vault, pack, stage, as_of, out, &mut |_, _, _| true)?;
    Ok(match done.format {
        Format::Pdf => format!(
            "Wrote {} ({} bytes): {}, {}, as of {as_of}",
            out.display(),
            done.bytes,
            done.title,
            done.company
        ),
        Format::Zip => format!(
            "Wrote {} ({} files with the manifests): {}, {}, as of {as_of}, and its evidence",
            out.display(),
            done.files,
            done.title,
            done.company
        ),
    })
}
