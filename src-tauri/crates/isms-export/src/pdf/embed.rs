//! The fonts in the file: every glyph the pages use is collected on the first layout pass
//! ([`GlyphSet`], a [`Sink`] that keeps no page), then each face is subset to those glyphs by
//! printpdf's subsetter and written once as a Type 0 font over a `CIDFontType2` with its
//! widths, its descriptor and a ToUnicode map (so the text extracts), before any page is
//! written. The subset renumbers glyphs 1, 2, 3… in the order of the original glyph ids, so the
//! same glyphs give the same font bytes.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

use sha2::{Digest, Sha256};

use super::canvas::{Mark, Page};
use super::flow::Sink;
use super::fonts::{Fonts, Glyph, REPLACEMENT};
use super::object::{ObjectWriter, r};
use crate::error::{ExportError, Result};

/// Every glyph the pages use, by face: `chars[face][gid]` is the character it prints (0: unused).
pub struct GlyphSet<'a> {
    fonts: &'a Fonts,
    chars: Vec<Vec<u32>>,
    /// Where the replacement mark is, regular and bold.
    replacement: [Glyph; 2],
    /// Pages seen.
    pub pages: usize,
}

impl<'a> GlyphSet<'a> {
    pub fn new(fonts: &'a Fonts) -> Self {
        let chars = fonts
            .faces
            .iter()
            .map(|f| vec![0; usize::from(f.parsed.num_glyphs).max(1)])
            .collect();
        Self {
            fonts,
            chars,
            replacement: [false, true].map(|bold| fonts.glyph(REPLACEMENT, bold)),
            pages: 0,
        }
    }

    /// Notes the glyphs `text` is printed with.
    pub fn add(&mut self, text: &str, bold: bool) {
        for c in text.chars() {
            if c.is_control() {
                continue;
            }
            let g = self.fonts.glyph(c, bold);
            // A character no face has is printed, and so extracted, as the replacement mark.
            let shown = if g == self.replacement[usize::from(bold)] {
                REPLACEMENT
            } else {
                c
            };
            if let Some(slot) = self.chars[g.face].get_mut(usize::from(g.gid))
                && *slot == 0
            {
                *slot = shown as u32;
            }
        }
    }

    /// Notes the glyphs of every text on `page`.
    pub fn add_page(&mut self, page: &Page) {
        for mark in &page.marks {
            if let Mark::Text { bold, text, .. } = mark {
                self.add(text, *bold);
            }
        }
    }
}

impl Sink for GlyphSet<'_> {
    fn page(&mut self, page: Page) {
        self.add_page(&page);
        self.pages += 1;
    }
}

/// The written fonts: each face's object and the code its glyphs have in content streams.
pub struct Embedded {
    /// `codes[face][gid]`: the glyph's number in the subset (0 for one not used).
    codes: Vec<Vec<u16>>,
    /// The Type 0 font object of each face that is used, with its resource name.
    objects: Vec<(usize, u32)>,
    /// Whether a font program is a whole OpenType file (which PDF 1.6 allows).
    pub opentype: bool,
}

/// What a subset font program is, as PDF embeds it. TrueType outlines embed as they are and
/// their glyph numbers are the codes. A CFF-based face (Noto Sans CJK, the Hiragino and
/// PingFang faces) embeds its bare CFF table when it is CID-keyed, the codes then being the
/// glyphs' CIDs from its charset, or else the whole OpenType file.
enum Program {
    TrueType,
    CidCff {
        table: Vec<u8>,
        cids: BTreeMap<u16, u16>,
    },
    OpenType,
}

impl Program {
    fn of(subset: &printpdf::SubsetFont) -> Self {
        if !subset.bytes.starts_with(b"OTTO") {
            return Self::TrueType;
        }
        match (
            printpdf::extract_cid_keyed_cff(&subset.bytes, 0),
            printpdf::cff_charset_gid_to_cid_map(&subset.bytes, 0),
        ) {
            (Some(table), Some(cids)) => Self::CidCff { table, cids },
            _ => Self::OpenType,
        }
    }

    /// The code of subset glyph `gid` in content streams.
    fn code(&self, gid: u16) -> u16 {
        match self {
            Self::CidCff { cids, .. } => cids.get(&gid).copied().unwrap_or(gid),
            _ => gid,
        }
    }
}

impl Embedded {
    /// Subsets and writes every face `set` uses.
    pub fn write<W: Write>(
        fonts: &Fonts,
        set: GlyphSet<'_>,
        out: &mut ObjectWriter<W>,
    ) -> Result<Self> {
        let mut codes = Vec::with_capacity(fonts.faces.len());
        let mut objects = Vec::new();
        let mut opentype = false;
        for (index, (face, chars)) in fonts.faces.iter().zip(set.chars).enumerate() {
            let used: BTreeMap<u16, String> = chars
                .iter()
                .enumerate()
                .filter(|(gid, c)| **c != 0 && *gid != 0)
                .filter_map(|(gid, c)| Some((gid as u16, char::from_u32(*c)?.to_string())))
                .collect();
            let mut code = vec![0u16; chars.len()];
            if used.is_empty() {
                codes.push(code);
                continue;
            }
            let subset = printpdf::subset_font(&face.parsed, &used).map_err(|e| {
                ExportError::render(format!("Subsetting the font {} failed: {e}", face.name))
            })?;
            let program = Program::of(&subset);
            opentype |= matches!(program, Program::OpenType);
            for (old, (new, _)) in &subset.glyph_mapping {
                code[usize::from(*old)] = program.code(*new);
            }
            let id = write_face(out, fonts, index, &used, &subset, &program)?;
            objects.push((index, id));
            codes.push(code);
        }
        Ok(Self {
            codes,
            objects,
            opentype,
        })
    }

