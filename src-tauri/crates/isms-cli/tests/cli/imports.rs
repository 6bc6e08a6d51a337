//! Imports from the command line: training CSV and spreadsheet registers, all or nothing.

use super::{PASS, isms, stderr, stdout};

#[test]
fn import_training_names_the_bad_row_and_writes_nothing_then_imports_a_good_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let vault = d.join("acme.isms");
    assert!(
        isms(d, &["new", "acme.isms", "--org", "Acme"], PASS)
            .status
            .success()
    );
    {
        use isms_core::people::{self, Person};
        use isms_core::training::{self, Course, CourseKind};
        let stamp = isms_core::Stamp::new(chrono::Utc::now(), "test");
        let mut v = isms_core::Vault::open(
            &vault,
            isms_core::Passphrase::new(PASS.into()),
            &d.join("b"),
            &stamp,
        )
        .unwrap();
        people::create(
            &mut v,
            stamp.clone(),
            Person::new("Anna", "anna@acme.example"),
        )
        .unwrap();
        let course = Course {
            id: 0,
            title: "Awareness".into(),
            kind: CourseKind::Awareness,
            validity_months: Some(12),
        };
        training::create_course(&mut v, stamp, course).unwrap();
    }
    std::fs::write(d.join("bad.csv"), "email,course,date\nanna@acme.example,Awareness,2026-03-01\nzed@acme.example,Awareness,2026-03-01\n").unwrap();
    let bad = isms(d, &["import", "acme.isms", "training", "bad.csv"], PASS);
    assert_eq!(bad.status.code(), Some(9));
    assert!(stderr(&bad).contains("row 3.email"), "{}", stderr(&bad));
    std::fs::write(
        d.join("good.csv"),
        "email,course,date\nanna@acme.example,Awareness,2026-03-01\n",
    )
    .unwrap();
    let dry = isms(
        d,
        &["import", "acme.isms", "training", "good.csv", "--dry-run"],
        PASS,
    );
    assert!(
        stdout(&dry).contains("would import 1") && stdout(&dry).contains("nothing written"),
        "{}",
        stdout(&dry)
    );
    let real = isms(d, &["import", "acme.isms", "training", "good.csv"], PASS);
    assert!(stdout(&real).contains("imported 1"), "{}", stdout(&real));
    let info = isms(d, &["info", "acme.isms", "--json"], PASS);
    let info: serde_json::Value = serde_json::from_str(&stdout(&info)).unwrap();
    assert_eq!(
        info["counts"]["completions"], 1,
        "the bad file wrote nothing, the good one one row"
    );
}

#[test]
fn import_sheets_people_then_soa_with_a_mapping_file_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(
        isms(d, &["new", "acme.isms", "--org", "Acme"], PASS)
            .status
            .success()
    );
    std::fs::write(
        d.join("staff.csv"),
        "Name;E-mail;Job title\nAnn Smith;ann@acme.example;CEO\n",
    )
    .unwrap();
    let people = isms(d, &["import", "acme.isms", "people", "staff.csv"], PASS);
    assert!(people.status.success(), "{}", stderr(&people));
    assert!(stdout(&people).contains("created 1"), "{}", stdout(&people));
    assert!(
        stdout(&people).contains("Backup written first"),
        "{}",
        stdout(&people)
    );
    let soa = "Ref,In?,Why,Who\nA.5.1,Y,Required,Ann Smith\nA.5.7,N,,Nobody\n";
    std::fs::write(d.join("soa.csv"), soa).unwrap();
    std::fs::write(
        d.join("map.json"),
        r#"{"columns": {"Ref": "control_id", "In?": "applicable", "Why": "justification", "Who": "owner"}}"#,
    )
    .unwrap();
    let args = [
        "import",
        "acme.isms",
        "soa",
        "soa.csv",
        "--mapping",
        "map.json",
    ];
    let bad = isms(d, &args, PASS);
    assert_eq!(bad.status.code(), Some(9), "{}", stderr(&bad));
    let err = stderr(&bad);
    assert!(err.contains("soa!C3 (Why)"), "{err}");
    assert!(err.contains("soa!D3 (Who): Nobody in the vault"), "{err}");
    std::fs::write(d.join("soa.csv"), soa.replace(",,Nobody", ",Too small,")).unwrap();
    let mut dry = args.to_vec();
    dry.push("--dry-run");
    let dry = isms(d, &dry, PASS);
    assert!(
        stdout(&dry).contains("would update 2") && stdout(&dry).contains("dry run"),
        "{}",
        stdout(&dry)
    );
    let real = isms(d, &args, PASS);
    assert!(stdout(&real).contains("updated 2"), "{}", stdout(&real));
    let unknown = isms(d, &["import", "acme.isms", "widgets", "soa.csv"], PASS);
    assert_eq!(unknown.status.code(), Some(9));
}

