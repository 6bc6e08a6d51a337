//! Bundles against hostile ZIPs and hostile folders: a bundle re-zipped with folder entries
//! still verifies; two entries under one name, a local header naming another file, a manifest
//! without a pack or listing a file twice are refused; the writer never follows a link planted
//! at its old temporary name and writes the bundle for its owner only (0600); a snapshot that
//! lied about an evidence file's size still bundles.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use isms_core::db::Action;
use isms_core::evidence::{self, NewEvidence};
use isms_core::organisation::{self, Organisation};
use isms_core::{ErrorCode, Passphrase, Stamp, Vault, snapshot};
use isms_export::bundle::{self, Manifest};
use zip::write::SimpleFileOptions;
use zip::{ZipArchive, ZipWriter};

#[path = "support/stand_in.rs"]
mod stand_in;

fn stamp() -> Stamp {
    Stamp::new(
        chrono::DateTime::from_timestamp(1_781_000_000, 0).unwrap(),
        "test",
    )
}

fn fresh(path: &Path) -> Vault {
    Vault::create(
        path,
        Passphrase::new("correct horse battery staple".into()),
        stamp(),
        |tx| organisation::create(tx, Organisation::named("Acme"), Action::Create).map(|_| ()),
    )
    .unwrap()
}

/// A vault with two evidence files supporting control 5.15.
fn vault(dir: &Path) -> Vault {
    let mut v = fresh(&dir.join("acme.isms"));
    for (name, bytes) in [
        ("review.txt", &b"access review\n"[..]),
        ("scan.pdf", b"%PDF scan"),
    ] {
        let src = dir.join("src.bin");
        std::fs::write(&src, bytes).unwrap();
        let new = NewEvidence {
            file_name: Some(name.into()),
            links: vec!["5.15".into()],
            ..Default::default()
        };
        evidence::add_file(&mut v, stamp(), &src, new).unwrap();
    }
    v
}

fn write(v: &Vault, out: &Path) -> Manifest {
    let plan = stand_in::plan(v, &["5.15"]);
    stand_in::write(v, "pack.pdf", &plan, out, &mut bundle::unwatched).unwrap()
}

