//! The values of measures computed from the vault on a day, read from the [`View`] of that day
//! (nothing in it is dated after it); dated things are still judged against the day where the
//! measure needs it (who is active, what is overdue, which audit months have passed).
//!
//! A percentage with nothing to count (no active people, no red risk…) has no value: `None`,
//! so the user sees "nothing to measure" rather than a made-up 0 or 100 %.

use std::collections::HashSet;

use chrono::{Datelike, Days, Months, NaiveDate};

use super::model::{Measure, Source};
use crate::audits::AuditStatus;
use crate::risks::{ActionStatus, RiskLevel};
use crate::soa::ImplementationStatus;
use crate::tracker::ItemStatus;
use crate::training::CourseKind;
use crate::view::{Facts, View};

/// The value of `source` on the view's day; `None` for a manual measure or when there is
/// nothing to count.
pub fn value(view: &View, source: Source) -> Option<f64> {
    let (facts, day) = (view.facts(), view.day());
    match source {
        Source::Manual => None,
        Source::AwarenessTraining => awareness_training(facts, day),
        Source::Acknowledgements => acknowledgements(facts, day),
        Source::OpenNcs => Some(open_ncs(facts, day)),
        Source::OverdueItems => Some(overdue_items(facts, day)),
        Source::RedRisksTreated => red_risks_treated(facts, day),
        Source::SoaImplemented => soa_implemented(facts),
        Source::AuditAdherence => audit_adherence(facts, day),
    }
}

/// The value proposed for recording `measure` on the view's day: its computed value, none if
/// manual.
pub fn propose(view: &View, measure: &Measure) -> Option<f64> {
    value(view, measure.source)
}

fn percent(part: usize, whole: usize) -> Option<f64> {
    if whole == 0 {
        return None;
    }
    // Rounded to one decimal so a recorded value reads as it was shown.
    Some((part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// Active people with an awareness completion in the 12 months up to `day` (both ends
/// included), or still within 30 days' grace of joining (the 30th day included).
fn awareness_training(f: &Facts, day: NaiveDate) -> Option<f64> {
    let awareness: HashSet<i64> = f
        .courses
        .iter()
        .filter(|c| c.kind == CourseKind::Awareness)
        .map(|c| c.id)
        .collect();
    let since = day.checked_sub_months(Months::new(12)).unwrap_or(day);
    let trained: HashSet<i64> = f
        .completions
        .iter()
        .filter(|c| awareness.contains(&c.course_id))
        .filter(|c| since <= c.completed_on && c.completed_on <= day)
        .map(|c| c.person_id)
        .collect();
    let active: Vec<_> = f.people.iter().filter(|p| p.is_active(day)).collect();
    let covered = active
        .iter()
        .filter(|p| {
            trained.contains(&p.id)
                || p.start_date
                    .and_then(|s| s.checked_add_days(Days::new(30)))
                    .is_some_and(|grace| day <= grace)
        })
        .count();
    percent(covered, active.len())
}

/// Of every (active person in the audience × communicated document's version in force) pair,
/// the share acknowledged on or before `day`.
fn acknowledgements(f: &Facts, day: NaiveDate) -> Option<f64> {
    let acked: HashSet<(i64, i64)> = f
        .acknowledgements
        .iter()
        .filter(|a| a.acknowledged_on <= day)
        .map(|a| (a.version_id, a.person_id))
        .collect();
    let active: Vec<_> = f.people.iter().filter(|p| p.is_active(day)).collect();
    let (mut required, mut given) = (0, 0);
    for d in f.documents.iter().filter(|d| d.communicate) {
        let Some(version) = d
            .versions
            .iter()
            .filter(|v| v.approved_on.is_some_and(|on| on <= day))
            .max_by_key(|v| (v.approved_on, v.id))
        else {
            continue;
        };
        for p in active.iter().filter(|p| {
            d.audience.is_empty()
                || d.audience
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(&p.department))
        }) {
            required += 1;
            if acked.contains(&(version.id, p.id)) {
                given += 1;
            }
        }
    }
    percent(given, required)
}

/// Open major and minor nonconformities raised on or before `day`, whatever raised them.
fn open_ncs(f: &Facts, day: NaiveDate) -> f64 {
    f.tracker
        .iter()
        .filter(|i| i.kind.is_nc() && i.status != ItemStatus::Closed && i.raised_on <= day)
        .count() as f64
}

/// Tracker items not closed whose due date is before `day`.
fn overdue_items(f: &Facts, day: NaiveDate) -> f64 {
    f.tracker.iter().filter(|i| i.is_overdue(day)).count() as f64
}

/// Red risks (inherent score at or above the red threshold) whose treatment actions are all
/// done; a red risk with no action at all is not treated.
fn red_risks_treated(f: &Facts, day: NaiveDate) -> Option<f64> {
    let red: Vec<_> = f
        .risks
        .iter()
        .filter(|r| r.inherent.is_some_and(|s| s.level == RiskLevel::Red))
        .collect();
    let treated = red
        .iter()
        .filter(|r| {
            !r.actions.is_empty()
                && r.actions
                    .iter()
                    .all(|a| a.status == ActionStatus::Done && a.done_date.is_none_or(|d| d <= day))
        })
        .count();
    percent(treated, red.len())
}

/// Applicable Annex A controls whose status is implemented.
fn soa_implemented(f: &Facts) -> Option<f64> {
    let applicable: Vec<_> = f
        .soa
        .iter()
        .filter(|e| e.applicable == Some(true))
        .collect();
    let done = applicable
        .iter()
        .filter(|e| e.status == Some(ImplementationStatus::Implemented))
        .count();
    percent(done, applicable.len())
}

/// Internal audits planned for the months from the Stage 1 month up to the month before
/// `day`'s month that are completed (on or before `day`). Cancelled audits are left out: the
/// programme was changed, and the audit that replaces one is planned in its own month.
fn audit_adherence(f: &Facts, day: NaiveDate) -> Option<f64> {
    let stage1 = f.organisation.stage1_date?;
    let from = stage1.format("%Y-%m").to_string();
    let to = NaiveDate::from_ymd_opt(day.year(), day.month(), 1)?
        .format("%Y-%m")
        .to_string();
    let planned: Vec<_> = f
        .audits
        .iter()
        .filter(|a| a.status != AuditStatus::Cancelled)
        .filter(|a| a.planned_month >= from && a.planned_month < to)
        .collect();
    let completed = planned
        .iter()
        .filter(|a| a.status == AuditStatus::Completed && a.completed_on.is_none_or(|d| d <= day))
        .count();
    percent(completed, planned.len())
}
