//! The risk side of the demo: the risk method (6.1.2), thirteen risks with threats,
//! vulnerabilities, assets, treatments and actions linked to Annex A controls, the owners'
//! approvals (6.1.3 f), and the Statement of Applicability for all 93 controls with its
//! approved versions. How complete each is depends on the point of the story.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate};

use crate::db::{Action, Vault};
use crate::error::Result;
use crate::reference;
use crate::risks::{self, ActionStatus, ApprovalKind, Risk, RiskAction, RiskMethod, Treatment};
use crate::soa::{self, ImplementationStatus};

use super::company::{Role, Staff};
use super::{DemoPoint, Story};

/// A treatment action: title, owner, due (days after Stage 1), controls.
type ActionDef = (&'static str, Role, i64, &'static [&'static str]);

struct RiskDef {
    title: &'static str,
    description: &'static str,
    threat: &'static str,
    vulnerability: &'static str,
    assets: &'static [&'static str],
    owner: Role,
    score: (u32, u32),
    treatment: Treatment,
    residual: (u32, u32),
    actions: &'static [ActionDef],
}

/// The register. Red risks (score ≥ 15).
const RISKS: [RiskDef; 13] = [
    RiskDef {
        title: "Client data exfiltrated through a compromised engineer account",
        description: "An attacker phishes an engineer's credentials and copies client data from the warehouse.",
        threat: "Credential phishing and session hijacking",
        vulnerability: "Passwords with push-based MFA; standing admin rights in production",
        assets: &["warehouse", "platform"],
        owner: Role::Cto,
        score: (4, 5),
        treatment: Treatment::Modify,
        residual: (2, 3),
        actions: &[
            (
                "Phishing-resistant MFA (FIDO2 keys) for every account",
                Role::It,
                40,
                &["5.17", "8.5"],
            ),
            (
                "Just-in-time admin access to production",
                Role::Platform,
                55,
                &["8.2", "5.15"],
            ),
        ],
    },
    RiskDef {
        title: "Ransomware encrypts the data warehouse and its backups",
        description: "Ransomware reaches the cloud account and encrypts or deletes both data and backups.",
        threat: "Ransomware operators",
        vulnerability: "Backups kept in the same cloud account as production",
        assets: &["warehouse", "backups"],
        owner: Role::Platform,
        score: (3, 5),
        treatment: Treatment::Modify,
        residual: (1, 5),
        actions: &[
            (
                "Immutable backups in a separate cloud account",
                Role::Platform,
                45,
                &["8.13"],
            ),
            (
                "Quarterly restore test with timings",
                Role::DataEng,
                60,
                &["8.13", "5.30"],
            ),
            (
                "Endpoint detection and response on all laptops",
                Role::It,
                50,
                &["8.7"],
            ),
        ],
    },
    RiskDef {
        title: "Client personal data processed beyond the client's instructions",
        description: "Analysts reuse a client's customer data for another client's model.",
        threat: "Well-meant misuse by staff",
        vulnerability: "No register of processing per client; DPAs not mapped to datasets",
        assets: &["warehouse"],
        owner: Role::DataScience,
        score: (3, 4),
        treatment: Treatment::Modify,
        residual: (2, 3),
        actions: &[(
            "Record of processing per client, linked to each dataset",
            Role::DataScience,
            50,
            &["5.34", "5.31"],
        )],
    },
    RiskDef {
        title: "Laptop lost or stolen with client extracts on disk",
        description: "A laptop left on a train holds CSV extracts of client data.",
        threat: "Loss or theft",
        vulnerability: "Extracts allowed on local disks",
        assets: &["laptops"],
        owner: Role::It,
        score: (3, 3),
        treatment: Treatment::Modify,
        residual: (1, 3),
        actions: &[(
            "Disk encryption and remote wipe enforced by device management",
            Role::It,
            40,
            &["8.1", "7.9"],
        )],
    },
    RiskDef {
        title: "Cloud region outage stops client dashboards",
        description: "A provider outage makes dashboards unavailable beyond the 99.5 % SLA.",
        threat: "Provider failure",
        vulnerability: "Single-region deployment",
        assets: &["platform"],
        owner: Role::Platform,
        score: (2, 4),
        treatment: Treatment::Modify,
        residual: (2, 2),
        actions: &[(
            "Disaster recovery runbook with a warm standby region",
            Role::Platform,
            70,
            &["5.30", "8.14"],
        )],
    },
    RiskDef {
        title: "Vulnerable open-source library exploited in the analytics API",
        description: "A known vulnerability in a dependency is exploited before it is patched.",
        threat: "Opportunistic attackers scanning for known CVEs",
        vulnerability: "No automated dependency scanning",
        assets: &["platform", "code"],
        owner: Role::DataEng,
        score: (3, 4),
        treatment: Treatment::Modify,
        residual: (2, 3),
        actions: &[(
            "Dependency scanning blocks builds with critical CVEs",
            Role::DataEng,
            45,
            &["8.8", "8.28"],
        )],
    },
    RiskDef {
        title: "A leaver keeps access to client data",
        description: "Accounts of people who leave stay active in SaaS tools.",
        threat: "Misuse by a former employee",
        vulnerability: "Leaver process relies on e-mails to each tool owner",
        assets: &["warehouse", "office365"],
        owner: Role::PeopleLead,
        score: (2, 4),
        treatment: Treatment::Modify,
        residual: (1, 4),
        actions: &[(
            "Leaver checklist removes every access on the last day",
            Role::PeopleLead,
            40,
            &["5.18", "6.5"],
        )],
    },
    RiskDef {
        title: "Payroll bureau breach exposes staff data",
        description: "The outsourced payroll provider suffers a breach.",
        threat: "Attack on a supplier",
        vulnerability: "Supplier holds salary and bank data",
        assets: &["hr"],
        owner: Role::Finance,
        score: (2, 3),
        treatment: Treatment::Accept,
        residual: (2, 3),
        actions: &[],
    },
    RiskDef {
        title: "Misconfigured storage bucket exposes data publicly",
        description: "An infrastructure change makes a storage bucket readable from the internet.",
        threat: "Configuration error",
        vulnerability: "Infrastructure changes not checked against a baseline",
        assets: &["warehouse"],
        owner: Role::DataEng,
        score: (3, 5),
        treatment: Treatment::Modify,
        residual: (1, 4),
        actions: &[
            (
                "Policy checks on infrastructure code before deployment",
                Role::Platform,
                50,
                &["8.9", "8.32"],
            ),
            (
                "Alerts on public storage from cloud posture monitoring",
                Role::Platform,
                55,
                &["8.16"],
            ),
        ],
    },
    RiskDef {
        title: "Invoice fraud through a spoofed supplier e-mail",
        description: "Finance pays a fraudulent invoice after a convincing e-mail.",
        threat: "Business e-mail compromise",
        vulnerability: "Bank detail changes accepted by e-mail",
        assets: &["finance"],
        owner: Role::Finance,
        score: (3, 3),
        treatment: Treatment::Modify,
        residual: (2, 2),
        actions: &[(
            "Call-back check for every change of bank details",
            Role::Finance,
            40,
            &["5.14", "6.3"],
        )],
    },
    RiskDef {
        title: "Break-in at the London office",
        description: "Equipment stolen from the office out of hours.",
        threat: "Burglary",
        vulnerability: "Shared building entrance",
        assets: &["office", "laptops"],
        owner: Role::Office,
        score: (2, 2),
        treatment: Treatment::Accept,
        residual: (2, 2),
        actions: &[],
    },
    RiskDef {
        title: "Only one engineer can run the data pipeline",
        description: "Client deliveries stop when the pipeline's only expert is away.",
        threat: "Absence or departure of a key person",
        vulnerability: "Undocumented pipeline operations",
        assets: &["platform"],
        owner: Role::Cto,
        score: (3, 3),
        treatment: Treatment::Modify,
        residual: (2, 2),
        actions: &[
            (
                "Documented operating procedures for the pipeline",
                Role::DataEng,
                60,
                &["5.37"],
            ),
            (
                "Second engineer trained on pipeline operations",
                Role::Cto,
                120,
                &["6.3"],
            ),
        ],
    },
    RiskDef {
        title: "Liability for a client data breach exceeds reserves",
        description: "Claims after a breach exceed what the company could pay.",
        threat: "Contractual claims",
        vulnerability: "Unlimited liability clauses in older contracts",
        assets: &["warehouse"],
        owner: Role::Ceo,
        score: (2, 5),
        treatment: Treatment::Transfer,
        residual: (2, 2),
        actions: &[],
    },
];

/// Every control a treatment action of the demo implements.
pub(crate) fn linked_controls() -> BTreeSet<&'static str> {
    RISKS
        .iter()
        .flat_map(|r| r.actions.iter().flat_map(|a| a.3.iter().copied()))
        .collect()
}

