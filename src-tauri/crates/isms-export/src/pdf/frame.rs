//! What frames the body: the cover (title, company, as-of date, version, the cover facts), the
//! contents (every section with its page number and a link to it, filled in once the body is
//! laid out), and the running header (company · pack · confidentiality) and footer (as-of date,
//! "Page N of M") on every page but the cover. Cover facts longer than a few lines go to the
//! appendix like any clipped cell.

use super::canvas::{Mark, Page};
use super::flow::Flow;
use super::fonts::Fonts;
use super::style::*;
use super::text::{fit_with_suffix, wrap};
use crate::model::{Fact, Pack};

/// Most lines a cover fact shows before the rest goes to the appendix.
const COVER_FACT_LINES: usize = 5;
const TITLE_SIZE: f32 = 28.0;
const CONTENTS_SIZE: f32 = 10.5;
const CONTENTS_STEP: f32 = 21.0;
const CONTENTS_TITLE_SPACE: f32 = 60.0;

/// "15 June 2026".
pub fn long_date(day: chrono::NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

impl Flow<'_> {
    /// Draws the cover on the current (first) page.
    pub fn cover(&mut self, pack: &Pack) {
        let fonts = self.fonts;
        self.page().rect(0.0, 0.0, PAGE_W, 8.0, NAVY);
        self.page().rect(MARGIN_X, 190.0, 4.0, 150.0, NAVY);
        let x = MARGIN_X + 18.0;
        let w = BODY_W - 18.0;
        let company = wrap(fonts.bold(), &pack.company, 12.0, w);
        let mut y = 196.0;
        for line in &company {
            let base = self.baseline(y, 12.0, true);
            self.page().text(x, base, 12.0, true, MUTED, line);
            y += line_height(12.0);
        }
        y += 10.0;
        for line in wrap(fonts.bold(), &pack.title, TITLE_SIZE, w) {
            let base = self.baseline(y, TITLE_SIZE, true);
            self.page().text(x, base, TITLE_SIZE, true, NAVY, &line);
            y += TITLE_SIZE * 1.18;
        }
        y += 14.0;
        let as_of = format!("As of {}", long_date(pack.as_of));
        let base = self.baseline(y, 13.0, false);
        self.page().text(x, base, 13.0, false, INK, &as_of);
        y += line_height(13.0);
        for line in wrap(fonts.regular(), &pack.version, BODY_SIZE, w) {
            let base = self.baseline(y, BODY_SIZE, false);
            self.page().text(x, base, BODY_SIZE, false, MUTED, &line);
            y += line_height(BODY_SIZE);
        }
        // The accent bar spans the title block however many lines it took.
        if let Some(Mark::Rect { h, .. }) = self.page().marks.get_mut(1) {
            *h = (y - 190.0).max(40.0);
        }
        // The marking sits top right on the cover, as the running header has it on every
        // other page.
        let label = pack.confidentiality.as_str();
        let (ink, paper) = tone_colours(crate::model::Tone::Neutral);
        let lw = fonts.bold().width(label, 8.0);
        let right = MARGIN_X + BODY_W;
        self.page()
            .rect(right - lw - 10.0, 34.0, lw + 10.0, 14.0, paper);
        let base = self.baseline(34.0, 8.0, true) - 0.6;
        self.page()
            .text(right - lw - 5.0, base, 8.0, true, ink, label);

        let foot = PAGE_H - 92.0;
        // Facts start a little below the title block, higher up when there are many; they are
        // shortened (the rest in the appendix) so the cover's footer always has its place.
        let low = y.max(360.0) + 24.0;
        let high = y + 24.0;
        let room = |top: f32| foot - 20.0 - (top + 14.0);
        let facts = if self.facts_height(&pack.cover, COVER_FACT_LINES) <= room(low) {
            self.y = low;
            self.cover_facts(&pack.cover, room(low))
        } else {
            self.y = high;
            self.cover_facts(&pack.cover, room(high))
        };
        if !facts.is_empty() {
            self.rule(0.6, RULE);
            self.y += 14.0;
            self.facts(&facts);
        }
        self.page()
            .hline(MARGIN_X, MARGIN_X + BODY_W, foot, 0.6, RULE);
        let note = "Prepared with ISMS Desk from the ISMS records as of the date above.";
        let base = self.baseline(foot + 10.0, NOTE_SIZE, false);
        self.page()
            .text(MARGIN_X, base, NOTE_SIZE, false, MUTED, note);
    }

    /// The height of `facts` with each value cut to `limit` lines.
    fn facts_height(&self, facts: &[Fact], limit: usize) -> f32 {
        let label_w = self.fact_label_width(facts);
        facts
            .iter()
            .map(|f| self.fact_height(&self.shortened(f, limit, label_w, 999), label_w))
            .sum()
    }

    /// The cover's facts as they fit `room`: each at most [`COVER_FACT_LINES`] lines, fewer
    /// when that is too tall; when even one line each is too tall, as many as fit and a last
    /// fact that sends the reader to the rest in the appendix. What is cut is in the appendix.
    fn cover_facts(&mut self, facts: &[Fact], room: f32) -> Vec<Fact> {
        let label_w = self.fact_label_width(facts);
        let limit = (1..=COVER_FACT_LINES)
            .rev()
            .find(|limit| self.facts_height(facts, *limit) <= room);
        let keep = match limit {
            Some(_) => facts.len(),
            None => {
                let mut used = 0.0;
                let more = self.fact_height(&Fact::new("More", "9 further facts"), label_w);
                facts
                    .iter()
                    .take_while(|f| {
                        used += self.fact_height(&self.shortened(f, 1, label_w, 999), label_w);
                        used + more <= room
                    })
                    .count()
            }
        };
        let limit = limit.unwrap_or(1);
        let mut shown = Vec::with_capacity(keep + 1);
        for fact in &facts[..keep] {
            if self.value_lines(fact, label_w).len() <= limit {
                shown.push(fact.clone());
            } else {
                let number = self.clip(format!("Cover \u{b7} {}", fact.label), &fact.value);
                shown.push(self.shortened(fact, limit, label_w, number));
            }
        }
        let rest = &facts[keep..];
        if !rest.is_empty() {
            let text: Vec<String> = rest
                .iter()
                .map(|f| format!("{}: {}", f.label, f.value))
                .collect();
            let number = self.clip("Cover \u{b7} further facts".to_owned(), &text.join("\n"));
            shown.push(Fact::new(
                "More",
                format!("{} further facts (full text: A.{number})", rest.len()),
            ));
        }
        shown
    }

    fn value_lines(&self, fact: &Fact, label_w: f32) -> Vec<String> {
        wrap(
            self.fonts.regular(),
            &fact.value,
            BODY_SIZE,
            BODY_W - label_w,
        )
    }

    /// `fact` with its value cut to `limit` lines, the last ending with a reference to
    /// appendix entry `number`.
    fn shortened(&self, fact: &Fact, limit: usize, label_w: f32, number: usize) -> Fact {
        let lines = self.value_lines(fact, label_w);
        if lines.len() <= limit {
            return fact.clone();
        }
        let suffix = format!("\u{2026} (full text: A.{number})");
        let mut shown = lines[..limit - 1].join(" ");
        let last = fit_with_suffix(
            self.fonts.regular(),
            &lines[limit - 1],
            &suffix,
            BODY_SIZE,
            BODY_W - label_w,
        );
        if !shown.is_empty() {
            shown.push(' ');
        }
        shown.push_str(&last);
        Fact::new(fact.label.clone(), shown)
    }
}

