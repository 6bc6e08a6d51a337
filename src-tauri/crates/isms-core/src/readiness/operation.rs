//! The Stage 2 rules about running the ISMS: Stage 1 findings dealt with, the internal audit
//! programme done and independent, findings followed up, a management review held, changes
//! controlled, and the certification body's policy on open nonconformities.

use super::index::{Index, approved};
use super::records;
use super::stage2::rule;
use super::verdict::{Faults, RecordRef, RuleResult, count, listing, refs};
use crate::audits::{self, AuditStatus, Holdings};
use crate::changes::ChangeStatus;
use crate::organisation::FindingPolicy;
use crate::reference;
use crate::tracker::{ItemKind, ItemSource, ItemStatus, TrackerItem};
use crate::view::Facts;

/// An open NC with a corrective action plan: the action decided and a due date.
fn has_plan(i: &TrackerItem) -> bool {
    !i.corrective_action.trim().is_empty() && i.due_on.is_some()
}

fn open(i: &TrackerItem) -> bool {
    i.status != ItemStatus::Closed
}

/// Adds one fault for `at_fault` items, if any: "{finding}: T-001 and T-004."
fn items_fault(faults: &mut Faults, at_fault: Vec<RecordRef>, finding: &str, fix: &str) {
    if at_fault.is_empty() {
        return;
    }
    let names = refs(&at_fault);
    faults.add(
        format!("{finding}: {names}."),
        at_fault,
        fix.replace("{}", &names),
    );
}

pub(crate) fn stage1_findings(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = rule("S2-STAGE1-FINDINGS", "10.2");
    match f.organisation.stage1_date {
        None => return rule.not_applicable("No Stage 1 audit is recorded yet."),
        Some(d) if d > ix.as_of => {
            return rule.not_applicable(format!("The Stage 1 audit is on {d}."));
        }
        Some(_) => {}
    }
    let lenient = f.organisation.finding_policy == FindingPolicy::NoMajorNc;
    let found: Vec<&TrackerItem> = f
        .tracker
        .iter()
        .filter(|i| i.source == ItemSource::Stage1Audit)
        .collect();
    let (mut majors, mut minors, mut undecided) = (Vec::new(), Vec::new(), Vec::new());
    for i in &found {
        let acceptable = !open(i) || (lenient && i.kind == ItemKind::MinorNc && has_plan(i));
        if i.kind.is_nc() && !acceptable {
            if i.kind == ItemKind::MajorNc {
                majors.push(records::item(i));
            } else {
                minors.push(records::item(i));
            }
        }
        if matches!(i.kind, ItemKind::Ofi | ItemKind::Observation) && i.decision.trim().is_empty() {
            undecided.push(records::item(i));
        }
    }
    let mut faults = Faults::default();
    items_fault(
        &mut faults,
        majors,
        "Major nonconformities of the Stage 1 audit still open",
        "Close the major nonconformities {}: record the root cause, corrective action and effectiveness review; the certification body will not certify with a major one open.",
    );
    let minor_fix = if lenient {
        "For the minor nonconformities {}, record the corrective action and its due date (your certification body accepts a plan for minor ones), or close them."
    } else {
        "Close the minor nonconformities {}: record the root cause, corrective action and effectiveness review (your certification body certifies with zero findings only)."
    };
    items_fault(
        &mut faults,
        minors,
        "Minor nonconformities of the Stage 1 audit still open",
        minor_fix,
    );
    items_fault(
        &mut faults,
        undecided,
        "Stage 1 findings with no recorded decision",
        "Record what was decided about {}.",
    );
    let summary = if found.is_empty() {
        "No Stage 1 findings are in the tracker; add any the Stage 1 report lists.".to_owned()
    } else {
        format!(
            "{} of the Stage 1 audit dealt with.",
            count(found.len(), "finding", "findings")
        )
    };
    faults.fail_or(&rule, rule.pass(summary))
}

