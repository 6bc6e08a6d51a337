//! The Stage 1 rules (the documentation review): scope, context, policy, roles, the risk
//! method, register and treatment, the SoA, objectives, mandatory documents and the audit plan.

use super::Stage;
use super::index::{Index, approved};
use super::records;
use super::verdict::{Faults, RecordRef, Rule, RuleResult, count, listing, refs};
use crate::reference;
use crate::risks::{ApprovalKind, Risk, RiskMethod, Treatment};
use crate::soa::SoaEntry;
use crate::tracker::ItemStatus;
use crate::view::Facts;

pub(crate) const fn rule(id: &'static str, clause: &'static str) -> Rule {
    Rule {
        id,
        stage: Stage::One,
        clause,
    }
}

pub(crate) fn rules(f: &Facts, ix: &Index<'_>) -> Vec<RuleResult> {
    vec![
        scope(f, ix),
        context(f),
        policy(f, ix),
        roles(f, ix),
        method(f, ix),
        risks(f),
        treatment(f),
        plan_approved(f),
        soa(f),
        soa_consistent(f),
        objectives(f),
        docs(f, ix),
        audit_plan(f),
    ]
}

/// Adds a fault unless an approved document covers mandatory item `clause`.
pub(crate) fn require_approved(f: &Facts, ix: &Index<'_>, clause: &str, faults: &mut Faults) {
    let docs = ix.covering(f, clause);
    if docs.iter().any(|d| approved(d)) {
        return;
    }
    let what = reference::mandatory_items()
        .iter()
        .find(|m| m.clause == clause)
        .map(|m| m.item.as_str())
        .unwrap_or(clause);
    if docs.is_empty() {
        faults.add(
            format!("No document covers {clause} ({what})."),
            vec![records::clause(clause, what)],
            format!("Add the document for {clause} ({what}), mark it as covering {clause}, and approve a version."),
        );
    } else {
        let at_fault: Vec<RecordRef> = docs.iter().map(|d| records::document(d)).collect();
        let names = refs(&at_fault);
        faults.add(
            format!("{names}, covering {clause}, has no approved version."),
            at_fault,
            format!("Approve a version of {names}."),
        );
    }
}

fn scope(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = rule("S1-SCOPE", "4.3");
    let mut faults = Faults::default();
    if f.organisation.scope.trim().is_empty() {
        faults.add(
            "No scope statement is recorded.".into(),
            vec![records::organisation(&f.organisation)],
            "Write the ISMS scope statement on the Organisation page.".into(),
        );
    }
    require_approved(f, ix, "4.3", &mut faults);
    faults.fail_or(
        &rule,
        rule.pass("The scope is stated and its document approved."),
    )
}

fn context(f: &Facts) -> RuleResult {
    let rule = rule("S1-CONTEXT", "4.1, 4.2");
    let mut faults = Faults::default();
    if f.issues.is_empty() {
        faults.add(
            "No internal or external issue is recorded.".into(),
            vec![records::clause("4.1", "Understanding the organization and its context")],
            "Record the internal and external issues that matter to the ISMS on the Organisation page.".into(),
        );
    }
    if !f.parties.iter().any(|p| !p.requirements.trim().is_empty()) {
        faults.add(
            "No interested party with requirements is recorded.".into(),
            vec![records::clause("4.2", "Needs and expectations of interested parties")],
            "Record the interested parties (customers, regulators, staff…) and their requirements on the Organisation page.".into(),
        );
    }
    let summary = format!(
        "{} and {} recorded.",
        count(f.issues.len(), "issue", "issues"),
        count(f.parties.len(), "interested party", "interested parties")
    );
    faults.fail_or(&rule, rule.pass(summary))
}

fn policy(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = rule("S1-POLICY", "5.2");
    let mut faults = Faults::default();
    require_approved(f, ix, "5.2", &mut faults);
    faults.fail_or(
        &rule,
        rule.pass("The information security policy is approved."),
    )
}

