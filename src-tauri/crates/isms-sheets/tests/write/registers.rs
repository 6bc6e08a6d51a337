//! Every register of the demo company exported and read back: the sheets, their headers, one
//! row per record, dates as dates, names with their accents, the same bytes twice.

use calamine::{Data, DataType, Reader};
use isms_core::acknowledgements;
use isms_core::training;
use isms_sheets::write::{self, SheetKind};

use super::{as_day, body_rows, column, demo_vault, export, headers, open, part, today};

fn sheet_names(kind: SheetKind) -> &'static [&'static str] {
    match kind {
        SheetKind::Risks => &[
            "Risks",
            "Actions",
            "Approvals",
            "Method",
            "Inherent heat map",
            "Residual heat map",
        ],
        SheetKind::Soa => &["SoA"],
        SheetKind::Assets => &["Assets"],
        SheetKind::People => &["People"],
        SheetKind::Tracker => &["Tracker"],
        SheetKind::Documents => &["Documents", "Versions"],
        SheetKind::Audits => &["Audits"],
        SheetKind::Training => &["Training", "Completions", "Courses"],
        SheetKind::Acknowledgements => &["Acknowledgements"],
        SheetKind::Competence => &["Competence", "Roles", "Role holders"],
        SheetKind::Measures => &["Measures", "Results"],
        SheetKind::Suppliers => &["Suppliers", "Supplier reviews", "Supplier certificates"],
        SheetKind::Incidents => &["Incidents"],
        SheetKind::Requirements => &["Requirements"],
    }
}

#[test]
fn every_register_has_its_sheets_and_one_row_per_record() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(dir.path());
    let conn = vault.reader();
    let acks = acknowledgements::list(conn).unwrap();
    let docs = isms_core::documents::list(conn).unwrap();
    let people = isms_core::people::list(conn).unwrap();
    let missing: usize = acknowledgements::status(&docs, &people, &acks, today())
        .iter()
        .map(|s| s.missing.len())
        .sum();
    let risks = isms_core::risks::list(conn).unwrap();
    let expected: Vec<(SheetKind, &str, usize)> = vec![
        (SheetKind::Risks, "Risks", risks.len()),
        (
            SheetKind::Risks,
            "Actions",
            risks.iter().map(|r| r.actions.len()).sum(),
        ),
        (
            SheetKind::Risks,
            "Approvals",
            risks.iter().map(|r| r.approvals.len()).sum(),
        ),
        (SheetKind::Soa, "SoA", 93),
        (
            SheetKind::Assets,
            "Assets",
            isms_core::assets::list(conn).unwrap().len(),
        ),
        (SheetKind::People, "People", people.len()),
        (
            SheetKind::Tracker,
            "Tracker",
            isms_core::tracker::list(conn).unwrap().len(),
        ),
        (SheetKind::Documents, "Documents", docs.len()),
        (
            SheetKind::Audits,
            "Audits",
            isms_core::audits::list(conn).unwrap().len(),
        ),
        (
            SheetKind::Training,
            "Training",
            people.iter().filter(|p| p.is_active(today())).count(),
        ),
        (
            SheetKind::Training,
            "Completions",
            training::list_completions(conn).unwrap().len(),
        ),
        (
            SheetKind::Training,
            "Courses",
            training::list_courses(conn).unwrap().len(),
        ),
        (
            SheetKind::Acknowledgements,
            "Acknowledgements",
            acks.len() + missing,
        ),
        (
            SheetKind::Competence,
            "Competence",
            isms_core::competence::list_evidence(conn).unwrap().len(),
        ),
        (
            SheetKind::Competence,
            "Roles",
            isms_core::competence::list_roles(conn).unwrap().len(),
        ),
        (
            SheetKind::Competence,
            "Role holders",
            isms_core::competence::list_assignments(conn).unwrap().len(),
        ),
        (
            SheetKind::Documents,
            "Versions",
            isms_core::documents::list(conn)
                .unwrap()
                .iter()
                .map(|d| d.versions.len())
                .sum(),
        ),
        (
            SheetKind::Measures,
            "Measures",
            isms_core::measures::list(conn).unwrap().len(),
        ),
        (
            SheetKind::Measures,
            "Results",
            isms_core::measures::results(conn, None)
                .unwrap()
                .iter()
                .filter(|r| r.measured_on <= today())
                .count(),
        ),
        (
            SheetKind::Suppliers,
            "Suppliers",
            isms_core::suppliers::list(conn).unwrap().len(),
        ),
        (
            SheetKind::Suppliers,
            "Supplier reviews",
            isms_core::suppliers::list(conn)
                .unwrap()
                .iter()
                .map(|s| s.reviews.len())
                .sum(),
        ),
        (
            SheetKind::Suppliers,
            "Supplier certificates",
            isms_core::suppliers::list(conn)
                .unwrap()
                .iter()
                .map(|s| s.certificates.len())
                .sum(),
        ),
        (
            SheetKind::Incidents,
            "Incidents",
            isms_core::incidents::list(conn).unwrap().len(),
        ),
        (
            SheetKind::Requirements,
            "Requirements",
            isms_core::requirements::list(conn).unwrap().len(),
        ),
    ];
    for kind in SheetKind::ALL {
        let out = export(&vault, kind, dir.path());
        assert_eq!(
            open(&out).sheet_names(),
            sheet_names(kind).to_vec(),
            "the sheets of {kind}"
        );
    }
    for (kind, sheet, rows) in expected {
        let out = dir.path().join(format!("{}.xlsx", kind.as_str()));
        assert!(rows > 0, "the demo company has {sheet} to export");
        assert_eq!(
            body_rows(&out, sheet),
            rows,
            "{kind}: {sheet} has one row per record"
        );
    }
}

