//! The sheets beside a register's data sheet, in hand-made workbooks: a document register's
//! Versions and the measures' Results are read with the register (every version with its
//! approver and day, every result), a version or result already there is skipped, and a bad
//! cell on a side sheet is named by sheet, row and column with nothing written. Suppliers and
//! role holders are in `sides_more`.

use std::path::{Path, PathBuf};

use isms_core::documents;
use isms_sheets::import::{Beside, Job, beside, import_with};
use isms_sheets::read::{Kind, open_for};

use super::*;

/// A workbook of text cells with several sheets; empty strings leave cells blank.
pub fn workbook(dir: &Path, name: &str, sheets: &[(&str, &[&[&str]])]) -> PathBuf {
    let path = dir.join(name);
    let mut book = rust_xlsxwriter::Workbook::new();
    for (sheet, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*sheet).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                if !text.is_empty() {
                    ws.write_string(r as u32, c as u16, *text).unwrap();
                }
            }
        }
    }
    book.save(&path).unwrap();
    path
}

/// Imports `file` as the command line does: the data sheet found, the sheets beside it read.
pub fn import_book(
    vault: &mut Vault,
    kind: Kind,
    file: &Path,
    dry_run: bool,
) -> Result<ImportReport> {
    let book = open_for(file, None, kind, Limits::default())?;
    let mapping = detect(&book, kind)?;
    let backups = backups(file.parent().unwrap());
    let Beside { parts, options } = beside(file, &book, kind, false)?;
    let job = Job {
        kind,
        workbook: &book,
        mapping: &mapping,
        options,
        parts: Some(&parts),
    };
    let mode = if dry_run {
        Mode::DryRun
    } else {
        Mode::Write { backups: &backups }
    };
    import_with(vault, stamp(), job, mode, &mut unwatched)
}

const DOCS: &[&[&str]] = &[
    &["Reference", "Title", "Kind", "Version", "Approved on"],
    &[
        "PRC-02",
        "Access control procedure",
        "Procedure",
        "1.1",
        "2025-06-01",
    ],
    &["POL-01", "Information security policy", "Policy", "", ""],
];

#[test]
fn every_version_on_the_versions_sheet_comes_in_with_its_approver_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(
        &mut vault,
        &[
            ("Ann Smith", "ann@example.com"),
            ("Bob Jones", "bob@example.com"),
        ],
    );
    let versions: &[&[&str]] = &[
        &[
            "Reference",
            "Version",
            "Change summary",
            "Approved by",
            "E-mail",
            "Approved on",
        ],
        // Listed newest first: they are added in the order they were approved.
        &[
            "PRC-02",
            "1.1",
            "MFA for admins",
            "",
            "bob@example.com",
            "2025-06-01",
        ],
        &[
            "PRC-02",
            "1.0",
            "First issue",
            "Ann Smith",
            "",
            "2025-01-10",
        ],
        &["PRC-02", "1.2", "Draft: contractors", "", "", ""],
        &["POL-01", "1.0", "First issue", "", "", "2024-11-02"],
    ];
    let f = workbook(
        dir.path(),
        "docs.xlsx",
        &[("Documents", DOCS), ("Versions", versions)],
    );

    let dry = import_book(&mut vault, Kind::Documents, &f, true).unwrap();
    assert!(
        documents::list(vault.reader()).unwrap().is_empty(),
        "a dry run writes nothing"
    );
    let line = dry.lines.iter().find(|l| l.contains("PRC-02")).unwrap();
    assert!(
        line.contains("version 1.0 approved on 2025-01-10, version 1.1 approved on 2025-06-01, version 1.2 (draft)"),
        "the dry run names each version it would add, oldest first: {line}"
    );

    import_book(&mut vault, Kind::Documents, &f, false).unwrap();
    let docs = documents::list(vault.reader()).unwrap();
    let prc = docs.iter().find(|d| d.reference == "PRC-02").unwrap();
    let numbers: Vec<&str> = prc.versions.iter().map(|v| v.number.as_str()).collect();
    assert_eq!(
        numbers,
        ["1.0", "1.1", "1.2"],
        "in version order, the row's 1.1 not twice"
    );
    let people = isms_core::people::list(vault.reader()).unwrap();
    let id = |email: &str| people.iter().find(|p| p.email == email).map(|p| p.id);
    assert_eq!(
        prc.versions[0].approved_by,
        id("ann@example.com"),
        "by name"
    );
    assert_eq!(
        prc.versions[1].approved_by,
        id("bob@example.com"),
        "by e-mail"
    );
    assert_eq!(prc.versions[1].change_summary, "MFA for admins");
    assert_eq!(prc.versions[2].approved_on, None, "1.2 is the draft");
    assert_eq!(prc.current().unwrap().number, "1.1");

    let again = import_book(&mut vault, Kind::Documents, &f, false).unwrap();
    assert_eq!(
        (again.created, again.updated, again.unchanged),
        (0, 0, 2),
        "{:#?}",
        again.lines
    );
    let docs = documents::list(vault.reader()).unwrap();
    let count: usize = docs.iter().map(|d| d.versions.len()).sum();
    assert_eq!(count, 4, "versions already there are skipped");
}

