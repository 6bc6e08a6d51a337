//! The agenda's entries from the registers beside the core ISMS: supplier reviews and
//! certificates (A.5.19–5.22) and competence evidence (7.2) that lapses.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::AgendaKind;
use super::sources::entry;
use crate::readiness::records;
use crate::suppliers::Criticality;
use crate::view::View;

pub(super) fn all(view: &View, out: &mut Vec<super::AgendaEntry>) {
    suppliers(view, out);
    competence(view, out);
}

/// Each supplier reviewed by the day is due again its interval after the last review (one
/// never reviewed has no date to show); each certificate issued by the day (or undated) is due
/// on its expiry. S2-SUPPLIERS asks a review in time of critical suppliers and warns of any
/// expired certificate.
fn suppliers(view: &View, out: &mut Vec<super::AgendaEntry>) {
    let day = view.day();
    for s in &view.suppliers {
        if let Some(due) = s.review_due(day) {
            out.push(entry(
                AgendaKind::SupplierReview,
                &[s.id],
                records::supplier(s),
                s.owner_id,
                due,
                (s.criticality == Some(Criticality::Critical)).then_some("S2-SUPPLIERS"),
                format!("Review the supplier {}", s.name),
            ));
        }
        for c in s
            .certificates
            .iter()
            .filter(|c| c.issued_on.is_none_or(|i| i <= day))
        {
            let Some(due) = c.expires_on else { continue };
            out.push(entry(
                AgendaKind::CertificateExpiry,
                &[c.id],
                records::supplier(s),
                s.owner_id,
                due,
                Some("S2-SUPPLIERS"),
                format!("{} of {} expires: ask for the new one", c.title, s.name),
            ));
        }
    }
}

/// Each active person's competence evidence that lapses, unless the same person holds evidence
/// of the same title that lasts longer (renewed). It breaks S1-COMPETENCE when the person holds
/// a role that requires competence (and has no other current evidence by then).
fn competence(view: &View, out: &mut Vec<super::AgendaEntry>) {
    let day = view.day();
    let demanding: BTreeSet<i64> = view
        .roles
        .iter()
        .filter(|r| r.requires_competence())
        .map(|r| r.id)
        .collect();
    for p in view.people.iter().filter(|p| p.is_active(day)) {
        let mine: Vec<_> = view
            .competence
            .iter()
            .filter(|e| e.person_id == p.id && e.obtained_on <= day)
            .collect();
        let in_role = view
            .assignments
            .iter()
            .any(|a| a.person_id == p.id && demanding.contains(&a.role_id));
        for e in &mine {
            let Some(due) = e.expires_on else { continue };
            let renewed = mine.iter().any(|other| {
                other.id != e.id
                    && other.title.eq_ignore_ascii_case(&e.title)
                    && other.expires_on.is_none_or(|x: NaiveDate| x > due)
            });
            if renewed {
                continue;
            }
            out.push(entry(
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
            ));
        }
    }
}
