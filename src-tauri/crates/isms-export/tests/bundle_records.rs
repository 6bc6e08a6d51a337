//! The ZIP bundle keeps a record's own files in that record's folder: a supplier's certificates
//! and an incident's evidence files go under the supplier and the incident even when a control
//! they are linked to comes first in the pack.

use chrono::NaiveDate;
use isms_core::Passphrase;
use isms_core::demo::{DemoPoint, DemoScale};
use isms_export::bundle;

const PDF: &[u8] = b"%PDF-1.7\n% a stand-in for the pack\n%%EOF\n";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
}

#[test]
fn a_suppliers_certificates_and_an_incidents_files_go_in_their_folders() {
    let dir = tempfile::tempdir().unwrap();
    let vault = isms_core::demo::create(
        &dir.path().join("northwind.isms"),
        Passphrase::new("correct horse battery staple".into()),
        DemoPoint::Stage2Ready,
        DemoScale::Small,
        today(),
    )
    .unwrap();
    // The controls they are linked to come first, as the SoA comes first in a Stage 2 pack.
    let records = [
        "5.19",
        "5.24",
        "Nimbus Cloud Services",
        "INC-003",
        "INC-004",
    ]
    .map(String::from);
    let out = dir.path().join("pack.zip");
    let manifest =
        bundle::write_bundle(&vault, "p.pdf", PDF, &records, &out, &mut bundle::unwatched).unwrap();
    assert!(bundle::verify(&out).unwrap().ok());
    let find = |name: &str| {
        manifest
            .files
            .iter()
            .find(|f| f.original_name.as_deref() == Some(name))
            .unwrap_or_else(|| panic!("{name} in {:#?}", manifest.files))
    };
    let cert = find("Nimbus Cloud Services - ISO/IEC 27001:2022 certificate.txt");
    assert!(
        cert.path.starts_with("evidence/Nimbus Cloud Services/"),
        "{}",
        cert.path
    );
    assert_eq!(cert.records, ["5.19", "Nimbus Cloud Services"]);
    let report = find("Nimbus incident report - region outage.txt");
    assert_eq!(
        report.path,
        "evidence/INC-003/Nimbus incident report - region outage.txt"
    );
    assert_eq!(
        find("Deletion confirmation from the recipient.txt").records,
        ["5.24", "INC-004"]
    );
    let in_control_folders: Vec<&str> = manifest
        .files
        .iter()
        .filter(|f| f.path.starts_with("evidence/5."))
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(
        in_control_folders,
        [
            "evidence/5.19/Codehaven - SOC 2 Type II report.txt",
            "evidence/5.19/Ledgerline Payroll Bureau - Cyber Essentials Plus certificate.txt",
            "evidence/5.19/Microsoft 365 - ISO_IEC 27001 certificate and SOC 2 Type II report.txt",
        ],
        "the certificates of suppliers outside the pack stay with their control"
    );
}
