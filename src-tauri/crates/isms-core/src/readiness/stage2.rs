//! The Stage 2 rules about the ISMS at work: red risks treated, treatment on time, policies
//! acknowledged, staff trained, controls implemented. The rules about audits, findings, the
//! management review and changes are in [`super::operation`].

use std::collections::{HashMap, HashSet};

use chrono::{Days, Months};

use super::Stage;
use super::index::Index;
use super::operation;
use super::records;
use super::stage1::owner_approved;
use super::verdict::{Faults, RecordRef, Rule, RuleResult, count, refs};
use crate::risks::{ActionStatus, ApprovalKind, RiskLevel};
use crate::soa::ImplementationStatus;
use crate::training::CourseKind;
use crate::view::Facts;

pub(crate) const fn rule(id: &'static str, clause: &'static str) -> Rule {
    Rule {
        id,
        stage: Stage::Two,
        clause,
    }
}

pub(crate) fn rules(f: &Facts, ix: &Index<'_>) -> Vec<RuleResult> {
    vec![
        operation::stage1_findings(f, ix),
        red_risks(f),
        treatment(f, ix),
        acknowledgements(f, ix),
        training(f, ix),
        operation::audits(f, ix),
        operation::independence(f, ix),
        operation::findings(f, ix),
        operation::management_review(f, ix),
        operation::change(f, ix),
        soa_implemented(f),
        operation::cb_policy(f),
    ]
}

fn red_risks(f: &Facts) -> RuleResult {
    let rule = rule("S2-RED-RISKS", "8.3");
    let Some(method) = &f.method else {
        return rule.not_applicable("No risk method yet, so no risk is red (see S1-METHOD).");
    };
    let (mut unfinished, mut unscored, mut unaccepted) = (Vec::new(), Vec::new(), Vec::new());
    let mut red = 0;
    for r in &f.risks {
        if !r.inherent.is_some_and(|s| s.level == RiskLevel::Red) {
            continue;
        }
        red += 1;
        if r.actions.iter().any(|a| a.status != ActionStatus::Done) {
            unfinished.push(records::risk(r));
        }
        match r.residual {
            None => unscored.push(records::risk(r)),
            Some(s)
                if s.value > method.acceptance_threshold
                    && !owner_approved(r, ApprovalKind::Acceptance) =>
            {
                unaccepted.push(records::risk(r))
            }
            Some(_) => {}
        }
    }
    let mut faults = Faults::default();
    for (at_fault, finding, fix) in [
        (
            unfinished,
            "Red risks with treatment actions not done",
            "Finish the treatment actions of {} and mark them done.",
        ),
        (
            unscored,
            "Red risks with no residual score",
            "Score the residual likelihood and impact of {} after treatment.",
        ),
        (
            unaccepted,
            "Red risks still above the acceptance threshold without the owner's acceptance",
            "Treat {} further, or have their owners accept the residual risk.",
        ),
    ] {
        if !at_fault.is_empty() {
            let names = refs(&at_fault);
            faults.add(
                format!("{finding}: {names}."),
                at_fault,
                fix.replace("{}", &names),
            );
        }
    }
    let summary = if red == 0 {
        "No risk is red.".to_owned()
    } else {
        format!(
            "{} treated to an acceptable or accepted residual level.",
            count(red, "red risk", "red risks")
        )
    };
    faults.fail_or(&rule, rule.pass(summary))
}

fn treatment(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = rule("S2-TREATMENT", "6.1.3, 8.3");
    let late: Vec<RecordRef> = f
        .risks
        .iter()
        .filter(|r| {
            r.actions
                .iter()
                .any(|a| a.status != ActionStatus::Done && a.due_date.is_some_and(|d| d < ix.as_of))
        })
        .map(records::risk)
        .collect();
    if late.is_empty() {
        return rule.pass("No treatment action is overdue.");
    }
    let names = refs(&late);
    rule.warn(
        format!(
            "{} overdue treatment actions: {names}.",
            count(late.len(), "risk has", "risks have")
        ),
        late,
        format!("Finish the overdue actions of {names}, or agree new due dates with their owners."),
    )
}

