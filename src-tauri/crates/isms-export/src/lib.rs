//! Evidence packs: the vault rendered for the certification body. [`pdf`] is our small layout
//! layer and PDF writer (A4 pages, DejaVu fonts with system fonts for other scripts, wrapping,
//! tables with repeating headers, running header and "Page N of M" footer, cover, contents,
//! outline, vector graphics; laid out twice and written page by page); [`packs`] builds each
//! pack (stage1, stage2, soa, cap, gaps) from the vault's records as of a day; [`bundle`]
//! writes the ZIP of a pack's PDF and its evidence files with a manifest, and verifies one.
//! Everything is deterministic: the same vault and day give the same bytes. No Tauri here; the
//! shell and the CLI call in.

pub mod bundle;
mod error;
pub mod file;
pub mod model;
pub mod packs;
pub mod pdf;

pub use error::{ExportError, ExportErrorKind, Result};

use chrono::NaiveDate;
use isms_core::Vault;
use isms_core::readiness::Stage;

/// Pack `kind` of `vault` as of `as_of`, as PDF bytes; `stage` chooses the gap report's stage.
/// The same vault and day give the same bytes.
pub fn export_pdf(
    vault: &Vault,
    kind: packs::PackKind,
    stage: Stage,
    as_of: NaiveDate,
) -> Result<Vec<u8>> {
    let pack = packs::build(vault, kind, stage, as_of)?;
    pdf::render(&pack)
}
