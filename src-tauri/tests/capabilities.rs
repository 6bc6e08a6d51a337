//! The webview's privileges, read from the files that grant them: every command the app
//! declares (`src/commands/list.rs`) is granted and nothing else is, to the main window only
//! and never to a remote URL; the CSP is exactly the reviewed one and no security switch of
//! `tauri.conf.json` is turned off; no plugin with file-system, shell or network access is present. The security canary
//! is registered and granted only in the `e2e` build.

use std::collections::BTreeSet;
use std::path::Path;

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

/// The declared commands (`src/commands/list.rs`, from which `build.rs` makes the permissions
/// and `commands::handler` the invoke handler), each with whether it is behind the `e2e`
/// feature.
fn registered_commands() -> Vec<(String, bool)> {
    isms_desk_lib::commands::DECLARED
        .iter()
        .map(|declared| {
            assert!(
                declared
                    .conditions
                    .iter()
                    .all(|c| *c == "cfg(feature = \"e2e\")"),
                "the only condition on a command is the e2e feature: {declared:?}"
            );
            (declared.name.to_owned(), !declared.conditions.is_empty())
        })
        .collect()
}

fn granted_by(capability: &str) -> BTreeSet<String> {
    let capability: serde_json::Value = serde_json::from_str(capability).unwrap();
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect()
}

fn allow(commands: &BTreeSet<String>) -> BTreeSet<String> {
    commands
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect()
}

#[test]
fn the_capability_grants_exactly_the_registered_commands() {
    let commands = registered_commands();
    let registered: BTreeSet<String> = commands.iter().map(|(n, _)| n.clone()).collect();
    assert_eq!(
        registered.len(),
        commands.len(),
        "no command is registered twice"
    );
    let build = read("build.rs");
    assert!(
        build.contains("include!(\"src/commands/list.rs\");")
            && build.contains("const COMMANDS: &[&str] = with_commands!(names);")
            && build.contains(".commands(COMMANDS)"),
        "build.rs COMMANDS and the invoke handler list the same commands: the declaration's"
    );
    assert!(
        read("src/commands/mod.rs").contains("    with_commands!(invoke_handler)\n")
            && read("src/lib.rs").contains(".invoke_handler(commands::handler())"),
        "the app registers the declared commands and no others"
    );
    let users: BTreeSet<String> = commands
        .iter()
        .filter(|(_, test_only)| !test_only)
        .map(|(n, _)| n.clone())
        .collect();
    let test_only: BTreeSet<String> = registered.difference(&users).cloned().collect();
    assert_eq!(
        test_only,
        BTreeSet::from(["security_canary".to_owned()]),
        "only the canary is limited to the e2e build"
    );

    let mut expected = allow(&users);
    expected.extend([
        "core:event:allow-listen".to_owned(),
        "core:event:allow-unlisten".to_owned(),
    ]);
    assert_eq!(
        granted_by(&read("capabilities/main.json")),
        expected,
        "the webview gets the users' commands and event listening, nothing more"
    );

    // The e2e build adds one more capability at start-up, granting its own commands only.
    let security = read("src/commands/security.rs");
    let from = security.find("CAPABILITY: &str = r#\"").unwrap() + "CAPABILITY: &str = r#\"".len();
    let to = from + security[from..].find("\"#").unwrap();
    assert_eq!(granted_by(&security[from..to]), allow(&test_only));
    let lib = read("src/lib.rs");
    assert!(
        lib.contains(
            "#[cfg(feature = \"e2e\")]\n            app.add_capability(commands::security::CAPABILITY)?;"
        ),
        "the test capability is added in the e2e build only"
    );
    assert!(
        read("src/commands/mod.rs").contains("#[cfg(feature = \"e2e\")]\npub mod security;"),
        "the canary's code is compiled into the e2e build only"
    );
}

/// The canary exists in the build this test was compiled with exactly when it is the e2e one.
#[test]
fn the_canary_is_compiled_only_into_the_test_build() {
    assert_eq!(isms_desk_lib::automation::TEST_BUILD, cfg!(feature = "e2e"));
    #[cfg(feature = "e2e")]
    assert_eq!(
        isms_desk_lib::commands::security::CANARY_FILE,
        "security-canary.log"
    );
}

/// The CSP, directive by directive. Loosening any of them (or adding one) must be a decision
/// made here, in review, not a side effect of another change.
const CSP: &[(&str, &str)] = &[
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "ipc: http://ipc.localhost"),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'none'"),
    ("frame-ancestors", "'none'"),
];

