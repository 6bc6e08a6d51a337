//! Everything the CLI writes to the terminal goes through here, because most of it echoes user
//! data (cell values, file names, titles, paths) that may hold control characters: ESC and
//! CSI sequences, OSC titles (`ESC ] 0 ; … BEL`), BEL, any C0 or C1 control, DEL, and the
//! Unicode direction overrides that make text read differently from what it is. [`escaped`] is
//! the one function that makes text safe to show; [`say`] and [`warn`] apply it to every line
//! on stdout and stderr, and JSON output goes through [`json`].
//!
//! A reader that stops reading (`isms info | head -1`) is not an error of ours: a write to a
//! closed pipe ends the command quietly ([`closed`]) instead of panicking as `println!` does.

use std::borrow::Cow;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use isms_core::{CoreError, Result};

static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Whether a write found stdout closed by its reader; `main` then exits quietly.
pub fn closed() -> bool {
    STDOUT_CLOSED.load(Ordering::Relaxed)
}

/// Characters never written raw: every control (C0, DEL, C1) and the bidirectional overrides
/// and isolates. Newline and tab only where `keep_layout` says the text is ours to lay out.
fn unsafe_char(c: char, keep_layout: bool) -> bool {
    if keep_layout && (c == '\n' || c == '\t') {
        return false;
    }
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with each unsafe character written as a Rust-style escape (`\u{1b}`); newlines and
/// tabs kept when `keep_layout` (whole messages), escaped too when not (a single value).
pub fn escaped(text: &str, keep_layout: bool) -> Cow<'_, str> {
    if !text.chars().any(|c| unsafe_char(c, keep_layout)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c, keep_layout) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A single value (a name, a path) for a line of output: every control escaped, newlines too.
pub fn value(text: &str) -> Cow<'_, str> {
    escaped(text, false)
}

/// JSON for a terminal: serde_json escapes C0 controls inside strings but writes C1 controls
/// and direction overrides raw; those become JSON's own four-hex-digit escapes (`\u009b`), so the JSON means the same.
pub fn json(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| unsafe_char(c, true)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c, true) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Writes `text` (escaped, layout kept) to stdout. A closed pipe is remembered and reported
/// as an `Io` error so the command unwinds, closing its vault; `main` then says nothing.
pub fn say(text: &str) -> Result<()> {
    write_raw(&escaped(text, true))
}

/// Writes `text` to stdout as it is: only for text already made safe ([`json`]).
pub fn write_raw(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                STDOUT_CLOSED.store(true, Ordering::Relaxed);
            }
            CoreError::io("Cannot write to stdout", &e)
        })
}

/// Writes `text` (escaped, layout kept) to stderr; a closed stderr is ignored.
pub fn warn(text: &str) {
    let _ = std::io::stderr()
        .lock()
        .write_all(escaped(text, true).as_bytes());
}

/// `sayln!("…", args)`: one line on stdout through [`say`], returning its error.
macro_rules! sayln {
    ($($arg:tt)*) => {
        $crate::show::say(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// `warnln!("…", args)`: one line on stderr through [`warn`].
macro_rules! warnln {
    ($($arg:tt)*) => {
        $crate::show::warn(&format!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use {sayln, warnln};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_text_kept() {
        assert_eq!(
            escaped("a\u{1b}]0;owned\u{7}b\u{1b}[2J\u{9b}31m", true),
            "a\\u{1b}]0;owned\\u{7}b\\u{1b}[2J\\u{9b}31m"
        );
        assert_eq!(escaped("Søren\nx\ty", true), "Søren\nx\ty", "layout kept");
        assert_eq!(
            value("Søren\nx\ty"),
            "Søren\\u{a}x\\u{9}y",
            "a value is one line"
        );
        assert_eq!(value("\u{202e}txt.exe"), "\\u{202e}txt.exe");
        assert_eq!(value("\u{7f}"), "\\u{7f}");
        assert!(matches!(escaped("plain – ü", true), Cow::Borrowed(_)));
    }

    #[test]
    fn json_stays_json() {
        let text = serde_json::to_string(&"a\u{1b}b\u{9b}c\u{202e}").unwrap();
        let safe = json(&text);
        assert!(!safe.chars().any(|c| unsafe_char(c, false)), "{safe}");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{1b}b\u{9b}c\u{202e}", "the same JSON value");
    }
}
