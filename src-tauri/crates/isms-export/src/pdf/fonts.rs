//! The faces text is set in and their measurements. DejaVu Sans regular and bold are embedded
//! in the program (`fonts/`, with their licence) and set every character they have; a character
//! they lack is set in a system font that has it, chosen before layout by [`super::fallback`];
//! a character no font has is printed as the replacement mark "\u{fffd}" and listed at the end
//! of the pack. Widths come from each glyph's advance in its face's `hmtx` table, exactly as the
//! glyphs are placed (one glyph per character, no kerning), so a line measured to fit a column
//! does fit it.

use std::collections::{BTreeSet, HashMap};

use printpdf::ParsedFont;

use crate::error::{ExportError, Result};

const REGULAR: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// Characters below this have their glyphs and advances cached in a table.
const CACHED: usize = 0x0300;
/// What a character no face has is printed as.
pub const REPLACEMENT: char = '\u{fffd}';

/// One face: the parsed font and the metrics layout needs.
pub struct Face {
    pub parsed: ParsedFont,
    /// The face's PostScript name (for the PDF's font names), letters and digits only.
    pub name: String,
    units_per_em: f32,
    /// Ascender above the baseline, in ems.
    pub ascent: f32,
    /// Descender below the baseline, in ems (positive).
    pub descent: f32,
    /// For the cached characters: the glyph (0: none) and its advance in ems.
    glyphs: Vec<u16>,
    ems: Vec<f32>,
}

impl Face {
    /// Parses face `index` of `bytes`; `None` when it is not a usable font.
    pub fn parse(bytes: &[u8], index: usize, name: &str) -> Option<Self> {
        let parsed = ParsedFont::from_bytes(bytes, index, &mut Vec::new())?;
        let metrics = &parsed.pdf_font_metrics;
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        let ascent = f32::from(metrics.ascender) / units_per_em;
        let descent = -f32::from(metrics.descender) / units_per_em;
        let mut face = Self {
            parsed,
            name: name.chars().filter(char::is_ascii_alphanumeric).collect(),
            units_per_em,
            ascent,
            descent,
            glyphs: Vec::new(),
            ems: Vec::new(),
        };
        let (glyphs, ems) = (0..CACHED as u32)
            .map(|cp| {
                let gid = face.lookup(cp);
                (gid, face.em(gid))
            })
            .unzip();
        face.glyphs = glyphs;
        face.ems = ems;
        Some(face)
    }

    fn lookup(&self, cp: u32) -> u16 {
        self.parsed.lookup_glyph_index(cp).unwrap_or(0)
    }

    /// The advance of glyph `gid` in ems.
    fn em(&self, gid: u16) -> f32 {
        f32::from(self.parsed.get_horizontal_advance(gid)) / self.units_per_em
    }

    /// The advance of glyph `gid` in thousandths of an em (the PDF's glyph widths).
    pub fn thousandths(&self, gid: u16) -> i64 {
        (f32::from(self.parsed.get_horizontal_advance(gid)) * 1000.0 / self.units_per_em) as i64
    }

    /// The glyph of `c`, 0 when the face lacks it.
    pub fn glyph(&self, c: char) -> u16 {
        match self.glyphs.get(c as usize) {
            Some(gid) => *gid,
            None => self.lookup(c as u32),
        }
    }

    pub fn has(&self, c: char) -> bool {
        self.glyph(c) != 0
    }
}

/// Where a character is printed: a face of [`Fonts`] and its glyph there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph {
    pub face: usize,
    pub gid: u16,
}

/// The two DejaVu faces (0 regular, 1 bold), then the system faces that set what they lack.
pub struct Fonts {
    pub faces: Vec<Face>,
    /// For each character DejaVu lacks and a system face has: that face, regular and bold.
    fallback: HashMap<char, [usize; 2]>,
    /// Characters no face has; printed as [`REPLACEMENT`].
    pub missing: BTreeSet<char>,
}

impl Fonts {
    /// DejaVu alone: a character it lacks prints as the replacement mark.
    pub fn load() -> Result<Self> {
        let damaged =
            |name: &str| ExportError::render(format!("The embedded font {name} is damaged."));
        let regular =
            Face::parse(REGULAR, 0, "DejaVuSans").ok_or_else(|| damaged("DejaVu Sans"))?;
        let bold =
            Face::parse(BOLD, 0, "DejaVuSans-Bold").ok_or_else(|| damaged("DejaVu Sans Bold"))?;
        Ok(Self {
            faces: vec![regular, bold],
            fallback: HashMap::new(),
            missing: BTreeSet::new(),
        })
    }

