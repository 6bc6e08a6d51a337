//! The sheets beside a supplier register (every review with its note, every certificate with
//! its days) and beside the competence evidence (who holds each role since when), in
//! hand-made workbooks, with a bad cell of each named and nothing written.

use isms_core::competence;
use isms_core::suppliers;
use isms_sheets::read::Kind;

use super::sides::{import_book, workbook};
use super::*;

const SUPPLIERS: &[&[&str]] = &[
    &[
        "Supplier",
        "Service",
        "Last review",
        "Review outcome",
        "Certificates",
        "Certificate expiry",
    ],
    &[
        "CloudCo",
        "Hosting",
        "2026-02-01",
        "Satisfactory",
        "ISO 27001",
        "2027-01-31",
    ],
];

#[test]
fn reviews_with_their_notes_and_certificates_with_their_days_come_in_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let reviews: &[&[&str]] = &[
        &["Supplier", "Reviewed on", "Outcome", "Note"],
        &[
            "CloudCo",
            "2025-02-03",
            "Actions needed",
            "Pen test report missing",
        ],
        &["CloudCo", "2026-02-01", "Satisfactory", "Report received"],
    ];
    let certificates: &[&[&str]] = &[
        &["Supplier", "Certificate", "Issued on", "Expires on"],
        &["CloudCo", "ISO 27001", "2024-02-01", "2027-01-31"],
        &["CloudCo", "SOC 2 Type II", "2025-09-30", ""],
    ];
    let f = workbook(
        dir.path(),
        "suppliers.xlsx",
        &[
            ("Suppliers", SUPPLIERS),
            ("Supplier reviews", reviews),
            ("Supplier certificates", certificates),
        ],
    );
    let dry = import_book(&mut vault, Kind::Suppliers, &f, true).unwrap();
    assert!(
        dry.lines[0].contains(
            "reviews of 2025-02-03, 2026-02-01 and certificates ISO 27001, SOC 2 Type II"
        ),
        "{:#?}",
        dry.lines
    );
    import_book(&mut vault, Kind::Suppliers, &f, false).unwrap();
    let s = &suppliers::list(vault.reader()).unwrap()[0];
    let mut notes: Vec<(String, String)> = s
        .reviews
        .iter()
        .map(|r| (r.reviewed_on.to_string(), r.note.clone()))
        .collect();
    notes.sort();
    assert_eq!(
        notes,
        [
            (
                "2025-02-03".to_owned(),
                "Pen test report missing".to_owned()
            ),
            ("2026-02-01".to_owned(), "Report received".to_owned())
        ],
        "the row's last review is the sheet's, with its note, not a second one"
    );
    let iso = s
        .certificates
        .iter()
        .find(|c| c.title == "ISO 27001")
        .unwrap();
    assert_eq!(
        iso.issued_on,
        "2024-02-01".parse().ok(),
        "the issue day is read"
    );
    assert_eq!(s.certificates.len(), 2, "ISO 27001 once");

    let again = import_book(&mut vault, Kind::Suppliers, &f, false).unwrap();
    assert_eq!(again.unchanged, 1, "nothing new: {:#?}", again.lines);
    let s = &suppliers::list(vault.reader()).unwrap()[0];
    assert_eq!((s.reviews.len(), s.certificates.len()), (2, 2));
}

#[test]
fn a_bad_review_or_certificate_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let reviews: &[&[&str]] = &[
        &["Supplier", "Reviewed on", "Outcome", "Note"],
        &["CloudCo", "2025-02-03", "So-so", ""],
        &["MailCo", "2025-02-03", "Satisfactory", ""],
    ];
    let certificates: &[&[&str]] = &[
        &["Supplier", "Certificate", "Issued on", "Expires on"],
        &["CloudCo", "ISO 27001", "2025-02-01", "2024-01-31"],
    ];
    let f = workbook(
        dir.path(),
        "suppliers.xlsx",
        &[
            ("Suppliers", SUPPLIERS),
            ("Supplier reviews", reviews),
            ("Supplier certificates", certificates),
        ],
    );
    let before = state(&vault);
    let err = import_book(&mut vault, Kind::Suppliers, &f, false).unwrap_err();
    // Sheet names with spaces are quoted in addresses, as Excel writes them.
    let cells: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    for cell in [
        "'Supplier reviews'!C2",
        "'Supplier reviews'!A3",
        "'Supplier certificates'!D2",
    ] {
        assert!(cells.contains(&cell), "{cell} is named: {:#?}", err.fields);
    }
    assert_eq!(state(&vault), before, "nothing written");
}

