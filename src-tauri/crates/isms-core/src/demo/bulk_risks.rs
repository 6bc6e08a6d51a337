//! The bulk risks of a large demo: up to exactly 5,000, each with an owner and scores; those
//! above the acceptance threshold with a plan (actions with owners, due dates and applicable
//! controls; red ones done by `stage2-ready`) and their owner's approval and acceptance.
//!
//! References are numbered here (see [`super::bulk`] for why); each approval keeps the risk's
//! material parts as the risk domain itself takes them, and the tests check that no approval
//! comes out void.

use chrono::Duration;
use rusqlite::params;
use serde_json::json;

use crate::db::{Action, Vault, WriteTx};
use crate::error::Result;
use crate::risks::{
    self, ActionStatus, ApprovalKind, Risk, RiskAction, RiskApproval, RiskMethod, Treatment,
};

use super::bulk::{EVENTS, LARGE, SUBJECTS, capitalised, count, next_number};
use super::register::linked_controls;
use super::rng::Rng;
use super::{DemoPoint, Story};

/// Risks up to [`LARGE`]`.risks`, with actions and approvals.
pub(super) fn write(vault: &mut Vault, story: &Story, owners: &[i64], rng: &mut Rng) -> Result<()> {
    let missing = LARGE.risks.saturating_sub(count(vault, "risks")?);
    let method = risks::get_method(vault.reader())?.unwrap_or_default();
    let controls: Vec<&str> = linked_controls().into_iter().collect();
    let assets: Vec<i64> = crate::assets::list(vault.reader())?
        .iter()
        .map(|a| a.id)
        .collect();
    let first = next_number(vault, "risks", "R-")?;
    let assessed = story.prep(15);
    vault.write(story.stamp(assessed), |tx| {
        for n in 0..missing {
            let risk = bulk_risk(story, &method, owners, &controls, &assets, rng, n)?;
            let reference = format!("R-{:03}", first as usize + n);
            insert_risk(tx, story, &method, reference, risk)?;
        }
        Ok(())
    })
}

fn bulk_risk(
    story: &Story,
    method: &RiskMethod,
    owners: &[i64],
    controls: &[&str],
    assets: &[i64],
    rng: &mut Rng,
    n: usize,
) -> Result<Risk> {
    let subject = rng.pick(&SUBJECTS);
    let (event, threat, vulnerability) = *rng.pick(&EVENTS);
    let owner = *rng.pick(owners);
    let mut risk = Risk::titled(&format!("{} {event} ({n:04})", capitalised(subject)));
    risk.description = format!("The {subject} is {event}.");
    risk.threat = threat.into();
    risk.vulnerability = vulnerability.into();
    if !assets.is_empty() {
        risk.asset_ids = vec![*rng.pick(assets)];
    }
    risk.owner_id = Some(owner);
    let (l, i) = (rng.between(1, 5), rng.between(1, 5));
    risk.likelihood = Some(l);
    risk.impact = Some(i);
    let score = l * i;
    if score <= method.acceptance_threshold {
        risk.treatment = Some(Treatment::Accept);
        risk.residual_likelihood = Some(l);
        risk.residual_impact = Some(i);
        return risk.validated(method);
    }
    let red = score >= method.red_threshold;
    risk.treatment = Some(Treatment::Modify);
    risk.residual_likelihood = Some(rng.between(1, 2));
    risk.residual_impact = Some(rng.between(1, 3));
    for k in 0..rng.between(1, 2) {
        let (status, due, done) = if red && story.point == DemoPoint::Stage2Ready {
            let due = story.after_stage1(rng.between(20, 80).into());
            (ActionStatus::Done, due, Some(due - Duration::days(2)))
        } else {
            let due = story.today + Duration::days(rng.between(20, 200).into());
            let status = if k == 0 && rng.chance(40) {
                ActionStatus::InProgress
            } else {
                ActionStatus::Planned
            };
            (status, due, None)
        };
        risk.actions.push(RiskAction {
            id: 0,
            title: format!("Reduce the chance that the {subject} is {event}"),
            owner_id: Some(owner),
            due_date: Some(due),
            status,
            done_date: done,
            controls: vec![(*rng.pick(controls)).to_owned()],
        });
    }
    risk.validated(method)
}

/// Inserts a validated risk with its actions, and its owner's approvals when it is above the
/// acceptance threshold.
fn insert_risk(
    tx: &mut WriteTx<'_>,
    story: &Story,
    method: &RiskMethod,
    reference: String,
    mut risk: Risk,
) -> Result<()> {
    risk.reference = reference;
    let assets = serde_json::to_string(&risk.asset_ids)?;
    let image = json!({
        "reference": risk.reference, "title": risk.title, "description": risk.description,
        "threat": risk.threat, "vulnerability": risk.vulnerability, "asset_ids": risk.asset_ids,
        "owner_id": risk.owner_id, "likelihood": risk.likelihood, "impact": risk.impact,
        "treatment": risk.treatment, "residual_likelihood": risk.residual_likelihood,
        "residual_impact": risk.residual_impact, "needs_review": false,
    });
    risk.id = tx.insert(
        "risks",
        Action::Create,
        &image,
        "INSERT INTO risks (reference, title, description, threat, vulnerability, asset_ids, \
         owner_id, likelihood, impact, treatment, residual_likelihood, residual_impact, \
         needs_review) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0)",
        params![
            risk.reference,
            risk.title,
            risk.description,
            risk.threat,
            risk.vulnerability,
            assets,
            risk.owner_id,
            risk.likelihood,
            risk.impact,
            risk.treatment,
            risk.residual_likelihood,
            risk.residual_impact
        ],
    )?;
    for a in &mut risk.actions {
        a.id = tx.insert(
            "risk_actions",
            Action::Create,
            &*a,
            "INSERT INTO risk_actions (risk_id, title, owner_id, due_date, status, done_date, \
             controls) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                risk.id,
                a.title,
                a.owner_id,
                a.due_date,
                a.status,
                a.done_date,
                serde_json::to_string(&a.controls)?
            ],
        )?;
    }
    let above = method
        .score(risk.likelihood, risk.impact)
        .is_some_and(|s| s.value > method.acceptance_threshold);
    if let (true, Some(owner)) = (above, risk.owner_id) {
        for (kind, note) in [
            (ApprovalKind::Plan, "Plan approved."),
            (ApprovalKind::Acceptance, "Residual risk accepted."),
        ] {
            let approval = RiskApproval {
                id: 0,
                kind,
                person_id: owner,
                approved_on: story.prep(24),
                note: note.into(),
                approved: risks::material(&risk),
                void: false,
            };
            risks::insert_approval(tx, risk.id, approval, Action::Create)?;
        }
    }
    Ok(())
}
