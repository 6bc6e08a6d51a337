//! Unit tests of the layout: widths measured from the font's advances, lines that never pass
//! the measure, tables that repeat their header on every page and never split a row, clipped
//! cells that reach the appendix whole, and headings kept with what follows them.

use super::canvas::Mark;
use super::flow::{self, page_texts};
use super::fonts::Fonts;
use super::style::*;
use super::text::wrap;
use crate::model::{Block, Cell, Column, Pack, Section, Table};

fn fonts() -> Fonts {
    Fonts::load().expect("the embedded fonts parse")
}

fn pack(blocks: Vec<Block>) -> Pack {
    Pack {
        title: "Test".into(),
        company: "Test Ltd".into(),
        confidentiality: "Confidential".into(),
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 6, 15).expect("a date"),
        version: "v".into(),
        cover: Vec::new(),
        sections: vec![Section {
            title: "Only".into(),
            blocks,
        }],
        evidence_sha256: None,
    }
}

#[test]
fn widths_come_from_the_glyph_advances() {
    let f = fonts();
    // DejaVu Sans: 2048 units per em; "i" advances 569 units, "W" 2025.
    let i = f.regular().width("i", 10.0);
    let w = f.regular().width("W", 10.0);
    assert!((i - 569.0 * 10.0 / 2048.0).abs() < 0.01, "i is {i}");
    assert!((w - 2025.0 * 10.0 / 2048.0).abs() < 0.01, "W is {w}");
    assert!(
        f.bold().width("Łukasz Wąs", 10.0) > f.regular().width("Łukasz Wąs", 10.0),
        "bold is wider"
    );
    assert!(
        (f.regular().width("iiii", 10.0) - 4.0 * i).abs() < 1e-4,
        "widths add up, no kerning"
    );
}

#[test]
fn wrapped_lines_never_pass_the_measure_and_keep_every_word() {
    let f = fonts();
    let text = "Søren Ødegård reviews the supplier agreements every quarter; \
                https://example.com/a/very/long/path/that/cannot/break/anywhere/else ok";
    for width in [40.0, 90.0, 200.0] {
        let lines = wrap(f.regular(), text, 9.0, width);
        for line in &lines {
            assert!(
                f.regular().width(line, 9.0) <= width + 0.01,
                "{line:?} passes {width} pt"
            );
        }
        let joined: String = lines.concat().split_whitespace().collect();
        let original: String = text.split_whitespace().collect();
        assert_eq!(joined, original, "nothing is lost at {width} pt");
    }
    // "iiii iiii" fits where "WWWW WWWW" does not: the measure is real, not a count.
    let narrow = f.regular().width("WWWW", 9.0) + 1.0;
    assert_eq!(wrap(f.regular(), "iiii iiii", 9.0, narrow).len(), 1);
    assert_eq!(wrap(f.regular(), "WWWW WWWW", 9.0, narrow).len(), 2);
}

#[test]
fn a_path_too_long_for_its_column_breaks_after_a_separator() {
    let f = fonts();
    let path = "evidence/Chloé Dubois/lead-auditor-certificate.txt";
    let word = path.replace(' ', "_");
    let width = f.regular().width("evidence/Chloé_Dubois/lead-au", 8.0);
    let lines = wrap(f.regular(), &word, 8.0, width);
    assert!(lines.len() > 1, "{lines:?}");
    assert_eq!(lines.concat(), word, "nothing lost");
    for line in &lines[..lines.len() - 1] {
        assert!(
            line.ends_with(['/', '-', '_', '.']),
            "a line ends at a separator: {lines:?}"
        );
        assert!(f.regular().width(line, 8.0) <= width);
    }
}

#[test]
fn a_table_over_pages_repeats_its_header_and_never_splits_a_row() {
    let f = fonts();
    let rows = (1..=150)
        .map(|n| vec![Cell::text(format!("row {n}")), Cell::text("two\nlines")])
        .collect();
    let table = Table {
        columns: vec![Column::new("Header A", 1.0), Column::new("Header B", 2.0)],
        rows,
    };
    let (pages, _) = flow::lay_out_pages(&f, &pack(vec![Block::Table(table)]));
    let body = &pages[1..];
    assert!(body.len() >= 3, "150 two-line rows take several pages");
    let texts = page_texts(body);
    for (n, text) in texts.iter().enumerate() {
        assert!(text.contains("Header A"), "page {n} repeats the header");
    }
    for n in 1..=150 {
        let row = format!("row {n}\n");
        let on: Vec<usize> = (0..texts.len())
            .filter(|&p| texts[p].contains(&row) || texts[p].ends_with(&format!("row {n}")))
            .collect();
        assert_eq!(on.len(), 1, "row {n} is on exactly one page");
        let second = texts[on[0]].find(&row).map(|i| &texts[on[0]][i..]);
        assert!(
            second.is_some_and(|s| s.contains("two\nlines")),
            "row {n}'s cell is whole on its page"
        );
    }
    for page in body {
        for mark in &page.marks {
            if let Mark::Text { y, .. } = mark {
                assert!(*y <= PAGE_H, "nothing below the page");
            }
        }
    }
}

