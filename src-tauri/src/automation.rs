//! Whether this build may be driven from outside. WebKitGTK lets another process script the
//! page (WebDriver through `TAURI_WEBVIEW_AUTOMATION=true`, the remote Web Inspector through
//! `WEBKIT_INSPECTOR_SERVER` or `WEBKIT_INSPECTOR_HTTP_SERVER`): whoever can set the app's
//! environment (a launcher, a shell profile) would get full script control of an unlocked
//! vault. Only the build with the `e2e` cargo feature, which the end-to-end suite and the
//! start-up benchmark drive, allows that. The build users run refuses to start with any of
//! these variables set, before a window or a webview exists, and says which one to unset.
//! (Exiting was chosen over clearing the variable: clearing the environment of a running
//! process is not thread-safe, and a refusal the user can see beats a silent change.)

use std::ffi::OsString;

/// The variables through which WebKitGTK hands the page to another process.
pub const DRIVING_VARIABLES: &[&str] = &[
    "TAURI_WEBVIEW_AUTOMATION",
    "WEBKIT_INSPECTOR_SERVER",
    "WEBKIT_INSPECTOR_HTTP_SERVER",
];

/// Whether this binary was built for the end-to-end suite (`--features e2e`).
pub const TEST_BUILD: bool = cfg!(feature = "e2e");

/// The exit status of a refused start.
pub const REFUSED_EXIT_CODE: i32 = 2;

/// Why a build that is not `test_build` must not start with the environment `var` reads, or
/// `None` when it may. A variable set to the empty string counts as unset.
pub fn refusal(test_build: bool, var: impl Fn(&str) -> Option<OsString>) -> Option<String> {
    if test_build {
        return None;
    }
    let set: Vec<&str> = DRIVING_VARIABLES
        .iter()
        .copied()
        .filter(|name| var(name).is_some_and(|value| !value.is_empty()))
        .collect();
    (!set.is_empty()).then(|| {
        format!(
            "ISMS Desk will not start with {} set: it would let another program control the \
             app's window. Unset it and start ISMS Desk again. (Only the build made for the \
             automated tests, `make app`, can be driven that way.)",
            set.join(" and ")
        )
    })
}

/// Exits with a message on stderr when the environment asks this build to be driven from
/// outside; returns when it does not.
pub fn refuse_if_driven() {
    if let Some(message) = refusal(TEST_BUILD, |name| std::env::var_os(name)) {
        eprintln!("{message}");
        std::process::exit(REFUSED_EXIT_CODE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn the_users_build_refuses_each_driving_variable_and_names_it() {
        for name in DRIVING_VARIABLES {
            let message = refusal(false, env(&[(name, "true")]))
                .unwrap_or_else(|| panic!("{name} must be refused"));
            assert!(
                message.contains(name),
                "the message names {name}: {message}"
            );
        }
        let both = refusal(
            false,
            env(&[
                ("TAURI_WEBVIEW_AUTOMATION", "1"),
                ("WEBKIT_INSPECTOR_SERVER", "127.0.0.1:9222"),
            ]),
        )
        .unwrap();
        assert!(both.contains("TAURI_WEBVIEW_AUTOMATION and WEBKIT_INSPECTOR_SERVER"));
    }

    #[test]
    fn an_ordinary_environment_starts_and_the_test_build_is_never_refused() {
        assert_eq!(
            refusal(false, env(&[("HOME", "/home/a"), ("DISPLAY", ":0")])),
            None
        );
        assert_eq!(
            refusal(false, env(&[("TAURI_WEBVIEW_AUTOMATION", "")])),
            None,
            "an empty value enables nothing"
        );
        assert_eq!(
            refusal(true, env(&[("TAURI_WEBVIEW_AUTOMATION", "true")])),
            None
        );
    }

    #[test]
    fn this_binary_knows_which_build_it_is() {
        assert_eq!(TEST_BUILD, cfg!(feature = "e2e"));
        let refused = refusal(TEST_BUILD, env(&[("TAURI_WEBVIEW_AUTOMATION", "true")]));
        assert_eq!(refused.is_some(), !cfg!(feature = "e2e"));
    }
}
