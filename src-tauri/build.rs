//! Generates the permissions of our own commands (`allow-<command>`), so the capability file can
//! grant the webview exactly the commands the app defines and nothing else. The names come from
//! the one declaration of the commands, `src/commands/list.rs`, included here. The e2e-only
//! `security_canary` (commands/security.rs) gets its permission in every build, so the committed
//! permission files and schemas stay the same whichever build ran last; only its grant depends
//! on the feature.

include!("src/commands/list.rs");

/// Every declared command's name, whatever its condition.
macro_rules! names {
    ($($(#[$($attr:tt)*])* $module:ident::$name:ident),* $(,)?) => {
        &[$(stringify!($name)),*]
    };
}

const COMMANDS: &[&str] = with_commands!(names);

fn main() {
    println!("cargo:rerun-if-changed=src/commands/list.rs");
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri build step");
}
