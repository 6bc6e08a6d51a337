//! The training and acknowledgement workbooks `export-sheet` writes, imported as they are: no
//! sheet named, no mapping file. A training workbook's completions are found behind its
//! matrix and its courses come back as its Courses sheet defines them; the "Missing" rows of
//! an acknowledgements workbook are a status, skipped and said, never an error.

use isms_core::documents::{self, DocKind, Document};
use isms_core::training;
use isms_sheets::import::{Job, Options, courses_sheet, describe, import_with};
use isms_sheets::read::open_for;

use super::*;

fn import_as_exported(
    vault: &mut Vault,
    kind: Kind,
    path: &Path,
    create_missing: bool,
) -> Result<ImportReport> {
    let book = open_for(path, None, kind, Limits::default())?;
    let mapping = detect(&book, kind)?;
    let courses = if create_missing {
        courses_sheet(path, &book)?
    } else {
        Vec::new()
    };
    let backups = backups(path.parent().unwrap());
    let job = Job {
        kind,
        workbook: &book,
        mapping: &mapping,
        options: Options {
            create_missing,
            courses,
            ..Options::default()
        },
        parts: None,
    };
    import_with(
        vault,
        stamp(),
        job,
        Mode::Write { backups: &backups },
        &mut unwatched,
    )
}

#[test]
fn a_training_export_brings_back_its_completions_and_its_courses_as_defined() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_vault(dir.path());
    let path = export(&demo, SheetKind::Training, dir.path(), "training.xlsx");
    let book = open_for(&path, None, Kind::Training, Limits::default()).unwrap();
    assert_eq!(
        (book.sheets[0].as_str(), book.sheet.as_str()),
        ("Training", "Completions"),
        "the matrix comes first for people; the import reads the completions behind it"
    );

    let mut vault = empty_vault(dir.path(), "new.isms");
    for p in isms_core::people::list(demo.reader()).unwrap() {
        isms_core::people::create(&mut vault, stamp(), Person { id: 0, ..p }).unwrap();
    }
    // An extra course only the Courses sheet names is created too: the workbook defines it.
    let mut wanted = training::list_courses(demo.reader()).unwrap();
    assert!(
        wanted.iter().any(|c| c.validity_months.is_some()),
        "the demo has a course that expires, so validity is tested"
    );
    let report = import_as_exported(&mut vault, Kind::Training, &path, true).unwrap();
    let done = training::list_completions(demo.reader()).unwrap();
    assert_eq!(report.created as usize, done.len(), "{:#?}", report.lines);
    let mut got = training::list_courses(vault.reader()).unwrap();
    for list in [&mut wanted, &mut got] {
        list.iter_mut().for_each(|c| c.id = 0);
        list.sort_by(|a, b| a.title.cmp(&b.title));
    }
    assert_eq!(got, wanted, "kind and validity come from the Courses sheet");
    assert_eq!(
        training::list_completions(vault.reader()).unwrap().len(),
        done.len()
    );

    // Without --create-missing a vault that has the courses takes the file as it is.
    let again = import_as_exported(&mut vault, Kind::Training, &path, false).unwrap();
    assert_eq!((again.created, again.unchanged as usize), (0, done.len()));
}

#[test]
fn a_course_the_courses_sheet_describes_badly_is_refused_with_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("training.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let rows: [(&str, &[&[&str]]); 2] = [
        (
            "Completions",
            &[
                &["E-mail", "Course", "Completed on"],
                &["ann@example.com", "Phishing", "2026-03-01"],
            ],
        ),
        (
            "Courses",
            &[
                &["Course", "Kind", "Validity months"],
                &["Phishing", "Webinar", "twelve"],
            ],
        ),
    ];
    for (name, cells) in rows {
        let sheet = book.add_worksheet().set_name(name).unwrap();
        for (r, row) in cells.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
    }
    book.save(&path).unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Ann", "ann@example.com")]);
    let err = import_as_exported(&mut vault, Kind::Training, &path, true).unwrap_err();
    let said: Vec<String> = err.fields.iter().map(|f| f.field.clone()).collect();
    assert_eq!(said, ["Courses!B2"], "{err:?}");
    assert!(
        err.fields[0]
            .message
            .contains("“Webinar” is not a kind of course")
    );
    assert!(training::list_courses(vault.reader()).unwrap().is_empty());
}

#[test]
fn missing_acknowledgements_are_a_status_skipped_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(
        &mut vault,
        &[("Ann", "ann@example.com"), ("Bob", "bob@example.com")],
    );
    let mut doc = Document::new("POL-01", "Information security policy", DocKind::Policy);
    doc.communicate = true;
    documents::create(&mut vault, stamp(), doc).unwrap();
    // A form tool's file with a status column: Bob's row is pending, with nothing else.
    let form = file(
        dir.path(),
        "acks.csv",
        "email,document,version,date,method,status\n\
         ann@example.com,POL-01,1.0,2026-03-02,form,Acknowledged\n\
         bob@example.com,POL-01,1.0,,,Pending\n",
    );
    let report = import_as_exported(&mut vault, Kind::Acknowledgements, &form, true).unwrap();
    assert_eq!((report.rows, report.created), (2, 1), "{:#?}", report.lines);
    assert!(
        report.lines.iter().any(|l| l.starts_with("row 3: skipped:")
            && l.contains("bob@example.com has not acknowledged POL-01 1.0")),
        "{:#?}",
        report.lines
    );
    assert!(describe(&report).contains("1 skipped (a status, not a record)"));

    // The export lists Bob as Missing; read back as it is, it changes nothing.
    let path = export(&vault, SheetKind::Acknowledgements, dir.path(), "acks.xlsx");
    let exported = cells(&path, "Acknowledgements");
    assert!(
        exported
            .iter()
            .any(|r| r.contains(&"bob@example.com".to_owned()) && r.contains(&"Missing".to_owned())),
        "{exported:?}"
    );
    let before = state(&vault);
    let again = import_as_exported(&mut vault, Kind::Acknowledgements, &path, false).unwrap();
    assert_eq!((again.rows, again.unchanged, again.created), (2, 1, 0));
    assert_eq!(state(&vault), before, "a status row writes nothing");
    assert_eq!(
        isms_core::acknowledgements::list(vault.reader())
            .unwrap()
            .len(),
        1
    );
}
