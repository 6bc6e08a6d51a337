//! Evidence files: byte-for-byte round trips, one stored copy per content, links that must
//! name real records, hostile names made harmless, and the size limit.

use std::io::Write;

use isms_core::evidence::{self, NewEvidence};
use isms_core::{ErrorCode, history};
use sha2::{Digest, Sha256};

use crate::support::{Scratch, stamp};

fn write_file(path: &std::path::Path, bytes: &[u8]) {
    std::fs::File::create(path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
}

fn stored_chunks(vault: &isms_core::Vault) -> i64 {
    vault
        .reader()
        .query_row("SELECT count(*) FROM evidence_chunks", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_file_comes_back_byte_for_byte_and_is_stored_once() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    // Three chunks and a bit, with every byte value.
    let bytes: Vec<u8> = (0..(3 * evidence::CHUNK_BYTES + 1234))
        .map(|i| (i * 7 % 256) as u8)
        .collect();
    let path = s.path("Access review Q1.pdf");
    write_file(&path, &bytes);
    let new = NewEvidence {
        effective_date: Some("2026-03-31".parse().unwrap()),
        links: vec!["A.5.18".into()],
        ..Default::default()
    };
    let first = evidence::add_file(&mut vault, stamp(1), &path, new).unwrap();
    assert_eq!(first.sha256, hex::encode(Sha256::digest(&bytes)));
    assert_eq!(
        (first.size, first.media_type.as_str()),
        (bytes.len() as u64, "application/pdf")
    );
    assert_eq!(first.links, ["5.18"], "A.5.18 is control 5.18");
    assert_eq!(
        first.uploaded_at, "2026-03-02T09:01:00Z",
        "upload time from the stamp, distinct from the effective date"
    );
    let chunks = stored_chunks(&vault);
    assert_eq!(chunks, 4);
    let again = evidence::add_file(&mut vault, stamp(2), &path, NewEvidence::default()).unwrap();
    assert_ne!(first.id, again.id, "two records…");
    assert_eq!(stored_chunks(&vault), chunks, "…one stored content");
    let mut out = Vec::new();
    assert_eq!(
        evidence::write_content(vault.reader(), again.id, &mut out).unwrap(),
        bytes.len() as u64
    );
    assert_eq!(out, bytes);
    evidence::delete(&mut vault, stamp(3), first.id).unwrap();
    assert_eq!(
        stored_chunks(&vault),
        chunks,
        "still used by the second record"
    );
    evidence::delete(&mut vault, stamp(4), again.id).unwrap();
    assert_eq!(
        stored_chunks(&vault),
        0,
        "the content goes with its last record"
    );
    let actions: Vec<String> = history::list(vault.reader(), Some("evidence"), 10)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, ["delete", "delete", "create", "create"]);
}

#[test]
fn links_must_name_real_records() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let path = s.path("note.txt");
    write_file(&path, b"evidence");
    for bad in ["R-404", "9.9", "something"] {
        let new = NewEvidence {
            links: vec![bad.into()],
            ..Default::default()
        };
        let err = evidence::add_file(&mut vault, stamp(1), &path, new).unwrap_err();
        assert_eq!(
            (err.code, err.fields[0].field.as_str()),
            (ErrorCode::Validation, "links"),
            "{bad}"
        );
    }
    assert!(
        evidence::list(vault.reader()).unwrap().is_empty(),
        "nothing stored by a refused add"
    );
    assert_eq!(stored_chunks(&vault), 0);
}

#[test]
fn a_file_can_be_an_audits_report_or_a_reviews_minutes_and_be_detached() {
    use isms_core::audits::{self, Audit};
    use isms_core::reviews::{self, Review};

    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let audit =
        audits::create(&mut vault, stamp(1), Audit::planned("Clause 9", "2026-04")).unwrap();
    let review = reviews::create(
        &mut vault,
        stamp(2),
        Review::held("2026-05-20".parse().unwrap()),
    )
    .unwrap();
    let path = s.path("report.md");
    write_file(&path, b"# report");
    let new = NewEvidence {
        links: vec![
            audit.reference.to_lowercase(),
            review.reference.clone(),
            "A.5.35".into(),
        ],
        ..Default::default()
    };
    let saved = evidence::add_file(&mut vault, stamp(3), &path, new).unwrap();
    assert_eq!(
        saved.links,
        [audit.reference.as_str(), review.reference.as_str(), "5.35"],
        "references upper case, as the audit and the review carry them"
    );
    for missing in ["IA-999", "MR-999"] {
        let new = NewEvidence {
            links: vec![missing.into()],
            ..Default::default()
        };
        let err = evidence::add_file(&mut vault, stamp(4), &path, new).unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation, "{missing}");
        assert!(err.fields[0].message.contains(missing), "{err:?}");
    }

    let detached = evidence::unlink(&mut vault, stamp(5), saved.id, &audit.reference).unwrap();
    assert_eq!(detached.links, [review.reference.as_str(), "5.35"]);
    let again = evidence::unlink(&mut vault, stamp(6), saved.id, "A.5.35").unwrap();
    assert_eq!(again.links, [review.reference.as_str()], "A.5.35 is 5.35");
    let unchanged = evidence::unlink(&mut vault, stamp(7), saved.id, "IA-404").unwrap();
    assert_eq!(unchanged, again, "not linked: nothing to take off");
    let changes = history::list(vault.reader(), Some("evidence"), 10).unwrap();
    assert_eq!(
        changes
            .iter()
            .map(|e| e.action.as_str())
            .collect::<Vec<_>>(),
        ["update", "update", "create"],
        "each detach is recorded, a detach of nothing is not"
    );
    assert_eq!(
        evidence::get(vault.reader(), saved.id).unwrap().sha256,
        saved.sha256,
        "the file stays in the vault"
    );
}

