//! Files dropped on the window. Tauri reports a drop to Rust with the dropped paths
//! ([`tauri::DragDropEvent`]); the shell keeps them in the handle registry (`handles.rs`) and
//! tells the page only their handles and names (`files-dropped`), which `evidence_add_files`,
//! `sheets_preview` and `sheets_import` accept. While the vault is locked a drop is ignored:
//! nothing could use it, and the lock must leave no handle behind.

use tauri::{DragDropEvent, Manager, Window, WindowEvent};

use crate::events::{self, FilesDroppedEvent};
use crate::handles::{FileRef, Purpose};
use crate::state::AppState;

/// The window-event hook: turns a drop into handles for the page.
pub fn on_window_event(window: &Window, event: &WindowEvent) {
    if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, position }) = event {
        let state = window.state::<AppState>();
        if let Some(files) = register(&state, paths) {
            events::files_dropped(
                window.app_handle(),
                FilesDroppedEvent {
                    files,
                    x: position.x,
                    y: position.y,
                },
            );
        }
    }
}

/// The dropped paths as handles to read; `None` while locked.
pub fn register(state: &AppState, paths: &[std::path::PathBuf]) -> Option<Vec<FileRef>> {
    if !state.is_unlocked() {
        return None;
    }
    state.touch();
    Some(
        paths
            .iter()
            .map(|p| state.handles.register(p, Purpose::Read))
            .collect(),
    )
}
