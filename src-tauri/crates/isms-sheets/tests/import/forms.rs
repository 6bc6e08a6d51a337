//! Training completions and acknowledgements, as a form tool exports them (moved here with
//! their importer from the core): a good file, every kind of bad row (which leaves the vault
//! exactly as it was, each named `row N.column`), dry runs, re-imports that change nothing,
//! progress and cancelling, and the limits every import keeps. Each CSV text is written to a
//! file and read like any register.

use chrono::{TimeZone, Utc};
use isms_core::acknowledgements::{self, status};
use isms_core::documents::{self, DocKind, Document, DraftVersion};
use isms_core::people::{self, Person};
use isms_core::training::{self, Course, CourseKind};
use isms_core::{ErrorCode, Result, Stamp, Vault, snapshot};
use isms_sheets::import::{ImportPhase, ImportReport, Mode, Watch, import, unwatched};
use isms_sheets::read::{self, Kind, Limits, MAX_ROWS, detect, open};

/// A folder for the test's vault, files and backups.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Self {
        Scratch {
            dir: tempfile::tempdir().expect("a folder"),
        }
    }

    fn vault(&self, name: &str) -> Vault {
        super::empty_vault(self.dir.path(), name)
    }
}

/// A stamp `n` minutes into the test's day.
fn stamp(n: i64) -> Stamp {
    Stamp::new(
        Utc.with_ymd_and_hms(2026, 6, 15, 9, 0, 0).unwrap() + chrono::Duration::minutes(n),
        "test",
    )
}

/// Imports `text` as `kind` from a CSV file, mapped as the importer proposes.
fn csv_import(
    v: &mut Vault,
    stamp: Stamp,
    kind: Kind,
    text: &str,
    dry_run: bool,
    watch: Watch<'_>,
) -> Result<ImportReport> {
    let dir = tempfile::tempdir().expect("a folder");
    let file = dir.path().join(format!("{}.csv", kind.as_str()));
    std::fs::write(&file, text).expect("the file");
    let book = open(&file, None, Limits::default())?;
    let mapping = detect(&book, kind)?;
    let backups = dir.path().join("backups");
    let mode = if dry_run {
        Mode::DryRun
    } else {
        Mode::Write { backups: &backups }
    };
    import(v, stamp, kind, &book, &mapping, mode, watch)
}

fn training(
    v: &mut Vault,
    stamp: Stamp,
    text: &str,
    dry_run: bool,
    watch: Watch<'_>,
) -> Result<ImportReport> {
    csv_import(v, stamp, Kind::Training, text, dry_run, watch)
}

fn acknowledgements(
    v: &mut Vault,
    stamp: Stamp,
    text: &str,
    dry_run: bool,
    watch: Watch<'_>,
) -> Result<ImportReport> {
    csv_import(v, stamp, Kind::Acknowledgements, text, dry_run, watch)
}

/// Two staff, one awareness course, the policy POL-01 approved at 1.0 with a 1.1 draft.
fn setup(s: &Scratch) -> Vault {
    let mut v = s.vault("acme.isms");
    people::create(
        &mut v,
        stamp(0),
        Person {
            department: "Engineering".into(),
            ..Person::new("Anna Łukasik", "anna@acme.example")
        },
    )
    .unwrap();
    people::create(
        &mut v,
        stamp(0),
        Person {
            department: "Sales".into(),
            ..Person::new("Bo Ek", "bo@acme.example")
        },
    )
    .unwrap();
    training::create_course(
        &mut v,
        stamp(0),
        Course {
            id: 0,
            title: "Security awareness".into(),
            kind: CourseKind::Awareness,
            validity_months: Some(12),
        },
    )
    .unwrap();
    let boss = people::create(&mut v, stamp(0), Person::new("Boss", "boss@acme.example")).unwrap();
    let doc = documents::create(
        &mut v,
        stamp(0),
        Document {
            communicate: true,
            ..Document::new("POL-01", "Policy", DocKind::Policy)
        },
    )
    .unwrap();
    let draft = |n: &str| DraftVersion {
        number: n.into(),
        change_summary: String::new(),
        evidence_id: None,
    };
    let doc = documents::save_draft(&mut v, stamp(0), doc.id, draft("1.0")).unwrap();
    documents::approve_version(
        &mut v,
        stamp(0),
        doc.versions[0].id,
        boss.id,
        "2026-02-01".parse().unwrap(),
    )
    .unwrap();
    documents::save_draft(&mut v, stamp(0), doc.id, draft("1.1")).unwrap();
    v
}

