//! The ZIP bundle on the demo company at `stage2-ready`, topped up with evidence of every kind
//! (compressed and text, duplicate names in mixed case, Windows device names) and documents
//! whose references are hostile: the bundle verifies, changing, removing or adding a file is
//! caught and named, two bundles are byte-identical, every entry name is safe and unique, and
//! compression follows the kind of file.

use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use isms_core::demo::{DemoPoint, DemoScale};
use isms_core::documents::{self, DocKind, Document, DraftVersion};
use isms_core::evidence::{self, NewEvidence};
use isms_core::{ErrorCode, Passphrase, Stamp, Vault};
use isms_export::bundle::{self, BundleProgress, Manifest, Plan};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

#[path = "support/safe_names.rs"]
mod safe_names;
use safe_names::assert_safe;
#[path = "support/stand_in.rs"]
mod stand_in;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n-- marker of the screenshot's pixels --";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
}

fn stamp() -> Stamp {
    Stamp::new(
        chrono::DateTime::from_timestamp(1_781_000_000, 0).unwrap(),
        "test",
    )
}

struct Fixture {
    dir: tempfile::TempDir,
    vault: Vault,
    plan: Plan,
}

impl Fixture {
    fn bundle(&self, name: &str) -> (PathBuf, Manifest) {
        let out = self.dir.path().join(name);
        let manifest = stand_in::write(
            &self.vault,
            "Stage 2 evidence pack.pdf",
            &self.plan,
            &out,
            &mut bundle::unwatched,
        )
        .unwrap();
        (out, manifest)
    }
}

fn add(vault: &mut Vault, dir: &Path, name: &str, bytes: &[u8], links: &[&str]) -> i64 {
    let src = dir.join("src.bin");
    std::fs::write(&src, bytes).unwrap();
    let new = NewEvidence {
        file_name: Some(name.to_owned()),
        effective_date: Some(today()),
        description: String::new(),
        links: links.iter().map(|l| (*l).to_owned()).collect(),
    };
    evidence::add_file(vault, stamp(), &src, new).unwrap().id
}

/// The demo company plus hostile evidence and documents; `records` is every risk, every control
/// with evidence and every document, as a pack would list them.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = isms_core::demo::create(
        &dir.path().join("northwind.isms"),
        Passphrase::new("correct horse battery staple".into()),
        DemoPoint::Stage2Ready,
        DemoScale::Small,
        today(),
    )
    .unwrap();
    let d = dir.path();
    add(&mut vault, d, "screenshot.png", PNG, &["R-001", "5.15"]);
    add(
        &mut vault,
        d,
        "notes.txt",
        "access review notes\n".repeat(200).as_bytes(),
        &["R-001"],
    );
    add(&mut vault, d, "Report.PDF", b"%PDF one", &["R-001"]);
    add(&mut vault, d, "report.pdf", b"%PDF two", &["R-001"]);
    add(&mut vault, d, "CON", b"device", &["R-002"]);
    add(&mut vault, d, "con.txt", b"device text", &["R-002"]);
    add(&mut vault, d, "../../etc/passwd", b"root:x:0:0", &["R-002"]);
    add(&mut vault, d, "a\u{0}b", b"nul", &["R-002"]);
    add(
        &mut vault,
        d,
        &format!("{}.txt", "long".repeat(60)),
        b"long",
        &["R-002"],
    );
    add(&mut vault, d, "trailing dots...", b"dots", &["R-002"]);
    let shared = add(&mut vault, d, "shared.txt", b"a version file", &["8.2"]);

    let hostile = [
        "../../etc/passwd",
        "CON",
        "a\u{0}b",
        "..",
        "Weird\\ref/with:colon",
        &"x".repeat(300),
    ];
    for (i, reference) in hostile.iter().enumerate() {
        let doc = documents::create(
            &mut vault,
            stamp(),
            Document::new(reference, &format!("Hostile {i}"), DocKind::Other),
        )
        .unwrap();
        let file = add(
            &mut vault,
            d,
            "policy.md",
            format!("# Policy {i}\n").as_bytes(),
            &[],
        );
        documents::save_draft(
            &mut vault,
            stamp(),
            doc.id,
            DraftVersion {
                number: "1.0".into(),
                change_summary: String::new(),
                evidence_id: Some(file),
            },
        )
        .unwrap();
    }
    let doc = documents::create(
        &mut vault,
        stamp(),
        Document::new("POL-SHARED", "Shared", DocKind::Policy),
    )
    .unwrap();
    let draft = DraftVersion {
        number: "2.0".into(),
        change_summary: String::new(),
        evidence_id: Some(shared),
    };
    documents::save_draft(&mut vault, stamp(), doc.id, draft).unwrap();

    let mut records: Vec<String> = isms_core::risks::list(vault.reader())
        .unwrap()
        .into_iter()
        .map(|r| r.reference)
        .collect();
    let mut controls: Vec<String> = evidence::list(vault.reader())
        .unwrap()
        .into_iter()
        .flat_map(|e| e.links)
        .filter(|l| !l.starts_with("R-"))
        .collect();
    controls.sort();
    controls.dedup();
    records.extend(controls);
    records.extend(
        documents::list(vault.reader())
            .unwrap()
            .into_iter()
            .map(|d| d.reference),
    );
    let plan = Plan::of(&vault, today(), &records).unwrap();
    Fixture { dir, vault, plan }
}

