//! Evidence packs, bundles and register workbooks from the command line; bundles verified.

use super::{PASS, isms, stderr, stdout};

/// The Stage 2 bundle of the demo company, written by the library; `isms verify` checks it with
/// no vault and no passphrase and names it, then catches and names a changed byte, a removed
/// and an added file.
#[test]
fn verify_passes_a_fresh_bundle_and_names_every_file_at_fault() {
    use std::io::{Read, Write};

    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
    let vault = isms_core::demo::create(
        &d.join("northwind.isms"),
        isms_core::Passphrase::new(PASS.into()),
        isms_core::demo::DemoPoint::Stage2Ready,
        isms_core::demo::DemoScale::Small,
        day,
    )
    .unwrap();
    let exported = isms_export::file::export_to(
        &vault,
        isms_export::packs::PackKind::Stage2,
        isms_core::readiness::Stage::Two,
        day,
        &d.join("pack.zip"),
        &mut |_, _, _| true,
    )
    .unwrap();
    vault.close().unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(d.join("pack.zip")).unwrap()).unwrap();
    let manifest = {
        let mut json = Vec::new();
        zip.by_name("manifest.json")
            .unwrap()
            .read_to_end(&mut json)
            .unwrap();
        isms_export::bundle::Manifest::from_json(&json).unwrap()
    };
    let pdf = {
        let mut pdf = Vec::new();
        zip.by_name("pack.pdf")
            .unwrap()
            .read_to_end(&mut pdf)
            .unwrap();
        pdf
    };
    assert_eq!(exported.files, manifest.files.len() + 2);
    assert!(
        manifest.files.len() > 10,
        "the PDF, the index, document files and certificates"
    );

    let out = isms(d, &["verify", "pack.zip"], "no passphrase is asked");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "ok: {} files verified\npack: pack.pdf: Stage 2 evidence pack, Northwind Analytics Ltd, as of 2026-06-15\nevidence digest: {}, as the pack carries it\n",
            manifest.files.len(),
            manifest.evidence_sha256
        )
    );

    // One byte of the stored PDF flipped in place.
    let mut raw = std::fs::read(d.join("pack.zip")).unwrap();
    let at = raw.windows(pdf.len()).position(|w| w == pdf).unwrap();
    raw[at + 12] ^= 0x20;
    std::fs::write(d.join("flipped.zip"), raw).unwrap();
    let out = isms(d, &["verify", "flipped.zip"], PASS);
    assert_eq!(out.status.code(), Some(14), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("altered: pack.pdf: "),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        stderr(&out).lines().count(),
        1,
        "a one-line summary: {}",
        stderr(&out)
    );

    // The first evidence file removed, a file slipped in.
    let gone = manifest
        .files
        .iter()
        .find(|f| f.path.starts_with("evidence/"))
        .unwrap()
        .path
        .clone();
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
        .start_file("evidence/MR-001/extra.txt", options)
        .unwrap();
    changed.write_all(b"not in the manifest").unwrap();
    changed.finish().unwrap();
    let out = isms(d, &["verify", "changed.zip"], PASS);
    assert_eq!(out.status.code(), Some(14), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("missing: {gone}\nextra: evidence/MR-001/extra.txt\n")
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
