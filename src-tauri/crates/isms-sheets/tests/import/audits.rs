//! The internal audit programme: the demo company's audits exported and imported into a vault
//! holding the same people come back with every exported field; a second import changes
//! nothing; a German programme kept by hand is read; bad rows are refused together, each
//! problem naming its sheet, row and column.

use isms_core::audits::{self, Audit, AuditStatus};
use isms_sheets::read::Kind;
use isms_sheets::write::SheetKind;

use super::*;

/// Each audit as the sheet shows it: the auditor by e-mail, not by the vault's id.
type Shown = (String, Audit, Option<String>);

fn programme(vault: &Vault) -> Vec<Shown> {
    let people = isms_core::people::list(vault.reader()).unwrap();
    let mut list: Vec<Shown> = audits::list(vault.reader())
        .unwrap()
        .into_iter()
        .map(|a| {
            let email = a
                .auditor_id
                .map(|id| people.iter().find(|p| p.id == id).unwrap().email.clone());
            let bare = Audit {
                id: 0,
                auditor_id: None,
                ..a
            };
            (bare.reference.clone(), bare, email)
        })
        .collect();
    list.sort_by(|a, b| a.0.cmp(&b.0));
    list
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn the_audit_programme_round_trips_into_a_vault_with_the_same_people() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_vault(dir.path());
    let people = export(&demo, SheetKind::People, dir.path(), "people.xlsx");
    let sheet = export(&demo, SheetKind::Audits, dir.path(), "audits.xlsx");
    let mut fresh = empty_vault(dir.path(), "fresh.isms");
    run(&mut fresh, Kind::People, &people, None, false).unwrap();
    let report = run(&mut fresh, Kind::Audits, &sheet, None, false).unwrap();
    let original = programme(&demo);
    assert_eq!((report.created, report.updated), (original.len() as u32, 0));
    assert!(
        original
            .iter()
            .any(|(_, a, email)| email.is_some() && a.status == AuditStatus::Completed)
            && original
                .iter()
                .any(|(_, a, _)| !a.external_auditor.is_empty())
            && original.iter().any(|(_, a, _)| !a.summary.is_empty()),
        "the demo has audits by staff and by outsiders, completed with a summary: {original:#?}"
    );
    assert_eq!(
        programme(&fresh),
        original,
        "every audit and every exported field"
    );
    let again = export(&fresh, SheetKind::Audits, dir.path(), "again.xlsx");
    assert_eq!(cells(&sheet, "Audits"), cells(&again, "Audits"));

    let before = state(&fresh);
    let twice = run(&mut fresh, Kind::Audits, &sheet, None, false).unwrap();
    assert_eq!(
        (twice.created, twice.updated, twice.unchanged),
        (0, 0, original.len() as u32)
    );
    assert_eq!(state(&fresh), before, "a second import changes nothing");
}

#[test]
fn a_german_programme_kept_by_hand_is_read_and_matched_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Ann Smith", "ann@example.com")]);
    let rows: &[&[&str]] = &[
        &[
            "Nr.",
            "Audit",
            "Geplanter Monat",
            "Kapitel",
            "Anhang A",
            "Auditor",
            "Externer Auditor",
            "Status",
            "Begonnen am",
            "Abgeschlossen am",
            "Zusammenfassung",
        ],
        &[
            "ia-7",
            "Dokumentenlenkung",
            "März 2026",
            "7.5; 9.2",
            "A 5.15 A 8.13",
            "Ann Smith",
            "",
            "Abgeschlossen",
            "02.03.2026",
            "04.03.2026",
            "Keine Abweichungen",
        ],
        &[
            "",
            "Lieferanten",
            "06/2026",
            "",
            "5.19",
            "",
            "Jo Bloggs, Audit GmbH",
            "Geplant",
            "",
            "",
            "",
        ],
    ];
    let book = xlsx(dir.path(), "Auditprogramm.xlsx", "Programm", rows);
    let report = run(&mut vault, Kind::Audits, &book, None, false).unwrap();
    assert_eq!(report.created, 2, "{:?}", report.lines);
    let list = audits::list(vault.reader()).unwrap();
    let docs = list
        .iter()
        .find(|a| a.title == "Dokumentenlenkung")
        .unwrap();
    assert_eq!(docs.reference, "IA-7", "the sheet's reference is kept");
    assert_eq!(docs.planned_month, "2026-03");
    assert_eq!(docs.scope_clauses, ["7.5", "9.2"]);
    assert_eq!(docs.scope_controls, ["5.15", "8.13"]);
    assert_eq!(docs.status, AuditStatus::Completed);
    assert_eq!(
        (docs.started_on, docs.completed_on),
        (day(2026, 3, 2), day(2026, 3, 4))
    );
    assert_eq!(docs.summary, "Keine Abweichungen");
    let ann = isms_core::people::list(vault.reader()).unwrap()[0].id;
    assert_eq!(docs.auditor_id, Some(ann));
    let suppliers = list.iter().find(|a| a.title == "Lieferanten").unwrap();
    assert_eq!(
        suppliers.reference, "IA-008",
        "the vault gives the next number"
    );
    assert_eq!(
        (
            suppliers.planned_month.as_str(),
            suppliers.status,
            suppliers.external_auditor.as_str()
        ),
        ("2026-06", AuditStatus::Planned, "Jo Bloggs, Audit GmbH")
    );

    // Without a reference column an audit is found by its title; only mapped columns change.
    let moved = xlsx(
        dir.path(),
        "moved.xlsx",
        "Programm",
        &[&["Titel", "Monat"], &["Lieferanten", "2026-07"]],
    );
    let report = run(&mut vault, Kind::Audits, &moved, None, false).unwrap();
    assert_eq!((report.created, report.updated), (0, 1));
    let suppliers = audits::get(vault.reader(), suppliers.id).unwrap();
    assert_eq!(suppliers.planned_month, "2026-07");
    assert_eq!(suppliers.external_auditor, "Jo Bloggs, Audit GmbH");
}

#[test]
fn bad_audit_rows_are_refused_together_naming_sheet_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Ann Smith", "ann@example.com")]);
    let before = state(&vault);
    let bad = file(
        dir.path(),
        "Audits.csv",
        "Reference,Title,Planned month,Clauses,Controls,Auditor,External auditor,Status,Completed on\n\
         IA-001,Access,Summer,,,Ann Smith,,Planned,\n\
         IA-002,Backups,2026-04,11.1,A.99,,,Completed,\n\
         IA-003,Logging,2026-05,,,Ann Smith,Jo Bloggs,Planned,\n\
         IA-004,Suppliers,2026-05,,,Bo Nobody,,Sort of,\n",
    );
    let found = problems(run(&mut vault, Kind::Audits, &bad, None, false));
    has(
        &found,
        "Audits!C2 (Planned month)",
        "“Summer” is not a month",
    );
    has(&found, "Audits!D3 (Clauses)", "11.1 is not a clause");
    has(&found, "Audits!E3 (Controls)", "not an Annex A control");
    has(&found, "Audits!I3 (Completed on)", "When was it completed?");
    has(&found, "Audits!G4 (External auditor)", "not both");
    has(&found, "Audits!H5 (Status)", "“Sort of” is not a status");
    assert_eq!(state(&vault), before, "nothing written");
}
