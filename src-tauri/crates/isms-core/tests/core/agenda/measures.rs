//! Measures' results on the agenda: each period of the frequency since the start without a
//! result, due on the period's last day, on a real vault.

use isms_core::agenda::{self, AgendaKind};
use isms_core::measures::{self, Frequency, Measure, NewResult, Source};
use isms_core::organisation;
use isms_core::people::{self, Person};

use super::{D, agenda_on, day};
use crate::support::{Scratch, stamp};

fn measured(s: &Scratch) -> (isms_core::Vault, i64) {
    let mut v = s.vault("measures.isms");
    let mut org = organisation::get(v.reader()).unwrap();
    org.stage1_date = Some(day("2026-03-16"));
    organisation::update(&mut v, stamp(1), org).unwrap();
    let dev = people::create(
        &mut v,
        stamp(1),
        Person::new("Dara Lin", "dev@acme.example"),
    )
    .unwrap()
    .id;
    let measure = |v: &mut isms_core::Vault, title: &str, f: Frequency, defined: &str| {
        measures::create(
            v,
            stamp(2),
            Measure {
                monitored: "Restore tests".into(),
                method: "Share that succeeded".into(),
                measured_by: Some(dev),
                evaluated_by: Some(dev),
                defined_on: Some(day(defined)),
                ..Measure::new(title, f, Source::Manual)
            },
        )
        .unwrap()
    };
    let monthly = measure(&mut v, "Restores passed", Frequency::Monthly, "2026-03-10");
    measure(
        &mut v,
        "Phishing reported",
        Frequency::Quarterly,
        "2026-06-01",
    );
    for on in ["2026-03-31", "2026-05-15", "2026-06-25"] {
        measures::record_result(
            &mut v,
            stamp(3),
            monthly.id,
            NewResult::new(day(on), 97.0, "On target."),
        )
        .unwrap();
    }
    (v, dev)
}

fn due(v: &isms_core::Vault, on: &str, days: u32) -> Vec<(String, String, Option<u32>)> {
    agenda_on(v, on, days)
        .into_iter()
        .filter(|e| e.kind == AgendaKind::MeasureResult)
        .map(|e| (e.record.reference, e.due.to_string(), e.overdue_days))
        .collect()
}

fn row(m: &str, due: &str, overdue: Option<u32>) -> (String, String, Option<u32>) {
    (m.into(), due.into(), overdue)
}

#[test]
fn each_period_without_a_result_is_due_on_its_last_day() {
    let s = Scratch::new();
    let (v, dev) = measured(&s);
    // April has no result (overdue); June's is due on its last day (the result of the 25th is
    // not known on D); July ends after the window.
    assert_eq!(
        due(&v, D, 30),
        [
            row("M-001", "2026-04-30", Some(51)),
            row("M-001", "2026-06-30", None),
            row("M-002", "2026-06-30", None),
        ]
    );
    assert_eq!(
        due(&v, D, 41).last(),
        Some(&row("M-001", "2026-07-31", None))
    );
    assert_eq!(due(&v, D, 40).len(), 3);
    // Once June's result is recorded, June leaves; on its last day nothing is overdue but April.
    assert_eq!(
        due(&v, "2026-06-30", 0),
        [
            row("M-001", "2026-04-30", Some(61)),
            row("M-002", "2026-06-30", None)
        ]
    );
    let entries = agenda_on(&v, D, 30);
    assert!(
        entries
            .iter()
            .filter(|e| e.kind == AgendaKind::MeasureResult)
            .all(|e| e.owner_id == Some(dev) && e.rule.as_deref() == Some("S2-MONITORING"))
    );
    // A window longer than ten years is cut to ten years: one result a month until then.
    let decade = due(&v, D, agenda::MAX_DAYS);
    assert_eq!(decade.last(), Some(&row("M-001", "2036-05-31", None)));
    assert_eq!(due(&v, D, u32::MAX), decade);
    // Before Stage 1 nothing was due.
    assert!(due(&v, "2026-02-01", 30).is_empty());
}
