//! Reading and writing `risks` and their `risk_actions`, with history. A risk is saved whole:
//! its row, then its actions (new ones inserted, changed ones updated, missing ones deleted).

use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::approvals::{self, approvals_of};
use super::method::get_method;
use super::model::{Risk, RiskAction, RiskInput, RiskMethod};
use super::scoring::derive_scores;
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, ErrorCode, FieldError, Result};

const RISKS: &str = "risks";
const ACTIONS: &str = "risk_actions";
const SELECT: &str = "SELECT id, reference, title, description, threat, vulnerability, asset_ids, owner_id, \
                      likelihood, impact, treatment, residual_likelihood, residual_impact, needs_review, assessed_on FROM risks";

/// Every risk with its actions, approvals and derived scores, in reference order.
pub fn list(conn: &Connection) -> Result<Vec<Risk>> {
    let method = get_method(conn)?;
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY id"))?;
    let mut risks: Vec<Risk> = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut actions = actions_by_risk(conn, None)?;
    let mut approvals = approvals::load(conn, None)?;
    for risk in &mut risks {
        risk.actions = actions.remove(&risk.id).unwrap_or_default();
        derive_scores(risk, method.as_ref());
        risk.approvals = approvals::judged(approvals.remove(&risk.id).unwrap_or_default(), risk);
    }
    Ok(risks)
}

pub fn get(conn: &Connection, id: i64) -> Result<Risk> {
    let mut risk = conn
        .query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::new(ErrorCode::NotFound, format!("No risk with id {id}.")))?;
    risk.actions = actions_by_risk(conn, Some(id))?
        .remove(&id)
        .unwrap_or_default();
    derive_scores(&mut risk, get_method(conn)?.as_ref());
    risk.approvals = approvals_of(conn, &risk)?;
    Ok(risk)
}

fn method_required(conn: &Connection) -> Result<RiskMethod> {
    get_method(conn)?.ok_or_else(|| {
        CoreError::new(
            ErrorCode::Validation,
            "Set the risk method first (clause 6.1.2): it decides how likelihood and impact are scored.",
        )
    })
}

/// Adds a risk to the register; the vault assigns its reference (R-001, R-002…) and computes
/// its scores. A [`Risk`] as read converts into the input, its derived fields dropped.
pub fn create(vault: &mut Vault, stamp: Stamp, risk: impl Into<RiskInput>) -> Result<Risk> {
    let risk = risk.into().into_risk();
    vault.write(stamp, |tx| insert(tx, risk, Action::Create))
}

/// [`create`] inside a write the caller holds (a spreadsheet import adds many in one): a
/// reference the risk brings from the sheet is kept; without one the vault assigns the next.
/// Errors as for [`create`]; `AlreadyExists` for a reference another risk has. Scores and
/// approvals given are ignored: the vault derives them.
pub fn create_in(tx: &mut WriteTx<'_>, risk: Risk) -> Result<Risk> {
    let reference = risk.reference.trim().to_owned();
    if !reference.is_empty() {
        let taken = tx
            .reader()
            .query_row(
                "SELECT 1 FROM risks WHERE reference = ?1 COLLATE NOCASE",
                [&reference],
                |_| Ok(()),
            )
            .optional()?;
        if taken.is_some() {
            return Err(CoreError::new(
                ErrorCode::AlreadyExists,
                format!("A risk with the reference {reference} already exists."),
            ));
        }
    }
    insert_as(tx, Risk { reference, ..risk }, Action::Create, true)
}

pub(crate) fn insert(tx: &mut WriteTx<'_>, risk: Risk, action: Action) -> Result<Risk> {
    insert_as(tx, risk, action, action == Action::Import)
}

