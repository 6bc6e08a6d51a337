//! The `isms` binary, run as a user would, against real vault files in a temporary folder.
//! One module per group of commands; the helpers here run the binary and read its output.

mod agenda;
mod export;
mod identity;
mod imports;
mod measures;
mod method;
mod readiness;
mod terminal;
mod vault;

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

const PASS: &str = "correct horse battery staple";

fn isms(dir: &Path, args: &[&str], pass: &str) -> Output {
    Command::cargo_bin("isms")
        .unwrap()
        .current_dir(dir)
        .env("ISMS_PASSPHRASE", pass)
        .env("ISMS_BACKUP_DIR", dir.join("backups"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