#[test]
fn headers_are_the_words_an_importer_reads() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(dir.path());
    let starts: [(SheetKind, &str, &[&str]); 8] = [
        (
            SheetKind::Competence,
            "Competence",
            &[
                "E-mail", "Name", "Roles", "Kind", "Title", "Obtained", "Expires",
            ],
        ),
        (
            SheetKind::Risks,
            "Risks",
            &[
                "Reference",
                "Title",
                "Description",
                "Threat",
                "Vulnerability",
            ],
        ),
        (
            SheetKind::Soa,
            "SoA",
            &["Control ID", "Control title", "Theme", "Applicable"],
        ),
        (
            SheetKind::Assets,
            "Assets",
            &["Name", "Type", "Classification", "Owner", "E-mail"],
        ),
        (
            SheetKind::People,
            "People",
            &["Name", "E-mail", "Job title", "Department"],
        ),
        (
            SheetKind::Tracker,
            "Tracker",
            &["Reference", "Type", "Title"],
        ),
        (
            SheetKind::Documents,
            "Documents",
            &["Reference", "Title", "Kind", "Owner", "E-mail"],
        ),
        (
            SheetKind::Acknowledgements,
            "Acknowledgements",
            &[
                "Document",
                "Title",
                "Version",
                "Name",
                "E-mail",
                "Acknowledged on",
                "Method",
            ],
        ),
    ];
    for (kind, sheet, first) in starts {
        let out = export(&vault, kind, dir.path());
        let heads = headers(&out, sheet);
        assert_eq!(&heads[..first.len()], first, "{kind}: {heads:?}");
        let risks_cols = ["Likelihood", "Impact", "Treatment", "Owner", "E-mail"];
        if kind == SheetKind::Risks {
            for h in risks_cols {
                assert!(heads.iter().any(|x| x == h), "risks have {h}");
            }
        }
    }
}

#[test]
fn every_sheet_has_a_frozen_bold_header_a_filter_and_set_widths() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(dir.path());
    for kind in SheetKind::ALL {
        let out = export(&vault, kind, dir.path());
        for n in 1..=sheet_names(kind).len() {
            let xml = part(&out, &format!("xl/worksheets/sheet{n}.xml"));
            assert!(
                xml.contains(
                    r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
                ),
                "{kind} sheet {n}: the header row is frozen"
            );
            assert!(
                xml.contains("<autoFilter ref=\"A1:"),
                "{kind} sheet {n}: a filter"
            );
            assert!(
                xml.contains("customWidth=\"1\""),
                "{kind} sheet {n}: widths"
            );
            assert!(!xml.contains("<f>"), "{kind} sheet {n}: no formula at all");
        }
        let styles = part(&out, "xl/styles.xml");
        assert!(styles.contains("<b/>"), "{kind}: a bold header style");
    }
}

