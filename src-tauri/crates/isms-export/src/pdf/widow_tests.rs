//! Unit tests of widows and orphans and of the type sizes, read from the layout: no table
//! leaves a lone row under a repeated header or at the foot of a page (in synthetic tables of
//! every length and in every pack of the demo company at three points of its path), no page of
//! those packs holds a lone line, a short section does not take a page of its own, a paragraph's last line does not go over alone,
//! table text is at least 8 pt and heat-map figures at least 7 pt.

use isms_core::Passphrase;
use isms_core::demo::{self, DemoPoint, DemoScale};
use isms_core::readiness::Stage;

use super::canvas::Mark;
use super::flow::{self, Fragment, page_texts};
use super::fonts::Fonts;
use super::style::SECTION_SIZE;
use crate::model::{Block, Cell, Column, HeatMap, Pack, Section, Table};
use crate::packs::{self, PackKind};

fn fonts() -> Fonts {
    Fonts::load().expect("the embedded fonts parse")
}

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 6, 15).expect("a date")
}

fn pack(sections: Vec<Section>) -> Pack {
    Pack {
        evidence_sha256: None,
        title: "Test".into(),
        company: "Test Ltd".into(),
        confidentiality: "Confidential".into(),
        as_of: day(),
        version: "v".into(),
        cover: Vec::new(),
        sections,
    }
}

fn section(title: &str, blocks: Vec<Block>) -> Section {
    Section {
        title: title.into(),
        blocks,
    }
}

/// The lone rows among `fragments`, described for a failure message.
fn lone_rows(fragments: &[Fragment]) -> Vec<String> {
    fragments
        .iter()
        .filter(|f| f.rows == 1 && (f.repeated || f.continues))
        .map(|f| format!("page {}: {f:?}", f.page))
        .collect()
}

#[test]
fn no_table_of_any_length_leaves_a_row_alone() {
    let f = fonts();
    for count in 1..=90 {
        // Text before the table moves its start down the page, so every break point is met.
        for lead in [0, 7, 23] {
            let blocks = vec![
                Block::Paragraph("Words before the table. ".repeat(lead * 4)),
                Block::Table(Table {
                    columns: vec![Column::new("Ref", 1.0), Column::new("Text", 3.0)],
                    rows: (0..count)
                        .map(|n| vec![Cell::text(format!("r{n}")), Cell::text("two\nlines")])
                        .collect(),
                }),
            ];
            let (_, layout) = flow::lay_out_pages(&f, &pack(vec![section("Only", blocks)]));
            let lone = lone_rows(&layout.fragments);
            assert!(lone.is_empty(), "{count} rows after {lead}: {lone:?}");
        }
    }
}

#[test]
fn no_demo_pack_leaves_a_row_alone_under_a_repeated_header() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let f = fonts();
    for point in [
        DemoPoint::Stage1Ready,
        DemoPoint::Operating,
        DemoPoint::Stage2Ready,
    ] {
        let vault = demo::create(
            &dir.path().join(format!("{}.isms", point.as_str())),
            Passphrase::new("widows and orphans".into()),
            point,
            DemoScale::Small,
            day(),
        )
        .expect("the demo vault");
        for kind in [
            PackKind::Stage1,
            PackKind::Stage2,
            PackKind::Soa,
            PackKind::Cap,
            PackKind::Gaps,
        ] {
            let built = packs::build(&vault, kind, Stage::Two, day()).expect("the pack");
            let (pages, layout) = flow::lay_out_pages(&f, &built);
            // No page holds a lone line ("No rule gives a warning.") under its section title.
            for (n, page) in pages.iter().enumerate().skip(1) {
                let lines: Vec<&str> = page
                    .marks
                    .iter()
                    .filter_map(|m| match m {
                        Mark::Text { size, text, .. } if *size < SECTION_SIZE => {
                            Some(text.as_str())
                        }
                        _ => None,
                    })
                    .collect();
                assert!(
                    lines.len() != 1,
                    "{} pack at {}: page {n} holds one line: {lines:?}",
                    kind.as_str(),
                    point.as_str()
                );
            }
            let continued = layout.fragments.iter().filter(|f| f.repeated).count();
            let lone = lone_rows(&layout.fragments);
            assert!(
                lone.is_empty(),
                "{} pack at {}: {lone:?} ({continued} continued tables)",
                kind.as_str(),
                point.as_str()
            );
        }
    }
}

