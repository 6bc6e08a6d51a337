//! The registers beside the SoA: a supplier list and an incident log as companies keep them
//! (a title row above the headers, the words "Vendor" and "Date reported", dates typed as
//! people type them), a legal register headed "Legislation"; re-imports that update rather than
//! duplicate; a bad row named by sheet, row and column with nothing written; and the demo
//! company's registers exported and imported into an empty vault, coming back the same.

use isms_sheets::read::Kind;

use super::*;

#[test]
fn a_hand_kept_supplier_list_imports_and_a_second_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Ann Smith", "ann@example.com")]);
    let f = xlsx(
        dir.path(),
        "Vendors.xlsx",
        "Vendors",
        &[
            &["Acme Ltd – third-party register 2026"],
            &[],
            &[
                "Vendor",
                "Service provided",
                "Tier",
                "Security terms",
                "Relationship owner",
                "Last review date",
                "Review outcome",
                "Certificate",
                "Expiry date",
            ],
            &[
                "Nimbus Cloud",
                "Hosting",
                "Critical",
                "Yes",
                "Ann Smith",
                "14/03/2026",
                "OK",
                "ISO 27001",
                "30/09/2027",
            ],
            &[
                "Paywell",
                "Payroll",
                "3",
                "no",
                "ann@example.com",
                "",
                "",
                "",
                "",
            ],
        ],
    );
    let report = run(&mut vault, Kind::Suppliers, &f, None, false).unwrap();
    assert_eq!(
        (report.created, report.updated),
        (2, 0),
        "{:#?}",
        report.lines
    );
    let list = isms_core::suppliers::list(vault.reader()).unwrap();
    let nimbus = list.iter().find(|s| s.name == "Nimbus Cloud").unwrap();
    assert_eq!(
        nimbus.criticality,
        Some(isms_core::suppliers::Criticality::Critical)
    );
    assert!(nimbus.contract_requirements);
    assert_eq!(nimbus.reviews.len(), 1);
    assert_eq!(nimbus.reviews[0].reviewed_on.to_string(), "2026-03-14");
    assert_eq!(nimbus.certificates[0].title, "ISO 27001");
    assert_eq!(
        nimbus.certificates[0].expires_on.map(|d| d.to_string()),
        Some("2027-09-30".into())
    );
    let paywell = list.iter().find(|s| s.name == "Paywell").unwrap();
    assert_eq!(
        paywell.criticality,
        Some(isms_core::suppliers::Criticality::High)
    );
    assert!(paywell.reviews.is_empty() && paywell.owner_id == nimbus.owner_id);

    let before = state(&vault);
    let again = run(&mut vault, Kind::Suppliers, &f, None, false).unwrap();
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 2));
    assert_eq!(
        state(&vault),
        before,
        "the review and certificate are not added twice"
    );
}

#[test]
fn a_bad_supplier_row_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let before = state(&vault);
    let text = "Supplier,Criticality,Last review,Review outcome,Owner\n\
                Nimbus,Critical,2026-03-14,,\n\
                Paywell,Whatever,,,Nobody Known\n";
    let f = file(dir.path(), "Suppliers.csv", text);
    let found = problems(run(&mut vault, Kind::Suppliers, &f, None, false));
    has(&found, "Suppliers!D2", "how the review came out");
    has(&found, "Suppliers!B3", "not a criticality");
    has(&found, "Suppliers!E3", "Nobody Known");
    assert_eq!(state(&vault), before, "all or nothing");
}

#[test]
fn an_incident_log_imports_with_its_dates_and_keeps_its_references() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let f = xlsx(
        dir.path(),
        "Incident log.xlsx",
        "Log",
        &[
            &["Security incident log"],
            &[
                "Incident ID",
                "Date reported",
                "Incident",
                "Type",
                "Severity",
                "Personal data",
                "Actions taken",
                "Status",
                "Date closed",
                "Lessons learnt",
            ],
            &[
                "INC-007",
                "3/2/2026",
                "Phishing mail to finance",
                "Phishing",
                "Low",
                "No",
                "Blocked sender",
                "Closed",
                "4/2/2026",
                "Call-back check on bank changes",
            ],
            &[
                "",
                "2026-05-20",
                "Laptop stolen",
                "Theft",
                "Medium",
                "yes",
                "Wiped remotely",
                "Contained",
                "",
                "",
            ],
        ],
    );
    let report = run(&mut vault, Kind::Incidents, &f, None, false).unwrap();
    assert_eq!(report.created, 2, "{:#?}", report.lines);
    let list = isms_core::incidents::list(vault.reader()).unwrap();
    let phish = list.iter().find(|i| i.reference == "INC-007").unwrap();
    assert_eq!(phish.status, isms_core::incidents::IncidentStatus::Closed);
    assert_eq!(phish.reported_on.to_string(), "2026-02-03");
    let laptop = list.iter().find(|i| i.title == "Laptop stolen").unwrap();
    assert_eq!(
        laptop.reference, "INC-008",
        "the next after the sheet's highest"
    );
    assert!(laptop.personal_data);
    assert_eq!(
        laptop.category,
        isms_core::incidents::IncidentCategory::Physical
    );
    let again = run(&mut vault, Kind::Incidents, &f, None, false).unwrap();
    assert_eq!(
        (again.created, again.unchanged),
        (0, 2),
        "{:#?}",
        again.lines
    );
}

