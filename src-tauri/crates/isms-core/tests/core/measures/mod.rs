//! Monitoring and measurement (9.1): measures, append-only results with their verdicts and
//! follow-up, calendar periods and which lack a result, and values computed from the vault.

use chrono::NaiveDate;
use isms_core::measures::{
    self, Direction, Frequency, Measure, MeasureResult, NewResult, RaiseItem, Source, periods,
};
use isms_core::people::{self, Person};
use isms_core::snapshot;
use isms_core::tracker::{self, ItemKind, ItemSource};
use isms_core::{ErrorCode, Vault, history, objectives};

use crate::support::{Scratch, stamp};

mod computed;

pub(super) fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn person(vault: &mut Vault, name: &str) -> Person {
    let email = format!("{}@acme.example", name.to_lowercase());
    people::create(vault, stamp(0), Person::new(name, &email)).unwrap()
}

fn awareness_measure(owner: i64) -> Measure {
    Measure {
        monitored: "Staff with current awareness training".into(),
        method: "Computed from the training records".into(),
        measured_by: Some(owner),
        evaluated_by: Some(owner),
        target: Some(95.0),
        defined_on: Some(day("2026-01-15")),
        ..Measure::new(
            "Awareness training coverage",
            Frequency::Monthly,
            Source::AwarenessTraining,
        )
    }
}

#[test]
fn measures_get_references_history_and_their_unit_from_the_source() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let anna = person(&mut vault, "Anna");
    let goal = objectives::create(
        &mut vault,
        stamp(1),
        objectives::Objective::titled("Everyone aware"),
    )
    .unwrap();
    let m = Measure {
        unit: "people".into(),
        objective_ids: vec![goal.id, goal.id],
        ..awareness_measure(anna.id)
    };
    let m = measures::create(&mut vault, stamp(2), m).unwrap();
    assert_eq!(m.reference, "M-001", "proposed like other registers");
    assert_eq!(m.unit, "%", "a computed measure's unit is its source's");
    assert_eq!(m.objective_ids, vec![goal.id], "duplicates dropped");
    let second = measures::create(
        &mut vault,
        stamp(3),
        Measure::new("Phishing clicks", Frequency::Quarterly, Source::Manual),
    )
    .unwrap();
    assert_eq!(second.reference, "M-002");
    let mut taken = second.clone();
    taken.reference = "m-001".into();
    let err = measures::update(&mut vault, stamp(4), taken).unwrap_err();
    assert_eq!(
        err.fields[0].field, "reference",
        "unique regardless of case"
    );
    let mut renamed = second.clone();
    renamed.title = "Phishing click rate".into();
    measures::update(&mut vault, stamp(5), renamed).unwrap();
    assert_eq!(
        history::list(vault.reader(), Some("measures"), 10)
            .unwrap()
            .len(),
        3,
        "two creations and one update"
    );
    let bad = Measure {
        measured_by: Some(99),
        objective_ids: vec![42],
        target: Some(f64::NAN),
        ..Measure::new(" ", Frequency::Monthly, Source::Manual)
    };
    let err = measures::create(&mut vault, stamp(6), bad).unwrap_err();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["title", "target"], "the model's own rules first");
    let err = measures::create(
        &mut vault,
        stamp(6),
        Measure {
            measured_by: Some(99),
            objective_ids: vec![42],
            ..Measure::new("X", Frequency::Monthly, Source::Manual)
        },
    )
    .unwrap_err();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["measured_by", "objective_ids"]);
    let err = people::delete(&mut vault, stamp(7), anna.id).unwrap_err();
    assert_eq!(err.code, ErrorCode::Referenced, "who measures stays");
    measures::delete(&mut vault, stamp(8), second.id).unwrap();
    assert_eq!(measures::list(vault.reader()).unwrap().len(), 1);
}

#[test]
fn target_met_in_both_directions_and_without_a_target() {
    let mut m = Measure::new("X", Frequency::Monthly, Source::Manual);
    assert!(m.meets_target(-5.0), "no target: always met");
    m.target = Some(95.0);
    assert!(m.meets_target(95.0), "at least 95: 95 meets it");
    assert!(!m.meets_target(94.9));
    m.direction = Direction::AtMost;
    m.target = Some(0.0);
    assert!(m.meets_target(0.0), "at most 0: 0 meets it");
    assert!(!m.meets_target(1.0));
    assert_eq!(m.target_text(), "≤ 0");
}

