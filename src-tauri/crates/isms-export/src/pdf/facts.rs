//! Label–value pairs (a rule's finding and fix, a record's details, the cover's facts): labels
//! in a column sized to the longest, values wrapped beside them. A fact is never split unless
//! it is taller than a third of a page.

use super::flow::Flow;
use super::style::*;
use super::text::wrap;
use crate::model::Fact;

impl Flow<'_> {
    pub fn fact_label_width(&self, facts: &[Fact]) -> f32 {
        let widest = facts
            .iter()
            .map(|f| self.fonts.bold().width(&f.label, NOTE_SIZE))
            .fold(0.0, f32::max);
        (widest + 16.0).clamp(90.0, BODY_W * 0.38)
    }

    pub fn fact_height(&self, fact: &Fact, label_w: f32) -> f32 {
        let label = wrap(self.fonts.bold(), &fact.label, NOTE_SIZE, label_w - 12.0);
        let value = wrap(
            self.fonts.regular(),
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
            let label = wrap(self.fonts.bold(), &fact.label, NOTE_SIZE, label_w - 12.0);
            let value = wrap(
                self.fonts.regular(),
                &fact.value,
                BODY_SIZE,
                BODY_W - label_w,
            );
            let top = self.y;
            let page = self.page_index;
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
            if self.page_index == page {
                self.y = self.y.max(label_bottom);
            }
            self.y += 5.0;
        }
        self.y += BLOCK_GAP * 0.6;
    }
}
