//! Reading and writing `context_issues` and `interested_parties`, with history.

use rusqlite::types::ToSql;
use rusqlite::{Connection, Row};

use super::model::{ContextIssue, InterestedParty};
use crate::db::record::{self, Record};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::Result;

impl Record for ContextIssue {
    const TABLE: &'static str = "context_issues";
    const COLUMNS: &'static [&'static str] = &["kind", "title", "description"];
    const ORDER: &'static str = "kind, title COLLATE NOCASE, id";
    const NOUN: &'static str = "context issue";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![&self.kind, &self.title, &self.description]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(ContextIssue {
            id: row.get(0)?,
            kind: row.get(1)?,
            title: row.get(2)?,
            description: row.get(3)?,
        })
    }
}

impl Record for InterestedParty {
    const TABLE: &'static str = "interested_parties";
    const COLUMNS: &'static [&'static str] = &["name", "requirements"];
    const ORDER: &'static str = "name COLLATE NOCASE, id";
    const NOUN: &'static str = "interested party";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![&self.name, &self.requirements]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(InterestedParty {
            id: row.get(0)?,
            name: row.get(1)?,
            requirements: row.get(2)?,
        })
    }
}

pub fn list_issues(conn: &Connection) -> Result<Vec<ContextIssue>> {
    record::list(conn)
}

pub fn create_issue(vault: &mut Vault, stamp: Stamp, issue: ContextIssue) -> Result<ContextIssue> {
    vault.write(stamp, |tx| insert_issue(tx, issue, Action::Create))
}

pub(crate) fn insert_issue(
    tx: &mut WriteTx<'_>,
    issue: ContextIssue,
    action: Action,
) -> Result<ContextIssue> {
    record::insert(tx, issue.validated()?, action)
}

pub fn update_issue(vault: &mut Vault, stamp: Stamp, issue: ContextIssue) -> Result<ContextIssue> {
    let issue = issue.validated()?;
    vault.write(stamp, |tx| record::replace(tx, issue))
}

pub fn delete_issue(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| record::remove::<ContextIssue>(tx, id))
}

pub fn list_parties(conn: &Connection) -> Result<Vec<InterestedParty>> {
    record::list(conn)
}

pub fn create_party(
    vault: &mut Vault,
    stamp: Stamp,
    party: InterestedParty,
) -> Result<InterestedParty> {
    vault.write(stamp, |tx| insert_party(tx, party, Action::Create))
}

pub(crate) fn insert_party(
    tx: &mut WriteTx<'_>,
    party: InterestedParty,
    action: Action,
) -> Result<InterestedParty> {
    record::insert(tx, party.validated()?, action)
}

pub fn update_party(
    vault: &mut Vault,
    stamp: Stamp,
    party: InterestedParty,
) -> Result<InterestedParty> {
    let party = party.validated()?;
    vault.write(stamp, |tx| record::replace(tx, party))
}

/// Deletes an interested party; refused while a requirement of the register comes from it.
pub fn delete_party(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| {
        let requirements: Vec<String> = tx
            .reader()
            .prepare("SELECT reference FROM requirements WHERE party_id = ?1 ORDER BY id")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if !requirements.is_empty() {
            return Err(crate::error::CoreError::new(
                crate::error::ErrorCode::Referenced,
                format!(
                    "Requirements {} come from this party; change or delete them first.",
                    requirements.join(", ")
                ),
            ));
        }
        record::remove::<InterestedParty>(tx, id)
    })
}
