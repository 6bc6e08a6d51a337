//! The `isms` binary, run as a user would, against real vault files in a temporary folder.

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

const PASS: &str = "correct horse battery staple";

fn isms(dir: &Path, args: &[&str], pass: &str) -> Output {
    Command::cargo_bin("isms")
        .unwrap()
        .current_dir(dir)
        .env("ISMS_PASSPHRASE", pass)
        .env("ISMS_BACKUP_DIR", dir.join("backups"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn new_info_check_backup() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = isms(d, &["new", "acme.isms", "--org", "Acme Søren Ltd"], PASS);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = isms(d, &["info", "acme.isms", "--json"], PASS);
    assert!(out.status.success(), "{}", stderr(&out));
    let info: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(info["organisation_name"], "Acme Søren Ltd");
    assert_eq!(info["schema_version"], isms_core::db::LATEST_VERSION);
    assert_eq!(info["counts"]["organisation"], 1);
    let out = isms(d, &["check", "acme.isms"], PASS);
    assert_eq!((out.status.code(), stdout(&out).trim()), (Some(0), "ok"));
    let out = isms(d, &["backup", "acme.isms", "--out", "copy.isms"], PASS);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = isms(d, &["info", "copy.isms"], PASS);
    assert!(
        stdout(&out).contains("Acme Søren Ltd"),
        "the backup opens: {}",
        stdout(&out)
    );
}

#[test]
fn errors_are_one_line_with_documented_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(
        isms(d, &["new", "acme.isms", "--org", "Acme"], PASS)
            .status
            .success()
    );
    let cases: [(&[&str], &str, i32); 5] = [
        (&["info", "acme.isms"], "wrong passphrase here", 4),
        (&["info", "missing.isms"], PASS, 3),
        (&["new", "acme.isms", "--org", "Again"], PASS, 8),
        (&["new", "short.isms", "--org", "Short"], "too short", 9),
        (&["info", "Cargo.toml"], PASS, 3),
    ];
    for (args, pass, code) in cases {
        let out = isms(d, args, pass);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.starts_with("isms: ") && err.lines().count() == 1,
            "{args:?}: {err}"
        );
        assert!(
            !err.contains(pass) || pass == PASS,
            "the passphrase is never echoed"
        );
    }
    std::fs::write(d.join("notes.txt"), "just some text, not a vault at all").unwrap();
    assert_eq!(isms(d, &["info", "notes.txt"], PASS).status.code(), Some(5));
}

#[test]
fn passwd_takes_the_new_passphrase_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(
        isms(d, &["new", "acme.isms", "--org", "Acme"], PASS)
            .status
            .success()
    );
    let new = "another long passphrase";
    let out = Command::cargo_bin("isms")
        .unwrap()
        .current_dir(d)
        .env("ISMS_PASSPHRASE", PASS)
        .env("ISMS_NEW_PASSPHRASE", new)
        .env("ISMS_BACKUP_DIR", d.join("backups"))
        .args(["passwd", "acme.isms"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        isms(d, &["info", "acme.isms"], PASS).status.code(),
        Some(4),
        "old fails"
    );
    assert!(
        isms(d, &["info", "acme.isms"], new).status.success(),
        "new works"
    );
}

