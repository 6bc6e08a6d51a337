//! The rows of a risk register's actions sheet: each names its risk by reference and is
//! matched to an action of that risk by title (ignoring case). A matched action takes the
//! row's mapped values where they differ (an unmapped column keeps the action's value; a
//! mapped column left blank clears a date, while a blank status keeps the action's); others
//! are added; an action the sheet does not list is kept, never deleted. Each action is
//! checked with the core's rules (a done action needs its day, controls are Annex A's), its
//! problems named by cell.

use std::collections::HashMap;

use isms_core::risks::{ActionStatus, Risk, RiskAction};

use super::super::check::Check;
use super::super::{Op, Outcome, PartSheets, Planned, line};
use super::Risks;
use super::parts::Targets;
use crate::read::{Kind, Part, clean, dates, rows};

/// Checks every row of `part`, adding the good ones' plans to `sheets` and their actions to
/// the risks in `targets`.
pub(super) fn check(
    risks: &Risks,
    planned: &[Planned],
    targets: &mut Targets,
    part: &Part,
    sheets: &mut PartSheets<'_>,
) {
    let records = rows(&part.workbook, &part.mapping);
    sheets.total += records.len();
    let mut seen = HashMap::new();
    for row in &records {
        let mut c = Check::new(row, &part.mapping, sheets.errors, sheets.unresolved);
        if let Some(plan) = one(risks, planned, targets, &mut c, &mut seen) {
            sheets.lines.push(line(Kind::RiskActions, row, &plan));
            sheets.planned.push(plan);
        }
    }
}

fn one(
    risks: &Risks,
    planned: &[Planned],
    targets: &mut Targets,
    c: &mut Check<'_>,
    seen: &mut HashMap<String, u32>,
) -> Option<Planned> {
    let reference = c.required("reference", "The risk's reference");
    let title = c.required("title", "The action");
    let target = reference.as_deref().and_then(|r| {
        let found = targets.find(risks, planned, r);
        // A risk whose own row is wrong has its problems said there.
        if found.is_none() && !risks.seen.contains_key(&r.to_lowercase()) {
            c.error(
                "reference",
                &format!(
                    "No risk {r} in the vault or on the register's sheet; an action names its \
                     risk by reference."
                ),
            );
        }
        found
    });
    if let (Some(r), Some(t)) = (&reference, &title) {
        let key = format!("{}\u{1f}{}", r.trim(), t.trim());
        c.once(
            seen,
            "title",
            &key,
            &format!("“{t}” of {r}"),
            "action of a risk",
        );
    }
    let title = title.unwrap_or_default();
    let existing = target.and_then(|i| {
        let actions = &targets.list[i].risk.actions;
        actions
            .iter()
            .position(|a| a.title.trim().eq_ignore_ascii_case(title.trim()))
    });
    let mut action = match (target, existing) {
        (Some(t), Some(a)) => targets.list[t].risk.actions[a].clone(),
        _ => RiskAction {
            id: 0,
            title: String::new(),
            owner_id: None,
            due_date: None,
            status: ActionStatus::Planned,
            done_date: None,
            controls: Vec::new(),
        },
    };
    action.title = title;
    read_cells(risks, c, &mut action);
    // The core's own rules for an action, on a risk that holds only it.
    let probe = Risk {
        actions: vec![action],
        ..Risk::titled("probe")
    };
    let action = match probe.validated(&risks.method) {
        Ok(mut r) => r.actions.remove(0),
        Err(err) => {
            c.core(err, field_of);
            return None;
        }
    };
    let t = target?;
    if c.failed() {
        return None;
    }
    let risk = &mut targets.list[t];
    let outcome = match existing {
        None => Outcome::Create,
        Some(a) if risk.risk.actions[a] == action => Outcome::Unchanged,
        Some(_) => Outcome::Update,
    };
    let what = format!("action “{}” on {}", action.title, risk.risk.reference);
    match existing {
        Some(a) => risk.risk.actions[a] = action,
        None => risk.risk.actions.push(action),
    }
    risk.changed |= outcome != Outcome::Unchanged;
    Some(Planned {
        outcome,
        op: Op::WithRecord,
        what,
    })
}

/// The row's mapped cells into `action`.
fn read_cells(risks: &Risks, c: &mut Check<'_>, action: &mut RiskAction) {
    if let Some(owner) = risks
        .owners
        .read(c, "owner", Some("owner_email"), action.owner_id)
    {
        action.owner_id = owner;
    }
    if c.mapped("due_date")
        && let Some(day) = c.read("due_date", dates::date)
    {
        action.due_date = day;
    }
    if c.mapped("status")
        && let Some(Some(status)) = c.read("status", |cell| {
            clean::word::<ActionStatus>(cell, "an action's status")
        })
    {
        action.status = status;
    }
    if c.mapped("done_date")
        && let Some(day) = c.read("done_date", dates::date)
    {
        action.done_date = day;
    }
    if c.mapped("controls")
        && let Some(controls) = c.read("controls", clean::controls)
    {
        action.controls = controls;
    }
}

/// The core's field names of the probe's one action as this sheet's.
fn field_of(core: &str) -> &str {
    match core.strip_prefix("actions.0.").unwrap_or(core) {
        "owner_id" => "owner",
        f => f,
    }
}