/// Inserts a risk; `keep_reference` keeps a non-empty reference instead of assigning one.
fn insert_as(
    tx: &mut WriteTx<'_>,
    risk: Risk,
    action: Action,
    keep_reference: bool,
) -> Result<Risk> {
    let method = method_required(tx.reader())?;
    let mut risk = risk.validated(&method)?;
    check_links(tx.reader(), &risk)?;
    if action != Action::Import && risk.assessed_on.is_none() && is_scored(&risk) {
        risk.assessed_on = Some(tx.stamp().at.date_naive());
    }
    if !keep_reference || risk.reference.is_empty() {
        risk.reference = crate::db::record::next_reference(tx.reader(), "risks", "R-")?;
        if action != Action::Import {
            risk.needs_review = false;
        }
    }
    let keep_id = (action == Action::Import).then_some(risk.id);
    let assets = serde_json::to_string(&risk.asset_ids)?;
    let mut values: Vec<&dyn ToSql> = vec![&keep_id, &risk.reference];
    values.extend(row_values(&risk, &assets));
    let id = tx.insert(
        RISKS,
        action,
        &row_image(&risk),
        "INSERT INTO risks (id, reference, title, description, threat, vulnerability, asset_ids, owner_id, \
         likelihood, impact, treatment, residual_likelihood, residual_impact, needs_review, assessed_on) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        values.as_slice(),
    )?;
    risk.id = id;
    let actions = std::mem::take(&mut risk.actions);
    for a in actions {
        let a = insert_action(tx, id, a, action)?;
        risk.actions.push(a);
    }
    finish(tx.reader(), risk)
}

/// Saves a risk whole. Saving clears the "needs review" flag: the owner has looked at it.
pub fn update(vault: &mut Vault, stamp: Stamp, risk: impl Into<RiskInput>) -> Result<Risk> {
    let risk = risk.into().into_risk();
    vault.write(stamp, |tx| update_in(tx, risk))
}

/// [`update`] inside a write the caller holds, so a spreadsheet import saves many in one. The
/// risk's reference, review flag, scores and approvals are the vault's: those given are ignored.
pub fn update_in(tx: &mut WriteTx<'_>, risk: Risk) -> Result<Risk> {
    let method = method_required(tx.reader())?;
    let mut risk = risk.validated(&method)?;
    check_links(tx.reader(), &risk)?;
    let before = get(tx.reader(), risk.id)?;
    risk.reference = before.reference.clone();
    risk.needs_review = false;
    if risk.assessed_on == before.assessed_on && reassessed(&before, &risk) {
        risk.assessed_on = Some(tx.stamp().at.date_naive());
    }
    write_risk_row(tx, &before, &risk)?;
    let mut kept = Vec::new();
    for action in std::mem::take(&mut risk.actions) {
        let saved = match before
            .actions
            .iter()
            .find(|a| a.id == action.id && action.id != 0)
        {
            Some(old) if *old == action => action,
            Some(old) => update_action(tx, risk.id, old, action)?,
            None => insert_action(tx, risk.id, action, Action::Create)?,
        };
        kept.push(saved);
    }
    for gone in before
        .actions
        .iter()
        .filter(|a| !kept.iter().any(|k| k.id == a.id))
    {
        tx.delete(
            ACTIONS,
            gone.id,
            gone,
            "DELETE FROM risk_actions WHERE id = ?1",
            [gone.id],
        )?;
    }
    risk.actions = kept;
    finish(tx.reader(), risk)
}

/// Deletes a risk with its actions and approvals, each recorded in history.
pub fn delete(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| {
        let risk = get(tx.reader(), id)?;
        for approval in &risk.approvals {
            tx.delete(
                "risk_approvals",
                approval.id,
                approval,
                "DELETE FROM risk_approvals WHERE id = ?1",
                [approval.id],
            )?;
        }
        for action in &risk.actions {
            tx.delete(
                ACTIONS,
                action.id,
                action,
                "DELETE FROM risk_actions WHERE id = ?1",
                [action.id],
            )?;
        }
        tx.delete(
            RISKS,
            id,
            &row_image(&risk),
            "DELETE FROM risks WHERE id = ?1",
            [id],
        )?;
        Ok(())
    })
}