#[test]
fn a_whole_vault_goes_out_as_one_workbook_and_comes_back_into_a_new_vault() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ok = |o: std::process::Output| {
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };
    ok(isms(d, &["demo", "nw.isms", "--at", "stage2-ready"], PASS));
    let out = ok(isms(
        d,
        &[
            "export-sheet",
            "nw.isms",
            "all",
            "--out",
            "isms.xlsx",
            "--evidence-dir",
            "files",
        ],
        PASS,
    ));
    assert!(out.contains("every register"), "{out}");
    let files = std::fs::read_dir(d.join("files")).unwrap().count();
    assert!(
        files > 0,
        "the evidence files are written beside the workbook"
    );
    ok(isms(d, &["new", "copy.isms", "--org", "Northwind"], PASS));
    // Without the files nothing is imported: the workbook lists evidence.
    let refused = isms(d, &["import", "copy.isms", "all", "isms.xlsx"], PASS);
    assert_eq!(refused.status.code(), Some(9), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("--evidence-dir"),
        "{}",
        stderr(&refused)
    );
    let args = [
        "import",
        "copy.isms",
        "all",
        "isms.xlsx",
        "--evidence-dir",
        "files",
    ];
    let done = ok(isms(d, &args, PASS));
    assert!(done.contains("Backup written first"), "{done}");
    let snap = |v: &str| ok(isms(d, &["snapshot", "export", v], PASS));
    assert_eq!(snap("copy.isms"), snap("nw.isms"), "the same vault");
    let again = ok(isms(d, &args, PASS));
    assert!(again.contains("nothing changed"), "{again}");
}

/// A vault from `isms new` with two people in it.
fn vault_with_people(d: &std::path::Path) {
    assert!(
        isms(d, &["new", "acme.isms", "--org", "Acme"], PASS)
            .status
            .success()
    );
    std::fs::write(
        d.join("staff.csv"),
        "Name,E-mail\nAnn Smith,ann@acme.example\nBo Jones,bo@acme.example\n",
    )
    .unwrap();
    let people = isms(d, &["import", "acme.isms", "people", "staff.csv"], PASS);
    assert!(people.status.success(), "{}", stderr(&people));
}

#[test]
fn an_unknown_owner_is_said_once_and_mapped_through_values() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    vault_with_people(d);
    std::fs::write(
        d.join("assets.csv"),
        "Asset,Owner\nLaptops,Head of IT\nServers,Head of IT\nPhones,Head of IT\n",
    )
    .unwrap();
    let bad = isms(d, &["import", "acme.isms", "assets", "assets.csv"], PASS);
    assert_eq!(bad.status.code(), Some(9));
    let err = stderr(&bad);
    assert_eq!(
        err.matches("is called “Head of IT”").count(),
        1,
        "the value once, not once per row: {err}"
    );
    assert!(err.contains("assets!B2, B3, B4 (Owner)"), "{err}");
    assert!(err.contains("\"values\""), "it says how to map it: {err}");
    assert_eq!(
        err.lines().count(),
        2,
        "the summary once, the problem once: {err}"
    );
    std::fs::write(
        d.join("map.json"),
        r#"{"values": {"owner": {"Head of IT": "bo@acme.example"}}}"#,
    )
    .unwrap();
    let good = isms(
        d,
        &[
            "import",
            "acme.isms",
            "assets",
            "assets.csv",
            "--mapping",
            "map.json",
        ],
        PASS,
    );
    assert!(good.status.success(), "{}", stderr(&good));
    assert!(stdout(&good).contains("created 3"), "{}", stdout(&good));
    assert!(
        stdout(&good).contains("owner “head of it” → “bo@acme.example”"),
        "the values are shown with the mapping: {}",
        stdout(&good)
    );
}

#[test]
fn a_sheet_not_in_the_workbook_lists_its_sheets_and_says_how_to_choose() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    vault_with_people(d);
    let out = isms(
        d,
        &[
            "export-sheet",
            "acme.isms",
            "people",
            "--out",
            "people.xlsx",
        ],
        PASS,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let bad = isms(
        d,
        &[
            "import",
            "acme.isms",
            "people",
            "people.xlsx",
            "--sheet",
            "Staff",
        ],
        PASS,
    );
    assert_eq!(bad.status.code(), Some(9));
    let err = stderr(&bad);
    assert!(
        err.contains("no sheet “Staff”; its sheets are “People”") && err.contains("--sheet NAME"),
        "{err}"
    );
}