#[test]
fn a_closed_incident_without_a_closing_date_is_refused_with_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let before = state(&vault);
    let text = "Incident,Date reported,Status,Closed on\n\
                Phish,2026-02-03,Closed,\n\
                Outage,,Reported,\n";
    let f = file(dir.path(), "Incidents.csv", text);
    let found = problems(run(&mut vault, Kind::Incidents, &f, None, false));
    has(&found, "Incidents!D2", "When was it closed?");
    has(&found, "Incidents!B3", "day it was reported");
    assert_eq!(state(&vault), before);
}

#[test]
fn a_legal_register_headed_legislation_imports_as_laws() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Ann Smith", "ann@example.com")]);
    let party = isms_core::context::InterestedParty {
        id: 0,
        name: "Regulator".into(),
        requirements: "GDPR".into(),
    };
    isms_core::context::create_party(&mut vault, stamp(), party).unwrap();
    let text = "Legislation,Obligation summary,Regulator,Responsible,Controls,Last review date\n\
                UK GDPR,Process personal data lawfully,Regulator,Ann Smith,A.5.34; 5.31,01/02/2026\n\
                Computer Misuse Act 1990,No unauthorised access,,ann@example.com,,\n";
    let f = file(dir.path(), "Legal register.csv", text);
    let report = run(&mut vault, Kind::Requirements, &f, None, false).unwrap();
    assert_eq!(report.created, 2, "{:#?}", report.lines);
    let list = isms_core::requirements::list(vault.reader()).unwrap();
    assert!(
        list.iter()
            .all(|r| r.source == isms_core::requirements::RequirementSource::Law)
    );
    let gdpr = list.iter().find(|r| r.title == "UK GDPR").unwrap();
    assert_eq!(gdpr.controls, ["5.31", "5.34"], "in the standard's order");
    assert!(gdpr.party_id.is_some() && gdpr.owner_id.is_some());
    assert_eq!(
        gdpr.reviewed_on.map(|d| d.to_string()),
        Some("2026-02-01".into())
    );
}

#[test]
fn the_demo_registers_round_trip_through_their_workbooks() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_vault(dir.path());
    let mut copy = empty_vault(dir.path(), "copy.isms");
    // What the registers name must exist first: people, assets and the context's parties.
    for (kind, name) in [
        (SheetKind::People, "people.xlsx"),
        (SheetKind::Assets, "assets.xlsx"),
    ] {
        let out = export(&demo, kind, dir.path(), name);
        let kind = Kind::parse(kind.as_str()).unwrap();
        run(&mut copy, kind, &out, None, false).unwrap();
    }
    for party in isms_core::context::list_parties(demo.reader()).unwrap() {
        isms_core::context::create_party(&mut copy, stamp(), party).unwrap();
    }
    for (kind, name, sheet) in [
        (SheetKind::Suppliers, "suppliers.xlsx", "Suppliers"),
        (SheetKind::Incidents, "incidents.xlsx", "Incidents"),
        (SheetKind::Requirements, "requirements.xlsx", "Requirements"),
    ] {
        let out = export(&demo, kind, dir.path(), name);
        let report = run(
            &mut copy,
            Kind::parse(kind.as_str()).unwrap(),
            &out,
            Some(sheet),
            false,
        )
        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(report.created > 0, "{name}: {:#?}", report.lines);
        let back = export(&copy, kind, dir.path(), &format!("back-{name}"));
        let (a, b) = (cells(&out, sheet), cells(&back, sheet));
        // Documents are not in the copy: the requirements' document column comes back empty.
        let keep = |rows: Vec<Vec<String>>| -> Vec<Vec<String>> {
            rows.into_iter()
                .map(|r| {
                    r.into_iter()
                        .enumerate()
                        .map(|(i, c)| {
                            if sheet == "Requirements" && i == 8 {
                                String::new()
                            } else {
                                c
                            }
                        })
                        .collect()
                })
                .collect()
        };
        assert_eq!(keep(a), keep(b), "{name} comes back the same");
    }
}
