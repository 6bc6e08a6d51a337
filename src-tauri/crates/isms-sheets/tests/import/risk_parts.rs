//! The sheets beside a risk register: the demo company's risk workbook (register, treatment
//! actions, owners' approvals) imported into a vault with the same people, assets and method
//! brings every action and every approval that holds back, a void approval is reported as not
//! imported, and a second import changes nothing; an action of an unknown risk and an
//! approval by someone other than the owner are refused naming their cells; a hand-made
//! workbook with German headers on a sheet of any name is read.

use std::path::{Path, PathBuf};

use isms_core::people::Person;
use isms_core::risks::{self, Risk, RiskAction};
use isms_sheets::import::{ImportReport, Job, Mode, Options, import_with, unwatched};
use isms_sheets::read::{Kind, Limits, detect, open, parts};
use isms_sheets::write::SheetKind;

use super::risks::template_vault;
use super::*;

/// Imports sheet `sheet` of `file` as risks, with the sheets the workbook holds beside it.
fn run_with_parts(
    vault: &mut Vault,
    file: &Path,
    sheet: &str,
    dry_run: bool,
) -> Result<ImportReport> {
    let book = open(file, Some(sheet), Limits::default())?;
    let mapping = detect(&book, Kind::Risks)?;
    let found = parts(file, &book, Kind::Risks, Limits::default())?;
    let backups = backups(file.parent().unwrap());
    let mode = if dry_run {
        Mode::DryRun
    } else {
        Mode::Write { backups: &backups }
    };
    let job = Job {
        kind: Kind::Risks,
        workbook: &book,
        mapping: &mapping,
        options: Options::default(),
        parts: Some(&found),
    };
    import_with(vault, stamp(), job, mode, &mut unwatched)
}

