//! Safe entry names. Record references, titles and original file names are whatever users typed
//! or their systems produced; an entry name in the bundle must extract safely on Windows, macOS
//! and Linux. A name made here is relative, one component per folder level, with no `..`, no
//! control or invisible bidirectional characters, none of the characters Windows forbids
//! (`<>:"/\|?*`), no reserved Windows device name (CON, PRN, AUX, NUL, COM0–9, LPT0–9 and the
//! superscript forms, with any extension), no leading dots (hidden files) or spaces, no
//! trailing dots or spaces, and it fits a byte budget without cutting a character.
//! [`UniqueNames`] then keeps every path unique regardless of case, adding " (2)", " (3)"…
//! before the extension.

use std::collections::HashSet;

/// The longest entry path in a bundle, in bytes of UTF-8.
pub const MAX_PATH_BYTES: usize = 200;

/// Device names Windows reserves, whatever extension follows them.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "COM0", "COM1", "COM2", "COM3", "COM4",
    "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³", "LPT0", "LPT1", "LPT2", "LPT3",
    "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
];

/// Used when nothing of a name survives.
const FALLBACK: &str = "unnamed";

/// Characters that never appear in a made name: control characters, those Windows forbids,
/// and invisible formatting characters that can disguise an extension ("gpj.exe" shown
/// right to left).
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*')
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// `raw` as one safe path component of at most `max_bytes` bytes (at least a few are
/// assumed). The extension is kept when the name must be shortened.
pub fn safe_component(raw: &str, max_bytes: usize) -> String {
    let replaced: String = raw
        .chars()
        .map(|c| if is_unsafe(c) { '_' } else { c })
        .collect();
    let mut name = tidy(&replaced).to_owned();
    if name.is_empty() {
        name = FALLBACK.to_owned();
    }
    if is_reserved(&name) {
        name.insert(0, '_');
    }
    let (stem, ext) = split_extension(&name);
    fit(stem, ext, "", max_bytes)
}

/// No leading spaces or dots (a dot file is hidden in Finder and file managers, and "..";
/// never survives); no trailing dots or spaces (Windows drops them, so "a." and "a" clash).
fn tidy(s: &str) -> &str {
    s.trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' '])
}

/// Whether Windows treats `name` as a device: its part before the first dot, without trailing
/// spaces, is a reserved name in any case.
fn is_reserved(name: &str) -> bool {
    let base = name.split('.').next().unwrap_or(name).trim_end();
    let upper = base.to_uppercase();
    RESERVED.contains(&upper.as_str())
}

/// Splits "report.final.pdf" into ("report.final", ".pdf"). An extension is short and
/// alphanumeric; otherwise the whole name is the stem (".bashrc" has no extension).
fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(i)
            if i > 0
                && name.len() - i <= 11
                && name[i + 1..].chars().all(|c| c.is_ascii_alphanumeric())
                && i + 1 < name.len() =>
        {
            (&name[..i], &name[i..])
        }
        _ => (name, ""),
    }
}

/// `stem + suffix + ext` within `max_bytes`: the stem is shortened first (on a character
/// boundary, tidied again), then the extension if even that is not enough.
fn fit(stem: &str, ext: &str, suffix: &str, max_bytes: usize) -> String {
    let ext = if ext.len() + suffix.len() + 1 > max_bytes {
        ""
    } else {
        ext
    };
    let budget = max_bytes.saturating_sub(ext.len() + suffix.len());
    let mut stem = tidy(truncate(stem, budget)).to_owned();
    if stem.is_empty() {
        stem.push('_');
    }
    // Cutting can uncover a device name ("CON" and spaces, then more): guard it again.
    if is_reserved(&format!("{stem}{suffix}{ext}")) {
        stem.insert(0, '_');
        stem = truncate(&stem, budget).to_owned();
    }
    format!("{stem}{suffix}{ext}")
}

