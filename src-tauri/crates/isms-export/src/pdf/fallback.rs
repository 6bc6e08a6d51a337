//! System fonts for the characters DejaVu lacks (CJK names, emoji, rarer scripts). The system's
//! font database is read with `fontdb` (on Linux the folders fontconfig's files name, elsewhere
//! the system's font folders); each candidate face's character map is read here, bounds-checked,
//! without parsing the whole font. Candidates are tried in a fixed order (sans-serif before
//! others, Noto before other families, regular weight and upright style first, then by family
//! name and file), so the same system always picks the same faces and the same pack gives the
//! same bytes. Faces with TrueType outlines embed as subset `CIDFontType2` programs like
//! DejaVu; CFF-based OpenType faces (Noto Sans CJK) as subset `CIDFontType0` programs.

use std::collections::{BTreeSet, HashMap};

use super::fonts::Face;

/// The faces found and, for each character they cover, its face (regular, bold) by index.
#[derive(Default)]
pub struct Found {
    pub faces: Vec<Face>,
    pub chars: HashMap<char, [usize; 2]>,
}

/// One candidate face from the database, with what orders it.
struct Candidate {
    id: fontdb::ID,
    family: String,
    name: String,
    bold: bool,
    rank: (u8, u8, u16, u8),
    path: String,
    index: u32,
}

/// Faces of the system that together cover as many of `lacking` as they can.
pub fn find(lacking: &BTreeSet<char>) -> Found {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    let mut candidates: Vec<Candidate> = db.faces().map(candidate).collect();
    candidates.sort_by(|a, b| {
        (a.rank, &a.family, &a.path, a.index).cmp(&(b.rank, &b.family, &b.path, b.index))
    });
    let mut found = Found::default();
    let mut left: BTreeSet<char> = lacking.clone();
    // Regular faces first: each takes the characters it has that no earlier face took.
    for c in candidates.iter().filter(|c| !c.bold) {
        if left.is_empty() {
            break;
        }
        let Some(has) = db.with_face_data(c.id, |data, index| covered(data, index, &left)) else {
            continue;
        };
        if has.is_empty() {
            continue;
        }
        let Some(face) = db.with_face_data(c.id, |data, index| {
            Face::parse(data, index as usize, &c.name)
        }) else {
            continue;
        };
        let Some(face) = face else { continue };
        let regular = found.faces.len();
        found.faces.push(face);
        // The same family's bold face, when it has them all too.
        let bold = candidates
            .iter()
            .filter(|b| b.bold && b.family == c.family)
            .find_map(|b| {
                let all = db.with_face_data(b.id, |data, index| covered(data, index, &has))?;
                if all.len() != has.len() {
                    return None;
                }
                db.with_face_data(b.id, |data, index| {
                    Face::parse(data, index as usize, &b.name)
                })?
            });
        let bold = match bold {
            Some(face) => {
                found.faces.push(face);
                found.faces.len() - 1
            }
            None => regular,
        };
        for ch in has {
            left.remove(&ch);
            found.chars.insert(ch, [regular, bold]);
        }
    }
    found
}

fn candidate(info: &fontdb::FaceInfo) -> Candidate {
    let family = info
        .families
        .first()
        .map(|(name, _)| name.clone())
        .unwrap_or_default();
    let lower = family.to_lowercase();
    let style = match () {
        _ if info.monospaced || lower.contains("mono") => 3,
        _ if lower.contains("sans") || lower.contains("gothic") => 0,
        _ if lower.contains("serif") || lower.contains("mincho") => 2,
        _ => 1,
    };
    // Noto is made to cover every script evenly; the others after it, by name.
    let noto = u8::from(!lower.starts_with("noto"));
    let bold = info.weight.0 >= 600;
    let upright = u8::from(info.style != fontdb::Style::Normal);
    let weight_gap = info.weight.0.abs_diff(if bold { 700 } else { 400 });
    let path = match &info.source {
        fontdb::Source::File(path) => path.display().to_string(),
        _ => String::new(),
    };
    Candidate {
        id: info.id,
        family,
        name: info.post_script_name.clone(),
        bold,
        rank: (style, noto, weight_gap, upright),
        path,
        index: info.index,
    }
}

