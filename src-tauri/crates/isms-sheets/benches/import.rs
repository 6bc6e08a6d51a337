//! How long a 10,000-row risk register takes to import: the XLSX read and mapped, then every
//! row checked and written in one transaction (with the verified backup first), then the same
//! file imported again, which matches every row by reference and writes nothing; then a
//! workbook whose one start tag carries 200,000 attributes (RUSTSEC-2026-0194's shape, which
//! took quick-xml 0.38 minutes), refused by the reader, and parsed by calamine alone; then a
//! people list of 99,999 rows (a CSV at the row limit) imported into a fresh vault and again,
//! every person matched by e-mail. Run with
//! `make bench` (or `cargo bench -p isms-sheets --bench import`).

use std::io::{Read, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Utc;
use isms_core::organisation::{self, Organisation};
use isms_core::people::{self, Person};
use isms_core::risks::{self, RiskMethod};
use isms_core::{Passphrase, Stamp, Vault};
use isms_sheets::import::{Mode, import, unwatched};
use isms_sheets::read::{Kind, Limits, detect, open};

const ROWS: u32 = 10_000;
const OWNERS: u32 = 25;

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let stamp = || Stamp::new(Utc::now(), "bench");
    let mut vault = Vault::create(
        &dir.path().join("bench.isms"),
        Passphrase::new("benchmark passphrase".into()),
        stamp(),
        |tx| {
            organisation::create(
                tx,
                Organisation::named("Bench Ltd"),
                isms_core::db::Action::Create,
            )
            .map(drop)
        },
    )
    .expect("a vault");
    risks::set_method(&mut vault, stamp(), RiskMethod::default()).expect("the method");
    for i in 0..OWNERS {
        let p = Person::new(&format!("Owner {i}"), &format!("owner{i}@bench.example"));
        people::create(&mut vault, stamp(), p).expect("a person");
    }

    let file = dir.path().join("register.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Risks").expect("a name");
    let headers = [
        "Risk ID",
        "Risk",
        "Threat",
        "Likelihood",
        "Impact",
        "Risk owner",
        "Treatment",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("a header");
    }
    let labels = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"];
    let treatments = ["Modify", "Accept", "Transfer", "Avoid"];
    for i in 0..ROWS {
        let r = i + 1;
        let cells = [
            format!("R-{r:05}"),
            format!("Risk number {r} of the benchmark register"),
            format!("Threat {}", r % 97),
            labels[(i % 5) as usize].to_owned(),
            ((i / 5) % 5 + 1).to_string(),
            format!("Owner {}", i % OWNERS),
            treatments[(i % 4) as usize].to_owned(),
        ];
        for (c, text) in cells.iter().enumerate() {
            sheet.write_string(r, c as u16, text).expect("a cell");
        }
    }
    book.save(&file).expect("the register");

    let backups = dir.path().join("backups");
    let t = Instant::now();
    let workbook = open(&file, None, Limits::default()).expect("read");
    let mapping = detect(&workbook, Kind::Risks).expect("mapped");
    let read = t.elapsed();
    let t = Instant::now();
    let report = import(
        &mut vault,
        stamp(),
        Kind::Risks,
        &workbook,
        &mapping,
        Mode::Write { backups: &backups },
        &mut unwatched,
    )
    .expect("the import");
    let first = t.elapsed();
    assert_eq!(report.created, ROWS, "every row is a new risk");
    let t = Instant::now();
    let again = import(
        &mut vault,
        stamp(),
        Kind::Risks,
        &workbook,
        &mapping,
        Mode::Write { backups: &backups },
        &mut unwatched,
    )
    .expect("the re-import");
    let second = t.elapsed();
    assert_eq!(
        again.unchanged, ROWS,
        "matched by reference, nothing written"
    );
    println!(
        "| read and map a {ROWS}-row risk register (XLSX) | {} |",
        secs(read)
    );
    println!(
        "| import it into an empty register, one transaction after a verified backup | {} ({:.0} rows per second) |",
        secs(first),
        f64::from(ROWS) / first.as_secs_f64()
    );
    println!(
        "| import the same file again (every row matched by reference, nothing written) | {} |",
        secs(second)
    );
    attributes(dir.path());
    people_list(dir.path());
}

