//! The readiness gap report of the demo company.

use isms_core::demo::DemoPoint;
use isms_core::readiness::Stage;
use isms_export::export_pdf;
use isms_export::packs::PackKind;

use crate::common::*;

#[test]
fn renders() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(&dir, DemoPoint::Stage1Gaps);
    let bytes = export_pdf(&vault, PackKind::Gaps, Stage::One, today()).unwrap();
    let path = write(dir.path(), "gaps.pdf", &bytes);
    assert_qpdf_check(&path);
}
