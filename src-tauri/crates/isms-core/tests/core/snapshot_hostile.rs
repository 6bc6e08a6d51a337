//! Snapshots as outside input: what a snapshot says about an evidence file (its size, media
//! type, name, links) is never trusted, and a document over the size cap is refused before it
//! is parsed.

use isms_core::evidence::{self, NewEvidence};
use isms_core::{ErrorCode, snapshot};
use serde_json::{Value, json};

use crate::support::{Scratch, create, stamp};

const CONTENT: &[u8] = b"user,access\nanna,admin\n";

/// A snapshot of a vault holding one evidence file (linked to control 5.18), as JSON.
fn exported(s: &Scratch) -> Value {
    let mut source = s.vault("source.isms");
    let file = s.path("Access review.csv");
    std::fs::write(&file, CONTENT).unwrap();
    let new = NewEvidence {
        links: vec!["5.18".into()],
        ..Default::default()
    };
    evidence::add_file(&mut source, stamp(1), &file, new).unwrap();
    let text = snapshot::to_json(&snapshot::export(&source).unwrap()).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Imports `doc` into a fresh vault and returns that vault.
fn imported(s: &Scratch, name: &str, doc: &Value) -> isms_core::Result<isms_core::Vault> {
    let snap = snapshot::parse(&doc.to_string())?;
    let mut target = create(&s.path(name), "Placeholder");
    snapshot::import(&mut target, stamp(2), snap)?;
    Ok(target)
}

#[test]
fn a_stored_size_of_u64_max_is_replaced_by_the_real_one_and_export_still_works() {
    let s = Scratch::new();
    let mut doc = exported(&s);
    doc["evidence"][0]["size"] = json!(u64::MAX);
    let target = imported(&s, "target.isms", &doc).unwrap();
    let moved = &evidence::list(target.reader()).unwrap()[0];
    assert_eq!(moved.size, CONTENT.len() as u64, "the size is the bytes'");
    // Exporting used to size a buffer from the stored number: "capacity overflow".
    let again = snapshot::export(&target).unwrap();
    assert_eq!(again.evidence[0].size, CONTENT.len() as u64);
    assert!(target.check().unwrap().ok);
}

#[test]
fn a_wrong_size_and_media_type_are_recomputed_and_check_agrees() {
    let s = Scratch::new();
    let mut doc = exported(&s);
    doc["evidence"][0]["size"] = json!(CONTENT.len() + 7);
    doc["evidence"][0]["media_type"] = json!("text/html");
    let target = imported(&s, "target.isms", &doc).unwrap();
    let moved = &evidence::list(target.reader()).unwrap()[0];
    assert_eq!(moved.size, CONTENT.len() as u64, "the size is the bytes'");
    assert_eq!(
        moved.media_type, "text/csv",
        "the media type follows the name"
    );
    let mut out = Vec::new();
    let written = evidence::write_content(target.reader(), moved.id, &mut out).unwrap();
    assert_eq!(written, moved.size, "the record and its content agree");
    assert!(target.check().unwrap().ok);
}

#[test]
fn names_are_cleaned_and_links_checked_as_evidence_add_does() {
    let s = Scratch::new();
    let base = exported(&s);
    let mut doc = base.clone();
    doc["evidence"][0]["file_name"] = json!("../../home/\u{7}x\u{1b}]0;pwned\u{7}\u{1b}[2J.html");
    doc["evidence"][0]["links"] = json!(["A.5.18", " 5.18 "]);
    let target = imported(&s, "target.isms", &doc).unwrap();
    let moved = &evidence::list(target.reader()).unwrap()[0];
    assert!(
        !moved.file_name.contains('/') && !moved.file_name.chars().any(char::is_control),
        "no path separator and no control character: {:?}",
        moved.file_name
    );
    assert_eq!(moved.file_name, ".._.._home_x]0;pwned[2J.html");
    assert_eq!(moved.media_type, "text/html", "from the cleaned name");
    assert_eq!(moved.links, ["5.18"], "normalised and deduplicated");

    let mut doc = base.clone();
    doc["evidence"][0]["links"] = json!(["../etc/passwd"]);
    let err = imported(&s, "other.isms", &doc).err().unwrap();
    assert_eq!(err.code, ErrorCode::Validation, "{}", err.message);

    let mut doc = base.clone();
    doc["evidence"][0]["file_name"] = json!("\u{1b}\u{7} \u{9b}");
    let err = imported(&s, "third.isms", &doc).err().unwrap();
    assert_eq!(
        err.code,
        ErrorCode::BadSnapshot,
        "a name of nothing but controls"
    );
}

#[test]
fn a_record_whose_file_is_missing_or_altered_is_refused() {
    let s = Scratch::new();
    let base = exported(&s);
    let mut doc = base.clone();
    doc["evidence_files"] = json!([]);
    let err = imported(&s, "a.isms", &doc).err().unwrap();
    assert_eq!(err.code, ErrorCode::BadSnapshot);
    assert!(err.message.contains("missing"), "{}", err.message);

    let mut doc = base.clone();
    doc["evidence_files"][0]["base64"] = json!("AAAA");
    let err = imported(&s, "b.isms", &doc).err().unwrap();
    assert_eq!(err.code, ErrorCode::BadSnapshot);
    assert!(err.message.contains("hash"), "{}", err.message);
}

#[test]
fn a_snapshot_over_the_cap_is_refused_before_it_is_read() {
    let s = Scratch::new();
    let doc = exported(&s);
    let path = s.path("snapshot.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    let len = std::fs::metadata(&path).unwrap().len();
    let read = snapshot::read_file(&path, len).unwrap();
    assert_eq!(
        read.evidence.len(),
        1,
        "a document of exactly the cap is read"
    );
    let err = snapshot::read_file(&path, len - 1).unwrap_err();
    assert_eq!(err.code, ErrorCode::BadSnapshot);
    assert!(err.message.contains("larger than"), "{}", err.message);
    let err = snapshot::read_file(&s.path("absent.json"), len).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[test]
fn a_snapshot_that_grows_past_the_cap_while_read_is_cut_off() {
    // A FIFO has no length to check first: the stream itself is capped.
    let s = Scratch::new();
    let path = s.path("fifo.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
    let writer_path = path.clone();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        // The first pass is cut off, so the FIFO is opened once: write until it is closed.
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(&writer_path)
            .unwrap();
        let _ = f.write_all(b"{\"format\":\"isms-desk-snapshot\",\"pad\":\"");
        let chunk = vec![b'a'; 64 * 1024];
        while f.write_all(&chunk).is_ok() {}
    });
    let err = snapshot::read_file(&path, 1024 * 1024).unwrap_err();
    assert_eq!(err.code, ErrorCode::BadSnapshot);
    assert!(err.message.contains("larger than 1 MiB"), "{}", err.message);
    writer.join().unwrap();
}
