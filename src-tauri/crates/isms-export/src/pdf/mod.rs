//! The layout layer: a [`Pack`] laid out as a PDF on A4 portrait pages. The body is laid out
//! first ([`flow`], [`table`], [`heatmap`]), which tells where every section and heading landed
//! and which cell texts go to the appendix; then the contents are drawn with those page numbers
//! ([`frame`]), every page but the cover gets its running header and "Page N of M" footer, and
//! [`write`] produces the bytes. Packs never see a coordinate; this layer never reads the vault.

mod canvas;
mod chart;
mod flow;
mod fonts;
mod frame;
mod heatmap;
mod style;
mod table;
mod text;
mod write;

#[cfg(test)]
mod tests;

use crate::error::Result;
use crate::model::Pack;

pub use frame::long_date;

/// The contents' title, as printed and in the outline.
pub const CONTENTS_TITLE: &str = "Contents";
pub use flow::APPENDIX_TITLE;

/// `pack` as PDF bytes; the same pack always gives the same bytes.
pub fn render(pack: &Pack) -> Result<Vec<u8>> {
    let fonts = fonts::Fonts::load()?;
    let (pages, outline) = lay_out(&fonts, pack);
    write::pdf(pack, &fonts, pages, &outline)
}

/// Every page of `pack` (cover, contents, body) with header and footer, and the outline.
fn lay_out(fonts: &fonts::Fonts, pack: &Pack) -> (Vec<canvas::Page>, Vec<write::Entry>) {
    let mut flow = flow::lay_out(fonts, pack);
    let contents_n = frame::contents_pages(flow.outline.len());
    // The cover is page 1, the contents follow, then the body (flow page 1 onwards).
    let physical = |index: usize| index + 1 + contents_n;
    let entries: Vec<(String, usize)> = flow
        .outline
        .iter()
        .map(|a| (a.title.clone(), physical(a.page)))
        .collect();
    let contents = frame::contents(fonts, &entries);
    let mut body = std::mem::take(&mut flow.pages);
    let cover = if body.is_empty() {
        canvas::Page::default()
    } else {
        body.remove(0)
    };
    let mut pages = Vec::with_capacity(1 + contents.len() + body.len());
    pages.push(cover);
    pages.extend(contents);
    pages.extend(body);
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate().skip(1) {
        frame::decorate(page, fonts, pack, i + 1, total);
    }
    let mut outline = vec![write::Entry {
        title: CONTENTS_TITLE.to_owned(),
        page: 2,
        y: style::BODY_TOP,
        children: Vec::new(),
    }];
    outline.extend(flow.outline.iter().map(|a| {
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
    (pages, outline)
}
