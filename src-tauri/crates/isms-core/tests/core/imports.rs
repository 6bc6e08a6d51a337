//! CSV imports of training completions and acknowledgements: a good file, every kind of bad
//! row (which leaves the vault exactly as it was), dry runs, and re-imports that change nothing.

use isms_core::acknowledgements::{self, status};
use isms_core::documents::{self, DocKind, Document, DraftVersion};
use isms_core::people::{self, Person};
use isms_core::training::{self, Course, CourseKind};
use isms_core::{ErrorCode, Vault, imports, snapshot};

use crate::support::{Scratch, stamp};

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
    let dry = imports::training(&mut v, stamp(1), csv, true, &mut imports::unwatched).unwrap();
    assert_eq!((dry.rows, dry.created, dry.skipped), (2, 2, 0));
    assert!(
        training::list_completions(v.reader()).unwrap().is_empty(),
        "a dry run writes nothing"
    );
    let done = imports::training(&mut v, stamp(2), csv, false, &mut imports::unwatched).unwrap();
    assert_eq!(done.created, 2);
    assert_eq!(training::list_completions(v.reader()).unwrap().len(), 2);
    let again = imports::training(&mut v, stamp(3), csv, false, &mut imports::unwatched).unwrap();
    assert_eq!(
        (again.created, again.skipped),
        (0, 2),
        "re-importing the same file adds nothing"
    );
}

#[test]
fn every_bad_training_row_is_named_and_nothing_is_written() {
    let s = Scratch::new();
    let mut v = setup(&s);
    let before = state(&v);
    let csv = "email,course,date\nanna@acme.example,Security awareness,2026-03-02\nghost@acme.example,Security awareness,2026-03-02\nbo@acme.example,Knitting,2026-03-02\nbo@acme.example,Security awareness,03/02/2026\n";
    let err = imports::training(&mut v, stamp(1), csv, false, &mut imports::unwatched).unwrap_err();
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
    let err = imports::training(
        &mut v,
        stamp(2),
        "name,course,date\n",
        false,
        &mut imports::unwatched,
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
    imports::acknowledgements(&mut v, stamp(1), csv, false, &mut imports::unwatched).unwrap();
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
    let err = imports::acknowledgements(&mut v, stamp(1), csv, false, &mut imports::unwatched)
        .unwrap_err();
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
    let report = imports::training(&mut v, stamp(1), &many_rows(5), false, &mut |p| {
        seen.push((p.phase, p.done, p.total));
        true
    })
    .unwrap();
    assert_eq!(report.created, 5);
    let checking: Vec<u32> = seen
        .iter()
        .filter(|s| s.0 == imports::ImportPhase::Checking)
        .map(|s| s.1)
        .collect();
    let writing: Vec<u32> = seen
        .iter()
        .filter(|s| s.0 == imports::ImportPhase::Writing)
        .map(|s| s.1)
        .collect();
    assert_eq!(checking, vec![0, 1, 2, 3, 4, 5]);
    assert_eq!(writing, vec![1, 2, 3, 4, 5]);
    assert!(seen.iter().all(|s| s.2 == 5));
    let last_check = seen
        .iter()
        .rposition(|s| s.0 == imports::ImportPhase::Checking);
    let first_write = seen
        .iter()
        .position(|s| s.0 == imports::ImportPhase::Writing);
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
    for phase in [
        imports::ImportPhase::Checking,
        imports::ImportPhase::Writing,
    ] {
        let err = imports::training(&mut v, stamp(1), &many_rows(20), false, &mut |p| {
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
    let err = imports::acknowledgements(&mut v, stamp(2), csv, false, &mut |p| {
        p.phase != imports::ImportPhase::Writing
    })
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::Cancelled);
    assert_eq!(state(&v), before);
}

/// The register importer's limits hold here too (one place, `imports::table`): a file of a
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
    let err = imports::training(&mut v, stamp(1), &million, true, &mut |_| {
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
    let err = imports::acknowledgements(&mut v, stamp(2), &wide, true, &mut imports::unwatched)
        .unwrap_err();
    assert!(
        err.message.contains("more than 500 columns"),
        "{}",
        err.message
    );
    assert_eq!(state(&v), before, "nothing was written");

    let at_limit = imports::Table::parse(&many_rows(imports::table::MAX_ROWS - 1)).unwrap();
    assert_eq!(
        at_limit.rows.last().map(|(row, _)| *row),
        Some(imports::table::MAX_ROWS),
        "the last row allowed is row 100,000, the header being row 1"
    );
}
