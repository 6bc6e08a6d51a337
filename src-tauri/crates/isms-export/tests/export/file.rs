//! Writing a pack to a file (`isms_export::file`), as the CLI and the desktop do: the phases
//! are reported in order, a cancel at any phase leaves no file and no partial file, and an
//! existing file or an unknown extension is refused before anything is built.

use isms_core::ErrorCode;
use isms_core::demo::DemoPoint;
use isms_core::readiness::Stage;
use isms_export::file::{self, Format, Phase};
use isms_export::packs::PackKind;

use crate::common::{demo_vault, today};

fn leftovers(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial") || n.ends_with(".pdf") || n.ends_with(".zip"))
        .collect()
}

#[test]
fn phases_come_in_order_and_a_cancel_at_any_of_them_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(&dir, DemoPoint::Operating);
    let out_dir = tempfile::tempdir().unwrap();
    for (name, stop) in [
        ("a.pdf", Phase::Building),
        ("b.pdf", Phase::Rendering),
        ("c.pdf", Phase::Writing),
        ("d.zip", Phase::Writing),
    ] {
        let out = out_dir.path().join(name);
        let err = file::export_to(
            &vault,
            PackKind::Cap,
            Stage::Two,
            today(),
            &out,
            &mut |p, _, _| p != stop,
        )
        .unwrap_err();
        assert_eq!(err.code, ErrorCode::Cancelled, "{name}");
        assert!(
            leftovers(out_dir.path()).is_empty(),
            "{name}: {:?}",
            leftovers(out_dir.path())
        );
    }
    // A zip cancelled while writing its bytes leaves nothing either.
    let out = out_dir.path().join("e.zip");
    let err = file::export_to(
        &vault,
        PackKind::Soa,
        Stage::One,
        today(),
        &out,
        &mut |p, done, _| !(p == Phase::Writing && done > 0),
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::Cancelled);
    assert!(leftovers(out_dir.path()).is_empty());

    let mut seen = Vec::new();
    let out = out_dir.path().join("cap.pdf");
    let done = file::export_to(
        &vault,
        PackKind::Cap,
        Stage::Two,
        today(),
        &out,
        &mut |p, _, _| {
            if seen.last() != Some(&p) {
                seen.push(p);
            }
            true
        },
    )
    .unwrap();
    assert_eq!(seen, [Phase::Building, Phase::Rendering, Phase::Writing]);
    assert_eq!((done.format, done.files), (Format::Pdf, 1));
    assert_eq!(done.bytes, std::fs::metadata(&out).unwrap().len());
}

#[test]
fn an_existing_file_or_an_unknown_extension_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(&dir, DemoPoint::Empty);
    let existing = dir.path().join("there.pdf");
    std::fs::write(&existing, b"mine").unwrap();
    let err = file::export_to(
        &vault,
        PackKind::Soa,
        Stage::One,
        today(),
        &existing,
        &mut |_, _, _| true,
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::AlreadyExists);
    assert_eq!(std::fs::read(&existing).unwrap(), b"mine");
    let err = file::export_to(
        &vault,
        PackKind::Soa,
        Stage::One,
        today(),
        &dir.path().join("pack.docx"),
        &mut |_, _, _| true,
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(file::stage_for(PackKind::Stage2, Some(1)), Stage::Two);
    assert_eq!(file::stage_for(PackKind::Gaps, Some(2)), Stage::Two);
    assert_eq!(file::stage_for(PackKind::Gaps, None), Stage::One);
}
