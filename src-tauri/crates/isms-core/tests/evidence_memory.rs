//! A 100 MiB evidence file goes in and comes out without the process ever holding it whole.
//! Its own test binary, so no other test shares the process whose peak memory it measures.

#![cfg(target_os = "linux")]

use std::io::Write;

use isms_core::db::Action;
use isms_core::evidence::{self, NewEvidence};
use isms_core::organisation::{self, Organisation};
use isms_core::{Passphrase, Stamp, Vault};
use sha2::{Digest, Sha256};

const MIB: usize = 1024 * 1024;

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

#[test]
fn a_100_mib_file_round_trips_with_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("backup-proof.bin");
    let mut hasher = Sha256::new();
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&src).unwrap());
        let mut block = vec![0u8; MIB];
        for i in 0..100u32 {
            block
                .iter_mut()
                .enumerate()
                .for_each(|(k, b)| *b = (k as u32 ^ i.wrapping_mul(2654435761)) as u8);
            hasher.update(&block);
            f.write_all(&block).unwrap();
        }
    }
    let expected = hex::encode(hasher.finalize());
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

    reset_peak();
    let base = peak_rss();
    let added = evidence::add_file(&mut vault, stamp, &src, NewEvidence::default()).unwrap();
    let out_path = dir.path().join("out.bin");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&out_path).unwrap());
    evidence::write_content(vault.reader(), added.id, &mut out).unwrap();
    out.flush().unwrap();
    let grown = peak_rss().saturating_sub(base);

    assert_eq!(added.sha256, expected);
    let mut check = Sha256::new();
    let mut file = std::fs::File::open(&out_path).unwrap();
    let mut buf = vec![0u8; MIB];
    loop {
        let n = std::io::Read::read(&mut file, &mut buf).unwrap();
        if n == 0 {
            break;
        }
        check.update(&buf[..n]);
    }
    assert_eq!(hex::encode(check.finalize()), expected, "byte for byte");
    // SQLite's page cache may take its 64 MiB; holding the file whole would add 100 MiB more.
    assert!(
        grown < 96 * MIB as u64,
        "peak memory grew by {} MiB for a 100 MiB file",
        grown / MIB as u64
    );
}