#[test]
fn results_are_evaluated_followed_up_and_never_change() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let anna = person(&mut vault, "Anna");
    let m = measures::create(&mut vault, stamp(1), awareness_measure(anna.id)).unwrap();

    let unevaluated = NewResult::new(day("2026-02-27"), 97.0, "  ");
    let err = measures::record_result(&mut vault, stamp(2), m.id, unevaluated).unwrap_err();
    assert_eq!(
        err.fields[0].field, "evaluation",
        "9.1 f: every result evaluated"
    );

    let met = NewResult::new(day("2026-02-27"), 97.0, "Above target");
    let first = measures::record_result(&mut vault, stamp(3), m.id, met).unwrap();
    assert!(first.target_met, "97 ≥ 95");

    let missed = NewResult::new(day("2026-03-31"), 80.0, "New joiners not trained");
    let err = measures::record_result(&mut vault, stamp(4), m.id, missed.clone()).unwrap_err();
    assert_eq!(
        err.fields[0].field, "follow_up",
        "a missed target needs a tracker item or a note"
    );

    let noted = NewResult {
        follow_up: "Three joiners start training next week; no action needed.".into(),
        ..missed.clone()
    };
    let second = measures::record_result(&mut vault, stamp(5), m.id, noted).unwrap();
    assert!(!second.target_met);
    assert!(!second.lacks_follow_up());

    let raised = NewResult {
        raise: Some(RaiseItem {
            kind: ItemKind::Action,
            owner_id: Some(anna.id),
            due_on: Some(day("2026-05-15")),
            description: String::new(),
        }),
        measured_on: day("2026-04-30"),
        ..missed
    };
    let third = measures::record_result(&mut vault, stamp(6), m.id, raised).unwrap();
    let item = tracker::get(vault.reader(), third.tracker_item_id.unwrap()).unwrap();
    assert_eq!(item.source, ItemSource::Other);
    assert_eq!(
        item.source_ref, "M-001",
        "the item points back at the measure"
    );
    assert_eq!(item.kind, ItemKind::Action);
    assert!(item.title.contains("Awareness training coverage"));
    assert_eq!(item.raised_on, day("2026-04-30"));

    let over_raised = NewResult {
        raise: Some(RaiseItem {
            kind: ItemKind::MajorNc,
            owner_id: None,
            due_on: None,
            description: String::new(),
        }),
        ..NewResult::new(day("2026-05-29"), 99.0, "Fine")
    };
    let err = measures::record_result(&mut vault, stamp(7), m.id, over_raised).unwrap_err();
    assert_eq!(
        err.fields.len(),
        2,
        "nothing to raise, and never a major NC"
    );

    let results = measures::results(vault.reader(), Some(m.id)).unwrap();
    assert_eq!(results, vec![first.clone(), second, third], "oldest first");
    assert_eq!(
        history::list(vault.reader(), Some("measure_results"), 10)
            .unwrap()
            .len(),
        3
    );

    // The schema itself refuses to change or delete a result, whoever asks.
    let conn = vault.reader();
    let update = conn.execute(
        "UPDATE measure_results SET value = 1 WHERE id = ?1",
        [first.id],
    );
    assert!(update.unwrap_err().to_string().contains("never changes"));
    let delete = conn.execute("DELETE FROM measure_results WHERE id = ?1", [first.id]);
    assert!(delete.unwrap_err().to_string().contains("never deleted"));

    let err = measures::delete(&mut vault, stamp(8), m.id).unwrap_err();
    assert_eq!(err.code, ErrorCode::Referenced, "results are evidence");
}

