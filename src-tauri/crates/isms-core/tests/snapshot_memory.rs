//! A snapshot of four evidence files (40 MiB of JSON; 200 MiB with `ISMS_SNAPSHOT_FULL=1`) is
//! read and imported within a bounded multiple of its size: it is parsed as a stream, never as a `Value` nor as a second
//! copy of the text, and each file is decoded only when imported. Its own test binary, so no
//! other test shares the process whose peak memory it measures. It also writes the document to
//! `$ISMS_SNAPSHOT_BOMB` when set, for measuring the `isms` binary on the same input.

#![cfg(target_os = "linux")]

use std::io::Write;

use base64::Engine as _;
use isms_core::db::Action;
use isms_core::organisation::{self, Organisation};
use isms_core::{Passphrase, Stamp, Vault, evidence, snapshot};
use sha2::{Digest, Sha256};

const MIB: u64 = 1024 * 1024;
const FILES: usize = 4;

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

fn reset_peak() {
    std::fs::write("/proc/self/clear_refs", "5").unwrap();
}

fn stamp() -> Stamp {
    Stamp::new(
        chrono::DateTime::from_timestamp(1_770_000_000, 0).unwrap(),
        "test",
    )
}

fn fresh(path: &std::path::Path) -> Vault {
    Vault::create(
        path,
        Passphrase::new("correct horse battery staple".into()),
        stamp(),
        |tx| organisation::create(tx, Organisation::named("Acme"), Action::Create).map(|_| ()),
    )
    .unwrap()
}

/// Writes a snapshot of `FILES` pseudo-random files to `out`, 1 MiB at a time.
fn write_bomb(template: &serde_json::Value, out: &std::path::Path) {
    let mut doc = template.clone();
    let mut records = Vec::new();
    let mut files = Vec::new();
    let mut f = std::io::BufWriter::new(std::fs::File::create(out).unwrap());
    let mut hashes = Vec::new();
    for n in 0..FILES {
        let mut hasher = Sha256::new();
        for block in blocks(n) {
            hasher.update(&block);
        }
        hashes.push(hex::encode(hasher.finalize()));
    }
    for (n, sha) in hashes.iter().enumerate() {
        records.push(serde_json::json!({
            "id": n + 1, "sha256": sha, "file_name": format!("scan-{n}.bin"),
            "media_type": "application/octet-stream", "size": file_bytes(),
            "effective_date": null, "uploaded_at": "2026-03-02T09:00:00Z",
            "description": "", "links": []
        }));
        files.push(serde_json::json!({"sha256": sha, "base64": format!("@@{n}@@")}));
    }
    doc["evidence"] = serde_json::Value::Array(records);
    doc["evidence_files"] = serde_json::Value::Array(files);
    let mut text = doc.to_string();
    for n in 0..FILES {
        let marker = format!("@@{n}@@");
        let at = text.find(&marker).unwrap();
        f.write_all(&text.as_bytes()[..at]).unwrap();
        for block in blocks(n) {
            let encoded = base64::engine::general_purpose::STANDARD.encode(&block);
            f.write_all(encoded.as_bytes()).unwrap();
        }
        text = text[at + marker.len()..].to_owned();
    }
    f.write_all(text.as_bytes()).unwrap();
    f.flush().unwrap();
}

/// File `n`'s bytes in blocks of 1.5 MiB (a multiple of 3), each block unique by its start.
fn blocks(n: usize) -> impl Iterator<Item = Vec<u8>> {
    let block = 3 * 512 * 1024;
    let base: Vec<u8> = (0..block)
        .map(|k| ((k as u32).wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    (0..file_bytes() / block).map(move |i| {
        let mut b = base.clone();
        b[..8].copy_from_slice(&((n as u64) << 32 | i as u64).to_le_bytes());
        b
    })
}

/// Bytes of each evidence file: 37.5 MiB (a 200 MiB snapshot) with `ISMS_SNAPSHOT_FULL=1`
/// (the README's figure: `ISMS_SNAPSHOT_FULL=1 cargo test --test snapshot_memory`), else 7.5 MiB, so the debug test suite stays quick.
fn file_bytes() -> usize {
    if std::env::var_os("ISMS_SNAPSHOT_FULL").is_some() {
        25 * 3 * 512 * 1024
    } else {
        5 * 3 * 512 * 1024
    }
}

#[test]
fn a_large_snapshot_is_imported_within_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let template: serde_json::Value = {
        let v = fresh(&dir.path().join("template.isms"));
        serde_json::from_str(&snapshot::to_json(&snapshot::export(&v).unwrap()).unwrap()).unwrap()
    };
    let path = match std::env::var_os("ISMS_SNAPSHOT_BOMB") {
        Some(p) => std::path::PathBuf::from(p),
        None => dir.path().join("bomb.json"),
    };
    write_bomb(&template, &path);
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(
        size > (FILES * file_bytes()) as u64 * 4 / 3,
        "the document is {} MiB",
        size / MIB
    );

    let mut vault = fresh(&dir.path().join("target.isms"));
    reset_peak();
    let base = peak_rss();
    let snap = snapshot::read_file(&path, snapshot::MAX_SNAPSHOT_BYTES).unwrap();
    snapshot::import(&mut vault, stamp(), snap).unwrap();
    let peak = peak_rss();
    let grown = peak.saturating_sub(base);
    eprintln!(
        "snapshot of {} MiB: peak resident {} MiB, {} MiB over the {} MiB before reading",
        size / MIB,
        peak / MIB,
        grown / MIB,
        base / MIB
    );

    let list = evidence::list(vault.reader()).unwrap();
    assert_eq!(list.len(), FILES);
    assert!(list.iter().all(|e| e.size == file_bytes() as u64));
    assert!(vault.check().unwrap().ok);
    // The text once as strings, one string's parse buffer, one decoded file and SQLite's
    // 64 MiB page cache; before, the text, a `Value` and the snapshot took 1.17 GB.
    assert!(
        grown < 2 * size,
        "peak memory grew by {} MiB for a {} MiB snapshot",
        grown / MIB,
        size / MIB
    );
}
