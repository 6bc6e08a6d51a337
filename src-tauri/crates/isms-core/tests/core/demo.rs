//! The demo company: every point of the journey makes a sound vault with the records the story
//! promises, the same arguments always make the same vault, and a large vault holds exactly
//! the bulk totals.

use chrono::NaiveDate;
use isms_core::demo::{self, DemoPoint, DemoScale, LARGE};
use isms_core::{ErrorCode, Passphrase, Vault, snapshot};

use crate::support::{PASS, Scratch};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).expect("valid date")
}

fn make(scratch: &Scratch, name: &str, point: DemoPoint, scale: DemoScale) -> Vault {
    demo::create(
        &scratch.path(name),
        Passphrase::new(PASS.into()),
        point,
        scale,
        today(),
    )
    .expect("demo vault")
}

fn count(v: &Vault, table: &str) -> u64 {
    v.info().expect("info").counts[table]
}

#[test]
fn points_parse_from_their_command_line_names() {
    for point in DemoPoint::ALL {
        assert_eq!(DemoPoint::parse(point.as_str()).unwrap(), point);
    }
    assert_eq!(
        DemoPoint::parse("stage3").unwrap_err().code,
        ErrorCode::Validation
    );
    assert_eq!(DemoScale::parse("large").unwrap(), DemoScale::Large);
    assert!(DemoScale::parse("huge").is_err());
}

#[test]
fn the_same_arguments_make_the_same_vault() {
    let scratch = Scratch::new();
    let a = make(&scratch, "a.isms", DemoPoint::Stage2Ready, DemoScale::Small);
    let b = make(&scratch, "b.isms", DemoPoint::Stage2Ready, DemoScale::Small);
    let json = |v: &Vault| snapshot::to_json(&snapshot::export(v).unwrap()).unwrap();
    assert_eq!(json(&a), json(&b));
    let history = |v: &Vault| -> Vec<(String, String, String)> {
        let mut stmt = v
            .reader()
            .prepare("SELECT at, table_name, coalesce(after, '') FROM history ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(
        history(&a),
        history(&b),
        "history stamps come from the story"
    );
    let other = demo::create(
        &scratch.path("c.isms"),
        Passphrase::new(PASS.into()),
        DemoPoint::Stage2Ready,
        DemoScale::Small,
        NaiveDate::from_ymd_opt(2027, 1, 10).unwrap(),
    )
    .unwrap();
    assert_ne!(json(&a), json(&other), "another today moves every date");
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let scratch = Scratch::new();
    let path = scratch.path("taken.isms");
    std::fs::write(&path, b"mine").unwrap();
    let err = demo::create(
        &path,
        Passphrase::new(PASS.into()),
        DemoPoint::Operating,
        DemoScale::Small,
        today(),
    )
    .err()
    .expect("refused");
    assert_eq!(err.code, ErrorCode::AlreadyExists);
    assert_eq!(std::fs::read(&path).unwrap(), b"mine");
    let err = demo::create(
        &scratch.path("big-empty.isms"),
        Passphrase::new(PASS.into()),
        DemoPoint::Empty,
        DemoScale::Large,
        today(),
    )
    .err()
    .expect("refused");
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(!scratch.path("big-empty.isms").exists());
}

#[test]
fn every_point_makes_a_sound_vault_with_the_promised_records() {
    let scratch = Scratch::new();
    // (point, people, risks, documents, approved SoA versions, audits, tracker items, reviews);
    // a month after Stage 1 the mis-sent client report (an incident) has raised a minor NC.
    let expected = [
        (DemoPoint::Empty, 0, 0, 0, 0, 0, 0, 0),
        (DemoPoint::Stage1Gaps, 13, 13, 9, 0, 0, 0, 0),
        (DemoPoint::Stage1Ready, 13, 13, 13, 1, 3, 2, 0),
        (DemoPoint::Operating, 13, 13, 13, 2, 3, 8, 0),
        (DemoPoint::Stage2Ready, 13, 13, 13, 2, 4, 10, 1),
    ];
    for (point, people, risks, docs, soa_versions, audits, items, reviews) in expected {
        let v = make(
            &scratch,
            &format!("{}.isms", point.as_str()),
            point,
            DemoScale::Small,
        );
        assert!(v.check().unwrap().ok, "{point:?}");
        assert_eq!(v.info().unwrap().organisation_name, demo::COMPANY);
        let got = (
            count(&v, "people"),
            count(&v, "risks"),
            count(&v, "documents"),
            count(&v, "soa_versions"),
            count(&v, "audits"),
            count(&v, "tracker_items"),
            count(&v, "reviews"),
        );
        assert_eq!(
            got,
            (people, risks, docs, soa_versions, audits, items, reviews),
            "{point:?}"
        );
        assert_eq!(count(&v, "soa_entries"), 93, "one entry per control");
        let approvals = isms_core::risks::list(v.reader()).unwrap();
        assert!(
            approvals.iter().flat_map(|r| &r.approvals).all(|a| !a.void),
            "{point:?}: no approval is void"
        );
    }
}

/// About 3 s in a debug build.
#[test]
fn a_large_vault_holds_exactly_the_bulk_totals() {
    let scratch = Scratch::new();
    let started = std::time::Instant::now();
    let v = make(
        &scratch,
        "large.isms",
        DemoPoint::Stage2Ready,
        DemoScale::Large,
    );
    eprintln!("large stage2-ready demo written in {:?}", started.elapsed());
    assert!(v.check().unwrap().ok);
    let got = (
        count(&v, "people") as usize,
        count(&v, "risks") as usize,
        count(&v, "documents") as usize,
        count(&v, "tracker_items") as usize,
        count(&v, "evidence") as usize,
    );
    assert_eq!(
        got,
        (
            LARGE.people,
            LARGE.risks,
            LARGE.documents,
            LARGE.tracker_items,
            LARGE.evidence
        )
    );
    let risks = isms_core::risks::list(v.reader()).unwrap();
    assert!(
        risks
            .iter()
            .all(|r| r.owner_id.is_some() && r.inherent.is_some())
    );
    assert!(
        risks.iter().flat_map(|r| &r.approvals).all(|a| !a.void),
        "bulk approvals are made as the risk domain makes them"
    );
    let refs: std::collections::BTreeSet<String> =
        risks.iter().map(|r| r.reference.clone()).collect();
    assert_eq!(refs.len(), LARGE.risks, "references are unique");
}
