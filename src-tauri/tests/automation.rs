//! The users' build (no `e2e` feature) run as a process: started as WebDriver starts it, it
//! exits at once with a message instead of opening a window that another program could drive.
//! The binary cargo builds for this test is that build: the check runs before any window, so
//! no display is needed. (The `e2e` build is the one the end-to-end suite drives; every spec
//! there shows it starts under WebDriver.)

#![cfg(not(feature = "e2e"))]

use std::process::Command;

#[test]
fn the_users_build_exits_with_a_message_when_started_for_webdriver() {
    let out = Command::new(env!("CARGO_BIN_EXE_isms-desk"))
        .env("TAURI_WEBVIEW_AUTOMATION", "true")
        .env_remove("WEBKIT_INSPECTOR_SERVER")
        .env_remove("WEBKIT_INSPECTOR_HTTP_SERVER")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "refused, not started: {stderr}");
    assert!(
        stderr.contains("will not start with TAURI_WEBVIEW_AUTOMATION set"),
        "says why: {stderr}"
    );
}

#[test]
fn the_users_build_exits_with_a_message_when_a_remote_inspector_is_asked_for() {
    let out = Command::new(env!("CARGO_BIN_EXE_isms-desk"))
        .env_remove("TAURI_WEBVIEW_AUTOMATION")
        .env("WEBKIT_INSPECTOR_HTTP_SERVER", "127.0.0.1:9999")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("WEBKIT_INSPECTOR_HTTP_SERVER"));
}
