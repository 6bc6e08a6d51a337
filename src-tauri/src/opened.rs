//! Decrypted copies of evidence files, made so the desktop's own application can open them.
//! They live in one private folder per user: under `$XDG_RUNTIME_DIR` where there is one (a
//! per-user, memory-backed folder on Linux), else the user's cache folder. The folder is made
//! with mode 0700 and, before each use, must be a real directory (not a link) owned by this user
//! and closed to everyone else, or nothing is written. Each copy is created exclusively (never
//! through an existing file or link) in a fresh folder of its own with a random name, mode
//! 0600. The whole folder is deleted when the vault locks (by hand or when idle), when the app
//! exits, and when it starts (copies a crash left behind).
//!
//! A file whose type runs code when opened (a program, script, shortcut, installer, web page or
//! macro document) is never handed to the opener: [`runs_code`] says so and the user is offered
//! to save a copy instead, to look at before deciding to run it.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use rand_core::{OsRng, RngCore};

/// The per-user folder for opened copies.
pub fn default_folder() -> PathBuf {
    let base = dirs::runtime_dir()
        .or_else(dirs::cache_dir)
        .unwrap_or_else(std::env::temp_dir);
    base.join("isms-desk-opened")
}

/// Makes `dir` (mode 0700) unless it exists, then checks it is a directory of this user's that
/// no one else may enter. A folder of ours that is open to others is closed first.
pub fn prepare(dir: &Path) -> io::Result<()> {
    if let Some(parent) = dir.parent() {
        // The user's cache folder may not exist yet on a fresh account.
        std::fs::create_dir_all(parent)?;
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    check_private(dir)
}

#[cfg(unix)]
fn check_private(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let refuse = |why: &str| {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("{} {why}; nothing was written there", dir.display()),
        ))
    };
    let meta = std::fs::symlink_metadata(dir)?;
    if !meta.file_type().is_dir() {
        return refuse("is not a folder (it may be a link)");
    }
    if meta.uid() != rustix::process::geteuid().as_raw() {
        return refuse("belongs to another user");
    }
    if meta.mode() & 0o077 != 0 {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        if std::fs::symlink_metadata(dir)?.mode() & 0o077 != 0 {
            return refuse("cannot be closed to other users");
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(dir: &Path) -> io::Result<()> {
    // Elsewhere the folder is in the user's own profile, which others cannot enter.
    if std::fs::symlink_metadata(dir)?.file_type().is_dir() {
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "{} is not a folder",
            dir.display()
        )))
    }
}

/// Creates the file for a copy of `file_name` in a new folder of its own under `dir` (prepared
/// and checked first): exclusively, mode 0600, never through an existing file or link.
pub fn create_copy(dir: &Path, file_name: &str) -> io::Result<(PathBuf, File)> {
    prepare(dir)?;
    let own = dir.join(format!("{:016x}", OsRng.next_u64()));
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(&own)?;
    // Only the last component of the stored name: it never chooses the folder.
    let name = Path::new(file_name)
        .file_name()
        .map(ToOwned::to_owned)
        .unwrap_or_else(|| "evidence".into());
    let path = own.join(name);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .mode(0o600)
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    let file = options.open(&path)?;
    Ok((path, file))
}

/// Deletes every opened copy: the folder itself, if it is this user's. A link in its place is
/// removed, never followed.
pub fn forget(dir: &Path) {
    let Ok(meta) = std::fs::symlink_metadata(dir) else {
        return;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.uid() != rustix::process::geteuid().as_raw() {
            return;
        }
    }
    if meta.file_type().is_dir() {
        let _ = std::fs::remove_dir_all(dir);
    } else {
        let _ = std::fs::remove_file(dir);
    }
}

