//! Calendar periods of a measure's frequency (a month, a quarter, a calendar year) and which of
//! them still lack a result. Pure functions of dates.
//!
//! The rules, as an auditor on day D reads them:
//! - a result counts for the period its `measured_on` falls in;
//! - periods run from the one the start day falls in (the later of the Stage 1 date and the day
//!   the measure was defined) up to the one D falls in;
//! - a period is *due* when it ended before D: a period ending on D is not overdue yet.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{Frequency, MeasureResult};

/// One month, quarter or calendar year; both ends included.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// "2026-03", "2026-Q2" or "2026".
    pub label: String,
}

impl Period {
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end
    }

    /// Must have a result on `day`: it ended before that day.
    pub fn is_due(&self, day: NaiveDate) -> bool {
        self.end < day
    }
}

fn months_in(frequency: Frequency) -> u32 {
    match frequency {
        Frequency::Monthly => 1,
        Frequency::Quarterly => 3,
        Frequency::Yearly => 12,
    }
}

/// The period of `frequency` that `day` falls in.
pub fn period_containing(frequency: Frequency, day: NaiveDate) -> Period {
    let n = months_in(frequency);
    let first_month = (day.month0() / n) * n + 1;
    let start = NaiveDate::from_ymd_opt(day.year(), first_month, 1).unwrap_or(day);
    let end = start
        .checked_add_months(Months::new(n))
        .and_then(|next| next.pred_opt())
        .unwrap_or(NaiveDate::MAX);
    let label = match frequency {
        Frequency::Monthly => start.format("%Y-%m").to_string(),
        Frequency::Quarterly => format!("{}-Q{}", start.year(), day.month0() / 3 + 1),
        Frequency::Yearly => start.year().to_string(),
    };
    Period { start, end, label }
}

/// Every period from the one `from` falls in to the one `to` falls in, oldest first; empty
/// when `to` is before `from`.
pub fn periods_between(frequency: Frequency, from: NaiveDate, to: NaiveDate) -> Vec<Period> {
    let mut out = Vec::new();
    if to < from {
        return out;
    }
    let mut period = period_containing(frequency, from);
    loop {
        let next = period.end.succ_opt();
        let past = period.end >= to;
        out.push(period);
        match next {
            Some(next) if !past => period = period_containing(frequency, next),
            _ => break,
        }
    }
    out
}

/// The day results are due from: the later of the Stage 1 date and the day the measure was
/// defined (whichever is known); none when neither is.
pub fn start_day(stage1: Option<NaiveDate>, defined_on: Option<NaiveDate>) -> Option<NaiveDate> {
    match (stage1, defined_on) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// The periods from `start` that are due on `day` (ended before it) and have no result of
/// `results` (those of one measure, of any date) dated in them, oldest first.
pub fn missing(
    frequency: Frequency,
    results: &[MeasureResult],
    start: NaiveDate,
    day: NaiveDate,
) -> Vec<Period> {
    periods_between(frequency, start, day)
        .into_iter()
        .filter(|p| p.is_due(day))
        .filter(|p| !results.iter().any(|r| p.contains(r.measured_on)))
        .collect()
}

/// The period `day` falls in, if it has no result yet and lies on or after `start`.
pub fn current_open(
    frequency: Frequency,
    results: &[MeasureResult],
    start: Option<NaiveDate>,
    day: NaiveDate,
) -> Option<Period> {
    let period = period_containing(frequency, day);
    let started = start.is_some_and(|s| s <= period.end);
    (started && !results.iter().any(|r| period.contains(r.measured_on))).then_some(period)
}
