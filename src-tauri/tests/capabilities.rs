//! The webview's privileges, read from the files that grant them: every command the app
//! registers is granted and nothing else is; the CSP stays strict; no plugin with file-system,
//! shell or network access is present.

use std::collections::BTreeSet;
use std::path::Path;

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

/// Quoted names between `start` and the next `end`.
fn quoted_between(text: &str, start: &str, end: &str) -> BTreeSet<String> {
    let from = text.find(start).unwrap() + start.len();
    let to = from + text[from..].find(end).unwrap();
    text[from..to]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_capability_grants_exactly_the_registered_commands() {
    let manifest = quoted_between(&read("build.rs"), "const COMMANDS: &[&str] = &[", "];");
    let lib = read("src/lib.rs");
    let from = lib.find("generate_handler![").unwrap();
    let to = from + lib[from..].find("])").unwrap();
    let registered: BTreeSet<String> = lib[from..to]
        .split(',')
        .filter_map(|item| item.trim().rsplit("::").next().map(str::to_owned))
        .filter(|name| !name.is_empty() && !name.contains('['))
        .collect();
    assert_eq!(
        manifest, registered,
        "build.rs COMMANDS and generate_handler! list the same commands"
    );

    let capability: serde_json::Value =
        serde_json::from_str(&read("capabilities/main.json")).unwrap();
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    let expected: BTreeSet<String> = registered
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .chain([
            "core:event:allow-listen".to_owned(),
            "core:event:allow-unlisten".to_owned(),
        ])
        .collect();
    assert_eq!(
        granted, expected,
        "the webview gets our commands and event listening, nothing more"
    );
}

#[test]
fn the_csp_stays_strict() {
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).unwrap();
    let csp = &conf["app"]["security"]["csp"];
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    let all = csp.to_string();
    assert!(!all.contains("unsafe-eval"), "no eval");
    assert!(
        !all.contains("http:") || all.contains("http://ipc.localhost"),
        "no remote origins: {all}"
    );
    assert!(!all.contains("https:"), "no remote origins: {all}");
    assert_eq!(conf["app"]["withGlobalTauri"], false);
}

#[test]
fn no_plugin_opens_files_shells_or_the_network() {
    let cargo = read("Cargo.toml");
    for banned in [
        "tauri-plugin-fs",
        "tauri-plugin-shell",
        "tauri-plugin-http",
        "tauri-plugin-opener",
    ] {
        assert!(
            !cargo.contains(banned),
            "{banned} must not be a dependency of the shell"
        );
    }
    let lib = read("src/lib.rs");
    assert_eq!(
        lib.matches(".plugin(").count(),
        1,
        "only the dialog plugin is registered"
    );
}
