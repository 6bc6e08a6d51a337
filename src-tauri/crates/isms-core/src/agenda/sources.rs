//! Where the agenda's dates come from: one function per [`AgendaKind`], each reading the view's
//! facts as of its day (done actions, closed items, completed audits and held reviews dated
//! after the day are already rolled back by the view). They make the entries due by the
//! window's last day ([`Out`]); [`super::of`] works out how overdue each is and sorts them.

use std::collections::HashMap;

use chrono::{Days, Months, NaiveDate};

use super::{AgendaEntry, AgendaKind};
use crate::audits::AuditStatus;
use crate::readiness::records;
use crate::readiness::{RecordKind, RecordRef};
use crate::risks::ActionStatus;
use crate::tracker::{ItemSource, ItemStatus};
use crate::training::CourseKind;
use crate::view::View;

/// Awareness must be renewed within this many months when its course sets no validity
/// (S2-TRAINING counts completions of the last 12 months).
const AWARENESS_MONTHS: u32 = 12;

/// The entries due by the window's last day, made only for those (most records of a large
/// vault fall due later).
pub(super) struct Out {
    pub until: NaiveDate,
    entries: Vec<AgendaEntry>,
}

impl Out {
    /// Adds the entry `make` makes if `due` lies by the window's last day.
    pub fn push(&mut self, due: NaiveDate, make: impl FnOnce(NaiveDate) -> AgendaEntry) {
        if due <= self.until {
            self.entries.push(make(due));
        }
    }
}

/// Every entry due by `until`, the window's last day.
pub(super) fn all(view: &View, until: NaiveDate) -> Vec<AgendaEntry> {
    let mut out = Out {
        until,
        entries: Vec::new(),
    };
    treatment_actions(view, &mut out);
    tracker_items(view, &mut out);
    document_reviews(view, &mut out);
    training_renewals(view, &mut out);
    audits(view, &mut out);
    management_review(view, &mut out);
    certification_audits(view, &mut out);
    super::registers::all(view, &mut out);
    out.entries
}

pub(super) fn entry(
    kind: AgendaKind,
    ids: &[i64],
    record: RecordRef,
    owner_id: Option<i64>,
    due: NaiveDate,
    rule: Option<&str>,
    what: String,
) -> AgendaEntry {
    let mut key = kind.as_str().to_owned();
    for id in ids {
        key.push_str(&format!("-{id}"));
    }
    AgendaEntry {
        kind,
        key,
        record,
        owner_id,
        due,
        overdue_days: None,
        rule: rule.map(str::to_owned),
        what,
    }
}

/// Treatment actions not done, by their due date; the action's owner, else the risk's.
fn treatment_actions(view: &View, out: &mut Out) {
    for r in &view.risks {
        for a in &r.actions {
            let Some(due) = a.due_date.filter(|_| a.status != ActionStatus::Done) else {
                continue;
            };
            out.push(due, |due| {
                entry(
                    AgendaKind::TreatmentAction,
                    &[a.id],
                    records::risk(r),
                    a.owner_id.or(r.owner_id),
                    due,
                    Some("S2-TREATMENT"),
                    format!(
                        "Finish the treatment action “{}” of {}",
                        a.title, r.reference
                    ),
                )
            });
        }
    }
}

/// Tracker items not closed, by their due date. An internal audit's finding breaks
/// S2-FINDINGS once overdue; others break no rule by being late.
fn tracker_items(view: &View, out: &mut Out) {
    for i in &view.tracker {
        let Some(due) = i.due_on.filter(|_| i.status != ItemStatus::Closed) else {
            continue;
        };
        let rule = (i.source == ItemSource::InternalAudit).then_some("S2-FINDINGS");
        out.push(due, |due| {
            entry(
                AgendaKind::TrackerItem,
                &[i.id],
                records::item(i),
                i.owner_id,
                due,
                rule,
                format!("Close {}: {}", i.reference, i.title),
            )
        });
    }
}

/// Every document with a next review date.
fn document_reviews(view: &View, out: &mut Out) {
    for d in &view.documents {
        let Some(due) = d.next_review else { continue };
        out.push(due, |due| {
            entry(
                AgendaKind::DocumentReview,
                &[d.id],
                records::document(d),
                d.owner_id,
                due,
                None,
                format!("Review {} {}", d.reference, d.title),
            )
        });
    }
}

