//! Writing a bundle with 1 GiB of evidence: eight 128 MiB log files (text with noise, so
//! deflate has real work) stored in a vault, then bundled with a small PDF and verified. Prints
//! MiB of evidence per second and the peak memory each step adds to the process; the bundle
//! streams from the vault's chunks, so neither grows with the evidence. Run in release:
//! `make bench` (or `cargo bench -p isms-export --bench bundle`). Linux only (reads /proc).

use std::time::Instant;

use isms_core::db::Action;
use isms_core::evidence::{self, NewEvidence};
use isms_core::organisation::{self, Organisation};
use isms_core::{Passphrase, Stamp, Vault};

const MIB: usize = 1024 * 1024;
const FILES: usize = 8;
const FILE_MIB: usize = 128;

#[path = "../tests/support/memory.rs"]
mod memory;
use memory::{peak_rss, reset_peak, write_log};
#[path = "../tests/support/stand_in.rs"]
mod stand_in;

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
        write_log(&src, FILE_MIB * MIB, i as u64);
        let new = NewEvidence {
            links: vec!["8.15".into()],
            ..NewEvidence::default()
        };
        evidence::add_file(&mut vault, stamp.clone(), &src, new).expect("stored");
        std::fs::remove_file(&src).expect("removed");
    }
    let total_mib = (FILES * FILE_MIB) as f64;
    let stored = started.elapsed().as_secs_f64();

    reset_peak();
    let base = peak_rss();
    let out = dir.path().join("pack.zip");
    let t = Instant::now();
    let plan = stand_in::plan(&vault, &["8.15"]);
    let manifest = stand_in::write(
        &vault,
        "pack.pdf",
        &plan,
        &out,
        &mut isms_export::bundle::unwatched,
    )
    .expect("the bundle");
    let write_s = t.elapsed().as_secs_f64();
    let write_peak = peak_rss().saturating_sub(base);
    assert_eq!(
        manifest.files.len(),
        FILES + 2,
        "the PDF, the index and every log"
    );

    reset_peak();
    let base = peak_rss();
    let t = Instant::now();
    let report = isms_export::bundle::verify(&out).expect("verified");
    let verify_s = t.elapsed().as_secs_f64();
    let verify_peak = peak_rss().saturating_sub(base);
    assert!(report.ok(), "{report:?}");

    let zip_mib = std::fs::metadata(&out).expect("the zip").len() as f64 / MIB as f64;
    println!(
        "| store {total_mib:.0} MiB of evidence in the vault ({FILES} files) | {stored:.1} s |"
    );
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
