//! The body's flow: sections one after another, each on a new page (a short one follows the
//! one before on its page), their blocks placed down the page and continued on the next when
//! they do not fit. Each page is handed to a [`Sink`] the moment it is full and not kept. The
//! flow keeps what the contents, the outline and the appendix need: where each section and
//! heading landed, and every cell text that a table clipped. Rules it keeps against widows and
//! orphans: a heading never ends a page (it moves with the start of what follows), a paragraph
//! leaves neither its first nor its last line alone on a page, and breaks only between lines.
//! Facts, tables, heat maps, charts and the appendix live in their own files.

use super::appendix::Clipped;
use super::canvas::Page;
use super::fonts::Fonts;
use super::style::*;
use super::text::wrap;
use crate::model::{Block, Pack};

/// Where a section or heading landed: page index in the body (0 = first body page), top y.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    pub title: String,
    pub page: usize,
    pub y: f32,
    pub children: Vec<Anchor>,
}

/// What receives each page once it is laid out: the first pass keeps only what it needs (the
/// glyphs used), the second writes the page out; neither keeps the page.
pub trait Sink {
    fn page(&mut self, page: Page);
}

/// Keeps every page (for tests, which read a layout's marks).
#[cfg(test)]
impl Sink for Vec<Page> {
    fn page(&mut self, page: Page) {
        self.push(page);
    }
}

pub struct Flow<'a> {
    pub fonts: &'a Fonts,
    sink: &'a mut dyn Sink,
    /// The page being laid out, and its index (0 = the cover).
    current: Page,
    pub page_index: usize,
    /// Top of the free space on the current page.
    pub y: f32,
    pub outline: Vec<Anchor>,
    pub appendix: Vec<Clipped>,
    /// The section being laid out, for the appendix's labels.
    pub section: String,
    /// Each table's part on each page (for tests of widows and orphans).
    #[cfg(test)]
    pub fragments: Vec<Fragment>,
}

/// A table's rows on one page.
#[cfg(test)]
#[derive(Debug, Clone, Copy)]
pub struct Fragment {
    pub page: usize,
    pub rows: usize,
    /// Under a repeated header: rows of the table came before, on an earlier page.
    pub repeated: bool,
    /// More rows of the table follow on the next page.
    pub continues: bool,
}

/// What a layout pass found: how many pages, where each section and heading landed, and the
/// texts that went to the appendix.
pub struct Layout {
    pub pages: usize,
    pub outline: Vec<Anchor>,
    #[cfg(test)]
    pub appendix: Vec<Clipped>,
    #[cfg(test)]
    pub fragments: Vec<Fragment>,
}

/// The space above a section that follows another on its page.
pub(super) const SECTION_GAP: f32 = 28.0;

/// The body of `pack` laid out, each page handed to `sink` as soon as it is full: the cover,
/// the sections, then the appendix when a cell was clipped and the note of characters no font
/// could print.
pub fn lay_out(fonts: &Fonts, pack: &Pack, sink: &mut dyn Sink) -> Layout {
    let mut flow = Flow {
        fonts,
        sink,
        current: Page::default(),
        page_index: 0,
        y: BODY_TOP,
        outline: Vec::new(),
        appendix: Vec::new(),
        section: String::new(),
        #[cfg(test)]
        fragments: Vec::new(),
    };
    flow.cover(pack);
    for (n, section) in pack.sections.iter().enumerate() {
        // A short section (a rule with nothing to report) follows the one before on its page
        // rather than leaving a page with a lone line.
        let join = n > 0 && flow.fits_here(&section.title, &section.blocks);
        flow.section_title(&format!("{}", n + 1), &section.title, join);
        flow.blocks(&section.blocks);
    }
    if !flow.appendix.is_empty() {
        flow.appendix_section();
    }
    if !fonts.missing.is_empty() {
        flow.unprinted(&fonts.missing);
    }
    flow.finish()
}

impl Flow<'_> {
    pub fn page(&mut self) -> &mut Page {
        &mut self.current
    }

    /// Hands the current page on and starts the next.
    pub fn new_page(&mut self) {
        let done = std::mem::take(&mut self.current);
        self.sink.page(done);
        self.page_index += 1;
        self.y = BODY_TOP;
    }

    /// Hands the last page on.
    fn finish(mut self) -> Layout {
        let done = std::mem::take(&mut self.current);
        self.sink.page(done);
        Layout {
            pages: self.page_index + 1,
            outline: self.outline,
            #[cfg(test)]
            appendix: self.appendix,
            #[cfg(test)]
            fragments: self.fragments,
        }
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
        let face = self.fonts.style(bold);
        let lh = line_height(size);
        top + (lh - (face.ascent() + face.descent()) * size) / 2.0 + face.ascent() * size
    }

    pub(super) fn section_title(&mut self, number: &str, title: &str, join: bool) {
        if join {
            self.y += SECTION_GAP;
        } else {
            self.new_page();
        }
        self.section = title.to_owned();
        let page = self.page_index;
        let number_w = if number.is_empty() {
            0.0
        } else {
            self.fonts.bold().width(number, SECTION_SIZE) + 12.0
        };
        let lines = wrap(self.fonts.bold(), title, SECTION_SIZE, BODY_W - number_w);
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

    pub(super) fn blocks(&mut self, blocks: &[Block]) {
        let mut i = 0;
        while i < blocks.len() {
            match &blocks[i] {
                Block::Heading(text) => self.heading(text, &blocks[i + 1..]),
                Block::Paragraph(text) => self.paragraph(text, BODY_SIZE, INK),
                Block::Note(text) => self.paragraph(text, NOTE_SIZE, MUTED),
                Block::Facts(facts) => self.facts(facts),
                Block::Table(table) => self.table(table),
                Block::HeatMap(first) => {
                    // Two heat maps in a row sit side by side (inherent beside residual) when
                    // their axis words fit the narrower cells at full size.
                    let second = match blocks.get(i + 1) {
                        Some(Block::HeatMap(second)) => Some(second),
                        _ => None,
                    };
                    if let Some(second) = second.filter(|s| self.side_by_side(first, s)) {
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

    pub(super) fn paragraph(&mut self, text: &str, size: f32, colour: Rgb) {
        let lines = wrap(self.fonts.regular(), text, size, BODY_W);
        // Never leave a paragraph's first line alone at the foot of a page.
        let lh = line_height(size);
        self.ensure(lh * lines.len().min(2) as f32);
        // Nor its last line alone at the head of the next: two go over together.
        let fit = (self.room() / lh).floor() as usize;
        if fit >= 3 && lines.len() == fit + 1 {
            self.flow_lines(&lines[..fit - 1], MARGIN_X, size, false, colour);
            self.new_page();
            self.flow_lines(&lines[fit - 1..], MARGIN_X, size, false, colour);
        } else {
            self.flow_lines(&lines, MARGIN_X, size, false, colour);
        }
        self.y += BLOCK_GAP * 0.8;
    }
}

/// For tests: every page of `pack` and what the layout found.
#[cfg(test)]
pub fn lay_out_pages(fonts: &Fonts, pack: &Pack) -> (Vec<Page>, Layout) {
    let mut pages = Vec::new();
    let layout = lay_out(fonts, pack, &mut pages);
    (pages, layout)
}

/// For tests: the text runs of each page, joined by newlines.
#[cfg(test)]
pub fn page_texts(pages: &[Page]) -> Vec<String> {
    pages
        .iter()
        .map(|p| p.texts().collect::<Vec<_>>().join("\n"))
        .collect()
}
