//! The two embedded faces (DejaVu Sans regular and bold, shipped in `fonts/` with their
//! licence) and their measurements. Widths come from each glyph's advance in the font's `hmtx`
//! table, exactly as printpdf will place the glyphs (one glyph per character, no kerning), so a
//! line we measure to fit a column does fit it. Characters the font lacks are replaced before
//! measuring, so what is measured is what is printed.

use printpdf::ParsedFont;

use crate::error::{ExportError, Result};

const REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// Characters below this have their advances cached in a table.
const CACHED: usize = 0x0300;

/// One face: the parsed font and the metrics layout needs.
pub struct Face {
    pub parsed: ParsedFont,
    units_per_em: f32,
    /// Ascender above the baseline, in ems.
    pub ascent: f32,
    /// Descender below the baseline, in ems (positive).
    pub descent: f32,
    advances: Vec<u16>,
    has_glyph: Vec<bool>,
}

impl Face {
    fn parse(bytes: &[u8], name: &str) -> Result<Self> {
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
            .ok_or_else(|| ExportError::render(format!("The embedded font {name} is damaged.")))?;
        let metrics = &parsed.pdf_font_metrics;
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        let ascent = f32::from(metrics.ascender) / units_per_em;
        let descent = -f32::from(metrics.descender) / units_per_em;
        let mut advances = vec![0; CACHED];
        let mut has_glyph = vec![false; CACHED];
        for cp in 0..CACHED {
            if let Some(gid) = parsed.lookup_glyph_index(cp as u32) {
                advances[cp] = parsed.get_horizontal_advance(gid);
                has_glyph[cp] = gid != 0;
            }
        }
        Ok(Self {
            parsed,
            units_per_em,
            ascent,
            descent,
            advances,
            has_glyph,
        })
    }

    /// Whether the face has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        let cp = c as usize;
        if cp < CACHED {
            self.has_glyph[cp]
        } else {
            self.parsed
                .lookup_glyph_index(c as u32)
                .is_some_and(|g| g != 0)
        }
    }

    /// The advance of `c` in font units (the `.notdef` glyph's for a missing one).
    fn advance(&self, c: char) -> u16 {
        let cp = c as usize;
        if cp < CACHED {
            return self.advances[cp];
        }
        let gid = self.parsed.lookup_glyph_index(c as u32).unwrap_or(0);
        self.parsed.get_horizontal_advance(gid)
    }

    /// The width of `text` set at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| u32::from(self.advance(c))).sum();
        units as f32 * size / self.units_per_em
    }

    /// `text` made printable: tabs and line separators become spaces, other control
    /// characters go, and a character the face lacks becomes "?" rather than a blank box.
    pub fn clean(&self, text: &str) -> String {
        text.chars()
            .filter_map(|c| match c {
                '\n' => Some('\n'),
                '\t' | '\r' | '\u{2028}' | '\u{2029}' | '\u{a0}' => Some(' '),
                c if c.is_control() => None,
                c if self.has(c) => Some(c),
                _ => Some('?'),
            })
            .collect()
    }
}

/// Both faces.
pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    pub fn load() -> Result<Self> {
        Ok(Self {
            regular: Face::parse(REGULAR, "DejaVu Sans")?,
            bold: Face::parse(BOLD, "DejaVu Sans Bold")?,
        })
    }

    pub fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }
}