/// Imports a CSV of 99,999 people (the row limit with its header) twice: the second time every
/// row is matched by e-mail through a map, so it costs no more than the first.
fn people_list(dir: &Path) {
    const PEOPLE: u32 = isms_sheets::read::MAX_ROWS - 1;
    let stamp = || Stamp::new(Utc::now(), "bench");
    let mut vault = Vault::create(
        &dir.join("people.isms"),
        Passphrase::new("benchmark passphrase".into()),
        stamp(),
        |tx| {
            organisation::create(
                tx,
                Organisation::named("Bench Ltd"),
                isms_core::db::Action::Create,
            )
            .map(drop)
        },
    )
    .expect("a vault");
    let file = dir.join("people.csv");
    let mut text = String::from("Name,E-mail,Job title,Department\n");
    for i in 0..PEOPLE {
        text.push_str(&format!(
            "Person {i},person{i}@bench.example,Analyst,Team {}\n",
            i % 40
        ));
    }
    std::fs::write(&file, text).expect("the list");
    let backups = dir.join("people-backups");
    let workbook = open(&file, None, Limits::default()).expect("read");
    let mapping = detect(&workbook, Kind::People).expect("mapped");
    let mut run = || {
        let t = Instant::now();
        let report = import(
            &mut vault,
            stamp(),
            Kind::People,
            &workbook,
            &mapping,
            Mode::Write { backups: &backups },
            &mut unwatched,
        )
        .expect("the import");
        (t.elapsed(), report)
    };
    let (first, report) = run();
    assert_eq!(report.created, PEOPLE, "every row is a new person");
    let (second, again) = run();
    assert_eq!(
        again.unchanged, PEOPLE,
        "matched by e-mail, nothing written"
    );
    println!(
        "| import a list of {PEOPLE} people (CSV) into an empty vault, one transaction after a verified backup | {} |",
        secs(first)
    );
    println!(
        "| import the same list again (every person matched by e-mail, nothing written; target: no slower than the first) | {} |",
        secs(second)
    );
}

/// A one-cell workbook whose cell's start tag carries `n` attributes.
fn attribute_bomb(path: &Path, n: u32) {
    let plain = path.with_extension("plain.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet()
        .write_number(0, 0, 1.0)
        .expect("a cell");
    book.save(&plain).expect("the workbook");
    let mut from = zip::ZipArchive::new(std::fs::File::open(&plain).expect("it")).expect("a zip");
    let mut to = zip::ZipWriter::new(std::fs::File::create(path).expect("the bomb"));
    let attributes: String = (0..n).map(|i| format!(" a{i}=\"\"")).collect();
    for i in 0..from.len() {
        let mut part = from.by_index(i).expect("a part");
        let name = part.name().expect("a name").into_owned();
        let mut text = String::new();
        part.read_to_string(&mut text).expect("XML");
        if name == "xl/worksheets/sheet1.xml" {
            text = text.replacen("<c ", &format!("<c{attributes} "), 1);
        }
        to.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .expect("a part");
        to.write_all(text.as_bytes()).expect("written");
    }
    to.finish().expect("the bomb");
}

/// How long the reader takes to refuse the attribute bomb, and calamine to parse it alone.
fn attributes(dir: &Path) {
    use calamine::{Xlsx, open_workbook};
    let file = dir.join("attributes.xlsx");
    attribute_bomb(&file, 200_000);
    let t = Instant::now();
    let refused = open(&file, None, Limits::default()).expect_err("refused");
    let guard = t.elapsed();
    assert!(
        refused.message.contains("attributes"),
        "{}",
        refused.message
    );
    let t = Instant::now();
    let mut book: Xlsx<_> = open_workbook(&file).expect("calamine opens it");
    let mut cells = book.worksheet_cells_reader("Sheet1").expect("the sheet");
    while cells.next_cell().expect("a cell").is_some() {}
    let parsed = t.elapsed();
    println!(
        "| refuse a workbook whose start tag has 200,000 attributes ({} KiB) | {:.1} ms (calamine 0.38 alone parses it in {:.1} ms) |",
        std::fs::metadata(&file).map_or(0, |m| m.len() / 1024),
        guard.as_secs_f64() * 1000.0,
        parsed.as_secs_f64() * 1000.0
    );
}
