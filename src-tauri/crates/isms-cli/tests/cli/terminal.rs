//! What reaches the terminal: user data (organisation names, cells, file names) never with raw
//! control characters, a reader closing the pipe early is no panic, each error is said once,
//! and `snapshot export --out` leaves no file when writing fails.

use std::io::Read;
use std::process::Stdio;

use super::{PASS, isms, stderr, stdout};

/// ESC, an OSC window title ended by BEL, a CSI clear-screen and a C1 CSI.
const HOSTILE: &str = "Evil\u{1b}]0;pwned\u{7} \u{1b}[2J\u{9b}31mLtd";

fn assert_clean(text: &str, what: &str) {
    assert!(
        !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "{what} holds a raw control character: {text:?}"
    );
}

#[test]
fn control_characters_in_user_data_are_escaped_everywhere_the_cli_echoes_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let made = isms(d, &["new", "acme.isms", "--org", HOSTILE], PASS);
    assert!(made.status.success(), "{}", stderr(&made));

    let info = isms(d, &["info", "acme.isms"], PASS);
    assert!(info.status.success(), "{}", stderr(&info));
    assert_clean(&stdout(&info), "info");
    assert!(
        stdout(&info).contains("Evil\\u{1b}]0;pwned\\u{7} \\u{1b}[2J\\u{9b}31mLtd"),
        "escaped, not dropped: {}",
        stdout(&info)
    );
    let json = isms(d, &["info", "acme.isms", "--json"], PASS);
    assert_clean(&stdout(&json), "info --json");
    let parsed: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(
        parsed["organisation_name"], HOSTILE,
        "the JSON still means the name"
    );

    // A cell of a spreadsheet: the mapping echoes the headers.
    std::fs::write(
        d.join("staff.csv"),
        format!("Name;E-mail;{HOSTILE}\nAnn Smith;ann@acme.example;CEO\n"),
    )
    .unwrap();
    let import = isms(
        d,
        &["import", "acme.isms", "people", "staff.csv", "--dry-run"],
        PASS,
    );
    assert!(import.status.success(), "{}", stderr(&import));
    assert!(
        stdout(&import).contains("Evil\\u{1b}"),
        "{}",
        stdout(&import)
    );
    assert_clean(&stdout(&import), "import");

    // A file name, in an error message.
    let name = format!("{HOSTILE}.txt");
    std::fs::write(d.join(&name), "x").unwrap();
    let get = isms(
        d,
        &["evidence", "get", "acme.isms", "1", "--out", &name],
        PASS,
    );
    assert!(!get.status.success());
    assert!(stderr(&get).contains("already exists"), "{}", stderr(&get));
    assert_clean(&stderr(&get), "an error naming a file");
}

#[test]
fn a_reader_closing_the_pipe_early_is_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let made = isms(d, &["demo", "demo.isms", "--at", "operating"], PASS);
    assert!(made.status.success(), "{}", stderr(&made));
    let bin = assert_cmd::cargo::cargo_bin("isms");
    let run = |args: &[&str], read_one: bool| {
        let mut child = std::process::Command::new(&bin)
            .current_dir(d)
            .env("ISMS_PASSPHRASE", PASS)
            .env("ISMS_BACKUP_DIR", d.join("backups"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = child.stdout.take().unwrap();
        if read_one {
            // `| head -c1`: one byte, then the pipe is closed.
            let mut byte = [0u8; 1];
            out.read_exact(&mut byte).unwrap();
        }
        drop(out);
        let done = child.wait_with_output().unwrap();
        (done.status.code(), stderr(&done))
    };
    // Closed before anything is written; and after one byte of a snapshot larger than a pipe.
    for (args, read_one) in [
        (&["info", "demo.isms"][..], false),
        (&["snapshot", "export", "demo.isms"][..], true),
        (&["readiness", "demo.isms", "--stage", "2"][..], false),
    ] {
        let (code, err) = run(args, read_one);
        assert_eq!(code, Some(141), "{args:?}: quiet, as after SIGPIPE: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: nothing said: {err}");
    }
}

#[test]
fn each_error_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = isms(d, &["new", "acme.isms", "--org", " "], PASS);
    assert_eq!(out.status.code(), Some(9), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(
        err.matches("needs a name").count(),
        1,
        "the message once: {err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("name"), "the field is named: {err}");
}

#[test]
fn a_failed_snapshot_export_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let made = isms(d, &["demo", "demo.isms", "--at", "operating"], PASS);
    assert!(made.status.success(), "{}", stderr(&made));
    let full = isms(d, &["snapshot", "export", "demo.isms"], PASS);
    assert!(stdout(&full).len() > 150 * 1024, "the snapshot is large");
    // A file size limit of 100 KiB (SIGXFSZ ignored, so the write fails with EFBIG) makes the
    // write fail part way, as a full disk would.
    let bin = assert_cmd::cargo::cargo_bin("isms");
    let out = std::process::Command::new("sh")
        .current_dir(d)
        .env("ISMS_PASSPHRASE", PASS)
        .env("ISMS_BACKUP_DIR", d.join("backups"))
        .args(["-c", "trap '' XFSZ; ulimit -f 100; exec \"$0\" \"$@\""])
        .arg(&bin)
        .args(["snapshot", "export", "demo.isms", "--out", "s.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("Cannot write s.json"),
        "{}",
        stderr(&out)
    );
    let left: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("json") || n.contains("partial"))
        .collect();
    assert!(left.is_empty(), "no snapshot and no partial file: {left:?}");
    // And it works with room to write, never over an existing file.
    let ok = isms(
        d,
        &["snapshot", "export", "demo.isms", "--out", "s.json"],
        PASS,
    );
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert_eq!(
        std::fs::read_to_string(d.join("s.json")).unwrap(),
        stdout(&full)
    );
    let again = isms(
        d,
        &["snapshot", "export", "demo.isms", "--out", "s.json"],
        PASS,
    );
    assert_eq!(again.status.code(), Some(8), "{}", stderr(&again));
}
