//! The body's flow: sections one after another, each on a new page, their blocks placed down
//! the page and continued on the next when they do not fit. It keeps what the contents, the
//! outline and the appendix need: where each section and heading landed, and every cell text
//! that a table clipped. Rules it keeps: a heading never ends a page (it moves with the start of
//! what follows), a fact is never split unless it is taller than a third of a page, and
//! paragraphs break only between lines. Tables and heat maps live in their own files.

use super::canvas::Page;
use super::fonts::Fonts;
use super::style::*;
use super::text::wrap;
use crate::model::{Block, Fact, Pack};

/// Where a section or heading landed: page index in the body (0 = first body page), top y.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    pub title: String,
    pub page: usize,
    pub y: f32,
    pub children: Vec<Anchor>,
}

/// A cell text that did not fit its column, printed whole in the appendix as A.`number`.
#[derive(Debug, Clone, PartialEq)]
pub struct Clipped {
    pub number: usize,
    pub label: String,
    pub text: String,
}

pub struct Flow<'a> {
    pub fonts: &'a Fonts,
    pub pages: Vec<Page>,
    /// Top of the free space on the current page.
    pub y: f32,
    pub outline: Vec<Anchor>,
    pub appendix: Vec<Clipped>,
    /// The section being laid out, for the appendix's labels.
    pub section: String,
}

/// The appendix's title, as printed and listed.
pub const APPENDIX_TITLE: &str = "Appendix: full texts";

/// The body of `pack` laid out: sections, then the appendix when a cell was clipped.
pub fn lay_out<'a>(fonts: &'a Fonts, pack: &Pack) -> Flow<'a> {
    let mut flow = Flow {
        fonts,
        pages: Vec::new(),
        y: BODY_TOP,
        outline: Vec::new(),
        appendix: Vec::new(),
        section: String::new(),
    };
    flow.new_page();
    flow.cover(pack);
    for (n, section) in pack.sections.iter().enumerate() {
        flow.section_title(&format!("{}", n + 1), &section.title);
        flow.blocks(&section.blocks);
    }
    if !flow.appendix.is_empty() {
        flow.appendix_section();
    }
    flow
}