    /// The code glyph `g` has in content streams.
    pub fn code(&self, g: Glyph) -> u16 {
        self.codes
            .get(g.face)
            .and_then(|c| c.get(usize::from(g.gid)))
            .copied()
            .unwrap_or(0)
    }

    /// The pages' font resources: /F<face> for each face used.
    pub fn font_dict(&self) -> String {
        let mut dict = String::from("<<");
        for (face, id) in &self.objects {
            let _ = write!(dict, "/F{face} {}", r(*id));
        }
        dict.push_str(">>");
        dict
    }
}

/// Six capital letters naming a subset, from the face and the glyphs in it (the same glyphs
/// give the same tag, as PDF asks of a subset's name).
fn subset_tag(index: usize, used: &BTreeMap<u16, String>) -> String {
    let mut hash = Sha256::new();
    hash.update(index.to_be_bytes());
    for gid in used.keys() {
        hash.update(gid.to_be_bytes());
    }
    hash.finalize()
        .iter()
        .take(6)
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

fn write_face<W: Write>(
    out: &mut ObjectWriter<W>,
    fonts: &Fonts,
    index: usize,
    used: &BTreeMap<u16, String>,
    subset: &printpdf::SubsetFont,
    kind: &Program,
) -> Result<u32> {
    let io = |e: std::io::Error| ExportError::render(format!("Writing the PDF failed: {e}"));
    let face = &fonts.faces[index];
    let name = format!("{}+{}", subset_tag(index, used), face.name);
    let m = &face.parsed.pdf_font_metrics;
    let scale = 1000.0 / f32::from(m.units_per_em.max(1));
    let s = |v: i16| (f32::from(v) * scale).round() as i64;
    let cap = face
        .parsed
        .font_metrics
        .cap_height
        .map_or(s(m.ascender), |c| (c * scale).round() as i64);
    let stem = if m.us_weight_class == 0 {
        80
    } else {
        50 + (f32::from(m.us_weight_class) / 65.0).powi(2).round() as i64
    };

    let program = out.reserve();
    let (file_key, subtype) = match kind {
        Program::TrueType => {
            let dict = format!(" /Length1 {}", subset.bytes.len());
            out.stream(program, &dict, &subset.bytes, 6).map_err(io)?;
            ("FontFile2", "CIDFontType2")
        }
        Program::CidCff { table, .. } => {
            out.stream(program, " /Subtype /CIDFontType0C", table, 6)
                .map_err(io)?;
            ("FontFile3", "CIDFontType0")
        }
        Program::OpenType => {
            out.stream(program, " /Subtype /OpenType", &subset.bytes, 6)
                .map_err(io)?;
            ("FontFile3", "CIDFontType0")
        }
    };
    let descriptor = out.reserve();
    let body = format!(
        "<</Type /FontDescriptor /FontName /{name} /Flags 32 /FontBBox [{} {} {} {}] \
         /ItalicAngle 0 /Ascent {} /Descent {} /CapHeight {cap} /StemV {stem} /{file_key} {}>>",
        s(m.x_min),
        s(m.y_min),
        s(m.x_max),
        s(m.y_max),
        s(m.ascender),
        s(m.descender),
        r(program)
    );
    out.object(descriptor, body.as_bytes()).map_err(io)?;

    // Glyph codes run 1..=n in a TrueType subset (one /W run after .notdef's); CIDs may skip.
    let mut by_code: Vec<(u16, u16, &str)> = subset
        .glyph_mapping
        .iter()
        .map(|(old, (new, text))| (kind.code(*new), *old, text.as_str()))
        .collect();
    by_code.sort_unstable();
    let mut widths = format!("[0 [{}", face.thousandths(0));
    let mut next = 1;
    for (code, old, _) in &by_code {
        if *code != next {
            let _ = write!(widths, "] {code} [");
            next = *code;
        } else {
            widths.push(' ');
        }
        let _ = write!(widths, "{}", face.thousandths(*old));
        next += 1;
    }
    widths.push_str("]]");

    let cid = out.reserve();
    // Only a TrueType-based CID font maps CIDs to glyphs; CFF resolves them in its charset.
    let gid_map = if subtype == "CIDFontType2" {
        " /CIDToGIDMap /Identity"
    } else {
        ""
    };
    let body = format!(
        "<</Type /Font /Subtype /{subtype} /BaseFont /{name} \
         /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> \
         /FontDescriptor {} /DW 1000 /W {widths}{gid_map}>>",
        r(descriptor)
    );
    out.object(cid, body.as_bytes()).map_err(io)?;

    let unicode = out.reserve();
    out.stream(unicode, "", to_unicode(&by_code).as_bytes(), 6)
        .map_err(io)?;
    let font = out.reserve();
    let body = format!(
        "<</Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H \
         /DescendantFonts [{}] /ToUnicode {}>>",
        r(cid),
        r(unicode)
    );
    out.object(font, body.as_bytes()).map_err(io)?;
    Ok(font)
}

/// The ToUnicode CMap: each glyph code to the character it prints.
fn to_unicode(glyphs: &[(u16, u16, &str)]) -> String {
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for chunk in glyphs.chunks(100) {
        let _ = writeln!(cmap, "{} beginbfchar", chunk.len());
        for (code, _, text) in chunk {
            let _ = write!(cmap, "<{code:04X}> <");
            for unit in text.encode_utf16() {
                let _ = write!(cmap, "{unit:04X}");
            }
            cmap.push_str(">\n");
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    cmap
}