#[test]
fn a_short_section_follows_the_one_before_on_its_page() {
    let f = fonts();
    let built = pack(vec![
        section(
            "Failing rules",
            vec![Block::Paragraph("One rule fails.".into())],
        ),
        section(
            "Warnings",
            vec![Block::Note("No rule gives a warning.".into())],
        ),
    ]);
    let (pages, layout) = flow::lay_out_pages(&f, &built);
    assert_eq!(pages.len(), 2, "cover and one page");
    assert_eq!(
        layout.outline[1].page, 1,
        "the short section is on the first's page"
    );
    let texts = page_texts(&pages);
    assert!(
        texts[1].contains("Warnings\nNo rule gives a warning."),
        "{}",
        texts[1]
    );
}

#[test]
fn a_long_section_still_starts_a_page() {
    let f = fonts();
    let long = vec![Block::Paragraph("Many words. ".repeat(400))];
    let built = pack(vec![
        section("First", vec![Block::Paragraph("Short.".into())]),
        section("Second", long),
    ]);
    let (_, layout) = flow::lay_out_pages(&f, &built);
    assert_eq!(
        layout.outline[1].page, 2,
        "the long section has a page of its own"
    );
}

#[test]
fn a_paragraph_never_sends_its_last_line_over_alone() {
    let f = fonts();
    let words: Vec<String> = (1..=120).map(|n| format!("W{n}")).collect();
    for lead in 0..70 {
        let blocks = vec![
            Block::Paragraph("Lead. ".repeat(lead * 12)),
            Block::Paragraph(words.join(" ")),
        ];
        let (pages, _) = flow::lay_out_pages(&f, &pack(vec![section("Only", blocks)]));
        let last = pages
            .iter()
            .map(|p| p.texts().filter(|l| l.starts_with('W')).collect::<Vec<_>>())
            .find(|lines| lines.iter().any(|l| l.ends_with("W120")))
            .expect("the paragraph ends on some page");
        assert!(last.len() >= 2, "after {lead} lines of lead: {last:?}");
    }
}

#[test]
fn table_text_is_at_least_8_pt_and_heat_map_figures_at_least_7() {
    let f = fonts();
    let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let map = HeatMap {
        title: "Inherent risk".into(),
        likelihood_labels: words(&["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]),
        impact_labels: words(&["Negligible", "Minor", "Moderate", "Major", "Severe"]),
        counts: vec![vec![1; 5]; 5],
        acceptance_threshold: 4,
        red_threshold: 12,
    };
    let table = Table {
        columns: vec![Column::new("Ref", 1.0), Column::new("Status", 1.0)],
        rows: vec![vec![
            Cell::text("CELL-TEXT"),
            Cell::status("Open", crate::model::Tone::Bad),
        ]],
    };
    let blocks = vec![
        Block::Table(table),
        Block::HeatMap(map.clone()),
        Block::HeatMap(map),
    ];
    let (pages, _) = flow::lay_out_pages(&f, &pack(vec![section("Only", blocks)]));
    for mark in &pages[1].marks {
        if let Mark::Text { size, text, .. } = mark {
            assert!(*size >= 7.0, "{text:?} at {size} pt");
            if text == "CELL-TEXT" || text == "Open" || text == "Ref" {
                assert!(*size >= 8.0, "table text {text:?} at {size} pt");
            }
        }
    }
}
