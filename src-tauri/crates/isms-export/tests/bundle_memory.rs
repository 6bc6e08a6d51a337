//! A 64 MiB evidence file goes into a bundle and the bundle is verified without the process
//! ever holding the file whole. Its own test binary, so no other test shares the process whose
//! peak memory it measures (as `isms-core/tests/evidence_memory.rs` does).

#![cfg(target_os = "linux")]

use isms_core::db::Action;
use isms_core::evidence::{self, NewEvidence};
use isms_core::organisation::{self, Organisation};
use isms_core::{Passphrase, Stamp, Vault};

const MIB: usize = 1024 * 1024;
const FILE_MIB: usize = 64;

#[path = "support/memory.rs"]
mod memory;
use memory::{peak_rss, reset_peak, write_log};
#[path = "support/stand_in.rs"]
mod stand_in;

#[test]
fn a_64_mib_file_is_bundled_and_verified_with_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("firewall-logs.log");
    write_log(&src, FILE_MIB * MIB, 0);
    let stamp = Stamp::new(
        chrono::DateTime::from_timestamp(1_770_000_000, 0).unwrap(),
        "test",
    );
    let mut vault = Vault::create(
        &dir.path().join("v.isms"),
        Passphrase::new("correct horse battery staple".into()),
        stamp.clone(),
        |tx| organisation::create(tx, Organisation::named("Acme"), Action::Create).map(|_| ()),
    )
    .unwrap();
    let new = NewEvidence {
        links: vec!["8.15".into()],
        ..NewEvidence::default()
    };
    evidence::add_file(&mut vault, stamp, &src, new).unwrap();

    reset_peak();
    let base = peak_rss();
    let out = dir.path().join("pack.zip");
    let plan = stand_in::plan(&vault, &["8.15"]);
    let manifest = stand_in::write(
        &vault,
        "pack.pdf",
        &plan,
        &out,
        &mut isms_export::bundle::unwatched,
    )
    .unwrap();
    let written = peak_rss().saturating_sub(base);
    reset_peak();
    let base = peak_rss();
    let report = isms_export::bundle::verify(&out).unwrap();
    let verified = peak_rss().saturating_sub(base);

    assert!(report.ok(), "{report:?}");
    assert_eq!(manifest.files.len(), 3, "the PDF, the index and the log");
    let log = manifest
        .files
        .iter()
        .find(|f| f.evidence_id.is_some())
        .unwrap();
    assert_eq!(log.path, "evidence/8.15/firewall-logs.log");
    assert_eq!(log.size, (FILE_MIB * MIB) as u64);
    eprintln!(
        "bundle of {FILE_MIB} MiB: +{} KiB writing, +{} KiB verifying, {zip_size_kib} KiB zip",
        written / 1024,
        verified / 1024,
        zip_size_kib = std::fs::metadata(&out).unwrap().len() / 1024
    );
    let zip_size = std::fs::metadata(&out).unwrap().len();
    assert!(
        zip_size > 8 * MIB as u64,
        "the noise keeps the deflated log large: {zip_size}"
    );
    // Holding the file whole would add 64 MiB; chunks, buffers and SQLite's cache stay well below.
    assert!(
        written < 32 * MIB as u64,
        "peak memory grew by {} MiB writing a bundle of a {FILE_MIB} MiB file",
        written / MIB as u64
    );
    assert!(
        verified < 16 * MIB as u64,
        "peak memory grew by {} MiB verifying it",
        verified / MIB as u64
    );
}
