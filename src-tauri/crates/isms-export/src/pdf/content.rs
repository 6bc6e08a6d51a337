//! A laid-out page as a PDF content stream: text runs as glyph codes of the subset faces
//! (Identity-H, two bytes a glyph; a line whose characters come from several faces is set as
//! one run per face, each continuing where the last ended), filled rectangles and stroked
//! rules, all flipped from our top-left origin to PDF's bottom-left. Colour, font and line width
//! are set only when they change. Links are not content: [`super::write`] makes them
//! annotations.

use super::canvas::{Mark, Page};
use super::embed::Embedded;
use super::fonts::Fonts;
use super::object::num;
use super::style::{PAGE_H, Rgb};

/// Turns pages into content streams; keeps one buffer and the graphics state between marks.
pub struct Painter<'a> {
    fonts: &'a Fonts,
    embedded: &'a Embedded,
    out: Vec<u8>,
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    line_width: Option<f32>,
    /// The font and size last set (text state outlives BT … ET).
    font: Option<(usize, f32)>,
}

impl<'a> Painter<'a> {
    pub fn new(fonts: &'a Fonts, embedded: &'a Embedded) -> Self {
        Self {
            fonts,
            embedded,
            out: Vec::with_capacity(64 * 1024),
            fill: None,
            stroke: None,
            line_width: None,
            font: None,
        }
    }

    /// The content stream of `page` (valid until the next call).
    pub fn paint(&mut self, page: &Page) -> &[u8] {
        self.out.clear();
        self.fill = None;
        self.stroke = None;
        self.line_width = None;
        self.font = None;
        for mark in &page.marks {
            match mark {
                Mark::Text {
                    x,
                    y,
                    size,
                    bold,
                    colour,
                    text,
                } => self.text(*x, *y, *size, *bold, *colour, text),
                Mark::Rect { x, y, w, h, fill } => {
                    self.set_fill(*fill);
                    for v in [*x, PAGE_H - y - h, *w, *h] {
                        num(&mut self.out, v);
                        self.out.push(b' ');
                    }
                    self.out.extend_from_slice(b"re f\n");
                }
                Mark::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    width,
                    colour,
                } => {
                    self.set_stroke(*colour, *width);
                    num(&mut self.out, *x1);
                    self.out.push(b' ');
                    num(&mut self.out, PAGE_H - y1);
                    self.out.extend_from_slice(b" m ");
                    num(&mut self.out, *x2);
                    self.out.push(b' ');
                    num(&mut self.out, PAGE_H - y2);
                    self.out.extend_from_slice(b" l S\n");
                }
                Mark::Link { .. } => {}
            }
        }
        &self.out
    }

    fn colour(&mut self, c: Rgb, op: &[u8]) {
        for v in [c.0, c.1, c.2] {
            num(&mut self.out, v);
            self.out.push(b' ');
        }
        self.out.extend_from_slice(op);
    }

    fn set_fill(&mut self, c: Rgb) {
        if self.fill != Some(c) {
            self.colour(c, b"rg\n");
            self.fill = Some(c);
        }
    }

    fn set_stroke(&mut self, c: Rgb, width: f32) {
        if self.stroke != Some(c) {
            self.colour(c, b"RG\n");
            self.stroke = Some(c);
        }
        if self.line_width != Some(width) {
            num(&mut self.out, width);
            self.out.extend_from_slice(b" w\n");
            self.line_width = Some(width);
        }
    }

    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, colour: Rgb, text: &str) {
        self.set_fill(colour);
        self.out.extend_from_slice(b"BT\n");
        let mut face = usize::MAX;
        let mut open = false;
        let mut first = true;
        for c in text.chars() {
            if c.is_control() {
                continue;
            }
            let g = self.fonts.glyph(c, bold);
            if g.face != face {
                if open {
                    self.out.extend_from_slice(b"> Tj\n");
                }
                face = g.face;
                if self.font != Some((face, size)) {
                    self.out.extend_from_slice(b"/F");
                    self.out.extend_from_slice(face.to_string().as_bytes());
                    self.out.push(b' ');
                    num(&mut self.out, size);
                    self.out.extend_from_slice(b" Tf\n");
                    self.font = Some((face, size));
                }
                if first {
                    num(&mut self.out, x);
                    self.out.push(b' ');
                    num(&mut self.out, PAGE_H - y);
                    self.out.extend_from_slice(b" Td\n");
                    first = false;
                }
                self.out.push(b'<');
                open = true;
            }
            let code = self.embedded.code(g);
            for shift in [12u16, 8, 4, 0] {
                self.out
                    .push(b"0123456789ABCDEF"[usize::from((code >> shift) & 0xf)]);
            }
        }
        if open {
            self.out.extend_from_slice(b"> Tj\n");
        }
        self.out.extend_from_slice(b"ET\n");
    }
}