impl Flow<'_> {
    pub fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = BODY_TOP;
    }

    pub fn room(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    pub fn at_top(&self) -> bool {
        self.y <= BODY_TOP + 0.5
    }

    /// Starts a new page unless `height` fits below the cursor (or the page is still empty).
    pub fn ensure(&mut self, height: f32) {
        if height > self.room() && !self.at_top() {
            self.new_page();
        }
    }

    /// A rule across the body at the cursor.
    pub fn rule(&mut self, width: f32, colour: Rgb) {
        let y = self.y;
        self.page()
            .hline(MARGIN_X, MARGIN_X + BODY_W, y, width, colour);
    }

    /// The baseline of a line of `size` text whose line box starts at `top`.
    pub fn baseline(&self, top: f32, size: f32, bold: bool) -> f32 {
        let face = self.fonts.face(bold);
        let lh = line_height(size);
        top + (lh - (face.ascent + face.descent) * size) / 2.0 + face.ascent * size
    }

    fn section_title(&mut self, number: &str, title: &str) {
        self.new_page();
        self.section = title.to_owned();
        let page = self.pages.len() - 1;
        let number_w = if number.is_empty() {
            0.0
        } else {
            self.fonts.bold.width(number, SECTION_SIZE) + 12.0
        };
        let lines = wrap(&self.fonts.bold, title, SECTION_SIZE, BODY_W - number_w);
        let lh = line_height(SECTION_SIZE);
        let top = self.y;
        let base = self.baseline(top, SECTION_SIZE, true);
        self.page()
            .text(MARGIN_X, base, SECTION_SIZE, true, MUTED, number);
        for (i, line) in lines.iter().enumerate() {
            let y = base + i as f32 * lh;
            self.page()
                .text(MARGIN_X + number_w, y, SECTION_SIZE, true, NAVY, line);
        }
        self.y = top + lines.len().max(1) as f32 * lh + 6.0;
        let rule_y = self.y;
        self.page()
            .hline(MARGIN_X, MARGIN_X + BODY_W, rule_y, 1.2, NAVY);
        self.y += 16.0;
        let title = if number.is_empty() {
            title.to_owned()
        } else {
            format!("{number} {title}")
        };
        self.outline.push(Anchor {
            title,
            page,
            y: top,
            children: Vec::new(),
        });
    }

    fn blocks(&mut self, blocks: &[Block]) {
        let mut i = 0;
        while i < blocks.len() {
            match &blocks[i] {
                Block::Heading(text) => self.heading(text, &blocks[i + 1..]),
                Block::Paragraph(text) => self.paragraph(text, BODY_SIZE, INK),
                Block::Note(text) => self.paragraph(text, NOTE_SIZE, MUTED),
                Block::Facts(facts) => self.facts(facts),
                Block::Table(table) => self.table(table),
                Block::HeatMap(first) => {
                    // Two heat maps in a row sit side by side (inherent beside residual).
                    if let Some(Block::HeatMap(second)) = blocks.get(i + 1) {
                        self.heat_maps(&[first, second]);
                        i += 1;
                    } else {
                        self.heat_maps(&[first]);
                    }
                }
                Block::Chart(chart) => self.chart(chart),
            }
            i += 1;
        }
    }

    /// The least height `block` needs on a page to start there (for keep-with-next).
    fn start_height(&self, block: &Block) -> f32 {
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
    fn small_height(&self, block: &Block) -> Option<f32> {
        let h = match block {
            Block::Heading(text) => {
                wrap(&self.fonts.bold, text, HEADING_SIZE, BODY_W).len() as f32
                    * line_height(HEADING_SIZE)
                    + 12.0
            }
            Block::Paragraph(text) | Block::Note(text) => {
                let size = if matches!(block, Block::Note(_)) {
                    NOTE_SIZE
                } else {
                    BODY_SIZE
                };
                wrap(&self.fonts.regular, text, size, BODY_W).len() as f32 * line_height(size)
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
    fn heading(&mut self, text: &str, following: &[Block]) {
        let lines = wrap(&self.fonts.bold, text, HEADING_SIZE, BODY_W);
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
        let page = self.pages.len() - 1;
        if let Some(section) = self.outline.last_mut() {
            section.children.push(Anchor {
                title: text.to_owned(),
                page,
                y: top,
                children: Vec::new(),
            });
        }
    }

    /// Lines of running text at `x`, continued on the next page when the page is full.
    pub fn flow_lines(&mut self, lines: &[String], x: f32, size: f32, bold: bool, colour: Rgb) {
        let lh = line_height(size);
        for line in lines {
            self.ensure(lh);
            let base = self.baseline(self.y, size, bold);
            self.page().text(x, base, size, bold, colour, line);
            self.y += lh;
        }
    }

    fn paragraph(&mut self, text: &str, size: f32, colour: Rgb) {
        let lines = wrap(&self.fonts.regular, text, size, BODY_W);
        // Never leave a paragraph's first line alone at the foot of a page.
        let lh = line_height(size);
        self.ensure(lh * lines.len().min(2) as f32);
        self.flow_lines(&lines, MARGIN_X, size, false, colour);
        self.y += BLOCK_GAP * 0.8;
    }

    pub fn fact_label_width(&self, facts: &[Fact]) -> f32 {
        let widest = facts
            .iter()
            .map(|f| self.fonts.bold.width(&f.label, NOTE_SIZE))
            .fold(0.0, f32::max);
        (widest + 16.0).clamp(90.0, BODY_W * 0.38)
    }

    pub fn fact_height(&self, fact: &Fact, label_w: f32) -> f32 {
        let label = wrap(&self.fonts.bold, &fact.label, NOTE_SIZE, label_w - 12.0);
        let value = wrap(
            &self.fonts.regular,
            &fact.value,
            BODY_SIZE,
            BODY_W - label_w,
        );
        let h = (label.len() as f32 * line_height(NOTE_SIZE))
            .max(value.len().max(1) as f32 * line_height(BODY_SIZE));
        h + 5.0
    }

    /// Label–value pairs: labels in a column sized to the longest, values wrapped beside them.
    pub fn facts(&mut self, facts: &[Fact]) {
        let label_w = self.fact_label_width(facts);
        for fact in facts {
            let h = self.fact_height(fact, label_w);
            if h <= (BODY_BOTTOM - BODY_TOP) / 3.0 {
                self.ensure(h);
            } else {
                self.ensure(4.0 * line_height(BODY_SIZE));
            }
            let label = wrap(&self.fonts.bold, &fact.label, NOTE_SIZE, label_w - 12.0);
            let value = wrap(
                &self.fonts.regular,
                &fact.value,
                BODY_SIZE,
                BODY_W - label_w,
            );
            let top = self.y;
            let page = self.pages.len() - 1;
            // The label's baseline sits on the value's first baseline.
            let first = self.baseline(top, BODY_SIZE, false);
            for (i, line) in label.iter().enumerate() {
                let y = first + i as f32 * line_height(NOTE_SIZE);
                self.page().text(MARGIN_X, y, NOTE_SIZE, true, MUTED, line);
            }
            let value = if value.is_empty() {
                vec!["—".to_owned()]
            } else {
                value
            };
            self.flow_lines(&value, MARGIN_X + label_w, BODY_SIZE, false, INK);
            let label_bottom = top + label.len() as f32 * line_height(NOTE_SIZE);
            if self.pages.len() == page + 1 {
                self.y = self.y.max(label_bottom);
            }
            self.y += 5.0;
        }
        self.y += BLOCK_GAP * 0.6;
    }

    /// Records `text` for the appendix and returns its number.
    pub fn clip(&mut self, label: String, text: &str) -> usize {
        let number = self.appendix.len() + 1;
        self.appendix.push(Clipped {
            number,
            label,
            text: text.to_owned(),
        });
        number
    }

    fn appendix_section(&mut self) {
        self.section_title("", APPENDIX_TITLE);
        self.paragraph(
            "Texts too long for their table column are printed here in full. Each is referred to \
             from its cell as \u{201c}full text: A.n\u{201d}.",
            NOTE_SIZE,
            MUTED,
        );
        let entries = std::mem::take(&mut self.appendix);
        let indent = 36.0;
        let lh = line_height(BODY_SIZE);
        for entry in &entries {
            let label = wrap(&self.fonts.bold, &entry.label, BODY_SIZE, BODY_W - indent);
            let body = wrap(&self.fonts.regular, &entry.text, BODY_SIZE, BODY_W - indent);
            self.ensure((label.len() + body.len().min(2)) as f32 * lh + 4.0);
            let base = self.baseline(self.y, BODY_SIZE, true);
            let number = format!("A.{}", entry.number);
            self.page()
                .text(MARGIN_X, base, BODY_SIZE, true, MUTED, &number);
            self.flow_lines(&label, MARGIN_X + indent, BODY_SIZE, true, NAVY);
            self.y += 2.0;
            self.flow_lines(&body, MARGIN_X + indent, BODY_SIZE, false, INK);
            self.y += 10.0;
        }
        self.appendix = entries;
    }
}

/// For tests: the text runs of each page, joined by newlines.
#[cfg(test)]
pub fn page_texts(pages: &[Page]) -> Vec<String> {
    pages
        .iter()
        .map(|p| p.texts().collect::<Vec<_>>().join("\n"))
        .collect()
}