fn state(v: &Vault) -> String {
    snapshot::to_json(&snapshot::export(v).unwrap()).unwrap()
}

#[test]
fn a_good_training_file_imports_and_a_second_import_changes_nothing() {
    let s = Scratch::new();
    let mut v = setup(&s);
    let csv = "\u{feff}E-mail,Course,Date\nanna@acme.example,Security awareness,2026-03-02\nBO@ACME.EXAMPLE,security awareness,2026-03-03\n\n";
    let dry = training(&mut v, stamp(1), csv, true, &mut unwatched).unwrap();
    assert_eq!((dry.rows, dry.created, dry.unchanged), (2, 2, 0));
    assert!(
        training::list_completions(v.reader()).unwrap().is_empty(),
        "a dry run writes nothing"
    );
    let done = training(&mut v, stamp(2), csv, false, &mut unwatched).unwrap();
    assert_eq!(done.created, 2);
    assert_eq!(training::list_completions(v.reader()).unwrap().len(), 2);
    let again = training(&mut v, stamp(3), csv, false, &mut unwatched).unwrap();
    assert_eq!(
        (again.created, again.unchanged),
        (0, 2),
        "re-importing the same file adds nothing"
    );
}

#[test]
fn every_bad_training_row_is_named_and_nothing_is_written() {
    let s = Scratch::new();
    let mut v = setup(&s);
    let before = state(&v);
    let csv = "email,course,date\nanna@acme.example,Security awareness,2026-03-02\nghost@acme.example,Security awareness,2026-03-02\nbo@acme.example,Knitting,2026-03-02\nbo@acme.example,Security awareness,03/31/2026\n";
    let err = training(&mut v, stamp(1), csv, false, &mut unwatched).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        ["row 3.email", "row 4.course", "row 5.date"],
        "row 2 is fine; the header is row 1"
    );
    assert!(
        err.message.contains("nothing was written"),
        "{}",
        err.message
    );
    assert_eq!(
        state(&v),
        before,
        "the vault is unchanged, the good row included"
    );
    let err = training(
        &mut v,
        stamp(2),
        "name,course,date\n",
        false,
        &mut unwatched,
    )
    .unwrap_err();
    assert_eq!(
        err.fields[0].field, "row 1",
        "a missing column is a header problem"
    );
}

#[test]
fn acknowledgements_import_and_the_status_per_document() {
    let s = Scratch::new();
    let mut v = setup(&s);
    let csv = "email,document,version,date,method\nanna@acme.example,POL-01,1.0,2026-02-05,Form\n";
    acknowledgements(&mut v, stamp(1), csv, false, &mut unwatched).unwrap();
    let docs = documents::list(v.reader()).unwrap();
    let staff = people::list(v.reader()).unwrap();
    let acks = acknowledgements::list(v.reader()).unwrap();
    let st = status(&docs, &staff, &acks, "2026-02-10".parse().unwrap());
    assert_eq!(st.len(), 1, "only documents to communicate");
    let name = |id: i64| staff.iter().find(|p| p.id == id).unwrap().name.clone();
    assert_eq!(
        st[0]
            .acknowledged
            .iter()
            .map(|id| name(*id))
            .collect::<Vec<_>>(),
        ["Anna Łukasik"]
    );
    assert_eq!(
        st[0].missing.iter().map(|id| name(*id)).collect::<Vec<_>>(),
        ["Bo Ek", "Boss"],
        "everyone else active"
    );
}

