//! The evidence digest ties a bundle's files to its pack: on the real Stage 2 bundle of the
//! demo company, an untouched bundle verifies and a second export is byte-identical; a file
//! changed together with its manifest (and the CSV and the index made to match) is still
//! caught, by the manifest's digest and by the digest in the PDF; with the manifest's digest
//! forged too, the PDF still names other evidence; a changed index is caught, even with its
//! manifest entry made to match. What `verify` does not prove is pinned too: a PDF rebuilt
//! with the forged digest, with everything else, passes (no signature).

use std::io::{Read, Write};
use std::path::Path;

use chrono::NaiveDate;
use isms_core::Passphrase;
use isms_core::demo::{DemoPoint, DemoScale};
use isms_core::readiness::Stage;
use isms_export::bundle::{self, Manifest, PDF_KEY};
use isms_export::file;
use isms_export::packs::PackKind;
use sha2::{Digest, Sha256};
use zip::ZipArchive;
use zip::write::SimpleFileOptions;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
}

type Entries = Vec<(String, Vec<u8>)>;

fn entries(path: &Path) -> Entries {
    let mut zip = ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            e.read_to_end(&mut bytes).unwrap();
            (e.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

fn zip_of(path: &Path, entries: &Entries) {
    let mut out = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, bytes) in entries {
        out.start_file(name, SimpleFileOptions::default()).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap();
}

fn get<'a>(entries: &'a Entries, name: &str) -> &'a Vec<u8> {
    &entries.iter().find(|(n, _)| n == name).unwrap().1
}

fn set(entries: &mut Entries, name: &str, bytes: Vec<u8>) {
    entries.iter_mut().find(|(n, _)| n == name).unwrap().1 = bytes;
}

/// `entries` with `manifest` written as the JSON, the CSV and the index a forger would make to
/// match it (the index's own entry updated first).
fn with_manifest(mut entries: Entries, manifest: &Manifest) -> Entries {
    let mut manifest = manifest.clone();
    let mut without_index = manifest.clone();
    without_index.files.retain(|f| f.path != bundle::INDEX_NAME);
    let index = bundle::index_html(&without_index);
    let entry = manifest
        .files
        .iter_mut()
        .find(|f| f.path == bundle::INDEX_NAME)
        .unwrap();
    entry.sha256 = hex::encode(Sha256::digest(&index));
    entry.size = index.len() as u64;
    set(&mut entries, bundle::INDEX_NAME, index);
    set(&mut entries, bundle::JSON_NAME, manifest.to_json().unwrap());
    set(&mut entries, bundle::CSV_NAME, manifest.to_csv());
    entries
}

fn altered(path: &Path) -> Vec<(String, String)> {
    let report = bundle::verify(path).unwrap();
    assert!(
        report.missing.is_empty() && report.extra.is_empty(),
        "{report:?}"
    );
    report
        .altered
        .into_iter()
        .map(|a| (a.path, a.reason))
        .collect()
}

