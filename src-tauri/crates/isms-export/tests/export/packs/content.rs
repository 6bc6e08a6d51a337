//! Reading a pack's content in the tests of the stage1, stage2 and cap packs: sections by
//! title, their tables, heat maps and cover facts, and the open nonconformities the tracker
//! holds, to hold the packs to the records.

use isms_core::Vault;
use isms_core::readiness::Stage;
use isms_core::tracker::{self, ItemStatus};
use isms_export::model::{Block, Cell, HeatMap, Pack, Section, Table};
use isms_export::packs::{self, PackKind};

use crate::common::today;

/// Pack `kind` of `vault` as of the demo's today.
pub fn build(vault: &Vault, kind: PackKind) -> Pack {
    packs::build(vault, kind, Stage::One, today())
        .unwrap_or_else(|e| panic!("{}: {e}", kind.as_str()))
}

pub fn titles(pack: &Pack) -> Vec<&str> {
    pack.sections.iter().map(|s| s.title.as_str()).collect()
}

pub fn section<'p>(pack: &'p Pack, title: &str) -> &'p Section {
    pack.sections
        .iter()
        .find(|s| s.title == title)
        .unwrap_or_else(|| panic!("no section {title:?} in {:?}", titles(pack)))
}

pub fn tables(section: &Section) -> impl Iterator<Item = &Table> {
    section.blocks.iter().filter_map(|b| match b {
        Block::Table(t) => Some(t),
        _ => None,
    })
}

pub fn heat_maps(section: &Section) -> Vec<&HeatMap> {
    section
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::HeatMap(h) => Some(h),
            _ => None,
        })
        .collect()
}

/// The cover fact labelled `label`.
pub fn cover(pack: &Pack, label: &str) -> String {
    pack.cover
        .iter()
        .find(|f| f.label == label)
        .unwrap_or_else(|| panic!("no cover fact {label:?}"))
        .value
        .clone()
}

/// The rows of the first table whose first column is titled `first`.
pub fn rows<'s>(section: &'s Section, first: &str) -> &'s [Vec<Cell>] {
    &tables(section)
        .find(|t| t.columns[0].title == first)
        .unwrap_or_else(|| panic!("no table starting with {first:?} in {}", section.title))
        .rows
}

/// The paragraphs of a section that start with `prefix`.
pub fn paragraphs(section: &Section, prefix: &str) -> Vec<String> {
    section
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) if p.starts_with(prefix) => Some(p.clone()),
            _ => None,
        })
        .collect()
}

/// The references of the NCs the tracker holds open, raised by the demo's today.
pub fn open_ncs(vault: &Vault) -> Vec<String> {
    let mut refs: Vec<String> = tracker::list(vault.reader())
        .unwrap()
        .into_iter()
        .filter(|i| i.kind.is_nc() && i.status != ItemStatus::Closed && i.raised_on <= today())
        .map(|i| i.reference)
        .collect();
    refs.sort();
    refs
}

pub const STAGE1_SECTIONS: [&str; 12] = [
    "Stage 1 readiness",
    "Scope and context",
    "Legal, regulatory and contractual requirements",
    "Policies and documents",
    "Roles and responsibilities",
    "Risk assessment method",
    "Risk register",
    "Risk treatment plan",
    "Statement of Applicability",
    "Information security objectives",
    "Monitoring and measurement",
    "Clause checklist",
];

pub const STAGE2_OPERATION: [&str; 9] = [
    "Internal audit programme",
    "Internal audit reports",
    "ISMS tracker",
    "Management reviews",
    "Changes to the ISMS",
    "Suppliers",
    "Information security incidents",
    "Training and awareness",
    "Acknowledgements of policies",
];

/// The demo's people whose names need more than ASCII.
pub const NON_ASCII_NAMES: [&str; 6] = [
    "Björn Håkansson",
    "Chloé Dubois",
    "Lucía Fernández",
    "Siobhán O'Connor",
    "Mehmet Yılmaz",
    "Nguyễn Thị Mai",
];

/// Renders pack `kind` twice (the bytes must be identical), writes it as `<kind>.pdf` in `dir`
/// and holds it to what every pack must be: qpdf finds nothing wrong, no active content,
/// "Page N of M" right on every page, every section printed and in the outline, the company
/// named. Returns the pack and its whole text, whitespace collapsed.
pub fn rendered(dir: &std::path::Path, vault: &Vault, kind: PackKind) -> (Pack, String) {
    use crate::common::{
        assert_no_active_content, assert_page_numbers, assert_qpdf_check, flat, outline, pdftotext,
        write,
    };
    let pack = build(vault, kind);
    let bytes = isms_export::export_pdf(vault, kind, Stage::One, today()).unwrap();
    let again = isms_export::export_pdf(vault, kind, Stage::One, today()).unwrap();
    assert!(
        bytes == again,
        "{}: two exports are byte-identical",
        kind.as_str()
    );
    let path = write(dir, &format!("{}.pdf", kind.as_str()), &bytes);
    assert_qpdf_check(&path);
    assert_no_active_content(&path);
    assert_page_numbers(&path);
    let text = flat(&pdftotext(&path, None));
    let outline = outline(&path);
    for s in &pack.sections {
        assert!(text.contains(&s.title), "section {:?} printed", s.title);
        assert!(
            outline
                .iter()
                .any(|(depth, t)| *depth == 0 && t.ends_with(&s.title)),
            "an outline entry for {:?} in {outline:?}",
            s.title
        );
    }
    assert!(text.contains(&pack.company), "the company named");
    (pack, text)
}
