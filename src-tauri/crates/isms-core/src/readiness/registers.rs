//! The rules on the registers a Stage 2 auditor samples beside the SoA: S1-REQUIREMENTS (the
//! legal, regulatory and contractual requirements, 4.2 c), S2-SUPPLIERS (A.5.19–5.22) and
//! S2-INCIDENTS (A.5.24–5.28), and the check S1-SOA-CONSISTENT makes of each register against
//! the control it rests on: a register in use while its control is excluded.

use super::index::Index;
use super::records;
use super::verdict::{Faults, RecordRef, RuleResult, count, listing, refs};
use super::{stage1, stage2};
use crate::soa::SoaEntry;
use crate::view::Facts;

/// The control each register rests on, and what its records are called.
const REGISTERS: &[(&str, &str, &str)] = &[
    ("5.19", "supplier", "suppliers"),
    ("5.24", "incident", "incidents"),
    ("5.31", "requirement", "requirements"),
];

fn entry<'f>(f: &'f Facts, control: &str) -> Option<&'f SoaEntry> {
    f.soa.iter().find(|e| e.control_id == control)
}

/// Excluded in the SoA (decided not applicable); undecided is not excluded.
fn excluded(f: &Facts, control: &str) -> bool {
    entry(f, control).is_some_and(|e| e.applicable == Some(false))
}

/// The records of the register that rests on `control`.
fn register(f: &Facts, control: &str) -> Vec<RecordRef> {
    match control {
        "5.19" => f.suppliers.iter().map(records::supplier).collect(),
        "5.24" => f.incidents.iter().map(records::incident).collect(),
        _ => f.requirements.iter().map(records::requirement).collect(),
    }
}

/// S1-SOA-CONSISTENT's part on the registers: each register in use while the SoA excludes the
/// control it rests on is a fault naming the control and the register's records.
pub(crate) fn excluded_in_use(f: &Facts, faults: &mut Faults) {
    for (control, _, _) in REGISTERS {
        excluded_in_use_of(f, control, faults);
    }
}

/// [`excluded_in_use`] for the register that rests on one control.
fn excluded_in_use_of(f: &Facts, control: &str, faults: &mut Faults) {
    let Some((_, one, many)) = REGISTERS.iter().find(|(c, _, _)| *c == control) else {
        return;
    };
    let in_use = register(f, control);
    if in_use.is_empty() || !excluded(f, control) {
        return;
    }
    let names: Vec<&str> = in_use.iter().map(|r| r.reference.as_str()).collect();
    let finding = format!(
        "A.{control} is excluded in the SoA, yet the register records {}: {}.",
        count(in_use.len(), one, many),
        listing(&names)
    );
    let mut at_fault: Vec<RecordRef> = entry(f, control)
        .map(records::control)
        .into_iter()
        .collect();
    at_fault.extend(in_use);
    faults.add(
        finding,
        at_fault,
        format!(
            "Include A.{control} in the SoA (the {many} show it applies), or remove the {many} from the register if they were recorded by mistake."
        ),
    );
}

/// S1-REQUIREMENTS: at least one law or regulation with an owner, every requirement reviewed
/// within the last 12 months; a warning for an interested party whose requirements are not in
/// the register.
pub(crate) fn requirements(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = stage1::rule("S1-REQUIREMENTS", "4.2 c), A.5.31");
    let mut faults = Faults::default();
    let owned_legal = f
        .requirements
        .iter()
        .filter(|r| r.source.is_legal() && r.owner_id.is_some())
        .count();
    if owned_legal == 0 {
        let legal: Vec<RecordRef> = f
            .requirements
            .iter()
            .filter(|r| r.source.is_legal())
            .map(records::requirement)
            .collect();
        if legal.is_empty() {
            faults.add(
                "The requirements register holds no law or regulation.".into(),
                Vec::new(),
                "Record the laws and regulations that apply to the company (data protection law, sector rules) in the requirements register, each with an owner.".into(),
            );
        } else {
            faults.add(
                format!(
                    "No law or regulation in the register has an owner: {}.",
                    refs(&legal)
                ),
                legal,
                "Give the legal and regulatory requirements an owner who keeps track of them."
                    .into(),
            );
        }
    }
    let stale: Vec<RecordRef> = f
        .requirements
        .iter()
        .filter(|r| !r.reviewed_within_year(ix.as_of))
        .map(records::requirement)
        .collect();
    if !stale.is_empty() {
        faults.add(
            format!(
                "{} not reviewed in the last 12 months: {}.",
                count(stale.len(), "requirement", "requirements"),
                refs(&stale)
            ),
            stale,
            "Review each requirement (does it still apply, is it still met?) and record the date of the review.".into(),
        );
    }
    if !faults.is_empty() {
        return faults.fail_or(&rule, rule.pass(""));
    }
    let missing: Vec<RecordRef> = f
        .parties
        .iter()
        .filter(|p| !p.requirements.trim().is_empty())
        .filter(|p| !f.requirements.iter().any(|r| r.party_id == Some(p.id)))
        .map(records::party)
        .collect();
    if !missing.is_empty() {
        return rule.warn(
            format!(
                "{} with requirements {} no entry in the requirements register: {}.",
                count(missing.len(), "interested party", "interested parties"),
                if missing.len() == 1 { "has" } else { "have" },
                refs(&missing)
            ),
            missing,
            "Record their legal, regulatory or contractual requirements in the register, linked to the party, or say in the party's requirements that none of them is one.",
        );
    }
    rule.pass(format!(
        "{} recorded, {} with an owner, every one reviewed in the last 12 months.",
        count(f.requirements.len(), "requirement", "requirements"),
        count(owned_legal, "law or regulation", "laws or regulations"),
    ))
}

