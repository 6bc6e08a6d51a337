//! The Stage 2 evidence pack of the demo company: the Stage 1 pack plus the ISMS in operation,
//! the audit reports' independence statements agreeing with the records, and the PDF.

use isms_core::demo::DemoPoint;
use isms_core::reference;
use isms_export::packs::PackKind;

use super::content::*;
use crate::common::*;

#[test]
fn is_stage1_plus_the_isms_in_operation() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Stage2Ready);
    let pack = build(&v, PackKind::Stage2);
    let mut expected = vec!["Stage 2 readiness"];
    expected.extend(STAGE1_SECTIONS);
    expected.extend(STAGE2_OPERATION);
    assert_eq!(titles(&pack), expected);
    assert!(cover(&pack, "Stage 2 readiness").starts_with("Ready for Stage 2"));
    assert!(cover(&pack, "Stage 1 readiness").starts_with("Ready for Stage 1"));
}

#[test]
fn follows_the_records() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Stage2Ready);
    let pack = build(&v, PackKind::Stage2);
    let programme = rows(section(&pack, "Internal audit programme"), "Month");
    let refs: Vec<&str> = programme.iter().map(|r| r[1].text.as_str()).collect();
    assert_eq!(refs, ["IA-001", "IA-002", "IA-003", "IA-004"], "by month");
    let ncs: Vec<&str> = rows(section(&pack, "ISMS tracker"), "Ref")
        .iter()
        .map(|r| r[0].text.as_str())
        .collect();
    assert_eq!(
        ncs,
        ["T-003", "T-006", "T-009"],
        "the demo's three NCs (the last raised by an incident), all closed"
    );
    let training = rows(section(&pack, "Training and awareness"), "Person");
    assert_eq!(
        training.len(),
        12,
        "the 12 active staff; the leaver is left out"
    );
    assert!(
        training.iter().all(|r| r.last().unwrap().text == "Current"),
        "everyone's awareness training is current at stage2-ready"
    );
    // Files are named by their path in the bundle and the start of their SHA-256.
    let evidence = isms_core::evidence::list(v.reader()).unwrap();
    let named = |name: &str, path: &str| {
        let e = evidence.iter().find(|e| e.file_name == name).unwrap();
        format!("{path}\nSHA-256 {}", &e.sha256[..12])
    };
    let incidents = section(&pack, "Information security incidents");
    let files: Vec<(&str, &str)> = tables(incidents)
        .find(|t| t.columns[1].title == "Evidence file")
        .expect("the incidents' evidence table")
        .rows
        .iter()
        .map(|r| (r[0].text.as_str(), r[1].text.as_str()))
        .collect();
    assert_eq!(
        files,
        [
            (
                "INC-003",
                named(
                    "Nimbus incident report - region outage.txt",
                    "evidence/INC-003/Nimbus incident report - region outage.txt"
                )
                .as_str()
            ),
            (
                "INC-004",
                named(
                    "Deletion confirmation from the recipient.txt",
                    "evidence/INC-004/Deletion confirmation from the recipient.txt"
                )
                .as_str()
            )
        ]
    );
    let certificates = &tables(section(&pack, "Suppliers"))
        .find(|t| t.columns[1].title == "Certificate or report")
        .expect("the certificates table")
        .rows;
    let nimbus = named(
        "Nimbus Cloud Services - ISO_IEC 27001:2022 certificate.txt",
        "evidence/Nimbus Cloud Services/Nimbus Cloud Services - ISO_IEC 27001_2022 certificate.txt",
    );
    assert!(
        certificates.iter().any(|r| r[0].text == "Nimbus Cloud Services"
            && r[3].text
                == format!(
                    "{nimbus}\nuploaded as \u{201c}Nimbus Cloud Services - ISO_IEC 27001:2022 certificate.txt\u{201d}"
                )),
        "the name made safe for the bundle, and the name it was uploaded under: {certificates:?}"
    );
    let review = section(&pack, "Management reviews");
    assert_eq!(
        rows(review, "Input").len(),
        reference::review_inputs().len(),
        "one row per 9.3.2 input"
    );
}

#[test]
fn audit_reports_state_independence_as_the_records_show_it() {
    let dir = tempfile::tempdir().unwrap();
    let operating = demo_vault(&dir, DemoPoint::Operating);
    let pack = build(&operating, PackKind::Stage2);
    let statements = paragraphs(section(&pack, "Internal audit reports"), "Independence");
    assert!(
        statements
            .iter()
            .any(|p| p.contains("conflict") && !p.contains("no conflict")),
        "IA-001 was audited by the ISMS owner: {statements:?}"
    );
    let ready = demo_vault(&dir, DemoPoint::Stage2Ready);
    let pack = build(&ready, PackKind::Stage2);
    let statements = paragraphs(section(&pack, "Internal audit reports"), "Independence");
    assert_eq!(statements.len(), 3, "one per audit held");
    assert!(
        statements
            .iter()
            .all(|p| p.starts_with("Independence: no conflict")),
        "{statements:?}"
    );
}

#[test]
fn the_same_vault_and_day_give_the_same_pack() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Operating);
    assert_eq!(build(&v, PackKind::Stage2), build(&v, PackKind::Stage2));
}

#[test]
fn renders_every_section_control_and_name() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Stage2Ready);
    let (_, text) = rendered(dir.path(), &v, PackKind::Stage2);
    for control in reference::controls() {
        assert!(text.contains(&format!("{} ", control.id)), "{}", control.id);
        assert!(
            text.contains(&control.title),
            "{} {}",
            control.id,
            control.title
        );
    }
    for name in NON_ASCII_NAMES {
        assert!(text.contains(name), "{name} printed intact");
    }
    for audit in ["IA-001", "IA-002", "IA-003", "IA-004", "MR-001", "CH-001"] {
        assert!(text.contains(audit), "{audit} printed");
    }
}

#[test]
fn names_its_records_for_the_bundle() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Stage2Ready);
    let refs = isms_export::packs::references(&build(&v, PackKind::Stage2));
    for record in [
        "R-001", "R-013", "POL-01", "SCO-01", "5.1", "8.34", "IA-001", "T-003", "CH-001",
    ] {
        assert!(refs.iter().any(|r| r == record), "{record} in {refs:?}");
    }
    let mut unique = refs.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), refs.len(), "each once");
}

#[test]
fn the_clause_checklist_points_only_to_sections_with_records() {
    let dir = tempfile::tempdir().unwrap();
    let clause = |pack: &isms_export::model::Pack, id: &str| {
        rows(section(pack, "Clause checklist"), "Clause")
            .iter()
            .find(|r| r[0].text == id)
            .map(|r| (r[2].text.clone(), r[5].text.clone()))
            .unwrap()
    };
    let operating = demo_vault(&dir, DemoPoint::Operating);
    let pack = build(&operating, PackKind::Stage2);
    assert_eq!(
        clause(&pack, "9.3.1"),
        ("Planned".to_owned(), "—".to_owned()),
        "the manual plans the review, but none is held yet: no section to point to"
    );
    let ready = demo_vault(&dir, DemoPoint::Stage2Ready);
    let pack = build(&ready, PackKind::Stage2);
    assert_eq!(
        clause(&pack, "9.3.1"),
        ("Addressed".to_owned(), "Management reviews".to_owned())
    );
    let stage1 = build(&ready, PackKind::Stage1);
    assert_eq!(
        clause(&stage1, "9.3.1").1,
        "—",
        "the stage1 pack has no section on reviews"
    );
}