/// The longest prefix of `s` of at most `max_bytes` bytes that ends on a character boundary.
pub fn truncate(s: &str, max_bytes: usize) -> &str {
    if s.len() <= max_bytes {
        return s;
    }
    let mut end = max_bytes;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Paths already given out in one bundle, compared regardless of case.
#[derive(Debug, Default)]
pub struct UniqueNames {
    taken: HashSet<String>,
}

impl UniqueNames {
    /// Reserves `path` exactly (the manifests, the `evidence` folder).
    pub fn reserve(&mut self, path: &str) {
        self.taken.insert(key(path));
    }

    /// A safe, unique name for `raw` inside folder `dir` ("" for the root, else ending in
    /// "/"), the whole path within [`MAX_PATH_BYTES`]; returns the full path.
    pub fn claim(&mut self, dir: &str, raw: &str) -> String {
        let budget = MAX_PATH_BYTES.saturating_sub(dir.len());
        let first = safe_component(raw, budget);
        let (stem, ext) = split_extension(&first);
        let mut n = 1u32;
        loop {
            let name = if n == 1 {
                first.clone()
            } else {
                fit(stem, ext, &format!(" ({n})"), budget)
            };
            let path = format!("{dir}{name}");
            // A file and a folder of the same name cannot both be extracted.
            if !self.taken.contains(&key(&path)) && !self.taken.contains(&key(&format!("{path}/")))
            {
                self.taken.insert(key(&path));
                return path;
            }
            n += 1;
        }
    }

    /// Like [`claim`](Self::claim), for a folder: returns the path with its trailing "/".
    pub fn claim_folder(&mut self, dir: &str, raw: &str, max_bytes: usize) -> String {
        let first = safe_component(raw, max_bytes);
        let mut n = 1u32;
        loop {
            let name = if n == 1 {
                first.clone()
            } else {
                fit(&first, "", &format!(" ({n})"), max_bytes)
            };
            let path = format!("{dir}{name}");
            if !self.taken.contains(&key(&path)) && !self.taken.contains(&key(&format!("{path}/")))
            {
                self.taken.insert(key(&format!("{path}/")));
                return format!("{path}/");
            }
            n += 1;
        }
    }
}

fn key(path: &str) -> String {
    path.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn safe(raw: &str) -> String {
        safe_component(raw, MAX_PATH_BYTES)
    }

    #[test]
    fn traversal_and_separators_become_one_component() {
        assert_eq!(
            safe("../../etc/passwd"),
            "_.._etc_passwd",
            "separators replaced, no '..' component left"
        );
        assert_eq!(
            safe(".."),
            FALLBACK,
            "trailing dots are dropped, nothing remains"
        );
        assert_eq!(safe("."), FALLBACK);
        assert_eq!(safe("/abs"), "_abs", "never absolute");
        assert_eq!(safe("a\\b/c"), "a_b_c");
        assert_eq!(safe("C:evil"), "C_evil", "no drive-relative names");
    }

    #[test]
    fn control_forbidden_and_invisible_characters_are_replaced() {
        assert_eq!(safe("a\u{0}b"), "a_b", "NUL");
        assert_eq!(safe("line\nbreak\t.txt"), "line_break_.txt");
        assert_eq!(safe("what?<x>|\"*"), "what__x____");
        assert_eq!(
            safe("invoice\u{202E}fdp.exe"),
            "invoice_fdp.exe",
            "no right-to-left override"
        );
    }

    #[test]
    fn reserved_windows_names_are_prefixed() {
        for raw in [
            "CON",
            "con",
            "con.txt",
            "Con.tar.gz",
            "NUL",
            "aux.",
            "COM1.log",
            "lpt9",
            "PRN .pdf",
            "COM¹",
        ] {
            let made = safe(raw);
            assert!(made.starts_with('_'), "{raw:?} became {made:?}");
            assert!(!is_reserved(&made), "{made:?} is still reserved");
        }
        assert_eq!(
            safe("console.txt"),
            "console.txt",
            "only whole base names are reserved"
        );
        assert_eq!(safe("COM10"), "COM10");
    }

    #[test]
    fn a_cut_that_uncovers_a_device_name_is_prefixed() {
        // Not reserved as typed; cutting to 200 bytes leaves "CON" and spaces, tidied to "CON".
        let raw = format!("CON{}x", " ".repeat(250));
        let made = safe(&raw);
        assert_eq!(made, "_CON");
        let long_ext = format!("aux{}tail.txt", " ".repeat(250));
        assert_eq!(safe(&long_ext), "_aux.txt");
    }

    #[test]
    fn trailing_dots_and_spaces_go() {
        assert_eq!(safe("report. . "), "report");
        assert_eq!(safe("  padded.txt"), "padded.txt");
    }

    #[test]
    fn long_names_are_cut_on_a_character_keeping_the_extension() {
        let long = format!("{}.pdf", "é".repeat(200));
        let made = safe_component(&long, 101);
        assert!(made.len() <= 101, "{} bytes", made.len());
        assert!(made.ends_with(".pdf"), "the extension survives: {made}");
        assert_eq!(
            made,
            format!("{}.pdf", "é".repeat(48)),
            "97 bytes of stem hold 48 two-byte characters"
        );
        let ascii = "x".repeat(300);
        assert_eq!(safe(&ascii).len(), MAX_PATH_BYTES);
    }

    #[test]
    fn a_cut_never_ends_in_a_dot_or_space() {
        let made = safe_component("abc  .  defgh.txt", 10);
        assert_eq!(made, "abc.txt", "the stem cut to 'abc  .' is tidied");
    }

    #[test]
    fn names_are_unique_regardless_of_case() {
        let mut names = UniqueNames::default();
        assert_eq!(names.claim("d/", "Report.PDF"), "d/Report.PDF");
        assert_eq!(names.claim("d/", "report.pdf"), "d/report (2).pdf");
        assert_eq!(names.claim("d/", "REPORT.pdf"), "d/REPORT (3).pdf");
        assert_eq!(
            names.claim("e/", "report.pdf"),
            "e/report.pdf",
            "another folder"
        );
        assert_eq!(names.claim("d/", "no extension"), "d/no extension");
        assert_eq!(names.claim("d/", "No Extension"), "d/No Extension (2)");
    }

    #[test]
    fn suffixed_names_still_fit() {
        let mut names = UniqueNames::default();
        let raw = format!("{}.txt", "a".repeat(400));
        let one = names.claim("evidence/R-001/", &raw);
        let two = names.claim("evidence/R-001/", &raw);
        assert_eq!(one.len(), MAX_PATH_BYTES);
        assert!(
            two.len() <= MAX_PATH_BYTES && two.ends_with(" (2).txt"),
            "{two}"
        );
        assert_ne!(one.to_lowercase(), two.to_lowercase());
    }

    #[test]
    fn folders_and_files_never_share_a_name() {
        let mut names = UniqueNames::default();
        names.reserve("evidence/");
        assert_eq!(
            names.claim("", "Evidence"),
            "Evidence (2)",
            "a file named like the folder"
        );
        assert_eq!(
            names.claim_folder("evidence/", "R-001", 64),
            "evidence/R-001/"
        );
        assert_eq!(
            names.claim_folder("evidence/", "r-001", 64),
            "evidence/r-001 (2)/"
        );
        assert_eq!(names.claim_folder("evidence/", "a/b", 64), "evidence/a_b/");
        assert_eq!(
            names.claim_folder("evidence/", "a_b", 64),
            "evidence/a_b (2)/"
        );
    }
}