const EVIDENCE: &[&[&str]] = &[
    &["E-mail", "Roles", "Kind", "Title", "Obtained"],
    &[
        "ann@example.com",
        "Risk owner",
        "Training",
        "Risk workshop",
        "2025-03-01",
    ],
];

#[test]
fn role_holders_are_assigned_with_their_day() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(
        &mut vault,
        &[
            ("Ann Smith", "ann@example.com"),
            ("Bob Jones", "bob@example.com"),
        ],
    );
    let holders: &[&[&str]] = &[
        &["Role", "Name", "E-mail", "Assigned on"],
        &["Risk owner", "Ann Smith", "ann@example.com", "2025-03-02"],
        // Bob has no evidence row: the sheet alone assigns him.
        &["Internal auditor", "Bob Jones", "", "2025-04-01"],
    ];
    let f = workbook(
        dir.path(),
        "competence.xlsx",
        &[("Competence", EVIDENCE), ("Role holders", holders)],
    );
    let report = import_book(&mut vault, Kind::Competence, &f, false).unwrap();
    assert!(
        report.lines[0]
            .contains("assign Bob Jones <bob@example.com> to Internal auditor since 2025-04-01"),
        "{:#?}",
        report.lines
    );
    let roles = competence::list_roles(vault.reader()).unwrap();
    let people = isms_core::people::list(vault.reader()).unwrap();
    let mut got: Vec<(String, String, Option<chrono::NaiveDate>)> =
        competence::list_assignments(vault.reader())
            .unwrap()
            .into_iter()
            .map(|a| {
                let role = roles
                    .iter()
                    .find(|r| r.id == a.role_id)
                    .unwrap()
                    .name
                    .clone();
                let who = people
                    .iter()
                    .find(|p| p.id == a.person_id)
                    .unwrap()
                    .email
                    .clone();
                (role, who, a.assigned_on)
            })
            .collect();
    got.sort();
    assert_eq!(
        got,
        [
            (
                "Internal auditor".to_owned(),
                "bob@example.com".to_owned(),
                "2025-04-01".parse().ok()
            ),
            (
                "Risk owner".to_owned(),
                "ann@example.com".to_owned(),
                "2025-03-02".parse().ok()
            ),
        ]
    );
    let again = import_book(&mut vault, Kind::Competence, &f, false).unwrap();
    assert_eq!(
        (again.created, again.unchanged),
        (0, 1),
        "{:#?}",
        again.lines
    );
    assert_eq!(
        competence::list_assignments(vault.reader()).unwrap().len(),
        2,
        "assigned once"
    );
}

#[test]
fn an_unknown_role_or_holder_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Ann Smith", "ann@example.com")]);
    let holders: &[&[&str]] = &[
        &["Role", "Name", "E-mail", "Assigned on"],
        &["Chief wizard", "Ann Smith", "", "2025-03-02"],
        &["Risk owner", "", "zed@example.com", "soon"],
    ];
    let f = workbook(
        dir.path(),
        "competence.xlsx",
        &[("Competence", EVIDENCE), ("Role holders", holders)],
    );
    let before = state(&vault);
    let err = import_book(&mut vault, Kind::Competence, &f, false).unwrap_err();
    let cells: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    for cell in [
        "'Role holders'!A2",
        "'Role holders'!C3",
        "'Role holders'!D3",
    ] {
        assert!(cells.contains(&cell), "{cell} is named: {:#?}", err.fields);
    }
    assert_eq!(state(&vault), before, "nothing written");
}
