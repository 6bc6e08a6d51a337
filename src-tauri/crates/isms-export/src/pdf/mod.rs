//! The layout layer: a [`Pack`] laid out as a PDF on A4 portrait pages, in two passes over the
//! same layout code so that memory does not grow with the page count. Before layout, every
//! character of the pack is looked at once and the faces that print it are chosen ([`fonts`],
//! [`fallback`]). The first pass lays out the body ([`flow`], [`table`], [`heatmap`],
//! [`chart`]) keeping no page: it counts the pages, notes where every section and heading
//! landed and which glyphs are used ([`embed`]). Then the fonts are subset and written, the
//! contents are drawn with the page numbers now known ([`frame`]), and the second pass lays out
//! the body again, each page getting its running header and "Page N of M" footer and going
//! straight into the file as a compressed content stream ([`write`], [`content`],
//! [`object`]). Packs never see a coordinate; this layer never reads the vault.

mod appendix;
mod canvas;
mod chart;
mod columns;
mod content;
mod embed;
mod facts;
mod fallback;
mod flow;
mod fonts;
mod frame;
mod heatmap;
mod keep;
mod object;
mod scan;
mod style;
mod table;
mod text;
mod write;

#[cfg(test)]
mod font_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod widow_tests;

use std::io::Write;

use crate::error::Result;
use crate::model::Pack;

pub use frame::long_date;

/// The contents' title, as printed and in the outline.
pub const CONTENTS_TITLE: &str = "Contents";
pub use appendix::APPENDIX_TITLE;
pub use scan::UNPRINTED_TITLE;
pub use write::LANGUAGE;

/// `pack` as PDF bytes; the same pack always gives the same bytes.
pub fn render(pack: &Pack) -> Result<Vec<u8>> {
    render_to(pack, Vec::new())
}

/// `pack` written as a PDF to `out`, page by page; returns `out`. Memory stays that of one page
/// (and of the pack) however long the pack is.
pub fn render_to<W: Write>(pack: &Pack, out: W) -> Result<W> {
    let fonts = fonts::Fonts::load_for(&scan::characters(pack))?;
    render_with(&fonts, pack, out)
}

/// `pack` written with `fonts` (chosen for its characters).
fn render_with<W: Write>(fonts: &fonts::Fonts, pack: &Pack, out: W) -> Result<W> {
    // First pass: the pages counted, the outline's anchors and the glyphs used.
    let mut glyphs = embed::GlyphSet::new(fonts);
    let first = flow::lay_out(fonts, pack, &mut glyphs);
    let contents_n = frame::contents_pages(first.outline.len());
    // The cover is page 1, the contents follow, then the body (flow page 1 onwards).
    let physical = |index: usize| index + 1 + contents_n;
    let total = first.pages + contents_n;
    let entries: Vec<(String, usize)> = first
        .outline
        .iter()
        .map(|a| (a.title.clone(), physical(a.page)))
        .collect();
    let contents = frame::contents(fonts, &entries);
    for page in &contents {
        glyphs.add_page(page);
    }
    // The running header and footer: the same words on every page but the page numbers.
    let mut sample = canvas::Page::default();
    frame::decorate(&mut sample, fonts, pack, 1_234_567_890, 1_234_567_890);
    glyphs.add_page(&sample);
    let outline = outline(&first.outline, physical);
    drop(first);

    let mut out = object::ObjectWriter::new(out)
        .map_err(|e| crate::error::ExportError::render(format!("Writing the PDF failed: {e}")))?;
    let embedded = embed::Embedded::write(fonts, glyphs, &mut out)?;
    let doc = write::Document::new(out, fonts, &embedded, total)?;

    // Second pass: the same layout, each page written as soon as it is full.
    let mut pager = write::Pager {
        doc,
        fonts,
        pack,
        contents,
        total,
        seen: 0,
    };
    flow::lay_out(fonts, pack, &mut pager);
    pager.doc.finish(pack, &outline)
}

/// The outline: the contents, then every section with its headings, on physical pages.
fn outline(anchors: &[flow::Anchor], physical: impl Fn(usize) -> usize) -> Vec<write::Entry> {
    let mut outline = vec![write::Entry {
        title: CONTENTS_TITLE.to_owned(),
        page: 2,
        y: style::BODY_TOP,
        children: Vec::new(),
    }];
    outline.extend(anchors.iter().map(|a| {
        write::Entry {
            title: a.title.clone(),
            page: physical(a.page),
            y: a.y,
            children: a
                .children
                .iter()
                .map(|c| write::Entry {
                    title: c.title.clone(),
                    page: physical(c.page),
                    y: c.y,
                    children: Vec::new(),
                })
                .collect(),
        }
    }));
    outline
}
