//! One vault is one file whatever its name, and a read-only vault says so: `isms passwd`
//! through a symlink, a second hard link (exit 15), a vault on a read-only folder or medium
//! (a note on stderr for commands that read, exit 16 for those that write).

use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;

use super::{PASS, isms, stderr, stdout};

const NEW: &str = "another long passphrase";

fn new_vault(d: &Path, name: &str) {
    let out = isms(d, &["new", name, "--org", "Acme"], PASS);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn passwd_through_a_symlink_rekeys_the_real_vault_and_keeps_the_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("real")).unwrap();
    new_vault(d, "real/acme.isms");
    std::os::unix::fs::symlink("real/acme.isms", d.join("acme.isms")).unwrap();
    let out = Command::cargo_bin("isms")
        .unwrap()
        .current_dir(d)
        .env("ISMS_PASSPHRASE", PASS)
        .env("ISMS_NEW_PASSPHRASE", NEW)
        .env("ISMS_BACKUP_DIR", d.join("backups"))
        .args(["passwd", "acme.isms"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(d.join("acme.isms"))
            .unwrap()
            .is_symlink(),
        "the symlink is still a symlink"
    );
    assert_eq!(
        isms(d, &["info", "real/acme.isms"], PASS).status.code(),
        Some(4),
        "the old passphrase no longer opens the real vault"
    );
    assert!(isms(d, &["info", "real/acme.isms"], NEW).status.success());
    assert!(isms(d, &["info", "acme.isms"], NEW).status.success());
}

#[test]
fn a_vault_with_two_hard_links_is_refused_with_exit_15() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    new_vault(d, "acme.isms");
    std::fs::hard_link(d.join("acme.isms"), d.join("alias.isms")).unwrap();
    let out = isms(d, &["info", "alias.isms"], PASS);
    assert_eq!(out.status.code(), Some(15), "{}", stderr(&out));
    assert!(stderr(&out).contains("hard links"), "{}", stderr(&out));
}

fn is_root() -> bool {
    Process::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

#[cfg(unix)]
#[test]
fn a_vault_in_a_read_only_folder_reads_says_so_and_refuses_writes() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let media = d.join("media");
    std::fs::create_dir(&media).unwrap();
    // Root ignores folder modes: a read-only tmpfs mount is the read-only medium then.
    let mounted = is_root();
    if mounted {
        let ok = Process::new("mount")
            .args(["-t", "tmpfs", "-o", "size=4m", "tmpfs"])
            .arg(&media)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!(
                "SKIPPED a_vault_in_a_read_only_folder_reads_says_so_and_refuses_writes: root, and mounting a tmpfs failed"
            );
            return;
        }
    }
    new_vault(d, "media/acme.isms");
    std::fs::remove_file(media.join(".acme.isms.lock")).unwrap();
    if mounted {
        let ok = Process::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&media)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "remount read-only");
    } else {
        std::fs::set_permissions(&media, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    let out = isms(d, &["info", "media/acme.isms"], PASS);
    let (info_ok, info_out, info_err) = (out.status.success(), stdout(&out), stderr(&out));
    let out = isms(
        d,
        &[
            "measure",
            "record",
            "media/acme.isms",
            "M-001",
            "--note",
            "x",
        ],
        PASS,
    );
    let (write_code, write_err) = (out.status.code(), stderr(&out));
    let left: Vec<String> = std::fs::read_dir(&media)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    if mounted {
        let _ = Process::new("umount").arg("-l").arg(&media).status();
    } else {
        std::fs::set_permissions(&media, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert!(info_ok, "reading works: {info_err}");
    assert!(info_out.contains("read-only"), "{info_out}");
    assert!(
        info_err.contains("opened read-only"),
        "a note on stderr: {info_err}"
    );
    assert_eq!(write_code, Some(16), "{write_err}");
    assert_eq!(left, ["acme.isms"], "no -wal, -shm or lock file left");
}
