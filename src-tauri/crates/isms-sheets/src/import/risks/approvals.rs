//! The rows of a risk register's approvals sheet (6.1.3 f): each names its risk by reference,
//! the kind (treatment plan approved, residual risk accepted), who approved (by name or
//! e-mail) and the day. An approval the risk already has (same kind, person and day) is left
//! as it is; a new one is recorded through the core's own path, after every risk is written,
//! so it approves the risk as the import leaves it: only the risk's owner can approve, and
//! only once the treatment is decided, or the row is refused naming its cell.
//!
//! A void approval (the sheet says it no longer holds: the risk changed after it was given)
//! is not imported. What it approved is not in the workbook, only that it is void, and
//! recording it would make it approve the risk as it stands now, which its owner never did;
//! its row is reported as not imported, with why. One the vault already has is left as it is.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use isms_core::db::WriteTx;
use isms_core::risks::{self, ApprovalKind};
use isms_core::{CoreError, ErrorCode, Result, Vocabulary};

use super::super::check::Check;
use super::super::{Op, Outcome, PartSheets, Planned, line};
use super::Risks;
use super::parts::Targets;
use crate::read::{Cell, Kind, Part, clean, dates, rows};

/// An approval to record: of an existing risk (by id), or of one this import creates (id 0,
/// by reference).
pub(crate) struct ApprovalPlan {
    risk_id: i64,
    reference: String,
    kind: ApprovalKind,
    person_id: i64,
    approved_on: NaiveDate,
    note: String,
}

/// Records `plan` in the import's write; `created` holds the ids of the risks it created, by
/// lower-case reference.
pub(crate) fn approve(
    tx: &mut WriteTx<'_>,
    plan: ApprovalPlan,
    created: &HashMap<String, i64>,
) -> Result<()> {
    let risk_id = match plan.risk_id {
        0 => *created.get(&plan.reference.to_lowercase()).ok_or_else(|| {
            CoreError::new(
                ErrorCode::NotFound,
                format!("No risk {} to record its approval on.", plan.reference),
            )
        })?,
        id => id,
    };
    risks::approve_in(
        tx,
        risk_id,
        plan.kind,
        plan.person_id,
        plan.approved_on,
        &plan.note,
    )
    .map(drop)
}

/// What a row does.
enum Row {
    Plan(Planned, Option<ApprovalPlan>),
    /// Not imported, said in this line.
    Skip(String),
}

/// Checks every row of `part`, adding the good ones' plans to `sheets` and the approvals to
/// record to its writes.
pub(super) fn check(
    risks: &Risks,
    planned_risks: &[Planned],
    targets: &mut Targets,
    part: &Part,
    sheets: &mut PartSheets<'_>,
) {
    let records = rows(&part.workbook, &part.mapping);
    sheets.total += records.len();
    let mut planned = HashSet::new();
    for row in &records {
        let mut c = Check::new(row, &part.mapping, sheets.errors, sheets.unresolved);
        match one(risks, planned_risks, targets, &mut c, &mut planned) {
            Some(Row::Plan(plan, write)) => {
                sheets.lines.push(line(Kind::RiskApprovals, row, &plan));
                sheets.planned.push(plan);
                if let Some(write) = write {
                    sheets.writes.push(Op::Approval(Box::new(write)));
                }
            }
            Some(Row::Skip(why)) => sheets
                .lines
                .push(format!("{}!{}: not imported: {why}", row.sheet, row.row)),
            None => {}
        }
    }
}

/// An approval as it is told apart: risk, kind (whether the plan), person, day.
type Key = (String, bool, i64, NaiveDate);

