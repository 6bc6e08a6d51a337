//! How long the whole vault takes as one workbook, on the large demo company (5,000 risks,
//! 1,000 documents, 500 people, 50,000 tracker items, 1,000 evidence files): `export-sheet
//! all` (every register a sheet, each evidence file written beside it), then `import all` of
//! that workbook into a new vault (every sheet read from one opening of the file, every
//! reference resolved and every evidence file hashed, then one transaction after a verified
//! backup). Run with `make bench` (or `cargo bench -p isms-sheets --bench whole`).

use std::time::Instant;

use chrono::{NaiveDate, Utc};
use isms_core::db::Action;
use isms_core::demo::{self, DemoPoint, DemoScale};
use isms_core::organisation::{self, Organisation};
use isms_core::{Passphrase, Stamp, Vault, snapshot};
use isms_sheets::import::Mode;
use isms_sheets::whole;

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 6, 15).expect("a valid date");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let d = dir.path();
    let pass = || Passphrase::new("benchmark passphrase".into());
    let source = demo::create(
        &d.join("large.isms"),
        pass(),
        DemoPoint::Stage2Ready,
        DemoScale::Large,
        today,
    )
    .expect("the large demo vault");
    let (book, files) = (d.join("isms.xlsx"), d.join("evidence"));

    let t = Instant::now();
    let done = whole::export(&source, today, &book, Some(&files)).expect("the export");
    let export = t.elapsed();
    let bytes = std::fs::metadata(&book).map_or(0, |m| m.len());

    let t = Instant::now();
    let read = whole::read(&book, Some(&files)).expect("the workbook reads back");
    let reading = t.elapsed();
    let rows = read.risks.len() + read.tracker.len() + read.documents.len() + read.people.len();
    drop(read);

    let stamp = || Stamp::new(Utc::now(), "bench");
    let org = organisation::get(source.reader())
        .expect("the organisation")
        .name;
    let mut target = Vault::create(&d.join("target.isms"), pass(), stamp(), |tx| {
        organisation::create(tx, Organisation::named(&org), Action::Create).map(drop)
    })
    .expect("a new vault");
    let backups = d.join("backups");
    let t = Instant::now();
    let report = whole::import(
        &mut target,
        stamp(),
        &book,
        Some(&files),
        Mode::Write { backups: &backups },
    )
    .expect("the import");
    let import = t.elapsed();
    assert!(!report.unchanged && report.backup.is_some());
    let (a, b) = (
        snapshot::export(&source).expect("a snapshot"),
        snapshot::export(&target).expect("a snapshot"),
    );
    assert!(a == b, "the rebuilt vault equals the original");

    println!(
        "| export the large demo as one workbook (`export-sheet all`: {} sheets, {:.1} MiB, {} evidence files written beside it) | {:.2} s |",
        done.sheets,
        bytes as f64 / (1024.0 * 1024.0),
        done.files_written,
        export.as_secs_f64()
    );
    println!(
        "| read it back (every sheet from one opening, {rows} risks, tracker items, documents and people, references resolved, evidence files hashed) | {:.2} s |",
        reading.as_secs_f64()
    );
    println!(
        "| import it into a new vault (`import all`: read and checked, then one transaction after a verified backup) | {:.2} s |",
        import.as_secs_f64()
    );
}
