//! A property test of bundle entry names: thousands of random hostile titles, references and
//! file names (path traversal, Windows device names, forbidden and control characters,
//! invisible bidirectional marks, dots and spaces at the ends, long runs that must be cut,
//! names that differ only in case) are claimed as folders and files the way a bundle claims
//! them. Every path must extract safely everywhere, be unique regardless of case, never put a
//! file where a folder is, and come out the same for the same input.
//!
//! The generator is a seeded xorshift, so a failure names its seed and input and reruns:
//! `ISMS_NAMES_SEED` picks the seed, `ISMS_NAMES_CASES` the number of cases (default 3,000).

use std::collections::HashSet;

use isms_export::bundle::{MAX_PATH_BYTES, UniqueNames};

#[path = "support/safe_names.rs"]
mod safe_names;
use safe_names::assert_safe;

/// Pieces a hostile name is made of.
const PIECES: &[&str] = &[
    "..",
    ".",
    "/",
    "\\",
    "../",
    "..\\",
    "~",
    "CON",
    "con",
    "Nul",
    "AUX",
    "prn",
    "COM1",
    "lpt9",
    "COM¹",
    "CONIN$",
    "conout$",
    ".txt",
    ".pdf",
    ".PDF",
    ".tar.gz",
    ".",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\0",
    "\u{1b}[31m",
    "\u{202E}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{2066}",
    "<",
    ">",
    ":",
    "\"",
    "|",
    "?",
    "*",
    "%2e%2e",
    "&amp;",
    "<script>alert(1)</script>",
    "é",
    "É",
    "ß",
    "ﬁ",
    "日本語",
    "😀",
    "İ",
    "K",
    "Report",
    "report",
    "policy",
    "R-001",
    "a",
    "Z",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A name of random pieces; now and then with a long run that must be cut, anywhere.
    fn name(&mut self) -> String {
        let mut pieces: Vec<String> = (0..self.below(8))
            .map(|_| PIECES[self.below(PIECES.len())].to_owned())
            .collect();
        if self.below(4) == 0 {
            let run = PIECES[self.below(PIECES.len())].repeat(1 + self.below(120));
            let at = self.below(pieces.len() + 1);
            pieces.insert(at, run);
        }
        pieces.concat()
    }
}

/// One bundle's worth of names: folders for references, files inside them, as `plan` claims.
fn claim_all(inputs: &[(String, Vec<String>)]) -> Vec<(String, Vec<String>)> {
    let mut names = UniqueNames::default();
    for reserved in ["manifest.json", "manifest.csv"] {
        names.reserve(reserved);
    }
    names.reserve("evidence/");
    inputs
        .iter()
        .map(|(reference, files)| {
            let folder = names.claim_folder("evidence/", reference, 64);
            let files = files.iter().map(|f| names.claim(&folder, f)).collect();
            (folder, files)
        })
        .collect()
}

#[test]
fn random_hostile_names_are_always_safe_unique_and_stable() {
    let seed: u64 = std::env::var("ISMS_NAMES_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x1505_2700_2022);
    let cases: usize = std::env::var("ISMS_NAMES_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3_000);
    let mut rng = Rng(seed.max(1));
    for case in 0..cases {
        let inputs: Vec<(String, Vec<String>)> = (0..1 + rng.below(6))
            .map(|_| {
                let files = (0..1 + rng.below(6)).map(|_| rng.name()).collect();
                (rng.name(), files)
            })
            .collect();
        let claimed = claim_all(&inputs);
        let context = || format!("seed {seed}, case {case}, inputs {inputs:?}");

        let mut seen = HashSet::new();
        let mut folders = HashSet::new();
        for (folder, files) in &claimed {
            assert!(
                folder.starts_with("evidence/") && folder.ends_with('/'),
                "{}",
                context()
            );
            assert_safe(folder.trim_end_matches('/'));
            assert!(
                folders.insert(folder.to_lowercase()),
                "folder {folder:?} twice: {}",
                context()
            );
            for path in files {
                assert!(
                    path.starts_with(folder.as_str()),
                    "{path:?} left {folder:?}: {}",
                    context()
                );
                assert!(path.len() <= MAX_PATH_BYTES, "{}", context());
                assert_safe(path);
                assert!(
                    seen.insert(path.to_lowercase()),
                    "{path:?} clashes regardless of case: {}",
                    context()
                );
            }
        }
        for path in &seen {
            assert!(
                !folders.contains(&format!("{path}/")),
                "{path:?} is both a file and a folder: {}",
                context()
            );
        }
        assert_eq!(
            claim_all(&inputs),
            claimed,
            "the same input, other names: {}",
            context()
        );
    }
}
