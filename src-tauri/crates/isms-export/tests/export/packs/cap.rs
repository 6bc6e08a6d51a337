//! The corrective action plan of the demo company: exactly the NCs open on the day, each with
//! its corrective action row and its detail, and the PDF.

use isms_core::demo::DemoPoint;
use isms_export::model::Block;
use isms_export::packs::PackKind;

use super::content::*;
use crate::common::*;

#[test]
fn lists_exactly_the_open_ncs() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Operating);
    let expected = open_ncs(&v);
    assert!(!expected.is_empty(), "the operating company has open NCs");
    let pack = build(&v, PackKind::Cap);
    assert_eq!(
        titles(&pack),
        [
            "Open nonconformities",
            "Each nonconformity in detail",
            "Sign-off"
        ]
    );
    let plan = section(&pack, "Open nonconformities");
    let listed: Vec<&str> = rows(plan, "Ref")
        .iter()
        .map(|r| r[0].text.as_str())
        .collect();
    assert_eq!(listed, expected);
    let actions: Vec<&str> = tables(plan)
        .nth(1)
        .expect("the root causes and actions")
        .rows
        .iter()
        .map(|r| r[0].text.as_str())
        .collect();
    assert_eq!(actions, expected, "a corrective action row per open NC");
    let details = section(&pack, "Each nonconformity in detail")
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading(_)))
        .count();
    assert_eq!(details, expected.len());
    let count = cover(&pack, "Nonconformities");
    assert!(
        count.starts_with(&format!("{} open", expected.len())),
        "{count}"
    );
}

#[test]
fn is_empty_when_no_nc_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Stage2Ready);
    assert!(open_ncs(&v).is_empty());
    let pack = build(&v, PackKind::Cap);
    assert!(cover(&pack, "Nonconformities").starts_with("0 open"));
    assert_eq!(
        titles(&pack),
        ["Open nonconformities", "Sign-off"],
        "nothing to detail"
    );
    assert!(
        tables(section(&pack, "Open nonconformities"))
            .next()
            .is_none()
    );
}

#[test]
fn renders_every_open_nc() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Operating);
    let (_, text) = rendered(dir.path(), &v, PackKind::Cap);
    for nc in open_ncs(&v) {
        assert!(text.contains(&nc), "the CAP lists {nc}");
    }
}
