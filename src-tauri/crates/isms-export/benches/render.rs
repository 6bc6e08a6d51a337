//! How long the stage2 pack of the large demo company (5,000 risks, 1,000 documents, 500
//! people, 50,000 tracker items) takes to build and lay out, its pages per second (of wall time
//! and of CPU time, which other work on the machine does not change), and the process's peak
//! memory. Run with `make bench` (release build); the figures go in README's performance
//! section.

use std::time::Instant;

use chrono::NaiveDate;
use isms_core::Passphrase;
use isms_core::demo::{self, DemoPoint, DemoScale};
use isms_core::readiness::Stage;
use isms_export::packs::{self, PackKind};

/// CPU time this thread has run, in seconds (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

/// This process's peak resident memory in MiB (Linux; 0 elsewhere).
fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?.to_owned();
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 6, 15).expect("a valid date");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let vault = demo::create(
        &dir.path().join("large.isms"),
        Passphrase::new("benchmark passphrase".into()),
        DemoPoint::Stage2Ready,
        DemoScale::Large,
        today,
    )
    .expect("the large demo vault");
    let before = peak_mib();

    let started = Instant::now();
    let cpu = cpu_seconds();
    let pack = packs::build(&vault, PackKind::Stage2, Stage::Two, today).expect("the pack");
    let built = started.elapsed();
    let pdf = isms_export::pdf::render(&pack).expect("the PDF");
    let total = started.elapsed();
    let cpu = cpu_seconds() - cpu;
    let pages = count_pages(&pdf);
    println!(
        "| render the stage2 pack of the large demo ({pages} pages, {:.1} MiB; content {:.2} s, layout and writing {:.2} s) | {:.2} s, {:.0} pages per second; {cpu:.2} s of CPU, {:.0} pages per CPU-second |",
        pdf.len() as f64 / 1048576.0,
        built.as_secs_f64(),
        (total - built).as_secs_f64(),
        total.as_secs_f64(),
        pages as f64 / total.as_secs_f64(),
        pages as f64 / cpu.max(1e-9)
    );
    println!(
        "| peak memory of the process rendering it (laid out twice, written page by page) | {:.0} MiB ({before:.0} MiB before) |",
        peak_mib()
    );
}

/// Pages, as poppler counts them.
fn count_pages(pdf: &[u8]) -> usize {
    let path = std::env::temp_dir().join(format!("isms-bench-{}.pdf", std::process::id()));
    std::fs::write(&path, pdf).expect("write the PDF");
    let info = std::process::Command::new("pdfinfo").arg(&path).output();
    let _ = std::fs::remove_file(&path);
    info.ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find(|l| l.starts_with("Pages:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
