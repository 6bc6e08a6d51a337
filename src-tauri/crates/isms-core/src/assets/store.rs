//! Reading and writing `assets`, with history; an owner must be a person of the vault.

use rusqlite::types::ToSql;
use rusqlite::{Connection, Row};

use super::model::Asset;
use crate::db::record::{self, Record};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, ErrorCode, Result};

impl Record for Asset {
    const TABLE: &'static str = "assets";
    const COLUMNS: &'static [&'static str] =
        &["name", "kind", "owner_id", "classification", "description"];
    const ORDER: &'static str = "name COLLATE NOCASE, id";
    const NOUN: &'static str = "asset";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![
            &self.name,
            &self.kind,
            &self.owner_id,
            &self.classification,
            &self.description,
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Asset {
            id: row.get(0)?,
            name: row.get(1)?,
            kind: row.get(2)?,
            owner_id: row.get(3)?,
            classification: row.get(4)?,
            description: row.get(5)?,
        })
    }
}

pub fn list(conn: &Connection) -> Result<Vec<Asset>> {
    record::list(conn)
}

pub fn get(conn: &Connection, id: i64) -> Result<Asset> {
    record::get(conn, id)
}

pub fn create(vault: &mut Vault, stamp: Stamp, asset: Asset) -> Result<Asset> {
    vault.write(stamp, |tx| insert(tx, asset, Action::Create))
}

pub(crate) fn insert(tx: &mut WriteTx<'_>, asset: Asset, action: Action) -> Result<Asset> {
    let asset = asset.validated()?;
    crate::people::require_person(tx.reader(), "owner_id", asset.owner_id)?;
    record::insert(tx, asset, action)
}

pub fn update(vault: &mut Vault, stamp: Stamp, asset: Asset) -> Result<Asset> {
    vault.write(stamp, |tx| update_in(tx, asset))
}

/// [`create`] inside a write the caller holds, so a spreadsheet import adds many in one.
pub fn create_in(tx: &mut WriteTx<'_>, asset: Asset) -> Result<Asset> {
    insert(tx, asset, Action::Create)
}

/// [`update`] inside a write the caller holds. Errors as for [`update`].
pub fn update_in(tx: &mut WriteTx<'_>, asset: Asset) -> Result<Asset> {
    let asset = asset.validated()?;
    crate::people::require_person(tx.reader(), "owner_id", asset.owner_id)?;
    record::replace(tx, asset)
}

/// Deletes an asset that no risk refers to.
pub fn delete(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| {
        let risks: Vec<String> = tx
            .reader()
            .prepare("SELECT reference FROM risks WHERE EXISTS (SELECT 1 FROM json_each(risks.asset_ids) WHERE value = ?1) ORDER BY id")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if !risks.is_empty() {
            return Err(CoreError::new(
                ErrorCode::Referenced,
                format!("Risks {} refer to this asset; remove it from them first.", risks.join(", ")),
            ));
        }
        let handled: Vec<String> = tx
            .reader()
            .prepare(
                "SELECT name FROM suppliers WHERE EXISTS (SELECT 1 FROM json_each(suppliers.asset_ids) WHERE value = ?1) \
                 UNION ALL SELECT reference FROM incidents WHERE EXISTS (SELECT 1 FROM json_each(incidents.asset_ids) WHERE value = ?1)",
            )?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if !handled.is_empty() {
            return Err(CoreError::new(
                ErrorCode::Referenced,
                format!(
                    "{} refer to this asset (suppliers and incidents); remove it from them first.",
                    handled.join(", ")
                ),
            ));
        }
        record::remove::<Asset>(tx, id)
    })
}
