//! Risk owners' approvals (6.1.3 f): the owner approves the treatment plan and accepts the
//! residual risk. Each approval keeps what it approved; it is void when the risk's material
//! parts no longer match, which is decided when read, so a void approval stays visible.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, params};
use sha2::{Digest, Sha256};

use super::model::{ApprovalKind, Risk, RiskApproval};
use super::scoring::{material, material_hash};
use super::store::get;
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, FieldError, Result};

const TABLE: &str = "risk_approvals";

/// Records the owner's approval of the plan or acceptance of the residual risk.
pub fn approve(
    vault: &mut Vault,
    stamp: Stamp,
    risk_id: i64,
    kind: ApprovalKind,
    person_id: i64,
    approved_on: NaiveDate,
    note: &str,
) -> Result<Risk> {
    vault.write(stamp, |tx| {
        approve_in(tx, risk_id, kind, person_id, approved_on, note)
    })
}

/// [`approve`] inside a write the caller holds (a spreadsheet import records approvals in the
/// same write as the risks they approve): the approval keeps the risk as it stands in `tx`.
pub fn approve_in(
    tx: &mut WriteTx<'_>,
    risk_id: i64,
    kind: ApprovalKind,
    person_id: i64,
    approved_on: NaiveDate,
    note: &str,
) -> Result<Risk> {
    let risk = get(tx.reader(), risk_id)?;
    check_approval(&risk, person_id)?;
    let approval = RiskApproval {
        id: 0,
        kind,
        person_id,
        approved_on,
        note: note.trim().to_owned(),
        approved: material(&risk),
        void: false,
    };
    insert_approval(tx, risk_id, approval, Action::Create)?;
    get(tx.reader(), risk_id)
}

/// Whether `person_id` may approve `risk` as it stands: only its owner can, and only once its
/// treatment is decided. Errors: `Validation` on `person_id` (no owner, or someone else) or
/// `kind` (no treatment yet).
pub fn check_approval(risk: &Risk, person_id: i64) -> Result<()> {
    let refuse =
        |field: &str, msg: &str| Err(CoreError::validation(vec![FieldError::new(field, msg)]));
    if risk.owner_id.is_none() {
        return refuse(
            "person_id",
            "Give the risk an owner first: only its owner can approve it.",
        );
    }
    if risk.owner_id != Some(person_id) {
        return refuse(
            "person_id",
            "Only the risk's owner can approve its treatment or accept it.",
        );
    }
    if risk.treatment.is_none() {
        return refuse(
            "kind",
            "Decide how the risk is treated before it is approved.",
        );
    }
    Ok(())
}

pub(crate) fn insert_approval(
    tx: &mut WriteTx<'_>,
    risk_id: i64,
    approval: RiskApproval,
    action: Action,
) -> Result<i64> {
    let keep_id = (action == Action::Import).then_some(approval.id);
    let hash = hex::encode(Sha256::digest(approval.approved.to_string().as_bytes()));
    tx.insert(
        TABLE,
        action,
        &approval,
        "INSERT INTO risk_approvals (id, risk_id, kind, person_id, approved_on, note, risk_hash, approved) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            keep_id,
            risk_id,
            approval.kind,
            approval.person_id,
            approval.approved_on,
            approval.note,
            hash,
            approval.approved.to_string()
        ],
    )
}

/// An approval as stored, with the hash of what it approved.
pub(crate) struct StoredApproval {
    approval: RiskApproval,
    hash: String,
}

/// Approvals by risk id, oldest first: of one risk, or of all when `only` is `None`.
pub(crate) fn load(
    conn: &Connection,
    only: Option<i64>,
) -> Result<HashMap<i64, Vec<StoredApproval>>> {
    // One risk's through the index on risk_id (`?1 IS NULL OR risk_id = ?1` would scan them all).
    let mut stmt = conn.prepare_cached(if only.is_some() {
        "SELECT risk_id, id, kind, person_id, approved_on, note, risk_hash, approved FROM risk_approvals \
         WHERE risk_id = ?1 ORDER BY id"
    } else {
        "SELECT risk_id, id, kind, person_id, approved_on, note, risk_hash, approved FROM risk_approvals \
         WHERE ?1 IS NULL ORDER BY id"
    })?;
    let rows = stmt.query_map([only], |r| {
        let approved: String = r.get(7)?;
        Ok((
            r.get::<_, i64>(0)?,
            StoredApproval {
                approval: RiskApproval {
                    id: r.get(1)?,
                    kind: r.get(2)?,
                    person_id: r.get(3)?,
                    approved_on: r.get(4)?,
                    note: r.get(5)?,
                    approved: serde_json::from_str(&approved).unwrap_or_default(),
                    void: false,
                },
                hash: r.get(6)?,
            },
        ))
    })?;
    let mut out: HashMap<i64, Vec<StoredApproval>> = HashMap::new();
    for row in rows {
        let (risk_id, stored) = row?;
        out.entry(risk_id).or_default().push(stored);
    }
    Ok(out)
}

/// The approvals of `risk`, each marked void if the risk has changed since it was given.
pub(crate) fn judged(stored: Vec<StoredApproval>, risk: &Risk) -> Vec<RiskApproval> {
    let current = material_hash(risk);
    stored
        .into_iter()
        .map(|s| RiskApproval {
            void: s.hash != current,
            ..s.approval
        })
        .collect()
}

/// The approvals of one risk, judged against it.
pub(crate) fn approvals_of(conn: &Connection, risk: &Risk) -> Result<Vec<RiskApproval>> {
    Ok(judged(
        load(conn, Some(risk.id))?
            .remove(&risk.id)
            .unwrap_or_default(),
        risk,
    ))
}
