//! Keeping things together: how tall a block is when it must stay whole, how much of it must fit
//! on a page for it to start there, a heading kept with what follows it, and whether a short
//! section can follow the one before on its page.

use super::flow::{Anchor, Flow, SECTION_GAP};
use super::style::*;
use super::text::wrap;
use crate::model::Block;

impl Flow<'_> {
    /// Whether a section is short (a quarter of a page at most) and fits below the cursor.
    pub(super) fn fits_here(&self, title: &str, blocks: &[Block]) -> bool {
        let title_h = wrap(self.fonts.bold(), title, SECTION_SIZE, BODY_W - 40.0).len() as f32
            * line_height(SECTION_SIZE)
            + 22.0;
        let blocks_h: Option<f32> = blocks.iter().map(|b| self.small_height(b)).sum();
        blocks_h.is_some_and(|h| {
            let whole = SECTION_GAP + title_h + h;
            title_h + h <= (BODY_BOTTOM - BODY_TOP) / 4.0 && whole <= self.room()
        })
    }

    /// The least height `block` needs on a page to start there (for keep-with-next).
    pub(super) fn start_height(&self, block: &Block) -> f32 {
        match block {
            Block::Heading(_) => line_height(HEADING_SIZE) + 14.0,
            Block::Paragraph(_) => 2.0 * line_height(BODY_SIZE),
            Block::Note(_) => 2.0 * line_height(NOTE_SIZE),
            Block::Facts(facts) => facts
                .first()
                .map_or(0.0, |f| self.fact_height(f, self.fact_label_width(facts))),
            Block::Table(table) => self.table_start_height(table),
            Block::HeatMap(map) => self.heat_map_height(map),
            Block::Chart(_) => super::chart::HEIGHT,
        }
    }

    /// The whole height of a block when it is small enough to keep together, else `None`.
    pub(super) fn small_height(&self, block: &Block) -> Option<f32> {
        let h = match block {
            Block::Heading(text) => {
                wrap(self.fonts.bold(), text, HEADING_SIZE, BODY_W).len() as f32
                    * line_height(HEADING_SIZE)
                    + 12.0
            }
            Block::Paragraph(text) | Block::Note(text) => {
                let size = if matches!(block, Block::Note(_)) {
                    NOTE_SIZE
                } else {
                    BODY_SIZE
                };
                wrap(self.fonts.regular(), text, size, BODY_W).len() as f32 * line_height(size)
                    + BLOCK_GAP * 0.8
            }
            Block::Facts(facts) if facts.len() <= 12 => {
                let label_w = self.fact_label_width(facts);
                facts
                    .iter()
                    .map(|f| self.fact_height(f, label_w))
                    .sum::<f32>()
                    + BLOCK_GAP * 0.6
            }
            Block::Facts(_) => return None,
            Block::Table(table) => self.short_table_height(table)?,
            Block::HeatMap(map) => self.heat_map_height(map) + BLOCK_GAP,
            Block::Chart(_) => super::chart::HEIGHT + BLOCK_GAP,
        };
        Some(h)
    }

    /// A heading keeps what follows it up to the next heading on its page when that is short
    /// (a rule with its finding and records); otherwise at least the start of the next block.
    pub(super) fn heading(&mut self, text: &str, following: &[Block]) {
        let lines = wrap(self.fonts.bold(), text, HEADING_SIZE, BODY_W);
        let lh = line_height(HEADING_SIZE);
        let gap_before = if self.at_top() { 0.0 } else { 8.0 };
        let own = gap_before + lines.len() as f32 * lh + 4.0;
        let body = BODY_BOTTOM - BODY_TOP;
        let group: Option<f32> = following
            .iter()
            .take_while(|b| !matches!(b, Block::Heading(_)))
            .map(|b| self.small_height(b))
            .sum();
        let next_h = match group {
            Some(h) if own + h <= body / 2.0 => h,
            _ => following.first().map_or(0.0, |b| self.start_height(b)),
        };
        self.ensure(own + next_h.min(body - own));
        if !self.at_top() {
            self.y += gap_before;
        }
        let top = self.y;
        for line in &lines {
            let base = self.baseline(self.y, HEADING_SIZE, true);
            self.page()
                .text(MARGIN_X, base, HEADING_SIZE, true, NAVY, line);
            self.y += lh;
        }
        self.y += 4.0;
        let page = self.page_index;
        if let Some(section) = self.outline.last_mut() {
            section.children.push(Anchor {
                title: text.to_owned(),
                page,
                y: top,
                children: Vec::new(),
            });
        }
    }
}
