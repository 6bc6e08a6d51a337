//! Writing a bundle with 1 GiB of evidence: eight 128 MiB log files (text with noise, so
//! deflate has real work) stored in a vault, then bundled with a small PDF and verified. Prints
//! MiB of evidence per second and the peak memory each step adds to the process; the bundle
//! streams from the vault's chunks, so neither grows with the evidence. Run in release:
//! `make bench` (or `cargo bench -p isms-export --bench bundle`). Linux only (reads /proc).

use std::io::Write;
use std::time::Instant;

use isms_core::db::Action;
use isms_core::evidence::{self, NewEvidence};
use isms_core::organisation::{self, Organisation};
use isms_core::{Passphrase, Stamp, Vault};

const MIB: usize = 1024 * 1024;
const FILES: usize = 8;
const FILE_MIB: usize = 128;

/// Peak resident memory of this process since the last reset, in bytes.
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .expect("VmHWM");
    line.split_whitespace()
        .nth(1)
        .and_then(|v| v.parse::<u64>().ok())
        .expect("a size")
        * 1024
}

/// Resets the peak to the current resident size (Linux 4.0 and later).
fn reset_peak() {
    std::fs::write("/proc/self/clear_refs", "5").expect("clear_refs");
}

fn log_file(path: &std::path::Path, seed: u64) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("the log file"));
    let mut state = 0x9E37_79B9_7F4A_7C15u64 ^ seed;
    let (mut written, mut line) = (0, 0u64);
    while written < FILE_MIB * MIB {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let text = format!(
            "{line:09} DENY tcp 10.0.{}.{} -> 192.0.2.{} port {} {state:016x}\n",
            state % 250,
            (state >> 8) % 250,
            (state >> 16) % 250,
            (state >> 24) % 65_535,
        );
        let bytes = &text.as_bytes()[..text.len().min(FILE_MIB * MIB - written)];
        f.write_all(bytes).expect("written");
        written += bytes.len();
        line += 1;
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let stamp = Stamp::new(
        chrono::DateTime::from_timestamp(1_770_000_000, 0).unwrap(),
        "bench",
    );
    let mut vault = Vault::create(
        &dir.path().join("v.isms"),
        Passphrase::new("benchmark passphrase".into()),
        stamp.clone(),
        |tx| organisation::create(tx, Organisation::named("Acme"), Action::Create).map(|_| ()),
    )
    .expect("a vault");
    let started = Instant::now();
    for i in 0..FILES {
        let src = dir.path().join(format!("firewall-{i}.log"));
        log_file(&src, i as u64);
        let new = NewEvidence {
            links: vec!["8.15".into()],
            ..NewEvidence::default()
        };
        evidence::add_file(&mut vault, stamp.clone(), &src, new).expect("stored");
        std::fs::remove_file(&src).expect("removed");
    }
    let total_mib = (FILES * FILE_MIB) as f64;
    println!(
        "stored {total_mib:.0} MiB of evidence in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    reset_peak();
    let base = peak_rss();
    let out = dir.path().join("pack.zip");
    let t = Instant::now();
    let manifest = isms_export::bundle::write_bundle(
        &vault,
        "pack.pdf",
        b"%PDF-1.7\n%%EOF\n",
        &["8.15".to_owned()],
        &out,
        &mut isms_export::bundle::unwatched,
    )
    .expect("the bundle");
    let write_s = t.elapsed().as_secs_f64();
    let write_peak = peak_rss().saturating_sub(base);
    assert_eq!(manifest.files.len(), FILES + 1, "the PDF and every log");

    reset_peak();
    let base = peak_rss();
    let t = Instant::now();
    let report = isms_export::bundle::verify(&out).expect("verified");
    let verify_s = t.elapsed().as_secs_f64();
    let verify_peak = peak_rss().saturating_sub(base);
    assert!(report.ok(), "{report:?}");

    let zip_mib = std::fs::metadata(&out).expect("the zip").len() as f64 / MIB as f64;
    println!("| what | result |");
    println!("| --- | --- |");
    println!(
        "| write a bundle with {total_mib:.0} MiB of evidence ({zip_mib:.0} MiB deflated) | {write_s:.1} s, {:.0} MiB/s, +{:.1} MiB peak memory |",
        total_mib / write_s,
        write_peak as f64 / MIB as f64
    );
    println!(
        "| verify it | {verify_s:.1} s, {:.0} MiB/s, +{:.1} MiB peak memory |",
        total_mib / verify_s,
        verify_peak as f64 / MIB as f64
    );
}