/// Per active person and course that lapses: the last completion plus the course's validity
/// (12 months for awareness when the course sets none). Due on the last day it still counts.
fn training_renewals(view: &View, out: &mut Out) {
    let day = view.day();
    let mut last: HashMap<(i64, i64), NaiveDate> = HashMap::new();
    for c in view.completions.iter().filter(|c| c.completed_on <= day) {
        let seen = last
            .entry((c.course_id, c.person_id))
            .or_insert(c.completed_on);
        *seen = (*seen).max(c.completed_on);
    }
    for course in &view.courses {
        let months = match (course.validity_months, course.kind) {
            (Some(m), _) => m,
            (None, CourseKind::Awareness) => AWARENESS_MONTHS,
            (None, CourseKind::Other) => continue,
        };
        let rule = (course.kind == CourseKind::Awareness).then_some("S2-TRAINING");
        for p in view.people.iter().filter(|p| p.is_active(day)) {
            let Some(done) = last.get(&(course.id, p.id)) else {
                continue;
            };
            let Some(due) = done.checked_add_months(Months::new(months)) else {
                continue;
            };
            out.push(due, |due| {
                entry(
                    AgendaKind::TrainingRenewal,
                    &[course.id, p.id],
                    RecordRef::new(
                        RecordKind::Course,
                        &course.title,
                        &course.title,
                        Some(course.id),
                    ),
                    Some(p.id),
                    due,
                    rule,
                    format!(
                        "{} renews “{}” (last completed {done})",
                        p.name, course.title
                    ),
                )
            });
        }
    }
}

/// Audits planned or in progress, due on the last day of their planned month.
fn audits(view: &View, out: &mut Out) {
    for a in &view.audits {
        if !matches!(a.status, AuditStatus::Planned | AuditStatus::InProgress) {
            continue;
        }
        let Some(due) = a
            .planned_start()
            .and_then(|s| s.checked_add_months(Months::new(1)))
            .and_then(|s| s.checked_sub_days(Days::new(1)))
        else {
            continue;
        };
        out.push(due, |due| {
            entry(
                AgendaKind::Audit,
                &[a.id],
                records::audit(a),
                a.auditor_id,
                due,
                Some("S2-AUDITS"),
                format!("Carry out and complete {} {}", a.reference, a.title),
            )
        });
    }
}

/// The next management review: 12 months after the last one held, or, when none was held,
/// the day before the Stage 2 target. Owned by the active ISMS owner.
fn management_review(view: &View, out: &mut Out) {
    let day = view.day();
    let owner = isms_owner(view);
    let last = view
        .reviews
        .iter()
        .filter(|r| r.held_on <= day)
        .max_by_key(|r| r.held_on);
    let (record, due, what) = match last {
        Some(r) => (
            records::review(r),
            r.held_on.checked_add_months(Months::new(12)),
            format!("Hold the management review (the last was on {})", r.held_on),
        ),
        None => (
            records::organisation(&view.organisation),
            view.organisation
                .stage2_target
                .and_then(|s| s.checked_sub_days(Days::new(1))),
            "Hold a management review before the Stage 2 audit".to_owned(),
        ),
    };
    let Some(due) = due else { return };
    out.push(due, |due| {
        entry(
            AgendaKind::ManagementReview,
            &[],
            record,
            owner,
            due,
            Some("S2-MGMT-REVIEW"),
            what,
        )
    });
}

/// The Stage 1 date and the Stage 2 target, on their days, owned by the active ISMS owner; a
/// date already past is not shown (the audit took place, or its date needs updating, which the
/// Organisation page shows).
fn certification_audits(view: &View, out: &mut Out) {
    let day = view.day();
    let owner = isms_owner(view);
    let org = &view.organisation;
    for (stage, date) in [(1, org.stage1_date), (2, org.stage2_target)] {
        let Some(due) = date.filter(|d| *d >= day) else {
            continue;
        };
        out.push(due, |due| {
            entry(
                AgendaKind::CertificationAudit,
                &[stage],
                records::organisation(org),
                owner,
                due,
                None,
                format!("Stage {stage} audit by {}", certification_body(org)),
            )
        });
    }
}

fn certification_body(org: &crate::organisation::Organisation) -> &str {
    match org.certification_body.trim() {
        "" => "the certification body",
        body => body,
    }
}

/// The active ISMS owner on the view's day, if one is recorded.
fn isms_owner(view: &View) -> Option<i64> {
    let day = view.day();
    view.people
        .iter()
        .find(|p| p.isms_owner && p.is_active(day))
        .map(|p| p.id)
}
