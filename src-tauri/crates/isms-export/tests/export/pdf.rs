//! The layout layer rendered and read back: a small synthetic pack exercises paragraphs,
//! facts, a long table, clipped cells, heat maps and non-ASCII names.

use isms_export::model::{Block, Cell, Column, Fact, HeatMap, Pack, Section, Table, Tone};
use isms_export::pdf;

use crate::common::*;

fn sample() -> Pack {
    let long = "This justification is deliberately long. ".repeat(30) + "THE-END-MARKER";
    let rows = (1..=120)
        .map(|n| {
            vec![
                Cell::bold(format!("R-{n:03}")),
                Cell::text(if n == 7 {
                    long.clone()
                } else {
                    format!("Risk number {n} owned by Łukasz Wąs")
                }),
                Cell::status(
                    if n % 3 == 0 { "Red" } else { "Acceptable" },
                    if n % 3 == 0 { Tone::Bad } else { Tone::Good },
                ),
            ]
        })
        .collect();
    Pack {
        title: "Sample pack".into(),
        company: "Smørrebrød & Straße Ltd".into(),
        confidentiality: "Confidential".into(),
        as_of: today(),
        version: "Test version".into(),
        cover: vec![Fact::new("Owner", "Søren Ødegård"), Fact::new("Café", "é ß Ł ą")],
        sections: vec![
            Section {
                title: "Introduction".into(),
                blocks: vec![
                    Block::Paragraph("Prepared by Łukasz Wąs and Søren Ødegård for the Straße office; café résumé.".into()),
                    Block::Heading("Facts".into()),
                    Block::Facts(vec![Fact::new("Scope", "Everything"), Fact::new("People", "Łukasz Wąs")]),
                    Block::Note("A note.".into()),
                ],
            },
            Section {
                title: "Register".into(),
                blocks: vec![
                    Block::Heading("All risks".into()),
                    Block::Table(Table {
                        columns: vec![
                            Column::new("Reference", 1.0),
                            Column::new("Description", 4.0).clipped(3),
                            Column::new("Level", 1.2),
                        ],
                        rows,
                    }),
                ],
            },
            Section {
                title: "Heat maps".into(),
                blocks: vec![
                    Block::HeatMap(heat("Inherent risk")),
                    Block::HeatMap(heat("Residual risk")),
                ],
            },
        ],
        evidence_sha256: None,
    }
}

fn heat(title: &str) -> HeatMap {
    let labels = |w: &str| (1..=5).map(|n| format!("{w} {n}")).collect::<Vec<_>>();
    HeatMap {
        title: title.into(),
        likelihood_labels: labels("Likely"),
        impact_labels: labels("Impact"),
        counts: (0..5)
            .map(|l| (0..5).map(|i| (l * 5 + i) as u32 % 4).collect())
            .collect(),
        acceptance_threshold: 4,
        red_threshold: 12,
    }
}

#[test]
fn a_sample_pack_renders_a_valid_pdf_with_its_text_outline_and_page_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = pdf::render(&sample()).unwrap();
    let path = write(dir.path(), "sample.pdf", &bytes);
    assert_qpdf_check(&path);
    let text = flat(&pdftotext(&path, None));
    for want in [
        "Łukasz Wąs",
        "Søren Ødegård",
        "Straße",
        "café résumé",
        "Introduction",
        "Register",
        "Heat maps",
        "R-120",
        "Appendix: full texts",
    ] {
        assert!(text.contains(want), "the text lacks {want}");
    }
    assert!(
        text.contains("THE-END-MARKER"),
        "the clipped cell is whole in the appendix"
    );
    assert!(
        text.contains("(full text: A.1)"),
        "the clipped cell refers to the appendix"
    );
    assert_page_numbers(&path);
    let titles = outline(&path);
    for want in [
        "1 Introduction",
        "2 Register",
        "3 Heat maps",
        "Appendix: full texts",
    ] {
        assert!(
            titles.iter().any(|(d, t)| *d == 0 && t == want),
            "outline lacks {want}: {titles:?}"
        );
    }
    assert!(
        titles.iter().any(|(d, t)| *d == 1 && t == "All risks"),
        "headings sit under their section"
    );
}

#[test]
fn the_same_pack_gives_the_same_bytes() {
    let a = pdf::render(&sample()).unwrap();
    let b = pdf::render(&sample()).unwrap();
    assert!(a == b, "two renders of one pack differ");
}

#[test]
fn the_metadata_names_the_pack_with_its_date_and_nobody() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = pdf::render(&sample()).unwrap();
    let path = write(dir.path(), "meta.pdf", &bytes);
    let info = pdfinfo(&path);
    assert!(info.contains("Title:           Sample pack"), "{info}");
    assert!(
        info.contains("CreationDate:    Mon Jun 15 00:00:00 2026 UTC"),
        "dated from the pack's as-of day, not 1970 or now: {info}"
    );
    assert!(
        info.contains("ModDate:         Mon Jun 15 00:00:00 2026 UTC"),
        "{info}"
    );
    assert!(!info.contains("Author:"), "no author: {info}");
    assert_no_active_content(&path);
}

