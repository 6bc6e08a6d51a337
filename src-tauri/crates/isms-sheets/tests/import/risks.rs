//! Risks: round trip of the demo register, a template with "Probability" and "Impact" as the
//! method's labels and owners by name, bad rows refused all together, re-imports by
//! reference, a cancel that writes nothing.

use isms_core::risks::{self, RiskMethod, Treatment};
use isms_sheets::import::{ImportPhase, ImportProgress, Mode, import};
use isms_sheets::read::{Kind, Limits, detect, open};
use isms_sheets::write::SheetKind;

use super::*;

#[test]
fn risks_round_trip_into_an_empty_vault() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_vault(dir.path());
    let people = export(&demo, SheetKind::People, dir.path(), "people.xlsx");
    let assets = export(&demo, SheetKind::Assets, dir.path(), "assets.xlsx");
    let first = export(&demo, SheetKind::Risks, dir.path(), "risks.xlsx");
    let mut empty = empty_vault(dir.path(), "empty.isms");
    run(&mut empty, Kind::People, &people, None, false).unwrap();
    run(&mut empty, Kind::Assets, &assets, None, false).unwrap();
    let method = risks::get_method(demo.reader()).unwrap().unwrap();
    risks::set_method(&mut empty, stamp(), method).unwrap();
    let report = run(&mut empty, Kind::Risks, &first, Some("Risks"), false).unwrap();
    let n = risks::list(demo.reader()).unwrap().len() as u32;
    assert_eq!((report.created, report.updated), (n, 0));
    // The day each risk was last assessed comes back as the sheet says, not as the import day.
    let sheet = cells(&first, "Risks");
    let col = sheet[0].iter().position(|h| h == "Last assessed").unwrap();
    assert!(
        sheet[1..].iter().all(|r| !r[col].is_empty()),
        "every demo risk is dated"
    );
    let again = export(&empty, SheetKind::Risks, dir.path(), "again.xlsx");
    for sheet in ["Risks", "Method", "Inherent heat map", "Residual heat map"] {
        assert_eq!(cells(&first, sheet), cells(&again, sheet), "{sheet}");
    }
    let twice = run(&mut empty, Kind::Risks, &first, Some("Risks"), false).unwrap();
    assert_eq!(
        (twice.created, twice.updated, twice.unchanged),
        (0, 0, n),
        "matched by reference"
    );
}

/// A 3×3 method labelled Low, Medium, High, and the people a template names.
pub(super) fn template_vault(dir: &Path) -> Vault {
    let mut vault = empty_vault(dir, "v.isms");
    let labels = || vec!["Low".to_owned(), "Medium".to_owned(), "High".to_owned()];
    let method = RiskMethod {
        likelihood_levels: 3,
        impact_levels: 3,
        likelihood_labels: labels(),
        impact_labels: labels(),
        likelihood_definitions: Vec::new(),
        impact_definitions: Vec::new(),
        acceptance_threshold: 3,
        red_threshold: 6,
    };
    risks::set_method(&mut vault, stamp(), method).unwrap();
    add_people(
        &mut vault,
        &[
            ("Ann Smith", "ann@example.com"),
            ("Bob Jones", "bob@example.com"),
            ("Sam Lee", "sam.lee@example.com"),
            ("Sam Lee", "sam.l@example.com"),
        ],
    );
    isms_core::assets::create(
        &mut vault,
        stamp(),
        isms_core::assets::Asset::named("Laptops"),
    )
    .unwrap();
    vault
}

const TEMPLATE: &[&[&str]] = &[
    &["Risk register", "", "", "", "", "", ""],
    &["Version 3 — reviewed quarterly", "", "", "", "", "", ""],
    &[
        "Risk ID",
        "Risk",
        "Asset",
        "Probability",
        "Impact",
        "Risk owner",
        "Treatment",
        "Controls",
    ],
    &[
        "1",
        "Laptop stolen",
        "Laptops",
        "High",
        "Medium",
        "Ann Smith",
        "Mitigate",
        "A.8.1; A.8.24",
    ],
    &[
        "2",
        "Phishing",
        "",
        "high",
        "High",
        "bob jones",
        "Reduce",
        "",
    ],
    &[
        "3",
        "Supplier outage",
        "",
        "Low",
        "3 - High",
        "",
        "Accept",
        "",
    ],
];