/// Every entry of the ZIP at `path`: name and bytes, in order.
fn entries(path: &Path) -> Vec<(String, Vec<u8>)> {
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

/// Writes `entries` as a ZIP, with a folder entry before the first file of each folder when
/// `folders`.
fn zip_of(path: &Path, entries: &[(String, Vec<u8>)], folders: bool) {
    let mut out = ZipWriter::new(std::fs::File::create(path).unwrap());
    let mut made: Vec<String> = Vec::new();
    for (name, bytes) in entries {
        if folders {
            let mut at = 0;
            while let Some(k) = name[at..].find('/') {
                let folder = name[..at + k + 1].to_owned();
                if !made.contains(&folder) {
                    out.add_directory(&folder, SimpleFileOptions::default())
                        .unwrap();
                    made.push(folder);
                }
                at += k + 1;
            }
        }
        out.start_file(name, SimpleFileOptions::default()).unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap();
}

/// The bundle's entries with `manifest.json` (and the CSV) replaced by `manifest`'s.
fn with_manifest(base: &[(String, Vec<u8>)], manifest: &Manifest) -> Vec<(String, Vec<u8>)> {
    base.iter()
        .map(|(name, bytes)| match name.as_str() {
            bundle::JSON_NAME => (name.clone(), manifest.to_json().unwrap()),
            bundle::CSV_NAME => (name.clone(), manifest.to_csv()),
            _ => (name.clone(), bytes.clone()),
        })
        .collect()
}

struct Case {
    dir: tempfile::TempDir,
    bundle: PathBuf,
    manifest: Manifest,
}

fn case() -> Case {
    let dir = tempfile::tempdir().unwrap();
    let v = vault(dir.path());
    let bundle = dir.path().join("pack.zip");
    let manifest = write(&v, &bundle);
    Case {
        dir,
        bundle,
        manifest,
    }
}

fn refused(path: &Path, why: &str) {
    let err = bundle::verify(path).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation, "{}", err.message);
    assert!(err.message.contains(why), "{why}: {}", err.message);
}

#[test]
fn a_bundle_rezipped_with_folder_entries_verifies() {
    let c = case();
    assert!(bundle::verify(&c.bundle).unwrap().ok());
    let with_folders = c.dir.path().join("folders.zip");
    zip_of(&with_folders, &entries(&c.bundle), true);
    assert!(
        entries(&with_folders).iter().any(|(n, _)| n.ends_with('/')),
        "the ZIP has folder entries"
    );
    let report = bundle::verify(&with_folders).unwrap();
    assert!(report.ok(), "{report:?}");
    assert_eq!(report.verified, c.manifest.files.len());

    // The same with the zip command, when this machine has it: extract, then `zip -r`.
    let tree = c.dir.path().join("tree");
    for (name, bytes) in entries(&c.bundle) {
        let path = tree.join(&name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let rezipped = c.dir.path().join("rezipped.zip");
    let zipped = std::process::Command::new("zip")
        .current_dir(&tree)
        .args(["-q", "-r"])
        .arg(&rezipped)
        .arg(".")
        .status();
    if let Ok(status) = zipped {
        assert!(status.success());
        let report = bundle::verify(&rezipped).unwrap();
        assert!(report.ok(), "zip -r: {report:?}");
    }
}

#[test]
fn two_entries_under_one_name_are_refused() {
    let c = case();
    let mut list = entries(&c.bundle);
    // Same length as manifest.csv, renamed in every header once the ZIP is written.
    list.push(("manifest.csw".into(), b"a second reading".to_vec()));
    let forged = c.dir.path().join("dup.zip");
    zip_of(&forged, &list, false);
    let mut bytes = std::fs::read(&forged).unwrap();
    let from = b"manifest.csw";
    let mut k = 0;
    while let Some(at) = bytes[k..].windows(from.len()).position(|w| w == from) {
        bytes[k + at..k + at + from.len()].copy_from_slice(b"manifest.csv");
        k += at + from.len();
    }
    std::fs::write(&forged, &bytes).unwrap();
    refused(&forged, "two entries under one name");
}

#[test]
fn a_local_header_naming_another_file_is_refused() {
    let c = case();
    let mut bytes = std::fs::read(&c.bundle).unwrap();
    // The first local header: signature, then the name's length at 26 and the name at 30.
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    let len = u16::from_le_bytes([bytes[26], bytes[27]]) as usize;
    let name = String::from_utf8(bytes[30..30 + len].to_vec()).unwrap();
    bytes[30 + len - 1] ^= 0x01;
    let forged = c.dir.path().join("local.zip");
    std::fs::write(&forged, &bytes).unwrap();
    assert!(!name.is_empty());
    refused(&forged, "not what its directory says");
}

#[test]
fn a_manifest_without_a_pack_or_listing_a_file_twice_is_refused() {
    let c = case();
    let base = entries(&c.bundle);

    let mut no_pack = c.manifest.clone();
    no_pack.pack = String::new();
    let path = c.dir.path().join("nopack.zip");
    zip_of(&path, &with_manifest(&base, &no_pack), false);
    refused(&path, "no pack");

    // The pack named, but neither listed nor in the ZIP.
    let mut gone = c.manifest.clone();
    let pack = gone.pack.clone();
    gone.files.retain(|f| f.path != pack);
    let list: Vec<(String, Vec<u8>)> = with_manifest(&base, &gone)
        .into_iter()
        .filter(|(n, _)| *n != pack)
        .collect();
    let path = c.dir.path().join("gone.zip");
    zip_of(&path, &list, false);
    refused(&path, "no pack");

    // One entry listed twice would be read twice (a large one, a thousand times).
    let mut twice = c.manifest.clone();
    let first = twice.files[0].clone();
    twice.files.push(first.clone());
    let path = c.dir.path().join("twice.zip");
    zip_of(&path, &with_manifest(&base, &twice), false);
    refused(&path, &format!("lists {} twice", first.path));
}

#[test]
fn the_writer_never_follows_a_planted_link_and_writes_for_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let v = vault(dir.path());
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, b"the victim's file").unwrap();
    // The old temporary name was predictable: `.<name>.partial`.
    std::os::unix::fs::symlink(&victim, dir.path().join(".pack.zip.partial")).unwrap();
    let out = dir.path().join("pack.zip");
    write(&v, &out);
    assert_eq!(
        std::fs::read(&victim).unwrap(),
        b"the victim's file",
        "the link's target is untouched"
    );
    assert!(bundle::verify(&out).unwrap().ok());
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "a bundle holds decrypted evidence");
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".partial") && n != ".pack.zip.partial")
        .collect();
    assert!(left.is_empty(), "no temporary file left: {left:?}");
}

#[test]
fn a_snapshot_that_lied_about_sizes_still_bundles() {
    let dir = tempfile::tempdir().unwrap();
    let source = vault(dir.path());
    let text = snapshot::to_json(&snapshot::export(&source).unwrap()).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["evidence"][0]["size"] = serde_json::json!(999);
    doc["evidence"][1]["size"] = serde_json::json!(u64::MAX);
    let mut target = fresh(&dir.path().join("moved.isms"));
    let snap = snapshot::parse(&doc.to_string()).unwrap();
    snapshot::import(&mut target, stamp(), snap).unwrap();
    assert!(target.check().unwrap().ok, "check says ok");
    let out = dir.path().join("moved.zip");
    write(&target, &out);
    assert!(bundle::verify(&out).unwrap().ok(), "and the bundle agrees");
}