#[test]
fn periods_follow_the_calendar() {
    let p = periods::period_containing(Frequency::Monthly, day("2028-02-10"));
    assert_eq!(
        (p.start, p.end),
        (day("2028-02-01"), day("2028-02-29")),
        "leap year"
    );
    assert_eq!(p.label, "2028-02");
    let q = periods::period_containing(Frequency::Quarterly, day("2026-06-30"));
    assert_eq!((q.start, q.end), (day("2026-04-01"), day("2026-06-30")));
    assert_eq!(q.label, "2026-Q2");
    let q = periods::period_containing(Frequency::Quarterly, day("2026-07-01"));
    assert_eq!(q.label, "2026-Q3", "the first day of a quarter");
    let y = periods::period_containing(Frequency::Yearly, day("2026-12-31"));
    assert_eq!((y.start, y.end), (day("2026-01-01"), day("2026-12-31")));
    assert_eq!(y.label, "2026");

    let months = periods::periods_between(Frequency::Monthly, day("2026-11-15"), day("2027-02-01"));
    let labels: Vec<&str> = months.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(
        labels,
        ["2026-11", "2026-12", "2027-01", "2027-02"],
        "across a year end"
    );
    assert!(
        periods::periods_between(Frequency::Monthly, day("2026-03-02"), day("2026-03-01"))
            .is_empty()
    );

    assert!(
        !p.is_due(day("2028-02-29")),
        "a period ending on D is not overdue yet"
    );
    assert!(p.is_due(day("2028-03-01")));
    assert_eq!(
        periods::start_day(Some(day("2026-03-10")), Some(day("2026-01-15"))),
        Some(day("2026-03-10"))
    );
    assert_eq!(
        periods::start_day(None, Some(day("2026-01-15"))),
        Some(day("2026-01-15"))
    );
    assert_eq!(periods::start_day(None, None), None);
}

fn result(on: &str) -> MeasureResult {
    MeasureResult {
        id: 0,
        measure_id: 1,
        measured_on: day(on),
        value: 1.0,
        target_met: true,
        evaluation: "ok".into(),
        follow_up: String::new(),
        tracker_item_id: None,
        evidence_id: None,
    }
}

#[test]
fn missing_periods_are_those_ended_without_a_result() {
    let start = day("2026-03-10");
    let results = [result("2026-03-31"), result("2026-05-02")];
    let labels = |d: &str| -> Vec<String> {
        periods::missing(Frequency::Monthly, &results, start, day(d))
            .into_iter()
            .map(|p| p.label)
            .collect()
    };
    assert!(
        labels("2026-03-31").is_empty(),
        "March ends on D: not due yet"
    );
    assert_eq!(
        labels("2026-05-31"),
        ["2026-04"],
        "March and May have results"
    );
    assert_eq!(
        labels("2026-06-01"),
        ["2026-04"],
        "May's result counts for May"
    );
    assert_eq!(labels("2026-07-01"), ["2026-04", "2026-06"]);
    let quarterly = periods::missing(Frequency::Quarterly, &results, start, day("2026-10-01"));
    let labels: Vec<&str> = quarterly.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(
        labels,
        ["2026-Q3"],
        "Q1 and Q2 have results; Q3 ended on 30 September"
    );
    assert!(
        periods::missing(Frequency::Yearly, &[], start, day("2026-12-31")).is_empty(),
        "the year is not over on 31 December"
    );
    assert_eq!(
        periods::missing(Frequency::Yearly, &[], start, day("2027-01-01")).len(),
        1
    );
    let open = periods::current_open(Frequency::Monthly, &results, Some(start), day("2026-05-20"));
    assert_eq!(open, None, "May has its result");
    let open = periods::current_open(Frequency::Monthly, &results, Some(start), day("2026-06-20"));
    assert_eq!(open.map(|p| p.label), Some("2026-06".into()));
    let before = periods::current_open(Frequency::Monthly, &[], Some(start), day("2026-02-20"));
    assert_eq!(before, None, "nothing is due before the start");
}

#[test]
fn the_monitoring_list_shows_overdue_and_open_periods() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let anna = person(&mut vault, "Anna");
    let mut org = isms_core::organisation::get(vault.reader()).unwrap();
    org.stage1_date = Some(day("2026-02-20"));
    isms_core::organisation::update(&mut vault, stamp(1), org).unwrap();
    let m = measures::create(&mut vault, stamp(2), awareness_measure(anna.id)).unwrap();
    measures::record_result(
        &mut vault,
        stamp(3),
        m.id,
        NewResult::new(day("2026-02-27"), 100.0, "All trained"),
    )
    .unwrap();
    let listed = measures::list_with_results(vault.reader(), day("2026-04-10")).unwrap();
    assert_eq!(listed.len(), 1);
    let labels: Vec<&str> = listed[0].overdue.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["2026-03"], "from the Stage 1 month on");
    assert_eq!(
        listed[0].current.as_ref().map(|p| p.label.as_str()),
        Some("2026-04")
    );
    assert_eq!(listed[0].results.len(), 1);
}

