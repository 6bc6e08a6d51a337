//! Measures with their results: created, results appended (an identical one left alone), a
//! missed target without a follow-up note refused with its row, all or nothing.

use isms_sheets::read::Kind;

use super::*;

const HEAD: &str = "Reference,Title,Frequency,Measured by,Target,Direction,Unit,Measured on,Value,Evaluation,Follow-up\n";

#[test]
fn measures_and_their_results_are_imported_and_results_only_appended() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Ann Smith", "ann@example.com")]);
    let text = format!(
        "{HEAD}M-001,Phishing click rate,Monthly,ann@example.com,10,At most,%,2026-04-30,12.5,Two clicked,Refresher sent; no item needed\n\
         M-001,Phishing click rate,Monthly,ann@example.com,10,At most,%,2026-05-29,6,Better,\n\
         ,Open NCs,Quarterly,Ann Smith,0,At most,count,,,,\n"
    );
    let f = file(dir.path(), "KPIs.csv", &text);
    let report = run(&mut vault, Kind::Measures, &f, None, false).unwrap();
    assert_eq!(
        (report.created, report.updated, report.unchanged),
        (2, 1, 0),
        "M-001 created by its first row and given a second result by the next"
    );
    let list = isms_core::measures::list(vault.reader()).unwrap();
    assert_eq!(list.len(), 2);
    let phishing = list.iter().find(|m| m.reference == "M-001").unwrap();
    let results = isms_core::measures::results(vault.reader(), Some(phishing.id)).unwrap();
    assert_eq!(results.len(), 2);
    assert!(
        !results[0].target_met && results[1].target_met,
        "12.5 > 10, 6 ≤ 10"
    );
    assert_eq!(
        list.iter()
            .find(|m| m.title == "Open NCs")
            .unwrap()
            .reference,
        "M-002",
        "a reference is proposed when the sheet has none"
    );

    let again = run(&mut vault, Kind::Measures, &f, None, false).unwrap();
    assert_eq!(
        (again.created, again.updated, again.unchanged),
        (0, 0, 3),
        "identical results are left as they are"
    );
    assert_eq!(
        isms_core::measures::results(vault.reader(), None)
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn a_missed_target_needs_a_follow_up_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let before = state(&vault);
    let text = format!(
        "{HEAD}M-001,Phishing click rate,Monthly,,10,At most,%,2026-04-30,12.5,Two clicked,\n\
         M-002,Coverage,Fortnightly,,95,At least,%,2026-04-30,99,,\n"
    );
    let f = file(dir.path(), "KPIs.csv", &text);
    let found = problems(run(&mut vault, Kind::Measures, &f, None, false));
    has(&found, "KPIs!K2", "target (≤ 10 %) is missed");
    has(&found, "KPIs!C3", "not a frequency");
    has(&found, "KPIs!J3", "Every result is evaluated");
    assert_eq!(found.len(), 3, "{found:#?}");
    assert_eq!(state(&vault), before, "all or nothing");
}