pub(crate) fn audits(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = rule("S2-AUDITS", "9.2");
    let Some(stage1) = f.organisation.stage1_date else {
        return rule.fail(
            "No Stage 1 date is recorded, so no audit programme can be counted after it.",
            vec![records::organisation(&f.organisation)],
            "Enter the Stage 1 date on the Organisation page.",
        );
    };
    let (from, to) = (
        stage1.format("%Y-%m").to_string(),
        ix.as_of.format("%Y-%m").to_string(),
    );
    // A completed audit counts when it was completed between the Stage 1 audit and the
    // evaluation day; one without a completion date counts by its planned month, if that month
    // lies wholly after the Stage 1 month.
    let mut months: Vec<String> =
        f.audits
            .iter()
            .filter(|a| a.status == AuditStatus::Completed)
            .filter_map(|a| match a.completed_on {
                Some(d) => (d >= stage1 && d <= ix.as_of).then(|| d.format("%Y-%m").to_string()),
                None => (a.planned_month > from && a.planned_month <= to)
                    .then(|| a.planned_month.clone()),
            })
            .collect();
    months.sort_unstable();
    months.dedup();
    let wanted = f.organisation.audit_months as usize;
    let mut faults = Faults::default();
    if months.len() < wanted {
        faults.add(
            format!(
                "Internal audits were completed in {} since Stage 1 ({}); {wanted} are agreed.",
                count(months.len(), "month", "months"),
                if months.is_empty() {
                    "none".to_owned()
                } else {
                    listing(&months)
                }
            ),
            Vec::new(),
            format!(
                "Complete internal audits in {} more {} before Stage 2.",
                wanted - months.len(),
                if wanted - months.len() == 1 {
                    "month"
                } else {
                    "months"
                }
            ),
        );
    }
    let overdue: Vec<RecordRef> = f
        .audits
        .iter()
        .filter(|a| matches!(a.status, AuditStatus::Planned | AuditStatus::InProgress))
        .filter(|a| a.planned_month >= from && a.planned_month < to)
        .map(records::audit)
        .collect();
    if !overdue.is_empty() {
        let names = refs(&overdue);
        faults.add(
            format!("Planned audits are overdue: {names}."),
            overdue,
            format!("Carry out and complete {names}, or cancel and re-plan them."),
        );
    }
    faults.fail_or(
        &rule,
        rule.pass(format!(
            "Internal audits completed in {} since Stage 1.",
            count(months.len(), "month", "months")
        )),
    )
}

pub(crate) fn independence(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = rule("S2-INDEPENDENCE", "9.2.2 c)");
    let holdings = Holdings {
        soa: &f.soa,
        risks: &f.risks,
        documents: &f.documents,
        checklist: &f.checklist,
        tracker: &f.tracker,
    };
    let mut faults = Faults::default();
    for a in f
        .audits
        .iter()
        .filter(|a| a.status != AuditStatus::Cancelled)
    {
        let Some(auditor) = a.auditor_id.and_then(|id| ix.person(id)) else {
            continue;
        };
        let conflicts = audits::conflicts_in(a, auditor, &holdings);
        let Some(first) = conflicts.first() else {
            continue;
        };
        let more = match conflicts.len() {
            1 => String::new(),
            n => format!(
                " ({} more {})",
                n - 1,
                if n == 2 { "conflict" } else { "conflicts" }
            ),
        };
        faults.add(
            format!("{}: {}{more}", a.reference, first.message),
            vec![records::audit(a)],
            format!(
                "Give {} an auditor who owns nothing in its scope (a colleague from another team or an external auditor), or narrow its scope.",
                a.reference
            ),
        );
    }
    faults.fail_or(&rule, rule.pass("No auditor audits their own work."))
}

