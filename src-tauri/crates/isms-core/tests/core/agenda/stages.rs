//! The Stage 1 and Stage 2 audits on the agenda.

use isms_core::agenda::AgendaKind;

use super::{D, agenda_on, company};
use crate::support::Scratch;

#[test]
fn the_certification_audits_are_on_the_agenda_until_their_day_has_passed() {
    let s = Scratch::new();
    let (v, owner, _) = company(&s);
    let stage = |on: &str, days: u32| -> Vec<(String, Option<i64>, Option<u32>, String)> {
        agenda_on(&v, on, days)
            .into_iter()
            .filter(|e| e.kind == AgendaKind::CertificationAudit)
            .map(|e| (e.due.to_string(), e.owner_id, e.overdue_days, e.what))
            .collect()
    };
    let stage2 = || {
        vec![(
            "2026-07-10".to_owned(),
            Some(owner),
            None,
            "Stage 2 audit by the certification body".to_owned(),
        )]
    };
    // No Stage 1 date is recorded; the Stage 2 target is 2026-07-10.
    assert_eq!(stage(D, 20), stage2());
    assert!(stage(D, 19).is_empty());
    assert_eq!(stage("2026-07-10", 0), stage2());
    assert!(stage("2026-07-11", 30).is_empty());
}
