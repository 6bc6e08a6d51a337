//! The readiness gap report of the demo company: the verdict, every failing and warning rule
//! with its finding, records at fault and fix, the passing rules, all readable in the PDF.

use isms_core::demo::DemoPoint;
use isms_core::readiness::{self, RuleStatus, Stage};
use isms_export::export_pdf;
use isms_export::packs::PackKind;

use crate::common::*;

#[test]
fn the_gap_report_says_every_rule_and_what_to_fix() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(&dir, DemoPoint::Stage1Gaps);
    let bytes = export_pdf(&vault, PackKind::Gaps, Stage::One, today()).unwrap();
    let path = write(dir.path(), "gaps.pdf", &bytes);
    assert_qpdf_check(&path);
    assert_no_active_content(&path);
    assert_page_numbers(&path);
    assert_contents_match(&path);

    let report = readiness::evaluate_vault(vault.reader(), Stage::One, today()).unwrap();
    assert!(!report.ready, "the demo at stage1-gaps is not ready");
    let text = flat(&pdftotext(&path, None));
    for title in [
        "Stage 1 readiness gap report",
        "Verdict",
        "Failing rules",
        "Warnings",
        "Passing rules",
    ] {
        assert!(text.contains(title), "the text lacks {title}");
    }
    let cover = flat(&pdftotext(&path, Some(1)));
    let fail = report.count(RuleStatus::Fail);
    assert!(
        cover.contains(&format!("Not ready for Stage 1: {fail} rules fail")),
        "{cover}"
    );
    for rule in &report.rules {
        assert!(text.contains(&rule.id), "{} is missing", rule.id);
        assert!(
            text.contains(&flat(&rule.finding)),
            "{}'s finding is missing",
            rule.id
        );
        if matches!(rule.status, RuleStatus::Fail | RuleStatus::Warning) {
            assert!(
                text.contains(&flat(&rule.fix)),
                "{}'s fix is missing",
                rule.id
            );
            for record in &rule.records {
                assert!(
                    text.contains(&flat(&record.reference)),
                    "{}: {}",
                    rule.id,
                    record.reference
                );
                assert!(
                    text.contains(&flat(&record.title)),
                    "{}: {}",
                    rule.id,
                    record.title
                );
            }
        }
    }
    let sections: Vec<String> = outline(&path)
        .into_iter()
        .filter(|(d, _)| *d == 0)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        sections,
        [
            "Contents",
            "1 Verdict",
            "2 Failing rules",
            "3 Warnings",
            "4 Passing rules"
        ]
    );
    let headings: Vec<String> = outline(&path)
        .into_iter()
        .filter(|(d, _)| *d == 1)
        .map(|(_, t)| t)
        .collect();
    for rule in report.rules.iter().filter(|r| r.status == RuleStatus::Fail) {
        assert!(
            headings.iter().any(|h| h.starts_with(&rule.id)),
            "{} has its outline entry",
            rule.id
        );
    }
}

#[test]
fn two_gap_reports_are_byte_identical_and_stage2_renders() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(&dir, DemoPoint::Stage2Ready);
    let a = export_pdf(&vault, PackKind::Gaps, Stage::Two, today()).unwrap();
    let b = export_pdf(&vault, PackKind::Gaps, Stage::Two, today()).unwrap();
    assert!(a == b, "the same vault and day give the same bytes");
    let path = write(dir.path(), "gaps-stage2.pdf", &a);
    assert_qpdf_check(&path);
    let text = flat(&pdftotext(&path, None));
    assert!(text.contains("Stage 2 readiness gap report"));
    assert!(
        text.contains("Ready for Stage 2"),
        "the demo at stage2-ready is ready"
    );
}
