//! Unit tests of one system face at a time, so each kind of font program is exercised whatever
//! the fallback order would pick: a CFF-based OpenType face (Noto Sans CJK, as Debian installs
//! it) embeds as a CID-keyed CFF subset whose text reads back. Skipped, with a message, when no
//! such face is installed (`apt-get install fonts-noto-cjk`).

use std::process::Command;

use super::fonts::{Face, Fonts};
use crate::model::{Block, Cell, Column, Fact, Pack, Section, Table};

const NAME: &str = "渡辺 健二";

/// The first CFF face fontconfig knows with the first character of `NAME`: file and index.
fn cff_face() -> Option<(String, usize)> {
    let out = Command::new("fc-list")
        .args([":charset=6e21:fontformat=CFF", "file", "index"])
        .output()
        .ok()?;
    let mut faces: Vec<(String, usize)> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let (file, rest) = l.split_once(": ")?;
            let index = rest.trim().strip_prefix(":index=")?.parse().ok()?;
            Some((file.to_owned(), index))
        })
        .filter(|(file, _)| file.contains("Regular"))
        .collect();
    faces.sort();
    faces.into_iter().next()
}

fn pack() -> Pack {
    Pack {
        evidence_sha256: None,
        title: "CFF".into(),
        company: "Test Ltd".into(),
        confidentiality: "Confidential".into(),
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 6, 15).expect("a date"),
        version: "v".into(),
        cover: vec![Fact::new("ISMS owner", NAME)],
        sections: vec![Section {
            title: "People".into(),
            blocks: vec![
                Block::Paragraph(format!("Risk owner: {NAME}.")),
                Block::Table(Table {
                    columns: vec![Column::new("Name", 1.0)],
                    rows: vec![vec![Cell::bold(NAME)]],
                }),
            ],
        }],
    }
}

#[test]
fn a_cff_face_embeds_as_a_cid_keyed_subset_and_reads_back() {
    let Some((file, index)) = cff_face() else {
        eprintln!("SKIPPED: no CFF face covers CJK here; install fonts-noto-cjk");
        return;
    };
    let bytes = std::fs::read(&file).expect("the font file");
    let face = Face::parse(&bytes, index, "NotoSansCJK").expect("the face parses");
    let chars: Vec<char> = NAME.chars().filter(|c| !c.is_ascii()).collect();
    let fonts = Fonts::with_face(face, &chars).expect("the fonts");
    let pdf = super::render_with(&fonts, &pack(), Vec::new()).expect("the PDF");
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("cff.pdf");
    std::fs::write(&path, &pdf).expect("written");
    if let Ok(keep) = std::env::var("ISMS_KEEP_PDF") {
        std::fs::create_dir_all(&keep).expect("the folder to keep PDFs in");
        std::fs::write(std::path::Path::new(&keep).join("cff.pdf"), &pdf).expect("kept");
    }

    let check = Command::new("qpdf")
        .arg("--check")
        .arg(&path)
        .output()
        .expect("qpdf");
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success() && !report.to_lowercase().contains("warning"),
        "{report}"
    );
    let fonts = Command::new("pdffonts")
        .arg(&path)
        .output()
        .expect("pdffonts");
    let listing = String::from_utf8_lossy(&fonts.stdout);
    let cff = listing
        .lines()
        .find(|l| l.contains("NotoSansCJK"))
        .unwrap_or_else(|| panic!("the CJK face is embedded:\n{listing}"));
    assert!(
        cff.contains("CID Type 0C"),
        "a bare CID-keyed CFF program: {cff}"
    );
    assert!(
        cff.contains("yes yes yes"),
        "embedded subset with ToUnicode: {cff}"
    );
    let text = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert_eq!(
        text.matches(NAME).count(),
        3,
        "cover, paragraph and table:\n{text}"
    );
}