    /// DejaVu, with system faces for `wanted`'s characters it lacks (looked up in the font
    /// database only when there are some); what no face has is recorded in `missing`.
    pub fn load_for(wanted: &BTreeSet<char>) -> Result<Self> {
        let mut fonts = Self::load()?;
        let lacking: BTreeSet<char> = wanted
            .iter()
            .copied()
            .filter(|c| !(c.is_control() || fonts.faces[0].has(*c) && fonts.faces[1].has(*c)))
            .collect();
        if lacking.is_empty() {
            return Ok(fonts);
        }
        let found = super::fallback::find(&lacking);
        for face in found.faces {
            fonts.faces.push(face);
        }
        for c in lacking {
            match found.chars.get(&c) {
                Some(&[regular, bold]) => {
                    fonts.fallback.insert(c, [regular + 2, bold + 2]);
                }
                None if fonts.faces[0].has(c) || fonts.faces[1].has(c) => {}
                None => {
                    fonts.missing.insert(c);
                }
            }
        }
        Ok(fonts)
    }

    /// DejaVu with `face` for `chars` (tests of one system face).
    #[cfg(test)]
    pub fn with_face(face: Face, chars: &[char]) -> Result<Self> {
        let mut fonts = Self::load()?;
        fonts.faces.push(face);
        for c in chars {
            fonts.fallback.insert(*c, [2, 2]);
        }
        Ok(fonts)
    }

    pub fn regular(&self) -> Style<'_> {
        self.style(false)
    }

    pub fn bold(&self) -> Style<'_> {
        self.style(true)
    }

    pub fn style(&self, bold: bool) -> Style<'_> {
        Style { fonts: self, bold }
    }

    /// Where `c` is printed in the regular or bold style.
    pub fn glyph(&self, c: char, bold: bool) -> Glyph {
        let own = usize::from(bold);
        let gid = self.faces[own].glyph(c);
        if gid != 0 {
            return Glyph { face: own, gid };
        }
        if let Some(faces) = self.fallback.get(&c) {
            let face = faces[own];
            return Glyph {
                face,
                gid: self.faces[face].glyph(c),
            };
        }
        // The other DejaVu weight has it: better the wrong weight than no character.
        let other = 1 - own;
        let gid = self.faces[other].glyph(c);
        if gid != 0 {
            return Glyph { face: other, gid };
        }
        Glyph {
            face: own,
            gid: self.faces[own].glyph(REPLACEMENT),
        }
    }

    /// The advance of `c` in ems.
    fn em(&self, c: char, bold: bool) -> f32 {
        let face = &self.faces[usize::from(bold)];
        if let Some(gid) = face.glyphs.get(c as usize)
            && *gid != 0
        {
            return face.ems[c as usize];
        }
        let g = self.glyph(c, bold);
        self.faces[g.face].em(g.gid)
    }
}

/// Text in one style (regular or bold), whatever faces its characters come from.
#[derive(Clone, Copy)]
pub struct Style<'a> {
    fonts: &'a Fonts,
    pub bold: bool,
}

impl Style<'_> {
    fn face(&self) -> &Face {
        &self.fonts.faces[usize::from(self.bold)]
    }

    /// Ascender above the baseline, in ems (DejaVu's, which sets the line).
    pub fn ascent(&self) -> f32 {
        self.face().ascent
    }

    pub fn descent(&self) -> f32 {
        self.face().descent
    }

    /// The width of `text` set at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .filter(|c| !c.is_control())
            .map(|c| self.fonts.em(c, self.bold))
            .sum::<f32>()
            * size
    }

    /// `text` made printable: tabs and line separators become spaces and other control
    /// characters go. What no face has stays, to be printed as the replacement mark.
    pub fn clean(&self, text: &str) -> String {
        clean(text)
    }
}

/// `text` with tabs and line separators as spaces and no other control character.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' | '\r' | '\u{2028}' | '\u{2029}' | '\u{a0}' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}