#[test]
fn a_bad_cell_on_the_versions_sheet_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Ann Smith", "ann@example.com")]);
    let versions: &[&[&str]] = &[
        &[
            "Reference",
            "Version",
            "Change summary",
            "Approved by",
            "E-mail",
            "Approved on",
        ],
        &["PRC-02", "1.0", "First issue", "Carol", "", "2025-01-10"],
        &["PRC-02", "1.1", "", "", "", "someday"],
        &["PRC-09", "1.0", "", "", "", "2025-01-10"],
        &["POL-01", "1.0", "", "", "", ""],
        &["POL-01", "1.1", "", "", "", ""],
    ];
    let f = workbook(
        dir.path(),
        "docs.xlsx",
        &[("Documents", DOCS), ("Versions", versions)],
    );
    let before = state(&vault);
    let err = import_book(&mut vault, Kind::Documents, &f, false).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    let cells: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    for cell in ["Versions!D2", "Versions!F3", "Versions!A4", "Versions!B6"] {
        assert!(cells.contains(&cell), "{cell} is named: {:#?}", err.fields);
    }
    let d2 = err
        .fields
        .iter()
        .find(|f| f.field == "Versions!D2")
        .unwrap();
    assert!(
        d2.message.contains("(Approved by)") && d2.message.contains("Carol"),
        "{}",
        d2.message
    );
    assert_eq!(state(&vault), before, "nothing written, not even history");
}

#[test]
fn the_results_sheet_brings_every_result_and_skips_a_day_already_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Ann Smith", "ann@example.com")]);
    let measures: &[&[&str]] = &[
        &[
            "Reference",
            "Title",
            "Frequency",
            "Target",
            "Direction",
            "Unit",
        ],
        &[
            "M-001",
            "Phishing click rate",
            "Monthly",
            "10",
            "At most",
            "%",
        ],
    ];
    let results: &[&[&str]] = &[
        &[
            "Measure",
            "Title",
            "Measured on",
            "Value",
            "Target met",
            "Evaluation",
            "Follow-up",
        ],
        &[
            "M-001",
            "Phishing click rate",
            "2026-03-31",
            "8",
            "Yes",
            "Fine",
            "",
        ],
        &[
            "M-001",
            "Phishing click rate",
            "2026-04-30",
            "12",
            "No",
            "Two clicked",
            "Refresher sent",
        ],
    ];
    let f = workbook(
        dir.path(),
        "kpi.xlsx",
        &[("Measures", measures), ("Results", results)],
    );
    let report = import_book(&mut vault, Kind::Measures, &f, false).unwrap();
    assert!(
        report.lines[0].contains("results of 2026-03-31, 2026-04-30"),
        "{:#?}",
        report.lines
    );
    let got = isms_core::measures::results(vault.reader(), None).unwrap();
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].follow_up, "Refresher sent");
    assert!(got[0].target_met && !got[1].target_met, "8 ≤ 10 < 12");

    // A third month added by hand; the days already recorded are skipped, whatever they say.
    let more: &[&[&str]] = &[
        results[0],
        &[
            "M-001",
            "",
            "2026-04-30",
            "99",
            "",
            "Changed since",
            "Who knows",
        ],
        &["M-001", "", "2026-05-31", "9", "", "Better", ""],
    ];
    let g = workbook(
        dir.path(),
        "kpi2.xlsx",
        &[("Measures", measures), ("Results", more)],
    );
    let again = import_book(&mut vault, Kind::Measures, &g, false).unwrap();
    assert_eq!((again.updated, again.created), (1, 0));
    let got = isms_core::measures::results(vault.reader(), None).unwrap();
    let days: Vec<String> = got.iter().map(|r| r.measured_on.to_string()).collect();
    assert_eq!(
        days,
        ["2026-03-31", "2026-04-30", "2026-05-31"],
        "only appended"
    );
    assert_eq!(got[1].value, 12.0, "the recorded result is left as it is");
}

#[test]
fn a_missed_target_on_the_results_sheet_needs_its_follow_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let measures: &[&[&str]] = &[
        &["Reference", "Title", "Target", "Direction"],
        &["M-001", "Phishing click rate", "10", "At most"],
    ];
    let results: &[&[&str]] = &[
        &["Measure", "Measured on", "Value", "Evaluation", "Follow-up"],
        &["M-001", "2026-04-30", "12", "Two clicked", ""],
        &["M-002", "2026-04-30", "lots", "", ""],
    ];
    let f = workbook(
        dir.path(),
        "kpi.xlsx",
        &[("Measures", measures), ("Results", results)],
    );
    let before = state(&vault);
    let err = import_book(&mut vault, Kind::Measures, &f, false).unwrap_err();
    let cells: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    for cell in ["Results!E2", "Results!C3", "Results!D3"] {
        assert!(cells.contains(&cell), "{cell} is named: {:#?}", err.fields);
    }
    assert_eq!(state(&vault), before, "nothing written");
}
