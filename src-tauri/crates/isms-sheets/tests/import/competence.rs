//! Competence evidence: the demo company's register round trip (roles of those with evidence
//! assigned again), and a messy register read with its bad rows refused all together.

use isms_core::competence::{self, CompetenceKind};
use isms_sheets::read::Kind;
use isms_sheets::write::SheetKind;

use super::*;

#[test]
fn competence_register_round_trip_into_an_empty_vault() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_vault(dir.path());
    let people = export(&demo, SheetKind::People, dir.path(), "people.xlsx");
    let first = export(&demo, SheetKind::Competence, dir.path(), "competence.xlsx");
    let mut empty = empty_vault(dir.path(), "empty.isms");
    run(&mut empty, Kind::People, &people, None, false).unwrap();
    let report = run(
        &mut empty,
        Kind::Competence,
        &first,
        Some("Competence"),
        false,
    )
    .unwrap();
    let n = competence::list_evidence(demo.reader()).unwrap().len() as u32;
    assert_eq!((report.created, report.updated), (n, 0));
    let again = export(&empty, SheetKind::Competence, dir.path(), "again.xlsx");
    // E-mail to Status: the evidence files are attached in the app, not imported.
    let register = |rows: Vec<Vec<String>>| -> Vec<Vec<String>> {
        rows.into_iter()
            .map(|mut r| {
                r.truncate(8);
                r
            })
            .collect()
    };
    assert_eq!(
        register(cells(&first, "Competence")),
        register(cells(&again, "Competence")),
        "the same evidence, with the same roles for everyone who has some"
    );
    let twice = run(
        &mut empty,
        Kind::Competence,
        &first,
        Some("Competence"),
        false,
    )
    .unwrap();
    assert_eq!((twice.created, twice.updated, twice.unchanged), (0, 0, n));
}

#[test]
fn a_messy_competence_list_is_read_and_bad_rows_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Ann Smith", "ann@example.com")]);
    let before = state(&vault);
    let bad = file(
        dir.path(),
        "Skills.csv",
        "Email address,Role(s),Type,Certificate,Issued,Expiry date\n\
         ann@example.com,Internal auditor,Cert.,ISO 27001 Lead Auditor,12/03/2024,11/03/2027\n\
         bob@example.com,,Course,Awareness,2024-01-01,\n\
         ann@example.com,Chief Wizard,Hobby,Chess,2024-01-01,2023-01-01\n\
         ann@example.com,,Training,,45/45/2024,\n",
    );
    let found = problems(run(&mut vault, Kind::Competence, &bad, None, false));
    has(&found, "Skills!A3 (Email address)", "Nobody in the vault");
    has(&found, "Skills!B4 (Role(s))", "no role “Chief Wizard”");
    has(
        &found,
        "Skills!C4 (Type)",
        "not a kind of competence evidence",
    );
    has(&found, "Skills!D5 (Certificate)", "is needed here");
    has(&found, "Skills!E5 (Issued)", "");
    assert_eq!(state(&vault), before, "nothing written");

    let good = file(
        dir.path(),
        "Skills2.csv",
        "Email address,Role(s),Type,Certificate,Issued,Expiry date\n\
         ann@example.com,Internal auditor; ISMS owner,Cert.,ISO 27001 Lead Auditor,12/03/2024,11/03/2027\n\
         ann@example.com,internal auditor,Degree,MSc Information Security,2015-07-01,\n",
    );
    let report = run(&mut vault, Kind::Competence, &good, None, false).unwrap();
    assert_eq!(report.created, 2);
    let evidence = competence::list_evidence(vault.reader()).unwrap();
    let kinds: Vec<(CompetenceKind, &str)> = evidence
        .iter()
        .map(|e| (e.kind, e.title.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (CompetenceKind::Education, "MSc Information Security"),
            (CompetenceKind::Certification, "ISO 27001 Lead Auditor"),
        ],
        "by date obtained"
    );
    assert_eq!(
        evidence[1].expires_on,
        Some("2027-03-11".parse().unwrap()),
        "a European date"
    );
    assert_eq!(
        competence::list_assignments(vault.reader()).unwrap().len(),
        2,
        "two roles, the auditor's named twice but assigned once"
    );
}