fn roles(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = rule("S1-ROLES", "5.3");
    let mut faults = Faults::default();
    if !f
        .people
        .iter()
        .any(|p| p.isms_owner && p.is_active(ix.as_of))
    {
        faults.add(
            "Nobody active is the ISMS owner.".into(),
            vec![records::clause(
                "5.3",
                "Organizational roles, responsibilities and authorities",
            )],
            "Mark the person who runs the ISMS as its owner on the People page.".into(),
        );
    }
    let mut unowned = |noun: (&str, &str), at_fault: Vec<RecordRef>| {
        if at_fault.is_empty() {
            return;
        }
        let names = refs(&at_fault);
        faults.add(
            format!(
                "{} without an active owner: {names}.",
                count(at_fault.len(), noun.0, noun.1)
            ),
            at_fault,
            format!("Give {names} an owner who is still with the company."),
        );
    };
    unowned(
        ("risk", "risks"),
        f.risks
            .iter()
            .filter(|r| !ix.active(r.owner_id))
            .map(records::risk)
            .collect(),
    );
    unowned(
        ("applicable control", "applicable controls"),
        f.soa
            .iter()
            .filter(|e| e.applicable == Some(true) && !ix.active(e.owner_id))
            .map(records::control)
            .collect(),
    );
    unowned(
        ("document", "documents"),
        f.documents
            .iter()
            .filter(|d| !ix.active(d.owner_id))
            .map(records::document)
            .collect(),
    );
    unowned(
        ("open tracker item", "open tracker items"),
        f.tracker
            .iter()
            .filter(|i| i.status != ItemStatus::Closed && !ix.active(i.owner_id))
            .map(records::item)
            .collect(),
    );
    faults.fail_or(
        &rule,
        rule.pass("The ISMS owner is named and everything has an active owner."),
    )
}

fn method(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = rule("S1-METHOD", "6.1.2");
    let mut faults = Faults::default();
    if f.method.is_none() {
        faults.add(
            "The risk method is not set.".into(),
            vec![RecordRef::new(
                super::RecordKind::RiskMethod,
                "Risk method",
                "Risk assessment method",
                None,
            )],
            "Set the risk method on the Risks page: the scales and the acceptance and red thresholds.".into(),
        );
    }
    require_approved(f, ix, "6.1.2", &mut faults);
    faults.fail_or(
        &rule,
        rule.pass("The risk method is set and the risk assessment process approved."),
    )
}

fn risks(f: &Facts) -> RuleResult {
    let rule = rule("S1-RISKS", "6.1.2, 8.2");
    if f.risks.is_empty() {
        return rule.fail(
            "The risk register is empty.",
            vec![records::clause(
                "6.1.2",
                "Information security risk assessment",
            )],
            "Identify the risks to the information in scope and add them to the register.",
        );
    }
    let incomplete: Vec<RecordRef> = f
        .risks
        .iter()
        .filter(|r| r.owner_id.is_none() || r.likelihood.is_none() || r.impact.is_none())
        .map(records::risk)
        .collect();
    if incomplete.is_empty() {
        return rule.pass(format!(
            "{} assessed, each with an owner, likelihood and impact.",
            count(f.risks.len(), "risk", "risks")
        ));
    }
    let names = refs(&incomplete);
    rule.fail(
        format!(
            "{} an owner, likelihood or impact: {names}.",
            count(incomplete.len(), "risk lacks", "risks lack")
        ),
        incomplete,
        format!("Open {names} and set the owner, likelihood and impact."),
    )
}

fn above_threshold<'a>(f: &'a Facts, method: &RiskMethod) -> impl Iterator<Item = &'a Risk> {
    let threshold = method.acceptance_threshold;
    f.risks
        .iter()
        .filter(move |r| r.inherent.is_some_and(|s| s.value > threshold))
}

/// Whether the risk's owner has a current (not voided) approval of `kind`.
pub(crate) fn owner_approved(r: &Risk, kind: ApprovalKind) -> bool {
    r.approvals
        .iter()
        .any(|a| a.kind == kind && !a.void && Some(a.person_id) == r.owner_id)
}

fn treatment(f: &Facts) -> RuleResult {
    let rule = rule("S1-TREATMENT", "6.1.3");
    let Some(method) = &f.method else {
        return rule.not_applicable(
            "No risk method yet, so no risk is above its threshold (see S1-METHOD).",
        );
    };
    let mut faults = Faults::default();
    let (mut undecided, mut unaccepted) = (Vec::new(), Vec::new());
    for r in above_threshold(f, method) {
        match r.treatment {
            None => undecided.push(records::risk(r)),
            Some(Treatment::Accept) if !owner_approved(r, ApprovalKind::Acceptance) => {
                unaccepted.push(records::risk(r))
            }
            _ => {}
        }
    }
    // A decision to modify needs a plan whatever the risk's score (6.1.3 e).
    let no_action: Vec<RecordRef> = f
        .risks
        .iter()
        .filter(|r| r.treatment == Some(Treatment::Modify))
        .filter(|r| {
            !r.actions
                .iter()
                .any(|a| a.owner_id.is_some() && a.due_date.is_some())
        })
        .map(records::risk)
        .collect();
    for (at_fault, one, many, fix) in [
        (
            undecided,
            "risk above the acceptance threshold has no treatment decision",
            "risks above the acceptance threshold have no treatment decision",
            "Decide how to treat {}: modify, avoid, transfer or accept.",
        ),
        (
            no_action,
            "risk to be modified has no action with an owner and a due date",
            "risks to be modified have no action with an owner and a due date",
            "Add a treatment action with an owner and a due date to {}.",
        ),
        (
            unaccepted,
            "risk accepted above the threshold lacks the owner's acceptance",
            "risks accepted above the threshold lack the owner's acceptance",
            "Have the owner of {} record their acceptance of the risk.",
        ),
    ] {
        if !at_fault.is_empty() {
            let names = refs(&at_fault);
            let n = at_fault.len();
            faults.add(
                format!("{} {}: {names}.", n, if n == 1 { one } else { many }),
                at_fault,
                fix.replace("{}", &names),
            );
        }
    }
    faults.fail_or(
        &rule,
        rule.pass("Every risk above the acceptance threshold has a treatment decided, and every risk to be modified has a planned action."),
    )
}