pub(crate) fn findings(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = rule("S2-FINDINGS", "10.2");
    let found: Vec<&TrackerItem> = f
        .tracker
        .iter()
        .filter(|i| i.source == ItemSource::InternalAudit)
        .collect();
    let pick = |test: &dyn Fn(&TrackerItem) -> bool| -> Vec<RecordRef> {
        found
            .iter()
            .filter(|i| test(i))
            .map(|i| records::item(i))
            .collect()
    };
    let mut faults = Faults::default();
    items_fault(
        &mut faults,
        pick(&|i| i.owner_id.is_none()),
        "Internal audit findings without an owner",
        "Give {} an owner.",
    );
    items_fault(
        &mut faults,
        pick(&|i| {
            i.kind.is_nc()
                && open(i)
                && (i.root_cause.trim().is_empty()
                    || i.corrective_action.trim().is_empty()
                    || i.due_on.is_none())
        }),
        "Open nonconformities without a root cause, corrective action or due date",
        "Record the root cause, corrective action and due date of {}.",
    );
    items_fault(
        &mut faults,
        pick(&|i| i.kind.is_nc() && i.is_overdue(ix.as_of)),
        "Open nonconformities past their due date",
        "Complete the corrective action of {} and close it, or agree a new due date with the owner and note why.",
    );
    items_fault(
        &mut faults,
        pick(&|i| {
            i.kind.is_nc()
                && !open(i)
                && (i.effectiveness_on.is_none() || i.effectiveness_result.trim().is_empty())
        }),
        "Closed nonconformities without an effectiveness review",
        "Record when and how the effectiveness of the actions on {} was checked.",
    );
    if !faults.is_empty() {
        return faults.fail_or(&rule, rule.pass(""));
    }
    // An OFI, observation or action past its due date is worth a word, not a failure.
    let late = pick(&|i| !i.kind.is_nc() && i.is_overdue(ix.as_of));
    if !late.is_empty() {
        let names = refs(&late);
        return rule.warn(
            format!(
                "{} past {} due date (not nonconformities): {names}.",
                count(
                    late.len(),
                    "internal audit finding is",
                    "internal audit findings are"
                ),
                if late.len() == 1 { "its" } else { "their" }
            ),
            late,
            format!("Finish {names}, or agree new due dates and note why."),
        );
    }
    rule.pass(format!(
        "{} of internal audits followed up as required.",
        count(found.len(), "finding", "findings")
    ))
}

pub(crate) fn management_review(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = rule("S2-MGMT-REVIEW", "9.3");
    let start = f.organisation.isms_start;
    // Reviews held after the day are not in the view.
    let mut held: Vec<_> = f
        .reviews
        .iter()
        .filter(|r| r.held_on <= ix.as_of && start.is_none_or(|s| r.held_on > s))
        .collect();
    held.sort_by_key(|r| (r.held_on, r.id));
    let gaps = |r: &crate::reviews::Review| -> (Vec<String>, Vec<String>) {
        let (mut found, mut fixes) = (Vec::new(), Vec::new());
        let missing = r.missing_inputs();
        if !missing.is_empty() {
            found.push(format!(
                "no note for {} {}",
                if missing.len() == 1 {
                    "input"
                } else {
                    "inputs"
                },
                listing(&missing)
            ));
            fixes.push(format!("write the note for {}", listing(&missing)));
        }
        let outputs = [
            (&r.improvement, "decisions on continual improvement"),
            (&r.changes_needed, "decisions on changes to the ISMS"),
        ];
        let no_output: Vec<&str> = outputs
            .iter()
            .filter(|(text, _)| text.trim().is_empty())
            .map(|(_, what)| *what)
            .collect();
        if !no_output.is_empty() {
            found.push(format!("no {} recorded", listing(&no_output)));
            fixes.push(format!(
                "record the {} (9.3.3; \u{201c}none needed\u{201d} with the reason is a decision too)",
                listing(&no_output)
            ));
        }
        let top = r
            .attendee_ids
            .iter()
            .filter_map(|id| ix.person(*id))
            .any(|p| p.top_management);
        if !top {
            found.push("no top management attendee".to_owned());
            fixes.push("record which member of top management attended".to_owned());
        }
        (found, fixes)
    };
    if let Some(good) = held.iter().rev().find(|r| gaps(r).0.is_empty()) {
        return rule.pass(format!(
            "{} on {} covered all {} inputs and recorded both kinds of decision, with top management.",
            good.reference,
            good.held_on,
            reference::review_inputs().len()
        ));
    }
    let Some(latest) = held.last() else {
        return rule.fail(
            "No management review has been held since the ISMS started.",
            vec![records::clause("9.3", "Management review")],
            "Hold a management review with top management and record it: every input of 9.3.2, the decisions on improvement and on changes, and the actions.",
        );
    };
    let (found, fixes) = gaps(latest);
    rule.fail(
        format!("{} has {}.", latest.reference, listing(&found)),
        vec![records::review(latest)],
        format!("In {}: {}.", latest.reference, listing(&fixes)),
    )
}