fn one(
    risks: &Risks,
    planned_risks: &[Planned],
    targets: &mut Targets,
    c: &mut Check<'_>,
    planned: &mut HashSet<Key>,
) -> Option<Row> {
    let reference = c.required("reference", "The risk's reference");
    let kind = match c.read("kind", |cell| {
        clean::word::<ApprovalKind>(cell, "a kind of approval")
    }) {
        Some(Some(kind)) => Some(kind),
        Some(None) => {
            let message = format!(
                "The kind is needed here: {}.",
                ApprovalKind::labels().join(" or ")
            );
            c.error("kind", &message);
            None
        }
        None => None,
    };
    let by = if c.mapped("approved_by_email") && !c.text("approved_by_email").is_empty() {
        "approved_by_email"
    } else {
        "approved_by"
    };
    let who = match c.text("approved_by") {
        name if name.is_empty() => c.text("approved_by_email"),
        name => name,
    };
    let person = match risks
        .owners
        .read(c, "approved_by", Some("approved_by_email"), None)
    {
        Some(Some(id)) => Some(id),
        Some(None) => {
            c.error(by, "Who approved it is needed here (a name or an e-mail).");
            None
        }
        None => None,
    };
    let day = match c.read("approved_on", dates::date) {
        Some(Some(day)) => Some(day),
        Some(None) => {
            c.error("approved_on", "The day it was approved is needed here.");
            None
        }
        None => None,
    };
    let note = c.text("note");
    let holds = if c.mapped("holds") {
        c.read("holds", holds).map(|h| h.unwrap_or(true))
    } else {
        Some(true)
    };
    let target = reference.as_deref().and_then(|r| {
        let found = targets.find(risks, planned_risks, r);
        // A risk whose own row is wrong has its problems said there.
        if found.is_none() && !risks.seen.contains_key(&r.to_lowercase()) {
            c.error(
                "reference",
                &format!(
                    "No risk {r} in the vault or on the register's sheet; an approval names \
                     its risk by reference."
                ),
            );
        }
        found
    });
    let (Some(t), Some(kind), Some(person), Some(day), Some(holds)) =
        (target, kind, person, day, holds)
    else {
        return None;
    };
    if c.failed() {
        return None;
    }
    let target = &targets.list[t];
    let risk = &target.risk;
    let what = format!(
        "approval “{}” of {} by {who} on {day}",
        kind.label(),
        risk.reference
    );
    let recorded = target.before.as_ref().is_some_and(|b| {
        b.approvals
            .iter()
            .any(|a| a.kind == kind && a.person_id == person && a.approved_on == day)
    });
    let key = (
        risk.reference.to_lowercase(),
        kind == ApprovalKind::Plan,
        person,
        day,
    );
    if recorded || planned.contains(&key) {
        let plan = Planned {
            outcome: Outcome::Unchanged,
            op: Op::WithRecord,
            what,
        };
        return Some(Row::Plan(plan, None));
    }
    if !holds {
        return Some(Row::Skip(format!(
            "{what} is void (the risk changed after it was given), and what it approved is not \
             in the workbook; have the owner approve the risk again."
        )));
    }
    if let Err(err) = risks::check_approval(risk, person) {
        c.core(err, |f| if f == "person_id" { by } else { "kind" });
        return None;
    }
    planned.insert(key);
    let write = ApprovalPlan {
        risk_id: target.before.as_ref().map_or(0, |b| b.id),
        reference: risk.reference.clone(),
        kind,
        person_id: person,
        approved_on: day,
        note,
    };
    let plan = Planned {
        outcome: Outcome::Create,
        op: Op::WithRecord,
        what,
    };
    Some(Row::Plan(plan, Some(write)))
}

/// Whether an approval still holds: "Holds" or "Void", as the export writes it, or a yes/no.
fn holds(cell: &Cell) -> std::result::Result<Option<bool>, String> {
    clean::choice(
        cell,
        "whether the approval holds",
        &[
            (
                true,
                &[
                    "Holds", "yes", "valid", "true", "ja", "gilt", "gültig", "oui", "valable",
                    "valide",
                ],
            ),
            (
                false,
                &[
                    "Void",
                    "no",
                    "invalid",
                    "false",
                    "nein",
                    "ungültig",
                    "nichtig",
                    "non",
                    "caduc",
                    "caduque",
                    "invalide",
                ],
            ),
        ],
    )
}