/// Which of `wanted` face `index` of `data` maps to a glyph, if it has TrueType or CFF
/// outlines (not CFF2, whose variable outlines printpdf cannot subset).
fn covered(data: &[u8], index: u32, wanted: &BTreeSet<char>) -> BTreeSet<char> {
    let Some(tables) = Tables::read(data, index) else {
        return BTreeSet::new();
    };
    if tables.find(b"glyf").is_none() && tables.find(b"CFF ").is_none() {
        return BTreeSet::new();
    }
    let Some(cmap) = tables.find(b"cmap") else {
        return BTreeSet::new();
    };
    wanted
        .iter()
        .copied()
        .filter(|c| cmap_lookup(cmap, *c as u32).is_some_and(|g| g != 0))
        .collect()
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    let b = data.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([b[0], b[1]]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let b = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

/// A face's table directory (inside a collection when the file is one).
struct Tables<'a> {
    data: &'a [u8],
    directory: usize,
    count: usize,
}

impl<'a> Tables<'a> {
    fn read(data: &'a [u8], index: u32) -> Option<Self> {
        let directory = if data.get(..4)? == b"ttcf" {
            let faces = u32_at(data, 8)?;
            if index >= faces {
                return None;
            }
            u32_at(data, 12 + 4 * index as usize)? as usize
        } else {
            0
        };
        let count = usize::from(u16_at(data, directory + 4)?);
        Some(Self {
            data,
            directory,
            count,
        })
    }

    /// The bytes of table `tag`.
    fn find(&self, tag: &[u8; 4]) -> Option<&'a [u8]> {
        (0..self.count).find_map(|i| {
            let record = self.directory + 12 + 16 * i;
            if self.data.get(record..record + 4)? != tag {
                return None;
            }
            let offset = u32_at(self.data, record + 8)? as usize;
            let length = u32_at(self.data, record + 12)? as usize;
            self.data.get(offset..offset.checked_add(length)?)
        })
    }
}

/// The glyph `cmap` gives code point `cp`, from its Unicode subtable (format 12, else 4).
fn cmap_lookup(cmap: &[u8], cp: u32) -> Option<u16> {
    let count = usize::from(u16_at(cmap, 2)?);
    let mut best: Option<(u8, usize)> = None;
    for i in 0..count {
        let record = 4 + 8 * i;
        let platform = u16_at(cmap, record)?;
        let encoding = u16_at(cmap, record + 2)?;
        let offset = u32_at(cmap, record + 4)? as usize;
        let format = u16_at(cmap, offset)?;
        let unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
        let score = match format {
            12 if unicode => 2,
            4 if unicode => 1,
            _ => continue,
        };
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, offset));
        }
    }
    let (score, offset) = best?;
    let table = cmap.get(offset..)?;
    if score == 2 {
        format12(table, cp)
    } else {
        format4(table, cp)
    }
}

fn format12(table: &[u8], cp: u32) -> Option<u16> {
    let groups = u32_at(table, 12)? as usize;
    let (mut lo, mut hi) = (0, groups);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let at = 16 + 12 * mid;
        let start = u32_at(table, at)?;
        let end = u32_at(table, at + 4)?;
        if cp < start {
            hi = mid;
        } else if cp > end {
            lo = mid + 1;
        } else {
            let glyph = u32_at(table, at + 8)?.checked_add(cp - start)?;
            return u16::try_from(glyph).ok();
        }
    }
    None
}

fn format4(table: &[u8], cp: u32) -> Option<u16> {
    let cp = u16::try_from(cp).ok()?;
    let segments = usize::from(u16_at(table, 6)? / 2);
    let ends = 14;
    let starts = ends + 2 * segments + 2;
    let deltas = starts + 2 * segments;
    let ranges = deltas + 2 * segments;
    for s in 0..segments {
        let end = u16_at(table, ends + 2 * s)?;
        if cp > end {
            continue;
        }
        let start = u16_at(table, starts + 2 * s)?;
        if cp < start {
            return None;
        }
        let delta = u16_at(table, deltas + 2 * s)?;
        let range = u16_at(table, ranges + 2 * s)?;
        if range == 0 {
            return Some(cp.wrapping_add(delta));
        }
        let at = ranges + 2 * s + usize::from(range) + 2 * usize::from(cp - start);
        let glyph = u16_at(table, at)?;
        return Some(if glyph == 0 {
            0
        } else {
            glyph.wrapping_add(delta)
        });
    }
    None
}