/// Extensions of files that run code, or make the system run it, when they are opened: programs
/// and installers, scripts, shortcuts and launchers, web pages and SVG (script in a browser),
/// Java and macro-enabled Office files.
const RUNS_CODE: &[&str] = &[
    // programs, libraries and installers
    "exe",
    "com",
    "scr",
    "pif",
    "cpl",
    "msi",
    "msp",
    "mst",
    "msc",
    "dll",
    "sys",
    "app",
    "pkg",
    "dmg",
    "appimage",
    "run",
    "bin",
    "elf",
    "so",
    "deb",
    "rpm",
    "snap",
    "flatpak",
    "flatpakref",
    "apk",
    "appx",
    "msix",
    "appxbundle",
    "msixbundle",
    "application",
    "gadget",
    // scripts
    "sh",
    "bash",
    "zsh",
    "csh",
    "ksh",
    "fish",
    "command",
    "tool",
    "bat",
    "cmd",
    "ps1",
    "psm1",
    "psd1",
    "ps1xml",
    "psc1",
    "vb",
    "vbs",
    "vbe",
    "js",
    "jse",
    "mjs",
    "cjs",
    "wsf",
    "wsh",
    "ws",
    "wsc",
    "hta",
    "py",
    "pyw",
    "pyc",
    "pyz",
    "pl",
    "rb",
    "php",
    "lua",
    "tcl",
    "jar",
    "jnlp",
    "class",
    "reg",
    "inf",
    "scpt",
    "applescript",
    "workflow",
    "action",
    // shortcuts and launchers
    "lnk",
    "url",
    "website",
    "webloc",
    "desktop",
    "scf",
    "library-ms",
    "searchconnector-ms",
    "settingcontent-ms",
    "appref-ms",
    "chm",
    "hlp",
    // web pages and scriptable images
    "html",
    "htm",
    "xhtml",
    "xht",
    "shtml",
    "mht",
    "mhtml",
    "svg",
    "svgz",
    "xsl",
    "xslt",
    // Office files with macros
    "docm",
    "dotm",
    "xlsm",
    "xltm",
    "xlam",
    "pptm",
    "potm",
    "ppam",
    "ppsm",
    "sldm",
];

/// Whether opening `file_name` could run code: its type is in the list above, or it has no
/// type the system could go by (the opener would then guess from the content).
pub fn runs_code(file_name: &str) -> bool {
    // Windows ignores trailing dots and spaces: "setup.exe." is a program.
    let name = file_name.trim_end_matches(['.', ' ']);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.is_empty() => {
            RUNS_CODE.contains(&ext.to_ascii_lowercase().as_str())
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_open_and_anything_that_runs_code_does_not() {
        for safe in [
            "policy.pdf",
            "Risks 2026.XLSX",
            "scan.jpeg",
            "notes.txt",
            "a.b.docx",
        ] {
            assert!(!runs_code(safe), "{safe} opens in its application");
        }
        for code in [
            "setup.exe",
            "SETUP.EXE",
            "setup.exe.",
            "setup.exe ",
            "run.sh",
            "fix.ps1",
            "launch.desktop",
            "Report.lnk",
            "page.html",
            "logo.svg",
            "tool.jar",
            "start.bat",
            "install.msi",
            "Viewer.app",
            "script.py",
            "budget.xlsm",
            "README",
            ".bashrc",
        ] {
            assert!(runs_code(code), "{code} must not be opened");
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_folder_is_made_private_and_each_copy_is_new() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("opened");
        let (path, _) = create_copy(&dir, "policy.pdf").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&path), 0o600);
        assert_eq!(path.file_name().unwrap(), "policy.pdf");
        let (again, _) = create_copy(&dir, "policy.pdf").unwrap();
        assert_ne!(path, again, "a second copy never reuses the first's file");

        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
        create_copy(&dir, "x.pdf").unwrap();
        assert_eq!(mode(&dir), 0o700, "a folder of ours left open is closed");

        let (odd, _) = create_copy(&dir, "../../escape.pdf").unwrap();
        assert!(
            odd.starts_with(&dir),
            "a name never chooses the folder: {odd:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_place_of_the_folder_is_refused_and_removed_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let victim = tmp.path().join("victim");
        std::fs::create_dir(&victim).unwrap();
        std::fs::write(victim.join("keep.txt"), "mine").unwrap();
        let dir = tmp.path().join("opened");
        std::os::unix::fs::symlink(&victim, &dir).unwrap();
        let err = create_copy(&dir, "policy.pdf").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::PermissionDenied, "{err}");
        assert_eq!(
            std::fs::read_dir(&victim).unwrap().count(),
            1,
            "nothing written"
        );
        forget(&dir);
        assert!(std::fs::symlink_metadata(&dir).is_err(), "the link is gone");
        assert_eq!(
            std::fs::read_to_string(victim.join("keep.txt")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn forgetting_deletes_every_copy() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("opened");
        let (path, _) = create_copy(&dir, "policy.pdf").unwrap();
        assert!(path.exists());
        forget(&dir);
        assert!(!dir.exists());
        forget(&dir);
    }
}
