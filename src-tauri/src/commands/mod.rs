//! Thin adapters between the webview and the core, one file per domain. Each command takes the
//! core from state, calls one core function and maps the error; nothing else.

pub mod app;
pub mod assets;
pub mod context;
pub mod organisation;
pub mod people;
pub mod vault;
