//! The security tripwire: `security_canary`, a command the app's own UI never calls. The
//! hostile-input tests put script payloads into every field; each payload, if it ever ran in
//! the webview, would call this command with its number. A call appends one line (payload
//! number, time) to `security-canary.log` in the app's data folder and to stderr, so a test
//! that finds the file knows an injected script ran.
//!
//! It exists only in the build with the `e2e` feature, the one the end-to-end suite drives: the
//! module, its registration and its grant are all behind that feature, and the app users run
//! has no such command. There it is granted by [`CAPABILITY`], added at start-up, on purpose:
//! were it refused, an injected call would fail before reaching the shell and the test could
//! not see it. It reads nothing and touches no vault. (Its permission is generated in both
//! builds, so the committed permission files do not change with the feature; only the grant
//! does.)

use std::io::Write as _;

use isms_core::ErrorCode;
use tauri::State;

use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// The grant of the test build's commands to the main window, added at start-up.
pub const CAPABILITY: &str = r#"{
  "identifier": "e2e",
  "description": "The e2e build only: the security canary.",
  "windows": ["main"],
  "permissions": ["allow-security-canary"]
}"#;

/// The canary file's name in the app's data folder.
pub const CANARY_FILE: &str = "security-canary.log";

/// Records that payload `n` ran: appends `n` and the time to the canary file and stderr.
#[tauri::command(async, rename_all = "snake_case")]
pub fn security_canary(state: State<'_, AppState>, n: i64) -> IpcResult<()> {
    let line = format!("payload {n} ran at {}\n", state.now().to_rfc3339());
    eprint!("SECURITY CANARY: {line}");
    let file = state.paths.data_dir.join(CANARY_FILE);
    let append = || -> std::io::Result<()> {
        std::fs::create_dir_all(&state.paths.data_dir)?;
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&file)?
            .write_all(line.as_bytes())
    };
    append().map_err(|e| {
        IpcError::new(
            ErrorCode::Io,
            format!("Could not write {}: {e}", file.display()),
        )
    })
}
