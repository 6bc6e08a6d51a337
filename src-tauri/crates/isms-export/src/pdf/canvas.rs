//! A laid-out page as a plain list of marks (text runs, filled rectangles, rules, links), in
//! points from the page's top-left corner. Layout writes marks; [`super::content`] turns them
//! into a content stream. Keeping this step plain data lets the tests read a layout (which page a
//! header repeats on, where a line wraps) without parsing a PDF.

use super::fonts::Fonts;
use super::style::Rgb;

#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// One line of text; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        colour: Rgb,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    /// A straight rule.
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        colour: Rgb,
    },
    /// A clickable area that goes to a page (1-based physical number).
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        page: usize,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub marks: Vec<Mark>,
}

impl Page {
    pub fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, colour: Rgb, text: &str) {
        if text.is_empty() {
            return;
        }
        self.marks.push(Mark::Text {
            x,
            y,
            size,
            bold,
            colour,
            text: text.to_owned(),
        });
    }

    /// Text ending at `right`.
    #[allow(clippy::too_many_arguments)]
    pub fn text_right(
        &mut self,
        fonts: &Fonts,
        right: f32,
        y: f32,
        size: f32,
        bold: bool,
        colour: Rgb,
        text: &str,
    ) {
        let w = fonts.style(bold).width(text, size);
        self.text(right - w, y, size, bold, colour, text);
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Rgb) {
        self.marks.push(Mark::Rect { x, y, w, h, fill });
    }

    pub fn hline(&mut self, x1: f32, x2: f32, y: f32, width: f32, colour: Rgb) {
        self.marks.push(Mark::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width,
            colour,
        });
    }

    pub fn vline(&mut self, x: f32, y1: f32, y2: f32, width: f32, colour: Rgb) {
        self.marks.push(Mark::Line {
            x1: x,
            y1,
            x2: x,
            y2,
            width,
            colour,
        });
    }

    /// A straight line between two points (a chart's segments).
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, colour: Rgb) {
        self.marks.push(Mark::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            colour,
        });
    }

    /// Every text run on the page, in drawing order (for tests).
    #[cfg(test)]
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.marks.iter().filter_map(|m| match m {
            Mark::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }
}
