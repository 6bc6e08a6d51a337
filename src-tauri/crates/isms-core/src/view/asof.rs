//! Rolls [`Facts`] back to a day D: every dated fact is judged by its own date, and a record
//! whose date lies after D is either left out (it had not happened) or shown in the state it
//! had on D (an action done after D is still open; an audit completed after D is in progress
//! or planned; a change approved after D is still proposed). Role assignments count from the
//! day they were made, competence evidence from the day it was obtained, measures from the
//! day they were defined and their results from the day measured; supplier reviews and
//! certificates, incidents and requirement reviews likewise.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::Facts;
use crate::audits::AuditStatus;
use crate::changes::ChangeStatus;
use crate::incidents::IncidentStatus;
use crate::risks::ActionStatus;
use crate::tracker::{ItemStatus, TrackerItem};

/// Whether something dated `date` had happened by `day`; an unknown date is taken as known
/// before (the record says it happened and nothing says when).
fn by(date: Option<NaiveDate>, day: NaiveDate) -> bool {
    date.is_none_or(|d| d <= day)
}

pub(super) fn restrict(f: &mut Facts, day: NaiveDate) {
    documents(f, day);
    f.soa_versions.retain(|v| v.approved_on <= day);
    f.acknowledgements.retain(|a| a.acknowledged_on <= day);
    f.completions.retain(|c| c.completed_on <= day);
    f.reviews.retain(|r| r.held_on <= day);
    f.assignments.retain(|a| by(a.assigned_on, day));
    f.competence.retain(|c| c.obtained_on <= day);
    f.measures.retain(|m| by(m.defined_on, day));
    f.results.retain(|r| r.measured_on <= day);
    risks(f, day);
    tracker(f, day);
    audits(f, day);
    changes(f, day);
    evidence(f, day);
    registers(f, day);
}

/// Supplier reviews count from the day held and certificates from the day issued; an incident
/// is absent before it was reported and, closed after the day, is shown contained (the last
/// step before closing: what it was between is not recorded); a requirement reviewed after the
/// day shows no review (its earlier reviews are not kept).
fn registers(f: &mut Facts, day: NaiveDate) {
    for s in &mut f.suppliers {
        s.reviews.retain(|r| r.reviewed_on <= day);
        s.certificates.retain(|c| by(c.issued_on, day));
    }
    f.incidents.retain(|i| i.reported_on <= day);
    for i in &mut f.incidents {
        if i.closed_on.is_some_and(|c| c > day) {
            i.status = IncidentStatus::Contained;
            i.closed_on = None;
        }
    }
    for r in &mut f.requirements {
        if r.reviewed_on.is_some_and(|d| d > day) {
            r.reviewed_on = None;
        }
    }
}

/// A document version counts from its approval date; one approved later is absent.
fn documents(f: &mut Facts, day: NaiveDate) {
    let mut gone = HashSet::new();
    for d in &mut f.documents {
        d.versions.retain(|v| {
            let keep = by(v.approved_on, day);
            if !keep {
                gone.insert(v.id);
            }
            keep
        });
    }
    if !gone.is_empty() {
        f.acknowledgements.retain(|a| !gone.contains(&a.version_id));
    }
}

/// An action is done only if done on or before the day; an approval counts from when given; an
/// assessment dated after the day is not known on it (the vault keeps only the last one).
fn risks(f: &mut Facts, day: NaiveDate) {
    for r in &mut f.risks {
        r.approvals.retain(|a| a.approved_on <= day);
        if r.assessed_on.is_some_and(|on| on > day) {
            r.assessed_on = None;
        }
        for a in &mut r.actions {
            if a.status == ActionStatus::Done && !by(a.done_date, day) {
                a.status = ActionStatus::InProgress;
                a.done_date = None;
            }
        }
    }
}

/// An item raised after the day is absent; one closed after it is still open (awaiting
/// verification if its corrective action was recorded and it was closed for good later);
/// notes and the effectiveness review count from their dates.
fn tracker(f: &mut Facts, day: NaiveDate) {
    f.tracker.retain(|i| i.raised_on <= day);
    for i in &mut f.tracker {
        tracker_item(i, day);
    }
}

/// An item raised by the day as it stood on it: notes and the effectiveness review from their
/// dates, closed only if closed by then. Also used by [`crate::tracker::overdue`], which reads
/// only the items it needs.
pub(crate) fn tracker_item(i: &mut TrackerItem, day: NaiveDate) {
    i.notes.retain(|n| n.noted_on <= day);
    if !by(i.effectiveness_on, day) {
        i.effectiveness_on = None;
        i.effectiveness_result.clear();
    }
    if i.status == ItemStatus::Closed && !by(i.closed_on, day) {
        i.status = ItemStatus::InProgress;
        i.closed_on = None;
    }
}

/// An audit is completed only if completed on or before the day; before that it was in
/// progress (if started by then) or planned. Its findings are tracker items, raised on their
/// own dates (see [`tracker`]).
fn audits(f: &mut Facts, day: NaiveDate) {
    for a in &mut f.audits {
        if a.status == AuditStatus::Completed && !by(a.completed_on, day) {
            a.completed_on = None;
            a.status = AuditStatus::Planned;
        }
        if a.started_on.is_some_and(|s| s > day) {
            a.started_on = None;
            if a.status == AuditStatus::InProgress {
                a.status = AuditStatus::Planned;
            }
        }
        if a.status == AuditStatus::Planned && a.started_on.is_some() {
            a.status = AuditStatus::InProgress;
        }
    }
}

/// A change requested after the day is absent; it is approved (or rejected) from its decision
/// date and implemented from its implementation date.
fn changes(f: &mut Facts, day: NaiveDate) {
    f.changes.retain(|c| by(c.requested_on, day));
    for c in &mut f.changes {
        if c.status == ChangeStatus::Implemented && !by(c.implemented_on, day) {
            c.implemented_on = None;
            c.status = ChangeStatus::Approved;
        }
        if matches!(c.status, ChangeStatus::Approved | ChangeStatus::Rejected)
            && !by(c.decided_on, day)
        {
            c.decided_on = None;
            c.status = ChangeStatus::Proposed;
        }
    }
}

/// An evidence file counts from its effective date (its upload day when it has none); the
/// records pointing at one that does not count yet have no evidence on the day.
fn evidence(f: &mut Facts, day: NaiveDate) {
    let uploaded = |e: &crate::evidence::Evidence| {
        e.uploaded_at
            .get(..10)
            .and_then(|d| d.parse::<NaiveDate>().ok())
    };
    f.evidence
        .retain(|e| by(e.effective_date.or_else(|| uploaded(e)), day));
    let kept: HashSet<i64> = f.evidence.iter().map(|e| e.id).collect();
    let keep = |id: &mut Option<i64>| {
        if id.is_some_and(|id| !kept.contains(&id)) {
            *id = None;
        }
    };
    f.completions
        .iter_mut()
        .for_each(|c| keep(&mut c.evidence_id));
    f.acknowledgements
        .iter_mut()
        .for_each(|a| keep(&mut a.evidence_id));
    f.competence
        .iter_mut()
        .for_each(|c| keep(&mut c.evidence_id));
    f.results.iter_mut().for_each(|r| keep(&mut r.evidence_id));
    for i in &mut f.tracker {
        i.evidence_ids.retain(|id| kept.contains(id));
    }
}
