//! The packs: each turns the vault's records as of a day into a [`Pack`] (cover, sections,
//! blocks) for [`crate::pdf`] to lay out. One file per pack; this file names them and
//! dispatches. Packs only read (through `Vault::reader`), never write, and never look at a
//! clock: the evaluation date is passed in, so the same vault and day give the same pack.

mod audit;
mod awareness;
mod cap;
mod competence;
mod documentation;
mod files;
mod gaps;
mod monitoring;
mod operation;
mod records;
mod references;
mod registers;
mod risk;
mod roles;
mod soa;
mod stage1;
mod stage2;
mod statement;
mod tracker;
mod verdict;

use chrono::NaiveDate;
use isms_core::Vault;
use isms_core::readiness::Stage;

use crate::bundle::Plan;
use crate::error::{ExportError, ExportErrorKind, Result};
use crate::model::{Fact, Pack};
use records::Records;

pub use references::references;

/// Which pack to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PackKind {
    /// The Stage 1 evidence pack: documentation for the desktop review.
    Stage1,
    /// Everything in Stage 1 plus the ISMS in operation.
    Stage2,
    /// The Statement of Applicability alone.
    Soa,
    /// The corrective action plan for the certification body.
    Cap,
    /// The readiness gap report for a stage.
    Gaps,
}

impl PackKind {
    pub const ALL: [PackKind; 5] = [
        PackKind::Stage1,
        PackKind::Stage2,
        PackKind::Soa,
        PackKind::Cap,
        PackKind::Gaps,
    ];

    /// The pack's name on the command line and in file names.
    pub fn as_str(self) -> &'static str {
        match self {
            PackKind::Stage1 => "stage1",
            PackKind::Stage2 => "stage2",
            PackKind::Soa => "soa",
            PackKind::Cap => "cap",
            PackKind::Gaps => "gaps",
        }
    }

    /// "stage1", "stage2", "soa", "cap" or "gaps".
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name.trim())
    }
}

impl std::str::FromStr for PackKind {
    type Err = ExportError;

    fn from_str(name: &str) -> Result<Self> {
        Self::parse(name).ok_or_else(|| {
            ExportError::new(
                ExportErrorKind::BadRequest,
                format!("There is no pack named \u{201c}{name}\u{201d}: choose stage1, stage2, soa, cap or gaps."),
            )
        })
    }
}

/// Builds pack `kind` from `vault` as of `as_of`. `stage` matters to the gap report only (the
/// stage packs are their stage). The pack is the one [`bundled`] gives: its rows print the
/// paths its evidence has in its bundle and its cover the digest of that evidence.
pub fn build(vault: &Vault, kind: PackKind, stage: Stage, as_of: NaiveDate) -> Result<Pack> {
    Ok(bundled(vault, kind, stage, as_of)?.0)
}

/// Pack `kind` of `vault` as of `as_of` and the plan of its bundle, which agree: every file a
/// row of the pack names is in the plan at the path the row prints, and the pack carries the
/// plan's evidence digest (a cover fact, and `evidence_sha256` for the PDF's information). The
/// stage1, stage2 and cap packs are built twice ([`files`]): once to learn their records and
/// the files their rows rest on, then with the plan. The PDF of a `.pdf` export is the same as
/// the one in the bundle.
pub fn bundled(
    vault: &Vault,
    kind: PackKind,
    stage: Stage,
    as_of: NaiveDate,
) -> Result<(Pack, Plan)> {
    let content = |r: &Records| match kind {
        PackKind::Stage1 => stage1::pack(r),
        PackKind::Stage2 => stage2::pack(r),
        _ => cap::pack(r),
    };
    let (mut pack, plan) = match kind {
        PackKind::Soa | PackKind::Gaps => {
            let pack = match kind {
                PackKind::Soa => soa::build(vault, as_of)?,
                _ => gaps::build(vault, stage, as_of)?,
            };
            let view = isms_core::readiness::View::load(vault.reader(), as_of)?;
            let plan = Plan::new(&view, &references(&pack), &[]);
            (pack, plan)
        }
        PackKind::Stage1 | PackKind::Stage2 | PackKind::Cap => {
            let mut r = Records::load(vault, as_of)?;
            let first = content(&r);
            let plan = Plan::new(&r.facts, &references(&first), &r.files.claims());
            drop(first);
            r.files.place(plan.clone());
            (content(&r), plan)
        }
    };
    seal(&mut pack, &plan);
    Ok((pack, plan))
}

/// The evidence digest on the pack's cover and in its PDF.
fn seal(pack: &mut Pack, plan: &Plan) {
    let digest = plan.digest();
    let n = plan.files().len();
    let files = match n {
        0 => "No evidence file; SHA-256 of the empty evidence manifest".to_owned(),
        1 => "1 file; SHA-256 of the evidence manifest".to_owned(),
        n => format!("{n} files; SHA-256 of the evidence manifest"),
    };
    pack.cover.push(Fact::new(
        "Evidence in the bundle",
        format!("{files}:\n{digest}"),
    ));
    pack.evidence_sha256 = Some(digest);
}

/// The marking in every page's running header.
pub(crate) const CONFIDENTIALITY: &str = "Confidential";

/// The version line on every cover.
pub(crate) fn generated_by() -> String {
    format!("Generated by ISMS Desk {}", env!("CARGO_PKG_VERSION"))
}