#[test]
fn the_csp_stays_strict() {
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).unwrap();
    let csp = conf["app"]["security"]["csp"]
        .as_object()
        .expect("the CSP is set");
    let actual: Vec<(String, String)> = csp
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("<not a string>").to_owned()))
        .collect();
    let mut expected: Vec<(String, String)> = CSP
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    expected.sort();
    let mut sorted = actual.clone();
    sorted.sort();
    assert_eq!(sorted, expected, "the CSP is exactly the reviewed one");
    let all = csp.values().map(|v| v.to_string()).collect::<String>();
    for loose in ["unsafe-eval", "wasm-unsafe-eval", "https:", "*", "blob:"] {
        assert!(!all.contains(loose), "{loose} in the CSP: {all}");
    }
}

#[test]
fn no_security_switch_is_turned_off() {
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).unwrap();
    let app = &conf["app"];
    assert_eq!(
        app["withGlobalTauri"], false,
        "no window.__TAURI__ for scripts"
    );
    let security = app["security"].as_object().unwrap();
    assert_eq!(security["freezePrototype"], true);
    let keys: BTreeSet<&str> = security.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        BTreeSet::from(["csp", "freezePrototype"]),
        "no devCsp, dangerousDisableAssetCspModification, assetProtocol, \
         headers or pattern override"
    );
    for window in app["windows"].as_array().unwrap() {
        assert!(
            window
                .get("url")
                .is_none_or(|u| u.as_str().is_some_and(|u| !u.contains(':'))),
            "windows load the bundled UI, not a remote page: {window}"
        );
    }
    assert_eq!(app["windows"].as_array().unwrap().len(), 1, "one window");
}

#[test]
fn the_only_capability_is_the_main_windows_and_it_is_local() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities");
    let files: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        files,
        BTreeSet::from(["main.json".to_owned()]),
        "every capability file in {} grants something: only main.json may",
        dir.display()
    );
    let capability: serde_json::Value =
        serde_json::from_str(&read("capabilities/main.json")).unwrap();
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    assert!(
        capability.get("remote").is_none(),
        "no remote URL gets our commands"
    );
    assert!(capability.get("webviews").is_none());
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
    let plugins: Vec<&str> = cargo
        .lines()
        .filter_map(|l| l.trim().split([' ', '=']).next())
        .filter(|name| name.starts_with("tauri-plugin-"))
        .collect();
    assert_eq!(
        plugins,
        ["tauri-plugin-dialog"],
        "the only plugin is the dialog"
    );
    let lib = read("src/lib.rs");
    assert_eq!(
        lib.matches(".plugin(").count(),
        1,
        "only the dialog plugin is registered"
    );
}

/// The parameters of every `#[tauri::command]` in `src/commands`, by command name.
fn command_parameters() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for part in text.split("#[tauri::command").skip(1) {
            let from = part.find("pub fn ").unwrap() + "pub fn ".len();
            let params_start = from + part[from..].find('(').unwrap();
            // The name, without the runtime parameter (`<R: Runtime>`).
            let name_end = from
                + part[from..params_start]
                    .find('<')
                    .unwrap_or(params_start - from);
            let params_end = params_start + part[params_start..].find(") ").unwrap();
            found.push((
                part[from..name_end].to_owned(),
                part[params_start + 1..params_end].to_owned(),
            ));
        }
    }
    found
}

#[test]
fn no_command_takes_a_path_from_the_page() {
    let commands = command_parameters();
    assert!(
        commands.len() > 100,
        "every command was read: {}",
        commands.len()
    );
    for (name, params) in &commands {
        for param in params.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (param_name, ty) = param.split_once(':').unwrap_or((param, ""));
            let param_name = param_name.trim();
            assert!(
                !["path", "paths", "dir", "folder"].contains(&param_name)
                    && !ty.contains("PathBuf")
                    && !ty.contains("Path"),
                "{name} takes `{param}`: the page names files by handle (handles.rs), never by path"
            );
        }
    }
    for takes_handle in [
        "evidence_add_files",
        "sheets_preview",
        "sheets_import",
        "sheets_export",
        "export_run",
        "export_reveal",
        "vault_create",
        "vault_unlock",
        "vault_forget",
        "vault_find_backup",
        "vault_restore_backup",
    ] {
        let (_, params) = commands
            .iter()
            .find(|(n, _)| n == takes_handle)
            .unwrap_or_else(|| panic!("{takes_handle} is a command"));
        assert!(
            ["file:", "files:", "vault:"]
                .iter()
                .any(|h| params.contains(h)),
            "{takes_handle} names its file by a handle: {params}"
        );
    }
}
