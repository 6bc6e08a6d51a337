//! Vault files from the command line: new, info, check, backup, passwd, snapshots, evidence,
//! and the documented exit codes.

use assert_cmd::Command;

use super::{PASS, isms, stderr, stdout};

#[test]
fn new_info_check_backup() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = isms(d, &["new", "acme.isms", "--org", "Acme Søren Ltd"], PASS);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = isms(d, &["info", "acme.isms", "--json"], PASS);
    assert!(out.status.success(), "{}", stderr(&out));
    let info: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(info["organisation_name"], "Acme Søren Ltd");
    assert_eq!(info["schema_version"], isms_core::db::LATEST_VERSION);
    assert_eq!(info["counts"]["organisation"], 1);
    let out = isms(d, &["check", "acme.isms"], PASS);
    assert_eq!((out.status.code(), stdout(&out).trim()), (Some(0), "ok"));
    let out = isms(d, &["backup", "acme.isms", "--out", "copy.isms"], PASS);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = isms(d, &["info", "copy.isms"], PASS);
    assert!(
        stdout(&out).contains("Acme Søren Ltd"),
        "the backup opens: {}",
        stdout(&out)
    );
}

#[test]
fn errors_are_one_line_with_documented_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(
        isms(d, &["new", "acme.isms", "--org", "Acme"], PASS)
            .status
            .success()
    );
    let cases: [(&[&str], &str, i32); 5] = [
        (&["info", "acme.isms"], "wrong passphrase here", 4),
        (&["info", "missing.isms"], PASS, 3),
        (&["new", "acme.isms", "--org", "Again"], PASS, 8),
        (&["new", "short.isms", "--org", "Short"], "too short", 9),
        (&["info", "Cargo.toml"], PASS, 3),
    ];
    for (args, pass, code) in cases {
        let out = isms(d, args, pass);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.starts_with("isms: ") && err.lines().count() == 1,
            "{args:?}: {err}"
        );
        assert!(
            !err.contains(pass) || pass == PASS,
            "the passphrase is never echoed"
        );
    }
    std::fs::write(d.join("notes.txt"), "just some text, not a vault at all").unwrap();
    assert_eq!(isms(d, &["info", "notes.txt"], PASS).status.code(), Some(5));
}

#[test]
fn passwd_takes_the_new_passphrase_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(
        isms(d, &["new", "acme.isms", "--org", "Acme"], PASS)
            .status
            .success()
    );
    let new = "another long passphrase";
    let out = Command::cargo_bin("isms")
        .unwrap()
        .current_dir(d)
        .env("ISMS_PASSPHRASE", PASS)
        .env("ISMS_NEW_PASSPHRASE", new)
        .env("ISMS_BACKUP_DIR", d.join("backups"))
        .args(["passwd", "acme.isms"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        isms(d, &["info", "acme.isms"], PASS).status.code(),
        Some(4),
        "old fails"
    );
    assert!(
        isms(d, &["info", "acme.isms"], new).status.success(),
        "new works"
    );
}

#[test]
fn snapshot_round_trip_and_refusal_of_a_used_vault() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(
        isms(
            d,
            &["new", "a.isms", "--org", "Łukasz Wąs Sp. z o.o."],
            PASS
        )
        .status
        .success()
    );
    let first = isms(d, &["snapshot", "export", "a.isms"], PASS);
    assert!(first.status.success(), "{}", stderr(&first));
    std::fs::write(d.join("a.json"), &first.stdout).unwrap();
    assert!(
        isms(d, &["new", "b.isms", "--org", "Placeholder"], PASS)
            .status
            .success()
    );
    let out = isms(d, &["snapshot", "import", "b.isms", "a.json"], PASS);
    assert!(out.status.success(), "{}", stderr(&out));
    let second = isms(
        d,
        &["snapshot", "export", "b.isms", "--out", "b.json"],
        PASS,
    );
    assert!(second.status.success(), "{}", stderr(&second));
    assert_eq!(
        std::fs::read(d.join("b.json")).unwrap(),
        first.stdout,
        "export → import → export is identical"
    );
    let again = isms(d, &["snapshot", "import", "b.isms", "a.json"], PASS);
    assert_eq!(
        again.status.code(),
        Some(10),
        "b.isms now holds an import: {}",
        stderr(&again)
    );
    std::fs::write(d.join("bad.json"), "{\"format\":\"something else\"}").unwrap();
    assert!(
        isms(d, &["new", "c.isms", "--org", "C"], PASS)
            .status
            .success()
    );
    let bad = isms(d, &["snapshot", "import", "c.isms", "bad.json"], PASS);
    assert_eq!(bad.status.code(), Some(10));
    assert!(
        stderr(&bad).contains("not an ISMS Desk snapshot"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn evidence_add_and_get_round_trip_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(
        isms(d, &["new", "acme.isms", "--org", "Acme"], PASS)
            .status
            .success()
    );
    let bytes: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(d.join("scan.pdf"), &bytes).unwrap();
    let out = isms(
        d,
        &[
            "evidence",
            "add",
            "acme.isms",
            "scan.pdf",
            "--link",
            "A.8.13",
            "--effective",
            "2026-03-31",
        ],
        PASS,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let line = stdout(&out);
    let (id, sha) = line.trim().split_once('\t').expect("id and SHA-256");
    assert_eq!(sha.len(), 64);
    let out = isms(
        d,
        &["evidence", "get", "acme.isms", id, "--out", "back.pdf"],
        PASS,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(d.join("back.pdf")).unwrap(), bytes);
    let again = isms(
        d,
        &["evidence", "get", "acme.isms", id, "--out", "back.pdf"],
        PASS,
    );
    assert_eq!(again.status.code(), Some(8), "never overwrites");
    let bad = isms(
        d,
        &[
            "evidence",
            "add",
            "acme.isms",
            "scan.pdf",
            "--link",
            "R-404",
        ],
        PASS,
    );
    assert_eq!(bad.status.code(), Some(9), "{}", stderr(&bad));
}