/// How many pages the contents take for `entries` lines.
pub fn contents_pages(entries: usize) -> usize {
    let first = ((BODY_BOTTOM - BODY_TOP - CONTENTS_TITLE_SPACE) / CONTENTS_STEP) as usize;
    let more = ((BODY_BOTTOM - BODY_TOP) / CONTENTS_STEP) as usize;
    if entries <= first {
        1
    } else {
        1 + (entries - first).div_ceil(more.max(1))
    }
}

/// The contents: each entry's title, a dotted leader and its page, linked to that page.
pub fn contents(fonts: &Fonts, entries: &[(String, usize)]) -> Vec<Page> {
    let mut pages = vec![Page::default()];
    let mut y = BODY_TOP;
    let title_base = y + SECTION_SIZE;
    pages[0].text(MARGIN_X, title_base, SECTION_SIZE, true, NAVY, "Contents");
    y += SECTION_SIZE * 1.38 + 6.0;
    pages[0].hline(MARGIN_X, MARGIN_X + BODY_W, y, 1.2, NAVY);
    y = BODY_TOP + CONTENTS_TITLE_SPACE;
    let number_w = 26.0;
    let page_w = 30.0;
    for (title, page) in entries {
        if y + CONTENTS_STEP > BODY_BOTTOM {
            pages.push(Page::default());
            y = BODY_TOP;
        }
        let current = pages.len() - 1;
        let p = &mut pages[current];
        let base = y + CONTENTS_SIZE;
        let (number, rest) = match title.split_once(' ') {
            Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) => (n, rest),
            _ => ("", title.as_str()),
        };
        p.text(MARGIN_X, base, CONTENTS_SIZE, true, MUTED, number);
        let room = BODY_W - number_w - page_w - 12.0;
        let shown = if fonts.regular().width(rest, CONTENTS_SIZE) > room {
            fit_with_suffix(fonts.regular(), rest, "\u{2026}", CONTENTS_SIZE, room)
        } else {
            rest.to_owned()
        };
        p.text(MARGIN_X + number_w, base, CONTENTS_SIZE, false, INK, &shown);
        let page_text = page.to_string();
        p.text_right(
            fonts,
            MARGIN_X + BODY_W,
            base,
            CONTENTS_SIZE,
            false,
            INK,
            &page_text,
        );
        // Dotted leader between the title and the page number.
        let start = MARGIN_X + number_w + fonts.regular().width(&shown, CONTENTS_SIZE) + 6.0;
        let end = MARGIN_X + BODY_W - fonts.regular().width(&page_text, CONTENTS_SIZE) - 6.0;
        let dot_w = fonts.regular().width(". ", 8.0);
        if end > start + dot_w {
            let dots = ((end - start) / dot_w) as usize;
            let leader = ". ".repeat(dots);
            p.text_right(fonts, end, base, 8.0, false, RULE, leader.trim_end());
        }
        p.marks.push(Mark::Link {
            x: MARGIN_X,
            y: y - 3.0,
            w: BODY_W,
            h: CONTENTS_STEP - 2.0,
            page: *page,
        });
        y += CONTENTS_STEP;
    }
    pages
}