#[test]
fn every_bad_acknowledgement_row_is_named_and_nothing_is_written() {
    let s = Scratch::new();
    let mut v = setup(&s);
    let before = state(&v);
    let csv = "email,document,version,date,method\n\
               nobody@acme.example,POL-01,1.0,2026-02-05,form\n\
               anna@acme.example,POL-99,1.0,2026-02-05,form\n\
               anna@acme.example,POL-01,3.0,2026-02-05,form\n\
               anna@acme.example,POL-01,1.1,2026-02-05,form\n\
               anna@acme.example,POL-01,1.0,tomorrow,form\n\
               anna@acme.example,POL-01,1.0,2026-02-05,carrier pigeon\n";
    let err = acknowledgements(&mut v, stamp(1), csv, false, &mut unwatched).unwrap_err();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "row 2.email",
            "row 3.document",
            "row 4.version",
            "row 5.version",
            "row 6.date",
            "row 7.method"
        ]
    );
    assert!(
        err.fields[3].message.contains("draft"),
        "{}",
        err.fields[3].message
    );
    assert_eq!(state(&v), before);
}

/// A training file of `n` good rows for Anna, one day apart.
fn many_rows(n: u32) -> String {
    let mut csv = String::from("email,course,date\n");
    for day in 0..n {
        let date =
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(day.into());
        csv.push_str(&format!("anna@acme.example,Security awareness,{date}\n"));
    }
    csv
}

#[test]
fn progress_is_reported_row_by_row_through_checking_then_writing() {
    let s = Scratch::new();
    let mut v = setup(&s);
    let mut seen = Vec::new();
    let report = training(&mut v, stamp(1), &many_rows(5), false, &mut |p| {
        seen.push((p.phase, p.done, p.total));
        true
    })
    .unwrap();
    assert_eq!(report.created, 5);
    let checking: Vec<u32> = seen
        .iter()
        .filter(|s| s.0 == ImportPhase::Checking)
        .map(|s| s.1)
        .collect();
    let writing: Vec<u32> = seen
        .iter()
        .filter(|s| s.0 == ImportPhase::Writing)
        .map(|s| s.1)
        .collect();
    assert_eq!(checking, vec![0, 1, 2, 3, 4, 5]);
    assert_eq!(writing, vec![1, 2, 3, 4, 5]);
    assert!(seen.iter().all(|s| s.2 == 5));
    let last_check = seen.iter().rposition(|s| s.0 == ImportPhase::Checking);
    let first_write = seen.iter().position(|s| s.0 == ImportPhase::Writing);
    assert!(
        last_check < first_write,
        "checking finishes before writing starts"
    );
}

#[test]
fn a_cancelled_import_writes_nothing_whether_checking_or_writing() {
    let s = Scratch::new();
    let mut v = setup(&s);
    let before = state(&v);
    for phase in [ImportPhase::Checking, ImportPhase::Writing] {
        let err = training(&mut v, stamp(1), &many_rows(20), false, &mut |p| {
            !(p.phase == phase && p.done == 10)
        })
        .unwrap_err();
        assert_eq!(err.code, ErrorCode::Cancelled, "cancelled while {phase:?}");
        assert!(err.message.contains("nothing was written"));
        assert_eq!(
            state(&v),
            before,
            "cancelled while {phase:?} left the vault as it was"
        );
    }
    // Cancelled acknowledgements likewise.
    let csv = "email,document,version,date,method\nanna@acme.example,POL-01,1.0,2026-03-01,form\n";
    let err = acknowledgements(&mut v, stamp(2), csv, false, &mut |p| {
        p.phase != ImportPhase::Writing
    })
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::Cancelled);
    assert_eq!(state(&v), before);
}

