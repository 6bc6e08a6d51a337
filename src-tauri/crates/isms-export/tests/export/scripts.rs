//! Any script prints: names in Latin, Greek, Cyrillic, Vietnamese, CJK and emoji are rendered
//! (cover, paragraph, table) and read back with pdftotext; the fonts that print them are
//! embedded subsets; a character no font has is printed as "\u{fffd}" and listed on the last
//! page. A script no system font covers (as fontconfig's `fc-list` sees it) is skipped with a
//! message naming a package that covers it; `make test` installs them.

use std::process::Command;

use isms_export::model::{Block, Cell, Column, Fact, Pack, Section, Table};
use isms_export::pdf;

use crate::common::*;

const NAMES: [(&str, &str, &str); 6] = [
    ("Latin", "Łukasz Wąs-Øberg", "fonts-dejavu-core"),
    ("Greek", "Γιώργος Παπαδόπουλος", "fonts-dejavu-core"),
    ("Cyrillic", "Анна Кузнецова", "fonts-dejavu-core"),
    ("Vietnamese", "Nguyễn Thị Hương", "fonts-dejavu-core"),
    ("CJK", "渡辺 健二", "fonts-droid-fallback"),
    ("emoji", "Sam 🚀👍 Lee", "fonts-symbola"),
];
/// A code point no font has (unassigned in Unicode).
const NOBODY: char = '\u{0378}';

fn pack() -> Pack {
    let names: Vec<&str> = NAMES.iter().map(|(_, name, _)| *name).collect();
    Pack {
        evidence_sha256: None,
        title: "Scripts".into(),
        company: format!("{} GmbH", NAMES[4].1),
        confidentiality: "Confidential".into(),
        as_of: today(),
        version: "v".into(),
        cover: vec![Fact::new("ISMS owner", NAMES[4].1)],
        sections: vec![Section {
            title: "People".into(),
            blocks: vec![
                Block::Paragraph(format!("Risk owners: {}.", names.join(", "))),
                Block::Paragraph(format!("An odd one: x{NOBODY}y.")),
                Block::Table(Table {
                    columns: vec![Column::new("Script", 1.0), Column::new("Name", 3.0)],
                    rows: NAMES
                        .iter()
                        .map(|(script, name, _)| vec![Cell::text(*script), Cell::bold(*name)])
                        .collect(),
                }),
            ],
        }],
    }
}

/// Whether some TrueType or OpenType font of the system has every non-ASCII character of `name`.
fn system_covers(name: &str) -> bool {
    name.chars().filter(|c| !c.is_ascii()).all(|c| {
        let query = format!(":charset={:x}", c as u32);
        Command::new("fc-list")
            .args([query.as_str(), "file"])
            .output()
            .is_ok_and(|o| {
                String::from_utf8_lossy(&o.stdout).lines().any(|l| {
                    let l = l.trim_end_matches([':', ' ']).to_lowercase();
                    [".ttf", ".otf", ".ttc"].iter().any(|ext| l.ends_with(ext))
                })
            })
    })
}

#[test]
fn names_in_every_script_print_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = pdf::render(&pack()).unwrap();
    let path = write(dir.path(), "scripts.pdf", &bytes);
    assert_qpdf_check(&path);
    let text = flat(&pdftotext(&path, None));
    for (script, name, package) in NAMES {
        if !system_covers(name) {
            eprintln!("SKIPPED {script}: no system font covers {name:?}; install {package}");
            continue;
        }
        assert!(
            text.contains(name),
            "the {script} name {name:?} reads back:\n{text}"
        );
    }
    // The unprintable character is marked where it was and named on the last page.
    assert!(
        text.contains("x\u{fffd}y"),
        "printed as the replacement mark"
    );
    let last = flat(&pdftotext(&path, Some(page_count(&path))));
    assert!(last.contains(pdf::UNPRINTED_TITLE), "{last}");
    assert!(
        last.contains("U+0378"),
        "the note names the character: {last}"
    );
    assert!(
        !last.contains("U+6E21") && !last.contains("U+1F680") || !system_covers("渡辺🚀"),
        "a character a font has is not listed: {last}"
    );
}

#[test]
fn every_font_is_an_embedded_subset_and_the_bytes_repeat() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = pdf::render(&pack()).unwrap();
    assert!(bytes == pdf::render(&pack()).unwrap(), "two renders differ");
    let path = write(dir.path(), "fonts.pdf", &bytes);
    let out = Command::new("pdffonts").arg(&path).output().unwrap();
    let listing = String::from_utf8_lossy(&out.stdout);
    let fonts: Vec<&str> = listing.lines().skip(2).collect();
    assert!(
        fonts.len() >= 2,
        "DejaVu regular and bold at least:\n{listing}"
    );
    if system_covers(NAMES[4].1) {
        assert!(fonts.len() >= 3, "a fallback face for CJK:\n{listing}");
    }
    for font in fonts {
        let cols: Vec<&str> = font.split_whitespace().collect();
        // name type encoding emb sub uni object ID
        let n = cols.len();
        assert!(n >= 7, "{font}");
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "embedded subset with ToUnicode: {font}"
        );
        assert!(cols[0].chars().nth(6) == Some('+'), "subset tag: {font}");
    }
}
