//! Planned changes to the ISMS (6.3): what changes and why, its impact, who asked and who
//! approved, its status, and the risks and documents it touches. Readiness (S2-CHANGE) wants an
//! impact assessment and an approver on every recorded change.

use chrono::NaiveDate;
use rusqlite::types::ToSql;
use rusqlite::{Connection, Row};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::record::{self, Record};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, FieldError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ChangeStatus {
    Proposed,
    Approved,
    Implemented,
    Rejected,
}

crate::text_enum!(ChangeStatus {
    Proposed => "proposed",
    Approved => "approved",
    Implemented => "implemented",
    Rejected => "rejected",
});

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct IsmsChange {
    #[serde(default)]
    pub id: i64,
    /// CH-001, CH-002… assigned by the vault.
    #[serde(default)]
    pub reference: String,
    pub title: String,
    #[serde(default)]
    pub reason: String,
    /// The impact assessment.
    #[serde(default)]
    pub impact: String,
    #[serde(default)]
    pub requester_id: Option<i64>,
    #[serde(default)]
    pub approver_id: Option<i64>,
    pub status: ChangeStatus,
    #[serde(default)]
    pub requested_on: Option<NaiveDate>,
    #[serde(default)]
    pub decided_on: Option<NaiveDate>,
    #[serde(default)]
    pub implemented_on: Option<NaiveDate>,
    #[serde(default)]
    pub risk_ids: Vec<i64>,
    #[serde(default)]
    pub document_ids: Vec<i64>,
}

impl IsmsChange {
    pub fn proposed(title: &str) -> Self {
        Self {
            id: 0,
            reference: String::new(),
            title: title.to_owned(),
            reason: String::new(),
            impact: String::new(),
            requester_id: None,
            approver_id: None,
            status: ChangeStatus::Proposed,
            requested_on: None,
            decided_on: None,
            implemented_on: None,
            risk_ids: Vec::new(),
            document_ids: Vec::new(),
        }
    }

    /// Approving or implementing needs the impact assessed and an approver named.
    pub fn validated(mut self) -> Result<Self> {
        self.title = self.title.trim().to_owned();
        self.impact = self.impact.trim().to_owned();
        let mut errors = Vec::new();
        if self.title.is_empty() {
            errors.push(FieldError::new("title", "Say what changes."));
        }
        if matches!(
            self.status,
            ChangeStatus::Approved | ChangeStatus::Implemented
        ) {
            if self.impact.is_empty() {
                errors.push(FieldError::new(
                    "impact",
                    "Assess the impact before the change is approved.",
                ));
            }
            if self.approver_id.is_none() {
                errors.push(FieldError::new("approver_id", "Who approved it?"));
            }
        }
        if self.status == ChangeStatus::Implemented && self.implemented_on.is_none() {
            errors.push(FieldError::new(
                "implemented_on",
                "When was it implemented?",
            ));
        }
        self.risk_ids.sort_unstable();
        self.risk_ids.dedup();
        self.document_ids.sort_unstable();
        self.document_ids.dedup();
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CoreError::validation(errors))
        }
    }
}

fn json(v: &Vec<i64>) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

impl Record for IsmsChange {
    const TABLE: &'static str = "changes";
    const COLUMNS: &'static [&'static str] = &[
        "reference",
        "title",
        "reason",
        "impact",
        "requester_id",
        "approver_id",
        "status",
        "requested_on",
        "decided_on",
        "implemented_on",
        "risk_ids",
        "document_ids",
    ];
    const ORDER: &'static str = "id";
    const NOUN: &'static str = "change";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![
            &self.reference,
            &self.title,
            &self.reason,
            &self.impact,
            &self.requester_id,
            &self.approver_id,
            &self.status,
            &self.requested_on,
            &self.decided_on,
            &self.implemented_on,
            json(&self.risk_ids),
            json(&self.document_ids),
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let ids = |i: usize| -> rusqlite::Result<Vec<i64>> {
            let text: String = row.get(i)?;
            Ok(serde_json::from_str(&text).unwrap_or_default())
        };
        Ok(IsmsChange {
            id: row.get(0)?,
            reference: row.get(1)?,
            title: row.get(2)?,
            reason: row.get(3)?,
            impact: row.get(4)?,
            requester_id: row.get(5)?,
            approver_id: row.get(6)?,
            status: row.get(7)?,
            requested_on: row.get(8)?,
            decided_on: row.get(9)?,
            implemented_on: row.get(10)?,
            risk_ids: ids(11)?,
            document_ids: ids(12)?,
        })
    }
}

pub fn list(conn: &Connection) -> Result<Vec<IsmsChange>> {
    record::list(conn)
}

pub fn create(vault: &mut Vault, stamp: Stamp, change: IsmsChange) -> Result<IsmsChange> {
    vault.write(stamp, |tx| insert(tx, change, Action::Create))
}

pub(crate) fn insert(
    tx: &mut WriteTx<'_>,
    change: IsmsChange,
    action: Action,
) -> Result<IsmsChange> {
    let mut change = change.validated()?;
    check_links(tx.reader(), &change)?;
    if action != Action::Import || change.reference.is_empty() {
        change.reference = record::next_reference(tx.reader(), "changes", "CH-")?;
    }
    record::insert(tx, change, action)
}

pub fn update(vault: &mut Vault, stamp: Stamp, change: IsmsChange) -> Result<IsmsChange> {
    let mut change = change.validated()?;
    vault.write(stamp, |tx| {
        check_links(tx.reader(), &change)?;
        change.reference = record::get::<IsmsChange>(tx.reader(), change.id)?.reference;
        record::replace(tx, change)
    })
}

fn check_links(conn: &Connection, change: &IsmsChange) -> Result<()> {
    crate::people::require_person(conn, "requester_id", change.requester_id)?;
    crate::people::require_person(conn, "approver_id", change.approver_id)?;
    for id in &change.risk_ids {
        crate::risks::get(conn, *id).map_err(|_| {
            CoreError::validation(vec![FieldError::new(
                "risk_ids",
                format!("No risk with id {id}."),
            )])
        })?;
    }
    for id in &change.document_ids {
        crate::documents::get(conn, *id).map_err(|_| {
            CoreError::validation(vec![FieldError::new(
                "document_ids",
                format!("No document with id {id}."),
            )])
        })?;
    }
    Ok(())
}