/// A workbook of text cells with one sheet per `(name, rows)`.
fn workbook(dir: &Path, name: &str, sheets: &[(&str, &[&[&str]])]) -> PathBuf {
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

/// An action as another vault can compare it: its owner by e-mail.
type Shown = (
    String,
    Option<String>,
    Option<chrono::NaiveDate>,
    String,
    Option<chrono::NaiveDate>,
    Vec<String>,
);

fn shown(a: &RiskAction, people: &[Person]) -> Shown {
    let email = a
        .owner_id
        .and_then(|id| people.iter().find(|p| p.id == id))
        .map(|p| p.email.clone());
    (
        a.title.clone(),
        email,
        a.due_date,
        format!("{:?}", a.status),
        a.done_date,
        a.controls.clone(),
    )
}

/// The approvals of a risk that hold: kind, approver's e-mail, day, note.
fn holding(r: &Risk, people: &[Person]) -> Vec<(String, String, chrono::NaiveDate, String)> {
    r.approvals
        .iter()
        .filter(|a| !a.void)
        .map(|a| {
            let email = people.iter().find(|p| p.id == a.person_id).unwrap();
            (
                format!("{:?}", a.kind),
                email.email.clone(),
                a.approved_on,
                a.note.clone(),
            )
        })
        .collect()
}

#[test]
fn the_demo_risk_workbook_brings_back_its_actions_and_approvals() {
    let dir = tempfile::tempdir().unwrap();
    let mut demo = demo_vault(dir.path());
    // One approved risk changes after its approvals: they are void from then on.
    let before = risks::list(demo.reader()).unwrap();
    let mut changed = before
        .iter()
        .find(|r| !r.approvals.is_empty())
        .expect("the demo has approved risks")
        .clone();
    changed.actions.push(RiskAction {
        id: 0,
        title: "Review the supplier's backups".into(),
        owner_id: changed.owner_id,
        due_date: Some(today()),
        status: isms_core::risks::ActionStatus::Planned,
        done_date: None,
        controls: vec!["5.22".into()],
    });
    risks::update(&mut demo, stamp(), changed.clone()).unwrap();
    let original = risks::list(demo.reader()).unwrap();
    let void = original
        .iter()
        .flat_map(|r| &r.approvals)
        .filter(|a| a.void)
        .count();
    assert!(void > 0, "the changed risk's approvals are void");
    let people_file = export(&demo, SheetKind::People, dir.path(), "people.xlsx");
    let assets_file = export(&demo, SheetKind::Assets, dir.path(), "assets.xlsx");
    let book = export(&demo, SheetKind::Risks, dir.path(), "risks.xlsx");
    let mut fresh = empty_vault(dir.path(), "fresh.isms");
    run(&mut fresh, Kind::People, &people_file, None, false).unwrap();
    run(&mut fresh, Kind::Assets, &assets_file, None, false).unwrap();
    let method = risks::get_method(demo.reader()).unwrap().unwrap();
    risks::set_method(&mut fresh, stamp(), method).unwrap();

    let dry = run_with_parts(&mut fresh, &book, "Risks", true).unwrap();
    assert!(risks::list(fresh.reader()).unwrap().is_empty(), "dry run");
    let report = run_with_parts(&mut fresh, &book, "Risks", false).unwrap();
    assert_eq!(
        dry.lines, report.lines,
        "the dry run says what the import does"
    );

    let n_risks = original.len();
    let n_actions: usize = original.iter().map(|r| r.actions.len()).sum();
    let n_holding: usize = original
        .iter()
        .map(|r| r.approvals.iter().filter(|a| !a.void).count())
        .sum();
    assert_eq!(
        report.created as usize,
        n_risks + n_actions + n_holding,
        "every risk, action and approval that holds is created"
    );
    assert_eq!(report.rows as usize, n_risks + n_actions + n_holding + void);
    assert!(
        report.lines.iter().any(|l| l.starts_with("Actions!")
            && l.contains(": create action “Review the supplier's backups” on ")),
        "{:#?}",
        report.lines
    );
    assert!(
        report.lines.iter().any(|l| l.contains(&format!(
            "Also read with the register: sheet “Actions” ({n_actions} actions), sheet \
             “Approvals” ({} approvals)",
            n_holding + void
        ))),
        "{:#?}",
        report.lines
    );
    let not_imported: Vec<&String> = report
        .lines
        .iter()
        .filter(|l| l.starts_with("Approvals!") && l.contains(": not imported: "))
        .collect();
    assert_eq!(not_imported.len(), void, "each void approval said once");
    assert!(not_imported[0].contains(&changed.reference));

    let (old_people, new_people) = (
        isms_core::people::list(demo.reader()).unwrap(),
        isms_core::people::list(fresh.reader()).unwrap(),
    );
    let imported = risks::list(fresh.reader()).unwrap();
    assert_eq!(imported.len(), n_risks);
    for old in &original {
        let new = imported
            .iter()
            .find(|r| r.reference == old.reference)
            .unwrap_or_else(|| panic!("{} comes back", old.reference));
        let actions = |r: &Risk, people: &[Person]| -> Vec<Shown> {
            r.actions.iter().map(|a| shown(a, people)).collect()
        };
        assert_eq!(
            actions(new, &new_people),
            actions(old, &old_people),
            "{}: actions",
            old.reference
        );
        assert_eq!(
            holding(new, &new_people),
            holding(old, &old_people),
            "{}: approvals that hold",
            old.reference
        );
        assert!(
            new.approvals.iter().all(|a| !a.void),
            "{}: what is recorded approves the risk as imported",
            old.reference
        );
    }

    let state_before = state(&fresh);
    let twice = run_with_parts(&mut fresh, &book, "Risks", false).unwrap();
    assert_eq!(
        (twice.created, twice.updated, twice.unchanged as usize),
        (0, 0, n_risks + n_actions + n_holding),
        "a second import matches every risk, action and approval"
    );
    assert_eq!(state(&fresh), state_before, "and writes nothing");
}

/// A register of two risks owned by Ann, on the template vault's 3×3 method.
const RISKS: &[&[&str]] = &[
    &[
        "Reference",
        "Title",
        "Owner",
        "Likelihood",
        "Impact",
        "Treatment",
    ],
    &[
        "R-1",
        "Laptop stolen",
        "Ann Smith",
        "High",
        "Medium",
        "Modify",
    ],
    &["R-2", "Phishing", "Ann Smith", "High", "High", "Modify"],
];

#[test]
fn an_action_of_an_unknown_risk_and_an_approval_by_another_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = template_vault(dir.path());
    let book = workbook(
        dir.path(),
        "bad.xlsx",
        &[
            ("Risks", RISKS),
            (
                "Actions",
                &[
                    &["Reference", "Action", "Owner", "Due date", "Status"],
                    &["R-1", "Encrypt disks", "Bob Jones", "2026-09-30", "Planned"],
                    &["R-099", "Train staff", "Bob Jones", "2026-09-30", "Planned"],
                ],
            ),
            (
                "Approvals",
                &[
                    &["Reference", "Kind", "Approved by", "Approved on"],
                    &["R-1", "Treatment plan approved", "Ann Smith", "2026-06-01"],
                    &["R-2", "Residual risk accepted", "Bob Jones", "2026-06-01"],
                ],
            ),
        ],
    );
    let before = state(&vault);
    let found = problems(run_with_parts(&mut vault, &book, "Risks", false));
    has(&found, "Actions!A3", "No risk R-099");
    has(
        &found,
        "Approvals!C3 (Approved by)",
        "Only the risk's owner can approve",
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(state(&vault), before, "nothing written, not even the risks");
}

#[test]
fn a_german_workbook_brings_its_actions_from_a_sheet_of_any_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = template_vault(dir.path());
    let book = workbook(
        dir.path(),
        "risiken.xlsx",
        &[
            ("Risiken", RISKS),
            (
                "Maßnahmenplan",
                &[
                    &[
                        "Risiko-Nr.",
                        "Maßnahme",
                        "Verantwortlich",
                        "Fällig am",
                        "Umsetzungsstatus",
                        "Erledigt am",
                        "Kontrollen",
                    ],
                    &[
                        "R-1",
                        "Festplatten verschlüsseln",
                        "Bob Jones",
                        "30.09.2026",
                        "Erledigt",
                        "01.06.2026",
                        "A.8.24",
                    ],
                    &[
                        "R-2",
                        "Schulung",
                        "ann@example.com",
                        "31.10.2026",
                        "In Arbeit",
                        "",
                        "",
                    ],
                ],
            ),
            (
                "Freigaben",
                &[
                    &["Risiko", "Art", "Genehmigt von", "Genehmigt am", "Gültig"],
                    &["R-1", "Treatment plan", "Ann Smith", "02.06.2026", "ja"],
                    &[
                        "R-2",
                        "Residual risk accepted",
                        "Ann Smith",
                        "02.06.2026",
                        "nein",
                    ],
                ],
            ),
        ],
    );
    let dry = run_with_parts(&mut vault, &book, "Risiken", true).unwrap();
    assert!(
        dry.lines
            .contains(&"Maßnahmenplan!2: create action “Festplatten verschlüsseln” on R-1".into()),
        "{:#?}",
        dry.lines
    );
    assert!(risks::list(vault.reader()).unwrap().is_empty(), "dry run");
    let report = run_with_parts(&mut vault, &book, "Risiken", false).unwrap();
    assert_eq!(
        report.created,
        2 + 2 + 1,
        "two risks, two actions, one approval"
    );
    assert!(
        report
            .lines
            .iter()
            .any(|l| l.starts_with("Freigaben!3: not imported: ") && l.contains("void")),
        "{:#?}",
        report.lines
    );
    let people = isms_core::people::list(vault.reader()).unwrap();
    let id = |email: &str| people.iter().find(|p| p.email == email).unwrap().id;
    let list = risks::list(vault.reader()).unwrap();
    let r1 = list.iter().find(|r| r.reference == "R-1").unwrap();
    let a = &r1.actions[0];
    assert_eq!(a.owner_id, Some(id("bob@example.com")));
    assert_eq!(a.status, risks::ActionStatus::Done, "“Erledigt”");
    assert_eq!(
        (a.due_date, a.done_date),
        (
            chrono::NaiveDate::from_ymd_opt(2026, 9, 30),
            chrono::NaiveDate::from_ymd_opt(2026, 6, 1)
        ),
        "day-first dates"
    );
    assert_eq!(a.controls, ["8.24"]);
    let r2 = list.iter().find(|r| r.reference == "R-2").unwrap();
    assert_eq!(r2.actions[0].status, risks::ActionStatus::InProgress);
    assert_eq!(r1.approvals.len(), 1, "the plan's approval that holds");
    assert!(r2.approvals.is_empty(), "the void one is not recorded");

    // The title matches ignoring case; the row's new status and day update the action.
    let edited = workbook(
        dir.path(),
        "edited.xlsx",
        &[
            ("Risiken", RISKS),
            (
                "Maßnahmen",
                &[
                    &["Risiko", "Maßnahme", "Status", "Erledigt am"],
                    &["R-2", "SCHULUNG", "erledigt", "12.06.2026"],
                ],
            ),
        ],
    );
    let again = run_with_parts(&mut vault, &edited, "Risiken", false).unwrap();
    assert_eq!((again.created, again.updated), (0, 1), "{:#?}", again.lines);
    let r2 = risks::get(vault.reader(), r2.id).unwrap();
    assert_eq!(r2.actions.len(), 1, "matched, not added");
    assert_eq!(r2.actions[0].status, risks::ActionStatus::Done);
    let r1 = risks::get(vault.reader(), r1.id).unwrap();
    assert_eq!(
        r1.actions.len(),
        1,
        "an action the sheet leaves out is kept"
    );
}