/// S2-SUPPLIERS: with A.5.19 applicable, every supplier has a criticality and an active owner,
/// every critical one security requirements in its contract and a review within its interval;
/// an expired certificate is a warning. Suppliers recorded while A.5.19 is excluded fail.
pub(crate) fn suppliers(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = stage2::rule("S2-SUPPLIERS", "A.5.19–5.22");
    let day = ix.as_of;
    if excluded(f, "5.19") {
        if f.suppliers.is_empty() {
            return rule
                .not_applicable("A.5.19 is excluded in the SoA and no supplier is recorded.");
        }
        let mut faults = Faults::default();
        excluded_in_use_of(f, "5.19", &mut faults);
        return faults.fail_or(&rule, rule.pass(""));
    }
    if f.suppliers.is_empty() {
        return rule.warn(
            "A.5.19 applies, but the supplier register is empty.",
            entry(f, "5.19").map(records::control).into_iter().collect(),
            "Record the suppliers the company relies on (cloud services, IT support, payroll …) with their criticality and owner, or exclude A.5.19 in the SoA with a justification if there are none.",
        );
    }
    let mut faults = Faults::default();
    let mut gather = |what: &str, fix: &str, pick: &dyn Fn(&crate::suppliers::Supplier) -> bool| {
        let bad: Vec<RecordRef> = f
            .suppliers
            .iter()
            .filter(|s| pick(s))
            .map(records::supplier)
            .collect();
        if !bad.is_empty() {
            faults.add(
                format!(
                    "{} {what}: {}.",
                    count(bad.len(), "supplier", "suppliers"),
                    refs(&bad)
                ),
                bad,
                fix.to_owned(),
            );
        }
    };
    gather(
        "without a criticality",
        "Rate how critical each supplier is to the security of your information.",
        &|s| s.criticality.is_none(),
    );
    gather(
        "without an active owner",
        "Give each supplier an owner who is with the company and looks after the relationship.",
        &|s| !ix.active(s.owner_id),
    );
    gather(
        "rated critical without security requirements in the contract (A.5.20)",
        "Agree information security requirements with each critical supplier and record where the contract holds them.",
        &|s| {
            s.criticality == Some(crate::suppliers::Criticality::Critical)
                && !s.contract_requirements
        },
    );
    gather(
        "rated critical and not reviewed within their interval (A.5.22)",
        "Review each critical supplier (its service, incidents, certificates) and record the review.",
        &|s| {
            s.criticality == Some(crate::suppliers::Criticality::Critical)
                && !s.reviewed_in_time(day)
        },
    );
    if !faults.is_empty() {
        return faults.fail_or(&rule, rule.pass(""));
    }
    let expired: Vec<RecordRef> = f
        .suppliers
        .iter()
        .filter(|s| !s.expired_certificates(day).is_empty())
        .map(records::supplier)
        .collect();
    if !expired.is_empty() {
        return rule.warn(
            format!(
                "{} an expired certificate: {}.",
                count(expired.len(), "supplier has", "suppliers have"),
                refs(&expired)
            ),
            expired,
            "Ask each supplier for its current certificate or report and attach it.",
        );
    }
    rule.pass(format!(
        "{} rated and owned; every critical one has contractual security requirements and a review in time.",
        count(f.suppliers.len(), "supplier", "suppliers")
    ))
}

/// S2-INCIDENTS: every incident reported by the day has a severity and a response, every closed
/// one lessons learned, every one raising an NC its tracker item. Incidents recorded while
/// A.5.24 is excluded fail.
pub(crate) fn incidents(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = stage2::rule("S2-INCIDENTS", "A.5.24–5.28");
    let day = ix.as_of;
    let mut faults = Faults::default();
    excluded_in_use_of(f, "5.24", &mut faults);
    if f.incidents.is_empty() && faults.is_empty() {
        return rule.pass("No incident reported by this day.");
    }
    let mut gather = |what: &str, fix: &str, pick: &dyn Fn(&crate::incidents::Incident) -> bool| {
        let bad: Vec<RecordRef> = f
            .incidents
            .iter()
            .filter(|i| pick(i))
            .map(records::incident)
            .collect();
        if !bad.is_empty() {
            faults.add(
                format!(
                    "{} {what}: {}.",
                    count(bad.len(), "incident", "incidents"),
                    refs(&bad)
                ),
                bad,
                fix.to_owned(),
            );
        }
    };
    gather(
        "without a severity",
        "Assess how severe each incident was.",
        &|i| i.severity.is_none(),
    );
    gather(
        "without a recorded response",
        "Record what was done about each incident (containment, recovery, who was told).",
        &|i| i.response.trim().is_empty(),
    );
    gather(
        "closed without lessons learned (A.5.27)",
        "Record what was learned from each closed incident and what changes because of it.",
        &|i| i.is_closed(day) && i.lessons.trim().is_empty(),
    );
    gather(
        "raising a nonconformity without its tracker item",
        "Raise the nonconformity in the tracker from the incident, so it is followed up to closure.",
        &|i| {
            i.raises_nc
                && !f.tracker.iter().any(|t| {
                    t.source == crate::tracker::ItemSource::Incident
                        && t.source_ref.eq_ignore_ascii_case(&i.reference)
                })
        },
    );
    let total = f.incidents.len();
    faults.fail_or(
        &rule,
        rule.pass(format!(
            "{} assessed and answered; every closed one has lessons learned.",
            count(total, "incident", "incidents")
        )),
    )
}
