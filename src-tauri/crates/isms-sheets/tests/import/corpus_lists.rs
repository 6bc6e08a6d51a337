//! More of the corpus of registers as people keep them: a Google Forms training export
//! (Timestamp, Email Address, First name, Last name), a findings list headed "Finding /
//! Nonconformity" in three languages' words, and a German people list with first and last
//! names apart, each imported into a real vault.

use isms_core::tracker::{self, ItemKind, ItemStatus};
use isms_core::training::{self, Course, CourseKind};
use isms_sheets::read::Kind;

use super::corpus::{day, person_id};
use super::*;

#[test]
fn a_google_forms_training_export_imports() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(
        &mut vault,
        &[
            ("Anna Schmidt", "anna@example.com"),
            ("Tom Baker", "tom@example.com"),
        ],
    );
    training::create_course(
        &mut vault,
        stamp(),
        Course {
            id: 0,
            title: "Security awareness 2026".into(),
            kind: CourseKind::Awareness,
            validity_months: Some(12),
        },
    )
    .unwrap();
    let f = file(
        dir.path(),
        "responses.csv",
        "Timestamp,Email Address,First name,Last name,Course\n\
         15/03/2026 14:32:10,anna@example.com,Anna,Schmidt,Security awareness 2026\n\
         2026/03/16 9:05:00 AM GMT+1,TOM@example.com,Tom,Baker,Security awareness 2026\n",
    );
    let report = run(&mut vault, Kind::Training, &f, None, false).unwrap();
    assert_eq!((report.rows, report.created), (2, 2));
    let mut done: Vec<(i64, NaiveDate)> = training::list_completions(vault.reader())
        .unwrap()
        .into_iter()
        .map(|c| (c.person_id, c.completed_on))
        .collect();
    done.sort();
    let anna = person_id(&vault, "anna@example.com");
    let tom = person_id(&vault, "tom@example.com");
    let mut wanted = vec![(anna, day(2026, 3, 15)), (tom, day(2026, 3, 16))];
    wanted.sort();
    assert_eq!(done, wanted, "the timestamp is the day of completion");
    // With a completion date column as well, that one is the day.
    let f = file(
        dir.path(),
        "with-date.csv",
        "Timestamp,Email Address,Course,Completion date\n\
         20/03/2026 10:00:00,anna@example.com,Security awareness 2026,18 March 2026\n",
    );
    run(&mut vault, Kind::Training, &f, None, false).unwrap();
    assert!(
        training::list_completions(vault.reader())
            .unwrap()
            .iter()
            .any(|c| c.person_id == anna && c.completed_on == day(2026, 3, 18))
    );
}

#[test]
fn a_findings_list_headed_finding_nonconformity_imports() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Ann Smith", "ann@example.com")]);
    let rows: &[&[&str]] = &[
        &[
            "Ref ID",
            "Finding / Nonconformity",
            "Type",
            "Date",
            "Status",
            "Controls",
            "Responsible Party",
            "Due",
            "Effectiveness Check",
        ],
        &[
            "F-1",
            "Access reviews not done for Q1",
            "Nebenabweichung",
            "15-Mar-2026",
            "Offen",
            "A 5.18 A 8.2",
            "Ann Smith",
            "March 31, 2026",
            "",
        ],
        &[
            "F-2",
            "Supplier list incomplete",
            "Opportunity for improvement",
            "15 Mar 2026",
            "In Bearbeitung",
            "5.19 5.20",
            "",
            "",
            "",
        ],
        &[
            "F-3",
            "Écart sur la gestion des clés",
            "Non-conformité mineure",
            "15 mars 2026",
            "Ouvert",
            "A.8.24",
            "",
            "",
            "",
        ],
    ];
    let f = xlsx(dir.path(), "findings.xlsx", "Findings", rows);
    let report = run(&mut vault, Kind::Tracker, &f, None, false).unwrap();
    assert_eq!(report.created, 3);
    let items = tracker::list(vault.reader()).unwrap();
    let ann = person_id(&vault, "ann@example.com");
    let access = items.iter().find(|i| i.reference == "F-1").unwrap();
    assert_eq!(access.title, "Access reviews not done for Q1");
    assert_eq!(access.kind, ItemKind::MinorNc);
    assert_eq!(access.raised_on, day(2026, 3, 15));
    assert_eq!(access.status, ItemStatus::Open);
    assert_eq!(access.controls, ["5.18", "8.2"]);
    assert_eq!(access.owner_id, Some(ann));
    assert_eq!(access.due_on, Some(day(2026, 3, 31)));
    let suppliers = items.iter().find(|i| i.reference == "F-2").unwrap();
    assert_eq!(suppliers.kind, ItemKind::Ofi);
    assert_eq!(suppliers.status, ItemStatus::InProgress);
    assert_eq!(suppliers.controls, ["5.19", "5.20"]);
    let keys = items.iter().find(|i| i.reference == "F-3").unwrap();
    assert_eq!(keys.kind, ItemKind::MinorNc);
    assert_eq!(keys.raised_on, day(2026, 3, 15));
}

#[test]
fn a_german_people_list_with_first_and_last_names_imports() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let f = file(
        dir.path(),
        "mitarbeiter.csv",
        "Vorname;Name;E-Mail-Adresse;Abteilung;Eintrittsdatum;Geschäftsleitung\n\
         Anna;Schmidt;anna@example.de;Vertrieb;01.04.2024;Nein\n\
         Jonas;Becker;jonas@example.de;Geschäftsführung;15. März 2020;Ja\n",
    );
    let report = run(&mut vault, Kind::People, &f, None, false).unwrap();
    assert_eq!(report.created, 2);
    let people = isms_core::people::list(vault.reader()).unwrap();
    let anna = people
        .iter()
        .find(|p| p.email == "anna@example.de")
        .unwrap();
    assert_eq!(anna.name, "Anna Schmidt", "first and last name joined");
    assert_eq!(anna.department, "Vertrieb");
    assert_eq!(anna.start_date, Some(day(2024, 4, 1)));
    assert!(!anna.top_management);
    let jonas = people
        .iter()
        .find(|p| p.email == "jonas@example.de")
        .unwrap();
    assert_eq!(jonas.name, "Jonas Becker");
    assert_eq!(jonas.start_date, Some(day(2020, 3, 15)));
    assert!(jonas.top_management);
    // A row without either part names the first name's column.
    let f = file(
        dir.path(),
        "leer.csv",
        "Vorname;Nachname;E-Mail;Abteilung\n;;leer@example.de;Vertrieb\n",
    );
    let found = problems(run(&mut vault, Kind::People, &f, None, false));
    has(&found, "leer!A2 (Vorname)", "A name is needed here");
}
