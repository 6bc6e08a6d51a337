//! The Stage 1 evidence pack of the demo company: every section in order, the SoA's 93 rows
//! equal to the cover's totals, heat maps that count the register, and the PDF with every
//! control and every name intact.

use std::collections::BTreeSet;

use isms_core::demo::DemoPoint;
use isms_core::reference;
use isms_export::model::Cell;
use isms_export::packs::PackKind;

use super::content::*;
use crate::common::*;

#[test]
fn has_every_section_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Stage1Ready);
    let pack = build(&v, PackKind::Stage1);
    // The documentation, then what is set up before Stage 1: the audit programme and the tracker.
    let mut expected = STAGE1_SECTIONS.to_vec();
    expected.extend(["Internal audit programme", "ISMS tracker"]);
    assert_eq!(titles(&pack), expected);
    assert_eq!(pack.company, "Northwind Analytics Ltd");
    assert_eq!(pack.as_of, today());
    let verdict = cover(&pack, "Stage 1 readiness");
    assert!(
        verdict.starts_with("Ready for Stage 1"),
        "the stage1-ready company is ready: {verdict}"
    );
    assert!(cover(&pack, "Scope").contains("Northwind client analytics platform"));
}

#[test]
fn the_soa_has_93_rows_equal_to_the_cover_totals() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Stage2Ready);
    for kind in [PackKind::Stage1, PackKind::Stage2] {
        let pack = build(&v, kind);
        let soa = section(&pack, "Statement of Applicability");
        // The controls' tables (the implementation notes follow each in a table of their own).
        let rows: Vec<&Vec<Cell>> = tables(soa)
            .filter(|t| t.columns.iter().any(|c| c.title == "Applies"))
            .flat_map(|t| t.rows.iter())
            .collect();
        let owner = tables(soa)
            .next()
            .and_then(|t| t.columns.iter().position(|c| c.title == "Owner"));
        assert_eq!(owner, Some(6), "the SoA table names each control's owner");
        assert_eq!(rows.len(), 93, "one row per Annex A control");
        let ids: BTreeSet<&str> = rows.iter().map(|r| r[0].text.as_str()).collect();
        assert_eq!(ids.len(), 93, "no control twice");
        let count = |col: usize, word: &str| {
            rows.iter()
                .filter(|r| r[col].text == word)
                .count()
                .to_string()
        };
        // The cover's two lines of totals are the rows' counts.
        assert_eq!(
            cover(&pack, "Annex A controls"),
            format!(
                "93: {} applicable, {} excluded, {} undecided",
                count(2, "Yes"),
                count(2, "No"),
                count(2, "Undecided")
            )
        );
        // An excluded control is not applicable, never "not started".
        assert_eq!(
            cover(&pack, "Implementation"),
            format!(
                "{} implemented, {} in progress, {} not started, {} not applicable",
                count(5, "Implemented"),
                count(5, "In progress"),
                count(5, "Not started"),
                count(5, "Not applicable")
            )
        );
        assert_eq!(count(5, "Not applicable"), count(2, "No"));
        for r in &rows {
            if r[2].text == "No" {
                assert_eq!(r[5].text, "Not applicable", "{}", r[0].text);
            }
        }
        assert_ne!(count(2, "No"), "0", "the demo excludes some controls");
        assert_eq!(rows[0][0].text, "5.1", "the standard's order");
        assert_eq!(rows[92][0].text, "8.34");
    }
}

#[test]
fn the_heat_maps_count_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Stage2Ready);
    let pack = build(&v, PackKind::Stage1);
    let register = section(&pack, "Risk register");
    let risks = rows(register, "Ref");
    assert_eq!(risks.len(), 13, "the demo's 13 risks");
    let maps = heat_maps(register);
    assert_eq!(maps.len(), 2, "inherent and residual");
    for (map, column) in maps.iter().zip([3, 5]) {
        let total: u32 = map.counts.iter().flatten().sum();
        assert_eq!(
            total as usize,
            risks.len(),
            "{}: every risk once",
            map.title
        );
        for (l, row) in map.counts.iter().enumerate() {
            for (i, n) in row.iter().enumerate() {
                let cell = format!("{} × {} =", l + 1, i + 1);
                let in_register = risks
                    .iter()
                    .filter(|r| r[column].text.starts_with(&cell))
                    .count();
                assert_eq!(*n as usize, in_register, "{} cell {cell}", map.title);
            }
        }
    }
    let refs: Vec<&str> = risks.iter().map(|r| r[0].text.as_str()).collect();
    let mut sorted = refs.clone();
    sorted.sort();
    assert_eq!(refs, sorted, "by reference");
}

#[test]
fn renders_every_section_control_and_name() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Stage2Ready);
    let (_, text) = rendered(dir.path(), &v, PackKind::Stage1);
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
}