/// How a control linked to the risk treatment plan is implemented: the actions that do it,
/// each with its risk (“R-002: Immutable backups in a separate cloud account”).
fn how_implemented(control: &str) -> String {
    let actions: Vec<String> = RISKS
        .iter()
        .enumerate()
        .flat_map(|(n, r)| {
            r.actions
                .iter()
                .filter(|a| a.3.contains(&control))
                .map(move |a| format!("R-{:03}: {}", n + 1, a.0))
        })
        .collect();
    format!("Risk treatment actions: {}.", actions.join("; "))
}

/// Controls the company excludes, with why.
const EXCLUDED: [(&str, &str); 2] = [
    (
        "7.12",
        "No server room or cabling of our own: the office is in a serviced building whose \
         landlord owns and protects the cabling; production runs in the cloud provider's data centres.",
    ),
    (
        "8.30",
        "No development is outsourced: all software is written by Northwind's own engineers.",
    ),
];

/// What the register holds, for the later parts of the story.
#[derive(Debug, Clone)]
pub(crate) struct Register {
    /// Risk ids, in reference order.
    pub risks: Vec<i64>,
}

/// How far the gaps point got with a risk.
struct Done {
    owned: bool,
    scored: bool,
    decided: bool,
    approved: bool,
}

/// With gaps, risks have no owner yet, R-012 and R-013 no scores, R-010 no
/// treatment decision, and only have their owner's approval of the plan.
fn done(story: &Story, index: usize) -> Done {
    let gaps = story.point == DemoPoint::Stage1Gaps;
    Done {
        owned: !gaps || index < 10,
        scored: !gaps || index < 11,
        decided: !gaps || index != 9,
        approved: !gaps || index < 5,
    }
}