#[test]
fn create_missing_lists_then_creates_courses_with_the_completions() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    vault_with_people(d);
    std::fs::write(
        d.join("training.csv"),
        "email,course,date\nann@acme.example,Awareness 2026,2026-03-01\nbo@acme.example,Awareness 2026,2026-03-02\n",
    )
    .unwrap();
    let args = ["import", "acme.isms", "training", "training.csv"];
    let refused = isms(d, &args, PASS);
    assert_eq!(refused.status.code(), Some(9));
    assert!(
        stderr(&refused).contains("--create-missing"),
        "{}",
        stderr(&refused)
    );
    let mut dry = args.to_vec();
    dry.extend(["--create-missing", "--dry-run"]);
    let dry = isms(d, &dry, PASS);
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(
        stdout(&dry).contains("new course: “Awareness 2026” (awareness)")
            && stdout(&dry).contains("would import 2"),
        "{}",
        stdout(&dry)
    );
    let info = |d: &std::path::Path| -> serde_json::Value {
        serde_json::from_str(&stdout(&isms(d, &["info", "acme.isms", "--json"], PASS))).unwrap()
    };
    assert_eq!(info(d)["counts"]["courses"], 0, "the dry run wrote nothing");
    let mut real = args.to_vec();
    real.push("--create-missing");
    let real = isms(d, &real, PASS);
    assert!(real.status.success(), "{}", stderr(&real));
    assert_eq!(info(d)["counts"]["courses"], 1);
    assert_eq!(info(d)["counts"]["completions"], 2);
    let other = isms(
        d,
        &[
            "import",
            "acme.isms",
            "people",
            "staff.csv",
            "--create-missing",
        ],
        PASS,
    );
    assert_eq!(
        other.status.code(),
        Some(9),
        "only training and acknowledgements"
    );
}

#[test]
fn a_risk_workbook_imports_with_its_actions_and_approvals() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ok = |args: &[&str]| {
        let out = isms(d, args, PASS);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    ok(&["demo", "--at", "stage2-ready", "demo.isms"]);
    for kind in ["people", "assets", "risks"] {
        ok(&[
            "export-sheet",
            "demo.isms",
            kind,
            "--out",
            &format!("{kind}.xlsx"),
        ]);
    }
    ok(&["new", "fresh.isms", "--org", "Northwind"]);
    ok(&["import", "fresh.isms", "people", "people.xlsx"]);
    ok(&["import", "fresh.isms", "assets", "assets.xlsx"]);
    ok(&["method", "set", "fresh.isms", "--common"]);
    let said = ok(&["import", "fresh.isms", "risks", "risks.xlsx"]);
    for words in [
        "Sheet “Actions”, header row 1: A “Reference” → reference, B “Action” → title",
        "Sheet “Approvals”, header row 1:",
        ": create action “",
        "Approvals!2: create approval “Treatment plan approved” of R-",
        "Also read with the register: sheet “Actions” (",
    ] {
        assert!(said.contains(words), "“{words}” in {said}");
    }
    let again = ok(&["import", "fresh.isms", "risks", "risks.xlsx"]);
    assert!(again.contains("created 0, updated 0"), "{again}");
}

#[test]
fn the_audit_programme_imports_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    vault_with_people(d);
    std::fs::write(
        d.join("audits.csv"),
        "Reference,Title,Planned month,Clauses,Auditor,Status,Completed on\n\
         IA-001,Leadership,2026-03,5,Ann Smith,Completed,2026-03-20\n\
         IA-002,Suppliers,September 2026,,bo@acme.example,Planned,\n",
    )
    .unwrap();
    let args = ["import", "acme.isms", "audits", "audits.csv"];
    let dry = isms(d, &[&args[..], &["--dry-run"]].concat(), PASS);
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(
        stdout(&dry).contains("IA-002 “Suppliers”"),
        "{}",
        stdout(&dry)
    );
    let real = isms(d, &args, PASS);
    assert!(real.status.success(), "{}", stderr(&real));
    assert!(stdout(&real).contains("created 2"), "{}", stdout(&real));
    let again = isms(d, &args, PASS);
    assert!(stdout(&again).contains("2 unchanged"), "{}", stdout(&again));
}
