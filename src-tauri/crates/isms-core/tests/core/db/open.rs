//! Creating and opening vaults: encryption at rest, coded errors, and files left untouched.

use isms_core::{ErrorCode, Passphrase, Vault, organisation};

use crate::support::{PASS, Scratch, create, fingerprint, stamp};

#[test]
fn create_then_reopen_keeps_the_organisation() {
    let s = Scratch::new();
    s.vault("acme.isms").close().unwrap();
    let vault = s
        .reopen("acme.isms", PASS)
        .expect("reopen with the right passphrase");
    assert_eq!(
        organisation::get(vault.reader()).unwrap().name,
        "Ørsted & Wąs Ltd"
    );
}

#[test]
fn vault_file_is_encrypted_at_rest() {
    let s = Scratch::new();
    let path = s.path("acme.isms");
    let mut vault = s.vault("acme.isms");
    let mut org = organisation::get(vault.reader()).unwrap();
    org.scope = "Zanzibar-Quokka software development and hosting".into();
    organisation::update(&mut vault, stamp(1), org).unwrap();
    vault.close().unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(
        !bytes.starts_with(b"SQLite format 3"),
        "an encrypted file has no plaintext header"
    );
    for needle in ["Zanzibar-Quokka", "Ørsted", "organisation", "CREATE TABLE"] {
        let found = bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
        assert!(!found, "{needle:?} must not appear in plain bytes");
    }
}

#[test]
fn create_refuses_an_existing_file() {
    let s = Scratch::new();
    let path = s.path("taken.isms");
    std::fs::write(&path, b"someone's notes").unwrap();
    let err = Vault::create(&path, Passphrase::new(PASS.into()), stamp(0), |_| Ok(()))
        .err()
        .unwrap();
    assert_eq!(err.code, ErrorCode::AlreadyExists);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"someone's notes",
        "the file is left as it was"
    );
}

#[test]
fn create_refuses_a_short_passphrase_and_leaves_no_file() {
    let s = Scratch::new();
    let path = s.path("short.isms");
    let err = Vault::create(
        &path,
        Passphrase::new("elevenchars".into()),
        stamp(0),
        |_| Ok(()),
    )
    .err()
    .unwrap();
    assert_eq!(
        err.code,
        ErrorCode::WeakPassphrase,
        "11 characters are one too few"
    );
    assert!(!path.exists());
}

#[test]
fn wrong_passphrase_is_reported_and_changes_nothing() {
    let s = Scratch::new();
    let path = s.path("acme.isms");
    s.vault("acme.isms").close().unwrap();
    let before = fingerprint(&path);
    let err = s
        .reopen("acme.isms", "correct horse battery stapler")
        .err()
        .unwrap();
    assert_eq!(err.code, ErrorCode::WrongPassphraseOrDamaged);
    assert!(
        err.message.contains("passphrase") && err.message.contains("damaged"),
        "{}",
        err.message
    );
    assert!(
        err.message.contains("backup"),
        "the message points to backups"
    );
    assert_eq!(
        fingerprint(&path),
        before,
        "vault, WAL and SHM are byte for byte unchanged"
    );
}

#[test]
fn missing_file_is_not_found() {
    let s = Scratch::new();
    assert_eq!(
        s.reopen("nowhere.isms", PASS).err().unwrap().code,
        ErrorCode::NotFound
    );
}

#[test]
fn plaintext_sqlite_and_other_files_are_not_vaults() {
    let s = Scratch::new();
    let plain = s.path("plain.db");
    let conn = rusqlite::Connection::open(&plain).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    std::fs::write(
        s.path("notes.txt"),
        "Meeting notes: nothing to see here at all.\n",
    )
    .unwrap();
    std::fs::write(s.path("empty.isms"), b"").unwrap();
    std::fs::write(
        s.path("report.pdf"),
        b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n",
    )
    .unwrap();
    for name in ["plain.db", "notes.txt", "empty.isms", "report.pdf"] {
        let before = fingerprint(&s.path(name));
        let err = s.reopen(name, PASS).err().unwrap();
        assert_eq!(err.code, ErrorCode::NotAVault, "{name}: {}", err.message);
        assert_eq!(fingerprint(&s.path(name)), before, "{name} is untouched");
    }
}