/// The register importer's limits hold here too (one place, `read::Limits`): a file of a
/// million rows is refused at the row limit as it is read, before any row is checked, and so
/// are rows past the column limit; a file at the limit is read.
#[test]
fn training_and_acknowledgement_files_keep_the_register_limits() {
    let s = Scratch::new();
    let mut v = setup(&s);
    let before = state(&v);
    let mut million = String::from("email,course,date\n");
    for i in 0..1_000_000 {
        million.push_str(&format!(
            "p{i}@acme.example,Security awareness,2026-03-02\n"
        ));
    }
    let mut checked = 0;
    let err = training(&mut v, stamp(1), &million, true, &mut |_| {
        checked += 1;
        true
    })
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(err.fields[0].field, "file");
    assert!(
        err.message.contains("more than 100,000 rows"),
        "{}",
        err.message
    );
    assert_eq!(
        checked, 0,
        "refused while reading, before any row is checked"
    );
    let wide = format!(
        "email,document,version,date,method\nanna@acme.example,POL-01,1.0,2026-03-02,form{}x\n",
        ",".repeat(600)
    );
    let err = acknowledgements(&mut v, stamp(2), &wide, true, &mut unwatched).unwrap_err();
    assert!(
        err.message.contains("more than 500 columns"),
        "{}",
        err.message
    );
    assert_eq!(state(&v), before, "nothing was written");

    let file = s.dir.path().join("at-limit.csv");
    std::fs::write(&file, many_rows(MAX_ROWS - 1)).unwrap();
    let book = open(&file, None, Limits::default()).unwrap();
    let at_limit = read::rows(&book, &detect(&book, Kind::Training).unwrap());
    assert_eq!(
        at_limit.last().map(|r| r.row),
        Some(MAX_ROWS),
        "the last row allowed is row 100,000, the header being row 1"
    );
}

/// An XLSX works as well as a CSV now that these rows go through the register importer: the
/// sheet's header found under a title row, its rows numbered as Excel shows them.
#[test]
fn training_and_acknowledgements_import_from_a_workbook_too() {
    let s = Scratch::new();
    let mut v = setup(&s);
    let file = super::xlsx(
        s.dir.path(),
        "completions.xlsx",
        "Completions",
        &[
            &["Awareness training, spring"],
            &["E-mail", "Course", "Completed on"],
            &["anna@acme.example", "Security awareness", "2026-03-02"],
            &["nobody@acme.example", "Security awareness", "2026-03-02"],
        ],
    );
    let book = open(&file, None, Limits::default()).unwrap();
    let mapping = detect(&book, Kind::Training).unwrap();
    assert_eq!(mapping.header_row, 2);
    let backups = s.dir.path().join("backups");
    let mode = Mode::Write { backups: &backups };
    let err = import(
        &mut v,
        stamp(1),
        Kind::Training,
        &book,
        &mapping,
        mode,
        &mut unwatched,
    )
    .unwrap_err();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["row 4.e-mail"]);
    assert!(training::list_completions(v.reader()).unwrap().is_empty());

    let file = super::xlsx(
        s.dir.path(),
        "acks.xlsx",
        "Acknowledgements",
        &[
            &["Document", "Version", "E-mail", "Acknowledged on", "Method"],
            &["pol-01", "1.0", "bo@acme.example", "05/02/2026", "Signed"],
        ],
    );
    let book = open(&file, None, Limits::default()).unwrap();
    let mapping = detect(&book, Kind::Acknowledgements).unwrap();
    let report = import(
        &mut v,
        stamp(2),
        Kind::Acknowledgements,
        &book,
        &mapping,
        mode,
        &mut unwatched,
    )
    .unwrap();
    assert_eq!((report.created, report.unchanged), (1, 0));
    assert!(
        report.backup.is_some(),
        "a verified backup first, as for every register"
    );
    let acks = acknowledgements::list(v.reader()).unwrap();
    assert_eq!(acks.len(), 1);
    assert_eq!(acks[0].acknowledged_on, "2026-02-05".parse().unwrap());
    assert_eq!(acks[0].method, acknowledgements::AckMethod::Signature);
}