#[test]
fn measures_and_results_survive_a_snapshot_round_trip() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let anna = person(&mut vault, "Anna");
    let m = measures::create(&mut vault, stamp(1), awareness_measure(anna.id)).unwrap();
    let missed = NewResult {
        raise: Some(RaiseItem {
            kind: ItemKind::MinorNc,
            owner_id: Some(anna.id),
            due_on: None,
            description: "Chase the stragglers".into(),
        }),
        ..NewResult::new(day("2026-03-31"), 90.0, "Two people late")
    };
    measures::record_result(&mut vault, stamp(2), m.id, missed).unwrap();
    let exported = snapshot::export(&vault).unwrap();
    assert_eq!(exported.measures.len(), 1);
    assert_eq!(exported.measure_results.len(), 1);
    let text = snapshot::to_json(&exported).unwrap();

    let mut fresh = s.vault("copy.isms");
    snapshot::import(&mut fresh, stamp(3), snapshot::parse(&text).unwrap()).unwrap();
    let again = snapshot::export(&fresh).unwrap();
    assert_eq!(again.measures, exported.measures);
    assert_eq!(
        again.measure_results, exported.measure_results,
        "verdict and item kept"
    );
}

#[test]
fn the_review_summary_reports_each_measures_latest_result() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let anna = person(&mut vault, "Anna");
    let none = isms_core::reviews::proposed_summaries(vault.reader(), day("2026-06-01")).unwrap();
    assert!(none["9.3.2 d) 2)"].contains("No measure"));
    let m = measures::create(&mut vault, stamp(1), awareness_measure(anna.id)).unwrap();
    measures::record_result(
        &mut vault,
        stamp(2),
        m.id,
        NewResult::new(day("2026-04-30"), 96.0, "Good"),
    )
    .unwrap();
    let late = NewResult {
        follow_up: "Known".into(),
        ..NewResult::new(day("2026-05-29"), 90.0, "Dip")
    };
    measures::record_result(&mut vault, stamp(3), m.id, late).unwrap();
    let text = &isms_core::reviews::proposed_summaries(vault.reader(), day("2026-05-15")).unwrap()
        ["9.3.2 d) 2)"];
    assert_eq!(
        text,
        "M-001 Awareness training coverage: 96 % on 2026-04-30 (target ≥ 95 %: met); 1 of 1 result met the target.",
        "the result after the review's day is not known yet"
    );
    let text = &isms_core::reviews::proposed_summaries(vault.reader(), day("2026-06-01")).unwrap()
        ["9.3.2 d) 2)"];
    assert!(
        text.contains("90 % on 2026-05-29 (target ≥ 95 %: missed); 1 of 2 results met"),
        "{text}"
    );
}

#[test]
fn the_demo_company_measures_every_month_since_stage1_but_one_at_operating() {
    use isms_core::demo::{self, DemoPoint, DemoScale};
    let s = Scratch::new();
    let today = day("2026-06-15");
    let overdue = |point: DemoPoint, name: &str| -> Vec<(String, Vec<String>, usize)> {
        let pass = isms_core::Passphrase::new(crate::support::PASS.into());
        let vault = demo::create(&s.path(name), pass, point, DemoScale::Small, today).unwrap();
        measures::list_with_results(vault.reader(), today)
            .unwrap()
            .into_iter()
            .map(|m| {
                assert!(
                    m.results.iter().all(|r| !r.lacks_follow_up()),
                    "every missed target is followed up"
                );
                let late = m.overdue.into_iter().map(|p| p.label).collect();
                (m.measure.reference, late, m.results.len())
            })
            .collect()
    };
    let ready = overdue(DemoPoint::Stage2Ready, "ready.isms");
    assert_eq!(ready.len(), 4);
    assert!(
        ready.iter().all(|(_, late, n)| late.is_empty() && *n == 3),
        "March, April and May measured: {ready:?}"
    );
    let operating = overdue(DemoPoint::Operating, "operating.isms");
    let late: Vec<_> = operating.iter().filter(|(_, l, _)| !l.is_empty()).collect();
    assert_eq!(late.len(), 1, "{operating:?}");
    assert_eq!(late[0].1, ["2026-05"], "the postponed phishing simulation");
    let defined = overdue(DemoPoint::Stage1Ready, "stage1.isms");
    assert!(
        defined.iter().all(|(_, _, n)| *n == 0),
        "defined, nothing due yet"
    );
    assert!(overdue(DemoPoint::Stage1Gaps, "gaps.isms").is_empty());
}