/// Where a treatment action due `due` days after Stage 1 stands at the story's point.
fn status_of(story: &Story, due: i64, red: bool) -> (ActionStatus, Option<NaiveDate>) {
    let due_date = story.after_stage1(due);
    match story.point {
        DemoPoint::Stage2Ready if red || due_date < story.today => (
            ActionStatus::Done,
            Some(due_date.min(story.today) - Duration::days(3)),
        ),
        DemoPoint::Stage2Ready => (ActionStatus::InProgress, None),
        DemoPoint::Operating if due <= 40 => (ActionStatus::Done, Some(story.after_stage1(12))),
        DemoPoint::Operating => (ActionStatus::InProgress, None),
        DemoPoint::Stage1Ready if due <= 40 => (ActionStatus::InProgress, None),
        _ => (ActionStatus::Planned, None),
    }
}

fn is_red(def: &RiskDef) -> bool {
    def.score.0 * def.score.1 >= RiskMethod::default().red_threshold
}

/// Controls linked to treatment actions that are all done at the story's point.
fn done_controls(story: &Story) -> BTreeSet<&'static str> {
    linked_controls()
        .into_iter()
        .filter(|c| {
            RISKS.iter().all(|r| {
                r.actions
                    .iter()
                    .filter(|a| a.3.contains(c))
                    .all(|a| status_of(story, a.2, is_red(r)).0 == ActionStatus::Done)
            })
        })
        .collect()
}

fn action_for(story: &Story, staff: &Staff, def: &ActionDef, red: bool) -> RiskAction {
    let (title, owner, due, controls) = *def;
    let due_date = story.after_stage1(due);
    let (status, done_date) = status_of(story, due, red);
    RiskAction {
        id: 0,
        title: title.into(),
        owner_id: Some(staff.of(owner)),
        due_date: Some(due_date),
        status,
        done_date,
        controls: controls.iter().map(|c| (*c).to_owned()).collect(),
    }
}