/// Packs nobody should write still render to a valid file: nothing panics, nothing is lost.
#[test]
fn odd_packs_still_render_valid_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let huge = "A paragraph that goes on and on. ".repeat(2000);
    let odd = Pack {
        title: "Odd \u{1F600} pack with a title long enough to wrap onto several lines of the cover page and be shortened in the running header".into(),
        company: "Ltd\u{0007} with control\tcharacters and \u{05e9}\u{05dc}\u{05d5}\u{05dd} and 漢字".into(),
        confidentiality: "Internal".into(),
        as_of: today(),
        version: String::new(),
        cover: vec![Fact::new("Scope", huge.clone()), Fact::new("", "")],
        sections: vec![
            Section { title: String::new(), blocks: vec![] },
            Section {
                title: "Edge cases".into(),
                blocks: vec![
                    Block::Heading("W".repeat(300)),
                    Block::Paragraph(huge.clone()),
                    Block::Facts(vec![Fact::new("Everything", huge.clone())]),
                    Block::Table(Table { columns: vec![], rows: vec![vec![Cell::text("lost?")]] }),
                    Block::Table(Table { columns: vec![Column::new("Only", 1.0)], rows: vec![] }),
                    Block::Table(Table {
                        columns: vec![Column::new("Unclipped", 1.0), Column::new("Narrow", 0.01)],
                        rows: vec![vec![Cell::text(huge.clone()), Cell::status("Averyveryverylongstatusword", Tone::Bad)]],
                    }),
                    Block::HeatMap(HeatMap {
                        title: "Empty".into(),
                        likelihood_labels: vec![],
                        impact_labels: vec![],
                        counts: vec![],
                        acceptance_threshold: u32::MAX,
                        red_threshold: 0,
                    }),
                    Block::Heading("The end".into()),
                ],
            },
        ],
        evidence_sha256: None,
    };
    let bytes = pdf::render(&odd).unwrap();
    let path = write(dir.path(), "odd.pdf", &bytes);
    assert_qpdf_check(&path);
    assert_page_numbers(&path);
    let text = flat(&pdftotext(&path, None));
    assert!(
        text.contains("Appendix: full texts"),
        "the over-tall cell went to the appendix"
    );
    assert!(
        text.matches("A paragraph that goes on and on.").count() >= 2000 * 4,
        "the paragraph, the fact, the table cell and the cover fact (these two in the appendix) are whole"
    );
}

/// Many long cover facts: each is shortened (the rest in the appendix), and the cover keeps its
/// footer line.
#[test]
fn a_cover_with_many_long_facts_keeps_its_footer_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut pack = sample();
    pack.cover = (1..=16)
        .map(|n| {
            Fact::new(
                format!("Long fact {n}"),
                format!("Fact {n} opens. ")
                    + &"The scope covers every office, laptop and cloud service. ".repeat(12)
                    + &format!("END-OF-FACT-{n}"),
            )
        })
        .collect();
    let bytes = pdf::render(&pack).unwrap();
    let path = write(dir.path(), "cover.pdf", &bytes);
    assert_qpdf_check(&path);
    let cover = flat(&pdftotext(&path, Some(1)));
    assert!(
        cover.contains("Prepared with ISMS Desk from the ISMS records as of the date above."),
        "the cover's footer: {cover}"
    );
    assert!(cover.contains("Fact 1 opens."), "{cover}");
    let text = flat(&pdftotext(&path, None));
    for n in 1..=16 {
        assert!(
            text.contains(&format!("END-OF-FACT-{n}")),
            "fact {n} is whole in the appendix"
        );
    }
    assert_page_numbers(&path);
}

/// The catalog names the document's language.
#[test]
fn the_document_language_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "lang.pdf", &pdf::render(&sample()).unwrap());
    let out = std::process::Command::new("qpdf")
        .args(["--show-object=trailer", "--filtered-stream-data"])
        .arg(&path)
        .output()
        .unwrap();
    let trailer = String::from_utf8_lossy(&out.stdout);
    let root = trailer
        .split("/Root ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .unwrap_or_else(|| panic!("no /Root in {trailer}"))
        .to_owned();
    let out = std::process::Command::new("qpdf")
        .arg(format!("--show-object={root}"))
        .arg(&path)
        .output()
        .unwrap();
    let catalog = String::from_utf8_lossy(&out.stdout);
    assert!(
        catalog.contains(&format!("/Lang ({})", pdf::LANGUAGE)),
        "{catalog}"
    );
    assert_eq!(pdf::LANGUAGE, "en-GB");
}

/// Each line of the contents links to the page its section starts on, as the outline does.
#[test]
fn the_contents_lines_link_to_their_sections() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "links.pdf", &pdf::render(&sample()).unwrap());
    let json = |key: &str| {
        let out = std::process::Command::new("qpdf")
            .args(["--json", &format!("--json-key={key}")])
            .arg(&path)
            .output()
            .unwrap();
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let pages: Vec<String> = json("pages")["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["object"].as_str().unwrap().to_owned())
        .collect();
    let out = std::process::Command::new("qpdf")
        .arg(format!("--show-object={}", pages[1]))
        .arg(&path)
        .output()
        .unwrap();
    let contents = String::from_utf8_lossy(&out.stdout).into_owned();
    let linked: Vec<usize> = contents
        .split("/Dest [ ")
        .skip(1)
        .map(|d| {
            let target = d.split(" /XYZ").next().unwrap().trim();
            pages.iter().position(|p| p == target).unwrap() + 1
        })
        .collect();
    let sections: Vec<usize> = outline_pages(&path)
        .into_iter()
        .filter(|(t, _)| t != "Contents")
        .map(|(_, page)| page)
        .collect();
    assert_eq!(linked, sections, "{contents}");
}