/// Rewrites the ZIP at `src` to `dst`: `change` may replace (Some) or drop (None) each entry;
/// `extra` is appended.
fn rewrite(
    src: &Path,
    dst: &Path,
    mut change: impl FnMut(&str, Vec<u8>) -> Option<Vec<u8>>,
    extra: Option<(&str, &[u8])>,
) {
    let mut zip = ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut out = ZipWriter::new(std::fs::File::create(dst).unwrap());
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if let Some(bytes) = change(&name, bytes) {
            out.start_file(name, SimpleFileOptions::default()).unwrap();
            out.write_all(&bytes).unwrap();
        }
    }
    if let Some((name, bytes)) = extra {
        out.start_file(name, SimpleFileOptions::default()).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap();
}

fn names(path: &Path) -> Vec<String> {
    let zip = ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    zip.file_names().map(|n| n.unwrap().into_owned()).collect()
}

#[test]
fn a_fresh_bundle_verifies_and_holds_every_linked_file_once() {
    let f = fixture();
    let (out, manifest) = f.bundle("pack.zip");
    let report = bundle::verify(&out).unwrap();
    assert!(report.ok(), "{report:?}");
    assert_eq!(
        report.verified,
        manifest.files.len(),
        "every listed file checked"
    );

    let in_zip = names(&out);
    assert_eq!(
        in_zip.len(),
        manifest.files.len() + 2,
        "the files plus the two manifests"
    );
    assert!(in_zip.contains(&"index.html".to_owned()), "the index page");
    assert!(in_zip.contains(&"Stage 2 evidence pack.pdf".to_owned()));
    assert_eq!(manifest.pack, "Stage 2 evidence pack.pdf");

    let png: Vec<_> = manifest
        .files
        .iter()
        .filter(|f| f.original_name.as_deref() == Some("screenshot.png"))
        .collect();
    assert_eq!(
        png.len(),
        1,
        "a file linked to two records of the pack is written once"
    );
    assert_eq!(
        png[0].path, "evidence/R-001/screenshot.png",
        "in the folder of its first record"
    );
    assert_eq!(png[0].records, ["R-001", "5.15"], "and lists both links");

    let shared = manifest
        .files
        .iter()
        .find(|f| f.original_name.as_deref() == Some("shared.txt"))
        .unwrap();
    assert_eq!(shared.path, "evidence/8.2/shared.txt");
    assert_eq!(
        shared.records,
        ["8.2", "POL-SHARED"],
        "linked by its control and as a document version"
    );
    assert_eq!(shared.versions, ["POL-SHARED 2.0 draft"]);

    // Every document version's file is in, with the document as its record.
    let versions = manifest
        .files
        .iter()
        .filter(|f| !f.versions.is_empty())
        .count();
    let expected = documents::list(f.vault.reader())
        .unwrap()
        .iter()
        .flat_map(|d| d.versions.iter())
        .filter(|v| v.evidence_id.is_some())
        .count();
    assert!(versions > 6, "the demo's documents and the hostile ones");
    assert!(versions <= expected, "at most one entry per version file");

    let csv = {
        let mut zip = ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
        let mut s = String::new();
        zip.by_name("manifest.csv")
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    assert!(csv.starts_with("\u{FEFF}path,sha256,size,effective_date,records"));
    assert_eq!(
        csv.lines().count(),
        manifest.files.len() + 1,
        "a header and a row per file"
    );
}

#[test]
fn two_bundles_of_the_same_input_are_byte_identical() {
    let f = fixture();
    let (a, _) = f.bundle("a.zip");
    let (b, _) = f.bundle("b.zip");
    assert!(
        std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(),
        "same vault, PDF and records"
    );
    let zip = ZipArchive::new(std::fs::File::open(&a).unwrap()).unwrap();
    let listed = names(&a);
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(listed, sorted, "entries are in path order");
    drop(zip);
    let mut zip = ZipArchive::new(std::fs::File::open(&a).unwrap()).unwrap();
    for i in 0..zip.len() {
        let e = zip.by_index(i).unwrap();
        assert_eq!(
            e.last_modified(),
            Some(zip::DateTime::DEFAULT),
            "{}: fixed time",
            e.name().unwrap()
        );
    }
}

#[test]
fn a_changed_byte_is_caught_and_named() {
    let f = fixture();
    let (out, _) = f.bundle("pack.zip");
    let bad = f.dir.path().join("changed.zip");
    rewrite(
        &out,
        &bad,
        |name, mut bytes| {
            if name == "evidence/R-001/notes.txt" {
                bytes[3] ^= 1;
            }
            Some(bytes)
        },
        None,
    );
    let report = bundle::verify(&bad).unwrap();
    assert!(!report.ok());
    assert_eq!(report.altered.len(), 1, "{report:?}");
    assert_eq!(report.altered[0].path, "evidence/R-001/notes.txt");
    assert!(report.missing.is_empty() && report.extra.is_empty());

    // A byte flipped in the file itself (the stored PNG), CRC left stale.
    let mut raw = std::fs::read(&out).unwrap();
    let at = raw
        .windows(PNG.len())
        .position(|w| w == PNG)
        .expect("the PNG is stored as is");
    raw[at + 20] ^= 0xFF;
    let flipped = f.dir.path().join("flipped.zip");
    std::fs::write(&flipped, raw).unwrap();
    let report = bundle::verify(&flipped).unwrap();
    assert_eq!(report.altered.len(), 1, "{report:?}");
    assert_eq!(report.altered[0].path, "evidence/R-001/screenshot.png");
}

#[test]
fn a_removed_or_added_file_is_caught_and_named() {
    let f = fixture();
    let (out, _) = f.bundle("pack.zip");
    let removed = f.dir.path().join("removed.zip");
    rewrite(
        &out,
        &removed,
        |name, b| (name != "evidence/R-001/screenshot.png").then_some(b),
        None,
    );
    let report = bundle::verify(&removed).unwrap();
    assert_eq!(report.missing, ["evidence/R-001/screenshot.png"]);
    assert!(report.altered.is_empty() && report.extra.is_empty());

    let added = f.dir.path().join("added.zip");
    rewrite(
        &out,
        &added,
        |_, b| Some(b),
        Some(("evidence/R-001/sneaky.txt", b"not listed")),
    );
    let report = bundle::verify(&added).unwrap();
    assert_eq!(report.extra, ["evidence/R-001/sneaky.txt"]);
    assert!(report.altered.is_empty() && report.missing.is_empty());

    let csv = f.dir.path().join("csv.zip");
    rewrite(
        &out,
        &csv,
        |name, b| {
            if name == "manifest.csv" {
                Some(b"path\r\n".to_vec())
            } else {
                Some(b)
            }
        },
        None,
    );
    let report = bundle::verify(&csv).unwrap();
    assert_eq!(report.altered.len(), 1);
    assert_eq!(
        report.altered[0].path, "manifest.csv",
        "the CSV must say what the JSON says"
    );
}

#[test]
fn something_that_is_not_a_bundle_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.zip");
    std::fs::write(&text, "not a zip").unwrap();
    assert_eq!(
        bundle::verify(&text).unwrap_err().code,
        ErrorCode::Validation
    );
    let plain = dir.path().join("plain.zip");
    let mut zip = ZipWriter::new(std::fs::File::create(&plain).unwrap());
    zip.start_file("a.txt", SimpleFileOptions::default())
        .unwrap();
    zip.finish().unwrap();
    let err = bundle::verify(&plain).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(err.message.contains("manifest.json"), "{}", err.message);
    assert_eq!(
        bundle::verify(&dir.path().join("none.zip"))
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
}

#[test]
fn hostile_names_become_safe_and_unique() {
    let f = fixture();
    let (out, manifest) = f.bundle("pack.zip");
    let all = names(&out);
    let mut seen = HashSet::new();
    for name in &all {
        assert_safe(name);
        assert!(
            seen.insert(name.to_lowercase()),
            "{name:?} clashes regardless of case"
        );
    }
    let paths: HashSet<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
    for expected in [
        "evidence/R-001/Report.PDF",
        "evidence/R-001/report (2).pdf",
        "evidence/R-002/_CON",
        "evidence/R-002/_con.txt",
        "evidence/R-002/_.._etc_passwd",
        "evidence/R-002/ab",
        "evidence/R-002/trailing dots",
        "evidence/_.._etc_passwd/policy.md",
        "evidence/_CON/policy.md",
        "evidence/a_b/policy.md",
        "evidence/unnamed/policy.md",
        "evidence/Weird_ref_with_colon/policy.md",
    ] {
        assert!(paths.contains(expected), "{expected} not in {paths:#?}");
    }
    let long = manifest
        .files
        .iter()
        .find(|f| {
            f.original_name
                .as_deref()
                .is_some_and(|n| n.starts_with("longlong"))
        })
        .unwrap();
    assert!(
        long.path.ends_with(".txt"),
        "the extension survives the cut: {}",
        long.path
    );
    assert_eq!(
        long.path.len(),
        bundle::MAX_PATH_BYTES,
        "cut to the longest path allowed"
    );
    let x_folder = format!("evidence/{}/policy.md", "x".repeat(64));
    assert!(
        paths.contains(x_folder.as_str()),
        "a 300-byte reference becomes a 64-byte folder"
    );
}

#[test]
fn compressed_files_are_stored_and_text_deflated() {
    let f = fixture();
    let (out, _) = f.bundle("pack.zip");
    let mut zip = ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let method =
        |zip: &mut ZipArchive<std::fs::File>, name: &str| zip.by_name(name).unwrap().compression();
    assert_eq!(
        method(&mut zip, "evidence/R-001/screenshot.png"),
        CompressionMethod::Stored
    );
    assert_eq!(
        method(&mut zip, "evidence/R-001/Report.PDF"),
        CompressionMethod::Stored
    );
    assert_eq!(
        method(&mut zip, "Stage 2 evidence pack.pdf"),
        CompressionMethod::Stored
    );
    assert_eq!(
        method(&mut zip, "evidence/R-001/notes.txt"),
        CompressionMethod::Deflated
    );
    assert_eq!(
        method(&mut zip, "manifest.json"),
        CompressionMethod::Deflated
    );
    let notes = zip.by_name("evidence/R-001/notes.txt").unwrap();
    assert!(
        notes.compressed_size() < notes.size() / 10,
        "repetitive text deflates well"
    );
}

#[test]
fn a_cancel_or_an_existing_file_leaves_nothing_behind() {
    let f = fixture();
    let out = f.dir.path().join("cancelled.zip");
    let mut calls = 0;
    let mut watch = |p: BundleProgress| {
        calls += 1;
        assert!(p.done_bytes <= p.total_bytes);
        p.files_done < 2
    };
    let err = stand_in::write(&f.vault, "p.pdf", &f.plan, &out, &mut watch).unwrap_err();
    assert_eq!(err.code, ErrorCode::Cancelled);
    assert!(calls > 2);
    let left: Vec<_> = std::fs::read_dir(f.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(!out.exists(), "no bundle");
    assert!(
        !left.iter().any(|n| n.to_string_lossy().contains("partial")),
        "no partial file: {left:?}"
    );

    let (existing, _) = f.bundle("pack.zip");
    let before = std::fs::read(&existing).unwrap();
    let err = stand_in::write(
        &f.vault,
        "p.pdf",
        &f.plan,
        &existing,
        &mut bundle::unwatched,
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::AlreadyExists);
    assert_eq!(
        std::fs::read(&existing).unwrap(),
        before,
        "never overwritten"
    );
}