#[test]
fn snapshot_round_trip_and_refusal_of_a_used_vault() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(
        isms(
            d,
            &["new", "a.isms", "--org", "Łukasz Wąs Sp. z o.o."],
            PASS
        )
        .status
        .success()
    );
    let first = isms(d, &["snapshot", "export", "a.isms"], PASS);
    assert!(first.status.success(), "{}", stderr(&first));
    std::fs::write(d.join("a.json"), &first.stdout).unwrap();
    assert!(
        isms(d, &["new", "b.isms", "--org", "Placeholder"], PASS)
            .status
            .success()
    );
    let out = isms(d, &["snapshot", "import", "b.isms", "a.json"], PASS);
    assert!(out.status.success(), "{}", stderr(&out));
    let second = isms(
        d,
        &["snapshot", "export", "b.isms", "--out", "b.json"],
        PASS,
    );
    assert!(second.status.success(), "{}", stderr(&second));
    assert_eq!(
        std::fs::read(d.join("b.json")).unwrap(),
        first.stdout,
        "export → import → export is identical"
    );
    let again = isms(d, &["snapshot", "import", "b.isms", "a.json"], PASS);
    assert_eq!(
        again.status.code(),
        Some(10),
        "b.isms now holds an import: {}",
        stderr(&again)
    );
    std::fs::write(d.join("bad.json"), "{\"format\":\"something else\"}").unwrap();
    assert!(
        isms(d, &["new", "c.isms", "--org", "C"], PASS)
            .status
            .success()
    );
    let bad = isms(d, &["snapshot", "import", "c.isms", "bad.json"], PASS);
    assert_eq!(bad.status.code(), Some(10));
    assert!(
        stderr(&bad).contains("not an ISMS Desk snapshot"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn evidence_add_and_get_round_trip_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(
        isms(d, &["new", "acme.isms", "--org", "Acme"], PASS)
            .status
            .success()
    );
    let bytes: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(d.join("scan.pdf"), &bytes).unwrap();
    let out = isms(
        d,
        &[
            "evidence",
            "add",
            "acme.isms",
            "scan.pdf",
            "--link",
            "A.8.13",
            "--effective",
            "2026-03-31",
        ],
        PASS,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let line = stdout(&out);
    let (id, sha) = line.trim().split_once('\t').expect("id and SHA-256");
    assert_eq!(sha.len(), 64);
    let out = isms(
        d,
        &["evidence", "get", "acme.isms", id, "--out", "back.pdf"],
        PASS,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(d.join("back.pdf")).unwrap(), bytes);
    let again = isms(
        d,
        &["evidence", "get", "acme.isms", id, "--out", "back.pdf"],
        PASS,
    );
    assert_eq!(again.status.code(), Some(8), "never overwrites");
    let bad = isms(
        d,
        &[
            "evidence",
            "add",
            "acme.isms",
            "scan.pdf",
            "--link",
            "R-404",
        ],
        PASS,
    );
    assert_eq!(bad.status.code(), Some(9), "{}", stderr(&bad));
}

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
fn readiness_prints_rules_as_text_or_json_and_exits_0_either_way() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = isms(d, &["new", "acme.isms", "--org", "Acme"], PASS);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = isms(
        d,
        &[
            "readiness",
            "acme.isms",
            "--stage",
            "1",
            "--as-of",
            "2026-06-01",
        ],
        PASS,
    );
    assert_eq!(out.status.code(), Some(0), "not ready is not an error");
    let text = stdout(&out);
    assert!(
        text.starts_with("Stage 1 readiness of Acme as of 2026-06-01: NOT READY"),
        "{text}"
    );
    assert!(text.contains("FAIL  S1-SCOPE  [4.3]  No scope statement is recorded."));
    assert!(text.contains("→ Write the ISMS scope statement"));
    let out = isms(
        d,
        &[
            "readiness",
            "acme.isms",
            "--stage",
            "2",
            "--as-of",
            "2026-06-01",
            "--json",
        ],
        PASS,
    );
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["stage"], 2);
    assert_eq!(report["as_of"], "2026-06-01");
    assert_eq!(report["ready"], false);
    let rules = report["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 12);
    let audits = rules.iter().find(|r| r["id"] == "S2-AUDITS").unwrap();
    assert_eq!(audits["status"], "fail");
    assert_eq!(audits["clause"], "9.2");
    assert_eq!(audits["records"][0]["kind"], "organisation");
    assert_eq!(audits["records"][0]["ref"], "Organisation");
    assert!(audits["fix"].as_str().unwrap().contains("Stage 1 date"));
    // A stage other than 1 or 2 is a usage error.
    let out = isms(d, &["readiness", "acme.isms", "--stage", "3"], PASS);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn demo_makes_the_same_company_every_time_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in ["a.isms", "b.isms"] {
        let out = isms(d, &["demo", name, "--at", "stage2-ready"], PASS);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stdout(&out).contains("Northwind Analytics Ltd"));
    }
    let export = |name: &str| {
        let out = isms(d, &["snapshot", "export", name], PASS);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    assert_eq!(
        export("a.isms"),
        export("b.isms"),
        "--today defaults to a fixed date"
    );
    let out = isms(
        d,
        &[
            "readiness",
            "a.isms",
            "--stage",
            "2",
            "--as-of",
            "2026-06-15",
            "--json",
        ],
        PASS,
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["ready"], true, "{}", stdout(&out));
    let out = isms(d, &["demo", "a.isms", "--at", "operating"], PASS);
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    let out = isms(d, &["demo", "c.isms", "--at", "stage3"], PASS);
    assert_eq!(out.status.code(), Some(2), "wrong usage: {}", stderr(&out));
    let out = isms(
        d,
        &[
            "demo",
            "c.isms",
            "--at",
            "operating",
            "--today",
            "2027-01-10",
        ],
        PASS,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = isms(
        d,
        &["demo", "d.isms", "--at", "empty", "--scale", "large"],
        PASS,
    );
    assert_eq!(out.status.code(), Some(9), "{}", stderr(&out));
}

/// A bundle written by the library on the demo company; `isms verify` checks it with no vault
/// and no passphrase, then catches and names a changed byte, a removed and an added file.
#[test]
fn verify_passes_a_fresh_bundle_and_names_every_file_at_fault() {
    use std::io::{Read, Write};

    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let pdf = b"%PDF-1.7\n% the pack's pages would be here\n%%EOF\n";
    let vault = isms_core::demo::create(
        &d.join("northwind.isms"),
        isms_core::Passphrase::new(PASS.into()),
        isms_core::demo::DemoPoint::Stage2Ready,
        isms_core::demo::DemoScale::Small,
        chrono::NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
    )
    .unwrap();
    let records: Vec<String> = isms_core::documents::list(vault.reader())
        .unwrap()
        .into_iter()
        .map(|doc| doc.reference)
        .chain(["6.3".to_owned()])
        .collect();
    let manifest = isms_export::bundle::write_bundle(
        &vault,
        "Stage 2 pack.pdf",
        pdf,
        &records,
        &d.join("pack.zip"),
        &mut isms_export::bundle::unwatched,
    )
    .unwrap();
    vault.close().unwrap();
    assert!(
        manifest.files.len() > 10,
        "the PDF, document files and certificates"
    );

    let out = isms(d, &["verify", "pack.zip"], "no passphrase is asked");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("ok: {} files verified\n", manifest.files.len())
    );

    // One byte of the stored PDF flipped in place.
    let mut raw = std::fs::read(d.join("pack.zip")).unwrap();
    let at = raw.windows(pdf.len()).position(|w| w == pdf).unwrap();
    raw[at + 12] ^= 0x20;
    std::fs::write(d.join("flipped.zip"), raw).unwrap();
    let out = isms(d, &["verify", "flipped.zip"], PASS);
    assert_eq!(out.status.code(), Some(14), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("altered: Stage 2 pack.pdf: "),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        stderr(&out).lines().count(),
        1,
        "a one-line summary: {}",
        stderr(&out)
    );

    // The first certificate removed, a file slipped in.
    let gone = manifest
        .files
        .iter()
        .find(|f| f.path.starts_with("evidence/6.3/"))
        .unwrap()
        .path
        .clone();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(d.join("pack.zip")).unwrap()).unwrap();
    let mut changed = zip::ZipWriter::new(std::fs::File::create(d.join("changed.zip")).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name != gone {
            changed.start_file(name, options).unwrap();
            changed.write_all(&bytes).unwrap();
        }
    }
    changed
        .start_file("evidence/6.3/extra.txt", options)
        .unwrap();
    changed.write_all(b"not in the manifest").unwrap();
    changed.finish().unwrap();
    let out = isms(d, &["verify", "changed.zip"], PASS);
    assert_eq!(out.status.code(), Some(14), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("missing: {gone}\nextra: evidence/6.3/extra.txt\n")
    );
    assert!(
        stderr(&out).contains("1 missing, 1 extra, 0 altered"),
        "{}",
        stderr(&out)
    );

    std::fs::write(d.join("notes.zip"), "not a zip at all").unwrap();
    assert_eq!(
        isms(d, &["verify", "notes.zip"], PASS).status.code(),
        Some(9)
    );
    assert_eq!(
        isms(d, &["verify", "none.zip"], PASS).status.code(),
        Some(3)
    );
}