/// Updates the risk row (not its actions) from `before` to `after`; nothing if equal.
pub(crate) fn write_risk_row(tx: &mut WriteTx<'_>, before: &Risk, after: &Risk) -> Result<()> {
    let (old, new) = (row_image(before), row_image(after));
    if old == new {
        return Ok(());
    }
    let assets = serde_json::to_string(&after.asset_ids)?;
    let mut values: Vec<&dyn ToSql> = vec![&after.id];
    values.extend(row_values(after, &assets));
    tx.update(
        RISKS,
        after.id,
        &old,
        &new,
        "UPDATE risks SET title = ?2, description = ?3, threat = ?4, vulnerability = ?5, asset_ids = ?6, \
         owner_id = ?7, likelihood = ?8, impact = ?9, treatment = ?10, residual_likelihood = ?11, \
         residual_impact = ?12, needs_review = ?13, assessed_on = ?14 WHERE id = ?1",
        values.as_slice(),
    )?;
    Ok(())
}

fn insert_action(
    tx: &mut WriteTx<'_>,
    risk_id: i64,
    mut a: RiskAction,
    action: Action,
) -> Result<RiskAction> {
    let keep_id = (action == Action::Import).then_some(a.id);
    let controls = serde_json::to_string(&a.controls)?;
    a.id = tx.insert(
        ACTIONS,
        action,
        &a,
        "INSERT INTO risk_actions (id, risk_id, title, owner_id, due_date, status, done_date, controls) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![keep_id, risk_id, a.title, a.owner_id, a.due_date, a.status, a.done_date, controls],
    )?;
    Ok(a)
}

fn update_action(
    tx: &mut WriteTx<'_>,
    risk_id: i64,
    old: &RiskAction,
    a: RiskAction,
) -> Result<RiskAction> {
    let controls = serde_json::to_string(&a.controls)?;
    tx.update(
        ACTIONS,
        a.id,
        old,
        &a,
        "UPDATE risk_actions SET title = ?3, owner_id = ?4, due_date = ?5, status = ?6, done_date = ?7, \
         controls = ?8 WHERE id = ?1 AND risk_id = ?2",
        params![a.id, risk_id, a.title, a.owner_id, a.due_date, a.status, a.done_date, controls],
    )?;
    Ok(a)
}

