//! The appendix: cell texts too long for their table column (and cover facts too long for the
//! cover) are printed here whole, each under its number A.n, to which the clipped cell refers,
//! so nothing is cut silently.

use super::flow::Flow;
use super::style::*;
use super::text::wrap;

/// The appendix's title, as printed and listed.
pub const APPENDIX_TITLE: &str = "Appendix: full texts";

/// A cell text that did not fit its column, printed whole in the appendix as A.`number`.
#[derive(Debug, Clone, PartialEq)]
pub struct Clipped {
    pub number: usize,
    pub label: String,
    pub text: String,
}

impl Flow<'_> {
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

    pub(super) fn appendix_section(&mut self) {
        self.section_title("", APPENDIX_TITLE, false);
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
            let label = wrap(self.fonts.bold(), &entry.label, BODY_SIZE, BODY_W - indent);
            let body = wrap(
                self.fonts.regular(),
                &entry.text,
                BODY_SIZE,
                BODY_W - indent,
            );
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
