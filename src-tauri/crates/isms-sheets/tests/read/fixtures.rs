//! Builders of the files the tests read, written into a temporary folder.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use isms_core::{CoreError, ErrorCode};
use isms_sheets::read::{Limits, Workbook, open};

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

pub fn read_csv(text: &[u8]) -> Workbook {
    let dir = tempfile::tempdir().unwrap();
    open(
        &write(dir.path(), "register.csv", text),
        None,
        Limits::default(),
    )
    .unwrap()
}

/// The message of a validation error about the file; panics on anything else.
pub fn refused(result: Result<Workbook, CoreError>) -> String {
    let err = result.expect_err("the file should be refused");
    assert_eq!(err.code, ErrorCode::Validation, "{err:?}");
    assert_eq!(err.fields.len(), 1, "{err:?}");
    assert_eq!(err.fields[0].field, "file");
    err.message
}

/// The text of each row, cells shown as a person reads them, trailing empties dropped.
pub fn texts(book: &Workbook) -> Vec<Vec<String>> {
    book.rows
        .iter()
        .map(|r| r.iter().map(|c| c.display()).collect())
        .collect()
}

/// Rewrites a ZIP, passing each part's bytes through `change`.
pub fn rewrite_zip(from: &Path, to: &Path, change: impl Fn(&str, Vec<u8>) -> Vec<u8>) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&change(&name, bytes)).unwrap();
    }
    out.finish().unwrap();
}

/// A minimal workbook of one sheet, written by rust_xlsxwriter.
pub fn tiny_xlsx(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Control ID").unwrap();
    sheet.write_string(1, 0, "A.5.1").unwrap();
    book.save(path).unwrap();
}
