//! Showing a file in the system's file manager: selected in it where the platform can (Finder,
//! Explorer, a FreeDesktop file manager over D-Bus), else its folder opened.

use std::io;
use std::path::Path;
use std::process::{Command, Stdio};

fn run(program: &str, args: &[&std::ffi::OsStr]) -> io::Result<bool> {
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
}

#[cfg(target_os = "macos")]
pub fn reveal(path: &Path) -> io::Result<()> {
    run("open", &["-R".as_ref(), path.as_os_str()]).map(|_| ())
}

#[cfg(target_os = "windows")]
pub fn reveal(path: &Path) -> io::Result<()> {
    let mut arg = std::ffi::OsString::from("/select,");
    arg.push(path.as_os_str());
    // Explorer exits non-zero even when it worked.
    run("explorer", &[arg.as_os_str()]).map(|_| ())
}

#[cfg(not(any(target_os = "macos", target_os = "windows")))]
pub fn reveal(path: &Path) -> io::Result<()> {
    let uri = format!("file://{}", encode(&path.to_string_lossy()));
    let item = format!("array:string:{uri}");
    let shown = run(
        "dbus-send",
        &[
            "--session".as_ref(),
            "--dest=org.freedesktop.FileManager1".as_ref(),
            "--type=method_call".as_ref(),
            "/org/freedesktop/FileManager1".as_ref(),
            "org.freedesktop.FileManager1.ShowItems".as_ref(),
            item.as_ref(),
            "string:".as_ref(),
        ],
    )
    .unwrap_or(false);
    if shown {
        return Ok(());
    }
    let folder = path.parent().unwrap_or(Path::new("/"));
    if run("xdg-open", &[folder.as_os_str()])? {
        Ok(())
    } else {
        Err(io::Error::other("no file manager answered"))
    }
}

/// Percent-encodes a path for a file URI (unreserved characters and `/` stay).
#[cfg(not(any(target_os = "macos", target_os = "windows")))]
fn encode(path: &str) -> String {
    path.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(all(test, not(any(target_os = "macos", target_os = "windows"))))]
mod tests {
    #[test]
    fn file_uris_encode_spaces_and_non_ascii() {
        assert_eq!(
            super::encode("/home/ø/My pack.pdf"),
            "/home/%C3%B8/My%20pack.pdf"
        );
    }
}