fn plan_approved(f: &Facts) -> RuleResult {
    let rule = rule("S1-PLAN-APPROVED", "6.1.3 e)-f)");
    let Some(method) = &f.method else {
        return rule.not_applicable("No risk method yet (see S1-METHOD).");
    };
    let missing: Vec<RecordRef> = above_threshold(f, method)
        .filter(|r| !owner_approved(r, ApprovalKind::Plan))
        .map(records::risk)
        .collect();
    if missing.is_empty() {
        return rule.pass("Every risk above the threshold has its owner's current plan approval.");
    }
    let names = refs(&missing);
    rule.fail(
        format!(
            "{} above the threshold without a current plan approval by the owner: {names}.",
            count(missing.len(), "risk", "risks")
        ),
        missing,
        format!("Have the owner of {names} approve the treatment plan (again, where the risk changed since)."),
    )
}

/// The parts of an SoA entry an approval vouches for.
fn decision(e: &SoaEntry) -> impl PartialEq + '_ {
    (e.applicable, &e.reasons, e.justification.trim(), e.status)
}

fn soa(f: &Facts) -> RuleResult {
    let rule = rule("S1-SOA", "6.1.3 d)");
    let mut faults = Faults::default();
    let mut group = |test: &dyn Fn(&SoaEntry) -> bool, finding: &str, fix: &str| {
        let at_fault: Vec<RecordRef> = f
            .soa
            .iter()
            .filter(|e| test(e))
            .map(records::control)
            .collect();
        if !at_fault.is_empty() {
            let names = refs(&at_fault);
            faults.add(
                format!("{finding}: {names}."),
                at_fault,
                fix.replace("{}", &names),
            );
        }
    };
    group(
        &|e| e.applicable.is_none(),
        "Controls with no applicability decision",
        "Decide for each of {} whether it applies.",
    );
    group(
        &|e| e.applicable == Some(true) && !e.reasons.any(),
        "Controls included without a reason",
        "Tick why each of {} is included: legal, contractual, business or risk assessment.",
    );
    group(
        &|e| e.applicable == Some(false) && e.justification.trim().is_empty(),
        "Controls excluded without a justification",
        "Write why each of {} does not apply.",
    );
    group(
        &|e| e.status.is_none(),
        "Controls with no implementation status",
        "Set the implementation status of {}.",
    );
    let latest = f.soa_versions.iter().max_by_key(|v| v.number);
    let Some(latest) = latest else {
        faults.add(
            "No version of the SoA is approved.".into(),
            vec![records::clause("6.1.3 d)", "Statement of Applicability")],
            "Have top management approve the Statement of Applicability.".into(),
        );
        return faults.fail_or(&rule, rule.pass(""));
    };
    if !faults.is_empty() {
        return faults.fail_or(&rule, rule.pass(""));
    }
    let changed: Vec<RecordRef> = f
        .soa
        .iter()
        .filter(|e| {
            latest
                .entries
                .iter()
                .find(|v| v.control_id == e.control_id)
                .is_none_or(|v| decision(v) != decision(e))
        })
        .map(records::control)
        .collect();
    if changed.is_empty() {
        return rule.pass(format!(
            "All {} controls decided; version {} approved on {}.",
            f.soa.len(),
            latest.number,
            latest.approved_on
        ));
    }
    let names = refs(&changed);
    rule.warn(
        format!(
            "The approved SoA (version {}) is older than the last change: {} changed since ({names}).",
            latest.number,
            count(changed.len(), "control", "controls")
        ),
        changed,
        "Have top management approve the SoA again.",
    )
}

