//! Shared by the tests: the demo company's vault, and the PDF read back with qpdf and poppler.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use isms_core::demo::{self, DemoPoint, DemoScale};
use isms_core::{Passphrase, Vault};

pub const PASS: &str = "Northwind demo passphrase";

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).unwrap()
}

/// The demo company at `point`, small.
pub fn demo_vault(dir: &tempfile::TempDir, point: DemoPoint) -> Vault {
    let path = dir.path().join(format!("{}.isms", point.as_str()));
    demo::create(
        &path,
        Passphrase::new(PASS.into()),
        point,
        DemoScale::Small,
        today(),
    )
    .unwrap_or_else(|e| panic!("demo {point:?}: {}", e.message))
}

/// Writes `bytes` to `dir/name` and returns the path; also keeps a copy under
/// `target/pack-previews/` when `ISMS_KEEP_PDF` is set, to look at.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    if let Ok(keep) = std::env::var("ISMS_KEEP_PDF") {
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::write(Path::new(&keep).join(name), bytes).unwrap();
    }
    path
}

fn run(program: &str, args: &[&str]) -> (bool, String) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} is needed for these tests: {e}"));
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

/// `qpdf --check` passes, with no warning.
pub fn assert_qpdf_check(path: &Path) {
    let (ok, out) = run("qpdf", &["--check", path.to_str().unwrap()]);
    assert!(ok, "qpdf --check fails:\n{out}");
    assert!(
        !out.to_lowercase().contains("warning"),
        "qpdf --check warns:\n{out}"
    );
}

/// The text of the whole document, or of page `page` alone.
pub fn pdftotext(path: &Path, page: Option<usize>) -> String {
    let mut args = Vec::new();
    let p;
    if let Some(n) = page {
        p = n.to_string();
        args.extend(["-f", p.as_str(), "-l", p.as_str()]);
    }
    args.extend([path.to_str().unwrap(), "-"]);
    let (ok, out) = run("pdftotext", &args);
    assert!(ok, "pdftotext fails: {out}");
    out
}

/// Whitespace collapsed to single spaces, so wrapped lines read as one.
pub fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// pdfinfo's "Pages:".
pub fn page_count(path: &Path) -> usize {
    let (ok, out) = run("pdfinfo", &[path.to_str().unwrap()]);
    assert!(ok, "pdfinfo fails: {out}");
    out.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in pdfinfo:\n{out}"))
}

/// pdfinfo's whole output (metadata).
pub fn pdfinfo(path: &Path) -> String {
    run("pdfinfo", &[path.to_str().unwrap()]).1
}

/// The outline's titles, depth-first, with their depth (0 = top level), from `qpdf --json`.
pub fn outline(path: &Path) -> Vec<(usize, String)> {
    let (ok, out) = run(
        "qpdf",
        &["--json", "--json-key=outlines", path.to_str().unwrap()],
    );
    assert!(ok, "qpdf --json fails: {out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut titles = Vec::new();
    fn walk(items: &serde_json::Value, depth: usize, out: &mut Vec<(usize, String)>) {
        for item in items.as_array().into_iter().flatten() {
            out.push((depth, item["title"].as_str().unwrap_or("").to_owned()));
            walk(&item["kids"], depth + 1, out);
        }
    }
    walk(&json["outlines"], 0, &mut titles);
    titles
}

/// Checks every page's footer says "Page N of M", and the cover has none.
pub fn assert_page_numbers(path: &Path) {
    let total = page_count(path);
    assert!(total >= 3, "cover, contents and a body at least");
    assert!(
        !pdftotext(path, Some(1)).contains("Page 1 of"),
        "the cover has no footer"
    );
    for n in 2..=total {
        let text = pdftotext(path, Some(n));
        let want = format!("Page {n} of {total}");
        assert!(
            text.contains(&want),
            "page {n} lacks \u{201c}{want}\u{201d}:\n{text}"
        );
    }
}

/// No object of the file holds script, an open or additional action, a launch, a web link or
/// an embedded file, and no string names a local path (read from `qpdf --json`).
pub fn assert_no_active_content(path: &Path) {
    let (ok, out) = run(
        "qpdf",
        &["--json", "--json-key=qpdf", path.to_str().unwrap()],
    );
    assert!(ok, "qpdf --json fails: {out}");
    for name in [
        "/JavaScript",
        "/JS",
        "/OpenAction",
        "/AA",
        "/Launch",
        "/URI",
        "/SubmitForm",
        "/EmbeddedFile",
    ] {
        assert!(
            !out.contains(&format!("\"{name}\"")),
            "the PDF holds {name}"
        );
    }
    for local in ["/tmp/", "/home/", "/root/", "C:\\\\"] {
        assert!(!out.contains(local), "the PDF names a local path ({local})");
    }
}

/// The outline's top-level entries with the page each goes to, from `qpdf --json`.
pub fn outline_pages(path: &Path) -> Vec<(String, usize)> {
    let (ok, out) = run(
        "qpdf",
        &["--json", "--json-key=outlines", path.to_str().unwrap()],
    );
    assert!(ok, "qpdf --json fails: {out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["outlines"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|o| {
            (
                o["title"].as_str().unwrap_or("").to_owned(),
                o["destpageposfrom1"].as_u64().unwrap_or(0) as usize,
            )
        })
        .collect()
}

/// The contents (page 2) give each section the page its outline entry goes to, and that page
/// opens with the section's title.
pub fn assert_contents_match(path: &Path) {
    let (ok, contents) = run(
        "pdftotext",
        &["-f", "2", "-l", "2", "-layout", path.to_str().unwrap(), "-"],
    );
    assert!(ok);
    let listed: Vec<(String, usize)> = contents
        .lines()
        .filter(|line| line.contains("...."))
        .filter_map(|line| {
            let (head, page) = line.trim_end().rsplit_once(' ')?;
            let page: usize = page.parse().ok()?;
            let title = head.trim_end_matches(['.', ' ']).trim();
            let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
            Some((title, page))
        })
        .collect();
    let sections: Vec<(String, usize)> = outline_pages(path)
        .into_iter()
        .filter(|(t, _)| t != "Contents")
        .collect();
    assert_eq!(
        listed.len(),
        sections.len(),
        "contents {listed:?} vs outline {sections:?}"
    );
    for ((listed_title, listed_page), (title, page)) in listed.iter().zip(&sections) {
        assert_eq!(
            listed_title, title,
            "the contents list the sections in order"
        );
        assert_eq!(
            listed_page, page,
            "{title}: the contents and the outline agree"
        );
        let text = flat(&pdftotext(path, Some(*page)));
        let bare = title.split_once(' ').map_or(title.as_str(), |(n, rest)| {
            if n.chars().all(|c| c.is_ascii_digit()) {
                rest
            } else {
                title.as_str()
            }
        });
        assert!(text.contains(bare), "page {page} holds {title}");
    }
}
