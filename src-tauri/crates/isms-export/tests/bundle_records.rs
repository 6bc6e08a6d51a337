//! Where the bundle of a real pack keeps a record's files, and which files it keeps: a
//! supplier's certificates and an incident's evidence go under the supplier and the incident
//! the Stage 2 pack shows, even when a control they are linked to comes first; in the SoA pack,
//! which shows no supplier, the certificates stay with their control. A pack as of an earlier
//! day bundles neither a file dated after it nor a file of a record that did not exist then.

use chrono::NaiveDate;
use isms_core::demo::{DemoPoint, DemoScale};
use isms_core::evidence::{self, NewEvidence};
use isms_core::readiness::Stage;
use isms_core::{Passphrase, Stamp, Vault};
use isms_export::bundle::{ManifestFile, Plan};
use isms_export::packs::{self, PackKind};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
}

fn demo(dir: &std::path::Path) -> Vault {
    isms_core::demo::create(
        &dir.join("northwind.isms"),
        Passphrase::new("correct horse battery staple".into()),
        DemoPoint::Stage2Ready,
        DemoScale::Small,
        today(),
    )
    .unwrap()
}

fn plan(vault: &Vault, kind: PackKind, on: NaiveDate) -> Plan {
    packs::bundled(vault, kind, Stage::Two, on).unwrap().1
}

fn find<'a>(plan: &'a Plan, name: &str) -> &'a ManifestFile {
    plan.files()
        .iter()
        .find(|f| f.original_name.as_deref() == Some(name))
        .unwrap_or_else(|| panic!("{name} in {:#?}", plan.files()))
}

#[test]
fn a_suppliers_certificates_and_an_incidents_files_go_in_their_folders() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo(dir.path());
    let stage2 = plan(&vault, PackKind::Stage2, today());
    let cert = find(
        &stage2,
        "Nimbus Cloud Services - ISO_IEC 27001:2022 certificate.txt",
    );
    assert_eq!(
        cert.path,
        "evidence/Nimbus Cloud Services/Nimbus Cloud Services - ISO_IEC 27001_2022 certificate.txt",
        "in the supplier's folder though the SoA's 5.19 comes first in the pack"
    );
    assert_eq!(cert.records, ["5.19", "Nimbus Cloud Services"]);
    assert_eq!(cert.record.as_deref(), Some("Nimbus Cloud Services"));
    let report = find(&stage2, "Nimbus incident report - region outage.txt");
    assert_eq!(
        report.path,
        "evidence/INC-003/Nimbus incident report - region outage.txt"
    );
    assert_eq!(
        find(&stage2, "Deletion confirmation from the recipient.txt").records,
        ["5.24", "INC-004"]
    );

    let soa = plan(&vault, PackKind::Soa, today());
    let certificates: Vec<&str> = soa
        .files()
        .iter()
        .filter(|f| f.records.iter().any(|r| r == "5.19"))
        .map(|f| f.path.as_str())
        .collect();
    assert!(
        certificates
            .contains(&"evidence/5.19/Nimbus Cloud Services - ISO_IEC 27001_2022 certificate.txt"),
        "{certificates:?}"
    );
    assert!(
        certificates.iter().all(|p| p.starts_with("evidence/5.19/")),
        "the SoA pack shows no supplier: every certificate stays with 5.19: {certificates:?}"
    );
}

#[test]
fn a_pack_of_an_earlier_day_bundles_only_what_existed_then() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = demo(dir.path());
    // Added today, about today, linked to a control every Stage 2 pack shows.
    let src = dir.path().join("late.txt");
    std::fs::write(&src, b"added after the earlier day").unwrap();
    let stamp = Stamp::new(today().and_hms_opt(10, 0, 0).unwrap().and_utc(), "test");
    let new = NewEvidence {
        effective_date: Some(today()),
        links: vec!["5.15".into()],
        ..Default::default()
    };
    evidence::add_file(&mut vault, stamp, &src, new).unwrap();

    let now = plan(&vault, PackKind::Stage2, today());
    let before = today() - chrono::Duration::days(30);
    let then = plan(&vault, PackKind::Stage2, before);
    assert!(
        now.files()
            .iter()
            .any(|f| f.original_name.as_deref() == Some("late.txt"))
    );
    assert!(
        !then
            .files()
            .iter()
            .any(|f| f.original_name.as_deref() == Some("late.txt")),
        "a file dated after the pack's day is not in its bundle"
    );
    // The demo's management review (MR-001) is held after `before`: its minutes are not in.
    assert!(
        now.files()
            .iter()
            .any(|f| f.path.starts_with("evidence/MR-001/"))
    );
    assert!(
        !then
            .files()
            .iter()
            .any(|f| f.records.iter().any(|r| r == "MR-001")),
        "a record that did not exist then brings no file"
    );
    for f in then.files() {
        assert!(
            f.effective_date.is_none_or(|d| d <= before),
            "{} is dated {:?}, after {before}",
            f.path,
            f.effective_date
        );
    }
    assert!(then.files().len() < now.files().len());
}
