//! Every problem of a row in one round, in every kind; values a delimiter pushed past the last
//! header reported; the refusal counting rows, not problems.

use isms_core::ErrorCode;
use isms_sheets::read::Kind;

use super::*;

/// The messages of a refused import, and its summary line.
fn refused(result: Result<ImportReport>) -> (String, Vec<String>) {
    let err = result.expect_err("the import should fail");
    assert_eq!(err.code, ErrorCode::Validation, "{err:?}");
    let summary = err.message.clone();
    (summary, err.fields.into_iter().map(|f| f.message).collect())
}

#[test]
fn a_new_tracker_item_without_type_or_day_still_has_its_other_cells_checked() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let bad = file(
        dir.path(),
        "Findings.csv",
        "ID,Finding,Grade,Date raised,Owner,Controls,Due\n\
         F1,No access review,,,Nobody Known,A.99,someday\n",
    );
    let (_, found) = refused(run(&mut vault, Kind::Tracker, &bad, None, false));
    has(&found, "Findings!C2", "A type is needed");
    has(&found, "Findings!D2", "The day it was raised is needed");
    has(
        &found,
        "Findings!E2",
        "Nobody in the vault is called “Nobody Known”",
    );
    has(&found, "Findings!F2", "not an Annex A control");
    has(&found, "Findings!G2", "someday");
}

#[test]
fn a_blank_name_or_title_does_not_hide_the_rows_other_problems() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let assets = file(dir.path(), "Assets.csv", "Name,Owner\n,Nobody Known\n");
    let (_, found) = refused(run(&mut vault, Kind::Assets, &assets, None, false));
    has(&found, "Assets!A2", "A name is needed");
    has(&found, "Assets!B2", "Nobody in the vault is called");
    let suppliers = file(
        dir.path(),
        "Suppliers.csv",
        "Supplier,Criticality,Owner\n,Enormous,Nobody Known\n",
    );
    let (_, found) = refused(run(&mut vault, Kind::Suppliers, &suppliers, None, false));
    has(&found, "Suppliers!A2", "name is needed");
    has(&found, "Suppliers!B2", "“Enormous”");
    has(&found, "Suppliers!C2", "Nobody in the vault is called");
    let incidents = file(
        dir.path(),
        "Incidents.csv",
        "Ref,Incident,Reported on,Category\nI-1,Lost laptop,,Weather\n",
    );
    let (_, found) = refused(run(&mut vault, Kind::Incidents, &incidents, None, false));
    has(&found, "Incidents!C2", "The day it was reported is needed");
    has(&found, "Incidents!D2", "“Weather”");
    let measures = file(
        dir.path(),
        "Measures.csv",
        "Title,Frequency,Direction\n,Fortnightly-ish,Sideways\n",
    );
    let (_, found) = refused(run(&mut vault, Kind::Measures, &measures, None, false));
    has(&found, "Measures!A2", "A title is needed");
    has(&found, "Measures!B2", "“Fortnightly-ish”");
    has(&found, "Measures!C2", "“Sideways”");
}

#[test]
fn an_unquoted_delimiter_pushing_cells_past_the_last_header_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let before = state(&vault);
    let people = file(
        dir.path(),
        "staff.csv",
        "Name,E-mail,Department\n\
         Ann Smith,ann@example.com,Sales\n\
         Smith, John,john@example.com,Sales, EMEA\n",
    );
    let (summary, found) = refused(run(&mut vault, Kind::People, &people, None, false));
    has(
        &found,
        "staff!D3",
        "row 3 has 2 values past the last header",
    );
    has(&found, "staff!D3", "“ EMEA”");
    has(&found, "staff!D3", "in quotes");
    assert!(summary.contains("in 1 row"), "{summary}");
    assert_eq!(state(&vault), before, "nothing written");
    // Quoted, the same values import.
    let quoted = file(
        dir.path(),
        "staff2.csv",
        "Name,E-mail,Department\n\"Smith, John\",john@example.com,\"Sales, EMEA\"\n",
    );
    let report = run(&mut vault, Kind::People, &quoted, None, false).unwrap();
    assert_eq!(report.created, 1);
    // A form tool's export names the row as its other problems do.
    let training = file(
        dir.path(),
        "training.csv",
        "email,course,date\njohn@example.com,Awareness,2026-03-01,extra\n",
    );
    let (_, found) = refused(run(&mut vault, Kind::Training, &training, None, false));
    assert!(
        found
            .iter()
            .any(|m| m.contains("row 2 has a value past the last header")),
        "{found:#?}"
    );
}

#[test]
fn the_refusal_counts_rows_not_problems() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let assets = file(
        dir.path(),
        "Assets.csv",
        "Name,Owner,Classification\n,Nobody,x\nLaptops,Nobody Else,y\nServers,,z\n",
    );
    let (summary, found) = refused(run(&mut vault, Kind::Assets, &assets, None, false));
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        summary.starts_with("3 problems in 2 rows"),
        "two bad rows of three: {summary}"
    );
    let training = file(
        dir.path(),
        "training.csv",
        "email,course,date\nzed@example.com,Nothing,never\nann@example.com,Awareness,2026-01-01\n",
    );
    let (summary, found) = refused(run(&mut vault, Kind::Training, &training, None, false));
    assert!(
        found.len() >= 4,
        "three problems in row 2, one in row 3: {found:#?}"
    );
    assert!(
        summary.starts_with("2 rows cannot be imported"),
        "rows, not the {} problems: {summary}",
        found.len()
    );
}

#[test]
fn a_bad_control_id_does_not_hide_the_soa_rows_other_problems() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let soa = file(
        dir.path(),
        "SoA.csv",
        "Control,Applicable,Owner\nA.99,maybe,Nobody Known\n",
    );
    let (_, found) = refused(run(&mut vault, Kind::Soa, &soa, None, false));
    has(&found, "SoA!A2", "not an Annex A control");
    has(&found, "SoA!B2", "“maybe”");
    has(&found, "SoA!C2", "Nobody in the vault is called");
}
