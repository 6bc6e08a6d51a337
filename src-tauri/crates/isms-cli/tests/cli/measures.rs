//! `isms measure record`: computed and manual results, evaluation and follow-up required.

use isms_core::measures::{self, Direction, Frequency, Measure, Source};
use isms_core::tracker::{self, ItemKind, ItemSource, TrackerItem};
use isms_core::{Passphrase, Stamp, Vault};

use super::{PASS, isms, stderr, stdout};

fn stamp() -> Stamp {
    Stamp::new(chrono::Utc::now(), "test")
}

/// A vault with an open minor NC, a computed measure (open NCs ≤ 0) and a manual one.
fn vault(d: &std::path::Path) {
    let out = isms(d, &["new", "acme.isms", "--org", "Acme"], PASS);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut v = Vault::open(
        &d.join("acme.isms"),
        Passphrase::new(PASS.into()),
        &d.join("backups"),
        &stamp(),
    )
    .unwrap();
    let nc = TrackerItem::new(
        ItemKind::MinorNc,
        "Policy unsigned",
        ItemSource::InternalAudit,
        "2026-04-10".parse().unwrap(),
    );
    tracker::create(&mut v, stamp(), nc).unwrap();
    let ncs = Measure {
        target: Some(0.0),
        direction: Direction::AtMost,
        ..Measure::new("Open nonconformities", Frequency::Monthly, Source::OpenNcs)
    };
    measures::create(&mut v, stamp(), ncs).unwrap();
    let phishing = Measure {
        target: Some(10.0),
        direction: Direction::AtMost,
        unit: "%".into(),
        ..Measure::new("Phishing click rate", Frequency::Quarterly, Source::Manual)
    };
    measures::create(&mut v, stamp(), phishing).unwrap();
    v.close().unwrap();
}

#[test]
fn record_computes_a_computed_measure_and_needs_a_follow_up_when_missed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    vault(d);
    let args = [
        "measure",
        "record",
        "acme.isms",
        "M-001",
        "--as-of",
        "2026-04-30",
    ];
    let out = isms(d, &args, PASS);
    assert_eq!(
        out.status.code(),
        Some(9),
        "no evaluation: {}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("evaluation"));
    let mut with_note = args.to_vec();
    with_note.extend(["--note", "One NC from the April audit"]);
    let out = isms(d, &with_note, PASS);
    assert_eq!(out.status.code(), Some(9), "missed without follow-up");
    assert!(stderr(&out).contains("follow_up"), "{}", stderr(&out));
    let mut raised = with_note.clone();
    raised.extend(["--raise", "action"]);
    let out = isms(d, &raised, PASS);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "M-001 Open nonconformities: 1 on 2026-04-30 (target ≤ 0: missed); raised T-002",
        "the NC is T-001, so the action raised is T-002"
    );
}

#[test]
fn record_takes_a_manual_value_and_refuses_an_unknown_measure() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    vault(d);
    let out = isms(
        d,
        &["measure", "record", "acme.isms", "M-002", "--note", "x"],
        PASS,
    );
    assert_eq!(out.status.code(), Some(9), "a manual measure needs --value");
    let out = isms(
        d,
        &[
            "measure",
            "record",
            "acme.isms",
            "m-002",
            "--as-of",
            "2026-06-30",
            "--value",
            "7.5",
            "--note",
            "Second simulation",
        ],
        PASS,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "M-002 Phishing click rate: 7.5 % on 2026-06-30 (target ≤ 10 %: met)"
    );
    let out = isms(
        d,
        &["measure", "record", "acme.isms", "M-009", "--value", "1"],
        PASS,
    );
    assert_eq!(out.status.code(), Some(3), "not found");
    let out = isms(
        d,
        &[
            "measure",
            "record",
            "acme.isms",
            "M-001",
            "--value",
            "0",
            "--note",
            "Clean",
        ],
        "wrong passphrase here",
    );
    assert_eq!(
        out.status.code(),
        Some(4),
        "the passphrase as for every subcommand"
    );
}

#[test]
fn measures_come_in_from_a_sheet_and_go_out_to_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = isms(d, &["new", "acme.isms", "--org", "Acme"], PASS);
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::write(
        d.join("kpis.csv"),
        "Reference,Title,Frequency,Target,Direction,Unit,Measured on,Value,Evaluation,Follow-up\n\
         M-001,Phishing click rate,Monthly,10,At most,%,2026-04-30,12.5,Two clicked,Refresher sent\n\
         M-001,Phishing click rate,Monthly,10,At most,%,2026-05-29,6,Better,\n",
    )
    .unwrap();
    let out = isms(d, &["import", "acme.isms", "measures", "kpis.csv"], PASS);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("2 rows of measures: created 1, updated 1, 0 unchanged"),
        "{}",
        stdout(&out)
    );
    let args = [
        "export-sheet",
        "acme.isms",
        "measures",
        "--out",
        "measures.xlsx",
        "--as-of",
        "2026-06-30",
    ];
    let out = isms(d, &args, PASS);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(d.join("measures.xlsx").exists());
}