/// The running header and footer of page `number` of `total`.
pub fn decorate(page: &mut Page, fonts: &Fonts, pack: &Pack, number: usize, total: usize) {
    let right = MARGIN_X + BODY_W;
    let marking = pack.confidentiality.as_str();
    let marking_w = fonts.bold().width(marking, RUNNING_SIZE);
    let left = format!("{} \u{b7} {}", pack.company, pack.title);
    let room = BODY_W - marking_w - 24.0;
    let left = if fonts.regular().width(&left, RUNNING_SIZE) > room {
        fit_with_suffix(fonts.regular(), &left, "\u{2026}", RUNNING_SIZE, room)
    } else {
        left
    };
    page.text(MARGIN_X, HEADER_BASELINE, RUNNING_SIZE, false, MUTED, &left);
    page.text_right(
        fonts,
        right,
        HEADER_BASELINE,
        RUNNING_SIZE,
        true,
        MUTED,
        marking,
    );
    page.hline(MARGIN_X, right, HEADER_RULE, 0.5, RULE);
    page.hline(MARGIN_X, right, FOOTER_RULE, 0.5, RULE);
    let as_of = format!("As of {}", long_date(pack.as_of));
    page.text(
        MARGIN_X,
        FOOTER_BASELINE,
        RUNNING_SIZE,
        false,
        MUTED,
        &as_of,
    );
    let n = format!("Page {number} of {total}");
    page.text_right(
        fonts,
        right,
        FOOTER_BASELINE,
        RUNNING_SIZE,
        false,
        MUTED,
        &n,
    );
}