fn acknowledgements(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = rule("S2-ACK", "5.2 e), 7.3, 7.4");
    // Acknowledgements and versions dated after the day are not in the view: what is left
    // was acknowledged on or before it, of the version in force on it.
    let acked: HashSet<(i64, i64)> = f
        .acknowledgements
        .iter()
        .map(|a| (a.version_id, a.person_id))
        .collect();
    let active: Vec<_> = f.people.iter().filter(|p| p.is_active(ix.as_of)).collect();
    let mut faults = Faults::default();
    let policies = ix.covering(f, "5.2");
    if !policies.iter().any(|d| d.communicate) {
        let at_fault: Vec<RecordRef> = policies.iter().map(|d| records::document(d)).collect();
        let (finding, fix) = match at_fault.first() {
            Some(first) => (
                format!(
                    "The information security policy ({}) is not marked to be communicated to staff (5.2 e).",
                    first.reference
                ),
                format!(
                    "Mark {} as communicated on its document page, with its audience, then collect acknowledgements.",
                    first.reference
                ),
            ),
            None => (
                "No information security policy (a document covering 5.2) is communicated to staff (5.2 e).".to_owned(),
                "Add the information security policy, mark it as covering 5.2 and as communicated, then collect acknowledgements.".to_owned(),
            ),
        };
        let at_fault = if at_fault.is_empty() {
            vec![records::clause("5.2", "Information security policy")]
        } else {
            at_fault
        };
        faults.add(finding, at_fault, fix);
    }
    let mut communicated = 0;
    for d in f.documents.iter().filter(|d| d.communicate) {
        communicated += 1;
        let Some(version) = d.current() else {
            faults.add(
                format!(
                    "{} must be communicated but has no approved version.",
                    d.reference
                ),
                vec![records::document(d)],
                format!(
                    "Approve a version of {}, then collect acknowledgements.",
                    d.reference
                ),
            );
            continue;
        };
        let audience = active.iter().filter(|p| {
            d.audience.is_empty()
                || d.audience
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(&p.department))
        });
        let missing: Vec<RecordRef> = audience
            .filter(|p| !acked.contains(&(version.id, p.id)))
            .map(|p| records::person(p))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let names: Vec<&str> = missing.iter().map(|r| r.title.as_str()).collect();
        let who = super::verdict::listing(&names);
        let mut at_fault = vec![records::document(d)];
        let n = missing.len();
        at_fault.extend(missing);
        faults.add(
            format!(
                "{} not acknowledged {} version {}: {who}.",
                count(n, "person has", "people have"),
                d.reference,
                version.number
            ),
            at_fault,
            format!(
                "Collect acknowledgements of {} {} from {who} (or import them from your form tool's CSV).",
                d.reference, version.number
            ),
        );
    }
    faults.fail_or(
        &rule,
        rule.pass(format!(
            "Everyone has acknowledged the current version of {}, the information security policy among them.",
            count(
                communicated,
                "communicated document",
                "communicated documents"
            )
        )),
    )
}

fn training(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = rule("S2-TRAINING", "7.2, 7.3");
    let awareness: HashSet<i64> = f
        .courses
        .iter()
        .filter(|c| c.kind == CourseKind::Awareness)
        .map(|c| c.id)
        .collect();
    if awareness.is_empty() {
        return rule.fail(
            "No awareness course is recorded.",
            Vec::new(),
            "Add the security awareness course on the Training page and record who completed it.",
        );
    }
    let since = ix
        .as_of
        .checked_sub_months(Months::new(12))
        .unwrap_or(ix.as_of);
    // Each person's awareness completions in the last 12 months, the same calendar day a year
    // before included: whether any has evidence.
    let mut latest: HashMap<i64, bool> = HashMap::new();
    for c in &f.completions {
        if awareness.contains(&c.course_id) && c.completed_on >= since && c.completed_on <= ix.as_of
        {
            let evidenced = latest.entry(c.person_id).or_insert(false);
            *evidenced |= c.evidence_id.is_some();
        }
    }
    let (mut untrained, mut unevidenced) = (Vec::new(), Vec::new());
    for p in f.people.iter().filter(|p| p.is_active(ix.as_of)) {
        // 30 days' grace after joining, the 30th day included.
        let new_joiner = p
            .start_date
            .and_then(|s| s.checked_add_days(Days::new(30)))
            .is_some_and(|grace| grace >= ix.as_of);
        match latest.get(&p.id) {
            Some(true) => {}
            Some(false) => unevidenced.push(records::person(p)),
            None if new_joiner => {}
            None => untrained.push(records::person(p)),
        }
    }
    let mut faults = Faults::default();
    for (at_fault, finding, fix) in [
        (
            untrained,
            "No awareness training in the last 12 months",
            "Have {} complete the awareness course and record it.",
        ),
        (
            unevidenced,
            "Awareness training recorded without evidence",
            "Attach the evidence (certificate, attendance list) to the completions of {}.",
        ),
    ] {
        if !at_fault.is_empty() {
            let names: Vec<&str> = at_fault.iter().map(|r| r.title.as_str()).collect();
            let who = super::verdict::listing(&names);
            faults.add(
                format!("{finding}: {who}."),
                at_fault,
                fix.replace("{}", &who),
            );
        }
    }
    faults.fail_or(
        &rule,
        rule.pass("Everyone is trained in security awareness, with evidence."),
    )
}

fn soa_implemented(f: &Facts) -> RuleResult {
    let rule = rule("S2-SOA-IMPLEMENTED", "8.1");
    let mut planned: HashSet<&str> = HashSet::new();
    for r in &f.risks {
        for a in &r.actions {
            if a.status != ActionStatus::Done && a.due_date.is_some() {
                planned.extend(a.controls.iter().map(String::as_str));
            }
        }
    }
    for i in &f.tracker {
        if i.status != crate::tracker::ItemStatus::Closed && i.due_on.is_some() {
            planned.extend(i.controls.iter().map(String::as_str));
        }
    }
    let unplanned: Vec<RecordRef> = f
        .soa
        .iter()
        .filter(|e| {
            e.applicable == Some(true)
                && e.status != Some(ImplementationStatus::Implemented)
                && !planned.contains(e.control_id.as_str())
        })
        .map(records::control)
        .collect();
    if unplanned.is_empty() {
        return rule.pass(
            "Every applicable control is implemented or has an open action with a due date.",
        );
    }
    let names = refs(&unplanned);
    rule.warn(
        format!(
            "{} not implemented and without an open action with a due date: {names}.",
            count(
                unplanned.len(),
                "applicable control is",
                "applicable controls are"
            )
        ),
        unplanned,
        format!(
            "Mark {names} implemented, or plan an action with an owner and a due date for each."
        ),
    )
}
