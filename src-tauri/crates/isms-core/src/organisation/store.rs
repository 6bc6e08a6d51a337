//! Reading and writing the single `organisation` row (id 1).

use chrono::NaiveDate;
use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row};

use super::model::{FindingPolicy, Organisation};
use crate::db::{Action, Change, Stamp, Vault, WriteTx};
use crate::error::{CoreError, Result};

const TABLE: &str = "organisation";
const COLUMNS: &str = "name, scope, isms_start, stage1_date, stage2_target, certification_body, \
                       finding_policy, audit_months";

pub fn get(conn: &Connection) -> Result<Organisation> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM organisation WHERE id = 1"),
        [],
        from_row,
    )
    .optional()?
    .ok_or_else(|| CoreError::internal("The vault has no organisation record."))
}

/// Inserts the organisation of a new vault (or of a snapshot being imported).
pub fn create(
    tx: &mut WriteTx<'_>,
    organisation: Organisation,
    action: Action,
) -> Result<Organisation> {
    let org = organisation.validated()?;
    let change = Change {
        table: TABLE,
        record_id: "1".into(),
        action,
        before: None,
        after: Some(serde_json::to_value(&org)?),
    };
    tx.apply(
        change,
        &format!(
            "INSERT INTO organisation (id, {COLUMNS}) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
        ),
        bind(&org).as_slice(),
    )?;
    Ok(org)
}

/// Saves edits to the organisation. An edit that changes nothing writes nothing.
pub fn update(vault: &mut Vault, stamp: Stamp, organisation: Organisation) -> Result<Organisation> {
    let org = organisation.validated()?;
    vault.write(stamp, |tx| {
        let before = get(tx.reader())?;
        if before == org {
            return Ok(org);
        }
        let change = Change {
            table: TABLE,
            record_id: "1".into(),
            action: Action::Update,
            before: Some(serde_json::to_value(&before)?),
            after: Some(serde_json::to_value(&org)?),
        };
        tx.apply(
            change,
            "UPDATE organisation SET name = ?1, scope = ?2, isms_start = ?3, stage1_date = ?4, \
             stage2_target = ?5, certification_body = ?6, finding_policy = ?7, audit_months = ?8 \
             WHERE id = 1",
            bind(&org).as_slice(),
        )?;
        Ok(org)
    })
}

/// The values for `?1`…`?8`, in [`COLUMNS`] order.
fn bind(org: &Organisation) -> [&dyn ToSql; 8] {
    [
        &org.name,
        &org.scope,
        &org.isms_start,
        &org.stage1_date,
        &org.stage2_target,
        &org.certification_body,
        &org.finding_policy,
        &org.audit_months,
    ]
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Organisation> {
    let policy: String = row.get(6)?;
    Ok(Organisation {
        name: row.get(0)?,
        scope: row.get(1)?,
        isms_start: row.get::<_, Option<NaiveDate>>(2)?,
        stage1_date: row.get(3)?,
        stage2_target: row.get(4)?,
        certification_body: row.get(5)?,
        finding_policy: FindingPolicy::parse(&policy).unwrap_or(FindingPolicy::NoMajorNc),
        audit_months: row.get(7)?,
    })
}
