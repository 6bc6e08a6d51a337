//! The SoA: round trip, a typical template (ids as `A.5.1`, Y/N, a justification column, a
//! heading row), bad rows refused all together, dry runs and re-imports.

use isms_core::soa::{self, ImplementationStatus};
use isms_sheets::read::Kind;
use isms_sheets::write::SheetKind;

use super::*;

#[test]
fn soa_round_trip_into_an_empty_vault() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_vault(dir.path());
    let people = export(&demo, SheetKind::People, dir.path(), "people.xlsx");
    let first = export(&demo, SheetKind::Soa, dir.path(), "soa.xlsx");
    let mut empty = empty_vault(dir.path(), "empty.isms");
    run(&mut empty, Kind::People, &people, None, false).unwrap();
    let report = run(&mut empty, Kind::Soa, &first, None, false).unwrap();
    assert_eq!(report.rows, 93, "one row per Annex A control");
    assert_eq!(
        report.created, 0,
        "SoA entries always exist; rows update them"
    );
    let again = export(&empty, SheetKind::Soa, dir.path(), "again.xlsx");
    assert_eq!(cells(&first, "SoA"), cells(&again, "SoA"));
    let twice = run(&mut empty, Kind::Soa, &first, None, false).unwrap();
    assert_eq!((twice.updated, twice.unchanged), (0, 93));
}

const TEMPLATE: &[&[&str]] = &[
    &["Statement of Applicability — Acme Ltd", "", "", "", ""],
    &["", "", "", "", ""],
    &[
        "Control",
        "Control name",
        "Applicable (Y/N)",
        "Justification",
        "Implementation status",
        "Owner",
    ],
    &["Organizational controls", "", "", "", ""],
    &[
        "A.5.1",
        "Policies for information security",
        "Y",
        "Required by clause 5.2 and customers",
        "Implemented",
        "Ann Smith",
    ],
    &[
        "A 5.7",
        "Threat intelligence",
        "N",
        "Too small to run threat intelligence; the MSP covers it",
        "",
        "",
    ],
    &[
        "5.10",
        "Acceptable use of information",
        "Yes",
        "",
        "Partially implemented",
        "ann@example.com",
    ],
    &[
        "A.8.1",
        "User end point devices",
        "y",
        "Laptops hold customer data",
        "not started",
        "",
    ],
];

#[test]
fn a_typical_template_soa_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Ann Smith", "ann@example.com")]);
    let f = xlsx(dir.path(), "soa.xlsx", "SoA ", TEMPLATE);
    let report = run(&mut vault, Kind::Soa, &f, Some("soa"), false).unwrap();
    assert_eq!(
        report.rows, 4,
        "the title and the heading row are not controls"
    );
    assert_eq!(report.updated, 4);
    let entry = |id: &str| soa::get(vault.reader(), id).unwrap();
    let ann = isms_core::people::list(vault.reader()).unwrap()[0].id;
    assert_eq!(entry("5.1").applicable, Some(true));
    assert_eq!(entry("5.1").status, Some(ImplementationStatus::Implemented));
    assert_eq!(entry("5.1").owner_id, Some(ann));
    assert_eq!(entry("5.7").applicable, Some(false));
    assert!(entry("5.7").justification.starts_with("Too small"));
    assert_eq!(entry("5.10").status, Some(ImplementationStatus::InProgress));
    assert_eq!(entry("5.10").owner_id, Some(ann), "an owner by e-mail");
    assert_eq!(entry("8.1").status, Some(ImplementationStatus::NotStarted));
    assert_eq!(
        entry("5.2").applicable,
        None,
        "controls not in the sheet stay undecided"
    );
}

#[test]
fn bad_soa_rows_abort_with_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let before = state(&vault);
    let f = file(
        dir.path(),
        "SoA.csv",
        "Control ID;Applicable;Justification;Status\n\
         A.5.1;Yes;Policy;Implemented\n\
         A.9.9;Yes;;\n\
         5.2;No;;\n\
         5.3;perhaps;;done-ish\n\
         5.01;Yes;;\n",
    );
    let found = problems(run(&mut vault, Kind::Soa, &f, None, false));
    has(&found, "SoA!A3", "not an Annex A control");
    has(&found, "SoA!C4 (Justification)", "needs a justification");
    has(&found, "SoA!B5 (Applicable)", "not a yes or no");
    has(&found, "SoA!D5 (Status)", "not an implementation status");
    has(&found, "SoA!A6", "also on row 2");
    assert_eq!(found.len(), 5, "{found:#?}");
    let err = run(&mut vault, Kind::Soa, &f, None, false).unwrap_err();
    assert_eq!(
        err.message, "5 problems in 4 rows; nothing was imported.",
        "row 5 has two"
    );
    assert_eq!(state(&vault), before, "nothing written, not even row 2");
}

#[test]
fn a_dry_run_writes_nothing_and_says_what_would_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Ann Smith", "ann@example.com")]);
    let before = state(&vault);
    let f = xlsx(dir.path(), "soa.xlsx", "SoA", TEMPLATE);
    let report = run(&mut vault, Kind::Soa, &f, None, true).unwrap();
    assert!(report.dry_run);
    assert_eq!(report.updated, 4);
    assert!(report.backup.is_none());
    assert!(
        report
            .lines
            .iter()
            .any(|l| l == "SoA!5: update 5.1 Policies for information security"),
        "{:#?}",
        report.lines
    );
    assert_eq!(state(&vault), before);
    assert!(
        !backups(dir.path()).exists(),
        "a dry run writes no backup either"
    );
}
