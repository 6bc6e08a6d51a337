//! The Statement of Applicability pack of the demo company: a valid PDF with every section,
//! all 93 controls with their titles, totals on the cover equal to the rows, the owners' names
//! intact however they are spelt, the outline, page numbers, an appendix for a long
//! justification, and the same bytes every time.

use std::path::PathBuf;

use chrono::{TimeZone, Utc};
use isms_core::demo::DemoPoint;
use isms_core::readiness::Stage;
use isms_core::{Stamp, Vault, people, reference, soa};
use isms_export::export_pdf;
use isms_export::packs::PackKind;

use crate::common::*;

fn stamp() -> Stamp {
    Stamp::new(Utc.with_ymd_and_hms(2026, 6, 15, 9, 0, 0).unwrap(), "test")
}

/// The demo company with two SoA owners renamed (Łukasz Wąs, Søren Ødegård) and control 5.1
/// given a justification far longer than its column shows, approved as a new version.
fn prepared(dir: &tempfile::TempDir) -> (Vault, String) {
    let mut vault = demo_vault(dir, DemoPoint::Operating);
    let entries = soa::list(vault.reader()).unwrap();
    let mut owners: Vec<i64> = entries.iter().filter_map(|e| e.owner_id).collect();
    owners.sort_unstable();
    owners.dedup();
    assert!(owners.len() >= 2, "the demo SoA has several owners");
    for (id, name) in owners.iter().zip(["Łukasz Wąs", "Søren Ødegård"]) {
        let mut p = people::get(vault.reader(), *id).unwrap();
        p.name = name.to_owned();
        people::update(&mut vault, stamp(), p).unwrap();
    }
    let long = format!(
        "{} The end of the justification is here: ZEBRA-CROSSING-42.",
        "Applies because customer contracts require a written policy set, reviewed each year. "
            .repeat(8)
    );
    let mut e = soa::get(vault.reader(), "5.1").unwrap();
    e.justification = long.clone();
    soa::update(&mut vault, stamp(), e).unwrap();
    soa::approve(
        &mut vault,
        stamp(),
        owners[0],
        today(),
        "With the long justification",
    )
    .unwrap();
    (vault, long)
}

fn export(dir: &tempfile::TempDir, vault: &Vault, name: &str) -> PathBuf {
    let bytes = export_pdf(vault, PackKind::Soa, Stage::One, today()).unwrap();
    write(dir.path(), name, &bytes)
}

#[test]
fn the_soa_pack_holds_every_control_and_the_totals_on_its_cover() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, long) = prepared(&dir);
    let path = export(&dir, &vault, "soa.pdf");
    assert_qpdf_check(&path);
    assert_no_active_content(&path);
    assert_page_numbers(&path);
    assert_contents_match(&path);

    let text = pdftotext(&path, None);
    let all = flat(&text);
    for title in [
        "Statement of Applicability",
        "Northwind Analytics Ltd",
        "Contents",
        "Summary",
        "Organizational controls",
        "People controls",
        "Physical controls",
        "Technological controls",
        "Appendix: full texts",
    ] {
        assert!(all.contains(title), "the text lacks {title}");
    }
    for control in reference::controls() {
        assert!(
            text.lines().any(|l| l.trim() == control.id),
            "control {} is missing",
            control.id
        );
        assert!(all.contains(&control.title), "{} is missing", control.title);
    }
    for name in ["Łukasz Wąs", "Søren Ødegård"] {
        assert!(all.contains(name), "{name} is printed intact");
    }

    // The cover's totals are those of the rows printed (the approved version's).
    let version = soa::versions(vault.reader()).unwrap().pop().unwrap();
    let totals = soa::totals(&version.entries);
    let cover = flat(&pdftotext(&path, Some(1)));
    assert!(cover.contains(&format!(
        "Version {}, approved on 15 June 2026",
        version.number
    )));
    for (label, n) in [
        ("Annex A controls", totals.controls),
        ("Applicable", totals.applicable),
        ("Excluded", totals.excluded),
        ("Implemented", totals.implemented),
        ("In progress", totals.in_progress),
        ("Not started", totals.not_started),
    ] {
        assert!(
            cover.contains(&format!("{label} {n}")),
            "cover: {label} {n} in {cover}"
        );
    }
    assert_eq!(totals.controls, 93, "93 controls");
    let yes = text.lines().filter(|l| l.trim() == "Yes").count() as u32;
    assert_eq!(
        yes, totals.applicable,
        "one \u{201c}Yes\u{201d} per applicable row"
    );

    // The long justification shows its start in the table and whole in the appendix.
    assert!(all.contains("(full text: A.1)"));
    assert!(all.contains("A.1 5.1 Policies for information security \u{b7} Justification"));
    assert!(
        all.contains(&flat(&long)),
        "the appendix holds the whole justification"
    );
}

#[test]
fn the_soa_outline_has_an_entry_per_section() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = prepared(&dir);
    let path = export(&dir, &vault, "soa.pdf");
    let titles: Vec<String> = outline(&path)
        .into_iter()
        .filter(|(depth, _)| *depth == 0)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        titles,
        [
            "Contents",
            "1 Summary",
            "2 Organizational controls",
            "3 People controls",
            "4 Physical controls",
            "5 Technological controls",
            "Appendix: full texts"
        ]
    );
}

#[test]
fn two_soa_exports_are_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let (vault, _) = prepared(&dir);
    let a = export_pdf(&vault, PackKind::Soa, Stage::One, today()).unwrap();
    let b = export_pdf(&vault, PackKind::Soa, Stage::One, today()).unwrap();
    assert!(a == b, "the same vault and day give the same bytes");
}