#[test]
fn export_writes_each_pack_as_pdf_or_bundle_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let made = isms(d, &["demo", "nw.isms", "--at", "operating"], PASS);
    assert!(made.status.success(), "{}", stderr(&made));
    let export = |pack: &str, out: &str| {
        isms(
            d,
            &[
                "export",
                "nw.isms",
                "--pack",
                pack,
                "--out",
                out,
                "--as-of",
                "2026-06-15",
            ],
            PASS,
        )
    };
    for pack in ["stage1", "stage2", "cap", "soa", "gaps"] {
        let out = export(pack, &format!("{pack}.pdf"));
        assert!(out.status.success(), "{pack}: {}", stderr(&out));
        assert!(
            stdout(&out).contains(&format!("{pack}.pdf")),
            "{}",
            stdout(&out)
        );
        let bytes = std::fs::read(d.join(format!("{pack}.pdf"))).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{pack}: a PDF");
        let check = std::process::Command::new("qpdf")
            .arg("--check")
            .arg(d.join(format!("{pack}.pdf")))
            .output()
            .expect("qpdf is installed by make deps");
        assert!(check.status.success(), "{pack}: qpdf --check");
    }
    let out = export("stage2", "again.pdf");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::read(d.join("again.pdf")).unwrap() == std::fs::read(d.join("stage2.pdf")).unwrap(),
        "the same vault and day give the same bytes"
    );

    let before = std::fs::read(d.join("cap.pdf")).unwrap();
    let out = export("cap", "cap.pdf");
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(d.join("cap.pdf")).unwrap(),
        before,
        "untouched"
    );

    assert_eq!(
        export("cap", "cap.txt").status.code(),
        Some(9),
        "not .pdf or .zip"
    );
    assert_eq!(
        export("audit", "x.pdf").status.code(),
        Some(2),
        "no such pack"
    );
    let out = isms(
        d,
        &["export", "missing.isms", "--pack", "cap", "--out", "m.pdf"],
        PASS,
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(!d.join("m.pdf").exists());

    let out = export("stage2", "stage2.zip");
    assert!(out.status.success(), "{}", stderr(&out));
    let out = isms(d, &["verify", "stage2.zip"], "no passphrase is asked");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(export("stage2", "stage2.zip").status.code(), Some(8));

    let left: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial") || n.starts_with(".isms-export"))
        .collect();
    assert!(left.is_empty(), "no partial file left: {left:?}");
}

