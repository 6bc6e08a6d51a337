//! Factual summaries the vault proposes for the inputs of a management review, as of a day:
//! counts the owner would otherwise gather by hand. The owner keeps or rewrites them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;
use crate::objectives::ObjectiveStatus;
use crate::risks::{ActionStatus, RiskLevel};
use crate::tracker::{ItemSource, ItemStatus};
use crate::{audits, context, measures, objectives, risks, tracker};

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Proposed notes by input id ("9.3.2 a)"…); inputs the vault knows nothing about are absent.
pub fn proposed_summaries(conn: &Connection, today: NaiveDate) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    let items = tracker::list(conn)?;
    let open_review_actions = items
        .iter()
        .filter(|i| i.source == ItemSource::ManagementReview && i.status != ItemStatus::Closed)
        .count();
    out.insert(
        "9.3.2 a)".into(),
        format!(
            "{} from earlier reviews still open.",
            plural(open_review_actions, "action", "actions")
        ),
    );
    let issues = context::list_issues(conn)?;
    out.insert(
        "9.3.2 b)".into(),
        format!(
            "{} recorded (clause 4.1).",
            plural(
                issues.len(),
                "internal or external issue",
                "internal and external issues"
            )
        ),
    );
    let parties = context::list_parties(conn)?;
    out.insert(
        "9.3.2 c)".into(),
        format!(
            "{} with their requirements (clause 4.2).",
            plural(parties.len(), "interested party", "interested parties")
        ),
    );
    let ncs: Vec<_> = items.iter().filter(|i| i.kind.is_nc()).collect();
    let open = ncs
        .iter()
        .filter(|i| i.status != ItemStatus::Closed)
        .count();
    let overdue = ncs.iter().filter(|i| i.is_overdue(today)).count();
    out.insert(
        "9.3.2 d) 1)".into(),
        format!(
            "{} in all: {open} open ({overdue} overdue), {} closed.",
            plural(ncs.len(), "nonconformity", "nonconformities"),
            ncs.len() - open
        ),
    );
    out.insert("9.3.2 d) 2)".into(), measure_results(conn, today)?);
    let done = audits::list(conn)?
        .into_iter()
        .filter(|a| a.status == audits::AuditStatus::Completed)
        .count();
    out.insert(
        "9.3.2 d) 3)".into(),
        format!(
            "{} completed.",
            plural(done, "internal audit", "internal audits")
        ),
    );
    let objs = objectives::list(conn)?;
    let achieved = objs
        .iter()
        .filter(|o| o.status == ObjectiveStatus::Achieved)
        .count();
    out.insert(
        "9.3.2 d) 4)".into(),
        format!(
            "{achieved} of {} achieved.",
            plural(objs.len(), "objective", "objectives")
        ),
    );
    let register = risks::list(conn)?;
    let red = register
        .iter()
        .filter(|r| r.inherent.is_some_and(|s| s.level == RiskLevel::Red))
        .count();
    let actions: Vec<_> = register.iter().flat_map(|r| &r.actions).collect();
    let finished = actions
        .iter()
        .filter(|a| a.status == ActionStatus::Done)
        .count();
    out.insert(
        "9.3.2 f)".into(),
        format!(
            "{} ({red} red); {finished} of {} done.",
            plural(register.len(), "risk", "risks"),
            plural(actions.len(), "treatment action", "treatment actions")
        ),
    );
    Ok(out)
}

/// Each measure's latest result up to `today` and whether it met the target, then how many of
/// the results recorded so far met theirs (9.3.2 d) 2), from 9.1).
fn measure_results(conn: &Connection, today: NaiveDate) -> Result<String> {
    let all = measures::list(conn)?;
    if all.is_empty() {
        return Ok("No measure is defined yet (clause 9.1).".into());
    }
    let results: Vec<_> = measures::results(conn, None)?
        .into_iter()
        .filter(|r| r.measured_on <= today)
        .collect();
    let mut lines = Vec::new();
    for m in &all {
        let mine: Vec<_> = results.iter().filter(|r| r.measure_id == m.id).collect();
        let Some(latest) = mine.iter().max_by_key(|r| (r.measured_on, r.id)) else {
            lines.push(format!("{} {}: no result yet.", m.reference, m.title));
            continue;
        };
        let verdict = match (m.target.is_some(), latest.target_met) {
            (false, _) => String::new(),
            (true, true) => format!(" (target {}: met)", m.target_text()),
            (true, false) => format!(" (target {}: missed)", m.target_text()),
        };
        let met = mine.iter().filter(|r| r.target_met).count();
        lines.push(format!(
            "{} {}: {} on {}{verdict}; {met} of {} met the target.",
            m.reference,
            m.title,
            measures::with_unit(latest.value, &m.unit),
            latest.measured_on,
            plural(mine.len(), "result", "results"),
        ));
    }
    Ok(lines.join("\n"))
}