#[test]
fn the_evidence_digest_ties_the_files_to_the_pack() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let vault = isms_core::demo::create(
        &d.join("northwind.isms"),
        Passphrase::new("correct horse battery staple".into()),
        DemoPoint::Stage2Ready,
        DemoScale::Small,
        today(),
    )
    .unwrap();
    let export = |folder: &str| {
        let out = d.join(folder).join("pack.zip");
        std::fs::create_dir(d.join(folder)).unwrap();
        file::export_to(
            &vault,
            PackKind::Stage2,
            Stage::Two,
            today(),
            &out,
            &mut |_, _, _| true,
        )
        .unwrap();
        out
    };
    let out = export("first");
    let again = export("again");
    assert!(
        std::fs::read(&out).unwrap() == std::fs::read(&again).unwrap(),
        "a re-export is byte-identical"
    );
    let report = bundle::verify(&out).unwrap();
    assert!(report.ok(), "an untouched bundle verifies: {report:?}");
    let base = entries(&out);
    let manifest = Manifest::from_json(get(&base, bundle::JSON_NAME)).unwrap();
    assert_eq!(
        (manifest.organisation.as_str(), manifest.as_of),
        ("Northwind Analytics Ltd", today())
    );
    assert_eq!(report.evidence_sha256, manifest.evidence_sha256);
    let pdf = get(&base, &manifest.pack).clone();
    assert_eq!(
        bundle::digests_in(&pdf),
        [manifest.evidence_sha256.as_str()],
        "the PDF carries the manifest's digest, once"
    );
    // Machine-readable with the PDF tools a reader has: poppler's custom information.
    std::fs::write(d.join("pack.pdf"), &pdf).unwrap();
    let info = std::process::Command::new("pdfinfo")
        .arg("-custom")
        .arg(d.join("pack.pdf"))
        .output()
        .expect("pdfinfo is installed by make deps");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.lines()
            .any(|l| l == format!("{PDF_KEY}:{}", manifest.evidence_sha256)),
        "{info}"
    );

    // An audit report replaced, and the manifest (JSON, CSV, index) made to agree.
    let target = manifest
        .evidence()
        .find(|f| f.path.starts_with("evidence/IA-001/"))
        .unwrap()
        .path
        .clone();
    let forged = b"# A better report than the one the pack was made with\n".to_vec();
    let mut forged_manifest = manifest.clone();
    let f = forged_manifest
        .files
        .iter_mut()
        .find(|f| f.path == target)
        .unwrap();
    f.sha256 = hex::encode(Sha256::digest(&forged));
    f.size = forged.len() as u64;
    let mut changed = base.clone();
    set(&mut changed, &target, forged);
    let changed = with_manifest(changed, &forged_manifest);
    zip_of(&d.join("file-and-manifest.zip"), &changed);
    let found = altered(&d.join("file-and-manifest.zip"));
    let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [bundle::JSON_NAME, manifest.pack.as_str()],
        "the file and its manifest entry agree, the digests do not: {found:?}"
    );

    // The manifest's digest forged as well: the PDF still names other evidence.
    let new_digest = bundle::evidence_digest(
        forged_manifest
            .evidence()
            .map(|f| (f.path.as_str(), f.sha256.as_str(), f.size)),
    );
    forged_manifest.evidence_sha256 = new_digest.clone();
    let changed = with_manifest(changed, &forged_manifest);
    zip_of(&d.join("and-digest.zip"), &changed);
    let found = altered(&d.join("and-digest.zip"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, manifest.pack);
    assert!(
        found[0].1.contains("made with other evidence files"),
        "{}",
        found[0].1
    );

    // What verify does not prove: the PDF rebuilt with the forged digest (here its key
    // rewritten in place) and listed anew passes. Only a signature would tell.
    let old = format!("/{PDF_KEY}({})", manifest.evidence_sha256);
    let at = pdf
        .windows(old.len())
        .position(|w| w == old.as_bytes())
        .expect("the key as the PDF writes it");
    let mut rebuilt = pdf.clone();
    rebuilt[at..at + old.len()].copy_from_slice(format!("/{PDF_KEY}({new_digest})").as_bytes());
    let entry = forged_manifest
        .files
        .iter_mut()
        .find(|f| f.path == manifest.pack)
        .unwrap();
    entry.sha256 = hex::encode(Sha256::digest(&rebuilt));
    let mut everything = changed.clone();
    set(&mut everything, &manifest.pack, rebuilt);
    let everything = with_manifest(everything, &forged_manifest);
    zip_of(&d.join("everything.zip"), &everything);
    assert!(
        bundle::verify(&d.join("everything.zip")).unwrap().ok(),
        "PDF, manifest and files rebuilt together are not detected"
    );
}

#[test]
fn a_changed_index_is_caught_even_with_its_manifest_entry_to_match() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let vault = isms_core::demo::create(
        &d.join("northwind.isms"),
        Passphrase::new("correct horse battery staple".into()),
        DemoPoint::Operating,
        DemoScale::Small,
        today(),
    )
    .unwrap();
    let out = d.join("pack.zip");
    file::export_to(
        &vault,
        PackKind::Cap,
        Stage::Two,
        today(),
        &out,
        &mut |_, _, _| true,
    )
    .unwrap();
    let base = entries(&out);
    let index = String::from_utf8(get(&base, bundle::INDEX_NAME).clone()).unwrap();
    let lie = index.replacen("<h1>", "<h1>Approved by the certification body: ", 1);
    assert_ne!(lie, index);

    let mut changed = base.clone();
    set(&mut changed, bundle::INDEX_NAME, lie.clone().into_bytes());
    zip_of(&d.join("index.zip"), &changed);
    let found = altered(&d.join("index.zip"));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|(p, _)| p == bundle::INDEX_NAME));

    // The index's entry in the manifest (and the CSV) made to match the changed page.
    let mut manifest = Manifest::from_json(get(&base, bundle::JSON_NAME)).unwrap();
    let entry = manifest
        .files
        .iter_mut()
        .find(|f| f.path == bundle::INDEX_NAME)
        .unwrap();
    entry.sha256 = hex::encode(Sha256::digest(lie.as_bytes()));
    entry.size = lie.len() as u64;
    set(&mut changed, bundle::JSON_NAME, manifest.to_json().unwrap());
    set(&mut changed, bundle::CSV_NAME, manifest.to_csv());
    zip_of(&d.join("index-and-manifest.zip"), &changed);
    let found = altered(&d.join("index-and-manifest.zip"));
    assert_eq!(
        found,
        [(
            bundle::INDEX_NAME.to_owned(),
            "it does not say what manifest.json says".to_owned()
        )]
    );
}
