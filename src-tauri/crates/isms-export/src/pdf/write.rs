//! From laid-out pages to PDF bytes. printpdf turns the marks into content streams and embeds
//! the two DejaVu faces subset to the glyphs used (with a ToUnicode map, so text extracts);
//! lopdf then finishes the file: the document information (title, creator, dates from the
//! pack's as-of day, no author, the evidence digest of the pack's bundle), a document ID derived from the pack's content, and the
//! outline (one entry per section, its headings beneath). Nothing random and no clock: the
//! same pack gives the same bytes. The file holds no JavaScript, open action or launch action.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, Color, Destination, FontId, Line, LinePoint, LinkAnnotation, Op,
    PaintMode, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect,
    TextItem,
};
use sha2::{Digest, Sha256};

use super::canvas::{Mark, Page};
use super::fonts::Fonts;
use super::style::{PAGE_H, PAGE_W, Rgb};
use crate::error::{ExportError, Result};
use crate::model::Pack;

/// An outline entry with its physical page (1-based) and top y.
pub struct Entry {
    pub title: String,
    pub page: usize,
    pub y: f32,
    pub children: Vec<Entry>,
}

const REGULAR_ID: &str = "DJVSAN";
/// Sections with more headings than this start folded in the outline.
const FOLD_OVER: usize = 8;
const BOLD_ID: &str = "DJVSBD";

fn colour(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(PAGE_H - y),
        },
        bezier: false,
    }
}

fn ops(page: &Page) -> Vec<Op> {
    let mut ops = Vec::with_capacity(page.marks.len() * 4);
    for mark in &page.marks {
        match mark {
            Mark::Text {
                x,
                y,
                size,
                bold,
                colour: c,
                text,
            } => {
                let id = if *bold { BOLD_ID } else { REGULAR_ID };
                ops.push(Op::SetFillColor { col: colour(*c) });
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(FontId(id.to_owned())),
                    size: Pt(*size),
                });
                ops.push(Op::SetTextCursor {
                    pos: Point {
                        x: Pt(*x),
                        y: Pt(PAGE_H - y),
                    },
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(text.clone())],
                });
                ops.push(Op::EndTextSection);
            }
            Mark::Rect { x, y, w, h, fill } => {
                ops.push(Op::SetFillColor { col: colour(*fill) });
                let mut rect = Rect::from_xywh(Pt(*x), Pt(PAGE_H - y - h), Pt(*w), Pt(*h));
                rect.mode = Some(PaintMode::Fill);
                ops.push(Op::DrawRectangle { rectangle: rect });
            }
            Mark::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                colour: c,
            } => {
                ops.push(Op::SetOutlineColor { col: colour(*c) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(*x1, *y1), point(*x2, *y2)],
                        is_closed: false,
                    },
                });
            }
            Mark::Link { x, y, w, h, page } => {
                let rect = Rect::from_xywh(Pt(*x), Pt(PAGE_H - y - h), Pt(*w), Pt(*h));
                ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        rect,
                        Actions::go_to(Destination::Xyz {
                            page: *page,
                            left: None,
                            top: None,
                            zoom: None,
                        }),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        None,
                        None,
                    ),
                });
            }
        }
    }
    ops
}

/// The finished PDF of `pages`, with `outline`. Each stage's copy of the pages is dropped as
/// soon as the next one holds them, so a long pack needs the memory of about two copies.
pub fn pdf(pack: &Pack, fonts: &Fonts, pages: Vec<Page>, outline: &[Entry]) -> Result<Vec<u8>> {
    let mut doc = PdfDocument::new(&pack.title);
    for (id, face) in [(REGULAR_ID, &fonts.regular), (BOLD_ID, &fonts.bold)] {
        doc.resources
            .fonts
            .map
            .insert(FontId(id.to_owned()), PdfFont::new(face.parsed.clone()));
    }
    let pdf_pages = pages
        .into_iter()
        .map(|p| PdfPage::new(Pt(PAGE_W).into(), Pt(PAGE_H).into(), ops(&p)))
        .collect();
    doc.with_pages(pdf_pages);
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&options, &mut warnings);
    drop(doc);
    finish(&mut lo, pack, outline)?;
    // UTF-16 outline titles and DisplayDocTitle are PDF 1.4; printpdf writes a 1.3 header.
    lo.version = "1.4".to_owned();
    lo.compress();
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| ExportError::render(format!("Writing the PDF failed: {e}")))?;
    Ok(bytes)
}