#[test]
fn another_apps_sqlcipher_database_is_not_a_vault() {
    let s = Scratch::new();
    let path = s.path("other.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "key", PASS).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(conn);
    let err = s.reopen("other.db", PASS).err().unwrap();
    assert_eq!(err.code, ErrorCode::NotAVault, "{}", err.message);
}

#[test]
fn second_open_while_open_is_in_use() {
    let s = Scratch::new();
    let first = s.vault("acme.isms");
    let err = s.reopen("acme.isms", PASS).err().unwrap();
    assert_eq!(err.code, ErrorCode::InUse);
    drop(first);
    assert!(
        s.reopen("acme.isms", PASS).is_ok(),
        "closing the first releases the lock"
    );
}

#[test]
fn vault_opens_in_a_plain_sqlcipher_connection_with_only_the_passphrase() {
    let s = Scratch::new();
    let path = s.path("acme.isms");
    s.vault("acme.isms").close().unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "key", PASS).unwrap();
    let name: String = conn
        .query_row("SELECT name FROM organisation", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "Ørsted & Wąs Ltd");
    let kdf: String = conn
        .query_row("PRAGMA cipher_kdf_algorithm", [], |r| r.get(0))
        .unwrap();
    let iter: String = conn.query_row("PRAGMA kdf_iter", [], |r| r.get(0)).unwrap();
    assert_eq!(
        (kdf.as_str(), iter.as_str()),
        ("PBKDF2_HMAC_SHA512", "256000"),
        "SQLCipher 4 defaults"
    );
}

#[test]
fn info_counts_records_per_table() {
    let s = Scratch::new();
    let vault = create(&s.path("acme.isms"), "Acme");
    let info = vault.info().unwrap();
    assert_eq!(info.organisation_name, "Acme");
    assert_eq!(info.counts.get("organisation"), Some(&1));
    assert_eq!(
        info.counts.get("soa_entries"),
        Some(&93),
        "one SoA entry per Annex A control"
    );
    assert_eq!(
        info.counts.get("history"),
        Some(&94),
        "creation is recorded: organisation + 93 entries"
    );
}

#[test]
fn wrong_passphrase_leaves_a_pending_wal_untouched() {
    let s = Scratch::new();
    let mut vault = s.vault("live.isms");
    let mut org = organisation::get(vault.reader()).unwrap();
    org.scope = "Committed to the WAL, not yet checkpointed".into();
    organisation::update(&mut vault, stamp(1), org).unwrap();
    // Copy the files as a crash would leave them: the database plus a WAL with committed frames.
    for suffix in ["", "-wal"] {
        std::fs::copy(
            s.path(&format!("live.isms{suffix}")),
            s.path(&format!("crashed.isms{suffix}")),
        )
        .unwrap();
    }
    drop(vault);
    let crashed = s.path("crashed.isms");
    assert!(
        std::fs::metadata(s.path("crashed.isms-wal")).unwrap().len() > 0,
        "the WAL holds frames"
    );
    let before = fingerprint(&crashed);
    let err = s
        .reopen("crashed.isms", "not the passphrase!")
        .err()
        .unwrap();
    assert_eq!(err.code, ErrorCode::WrongPassphraseOrDamaged);
    assert_eq!(
        fingerprint(&crashed),
        before,
        "vault and WAL are byte for byte unchanged"
    );
    let recovered = s.reopen("crashed.isms", PASS).unwrap();
    let scope = organisation::get(recovered.reader()).unwrap().scope;
    assert_eq!(
        scope, "Committed to the WAL, not yet checkpointed",
        "the right passphrase recovers the WAL"
    );
}

#[test]
fn damage_found_after_the_key_check_leaves_a_pending_wal_and_the_file_unchanged() {
    let s = Scratch::new();
    let mut vault = s.vault("live.isms");
    vault
        .reader()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    // The pages of the SoA table and its indexes: read when an open counts the SoA entries,
    // after the key check (which reads only the schema), and untouched by the edit below.
    let pages: Vec<i64> = vault
        .reader()
        .prepare(
            "SELECT pageno FROM dbstat WHERE name IN \
             (SELECT name FROM sqlite_schema WHERE tbl_name = 'soa_entries')",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!pages.is_empty(), "the SoA has pages");
    let mut org = organisation::get(vault.reader()).unwrap();
    org.scope = "Committed to the WAL, not yet checkpointed".into();
    organisation::update(&mut vault, stamp(1), org).unwrap();
    let mut main = std::fs::read(s.path("live.isms")).unwrap();
    for page in &pages {
        main[(*page as usize - 1) * 4096 + 2048] ^= 0x10;
    }
    std::fs::write(s.path("crashed.isms"), &main).unwrap();
    std::fs::copy(s.path("live.isms-wal"), s.path("crashed.isms-wal")).unwrap();
    drop(vault);
    let crashed = s.path("crashed.isms");
    let before = fingerprint(&crashed);
    let err = s
        .reopen("crashed.isms", PASS)
        .err()
        .expect("damaged SoA pages");
    assert_ne!(err.code, ErrorCode::Internal, "{err:?}");
    assert_eq!(
        fingerprint(&crashed),
        before,
        "the log is not checkpointed into a vault that failed to open"
    );
}
