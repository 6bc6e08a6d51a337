//! Reading stays within 300 MB whatever the file: a sheet at the row limit is read, and a
//! million-row CSV, zip bombs (declaring more than a gigabyte, or lying about their size) and
//! spreadsheet bombs (`bombs`: a shared string copied into every cell, a merged range filled
//! with a long value, one huge cell, a tag with 200,000 attributes, a shared string table
//! declaring a trillion strings) are refused, each in a fresh process (this test binary run
//! again for one case) whose whole peak resident memory (`VmHWM`) is measured, so nothing else
//! shares the process (as `isms-export/tests/bundle_memory.rs` does) and no memory freed by
//! building the fixtures is reused unmeasured.

#![cfg(target_os = "linux")]

mod bombs;
mod parts;

use std::io::Write;
use std::path::Path;

use isms_core::ErrorCode;
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
    parts::workbook(path, None, &|out| register_sheet(out, rows));
}

fn register_sheet(out: &mut dyn Write, rows: u32) {
    write!(out, "{}", parts::SHEET_START).unwrap();
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
        text(out, 1, c, h);
    }
    write!(out, "</row>").unwrap();
    for r in 2..=rows {
        write!(out, r#"<row r="{r}">"#).unwrap();
        text(out, r, 'A', &format!("R-{r:06}"));
        text(out, r, 'B', &format!("Risk number {r} of the register"));
        text(out, r, 'C', &format!("owner{}@acme.example", r % 50));
        num(out, r, 'D', r % 5 + 1);
        num(out, r, 'E', r % 4 + 1);
        text(out, r, 'F', "Modify");
        text(out, r, 'G', "A.5.1; A.8.24");
        num(out, r, 'H', 46112);
        num(out, r, 'I', 1);
        num(out, r, 'J', 2);
        write!(out, "</row>").unwrap();
    }
    write!(out, "</sheetData></worksheet>").unwrap();
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

/// What one case cost and said: the growth of the peak while `open` ran, the process's whole
/// peak, and "ok …" or "refused Validation file: message".
struct Case {
    grew: u64,
    peak: u64,
    said: String,
}

/// Runs `open` on `path` in a fresh process (this binary again, running only
/// [`one_case`]), so no memory freed by making the fixtures is reused unmeasured.
fn in_child(path: &Path) -> Case {
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
    let mut words = line.splitn(3, ' ');
    let mut number = || words.next().unwrap().parse().unwrap();
    let (grew, peak) = (number(), number());
    Case {
        grew,
        peak,
        said: words.next().unwrap().to_owned(),
    }
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
        Err(e) => format!(
            "refused {:?} {}: {}",
            e.code,
            e.fields.first().map_or("-", |f| f.field.as_str()),
            e.message
        ),
    };
    println!("case: {grew} {} {said}", peak_rss());
}

#[test]
fn reading_large_and_hostile_files_stays_under_300_mb() {
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits::default();

    let register = dir.path().join("register.xlsx");
    big_register(&register, limits.max_rows);
    let Case {
        grew: xlsx, said, ..
    } = in_child(&register);
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
    let Case {
        grew: million,
        said,
        ..
    } = in_child(&csv);
    assert!(said.contains("more than 100,000 rows"), "{said}");

    let declared = dir.path().join("bomb.xlsx");
    bomb(&declared, 1100 * MIB);
    let Case {
        grew: bombed, said, ..
    } = in_child(&declared);
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
    let Case {
        grew: lied, said, ..
    } = in_child(&liar);
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

/// Each bomb is refused as a validation error about the file, naming the limit it passed,
/// with the whole child process peaking under 300 MB. Before the budget, the shared string
/// bomb copied its string into every cell (600 MB here), the merged range its value into
/// every covered cell (60 GB), the huge cell was read whole (155 MB, then copied), the
/// attribute bomb took minutes (quick-xml 0.38's quadratic check), and the declared table
/// aborted the process reserving room for a trillion strings.
#[test]
fn spreadsheet_bombs_are_refused_under_300_mb() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name);
    bombs::shared_string(&at("shared.xlsx"), 30_000, 20_000);
    bombs::merged(&at("merged.xlsx"), 30_000, 100_000, "T100000");
    bombs::huge_cell(&at("cell.xlsx"), 155_000_000);
    bombs::attributes(&at("attributes.xlsx"), 200_000);
    bombs::declared_strings(&at("declared.xlsx"), 1_000_000_000_000);
    let cases = [
        (
            "shared.xlsx",
            "a shared string of 30,000 characters in 20,000 cells",
            "expands to more than 64 MB of cell text",
        ),
        (
            "merged.xlsx",
            "a value of 30,000 characters merged over A1:T100000",
            "expands to more than 64 MB of cell text",
        ),
        ("cell.xlsx", "one cell of 155 MB", "run of text longer than"),
        (
            "attributes.xlsx",
            "a tag with 200,000 attributes",
            "more than 256 attributes",
        ),
        (
            "declared.xlsx",
            "a shared string table declaring 10^12 strings",
            "more than 1,000,000 strings",
        ),
    ];
    let mut table = Vec::new();
    for (file, what, phrase) in cases {
        let path = at(file);
        let size = std::fs::metadata(&path).unwrap().len();
        let case = in_child(&path);
        let code = format!("{:?}", ErrorCode::Validation);
        assert!(
            case.said.starts_with(&format!("refused {code} file: ")),
            "{what} is refused as a validation error about the file: {}",
            case.said
        );
        assert!(case.said.contains(phrase), "{what}: {}", case.said);
        assert!(
            case.peak < 300 * MIB,
            "{what}: the process peaked at {} MiB",
            case.peak / MIB
        );
        table.push(format!(
            "{what} ({} KiB file): refused, process peak {} MiB (+{} MiB while reading)",
            size / 1024,
            case.peak / MIB,
            case.grew / MIB
        ));
    }
    eprintln!("{}", table.join("\n"));
}
