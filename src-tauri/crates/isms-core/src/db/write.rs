//! The only way to change a vault: [`WriteTx`]. Each change it applies is recorded in the
//! `history` table in the same transaction (what, before and after, when, by whom), and at commit
//! it compares SQLite's own count of changed rows with the rows it recorded, so a statement that
//! slipped past history aborts the whole transaction instead of landing silently. It also notes
//! the [`Domain`] of every table it records a change to, so a committed write says which domains
//! it changed (the shell announces them as `data-changed`).

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, Params, Transaction, TransactionBehavior};
use serde::Serialize;
use serde_json::Value;

use std::collections::BTreeSet;

use crate::domains::Domain;
use crate::error::{CoreError, Result};

/// Who makes a change and when; handed in by the caller, never read from a clock here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub at: DateTime<Utc>,
    pub actor: String,
}

impl Stamp {
    pub fn new(at: DateTime<Utc>, actor: impl Into<String>) -> Self {
        Self {
            at,
            actor: actor.into(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    Delete,
    Import,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Import => "import",
        }
    }
}

/// One recorded change to one record.
#[derive(Debug, Clone)]
pub struct Change {
    pub table: &'static str,
    pub record_id: String,
    pub action: Action,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

pub struct WriteTx<'c> {
    tx: Transaction<'c>,
    stamp: Stamp,
    recorded_rows: u64,
    start_total: u64,
    touched: BTreeSet<Domain>,
}

impl<'c> WriteTx<'c> {
    pub(crate) fn begin(conn: &'c mut Connection, stamp: Stamp) -> Result<Self> {
        let start_total = conn.total_changes();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        Ok(Self {
            tx,
            stamp,
            recorded_rows: 0,
            start_total,
            touched: BTreeSet::new(),
        })
    }

    /// Reads inside the transaction. Writes through this handle are caught at commit.
    pub fn reader(&self) -> &Connection {
        &self.tx
    }

    pub fn stamp(&self) -> &Stamp {
        &self.stamp
    }

    /// Runs one data-changing statement and records `change` for it. Returns the rows changed.
    pub fn apply<P: Params>(&mut self, change: Change, sql: &str, params: P) -> Result<usize> {
        let rows = self.tx.prepare_cached(sql)?.execute(params)?;
        self.recorded_rows += rows as u64;
        self.record(&change)?;
        Ok(rows)
    }

    /// Writes content rows that belong to a record whose change is recorded on its own (the
    /// chunks of an evidence file): counted as recorded, without a history row each.
    pub fn store_content<P: Params>(&mut self, sql: &str, params: P) -> Result<usize> {
        let rows = self.tx.prepare_cached(sql)?.execute(params)?;
        self.recorded_rows += rows as u64;
        Ok(rows)
    }

    /// Inserts one record with `sql` and records its creation (or import); returns its new id,
    /// which replaces the `id` field of the history image.
    pub fn insert<T: Serialize, P: Params>(
        &mut self,
        table: &'static str,
        action: Action,
        record: &T,
        sql: &str,
        params: P,
    ) -> Result<i64> {
        let rows = self.tx.prepare_cached(sql)?.execute(params)?;
        self.recorded_rows += rows as u64;
        let id = self.tx.last_insert_rowid();
        let mut after = serde_json::to_value(record)?;
        if let Some(object) = after.as_object_mut() {
            object.insert("id".into(), id.into());
        }
        let change = Change {
            table,
            record_id: id.to_string(),
            action,
            before: None,
            after: Some(after),
        };
        self.record(&change)?;
        Ok(id)
    }

    /// Updates one record with `sql` and records before and after.
    pub fn update<T: Serialize, P: Params>(
        &mut self,
        table: &'static str,
        id: i64,
        before: &T,
        after: &T,
        sql: &str,
        params: P,
    ) -> Result<usize> {
        let change = Change {
            table,
            record_id: id.to_string(),
            action: Action::Update,
            before: Some(serde_json::to_value(before)?),
            after: Some(serde_json::to_value(after)?),
        };
        self.apply(change, sql, params)
    }

    /// Deletes one record with `sql` and records what it was.
    pub fn delete<T: Serialize, P: Params>(
        &mut self,
        table: &'static str,
        id: i64,
        before: &T,
        sql: &str,
        params: P,
    ) -> Result<usize> {
        let change = Change {
            table,
            record_id: id.to_string(),
            action: Action::Delete,
            before: Some(serde_json::to_value(before)?),
            after: None,
        };
        self.apply(change, sql, params)
    }

    /// The domains this write has recorded changes to so far.
    pub fn touched(&self) -> &BTreeSet<Domain> {
        &self.touched
    }

    fn record(&mut self, change: &Change) -> Result<()> {
        let domain = Domain::of_table(change.table).ok_or_else(|| {
            CoreError::internal(format!(
                "The table {} belongs to no domain (domains.rs); nothing was saved.",
                change.table
            ))
        })?;
        self.touched.insert(domain);
        let json = |v: &Option<Value>| v.as_ref().map(Value::to_string);
        // Cached: an import writes thousands of records, each parsing it again otherwise.
        self.tx
            .prepare_cached(
                "INSERT INTO history (at, actor, table_name, record_id, action, before, after)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(rusqlite::params![
                self.stamp.at.to_rfc3339_opts(SecondsFormat::Millis, true),
                self.stamp.actor,
                change.table,
                change.record_id,
                change.action.as_str(),
                json(&change.before),
                json(&change.after),
            ])?;
        self.recorded_rows += 1;
        Ok(())
    }

    /// Commits; returns the domains the write changed.
    pub(crate) fn commit(self) -> Result<BTreeSet<Domain>> {
        let changed = self.tx.total_changes() - self.start_total;
        if changed != self.recorded_rows {
            // Dropping `self.tx` rolls the transaction back.
            return Err(CoreError::internal(format!(
                "A write changed {changed} rows but recorded {} in history; nothing was saved.",
                self.recorded_rows
            )));
        }
        self.tx.commit()?;
        Ok(self.touched)
    }
}
