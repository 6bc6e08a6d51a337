//! Every character a pack prints, gathered once before layout so the faces that print them can
//! be chosen up front (and the same on both layout passes); and the note that closes a pack in
//! which some character had no glyph in any font, so nothing is replaced silently.

use std::collections::BTreeSet;

use super::flow::Flow;
use super::style::*;
use crate::model::{Block, Pack};

/// The title of the closing note on characters no font could print.
pub const UNPRINTED_TITLE: &str = "Characters that could not be printed";

/// Every character of `pack`'s texts (ASCII left out: DejaVu has it all).
pub fn characters(pack: &Pack) -> BTreeSet<char> {
    let mut chars = BTreeSet::new();
    let mut add = |s: &str| {
        chars.extend(s.chars().filter(|c| !c.is_ascii()));
    };
    for s in [
        &pack.title,
        &pack.company,
        &pack.confidentiality,
        &pack.version,
    ] {
        add(s);
    }
    for fact in &pack.cover {
        add(&fact.label);
        add(&fact.value);
    }
    for section in &pack.sections {
        add(&section.title);
        for block in &section.blocks {
            match block {
                Block::Heading(s) | Block::Paragraph(s) | Block::Note(s) => add(s),
                Block::Facts(facts) => {
                    for fact in facts {
                        add(&fact.label);
                        add(&fact.value);
                    }
                }
                Block::Table(table) => {
                    for column in &table.columns {
                        add(&column.title);
                    }
                    for cell in table.rows.iter().flatten() {
                        add(&cell.text);
                    }
                }
                Block::HeatMap(map) => {
                    add(&map.title);
                    for label in map.likelihood_labels.iter().chain(&map.impact_labels) {
                        add(label);
                    }
                }
                Block::Chart(chart) => {
                    add(&chart.title);
                    add(&chart.unit);
                    for point in &chart.points {
                        add(&point.label);
                    }
                    if let Some((_, words)) = &chart.target {
                        add(words);
                    }
                }
            }
        }
    }
    chars
}

impl Flow<'_> {
    /// The closing note: which characters no font had, each printed as the replacement mark.
    pub fn unprinted(&mut self, missing: &BTreeSet<char>) {
        let codes: Vec<String> = missing
            .iter()
            .map(|c| format!("U+{:04X}", *c as u32))
            .collect();
        let (noun, verb) = if missing.len() == 1 {
            ("character", "has")
        } else {
            ("characters", "have")
        };
        let text = format!(
            "{} {noun} in this pack {verb} no glyph in any font of the computer that made it, \
             and {} printed as \u{201c}\u{fffd}\u{201d} wherever {} occur{}: {}. Installing a \
             font that covers {} (for example Noto or Droid Sans Fallback for Chinese, Japanese \
             and Korean, Symbola for emoji) and exporting again prints {} as written.",
            missing.len(),
            if missing.len() == 1 { "is" } else { "are" },
            if missing.len() == 1 { "it" } else { "they" },
            if missing.len() == 1 { "s" } else { "" },
            codes.join(", "),
            if missing.len() == 1 { "it" } else { "them" },
            if missing.len() == 1 { "it" } else { "them" },
        );
        let blocks = [
            Block::Heading(UNPRINTED_TITLE.to_owned()),
            Block::Paragraph(text),
        ];
        self.y += BLOCK_GAP;
        self.blocks(&blocks);
    }
}
