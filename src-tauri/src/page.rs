//! The page's memory after Lock. WebKit runs the page in a process of its own, and that
//! process held the passphrase: the text typed into the unlock and passphrase fields, the
//! strings the page's JavaScript made of it, the buffer it sealed (the end-to-end memory test,
//! tests/e2e/specs/zeroise.e2e.mjs, found all of them there after Lock). JavaScript cannot wipe
//! a string, and freed memory of that process is not wiped either. So on Lock the shell ends
//! the page's process and loads the page again in a new one: the old process's memory goes
//! back to the system, which hands it to no one before zeroing it. The new page starts at the
//! start screen, as after a fresh launch.
//!
//! On Linux this uses WebKitGTK's own call to end the page process. Elsewhere the page is
//! reloaded, which drops what it held but may keep the same process (and its freed memory).

use tauri::{AppHandle, Manager, Runtime};

/// Ends the page's process and loads the page afresh in a new one (see above).
pub fn restart<R: Runtime>(app: &AppHandle<R>) {
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    #[cfg(target_os = "linux")]
    let restarted = window.with_webview(|page| {
        use webkit2gtk::WebViewExt;
        let view = page.inner();
        view.terminate_web_process();
        view.reload();
    });
    #[cfg(not(target_os = "linux"))]
    let restarted = window.reload();
    if let Err(e) = restarted {
        eprintln!("ISMS Desk could not reload the page after Lock: {e}");
    }
}