#[test]
fn an_actions_sheet_without_its_headers_is_said_not_read_and_a_csv_has_no_parts() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = template_vault(dir.path());
    let book = workbook(
        dir.path(),
        "notes.xlsx",
        &[
            ("Risks", RISKS),
            (
                "Actions",
                &[&["Meeting", "Minutes"], &["Kick-off", "Agreed"]],
            ),
        ],
    );
    let report = run_with_parts(&mut vault, &book, "Risks", false).unwrap();
    assert_eq!(report.created, 2, "the two risks, nothing else");
    assert!(
        report.lines.contains(
            &"Sheet “Actions” was not read: its headers name no Risk and Action columns.".into()
        ),
        "{:#?}",
        report.lines
    );
    let csv = file(
        dir.path(),
        "risks.csv",
        "Reference,Title,Owner\nR-3,Flood,Ann Smith\n",
    );
    let one = open(&csv, None, Limits::default()).unwrap();
    let found = parts(&csv, &one, Kind::Risks, Limits::default()).unwrap();
    assert!(
        found.sheets.is_empty() && found.skipped.is_empty(),
        "one sheet"
    );
    let report = run_with_parts(&mut vault, &csv, "risks", false).unwrap();
    assert_eq!((report.created, report.rows), (1, 1));
}
