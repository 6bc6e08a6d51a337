//! The files the demo's records rest on, attached once the records exist: each completed
//! internal audit's report and each management review's minutes (linked to the audit and the
//! review by reference), a record of each treatment action done (linked to its risk), the
//! evidence of each tracker item closed, and of the correction of a nonconformity still open.
//! Each file is dated the day of what it proves and added on that day, so a pack as of an
//! earlier day has neither the file nor the fact. Runs after the rest of the small company and
//! before the bulk records of a large vault.

use chrono::{Duration, NaiveDate};

use crate::db::Vault;
use crate::error::Result;
use crate::tracker::{self, ItemStatus};
use crate::{audits, reviews, risks};

use super::{COMPANY, Story, files};

/// One file to add on `day`, linked to `links`; `item` is the tracker item it is the evidence of.
struct Attach {
    day: NaiveDate,
    name: String,
    text: String,
    description: &'static str,
    links: Vec<String>,
    item: Option<i64>,
}

pub(crate) fn write(vault: &mut Vault, story: &Story) -> Result<()> {
    let conn = vault.reader();
    let mut attach = Vec::new();
    for a in audits::list(conn)? {
        if let (audits::AuditStatus::Completed, Some(day)) = (a.status, a.completed_on) {
            attach.push(Attach {
                day,
                name: format!("{} internal audit report.md", a.reference),
                text: format!(
                    "# {COMPANY}: internal audit {} report\n\n{}\n\nCompleted on {day}.\n\n{}\n",
                    a.reference, a.title, a.summary
                ),
                description: "Internal audit report",
                links: vec![a.reference.clone()],
                item: None,
            });
        }
    }
    for r in reviews::list(conn)? {
        attach.push(Attach {
            day: r.held_on,
            name: format!("{} management review minutes.md", r.reference),
            text: format!(
                "# {COMPANY}: management review {} held on {}\n\nDecisions on continual improvement: {}\n\nChanges needed to the ISMS: {}\n",
                r.reference, r.held_on, r.improvement, r.changes_needed
            ),
            description: "Minutes of the management review",
            links: vec![r.reference.clone()],
            item: None,
        });
    }
    for risk in risks::list(conn)? {
        for action in &risk.actions {
            if let (risks::ActionStatus::Done, Some(day)) = (action.status, action.done_date) {
                attach.push(Attach {
                    day,
                    name: format!("{} done - {}.txt", risk.reference, action.title),
                    text: format!(
                        "{COMPANY}\nTreatment of {}: {}\nDone on {day}.\n",
                        risk.reference, action.title
                    ),
                    description: "Record of a treatment action done",
                    links: vec![risk.reference.clone()],
                    item: None,
                });
            }
        }
    }
    for item in tracker::list(conn)? {
        let (day, what) = match (item.status, item.closed_on) {
            (ItemStatus::Closed, Some(day)) => (day, "closure evidence"),
            // The story records an open nonconformity's correction a week after it is raised.
            _ if item.kind.is_nc() && !item.correction.trim().is_empty() => (
                (item.raised_on + Duration::days(7)).min(story.today),
                "correction evidence",
            ),
            _ => continue,
        };
        attach.push(Attach {
            day,
            name: format!("{} {what}.txt", item.reference),
            text: format!(
                "{COMPANY}\n{} {}\n{what} of {day}.\n",
                item.reference, item.title
            ),
            description: "Evidence of a tracker item",
            links: Vec::new(),
            item: Some(item.id),
        });
    }
    attach.sort_by_key(|a| a.day);
    for a in attach {
        vault.write(story.stamp(a.day), |tx| {
            let links: Vec<&str> = a.links.iter().map(String::as_str).collect();
            let id = files::store(tx, &a.name, &a.text, a.day, a.description, &links)?;
            if let Some(item) = a.item {
                let mut item = tracker::get(tx.reader(), item)?;
                item.evidence_ids.push(id);
                tracker::update_in(tx, item)?;
            }
            Ok(())
        })?;
    }
    Ok(())
}
