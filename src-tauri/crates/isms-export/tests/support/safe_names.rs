//! The rules an entry name of a bundle must keep to extract safely on Windows, macOS and
//! Linux, checked from the outside (shared by the bundle tests and the name property test).

use isms_export::bundle;

/// The rules an entry name must keep to extract safely everywhere.
pub fn assert_safe(path: &str) {
    assert!(
        path.len() <= bundle::MAX_PATH_BYTES,
        "{path:?} is {} bytes",
        path.len()
    );
    assert!(!path.starts_with('/'), "{path:?} is absolute");
    for part in path.split('/') {
        assert!(
            !part.is_empty() && part != "." && part != "..",
            "{path:?} has a bad component"
        );
        assert!(
            !part.starts_with('.') && !part.ends_with('.') && !part.ends_with(' '),
            "{path:?}"
        );
        assert!(
            !part
                .chars()
                .any(|c| c.is_control() || "<>:\"\\|?*".contains(c)),
            "{path:?}"
        );
        let base = part.split('.').next().unwrap().trim_end().to_uppercase();
        let numbered = |prefix: &str| {
            base.strip_prefix(prefix).is_some_and(|rest| {
                let mut chars = rest.chars();
                chars
                    .next()
                    .is_some_and(|c| c.is_ascii_digit() || "¹²³".contains(c))
                    && chars.next().is_none()
            })
        };
        let reserved = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"].contains(&base.as_str())
            || numbered("COM")
            || numbered("LPT");
        assert!(!reserved, "{path:?} is a Windows device name");
    }
}
