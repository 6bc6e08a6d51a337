//! The agenda: everything that falls due in a window after a day D, and everything already
//! overdue on D, computed from the same [`View`] the readiness rules read. Like readiness it is
//! a pure function ([`of`]): no SQL, no clock, nothing dated after D. Each entry names its
//! record, its owner, its due date, by how many days it is overdue (deadlines are judged on D:
//! due on D is not overdue) and the readiness rule it breaks if missed. The window includes its
//! end: with a window of N days, something due on D + N is on the agenda, D + N + 1 is not.
//!
//! Where the dates come from is in [`sources`] and [`registers`]: one function per kind of
//! entry; [`ics`] writes
//! the agenda as an iCalendar file.

pub mod ics;
mod registers;
mod sources;

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::readiness::RecordRef;
use crate::view::View;

/// The default window, in days after the day of the view.
pub const DEFAULT_DAYS: u32 = 30;

/// The longest window, ten years: a longer one is cut to it (periodic entries such as measures'
/// results are listed one per period up to the window's end).
pub const MAX_DAYS: u32 = 3660;

/// What kind of thing falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AgendaKind {
    /// A risk treatment action not done (due date of the action).
    TreatmentAction,
    /// A tracker item not closed, with a due date.
    TrackerItem,
    /// A document's next review date.
    DocumentReview,
    /// A person's completion of a course that lapses (last completion + the course's validity).
    TrainingRenewal,
    /// An internal audit planned for a month and not completed (due the month's last day).
    Audit,
    /// The management review: 12 months after the last one held, or before Stage 2 if none.
    ManagementReview,
    /// A supplier's next review: its last review plus its review interval.
    SupplierReview,
    /// A supplier's certificate or report lapsing (its expiry date).
    CertificateExpiry,
    /// A person's competence evidence lapsing (its expiry date), unless renewed.
    CompetenceExpiry,
    /// A measure's result for a period of its frequency (due on the period's last day).
    MeasureResult,
    /// The Stage 1 or Stage 2 audit, on its date, until that day has passed.
    CertificationAudit,
}

impl AgendaKind {
    /// The kind's name as it is written in JSON, keys and the CLI (`treatment_action`).
    pub fn as_str(self) -> &'static str {
        match self {
            AgendaKind::TreatmentAction => "treatment_action",
            AgendaKind::TrackerItem => "tracker_item",
            AgendaKind::DocumentReview => "document_review",
            AgendaKind::TrainingRenewal => "training_renewal",
            AgendaKind::Audit => "audit",
            AgendaKind::ManagementReview => "management_review",
            AgendaKind::SupplierReview => "supplier_review",
            AgendaKind::CertificateExpiry => "certificate_expiry",
            AgendaKind::CompetenceExpiry => "competence_expiry",
            AgendaKind::MeasureResult => "measure_result",
            AgendaKind::CertificationAudit => "certification_audit",
        }
    }
}

/// One thing due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AgendaEntry {
    pub kind: AgendaKind,
    /// Stable across days and exports: the kind and the ids of what is due
    /// (`treatment_action-12`, `training_renewal-3-7` for course 3 and person 7).
    pub key: String,
    /// The record to open to deal with it.
    pub record: RecordRef,
    /// The person who must act, when one is recorded.
    pub owner_id: Option<i64>,
    pub due: NaiveDate,
    /// Days past due on the view's day; none when due on or after it.
    pub overdue_days: Option<u32>,
    /// The readiness rule that fails or warns once it is missed, if any.
    pub rule: Option<String>,
    /// What is due, in plain words.
    pub what: String,
}

/// Everything overdue on the view's day and everything due within `days` after it (the last
/// day included; at most [`MAX_DAYS`]), by due date, then reference, then key.
pub fn of(view: &View, days: u32) -> Vec<AgendaEntry> {
    let day = view.day();
    let until = day
        .checked_add_days(Days::new(days.min(MAX_DAYS).into()))
        .unwrap_or(NaiveDate::MAX);
    let mut entries: Vec<AgendaEntry> = sources::all(view, until)
        .into_iter()
        .map(|mut e| {
            e.overdue_days =
                (e.due < day).then(|| u32::try_from((day - e.due).num_days()).unwrap_or(u32::MAX));
            e
        })
        .collect();
    entries.sort_by(|a, b| {
        (a.due, &a.record.reference, &a.key).cmp(&(b.due, &b.record.reference, &b.key))
    });
    entries
}

/// Only the entries `person_id` owns.
pub fn owned_by(entries: Vec<AgendaEntry>, person_id: i64) -> Vec<AgendaEntry> {
    entries
        .into_iter()
        .filter(|e| e.owner_id == Some(person_id))
        .collect()
}
