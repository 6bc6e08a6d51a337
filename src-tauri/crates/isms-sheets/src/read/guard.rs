//! The XLSX container is checked before calamine opens it, because calamine trusts it: it
//! holds the shared strings and styles whole and would inflate whatever the ZIP declares. We
//! read the ZIP's central directory (the declared sizes of every part, refused past the limits
//! before anything is inflated), then inflate each XML part once as a stream, counting the
//! real bytes (a part that inflates past its declared size or the limit is a bomb and stops
//! there) and looking at its markup as it passes (`markup`: no DTD, no tag, text or cell
//! longer than a workbook can need, no more shared strings or merged ranges than the limits).
//! Nothing is kept in memory but a 64 KiB buffer.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use isms_core::{CoreError, Result};

use super::markup::Markup;
use super::{Limits, MIB, refuse};

/// More parts than any real workbook has (each sheet, drawing and comment is one).
const MAX_PARTS: usize = 10_000;

pub(super) fn first_bytes(path: &Path) -> Result<Vec<u8>> {
    let mut head = Vec::with_capacity(8);
    File::open(path)
        .and_then(|f| f.take(8).read_to_end(&mut head))
        .map_err(|e| CoreError::io(&format!("Cannot read {}", path.display()), &e))?;
    Ok(head)
}

/// The OLE compound file of an `.xls`, or of an encrypted `.xlsx`.
pub(super) fn is_ole(head: &[u8]) -> bool {
    head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// Checks the ZIP of an XLSX; `Ok` means calamine may read it.
pub(super) fn inspect(path: &Path, limits: Limits) -> Result<()> {
    let file = File::open(path)
        .map_err(|e| CoreError::io(&format!("Cannot read {}", path.display()), &e))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| {
        refuse(format!(
            "This is not an Excel workbook: it is not a readable ZIP archive ({e})."
        ))
    })?;
    if zip.len() > MAX_PARTS {
        return Err(refuse(format!(
            "This workbook has {} parts; a real workbook has far fewer.",
            zip.len()
        )));
    }
    if zip.index_for_name("xl/workbook.xml").is_none() {
        return Err(refuse(
            "This is a ZIP archive but not an Excel workbook (it has no xl/workbook.xml).",
        ));
    }
    let mut total = 0u64;
    let mut declared = Vec::with_capacity(zip.len());
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(damaged)?;
        let name = part.name().map_err(damaged)?.into_owned();
        let size = part.size();
        let limit = part_limit(&name, limits);
        if size > limit {
            return Err(bomb(&name, size, limit));
        }
        total = total.saturating_add(size);
        if total > limits.max_total_bytes {
            return Err(refuse(format!(
                "This workbook would inflate to more than {} MB; it is refused as a zip bomb.",
                limits.max_total_bytes / MIB
            )));
        }
        declared.push((name, size, limit));
    }
    for (i, (name, size, limit)) in declared.into_iter().enumerate() {
        if is_xml(&name) {
            let part = zip.by_index(i).map_err(damaged)?;
            scan(part, &name, size.min(limit), limits)?;
        }
    }
    Ok(())
}

fn part_limit(name: &str, limits: Limits) -> u64 {
    if name.starts_with("xl/worksheets/") {
        limits.max_sheet_xml_bytes
    } else {
        limits.max_part_bytes
    }
}

fn is_xml(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with(".xml") || lower.ends_with(".rels") || lower.ends_with(".vml")
}

/// Inflates one part as a stream: at most `allowed` bytes, each looked at by [`Markup`].
fn scan(part: impl Read, name: &str, allowed: u64, limits: Limits) -> Result<()> {
    let mut reader = part.take(allowed + 1);
    let mut buf = vec![0u8; 64 * 1024];
    let mut markup = Markup::new(name, limits);
    let mut seen = 0u64;
    loop {
        let n = reader.read(&mut buf).map_err(|e| {
            refuse(format!(
                "The workbook's part {name} cannot be read ({e}); the file is damaged."
            ))
        })?;
        if n == 0 {
            return markup.finish();
        }
        seen += n as u64;
        if seen > allowed {
            return Err(refuse(format!(
                "The workbook's part {name} inflates past its declared size or the limit; it is \
                 refused as a zip bomb."
            )));
        }
        markup.feed(&buf[..n])?;
    }
}

fn damaged(e: zip::result::ZipError) -> CoreError {
    refuse(format!("This workbook is damaged: {e}."))
}

fn bomb(name: &str, size: u64, limit: u64) -> CoreError {
    refuse(format!(
        "The workbook's part {name} would inflate to {} MB (at most {} MB is read); it is \
         refused as a zip bomb.",
        size / MIB,
        limit / MIB
    ))
}