#[test]
fn export_sheet_writes_a_register_as_xlsx_and_never_overwrites() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let made = isms(d, &["demo", "nw.isms", "--at", "stage2-ready"], PASS);
    assert!(made.status.success(), "{}", stderr(&made));
    let sheet = |kind: &str, out: &str| {
        isms(
            d,
            &[
                "export-sheet",
                "nw.isms",
                kind,
                "--out",
                out,
                "--as-of",
                "2026-06-15",
            ],
            PASS,
        )
    };
    for (kind, first) in [("soa", "SoA"), ("risks", "Risks"), ("training", "Training")] {
        let out = sheet(kind, &format!("{kind}.xlsx"));
        assert!(out.status.success(), "{kind}: {}", stderr(&out));
        assert!(
            stdout(&out).contains(&format!("{kind}.xlsx")),
            "{}",
            stdout(&out)
        );
        let file = std::fs::File::open(d.join(format!("{kind}.xlsx"))).unwrap();
        let mut zip = zip::ZipArchive::new(file).expect("an XLSX is a ZIP");
        let mut book = String::new();
        zip.by_name("xl/workbook.xml")
            .unwrap()
            .read_to_string(&mut book)
            .unwrap();
        assert!(
            book.contains(&format!("name=\"{first}\"")),
            "{kind}: the sheet {first}: {book}"
        );
    }
    let before = std::fs::read(d.join("soa.xlsx")).unwrap();
    let out = sheet("soa", "soa.xlsx");
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(d.join("soa.xlsx")).unwrap(),
        before,
        "untouched"
    );
    assert_eq!(sheet("soa", "soa.csv").status.code(), Some(9), "not .xlsx");
    assert_eq!(
        sheet("packs", "x.xlsx").status.code(),
        Some(2),
        "no such register"
    );
    assert!(!d.join("x.xlsx").exists());
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
