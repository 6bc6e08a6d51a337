//! What a certification body's auditor asks of the packs, read back from the PDF text (poppler)
//! of the demo company at its points: the Stage 1 pack's tracker and audit programme, the
//! tracker's dated progress, excluded controls as not applicable, one story of the SoA's
//! versions, risks' last assessment, documents' reviews, and the CAP's finding numbers and
//! sign-off.

use isms_core::demo::DemoPoint;
use isms_core::soa;
use isms_core::tracker::{self, ItemSource};
use isms_export::packs::PackKind;

use super::content::*;
use crate::common::*;

/// The PDF's text with its layout kept (`pdftotext -layout`): a table row reads as one line.
fn layout(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext reads {}", path.display());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_stage1_pack_holds_what_is_set_up_before_stage1() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Stage1Ready);
    let (_, all) = rendered(dir.path(), &v, PackKind::Stage1);
    for words in [
        "Internal audit programme",
        "ISMS tracker",
        "Nonconformity register",
        "Review of documents (7.5.3)",
        "Residual risk, as planned",
        "Assessed",
        "Not applicable",
    ] {
        assert!(all.contains(words), "the Stage 1 pack shows {words}");
    }
    // The method says what each level means, its number printed once.
    let method = isms_core::risks::get_method(v.reader()).unwrap().unwrap();
    for (label, meaning) in method
        .likelihood_labels
        .iter()
        .zip(&method.likelihood_definitions)
        .chain(method.impact_labels.iter().zip(&method.impact_definitions))
    {
        assert!(
            all.contains(&format!("{label} {meaning}")),
            "{label}: {meaning}"
        );
    }
    assert!(
        !all.contains("1 1 Rare"),
        "a level's number is printed once"
    );
    for a in isms_core::audits::list(v.reader()).unwrap() {
        assert!(
            all.contains(&a.reference),
            "audit {} is in the programme",
            a.reference
        );
    }
}

#[test]
fn the_stage2_tracker_shows_each_findings_dated_progress_and_closure() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Stage2Ready);
    let (_, all) = rendered(dir.path(), &v, PackKind::Stage2);
    let text = layout(&dir.path().join("stage2.pdf"));
    let items = tracker::list(v.reader()).unwrap();
    let noted: Vec<_> = items
        .iter()
        .filter(|i| i.kind.is_nc() && !i.notes.is_empty())
        .collect();
    assert!(!noted.is_empty(), "the demo's NCs have progress notes");
    for i in noted {
        for n in i.notes.iter().filter(|n| n.noted_on <= today()) {
            assert!(
                text.lines().any(|l| l.contains(&i.reference)
                    && l.contains(&n.noted_on.to_string())
                    && l.contains(n.note.split(';').next().unwrap())),
                "progress of {} on {} is printed",
                i.reference,
                n.noted_on
            );
        }
        if let Some(closed) = i.closed_on {
            assert!(
                text.contains(&closed.to_string()),
                "{} closure date",
                i.reference
            );
        }
    }
    // The certification body's own finding numbers follow its findings into the packs.
    let cb = items
        .iter()
        .find(|i| i.source == ItemSource::Stage1Audit && !i.finding_number.is_empty())
        .expect("a Stage 1 finding with the body's number");
    assert!(
        all.contains(&format!("finding {}", cb.finding_number)),
        "{}",
        cb.finding_number
    );
}

#[test]
fn the_register_and_the_soa_tell_one_story_of_its_versions() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Stage2Ready);
    let latest = soa::versions(v.reader()).unwrap().pop().unwrap();
    let doc = isms_core::documents::list(v.reader())
        .unwrap()
        .into_iter()
        .find(soa::is_soa_document)
        .expect("the register holds the SoA");
    let (pack, _) = rendered(dir.path(), &v, PackKind::Stage2);
    let text = layout(&dir.path().join("stage2.pdf"));
    // The register's SoA row: the SoA's version, day and approver, as the cover says.
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with(&doc.reference))
        .unwrap_or_else(|| panic!("the register's {} row", doc.reference));
    assert!(row.contains(&latest.approved_on.to_string()), "{row}");
    assert!(row.contains(&format!(" {} ", latest.number)), "{row}");
    let cover = cover(&pack, "Statement of Applicability");
    assert!(
        cover.starts_with(&format!("Version {}, approved on", latest.number)),
        "{cover}"
    );
    // The file of the version in force: the SoA's version points to the SoA section.
    assert!(
        text.contains(&format!(
            "SoA version {}: the Statement of Applicability",
            latest.number
        )) || crate::common::flat(&text).contains(&format!(
            "SoA version {}: the Statement of Applicability",
            latest.number
        )),
        "the version-files table names the SoA version"
    );
    // The mandatory documented information names the same version.
    assert!(
        text.contains(&format!("{} v{}", doc.reference, latest.number)),
        "6.1.3 d) names {} v{}",
        doc.reference,
        latest.number
    );
}

#[test]
fn the_cap_names_the_bodys_findings_and_ends_with_a_sign_off() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Operating);
    let (pack, text) = rendered(dir.path(), &v, PackKind::Cap);
    assert_eq!(titles(&pack).last(), Some(&"Sign-off"));
    let all = text;
    for words in [
        "Prepared by",
        "Approved by (top management)",
        "Signature",
        "(ISMS owner)",
    ] {
        assert!(all.contains(words), "{words}");
    }
}

/// A body that certifies with zero findings only sees the nonconformities closed since its
/// audit, each with its closure, effectiveness review and evidence; another body does not.
#[test]
fn a_zero_findings_body_sees_the_ncs_closed_since_its_audit() {
    use isms_core::organisation::{self, FindingPolicy};
    use isms_core::tracker::ItemStatus;
    let dir = tempfile::tempdir().unwrap();
    let mut v = demo_vault(&dir, DemoPoint::Stage2Ready);
    let title = "Nonconformities closed since the audit";
    assert!(
        !titles(&build(&v, PackKind::Cap)).contains(&title),
        "not for a no-major-NC body"
    );

    let mut org = organisation::get(v.reader()).unwrap();
    let audit = org.stage1_date.expect("the company had its Stage 1 audit");
    org.finding_policy = FindingPolicy::ZeroFindings;
    let at = chrono::DateTime::parse_from_rfc3339("2026-06-15T09:00:00Z")
        .unwrap()
        .to_utc();
    organisation::update(&mut v, isms_core::Stamp::new(at, "test"), org).unwrap();
    let closed: Vec<_> = tracker::list(v.reader())
        .unwrap()
        .into_iter()
        .filter(|i| {
            i.kind.is_nc()
                && i.status == ItemStatus::Closed
                && i.closed_on.is_some_and(|c| c >= audit && c <= today())
        })
        .collect();
    assert!(!closed.is_empty(), "the company closed NCs since Stage 1");
    let (pack, all) = rendered(dir.path(), &v, PackKind::Cap);
    assert!(titles(&pack).contains(&title));
    for i in &closed {
        assert!(
            all.contains(&format!("{} ", i.reference)),
            "{} is listed",
            i.reference
        );
        assert!(
            all.contains(&i.closed_on.unwrap().to_string()),
            "{} closure date",
            i.reference
        );
    }
}
