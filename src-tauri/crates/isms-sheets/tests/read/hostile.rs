//! Hostile and broken files fail cleanly, as validation errors about the file: not a ZIP, a
//! ZIP that is no workbook, zip bombs (declared and lying), a DTD, too many rows, columns or
//! cells. The memory each costs is measured in `read_memory`.

use std::io::Write;

use isms_sheets::read::{Limits, open};

use super::fixtures::{refused, rewrite_zip, tiny_xlsx, write};

#[test]
fn random_bytes_named_xlsx_are_not_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let mut noise = vec![0u8; 4096];
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for b in &mut noise {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        *b = state as u8;
    }
    noise[0] = b'Z';
    let path = write(dir.path(), "register.xlsx", &noise);
    let message = refused(open(&path, None, Limits::default()));
    assert!(
        message.contains("named .xlsx but is not an Excel workbook"),
        "{message}"
    );
    let path = write(
        dir.path(),
        "broken.xlsx",
        b"PK\x03\x04 and then nothing of a zip",
    );
    let message = refused(open(&path, None, Limits::default()));
    assert!(message.contains("not a readable ZIP archive"), "{message}");
    let path = write(
        dir.path(),
        "old.xls",
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0],
    );
    let message = refused(open(&path, None, Limits::default()));
    assert!(message.contains("Excel 97–2003"), "{message}");
}

#[test]
fn a_zip_that_is_not_a_workbook_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photos.xlsx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    zip.start_file("photo.jpg", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"not a photo").unwrap();
    zip.finish().unwrap();
    let message = refused(open(&path, None, Limits::default()));
    assert!(message.contains("no xl/workbook.xml"), "{message}");
}

/// A workbook whose sheet part inflates to `size` bytes of spaces.
pub fn bomb(path: &std::path::Path, size: u64) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    zip.start_file("xl/workbook.xml", options).unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let chunk = vec![b' '; 1 << 20];
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        zip.write_all(&chunk[..n]).unwrap();
        left -= n as u64;
    }
    zip.finish().unwrap();
}

#[test]
fn a_zip_bomb_declaring_more_than_a_gigabyte_is_refused_before_inflating() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.xlsx");
    bomb(&path, 1100 * 1024 * 1024);
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size < 4 * 1024 * 1024, "a tiny file: {size} bytes");
    let message = refused(open(&path, None, Limits::default()));
    assert!(message.contains("would inflate to 1100 MB"), "{message}");
    assert!(message.contains("zip bomb"), "{message}");
}

#[test]
fn a_part_that_inflates_past_its_declared_size_is_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let honest = dir.path().join("honest.xlsx");
    bomb(&honest, 40 * 1024 * 1024);
    // Make both headers of the sheet part declare 1,000 bytes instead of 40 MiB.
    let mut bytes = std::fs::read(&honest).unwrap();
    let real = (40u32 * 1024 * 1024).to_le_bytes();
    let mut patched = 0;
    for at in 0..bytes.len() - 4 {
        if bytes[at..at + 4] == real {
            bytes[at..at + 4].copy_from_slice(&1000u32.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "the local header and the central directory");
    let path = write(dir.path(), "liar.xlsx", &bytes);
    let message = refused(open(&path, None, Limits::default()));
    assert!(
        message.contains("inflates past its declared size") || message.contains("damaged"),
        "{message}"
    );
}

#[test]
fn a_workbook_with_a_dtd_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.xlsx");
    tiny_xlsx(&plain);
    assert!(
        open(&plain, None, Limits::default()).is_ok(),
        "the workbook itself is fine"
    );
    let path = dir.path().join("dtd.xlsx");
    rewrite_zip(&plain, &path, |name, bytes| {
        if name != "xl/worksheets/sheet1.xml" {
            return bytes;
        }
        let text = String::from_utf8(bytes).unwrap();
        let at = text.find("?>").unwrap() + 2;
        format!(
            "{}<!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>{}",
            &text[..at],
            &text[at..]
        )
        .into_bytes()
    });
    let message = refused(open(&path, None, Limits::default()));
    assert!(message.contains("declares a DTD"), "{message}");
    assert!(message.contains("xl/worksheets/sheet1.xml"), "{message}");
}

#[test]
fn a_million_row_csv_is_refused_at_the_row_limit() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Name,E-mail\n");
    for i in 0..1_000_000 {
        text.push_str(&format!("P{i},p{i}@acme.example\n"));
    }
    let path = write(dir.path(), "people.csv", text.as_bytes());
    let message = refused(open(&path, None, Limits::default()));
    assert!(message.contains("more than 100,000 rows"), "{message}");
}

#[test]
fn xlsx_rows_columns_and_cells_past_the_limits_are_refused_while_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for r in 0..300u32 {
        for c in 0..10u16 {
            sheet.write_number(r, c, r as f64).unwrap();
        }
    }
    book.save(&path).unwrap();
    let rows = Limits {
        max_rows: 200,
        ..Limits::default()
    };
    assert!(refused(open(&path, None, rows)).contains("more than 200 rows"));
    let cells = Limits {
        max_cells: 1000,
        ..Limits::default()
    };
    assert!(refused(open(&path, None, cells)).contains("more than 1,000 cells"));
    assert_eq!(
        open(&path, None, Limits::default()).unwrap().rows.len(),
        300
    );

    let far = dir.path().join("far.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Name").unwrap();
    sheet.write_string(0, 16_000, "stray").unwrap();
    book.save(&far).unwrap();
    assert!(refused(open(&far, None, Limits::default())).contains("more than 500 columns"));
    let low = dir.path().join("low.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet()
        .write_string(1_048_000, 0, "stray")
        .unwrap();
    book.save(&low).unwrap();
    assert!(refused(open(&low, None, Limits::default())).contains("more than 100,000 rows"));
    let tight = Limits {
        max_file_bytes: 100,
        ..Limits::default()
    };
    assert!(refused(open(&path, None, tight)).contains("files up to 100 bytes"));
}

#[test]
fn overlapping_merged_ranges_cannot_make_the_reader_copy_without_end() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for r in 0..10u32 {
        for c in 0..10u16 {
            sheet.write_number(r, c, 1.0).unwrap();
        }
    }
    book.save(&plain).unwrap();
    let path = dir.path().join("merges.xlsx");
    rewrite_zip(&plain, &path, |name, bytes| {
        if name != "xl/worksheets/sheet1.xml" {
            return bytes;
        }
        let merge = "<mergeCell ref=\"A1:J10\"/>".repeat(3);
        String::from_utf8(bytes)
            .unwrap()
            .replace(
                "</sheetData>",
                &format!("</sheetData><mergeCells count=\"3\">{merge}</mergeCells>"),
            )
            .into_bytes()
    });
    let limits = Limits {
        max_cells: 200,
        ..Limits::default()
    };
    let message = refused(open(&path, None, limits));
    assert!(
        message.contains("merged ranges covering more than 200 cells"),
        "{message}"
    );
    assert_eq!(
        open(&path, None, Limits::default()).unwrap().merges.len(),
        3
    );
}
