//! How far an import has got, for whoever watches it (the app's progress bar, nobody on the
//! command line): every kind reports each row as it is checked, then each record as it is
//! written, and the watcher may cancel at any of them; a cancelled import writes nothing.

use isms_core::{CoreError, ErrorCode, Result};
use serde::Serialize;
use ts_rs::TS;

/// Which pass of an import a progress report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportPhase {
    Checking,
    Writing,
}

/// How far an import has got: `done` of `total` rows in `phase`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    pub phase: ImportPhase,
    pub done: u32,
    pub total: u32,
}

/// Told of each row's progress; returns `false` to cancel the import.
pub type Watch<'a> = &'a mut dyn FnMut(ImportProgress) -> bool;

/// A watch that never cancels, for callers with nobody to show progress to.
pub fn unwatched(_: ImportProgress) -> bool {
    true
}

/// Reports `done` of `total` in `phase`; `Cancelled` when the watcher says stop.
pub(crate) fn step(
    watch: &mut Watch<'_>,
    phase: ImportPhase,
    done: usize,
    total: usize,
) -> Result<()> {
    let progress = ImportProgress {
        phase,
        done: done as u32,
        total: total as u32,
    };
    if watch(progress) {
        Ok(())
    } else {
        Err(CoreError::new(
            ErrorCode::Cancelled,
            "The import was cancelled; nothing was written.",
        ))
    }
}