#[test]
fn a_template_with_labels_and_owners_by_name_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = template_vault(dir.path());
    let f = xlsx(dir.path(), "register.xlsx", "Risk register", TEMPLATE);
    let report = run(&mut vault, Kind::Risks, &f, None, false).unwrap();
    assert_eq!(report.created, 3);
    let list = risks::list(vault.reader()).unwrap();
    let people = isms_core::people::list(vault.reader()).unwrap();
    let ann = people.iter().find(|p| p.name == "Ann Smith").unwrap().id;
    let laptop = &list[0];
    assert_eq!(laptop.reference, "1", "the sheet's reference is kept");
    assert_eq!(
        (laptop.likelihood, laptop.impact),
        (Some(3), Some(2)),
        "High, Medium on 3×3"
    );
    assert_eq!(laptop.owner_id, Some(ann));
    assert_eq!(
        laptop.treatment,
        Some(Treatment::Modify),
        "“Mitigate” is modify"
    );
    assert_eq!(laptop.asset_ids.len(), 1);
    assert_eq!(
        laptop.actions.len(),
        1,
        "controls without an action make one"
    );
    assert_eq!(laptop.actions[0].controls, ["8.1", "8.24"]);
    assert_eq!(list[2].impact, Some(3), "“3 - High” is level 3");
    assert_eq!(list[2].owner_id, None);
    let again = run(&mut vault, Kind::Risks, &f, None, false).unwrap();
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 3));
    assert_eq!(
        risks::list(vault.reader()).unwrap().len(),
        3,
        "not duplicated"
    );
}

#[test]
fn bad_risk_rows_abort_with_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = template_vault(dir.path());
    let before = state(&vault);
    let rows: &[&[&str]] = &[
        &[
            "Risk ID",
            "Risk",
            "Asset",
            "Probability",
            "Impact",
            "Risk owner",
            "Treatment",
        ],
        &[
            "1",
            "Laptop stolen",
            "Laptops",
            "High",
            "Medium",
            "Ann Smith",
            "Mitigate",
        ],
        &[
            "2",
            "Phishing",
            "Mailboxes",
            "Hgh",
            "7",
            "Sam Lee",
            "Ignore",
        ],
        &["3", "", "", "Low", "Low", "Nobody", ""],
        &["1", "Laptop stolen again", "", "Low", "Low", "", ""],
    ];
    let f = xlsx(dir.path(), "register.xlsx", "Risks", rows);
    let found = problems(run(&mut vault, Kind::Risks, &f, None, false));
    has(&found, "Risks!C3 (Asset)", "No asset called “Mailboxes”");
    has(
        &found,
        "Risks!D3 (Probability)",
        "“Hgh” is not a likelihood: 1–3 or Low, Medium, High",
    );
    has(&found, "Risks!E3 (Impact)", "not an impact");
    has(
        &found,
        "Risks!F3 (Risk owner)",
        "2 people are called “Sam Lee”",
    );
    has(
        &found,
        "Risks!G3 (Treatment)",
        "“Ignore” is not a treatment",
    );
    has(&found, "Risks!B4 (Risk)", "A title is needed here");
    has(&found, "Risks!A5 (Risk ID)", "also on row 2");
    assert_eq!(state(&vault), before, "not even row 2 was written");
}

#[test]
fn a_cancelled_import_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = template_vault(dir.path());
    let before = state(&vault);
    let f = xlsx(dir.path(), "register.xlsx", "Risks", TEMPLATE);
    let book = open(&f, None, Limits::default()).unwrap();
    let mapping = detect(&book, Kind::Risks).unwrap();
    let backups = backups(dir.path());
    let mut stop = |p: ImportProgress| !(p.phase == ImportPhase::Writing && p.done == 2);
    let err = import(
        &mut vault,
        stamp(),
        Kind::Risks,
        &book,
        &mapping,
        Mode::Write { backups: &backups },
        &mut stop,
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::Cancelled);
    assert_eq!(state(&vault), before, "the first risk was rolled back");
}