/// Owners must be people of the vault and assets must exist.
fn check_links(conn: &Connection, risk: &Risk) -> Result<()> {
    let person = |id: i64| -> Result<bool> {
        Ok(conn
            .query_row("SELECT 1 FROM people WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some())
    };
    let mut errors = Vec::new();
    if let Some(owner) = risk.owner_id
        && !person(owner)?
    {
        errors.push(FieldError::new(
            "owner_id",
            "Choose an owner from the people list.",
        ));
    }
    for (i, a) in risk.actions.iter().enumerate() {
        if let Some(owner) = a.owner_id
            && !person(owner)?
        {
            errors.push(FieldError::new(
                &format!("actions.{i}.owner_id"),
                "Choose an owner from the people list.",
            ));
        }
    }
    for asset in &risk.asset_ids {
        let exists = conn
            .query_row("SELECT 1 FROM assets WHERE id = ?1", [asset], |_| Ok(()))
            .optional()?;
        if exists.is_none() {
            errors.push(FieldError::new(
                "asset_ids",
                format!("No asset with id {asset}."),
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(CoreError::validation(errors))
    }
}

/// Whether the risk has been given any level: then it has been assessed.
fn is_scored(r: &Risk) -> bool {
    [
        r.likelihood,
        r.impact,
        r.residual_likelihood,
        r.residual_impact,
    ]
    .iter()
    .any(Option::is_some)
}

/// Whether saving `after` over `before` changes what an assessment decides: a level or the
/// treatment.
fn reassessed(before: &Risk, after: &Risk) -> bool {
    (
        before.likelihood,
        before.impact,
        before.treatment,
        before.residual_likelihood,
        before.residual_impact,
    ) != (
        after.likelihood,
        after.impact,
        after.treatment,
        after.residual_likelihood,
        after.residual_impact,
    )
}

fn finish(conn: &Connection, mut risk: Risk) -> Result<Risk> {
    derive_scores(&mut risk, get_method(conn)?.as_ref());
    risk.approvals = approvals_of(conn, &risk)?;
    Ok(risk)
}

/// The risk as its row stores it: what history records for a change of the row.
fn row_image(r: &Risk) -> serde_json::Value {
    serde_json::json!({
        "reference": r.reference, "title": r.title, "description": r.description, "threat": r.threat,
        "vulnerability": r.vulnerability, "asset_ids": r.asset_ids, "owner_id": r.owner_id,
        "likelihood": r.likelihood, "impact": r.impact, "treatment": r.treatment,
        "residual_likelihood": r.residual_likelihood, "residual_impact": r.residual_impact,
        "needs_review": r.needs_review, "assessed_on": r.assessed_on,
    })
}

/// Values for the row's columns from `title` to `assessed_on`, in table order.
#[allow(
    clippy::ptr_arg,
    reason = "a &String coerces to &dyn ToSql; a &str, being unsized behind, does not"
)]
fn row_values<'a>(r: &'a Risk, assets: &'a String) -> [&'a dyn ToSql; 13] {
    [
        &r.title,
        &r.description,
        &r.threat,
        &r.vulnerability,
        assets,
        &r.owner_id,
        &r.likelihood,
        &r.impact,
        &r.treatment,
        &r.residual_likelihood,
        &r.residual_impact,
        &r.needs_review,
        &r.assessed_on,
    ]
}

/// Actions by risk id, oldest first: of one risk, or of all when `only` is `None`.
fn actions_by_risk(
    conn: &Connection,
    only: Option<i64>,
) -> Result<std::collections::HashMap<i64, Vec<RiskAction>>> {
    // One risk's through the index on risk_id (`?1 IS NULL OR risk_id = ?1` would scan them all).
    let mut stmt = conn.prepare_cached(if only.is_some() {
        "SELECT risk_id, id, title, owner_id, due_date, status, done_date, controls FROM risk_actions \
         WHERE risk_id = ?1 ORDER BY id"
    } else {
        "SELECT risk_id, id, title, owner_id, due_date, status, done_date, controls FROM risk_actions \
         WHERE ?1 IS NULL ORDER BY id"
    })?;
    let rows = stmt.query_map([only], |r| {
        let controls: String = r.get(7)?;
        Ok((
            r.get::<_, i64>(0)?,
            RiskAction {
                id: r.get(1)?,
                title: r.get(2)?,
                owner_id: r.get(3)?,
                due_date: r.get(4)?,
                status: r.get(5)?,
                done_date: r.get(6)?,
                controls: serde_json::from_str(&controls).unwrap_or_default(),
            },
        ))
    })?;
    let mut out: std::collections::HashMap<i64, Vec<RiskAction>> = std::collections::HashMap::new();
    for row in rows {
        let (risk_id, action) = row?;
        out.entry(risk_id).or_default().push(action);
    }
    Ok(out)
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Risk> {
    let assets: String = row.get(6)?;
    let mut risk = Risk::titled("");
    risk.id = row.get(0)?;
    risk.reference = row.get(1)?;
    risk.title = row.get(2)?;
    risk.description = row.get(3)?;
    risk.threat = row.get(4)?;
    risk.vulnerability = row.get(5)?;
    risk.asset_ids = serde_json::from_str(&assets).unwrap_or_default();
    risk.owner_id = row.get(7)?;
    risk.likelihood = row.get(8)?;
    risk.impact = row.get(9)?;
    risk.treatment = row.get(10)?;
    risk.residual_likelihood = row.get(11)?;
    risk.residual_impact = row.get(12)?;
    risk.needs_review = row.get(13)?;
    risk.assessed_on = row.get(14)?;
    Ok(risk)
}
