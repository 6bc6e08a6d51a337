//! The PDF file, written as the second layout pass hands over its pages: the fonts first (subset
//! to the glyphs the first pass found), then each page's compressed content stream and page
//! object the moment the page is full, then the page tree, the outline (one entry per section,
//! its headings beneath), the document information (title, creator, dates from the pack's as-of
//! day, no author, the evidence digest of the pack's bundle), the catalog (document language,
//! outline shown) and a document ID derived from the pack's content. Page objects have numbers
//! reserved up front, so the contents' links and the outline can name pages not yet written.
//! Nothing random and no clock: the same pack gives the same bytes. The file holds no
//! JavaScript, open action, launch or web link.

use std::fmt::Write as _;
use std::io::Write;

use sha2::{Digest, Sha256};

use super::canvas::{Mark, Page};
use super::content::Painter;
use super::embed::Embedded;
use super::flow::Sink;
use super::fonts::Fonts;
use super::object::{ObjectWriter, num, r, text};
use super::style::{PAGE_H, PAGE_W};
use crate::error::{ExportError, Result};
use crate::model::Pack;

/// The document's language, for screen readers and hyphenation in readers.
pub const LANGUAGE: &str = "en-GB";
/// Sections with more headings than this start folded in the outline.
const FOLD_OVER: usize = 8;
/// Flate level of the content streams: 6 is zlib's default balance of size and speed.
const LEVEL: u32 = 6;

/// An outline entry with its physical page (1-based) and top y.
pub struct Entry {
    pub title: String,
    pub page: usize,
    pub y: f32,
    pub children: Vec<Entry>,
}

fn io(e: std::io::Error) -> ExportError {
    ExportError::render(format!("Writing the PDF failed: {e}"))
}

/// A PDF being written: its fixed objects, the fonts, and the pages as they come.
pub struct Document<'a, W: Write> {
    out: ObjectWriter<W>,
    painter: Painter<'a>,
    catalog: u32,
    pages_root: u32,
    resources: u32,
    /// The object number of each physical page, reserved up front.
    page_ids: Vec<u32>,
    /// Pages written so far.
    written: usize,
    /// The first error met while writing a page (a [`Sink`] cannot return one).
    failed: Option<ExportError>,
    /// A whole OpenType font program is embedded: the catalog says PDF 1.6.
    opentype: bool,
}

impl<'a, W: Write> Document<'a, W> {
    /// Starts the file for `total` pages, with the fonts already embedded in `out`.
    pub fn new(
        mut out: ObjectWriter<W>,
        fonts: &'a Fonts,
        embedded: &'a Embedded,
        total: usize,
    ) -> Result<Self> {
        let catalog = out.reserve();
        let pages_root = out.reserve();
        let resources = out.reserve();
        let body = format!("<</Font {}>>", embedded.font_dict());
        out.object(resources, body.as_bytes()).map_err(io)?;
        let page_ids = (0..total).map(|_| out.reserve()).collect();
        Ok(Self {
            out,
            painter: Painter::new(fonts, embedded),
            catalog,
            pages_root,
            resources,
            page_ids,
            written: 0,
            failed: None,
            opentype: embedded.opentype,
        })
    }

    /// Writes the next physical page.
    pub fn write_page(&mut self, page: &Page) {
        if self.failed.is_some() {
            return;
        }
        if let Err(e) = self.try_write_page(page) {
            self.failed = Some(e);
        }
    }

    fn try_write_page(&mut self, page: &Page) -> Result<()> {
        let Some(&id) = self.page_ids.get(self.written) else {
            return Err(ExportError::render(
                "The second layout pass made more pages than the first.",
            ));
        };
        let content = self.out.reserve();
        let stream = self.painter.paint(page);
        self.out.stream(content, "", stream, LEVEL).map_err(io)?;
        let mut annots = Vec::new();
        for mark in &page.marks {
            if let Mark::Link { x, y, w, h, page } = mark {
                let Some(target) = self.page_ids.get(page.saturating_sub(1)) else {
                    continue;
                };
                annots.extend_from_slice(b"<</Type /Annot /Subtype /Link /Rect [");
                for v in [*x, PAGE_H - y - h, x + w, PAGE_H - y] {
                    num(&mut annots, v);
                    annots.push(b' ');
                }
                write!(
                    annots,
                    "] /Border [0 0 0] /Dest [{} /XYZ null null null]>>",
                    r(*target)
                )
                .map_err(io)?;
            }
        }
        let mut body = Vec::with_capacity(256);
        body.extend_from_slice(b"<</Type /Page /Parent ");
        write!(body, "{} /MediaBox [0 0 ", r(self.pages_root)).map_err(io)?;
        num(&mut body, PAGE_W);
        body.push(b' ');
        num(&mut body, PAGE_H);
        write!(
            body,
            "] /Resources {} /Contents {}",
            r(self.resources),
            r(content)
        )
        .map_err(io)?;
        if !annots.is_empty() {
            body.extend_from_slice(b" /Annots [");
            body.extend_from_slice(&annots);
            body.push(b']');
        }
        body.extend_from_slice(b">>");
        self.out.object(id, &body).map_err(io)?;
        self.written += 1;
        Ok(())
    }

    /// The page tree, outline, information and catalog, then the cross-reference table.
    pub fn finish(mut self, pack: &Pack, outline: &[Entry]) -> Result<W> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        if self.written != self.page_ids.len() {
            return Err(ExportError::render(
                "The two layout passes disagree on the number of pages.",
            ));
        }
        let mut kids = String::new();
        for id in &self.page_ids {
            let _ = write!(kids, "{} ", r(*id));
        }
        let body = format!(
            "<</Type /Pages /Kids [{}] /Count {}>>",
            kids.trim_end(),
            self.page_ids.len()
        );
        self.out
            .object(self.pages_root, body.as_bytes())
            .map_err(io)?;