pub(crate) fn write(vault: &mut Vault, story: &Story, staff: &Staff) -> Result<Register> {
    let method = RiskMethod::default();
    risks::set_method(vault, story.stamp(story.prep(10)), method.clone())?;
    let mut ids = Vec::new();
    vault.write(story.stamp(story.prep(14)), |tx| {
        for (i, def) in RISKS.iter().enumerate() {
            let done = done(story, i);
            let red = def.score.0 * def.score.1 >= method.red_threshold;
            let mut risk = Risk::titled(def.title);
            risk.description = def.description.into();
            risk.threat = def.threat.into();
            risk.vulnerability = def.vulnerability.into();
            risk.asset_ids = def.assets.iter().flat_map(|a| staff.asset(a)).collect();
            risk.owner_id = done.owned.then(|| staff.of(def.owner));
            if done.scored {
                risk.likelihood = Some(def.score.0);
                risk.impact = Some(def.score.1);
            }
            if done.scored && done.decided {
                risk.treatment = Some(def.treatment);
                risk.residual_likelihood = Some(def.residual.0);
                risk.residual_impact = Some(def.residual.1);
                risk.actions = def
                    .actions
                    .iter()
                    .map(|a| action_for(story, staff, a, red))
                    .collect();
            } else {
                risk.description = format!(
                    "{} Treatment still to be decided with the owner.",
                    def.description
                );
            }
            ids.push(risks::insert(tx, risk, Action::Create)?.id);
        }
        Ok(())
    })?;
    for (i, def) in RISKS.iter().enumerate() {
        let done = done(story, i);
        let above = def.score.0 * def.score.1 > method.acceptance_threshold;
        if !(done.owned && done.scored && done.decided && done.approved && above) {
            continue;
        }
        let (id, owner) = (ids[i], staff.of(def.owner));
        let on = story.prep(24);
        let note = "Plan reviewed with the ISMS owner.";
        risks::approve(
            vault,
            story.stamp(on),
            id,
            ApprovalKind::Plan,
            owner,
            on,
            note,
        )?;
        if story.reached(DemoPoint::Stage1Ready) {
            let note = "Residual risk accepted.";
            risks::approve(
                vault,
                story.stamp(on),
                id,
                ApprovalKind::Acceptance,
                owner,
                on,
                note,
            )?;
        }
    }
    write_soa(vault, story, staff)?;
    Ok(Register { risks: ids })
}

fn soa_owner(staff: &Staff, theme: &str) -> i64 {
    match theme {
        "People" => staff.people_lead,
        "Physical" => staff.office,
        "Technological" => staff.platform,
        _ => staff.owner,
    }
}

/// The SoA as it stands at Stage 1 (`operating` false) or after three months of operation.
fn soa_entries(story: &Story, staff: &Staff, operating: bool) -> Result<Vec<soa::SoaEntry>> {
    let linked = linked_controls();
    let done = done_controls(story);
    let controls = reference::controls();
    let mut entries = Vec::with_capacity(controls.len());
    for (i, control) in controls.iter().enumerate() {
        let mut e = soa::SoaEntry::undecided(&control.id);
        let id = control.id.as_str();
        let is_linked = linked.contains(id);
        if story.point == DemoPoint::Stage1Gaps && !is_linked && i % 3 == 0 {
            entries.push(e);
            continue;
        }
        e.owner_id = Some(soa_owner(staff, &control.theme));
        if let Some((_, why)) = EXCLUDED.iter().find(|(c, _)| *c == id) {
            e.applicable = Some(false);
            e.justification = (*why).into();
            e.status = Some(ImplementationStatus::NotStarted);
            entries.push(e);
            continue;
        }
        e.applicable = Some(true);
        e.reasons.risk_assessment = is_linked;
        e.reasons.legal = matches!(id, "5.31" | "5.32" | "5.33" | "5.34");
        e.reasons.contractual = matches!(id, "5.14" | "5.19" | "5.20" | "5.21" | "5.22" | "5.23");
        e.reasons.business = !e.reasons.any() || i % 4 == 0;
        e.status = Some(match (operating, story.point) {
            (true, DemoPoint::Stage2Ready) => ImplementationStatus::Implemented,
            (true, _) if is_linked && !done.contains(id) => ImplementationStatus::InProgress,
            (true, _) => ImplementationStatus::Implemented,
            (false, _) if is_linked => ImplementationStatus::InProgress,
            (false, _) if i % 5 == 0 => ImplementationStatus::NotStarted,
            (false, _) => ImplementationStatus::Implemented,
        });
        if is_linked {
            e.notes = how_implemented(id);
        }
        entries.push(e);
    }
    Ok(entries)
}

fn write_soa(vault: &mut Vault, story: &Story, staff: &Staff) -> Result<()> {
    soa::update_many(
        vault,
        story.stamp(story.prep(34)),
        soa_entries(story, staff, false)?,
    )?;
    if story.point == DemoPoint::Stage1Gaps {
        return Ok(());
    }
    let on = story.prep(36);
    soa::approve(
        vault,
        story.stamp(on),
        staff.ceo,
        on,
        "For the Stage 1 audit",
    )?;
    if story.reached(DemoPoint::Operating) {
        let changed: NaiveDate = if story.point == DemoPoint::Stage2Ready {
            story.after_stage1(80)
        } else {
            story.after_stage1(20)
        };
        soa::update_many(
            vault,
            story.stamp(changed),
            soa_entries(story, staff, true)?,
        )?;
        let on = changed + Duration::days(1);
        soa::approve(
            vault,
            story.stamp(on),
            staff.ceo,
            on,
            "Implementation status after the first months of operation",
        )?;
    }
    Ok(())
}
