//! Evidence traceability, read back from the PDFs as an auditor reads them: in the Stage 1,
//! Stage 2 and CAP bundles of the demo company at `stage1-ready`, `operating` and
//! `stage2-ready`, every path the PDF prints is an entry of its ZIP, and each kind of row that
//! rests on a file (a document version, competence evidence, a done treatment action, an audit
//! report, a review's minutes, a tracker item, a supplier's certificate, an incident's file, a
//! training completion, an acknowledgement, an open nonconformity of the CAP) prints its file's
//! path and the first 12 hex digits of its SHA-256; the cover shows the bundle's evidence
//! digest.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use isms_core::demo::DemoPoint;
use isms_core::readiness::Stage;
use isms_export::bundle::{Manifest, ManifestFile};
use isms_export::file;
use isms_export::packs::PackKind;

use crate::common::*;

/// A kind of row that rests on a file: the packs and points that show one, and how to know
/// its file in the manifest.
struct RowKind {
    what: &'static str,
    packs: &'static [PackKind],
    points: &'static [DemoPoint],
    file: fn(&ManifestFile) -> bool,
}

const STAGES: &[PackKind] = &[PackKind::Stage1, PackKind::Stage2];
const STAGE2: &[PackKind] = &[PackKind::Stage2];
const ALL: &[DemoPoint] = &[
    DemoPoint::Stage1Ready,
    DemoPoint::Operating,
    DemoPoint::Stage2Ready,
];
const RUNNING: &[DemoPoint] = &[DemoPoint::Operating, DemoPoint::Stage2Ready];

fn named(f: &ManifestFile, pred: impl Fn(&str) -> bool) -> bool {
    f.original_name.as_deref().is_some_and(pred)
}

const KINDS: &[RowKind] = &[
    RowKind {
        what: "a document version",
        packs: STAGES,
        points: ALL,
        file: |f| named(f, |n| n == "POL-01 Information security policy v1.0.md"),
    },
    RowKind {
        what: "competence evidence",
        packs: STAGES,
        points: ALL,
        file: |f| {
            named(f, |n| {
                n.starts_with("Lead auditor certificate ") && n.ends_with(".txt")
            })
        },
    },
    RowKind {
        what: "a done treatment action",
        packs: STAGES,
        points: RUNNING,
        file: |f| f.path.starts_with("evidence/R-") && named(f, |n| n.contains(" done - ")),
    },
    RowKind {
        what: "an internal audit's report",
        packs: STAGE2,
        points: RUNNING,
        file: |f| named(f, |n| n == "IA-001 internal audit report.md"),
    },
    RowKind {
        what: "a management review's minutes",
        packs: STAGE2,
        points: &[DemoPoint::Stage2Ready],
        file: |f| named(f, |n| n == "MR-001 management review minutes.md"),
    },
    RowKind {
        what: "a tracker item",
        packs: STAGE2,
        points: RUNNING,
        file: |f| named(f, |n| n.ends_with(" closure evidence.txt")),
    },
    RowKind {
        what: "a supplier's certificate",
        packs: STAGE2,
        points: RUNNING,
        file: |f| f.record.as_deref() == Some("Nimbus Cloud Services"),
    },
    RowKind {
        what: "an incident's file",
        packs: STAGE2,
        points: RUNNING,
        file: |f| f.record.as_deref() == Some("INC-003"),
    },
    RowKind {
        what: "a training completion",
        packs: STAGE2,
        points: RUNNING,
        file: |f| named(f, |n| n.starts_with("Awareness certificate ")),
    },
    RowKind {
        what: "an acknowledgement",
        packs: STAGE2,
        points: RUNNING,
        file: |f| named(f, |n| n == "POL-01 1.0 acknowledgements (form export).csv"),
    },
    RowKind {
        what: "an open nonconformity",
        packs: &[PackKind::Cap],
        points: &[DemoPoint::Operating],
        file: |f| named(f, |n| n.ends_with(" correction evidence.txt")),
    },
];

/// The PDF's text in content order (`pdftotext -raw`), so a cell's lines follow each other,
/// with all whitespace taken out: a path wrapped over lines reads as one.
fn text_of(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-raw", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is installed by make deps");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect()
}

fn squeezed(s: &str) -> String {
    s.split_whitespace().collect()
}

/// Every path the text prints: from "evidence/" up to the "SHA-256" that follows it.
fn printed_paths(text: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("evidence/") {
        let from = &rest[start..];
        let end = from.find("SHA-256").unwrap_or_else(|| {
            panic!(
                "a path without its SHA-256: {}",
                &from[..80.min(from.len())]
            )
        });
        paths.push(from[..end].to_owned());
        rest = &from[end..];
    }
    paths
}

/// The bundle of `kind` as of the demo's day: its manifest and its PDF's text.
fn bundle_of(
    dir: &Path,
    vault: &isms_core::Vault,
    kind: PackKind,
    point: DemoPoint,
) -> (Manifest, String) {
    let name = format!("{}-{}", kind.as_str(), point.as_str());
    let out = dir.join(format!("{name}.zip"));
    file::export_to(vault, kind, Stage::Two, today(), &out, &mut |_, _, _| true).unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut json = Vec::new();
    zip.by_name("manifest.json")
        .unwrap()
        .read_to_end(&mut json)
        .unwrap();
    let manifest = Manifest::from_json(&json).unwrap();
    let mut pdf = Vec::new();
    zip.by_name(&manifest.pack)
        .unwrap()
        .read_to_end(&mut pdf)
        .unwrap();
    let path = write(dir, &format!("{name}.pdf"), &pdf);
    (manifest, text_of(&path))
}

#[test]
fn every_row_that_rests_on_a_file_names_it_and_the_zip_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    for &point in ALL {
        let vault = demo_vault(&dir, point);
        for kind in [PackKind::Stage1, PackKind::Stage2, PackKind::Cap] {
            let (manifest, text) = bundle_of(dir.path(), &vault, kind, point);
            let at = format!("{} at {}", kind.as_str(), point.as_str());
            let in_zip: Vec<String> = manifest.evidence().map(|f| squeezed(&f.path)).collect();
            assert!(
                text.contains(&format!("manifest:{}", manifest.evidence_sha256)),
                "{at}: the cover shows the evidence digest of the bundle"
            );
            let printed = printed_paths(&text);
            for path in &printed {
                assert!(
                    in_zip.contains(path),
                    "{at}: {path} is printed but not in the ZIP"
                );
            }
            for row in KINDS
                .iter()
                .filter(|k| k.packs.contains(&kind) && k.points.contains(&point))
            {
                let file = manifest
                    .evidence()
                    .find(|f| (row.file)(f))
                    .unwrap_or_else(|| panic!("{at}: the bundle holds {}'s file", row.what));
                let shown = format!("{}SHA-256{}", squeezed(&file.path), &file.sha256[..12]);
                assert!(
                    text.contains(&shown),
                    "{at}: {} names {} and its SHA-256",
                    row.what,
                    file.path
                );
            }
            if kind != PackKind::Cap || point == DemoPoint::Operating {
                assert!(!printed.is_empty(), "{at}: rows name their files");
            }
        }
    }
}