#[test]
fn dates_read_back_as_dates_and_references_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(dir.path());
    let items = isms_core::tracker::list(vault.reader()).unwrap();
    let out = export(&vault, SheetKind::Tracker, dir.path());
    let refs = column(&out, "Tracker", "Reference");
    let raised = column(&out, "Tracker", "Raised on");
    for (cell, date) in refs.iter().zip(&raised) {
        let item = items
            .iter()
            .find(|i| Some(i.reference.as_str()) == cell.get_string())
            .unwrap_or_else(|| panic!("a tracker reference as text: {cell:?}"));
        assert_eq!(
            as_day(date),
            Some(item.raised_on),
            "{}: raised on",
            item.reference
        );
    }
    let out = export(&vault, SheetKind::Soa, dir.path());
    let ids = column(&out, "SoA", "Control ID");
    assert_eq!(ids[0], Data::String("5.1".into()), "control ids are text");
    assert!(
        ids.contains(&Data::String("5.10".into())),
        "5.10 stays 5.10, never the number 5.1"
    );
    let out = export(&vault, SheetKind::People, dir.path());
    let starts = column(&out, "People", "Start date");
    assert!(
        starts.iter().any(|c| as_day(c).is_some()),
        "start dates are dates"
    );
    assert!(
        starts
            .iter()
            .all(|c| as_day(c).is_some() || *c == Data::Empty),
        "no start date is text: {starts:?}"
    );
}

#[test]
fn names_keep_their_accents() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(dir.path());
    let out = export(&vault, SheetKind::People, dir.path());
    let names = column(&out, "People", "Name");
    for name in ["Björn Håkansson", "Chloé Dubois", "Mehmet Yılmaz"] {
        assert!(
            names.contains(&Data::String(name.into())),
            "{name} in {names:?}"
        );
    }
}

#[test]
fn the_same_vault_and_day_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(dir.path());
    for kind in [SheetKind::Risks, SheetKind::Training] {
        let a = write::workbook(&vault, kind, today()).unwrap();
        let b = write::workbook(&vault, kind, today()).unwrap();
        assert!(a == b, "{kind}: deterministic");
    }
    let out = export(&vault, SheetKind::Assets, dir.path());
    let core = part(&out, "docProps/core.xml");
    assert!(
        core.contains("2026-06-15T00:00:00Z"),
        "created as of the day: {core}"
    );
}

#[test]
fn competence_rows_say_whether_each_piece_is_current_or_lapsed() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(dir.path());
    let out = export(&vault, SheetKind::Competence, dir.path());
    let heads = headers(&out, "Competence");
    let status = heads.iter().position(|h| h == "Status").unwrap();
    let title = heads.iter().position(|h| h == "Title").unwrap();
    let file = heads.iter().position(|h| h == "Evidence file").unwrap();
    let rows = column_rows(&out, "Competence");
    let cissp = rows
        .iter()
        .find(|r| r[title] == "CISSP")
        .expect("the lapsed certificate is listed");
    assert_eq!(
        cissp[status], "Lapsed",
        "it expired before Stage 1, before today"
    );
    let auditor = rows
        .iter()
        .find(|r| r[title] == "ISO/IEC 27001 Lead Auditor")
        .unwrap();
    assert_eq!(auditor[status], "Current");
    assert!(
        auditor[file].starts_with("Lead auditor certificate ") && auditor[file].ends_with(".txt"),
        "the auditor's own certificate file: {}",
        auditor[file]
    );
}

/// Every body row of `sheet` as text cells.
fn column_rows(out: &std::path::Path, sheet: &str) -> Vec<Vec<String>> {
    super::range(out, sheet)
        .rows()
        .skip(1)
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}