fn soa_consistent(f: &Facts) -> RuleResult {
    let rule = rule("S1-SOA-CONSISTENT", "6.1.3 c)-d)");
    let mut at_fault: Vec<RecordRef> = Vec::new();
    let mut controls: Vec<&str> = Vec::new();
    for r in &f.risks {
        let used = r.actions.iter().flat_map(|a| &a.controls);
        let mut bad = false;
        for c in used {
            let applicable = f
                .soa
                .iter()
                .any(|e| &e.control_id == c && e.applicable == Some(true));
            if !applicable && !controls.contains(&c.as_str()) {
                controls.push(c);
                if let Some(e) = f.soa.iter().find(|e| &e.control_id == c) {
                    at_fault.push(records::control(e));
                }
            }
            bad |= !applicable;
        }
        if bad {
            at_fault.push(records::risk(r));
        }
    }
    let mut faults = Faults::default();
    if !controls.is_empty() {
        let names = listing(&controls);
        faults.add(
            format!(
                "{} used by risk treatment actions {} not applicable in the SoA: {names}.",
                count(controls.len(), "control", "controls"),
                if controls.len() == 1 { "is" } else { "are" }
            ),
            at_fault,
            format!("Include {names} in the SoA (with the risk assessment as reason), or change the actions that use them."),
        );
    }
    super::registers::excluded_in_use(f, &mut faults);
    faults.fail_or(
        &rule,
        rule.pass("Every control used to treat a risk, or that a register rests on, is applicable in the SoA."),
    )
}

fn objectives(f: &Facts) -> RuleResult {
    let rule = rule("S1-OBJECTIVES", "6.2");
    let complete = f
        .objectives
        .iter()
        .filter(|o| !o.measure.trim().is_empty() && o.owner_id.is_some() && o.due_date.is_some())
        .count();
    if complete > 0 {
        return rule.pass(format!(
            "{} with a measure, owner and due date.",
            count(complete, "objective", "objectives")
        ));
    }
    if f.objectives.is_empty() {
        return rule.fail(
            "No information security objective is set.",
            vec![records::clause("6.2", "Information security objectives")],
            "Set at least one objective with a measure, an owner and a due date.",
        );
    }
    let at_fault: Vec<RecordRef> = f.objectives.iter().map(records::objective).collect();
    rule.fail(
        "No objective has all of a measure, an owner and a due date.",
        at_fault,
        "Give an objective its measure, owner and due date.",
    )
}

fn docs(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = rule("S1-DOCS", "7.5");
    let mut faults = Faults::default();
    for item in reference::mandatory_items()
        .iter()
        .filter(|m| m.kind == "document")
    {
        require_approved(f, ix, &item.clause, &mut faults);
    }
    if !faults.is_empty() {
        return faults.fail_or(&rule, rule.pass(""));
    }
    let mut missing = Vec::new();
    if !f
        .documents
        .iter()
        .any(|d| d.kind == crate::documents::DocKind::Manual && approved(d))
    {
        missing.push("an ISMS manual");
    }
    if !ix.procedure(f, "6.3", "change").iter().any(|d| approved(d)) {
        missing.push("a change management procedure");
    }
    if !ix.procedure(f, "9.2", "audit").iter().any(|d| approved(d)) {
        missing.push("an internal audit procedure");
    }
    if missing.is_empty() {
        return rule
            .pass("Every mandatory document is approved, with the manual and key procedures.");
    }
    let names = listing(&missing);
    rule.warn(
        format!("Every mandatory document is approved, but there is not yet {names}."),
        Vec::new(),
        format!("Auditors expect {names}: write and approve them (link procedures to clauses 6.3 and 9.2 in the clause checklist)."),
    )
}

fn audit_plan(f: &Facts) -> RuleResult {
    let rule = rule("S1-AUDIT-PLAN", "9.2");
    let Some(stage1) = f.organisation.stage1_date else {
        return rule.warn(
            "No Stage 1 date is recorded, so the audit plan cannot be checked against it.",
            vec![records::organisation(&f.organisation)],
            "Enter the Stage 1 date on the Organisation page.",
        );
    };
    let after = stage1.format("%Y-%m").to_string();
    let mut months: Vec<&str> = f
        .audits
        .iter()
        .filter(|a| a.status != crate::audits::AuditStatus::Cancelled && a.planned_month > after)
        .map(|a| a.planned_month.as_str())
        .collect();
    months.sort_unstable();
    months.dedup();
    let wanted = f.organisation.audit_months as usize;
    if months.len() >= wanted {
        return rule.pass(format!(
            "Internal audits are planned for {} after the Stage 1 audit.",
            count(months.len(), "month", "months")
        ));
    }
    rule.warn(
        format!(
            "Internal audits are planned for {} after the Stage 1 audit of {stage1}; {wanted} are agreed.",
            count(months.len(), "month", "months")
        ),
        f.audits.iter().filter(|a| a.planned_month > after).map(records::audit).collect(),
        format!(
            "Plan internal audits for {} more after {stage1} on the Audits page.",
            count(wanted - months.len(), "month", "months")
        ),
    )
}
