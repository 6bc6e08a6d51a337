//! Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return at
//! the start), typed into records of a test vault: every register writes it as a string cell
//! with the quote prefix, never a formula, and it reads back exactly as typed.

use calamine::{Data, Reader};
use chrono::{TimeZone, Utc};
use isms_core::assets::Asset;
use isms_core::audits::Audit;
use isms_core::db::Action;
use isms_core::documents::{DocKind, Document};
use isms_core::organisation::{self, Organisation};
use isms_core::people::Person;
use isms_core::risks::{self, Risk, RiskMethod};
use isms_core::soa::SoaEntry;
use isms_core::tracker::{ItemKind, ItemSource, TrackerItem};
use isms_core::training::{Course, CourseKind};
use isms_core::{Passphrase, Stamp, Vault};
use isms_sheets::write::{self, SheetKind};

use super::{PASS, export, open, part, today};

const HOSTILE: [&str; 4] = [
    r#"=HYPERLINK("http://evil.example","click")"#,
    "+1",
    "-2",
    "@SUM(A1:A9)",
];

fn stamp() -> Stamp {
    Stamp::new(Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap(), "test")
}

/// A vault whose records carry the hostile texts, and a name with letters beyond ASCII.
fn hostile_vault(dir: &std::path::Path) -> Vault {
    let mut v = Vault::create(
        &dir.join("hostile.isms"),
        Passphrase::new(PASS.into()),
        stamp(),
        |tx| organisation::create(tx, Organisation::named("=Evil Ltd"), Action::Create).map(|_| ()),
    )
    .unwrap();
    let owner = isms_core::people::create(
        &mut v,
        stamp(),
        Person::new("=1+1 Zoë Łukasiewicz", "zoe@example.com"),
    )
    .unwrap();
    risks::set_method(&mut v, stamp(), RiskMethod::default()).unwrap();
    for title in HOSTILE {
        let mut r = Risk::titled(title);
        r.description = "\tx".into();
        r.threat = "\rx".into();
        r.owner_id = Some(owner.id);
        r.likelihood = Some(2);
        r.impact = Some(3);
        risks::create(&mut v, stamp(), r).unwrap();
    }
    let mut asset = Asset::named("@asset");
    asset.description = "-desc".into();
    asset.owner_id = Some(owner.id);
    isms_core::assets::create(&mut v, stamp(), asset).unwrap();
    let mut item = TrackerItem::new(ItemKind::Action, "+call", ItemSource::Other, today());
    item.owner_id = Some(owner.id);
    isms_core::tracker::create(&mut v, stamp(), item).unwrap();
    isms_core::documents::create(
        &mut v,
        stamp(),
        Document::new("=DOC", "@doc", DocKind::Policy),
    )
    .unwrap();
    let course = Course {
        id: 0,
        title: "=course".into(),
        kind: CourseKind::Awareness,
        validity_months: Some(12),
    };
    isms_core::training::create_course(&mut v, stamp(), course).unwrap();
    let entry = SoaEntry {
        applicable: Some(false),
        justification: "=not needed".into(),
        ..SoaEntry::undecided("5.1")
    };
    isms_core::soa::update(&mut v, stamp(), entry).unwrap();
    isms_core::audits::create(&mut v, stamp(), Audit::planned("-audit", "2026-07")).unwrap();
    v
}

/// Every text cell of every sheet of the workbook at `path`, with the sheet's name.
fn texts(path: &std::path::Path) -> Vec<(String, String)> {
    let mut book = open(path);
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let formulas = book.worksheet_formula(&name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name}: no cell is a formula"
        );
        for row in book.worksheet_range(&name).unwrap().rows() {
            for cell in row {
                if let Data::String(s) = cell {
                    out.push((name.clone(), s.clone()));
                }
            }
        }
    }
    out
}

#[test]
fn formulas_are_written_as_quoted_text_and_read_back_intact() {
    let dir = tempfile::tempdir().unwrap();
    let vault = hostile_vault(dir.path());
    let expect: [(SheetKind, &[&str]); 8] = [
        (SheetKind::Risks, &["\tx", "\rx", "=1+1 Zoë Łukasiewicz"]),
        (SheetKind::Assets, &["@asset", "-desc"]),
        (SheetKind::People, &["=1+1 Zoë Łukasiewicz"]),
        (SheetKind::Tracker, &["+call"]),
        (SheetKind::Documents, &["=DOC", "@doc"]),
        (SheetKind::Training, &["=course", "=course status"]),
        (SheetKind::Soa, &["=not needed"]),
        (SheetKind::Audits, &["-audit"]),
    ];
    for (kind, wanted) in expect {
        let out = export(&vault, kind, dir.path());
        let found = texts(&out);
        let mut all: Vec<&str> = wanted.to_vec();
        if kind == SheetKind::Risks {
            all.extend(HOSTILE);
        }
        for w in all {
            assert!(
                found.iter().any(|(_, s)| s == w),
                "{kind}: {w:?} reads back as written"
            );
        }
        for (sheet, s) in &found {
            assert!(
                !s.starts_with('\''),
                "{kind}/{sheet}: no apostrophe added to {s:?}"
            );
        }
        let styles = part(&out, "xl/styles.xml");
        assert!(
            styles.contains(r#"quotePrefix="1""#),
            "{kind}: risky text has the quote prefix"
        );
        let props = part(&out, "docProps/core.xml");
        assert!(
            !props.contains("<dc:title>="),
            "{kind}: the title cannot start a formula"
        );
    }
}

#[test]
fn a_text_longer_than_a_cell_holds_is_cut_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = hostile_vault(dir.path());
    let mut r = Risk::titled("Long");
    r.description = "é".repeat(40_000);
    risks::create(&mut vault, stamp(), r).unwrap();
    let out = export(&vault, SheetKind::Risks, dir.path());
    let long: Vec<String> = texts(&out)
        .into_iter()
        .map(|(_, s)| s)
        .filter(|s| s.starts_with("éé"))
        .collect();
    assert_eq!(long.len(), 1, "the description is written");
    assert_eq!(
        long[0].chars().count(),
        write::sheet::MAX_CELL_CHARS,
        "as much as fits"
    );
    assert!(long[0].ends_with(write::sheet::CUT_NOTE), "says it was cut");
}

#[test]
fn a_day_excel_cannot_hold_is_written_as_iso_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = hostile_vault(dir.path());
    let mut p = Person::new("Ada Old", "ada@example.com");
    p.start_date = chrono::NaiveDate::from_ymd_opt(1850, 3, 1);
    isms_core::people::create(&mut vault, stamp(), p).unwrap();
    let out = export(&vault, SheetKind::People, dir.path());
    assert!(
        texts(&out).iter().any(|(_, s)| s == "1850-03-01"),
        "the day before 1900 is kept as text"
    );
}