#[test]
fn a_clipped_cell_shows_its_start_and_goes_whole_to_the_appendix() {
    let f = fonts();
    let long = "word ".repeat(200) + "LAST";
    let table = Table {
        columns: vec![Column::new("Ref", 1.0), Column::new("Text", 3.0).clipped(2)],
        rows: vec![vec![Cell::bold("5.1"), Cell::text(long.clone())]],
    };
    let (pages, laid) = flow::lay_out_pages(&f, &pack(vec![Block::Table(table)]));
    assert_eq!(laid.appendix.len(), 1, "one cell went to the appendix");
    assert_eq!(laid.appendix[0].text, long, "whole");
    assert_eq!(laid.appendix[0].label, "5.1 \u{b7} Text");
    let texts = page_texts(&pages);
    assert!(
        texts[1].contains("(full text: A.1)"),
        "the cell refers to A.1"
    );
    assert!(!texts[1].contains("LAST"), "the cell shows only its start");
    let appendix = texts.last().expect("an appendix page");
    assert!(appendix.contains("A.1\n5.1 \u{b7} Text"), "{appendix}");
    assert!(appendix.contains("LAST"), "the appendix ends the text");
}

#[test]
fn a_heading_never_ends_a_page() {
    let f = fonts();
    let mut blocks = Vec::new();
    for n in 0..40 {
        blocks.push(Block::Heading(format!("Heading {n}")));
        blocks.push(Block::Paragraph("A paragraph of two lines. ".repeat(9)));
    }
    let (pages, _) = flow::lay_out_pages(&f, &pack(blocks));
    for page in &pages[1..] {
        let last_text = page.marks.iter().rev().find_map(|m| match m {
            Mark::Text { text, .. } => Some(text.as_str()),
            _ => None,
        });
        assert!(
            !last_text.is_some_and(|t| t.starts_with("Heading")),
            "a page ends with a heading"
        );
    }
}

#[test]
fn a_short_table_is_never_split() {
    let f = fonts();
    let mut blocks = Vec::new();
    for n in 0..30 {
        blocks.push(Block::Paragraph(
            "Some running text before the table. ".repeat(6),
        ));
        blocks.push(Block::Table(Table {
            columns: vec![Column::new("Ref", 1.0), Column::new("Title", 3.0)],
            rows: (0..5)
                .map(|k| vec![Cell::text(format!("t{n}r{k}")), Cell::text("x")])
                .collect(),
        }));
    }
    let (pages, _) = flow::lay_out_pages(&f, &pack(blocks));
    let texts = page_texts(&pages);
    for n in 0..30 {
        let pages: Vec<usize> = (0..5)
            .map(|k| {
                let want = format!("t{n}r{k}");
                texts
                    .iter()
                    .position(|t| t.lines().any(|l| l == want))
                    .expect("every row is printed")
            })
            .collect();
        assert!(
            pages.iter().all(|p| *p == pages[0]),
            "table {n} is split over pages {pages:?}"
        );
    }
}

#[test]
fn counts_are_flush_right_and_references_flush_left() {
    let f = fonts();
    let table = Table {
        columns: vec![Column::new("Control", 1.0), Column::new("Risks", 1.0)],
        rows: vec![
            vec![Cell::text("5.1"), Cell::text("7")],
            vec![Cell::text("5.10"), Cell::text("1,204")],
        ],
    };
    let (pages, _) = flow::lay_out_pages(&f, &pack(vec![Block::Table(table)]));
    let x_of = |want: &str| {
        pages[1]
            .marks
            .iter()
            .find_map(|m| match m {
                Mark::Text { x, text, size, .. } if text == want => Some((*x, *size)),
                _ => None,
            })
            .expect("printed")
    };
    assert_eq!(
        x_of("5.1").0,
        x_of("5.10").0,
        "references share a left edge"
    );
    let right = |want: &str| {
        let (x, size) = x_of(want);
        x + f.regular().width(want, size)
    };
    assert!(
        (right("7") - right("1,204")).abs() < 0.01,
        "counts share a right edge"
    );
}
