//! The native file dialogs, the one place paths are chosen. Commands describe the dialog
//! ([`Ask`]) and get the chosen paths back; they then register them in the handle registry
//! (`handles.rs`) and give the page handles.
//!
//! In the build the end-to-end suite drives (cargo feature `e2e`), the GTK dialog cannot be
//! operated over WebDriver, so the dialog is scripted instead: each dialog takes the first line
//! of the answer file (`$ISMS_E2E_DIALOG`, else `$HOME/.isms-e2e-dialog`), which the test
//! writes; a line holds the chosen paths separated by tabs, or `cancel`, and no file (or no
//! line) is a cancel. The page has no way to write that file: it is the test's, on disk. The
//! app users run is built without the feature and always shows the real dialog.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};

/// What a dialog asks for.
pub struct Ask<'a> {
    pub title: &'a str,
    pub directory: Option<PathBuf>,
    pub file_name: Option<String>,
    pub filter: Option<(&'a str, &'a [&'a str])>,
}

impl<'a> Ask<'a> {
    pub fn new(title: &'a str) -> Self {
        Self {
            title,
            directory: None,
            file_name: None,
            filter: None,
        }
    }

    pub fn directory(mut self, dir: impl Into<PathBuf>) -> Self {
        self.directory = Some(dir.into());
        self
    }

    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    pub fn filter(mut self, label: &'a str, extensions: &'a [&'a str]) -> Self {
        self.filter = Some((label, extensions));
        self
    }
}

/// One existing file; `None` when cancelled.
pub fn pick_file<R: Runtime>(app: &AppHandle<R>, ask: Ask<'_>) -> Option<PathBuf> {
    backend::pick(app, ask, false).into_iter().next()
}

/// Existing files; empty when cancelled.
pub fn pick_files<R: Runtime>(app: &AppHandle<R>, ask: Ask<'_>) -> Vec<PathBuf> {
    backend::pick(app, ask, true)
}

/// Where to write a new file; `None` when cancelled.
pub fn save_file<R: Runtime>(app: &AppHandle<R>, ask: Ask<'_>) -> Option<PathBuf> {
    backend::save(app, ask)
}

#[cfg(not(feature = "e2e"))]
mod backend {
    use std::path::PathBuf;

    use tauri::{AppHandle, Runtime};
    use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

    use super::Ask;

    fn builder<R: Runtime>(app: &AppHandle<R>, ask: Ask<'_>) -> FileDialogBuilder<R> {
        let mut dialog = app.dialog().file().set_title(ask.title);
        if let Some(dir) = ask.directory {
            dialog = dialog.set_directory(dir);
        }
        if let Some(name) = ask.file_name {
            dialog = dialog.set_file_name(name);
        }
        if let Some((label, extensions)) = ask.filter {
            dialog = dialog.add_filter(label, extensions);
        }
        dialog
    }

    pub fn pick<R: Runtime>(app: &AppHandle<R>, ask: Ask<'_>, many: bool) -> Vec<PathBuf> {
        let dialog = builder(app, ask);
        let chosen = if many {
            dialog.blocking_pick_files().unwrap_or_default()
        } else {
            dialog.blocking_pick_file().into_iter().collect()
        };
        chosen
            .into_iter()
            .filter_map(|p| p.into_path().ok())
            .collect()
    }

    pub fn save<R: Runtime>(app: &AppHandle<R>, ask: Ask<'_>) -> Option<PathBuf> {
        builder(app, ask).blocking_save_file()?.into_path().ok()
    }
}

#[cfg(feature = "e2e")]
mod backend {
    use std::path::PathBuf;

    use tauri::{AppHandle, Runtime};

    use super::{Ask, scripted};

    pub fn pick<R: Runtime>(_app: &AppHandle<R>, ask: Ask<'_>, many: bool) -> Vec<PathBuf> {
        let mut chosen = scripted::next(ask.title);
        if !many {
            chosen.truncate(1);
        }
        chosen
    }

    pub fn save<R: Runtime>(_app: &AppHandle<R>, ask: Ask<'_>) -> Option<PathBuf> {
        scripted::next(ask.title).into_iter().next()
    }
}

/// The scripted answers of the `e2e` build; plain functions over a file, tested without it.
#[cfg_attr(not(feature = "e2e"), allow(dead_code))]
mod scripted {
    use std::path::{Path, PathBuf};
    use std::sync::Mutex;

    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

    fn answer_file() -> Option<PathBuf> {
        std::env::var_os("ISMS_E2E_DIALOG")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".isms-e2e-dialog")))
    }

    /// The next scripted answer for a dialog titled `title`; empty for a cancel.
    pub fn next(title: &str) -> Vec<PathBuf> {
        let chosen = answer_file()
            .map(|file| take_first_line(&file))
            .unwrap_or_default();
        eprintln!("ISMS E2E: dialog \"{title}\" answered {chosen:?}");
        chosen
    }

    /// Removes the first line of `file` and parses it: tab-separated paths, or `cancel`.
    pub fn take_first_line(file: &Path) -> Vec<PathBuf> {
        let _one = ONE_AT_A_TIME
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let Ok(text) = std::fs::read_to_string(file) else {
            return Vec::new();
        };
        let (line, rest) = text.split_once('\n').unwrap_or((&text, ""));
        let _ = if rest.trim().is_empty() {
            std::fs::remove_file(file)
        } else {
            std::fs::write(file, rest)
        };
        let line = line.trim_end_matches('\r');
        if line.trim() == "cancel" {
            return Vec::new();
        }
        line.split('\t')
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .collect()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn answers_are_taken_one_line_per_dialog_then_cancel() {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("answers");
            std::fs::write(&file, "/a/one.csv\ncancel\n/b/x.pdf\t/b/y.pdf\n").unwrap();
            assert_eq!(take_first_line(&file), vec![PathBuf::from("/a/one.csv")]);
            assert!(take_first_line(&file).is_empty(), "an explicit cancel");
            assert_eq!(
                take_first_line(&file),
                vec![PathBuf::from("/b/x.pdf"), PathBuf::from("/b/y.pdf")]
            );
            assert!(!file.exists(), "the last answer removes the file");
            assert!(take_first_line(&file).is_empty(), "no file is a cancel");
        }
    }
}
