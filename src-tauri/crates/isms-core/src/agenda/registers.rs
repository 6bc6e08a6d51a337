//! The agenda's entries from the registers beside the core ISMS: supplier reviews and
//! certificates (A.5.19–5.22), competence evidence (7.2) that lapses, and the results of
//! measures (9.1) each period.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};

use super::AgendaKind;
use super::sources::{Out, entry};
use crate::competence::CompetenceEvidence;
use crate::measures;
use crate::readiness::records;
use crate::suppliers::Criticality;
use crate::view::View;

pub(super) fn all(view: &View, out: &mut Out) {
    suppliers(view, out);
    competence(view, out);
    measures(view, out);
}

/// Each period of a measure's frequency from its start (the later of the Stage 1 date and the
/// day it was defined) that has no result yet, due on the period's last day (S2-MONITORING);
/// the view's results are those measured by its day. Owned by who measures.
fn measures(view: &View, out: &mut Out) {
    for m in &view.measures {
        let Some(start) = measures::start_day(view.organisation.stage1_date, m.defined_on) else {
            continue;
        };
        let mine: Vec<NaiveDate> = view
            .results
            .iter()
            .filter(|r| r.measure_id == m.id)
            .map(|r| r.measured_on)
            .collect();
        for p in measures::periods_between(m.frequency, start, out.until) {
            if mine.iter().any(|d| p.contains(*d)) {
                continue;
            }
            let code = i64::from(p.start.year()) * 10_000
                + i64::from(p.start.month()) * 100
                + i64::from(p.start.day());
            out.push(p.end, |due| {
                entry(
                    AgendaKind::MeasureResult,
                    &[m.id, code],
                    records::measure(m),
                    m.measured_by,
                    due,
                    Some("S2-MONITORING"),
                    format!("Record the result of {} for {}", m.reference, p.label),
                )
            });
        }
    }
}

/// Each supplier reviewed by the day is due again its interval after the last review (one
/// never reviewed has no date to show); each certificate issued by the day (or undated) is due
/// on its expiry. S2-SUPPLIERS asks a review in time of critical suppliers and warns of any
/// expired certificate.
fn suppliers(view: &View, out: &mut Out) {
    let day = view.day();
    for s in &view.suppliers {
        if let Some(due) = s.review_due(day) {
            out.push(due, |due| {
                entry(
                    AgendaKind::SupplierReview,
                    &[s.id],
                    records::supplier(s),
                    s.owner_id,
                    due,
                    (s.criticality == Some(Criticality::Critical)).then_some("S2-SUPPLIERS"),
                    format!("Review the supplier {}", s.name),
                )
            });
        }
        for c in s
            .certificates
            .iter()
            .filter(|c| c.issued_on.is_none_or(|i| i <= day))
        {
            let Some(due) = c.expires_on else { continue };
            out.push(due, |due| {
                entry(
                    AgendaKind::CertificateExpiry,
                    &[c.id],
                    records::supplier(s),
                    s.owner_id,
                    due,
                    Some("S2-SUPPLIERS"),
                    format!("{} of {} expires: ask for the new one", c.title, s.name),
                )
            });
        }
    }
}

/// Each active person's competence evidence that lapses, unless the same person holds evidence
/// of the same title that lasts longer (renewed). It breaks S1-COMPETENCE when the person holds
/// a role that requires competence (and has no other current evidence by then).
fn competence(view: &View, out: &mut Out) {
    let day = view.day();
    let demanding: BTreeSet<i64> = view
        .roles
        .iter()
        .filter(|r| r.requires_competence())
        .map(|r| r.id)
        .collect();
    let in_role: BTreeSet<i64> = view
        .assignments
        .iter()
        .filter(|a| demanding.contains(&a.role_id))
        .map(|a| a.person_id)
        .collect();
    let mut held: HashMap<i64, Vec<&CompetenceEvidence>> = HashMap::new();
    for e in view.competence.iter().filter(|e| e.obtained_on <= day) {
        held.entry(e.person_id).or_default().push(e);
    }
    for p in view.people.iter().filter(|p| p.is_active(day)) {
        let Some(mine) = held.get(&p.id) else {
            continue;
        };
        let in_role = in_role.contains(&p.id);
        for e in mine {
            let Some(due) = e.expires_on else { continue };
            let renewed = mine.iter().any(|other| {
                other.id != e.id
                    && other.title.eq_ignore_ascii_case(&e.title)
                    && other.expires_on.is_none_or(|x: NaiveDate| x > due)
            });
            if renewed {
                continue;
            }
            out.push(due, |due| {
                entry(
                    AgendaKind::CompetenceExpiry,
                    &[e.id],
                    records::person(p),
                    Some(p.id),
                    due,
                    in_role.then_some("S1-COMPETENCE"),
                    format!(
                        "{} of {} lapses: renew it or record other evidence",
                        e.title, p.name
                    ),
                )
            });
        }
    }
}
