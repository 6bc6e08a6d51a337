//! The export of every register to XLSX, read back as a user's spreadsheet would: with
//! calamine for the values, and the workbook's own XML for what calamine does not report
//! (frozen header, filter, quote prefixes). Modules follow `src/write/`.

mod file;
mod hostile;
mod mapping;
mod registers;
mod risks;
mod whole;

use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;
use isms_core::demo::{self, DemoPoint, DemoScale};
use isms_core::{Passphrase, Vault};
use isms_sheets::write::{self, SheetKind};

pub const PASS: &str = "correct horse battery staple";

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).expect("a date")
}

/// The small demo company, ready for Stage 2.
pub fn demo_vault(dir: &Path) -> Vault {
    demo::create(
        &dir.join("demo.isms"),
        Passphrase::new(PASS.into()),
        DemoPoint::Stage2Ready,
        DemoScale::Small,
        today(),
    )
    .expect("the demo company")
}

/// Exports `kind` into `dir` and returns the file's path.
pub fn export(vault: &Vault, kind: SheetKind, dir: &Path) -> PathBuf {
    let out = dir.join(format!("{}.xlsx", kind.as_str()));
    write::export(vault, kind, today(), &out).expect("the export");
    out
}

pub fn open(path: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    open_workbook(path).expect("calamine opens the workbook")
}

/// The values of sheet `name`.
pub fn range(path: &Path, name: &str) -> Range<Data> {
    open(path)
        .worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

/// The header row of sheet `name`, as text.
pub fn headers(path: &Path, name: &str) -> Vec<String> {
    let r = range(path, name);
    r.rows()
        .next()
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .unwrap_or_default()
}

/// Rows below the header.
pub fn body_rows(path: &Path, name: &str) -> usize {
    range(path, name).height().saturating_sub(1)
}

/// The column of sheet `name` headed `header`, below the header.
pub fn column(path: &Path, name: &str, header: &str) -> Vec<Data> {
    let r = range(path, name);
    let heads = headers(path, name);
    let i = heads
        .iter()
        .position(|h| h == header)
        .unwrap_or_else(|| panic!("{name} has no column {header}: {heads:?}"));
    r.rows().skip(1).map(|row| row[i].clone()).collect()
}

/// A date cell's day, if the cell is a real Excel date.
pub fn as_day(cell: &Data) -> Option<NaiveDate> {
    match cell {
        Data::DateTime(d) if d.is_datetime() => {
            let days = d.as_f64().floor() as i64;
            NaiveDate::from_ymd_opt(1899, 12, 30)
                .and_then(|base| base.checked_add_signed(chrono::Duration::days(days)))
        }
        _ => None,
    }
}

/// The text of part `name` of the XLSX container.
pub fn part(path: &Path, name: &str) -> String {
    let file = std::fs::File::open(path).expect("the file");
    let mut zip = zip::ZipArchive::new(file).expect("an XLSX is a ZIP");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut text)
        .expect("UTF-8 XML");
    text
}
