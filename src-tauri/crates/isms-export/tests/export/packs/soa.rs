//! The Statement of Applicability pack of the demo company.

use isms_core::demo::DemoPoint;
use isms_core::readiness::Stage;
use isms_export::export_pdf;
use isms_export::packs::PackKind;

use crate::common::*;

#[test]
fn renders() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(&dir, DemoPoint::Operating);
    let bytes = export_pdf(&vault, PackKind::Soa, Stage::One, today()).unwrap();
    let path = write(dir.path(), "soa.pdf", &bytes);
    assert_qpdf_check(&path);
}