/// A PDF text string: UTF-16BE with its byte-order mark, so any name prints right.
fn text(s: &str) -> Object {
    let mut bytes = vec![0xfe, 0xff];
    for unit in s.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn date(pack: &Pack) -> Object {
    let d = pack.as_of.format("D:%Y%m%d000000Z").to_string();
    Object::String(d.into_bytes(), StringFormat::Literal)
}

fn finish(doc: &mut lopdf::Document, pack: &Pack, outline: &[Entry]) -> Result<()> {
    let broken = |e: lopdf::Error| ExportError::render(format!("Finishing the PDF failed: {e}"));
    // printpdf's own information dictionary (dated 1970, empty author) goes entirely.
    if let Ok(Object::Reference(old)) = doc.trailer.get(b"Info") {
        let old = *old;
        doc.objects.remove(&old);
    }
    let mut info = Dictionary::new();
    info.set("Title", text(&pack.title));
    info.set(
        "Subject",
        text(&format!("{} \u{b7} {}", pack.company, pack.title)),
    );
    info.set("Creator", text("ISMS Desk"));
    info.set(
        "Producer",
        text(concat!(
            "ISMS Desk ",
            env!("CARGO_PKG_VERSION"),
            " (printpdf)"
        )),
    );
    info.set("CreationDate", date(pack));
    info.set("ModDate", date(pack));
    if let Some(digest) = &pack.evidence_sha256 {
        // Read back from the raw bytes by `bundle::verify`: a literal string, and the
        // information dictionary kept out of object streams.
        let value = Object::String(digest.clone().into_bytes(), StringFormat::Literal);
        info.set(crate::bundle::PDF_KEY, value);
    }
    let info_id = doc.add_object(info);
    doc.trailer.set("Info", Object::Reference(info_id));

    let digest = Sha256::digest(format!("{pack:?}").as_bytes());
    let id = Object::String(digest[..16].to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));

    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let root = doc.new_object_id();
    let (first, last, count) = add_items(doc, root, outline, &pages);
    let mut outlines = Dictionary::new();
    outlines.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(first), Some(last)) = (first, last) {
        outlines.set("First", Object::Reference(first));
        outlines.set("Last", Object::Reference(last));
        outlines.set("Count", Object::Integer(count));
    }
    doc.objects.insert(root, Object::Dictionary(outlines));

    let catalog = doc.catalog_mut().map_err(broken)?;
    catalog.set("Outlines", Object::Reference(root));
    catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    for key in ["OpenAction", "AA", "Names", "JavaScript"] {
        catalog.remove(key.as_bytes());
    }
    doc.prune_objects();
    Ok(())
}

/// Writes `items` under `parent`; returns the first and last item and how many are visible.
fn add_items(
    doc: &mut lopdf::Document,
    parent: ObjectId,
    items: &[Entry],
    pages: &[ObjectId],
) -> (Option<ObjectId>, Option<ObjectId>, i64) {
    let ids: Vec<ObjectId> = items.iter().map(|_| doc.new_object_id()).collect();
    let mut visible = 0;
    for (i, item) in items.iter().enumerate() {
        let mut dict = Dictionary::new();
        dict.set("Title", text(&item.title));
        dict.set("Parent", Object::Reference(parent));
        if i > 0 {
            dict.set("Prev", Object::Reference(ids[i - 1]));
        }
        if let Some(next) = ids.get(i + 1) {
            dict.set("Next", Object::Reference(*next));
        }
        if let Some(page) = pages.get(item.page.saturating_sub(1)) {
            let top = (PAGE_H - item.y + 8.0).min(PAGE_H);
            dict.set(
                "Dest",
                Object::Array(vec![
                    Object::Reference(*page),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Null,
                    Object::Real(top),
                    Object::Null,
                ]),
            );
        }
        let (first, last, count) = add_items(doc, ids[i], &item.children, pages);
        // A section with many headings starts folded, so the outline stays a short list.
        let open = item.children.len() <= FOLD_OVER;
        if let (Some(first), Some(last)) = (first, last) {
            dict.set("First", Object::Reference(first));
            dict.set("Last", Object::Reference(last));
            dict.set("Count", Object::Integer(if open { count } else { -count }));
        }
        visible += 1 + if open { count } else { 0 };
        doc.objects.insert(ids[i], Object::Dictionary(dict));
    }
    (ids.first().copied(), ids.last().copied(), visible)
}