#[test]
fn hostile_file_names_are_made_harmless_for_display() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let path = s.path("plain.txt");
    write_file(&path, b"x");
    let hostile = "../../etc/passwd\u{0}\n<script>alert(1)</script>";
    let new = NewEvidence {
        file_name: Some(hostile.into()),
        ..Default::default()
    };
    let saved = evidence::add_file(&mut vault, stamp(1), &path, new).unwrap();
    assert!(
        !saved.file_name.contains('/')
            && !saved.file_name.contains('\u{0}')
            && !saved.file_name.contains('\n')
    );
    assert_eq!(
        saved.file_name, ".._.._etc_passwd<script>alert(1)<_script>",
        "kept as text, never as a path"
    );
    let err = evidence::add_file(
        &mut vault,
        stamp(2),
        &path,
        NewEvidence {
            file_name: Some("\u{7}".into()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(err.fields[0].field, "file_name");
}

#[test]
fn a_missing_file_is_not_found() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let err = evidence::add_file(
        &mut vault,
        stamp(1),
        &s.path("nowhere.pdf"),
        NewEvidence::default(),
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
}

#[test]
fn files_over_the_limit_are_refused_before_anything_is_stored() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let path = s.path("huge.bin");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(evidence::MAX_FILE_BYTES + 1).unwrap(); // sparse: no disk used
    let err = evidence::add_file(&mut vault, stamp(1), &path, NewEvidence::default()).unwrap_err();
    assert!(err.message.contains("512 MiB"), "{}", err.message);
    assert_eq!(stored_chunks(&vault), 0);
}

#[test]
fn a_stored_content_that_no_longer_matches_its_hash_is_refused_not_handed_out() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let bytes: Vec<u8> = (0..(evidence::CHUNK_BYTES + 5000))
        .map(|i| (i * 13 % 251) as u8)
        .collect();
    let path = s.path("policy.pdf");
    write_file(&path, &bytes);
    let e = evidence::add_file(&mut vault, stamp(1), &path, NewEvidence::default()).unwrap();
    // What a page SQLCipher could not decrypt looks like to a read: the tail of a chunk zeroed.
    // Written behind WriteTx's back on purpose: this is damage, not a change.
    let mut tail = bytes[evidence::CHUNK_BYTES..].to_vec();
    tail[1000..].fill(0);
    vault
        .reader()
        .execute(
            "UPDATE evidence_chunks SET data = ?1 WHERE seq = 1",
            [&tail],
        )
        .unwrap();
    let err = evidence::write_content(vault.reader(), e.id, &mut Vec::new()).unwrap_err();
    assert_eq!(err.code, ErrorCode::Database, "{}", err.message);
    assert!(err.message.contains("damaged"), "{}", err.message);
    // A chunk cut short is refused as well.
    vault
        .reader()
        .execute(
            "UPDATE evidence_chunks SET data = ?1 WHERE seq = 1",
            [&bytes[evidence::CHUNK_BYTES..bytes.len() - 1]],
        )
        .unwrap();
    let err = evidence::write_content(vault.reader(), e.id, &mut Vec::new()).unwrap_err();
    assert_eq!(err.code, ErrorCode::Database);
}

/// Runs `f` on a thread and fails the test if it has not returned within ten seconds.
fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(10))
        .expect("returned at once instead of waiting on the path")
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_folder_is_refused_at_once_and_the_vault_is_untouched() {
    let s = Scratch::new();
    let fifo = s.path("evidence.pdf");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo");
    // No one ever writes to the pipe: opening it the usual way would wait forever.
    let err = within_seconds(move || evidence::prepare_file(&fifo).unwrap_err());
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(err.message.contains("not a file"), "{}", err.message);

    let folder = s.path("a folder.pdf");
    std::fs::create_dir(&folder).unwrap();
    let mut vault = s.vault("acme.isms");
    let err =
        evidence::add_file(&mut vault, stamp(1), &folder, NewEvidence::default()).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation, "{}", err.message);
    assert!(evidence::list(vault.reader()).unwrap().is_empty());
}

#[test]
fn an_add_stopped_while_it_stores_leaves_nothing_and_the_vault_works_on() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let path = s.path("big.bin");
    write_file(&path, &vec![7u8; 3 * evidence::CHUNK_BYTES]);
    let prepared = evidence::prepare_file(&path).unwrap();
    let asked = std::cell::Cell::new(0);
    // Stops after the first chunk went in.
    let stop = || {
        asked.set(asked.get() + 1);
        asked.get() > 1
    };
    let err = evidence::add_prepared(
        &mut vault,
        stamp(1),
        prepared,
        NewEvidence::default(),
        &stop,
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::Cancelled, "{}", err.message);
    assert!(evidence::list(vault.reader()).unwrap().is_empty());
    assert_eq!(
        stored_chunks(&vault),
        0,
        "the chunk already written was rolled back"
    );
    let added = evidence::add_file(&mut vault, stamp(2), &path, NewEvidence::default()).unwrap();
    assert_eq!(added.size, 3 * evidence::CHUNK_BYTES as u64);
    assert_eq!(stored_chunks(&vault), 3);
}