pub(crate) fn change(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = rule("S2-CHANGE", "6.3");
    let mut faults = Faults::default();
    let procedures = ix.procedure(f, "6.3", "change");
    if !procedures.iter().any(|d| approved(d)) {
        let at_fault: Vec<RecordRef> = procedures.iter().map(|d| records::document(d)).collect();
        faults.add(
            "The change management procedure is not approved.".into(),
            at_fault,
            "Write and approve the change management procedure, and link it to clause 6.3 in the clause checklist.".into(),
        );
    }
    // Only a change approved or implemented by the day needs its impact assessed and an
    // approver; one still proposed (or rejected) is shown in the pack, not failed.
    let decided: Vec<_> = f
        .changes
        .iter()
        .filter(|c| matches!(c.status, ChangeStatus::Approved | ChangeStatus::Implemented))
        .collect();
    let incomplete: Vec<RecordRef> = decided
        .iter()
        .filter(|c| c.impact.trim().is_empty() || c.approver_id.is_none())
        .map(|c| records::change(c))
        .collect();
    if !incomplete.is_empty() {
        let names = refs(&incomplete);
        faults.add(
            format!(
                "{} an impact assessment or an approver: {names}.",
                count(
                    incomplete.len(),
                    "approved change lacks",
                    "approved changes lack"
                )
            ),
            incomplete,
            format!("Record the impact assessment of {names} and who approved it."),
        );
    }
    let proposed = f
        .changes
        .iter()
        .filter(|c| c.status == ChangeStatus::Proposed)
        .count();
    let waiting = if proposed == 0 {
        String::new()
    } else {
        format!(
            " {} still proposed.",
            count(proposed, "change is", "changes are")
        )
    };
    faults.fail_or(
        &rule,
        rule.pass(format!(
            "Changes are controlled: the procedure is approved and {} assessed and approved.{waiting}",
            count(decided.len(), "change is", "changes are")
        )),
    )
}

pub(crate) fn cb_policy(f: &Facts) -> RuleResult {
    let rule = rule("S2-CB-POLICY", "10.2");
    let policy = f.organisation.finding_policy;
    let blocking: Vec<RecordRef> = f
        .tracker
        .iter()
        .filter(|i| open(i) && i.kind.is_nc())
        .filter(|i| match policy {
            FindingPolicy::ZeroFindings => true,
            FindingPolicy::NoMajorNc => i.kind == ItemKind::MajorNc || !has_plan(i),
        })
        .map(records::item)
        .collect();
    if blocking.is_empty() {
        return rule.pass(match policy {
            FindingPolicy::ZeroFindings => {
                "No nonconformity is open, as the certification body requires."
            }
            FindingPolicy::NoMajorNc => {
                "No major nonconformity is open and every open minor one has a plan."
            }
        });
    }
    let names = refs(&blocking);
    let majors: Vec<&str> = f
        .tracker
        .iter()
        .filter(|i| open(i) && i.kind == ItemKind::MajorNc)
        .map(|i| i.reference.as_str())
        .collect();
    let minors: Vec<&str> = blocking
        .iter()
        .map(|r| r.reference.as_str())
        .filter(|r| !majors.contains(r))
        .collect();
    let mut steps = Vec::new();
    if !majors.is_empty() {
        steps.push(format!(
            "close the major {} {}",
            if majors.len() == 1 {
                "nonconformity"
            } else {
                "nonconformities"
            },
            listing(&majors)
        ));
    }
    if !minors.is_empty() {
        steps.push(match policy {
            FindingPolicy::ZeroFindings => format!(
                "close the minor {} {}",
                if minors.len() == 1 {
                    "nonconformity"
                } else {
                    "nonconformities"
                },
                listing(&minors)
            ),
            FindingPolicy::NoMajorNc => format!(
                "give the minor {} {} a corrective action and a due date",
                if minors.len() == 1 {
                    "nonconformity"
                } else {
                    "nonconformities"
                },
                listing(&minors)
            ),
        });
    }
    let fix = format!("Before Stage 2, {}.", steps.join("; "));
    let finding = match policy {
        FindingPolicy::ZeroFindings => format!(
            "The certification body accepts no open nonconformity; {} open: {names}.",
            count(blocking.len(), "is", "are")
        ),
        FindingPolicy::NoMajorNc => format!(
            "{} block certification (major, or minor without a corrective action plan): {names}.",
            count(
                blocking.len(),
                "open nonconformity would",
                "open nonconformities would"
            )
        ),
    };
    rule.fail(finding, blocking, fix)
}
