//! Writes the vocabulary for the screens: `vocabulary.ts` beside the ts-rs bindings, one
//! `as const` map per list from each value's name to its label, typed by the binding of its
//! enum. Like the bindings it is written by `cargo test` (`export_bindings_vocabulary`) and
//! `make lint` fails when the committed file differs.

use std::fmt::Write as _;
use std::path::Path;

use super::Vocabulary;

/// The file's name in the bindings folder.
pub const FILE: &str = "vocabulary.ts";

/// One list's declaration: `ITEM_KIND_LABELS`, keyed by the `ItemKind` binding.
fn declare<T: Vocabulary>(out: &mut String, imports: &mut Vec<String>) {
    let cfg = ts_rs::Config::from_env();
    let ident = T::ident(&cfg);
    imports.push(format!("import type {{ {ident} }} from './{ident}';"));
    let _ = writeln!(out, "\nexport const {}_LABELS = {{", screaming(&ident));
    let words = T::WORDS;
    for (i, w) in words.iter().enumerate() {
        let comma = if i + 1 < words.len() { "," } else { "" };
        let _ = writeln!(out, "\t{}: {}{comma}", w.value.key(), quoted(w.label));
    }
    let _ = writeln!(out, "}} as const satisfies Record<{ident}, string>;");
}

/// The whole file.
pub fn render() -> String {
    let mut body = String::new();
    let mut imports = Vec::new();
    macro_rules! each {
        ($($t:ty),* $(,)?) => { $( declare::<$t>(&mut body, &mut imports); )* };
    }
    crate::for_each_vocabulary!(each);
    imports.sort();
    let mut out = String::from(
        "// Generated from isms-core's vocabulary (src/vocabulary) by `cargo test`; do not edit.\n\
         // What the screens call each value of a closed list: the same words as the export packs\n\
         // and the spreadsheets.\n",
    );
    for line in imports {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&body);
    out
}

/// Writes the file into `dir`.
pub fn write(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join(FILE), render())
}

/// `ItemKind` → `ITEM_KIND`.
fn screaming(ident: &str) -> String {
    let mut out = String::new();
    for (i, c) in ident.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// A TypeScript string literal in single quotes.
fn quoted(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('\'');
    out
}
