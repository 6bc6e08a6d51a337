//! Reading stays within about 300 MB whatever the file: a sheet at the row limit is read, and
//! a million-row CSV, a zip bomb declaring more than a gigabyte and one lying about its size
//! are refused, each measured by the growth of the peak resident memory of a fresh process
//! (this test binary run again for one case), so nothing else shares the process whose peak it
//! measures (as `isms-export/tests/bundle_memory.rs` does) and no memory freed by building the
//! fixtures is reused unmeasured.

#![cfg(target_os = "linux")]

use std::io::Write;
use std::path::Path;

use isms_sheets::read::{Limits, open};

const MIB: u64 = 1024 * 1024;

/// Peak resident memory of this process since the last reset, in bytes.
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace()
        .nth(1)
        .unwrap()
        .parse::<u64>()
        .unwrap()
        * 1024
}

/// Resets the peak to the current resident size (Linux 4.0 and later).
fn reset_peak() {
    std::fs::write("/proc/self/clear_refs", "5").unwrap();
}

/// How much the peak grows while `f` runs, and what it returned.
fn measured<T>(f: impl FnOnce() -> T) -> (T, u64) {
    reset_peak();
    let base = peak_rss();
    let out = f();
    (out, peak_rss().saturating_sub(base))
}

/// A risk register of `rows` rows under a header, ten columns of text and numbers, written
/// part by part straight into the ZIP (a minimal XLSX with inline strings), so making it
/// leaves no memory behind for the reader to reuse unmeasured.
fn big_register(path: &Path, rows: u32) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, &str); 4] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Risks" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let mut out = std::io::BufWriter::new(&mut zip);
    write!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    )
    .unwrap();
    let text = |out: &mut dyn Write, r: u32, c: char, v: &str| {
        write!(
            out,
            r#"<c r="{c}{r}" t="inlineStr"><is><t>{v}</t></is></c>"#
        )
        .unwrap();
    };
    let num = |out: &mut dyn Write, r: u32, c: char, v: u32| {
        write!(out, r#"<c r="{c}{r}"><v>{v}</v></c>"#).unwrap();
    };
    let headers = [
        "Ref",
        "Title",
        "Owner",
        "Likelihood",
        "Impact",
        "Treatment",
        "Controls",
        "Due date",
        "Residual likelihood",
        "Residual impact",
    ];
    write!(out, r#"<row r="1">"#).unwrap();
    for (c, h) in ('A'..='J').zip(headers) {
        text(&mut out, 1, c, h);
    }
    write!(out, "</row>").unwrap();
    for r in 2..=rows {
        write!(out, r#"<row r="{r}">"#).unwrap();
        text(&mut out, r, 'A', &format!("R-{r:06}"));
        text(
            &mut out,
            r,
            'B',
            &format!("Risk number {r} of the register"),
        );
        text(&mut out, r, 'C', &format!("owner{}@acme.example", r % 50));
        num(&mut out, r, 'D', r % 5 + 1);
        num(&mut out, r, 'E', r % 4 + 1);
        text(&mut out, r, 'F', "Modify");
        text(&mut out, r, 'G', "A.5.1; A.8.24");
        num(&mut out, r, 'H', 46112);
        num(&mut out, r, 'I', 1);
        num(&mut out, r, 'J', 2);
        write!(out, "</row>").unwrap();
    }
    write!(out, "</sheetData></worksheet>").unwrap();
    drop(out);
    zip.finish().unwrap();
}

fn bomb(path: &Path, size: u64) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    zip.start_file("xl/workbook.xml", options).unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let chunk = vec![b' '; MIB as usize];
    for _ in 0..size / MIB {
        zip.write_all(&chunk).unwrap();
    }
    zip.finish().unwrap();
}

/// Runs `open` on `path` in a fresh process (this binary again, running only
/// [`one_case`]), so no memory freed by making the fixtures is reused unmeasured; returns the
/// growth of its peak and what it said.
fn in_child(path: &Path) -> (u64, String) {
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "one_case", "--nocapture", "--test-threads=1"])
        .env(CASE, path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let line = stdout
        .lines()
        .find_map(|l| l.split_once("case: ").map(|(_, said)| said))
        .unwrap_or_else(|| panic!("the child said nothing: {stdout} {out:?}"));
    let (grew, said) = line.split_once(' ').unwrap();
    (grew.parse().unwrap(), said.to_owned())
}

const CASE: &str = "ISMS_READ_MEMORY_CASE";

/// The child's side of [`in_child`]; does nothing when run by the harness itself.
#[test]
fn one_case() {
    let Some(path) = std::env::var_os(CASE) else {
        return;
    };
    let (result, grew) = measured(|| open(Path::new(&path), None, Limits::default()));
    let said = match result {
        Ok(book) => format!(
            "ok {} rows, last {}",
            book.rows.len(),
            book.rows[book.rows.len() - 1][0].display()
        ),
        Err(e) => format!("refused {}", e.message),
    };
    println!("case: {grew} {said}");
}

#[test]
fn reading_large_and_hostile_files_stays_under_300_mb() {
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits::default();

    let register = dir.path().join("register.xlsx");
    big_register(&register, limits.max_rows);
    let (xlsx, said) = in_child(&register);
    assert_eq!(
        said, "ok 100000 rows, last R-100000",
        "a sheet at the row limit is read whole"
    );

    let csv = dir.path().join("people.csv");
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&csv).unwrap());
        writeln!(f, "Name;E-mail;Department").unwrap();
        for i in 0..1_000_000 {
            writeln!(f, "Person {i};p{i}@acme.example;Operations").unwrap();
        }
    }
    let (million, said) = in_child(&csv);
    assert!(said.contains("more than 100,000 rows"), "{said}");

    let declared = dir.path().join("bomb.xlsx");
    bomb(&declared, 1100 * MIB);
    let (bombed, said) = in_child(&declared);
    assert!(said.contains("zip bomb"), "{said}");

    let honest = dir.path().join("honest.xlsx");
    bomb(&honest, 100 * MIB);
    let mut bytes = std::fs::read(&honest).unwrap();
    let real = (100u32 * MIB as u32).to_le_bytes();
    for at in 0..bytes.len() - 4 {
        if bytes[at..at + 4] == real {
            bytes[at..at + 4].copy_from_slice(&4096u32.to_le_bytes());
        }
    }
    let liar = dir.path().join("liar.xlsx");
    std::fs::write(&liar, bytes).unwrap();
    let (lied, said) = in_child(&liar);
    assert!(
        said.starts_with("refused"),
        "a part inflating past its declared size: {said}"
    );

    eprintln!(
        "peak growth: {} MiB reading 100,000 rows × 10 columns of XLSX ({} KiB file), {} MiB \
         refusing a million-row CSV ({} MiB), {} MiB refusing a 1.1 GB zip bomb, {} MiB refusing \
         a part lying about its size",
        xlsx / MIB,
        std::fs::metadata(&register).unwrap().len() / 1024,
        million / MIB,
        std::fs::metadata(&csv).unwrap().len() / MIB,
        bombed / MIB,
        lied / MIB
    );
    assert!(
        xlsx < 300 * MIB,
        "reading the largest sheet allowed grew by {} MiB",
        xlsx / MIB
    );
    assert!(
        million < 300 * MIB,
        "the million-row CSV grew by {} MiB",
        million / MIB
    );
    assert!(
        bombed < 16 * MIB,
        "the zip bomb is refused from its directory: {} MiB",
        bombed / MIB
    );
    assert!(
        lied < 16 * MIB,
        "the lying part is streamed and stopped: {} MiB",
        lied / MIB
    );
}
