//! Training completions and acknowledgements into a vault that lacks their courses and
//! document versions: refused by default, created with the import when asked, listed first in
//! a dry run that writes nothing.

use isms_core::documents::{self, DocKind, Document};
use isms_core::training;
use isms_sheets::import::{Job, Options, import_with};
use isms_sheets::read::{Kind, Limits, detect, open};

use super::*;

fn run_with(
    vault: &mut Vault,
    kind: Kind,
    path: &Path,
    create: bool,
    dry: bool,
) -> Result<ImportReport> {
    let book = open(path, None, Limits::default())?;
    let mapping = detect(&book, kind)?;
    let backups = backups(path.parent().unwrap());
    let mode = if dry {
        Mode::DryRun
    } else {
        Mode::Write { backups: &backups }
    };
    let job = Job {
        kind,
        workbook: &book,
        mapping: &mapping,
        options: Options {
            create_missing: create,
            ..Options::default()
        },
        parts: None,
    };
    import_with(vault, stamp(), job, mode, &mut unwatched)
}

#[test]
fn missing_courses_are_created_once_with_the_completions_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(
        &mut vault,
        &[("Ann", "ann@example.com"), ("Bob", "bob@example.com")],
    );
    let path = file(
        dir.path(),
        "training.csv",
        "email,course,date\n\
         ann@example.com,Security awareness 2026,2026-03-01\n\
         bob@example.com,security Awareness 2026,2026-03-02\n\
         bob@example.com,Secure coding,2026-03-03\n",
    );
    let err = run_with(&mut vault, Kind::Training, &path, false, false).unwrap_err();
    assert!(
        err.fields
            .iter()
            .any(|f| f.message.contains("No course called “Secure coding”")
                && f.message.contains("--create-missing")),
        "{err:?}"
    );
    let before = state(&vault);
    let dry = run_with(&mut vault, Kind::Training, &path, true, true).unwrap();
    assert_eq!(state(&vault), before, "a dry run writes nothing");
    assert_eq!(
        dry.lines[..2],
        [
            "new course: “Security awareness 2026” (awareness)",
            "new course: “Secure coding” (other)"
        ],
        "each course once, listed first: {:#?}",
        dry.lines
    );
    assert_eq!(dry.created, 3, "three completions");
    let real = run_with(&mut vault, Kind::Training, &path, true, false).unwrap();
    assert!(real.backup.is_some());
    let courses = training::list_courses(vault.reader()).unwrap();
    assert_eq!(courses.len(), 2);
    let completions = training::list_completions(vault.reader()).unwrap();
    assert_eq!(completions.len(), 3);
    let awareness = courses
        .iter()
        .find(|c| c.title == "Security awareness 2026")
        .unwrap();
    assert_eq!(
        completions
            .iter()
            .filter(|c| c.course_id == awareness.id)
            .count(),
        2,
        "both spellings are the one course"
    );
    let again = run_with(&mut vault, Kind::Training, &path, true, false).unwrap();
    assert_eq!(
        (again.created, again.unchanged),
        (0, 3),
        "nothing new the second time"
    );
    assert_eq!(training::list_courses(vault.reader()).unwrap().len(), 2);
}

#[test]
fn missing_document_versions_are_created_approved_on_the_first_day_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(
        &mut vault,
        &[("Ann", "ann@example.com"), ("Bob", "bob@example.com")],
    );
    documents::create(
        &mut vault,
        stamp(),
        Document::new("POL-01", "Information security policy", DocKind::Policy),
    )
    .unwrap();
    let path = file(
        dir.path(),
        "acks.csv",
        "email,document,version,date,method\n\
         bob@example.com,POL-01,2.0,2026-03-05,form\n\
         ann@example.com,pol-01,2.0,2026-03-02,signature\n",
    );
    let err = run_with(&mut vault, Kind::Acknowledgements, &path, false, true).unwrap_err();
    assert!(
        err.fields
            .iter()
            .any(|f| f.message.contains("POL-01 has no version “2.0”")),
        "{err:?}"
    );
    let before = state(&vault);
    let dry = run_with(&mut vault, Kind::Acknowledgements, &path, true, true).unwrap();
    assert_eq!(state(&vault), before);
    assert_eq!(
        dry.lines[0], "new version: POL-01 2.0, approved outside the app on 2026-03-02",
        "{:#?}",
        dry.lines
    );
    run_with(&mut vault, Kind::Acknowledgements, &path, true, false).unwrap();
    let doc = &documents::list(vault.reader()).unwrap()[0];
    assert_eq!(doc.versions.len(), 1);
    assert_eq!(
        doc.versions[0].approved_on,
        NaiveDate::from_ymd_opt(2026, 3, 2),
        "the earliest day it was acknowledged"
    );
    let acks = isms_core::acknowledgements::list(vault.reader()).unwrap();
    assert_eq!(acks.len(), 2);
    assert!(acks.iter().all(|a| a.version_id == doc.versions[0].id));
    let unknown = file(
        dir.path(),
        "acks2.csv",
        "email,document,version,date,method\nann@example.com,POL-99,1.0,2026-03-02,form\n",
    );
    let err = run_with(&mut vault, Kind::Acknowledgements, &unknown, true, true).unwrap_err();
    assert!(
        err.fields.iter().any(|f| f
            .message
            .contains("No document with the reference “POL-99”")),
        "documents themselves are not created: {err:?}"
    );
}