        let root = self.out.reserve();
        let (first, last, count) = self.outline_items(root, outline)?;
        let body = match (first, last) {
            (Some(first), Some(last)) => format!(
                "<</Type /Outlines /First {} /Last {} /Count {count}>>",
                r(first),
                r(last)
            ),
            _ => "<</Type /Outlines>>".to_owned(),
        };
        self.out.object(root, body.as_bytes()).map_err(io)?;

        let info = self.out.reserve();
        let date = pack.as_of.format("(D:%Y%m%d000000Z)").to_string();
        // The evidence digest of the pack's bundle, read back from the raw bytes by
        // `bundle::verify`: a literal string of hex in this plain (never compressed) object.
        let digest = pack.evidence_sha256.as_ref().map_or_else(String::new, |d| {
            format!(" /{}({d})", crate::bundle::PDF_KEY)
        });
        let body = format!(
            "<</Title {} /Subject {} /Creator {} /Producer {} /CreationDate {date} /ModDate {date}{digest}>>",
            text(&pack.title),
            text(&format!("{} \u{b7} {}", pack.company, pack.title)),
            text("ISMS Desk"),
            text(concat!("ISMS Desk ", env!("CARGO_PKG_VERSION"))),
        );
        self.out.object(info, body.as_bytes()).map_err(io)?;

        let version = if self.opentype { " /Version /1.6" } else { "" };
        let body = format!(
            "<</Type /Catalog /Pages {} /Outlines {} /PageMode /UseOutlines /PageLayout /OneColumn \
             /ViewerPreferences <</DisplayDocTitle true>> /Lang ({LANGUAGE}){version}>>",
            r(self.pages_root),
            r(root)
        );
        self.out.object(self.catalog, body.as_bytes()).map_err(io)?;

        let id = document_id(pack);
        let trailer = format!(
            " /Root {} /Info {} /ID [<{id}> <{id}>]",
            r(self.catalog),
            r(info)
        );
        self.out.finish(&trailer).map_err(io)
    }

    /// Writes `items` under `parent`; returns the first and last item and how many are visible.
    fn outline_items(
        &mut self,
        parent: u32,
        items: &[Entry],
    ) -> Result<(Option<u32>, Option<u32>, i64)> {
        let ids: Vec<u32> = items.iter().map(|_| self.out.reserve()).collect();
        let mut visible = 0;
        for (i, item) in items.iter().enumerate() {
            let mut dict = format!("<</Title {} /Parent {}", text(&item.title), r(parent));
            if i > 0 {
                let _ = write!(dict, " /Prev {}", r(ids[i - 1]));
            }
            if let Some(next) = ids.get(i + 1) {
                let _ = write!(dict, " /Next {}", r(*next));
            }
            if let Some(page) = self.page_ids.get(item.page.saturating_sub(1)) {
                let top = (PAGE_H - item.y + 8.0).min(PAGE_H);
                let mut t = Vec::new();
                num(&mut t, top);
                let _ = write!(
                    dict,
                    " /Dest [{} /XYZ null {} null]",
                    r(*page),
                    String::from_utf8_lossy(&t)
                );
            }
            let (first, last, count) = self.outline_items(ids[i], &item.children)?;
            // A section with many headings starts folded, so the outline stays a short list.
            let open = item.children.len() <= FOLD_OVER;
            if let (Some(first), Some(last)) = (first, last) {
                let count = if open { count } else { -count };
                let _ = write!(
                    dict,
                    " /First {} /Last {} /Count {count}",
                    r(first),
                    r(last)
                );
            }
            visible += 1 + if open { count } else { 0 };
            dict.push_str(">>");
            self.out.object(ids[i], dict.as_bytes()).map_err(io)?;
        }
        Ok((ids.first().copied(), ids.last().copied(), visible))
    }
}

/// The document ID: the start of the SHA-256 of the pack's content, in hex. The pack is
/// hashed as it is formatted, never held as one string.
fn document_id(pack: &Pack) -> String {
    struct Hashing(Sha256);
    impl std::fmt::Write for Hashing {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.update(s.as_bytes());
            Ok(())
        }
    }
    let mut hashing = Hashing(Sha256::new());
    let _ = write!(hashing, "{pack:?}");
    hex::encode_upper(&hashing.0.finalize()[..16])
}

/// The second pass's sink: the cover, then the contents pages, then each body page with its
/// running header and footer, each written as it arrives.
pub struct Pager<'a, 'd, W: Write> {
    pub doc: Document<'d, W>,
    pub fonts: &'a Fonts,
    pub pack: &'a Pack,
    /// The contents pages, written right after the cover.
    pub contents: Vec<Page>,
    pub total: usize,
    pub seen: usize,
}

impl<W: Write> Sink for Pager<'_, '_, W> {
    fn page(&mut self, mut page: Page) {
        if self.seen == 0 {
            self.doc.write_page(&page);
            let contents = std::mem::take(&mut self.contents);
            for (i, mut page) in contents.into_iter().enumerate() {
                super::frame::decorate(&mut page, self.fonts, self.pack, i + 2, self.total);
                self.doc.write_page(&page);
            }
        } else {
            let number = self.doc.written + 1;
            super::frame::decorate(&mut page, self.fonts, self.pack, number, self.total);
            self.doc.write_page(&page);
        }
        self.seen += 1;
    }
}
