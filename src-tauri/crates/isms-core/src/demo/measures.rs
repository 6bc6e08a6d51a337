//! The demo company's monitoring and measurement (9.1): four measures defined during the
//! preparation for Stage 1 and linked to the objectives, and a result for every month since
//! Stage 1 as the story goes on. At `Operating` the phishing simulation of the Stage 1 month
//! was postponed, so that measure has no result for it; at `Stage2Ready` every month ended
//! since Stage 1 has each measure's result, and every missed target says why no tracker item
//! was raised. Values are the story's, written by hand so they read as the company lived them.

use chrono::{Datelike, Months, NaiveDate};

use super::company::Staff;
use super::{DemoPoint, Story};
use crate::db::Vault;
use crate::error::Result;
use crate::measures::{self, Direction, Frequency, Measure, NewResult, Source};
use crate::objectives;

/// One month's result: value, evaluation, and why no tracker item when the target was missed.
type Month = (f64, &'static str, &'static str);

struct Def {
    title: &'static str,
    monitored: &'static str,
    method: &'static str,
    source: Source,
    unit: &'static str,
    target: f64,
    direction: Direction,
    /// Words of the titles of the objectives it measures.
    objectives: &'static [&'static str],
    /// The first three months after Stage 1.
    months: [Month; 3],
}

const DEFS: [Def; 4] = [
    Def {
        title: "Awareness training coverage",
        monitored: "Share of active staff with security awareness training in the last 12 months \
                    (new joiners: within 30 days)",
        method: "Computed from the training records on the last working day of the month",
        source: Source::AwarenessTraining,
        unit: "%",
        target: 95.0,
        direction: Direction::AtLeast,
        objectives: &["staff"],
        months: [
            (
                83.3,
                "Two people hired this month have not done the course yet.",
                "Both are booked on next week's session, within their 30 days; onboarding covers it.",
            ),
            (100.0, "Everyone trained, the new joiners included.", ""),
            (100.0, "Everyone trained.", ""),
        ],
    },
    Def {
        title: "Open nonconformities",
        monitored: "Major and minor nonconformities not yet closed, whatever raised them",
        method: "Counted from the ISMS tracker at month end",
        source: Source::OpenNcs,
        unit: "count",
        target: 0.0,
        direction: Direction::AtMost,
        objectives: &[],
        months: [
            (
                3.0,
                "The Stage 1 NC, the first internal audit's NC and the NC the mis-sent client report raised are open.",
                "All three are already tracker items with corrective actions under way.",
            ),
            (
                1.0,
                "The Stage 1 NC is closed; the internal audit NC awaits its effectiveness review.",
                "Its tracker item is awaiting verification; nothing new to raise.",
            ),
            (0.0, "No open nonconformity.", ""),
        ],
    },
    Def {
        title: "Applicable controls implemented",
        monitored: "Share of applicable Annex A controls whose implementation is complete",
        method: "Computed from the Statement of Applicability at month end",
        source: Source::SoaImplemented,
        unit: "%",
        target: 90.0,
        direction: Direction::AtLeast,
        objectives: &["sign-in", "recover"],
        months: [
            (
                84.7,
                "Security keys and restore tests still being rolled out.",
                "The remaining controls follow the risk treatment plan; each has an action with a due date.",
            ),
            (93.2, "Security keys enforced for all accounts.", ""),
            (100.0, "Every applicable control implemented.", ""),
        ],
    },
    Def {
        title: "Phishing simulation click rate",
        monitored: "Share of staff who clicked the link of the monthly phishing simulation",
        method: "Monthly simulation by the IT administrator; clicks counted by the simulation tool",
        source: Source::Manual,
        unit: "%",
        target: 10.0,
        direction: Direction::AtMost,
        objectives: &["staff"],
        months: [
            (
                16.7,
                "Two of twelve clicked, both new joiners before their training.",
                "Both have since done the awareness course; the next simulation checks it worked.",
            ),
            (8.3, "One click; a short refresher sent.", ""),
            (0.0, "No one clicked.", ""),
        ],
    },
];

/// Writes the measures (from `Stage1Ready`) and their results (from `Operating`).
pub(crate) fn write(vault: &mut Vault, story: &Story, staff: &Staff) -> Result<()> {
    if !story.reached(DemoPoint::Stage1Ready) {
        return Ok(());
    }
    let goals = objectives::list(vault.reader())?;
    let defined = story.prep(45);
    let who = [
        (staff.people_lead, staff.owner),
        (staff.owner, staff.ceo),
        (staff.owner, staff.cto),
        (staff.it, staff.owner),
    ];
    let mut ids = Vec::new();
    for (def, (measured_by, evaluated_by)) in DEFS.iter().zip(who) {
        let measure = Measure {
            monitored: def.monitored.into(),
            method: def.method.into(),
            measured_by: Some(measured_by),
            evaluated_by: Some(evaluated_by),
            unit: def.unit.into(),
            target: Some(def.target),
            direction: def.direction,
            defined_on: Some(defined),
            objective_ids: goals
                .iter()
                .filter(|g| {
                    let title = g.title.to_lowercase();
                    def.objectives.iter().any(|w| title.contains(w))
                })
                .map(|g| g.id)
                .collect(),
            ..Measure::new(def.title, Frequency::Monthly, def.source)
        };
        ids.push(measures::create(vault, story.stamp(defined), measure)?.id);
    }
    // Each month ended since Stage 1 (the Stage 1 month first), measured on its last day.
    for month in 0..3 {
        let Some(end) = month_end(story.stage1, month).filter(|end| *end < story.today) else {
            break;
        };
        for (i, (def, id)) in DEFS.iter().zip(&ids).enumerate() {
            let postponed = story.point == DemoPoint::Operating && i == 3;
            if postponed {
                continue;
            }
            let (value, evaluation, follow_up) = def.months[month];
            let result = NewResult {
                follow_up: follow_up.into(),
                ..NewResult::new(end, value, evaluation)
            };
            measures::record_result(vault, story.stamp(end), *id, result)?;
        }
    }
    Ok(())
}

/// The last day of the `n`th month after the month of `day`.
fn month_end(day: NaiveDate, n: usize) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(day.year(), day.month(), 1)?
        .checked_add_months(Months::new(u32::try_from(n).ok()? + 1))?
        .pred_opt()
}
