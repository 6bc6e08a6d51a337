//! The shape shared by plain records (one row, an integer id, a set of columns): listing,
//! reading, inserting, updating and deleting them through [`WriteTx`] so history is recorded.
//! Domains implement [`Record`] and add their own rules (uniqueness, references) around these.

use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row};
use serde::Serialize;

use super::write::{Action, WriteTx};
use crate::error::{CoreError, ErrorCode, Result};

/// Implements [`Record::id`] and [`Record::set_id`] for a struct with an `id: i64` field.
#[macro_export]
macro_rules! record_id {
    () => {
        fn id(&self) -> i64 {
            self.id
        }

        fn set_id(&mut self, id: i64) {
            self.id = id;
        }
    };
}

pub trait Record: Serialize + Clone + PartialEq + Sized {
    /// The table, named as the domain.
    const TABLE: &'static str;
    /// The columns after `id`, in the order of [`Record::values`] and [`Record::from_row`].
    const COLUMNS: &'static [&'static str];
    /// `ORDER BY` for listing.
    const ORDER: &'static str;
    /// What one record is called in messages ("person", "asset").
    const NOUN: &'static str;

    fn id(&self) -> i64;
    fn set_id(&mut self, id: i64);
    /// The values of [`Record::COLUMNS`], in order (build them with [`sql_values!`]).
    fn values(&self) -> Vec<Box<dyn ToSql + '_>>;
    /// Reads a row of `SELECT id, COLUMNS…`: `row.get(0)` is the id.
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self>;
}

fn select<R: Record>() -> String {
    format!("SELECT id, {} FROM {}", R::COLUMNS.join(", "), R::TABLE)
}

pub fn list<R: Record>(conn: &Connection) -> Result<Vec<R>> {
    list_where(conn, "TRUE", [])
}

/// The records for which `condition` (SQL over the table's columns, with `params`) holds, in
/// the table's order: so a caller that wants a few rows does not read them all.
pub fn list_where<R: Record>(
    conn: &Connection,
    condition: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<R>> {
    let sql = format!("{} WHERE {condition} ORDER BY {}", select::<R>(), R::ORDER);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params, R::from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get<R: Record>(conn: &Connection, id: i64) -> Result<R> {
    conn.prepare_cached(&format!("{} WHERE id = ?1", select::<R>()))?
        .query_row([id], R::from_row)
        .optional()?
        .ok_or_else(|| CoreError::new(ErrorCode::NotFound, format!("No {} with id {id}.", R::NOUN)))
}

/// Inserts `record`; an import keeps the record's id, a creation lets the vault assign one.
pub fn insert<R: Record>(tx: &mut WriteTx<'_>, mut record: R, action: Action) -> Result<R> {
    let keep_id = (action == Action::Import).then_some(record.id());
    let marks: Vec<String> = (1..=R::COLUMNS.len() + 1)
        .map(|i| format!("?{i}"))
        .collect();
    let sql = format!(
        "INSERT INTO {} (id, {}) VALUES ({})",
        R::TABLE,
        R::COLUMNS.join(", "),
        marks.join(", ")
    );
    let id = {
        let owned = record.values();
        let mut values: Vec<&dyn ToSql> = vec![&keep_id];
        values.extend(owned.iter().map(|v| v.as_ref()));
        tx.insert(R::TABLE, action, &record, &sql, values.as_slice())?
    };
    record.set_id(id);
    Ok(record)
}

/// Replaces the stored record with `record` (same id); writes nothing when nothing changed.
pub fn replace<R: Record>(tx: &mut WriteTx<'_>, record: R) -> Result<R> {
    let before: R = get(tx.reader(), record.id())?;
    if before == record {
        return Ok(record);
    }
    let sets: Vec<String> = R::COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 2))
        .collect();
    let sql = format!("UPDATE {} SET {} WHERE id = ?1", R::TABLE, sets.join(", "));
    let id = record.id();
    {
        let owned = record.values();
        let mut values: Vec<&dyn ToSql> = vec![&id];
        values.extend(owned.iter().map(|v| v.as_ref()));
        tx.update(R::TABLE, id, &before, &record, &sql, values.as_slice())?;
    }
    Ok(record)
}

/// Deletes the record with `id`, recording what it was.
pub fn remove<R: Record>(tx: &mut WriteTx<'_>, id: i64) -> Result<()> {
    let before: R = get(tx.reader(), id)?;
    let sql = format!("DELETE FROM {} WHERE id = ?1", R::TABLE);
    tx.delete(R::TABLE, id, &before, &sql, [id])?;
    Ok(())
}

/// The column values of a [`Record`]: each expression boxed as a `ToSql` (borrowed fields, or
/// owned values computed for storage such as JSON text).
#[macro_export]
macro_rules! sql_values {
    ($($value:expr),* $(,)?) => {
        vec![$(Box::new($value) as Box<dyn rusqlite::types::ToSql + '_>),*]
    };
}

/// For an enum stored as text: `as_str`, `parse`, and the SQLite conversions.
#[macro_export]
macro_rules! text_enum {
    ($ty:ty { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text),+
                }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s {
                    $($text => Some(Self::$variant),)+
                    _ => None,
                }
            }
        }

        impl rusqlite::types::ToSql for $ty {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $ty {
            fn column_result(
                value: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                Self::parse(value.as_str()?).ok_or(rusqlite::types::FromSqlError::InvalidType)
            }
        }
    };
}

/// The next reference of a numbered register (`R-001`, `T-001`, `IA-001`…): one more than the
/// highest number ever used in `table`, counting deleted records through history, so a
/// reference is never given twice.
pub fn next_reference(conn: &Connection, table: &str, prefix: &str) -> Result<String> {
    let from = prefix.chars().count() + 1;
    let highest: Option<i64> = conn.query_row(
        &format!(
            "SELECT max(n) FROM (
                 SELECT CAST(substr(reference, {from}) AS INTEGER) AS n FROM {table}
                 UNION ALL
                 SELECT CAST(substr(json_extract(coalesce(after, before), '$.reference'), {from}) AS INTEGER)
                 FROM history WHERE table_name = ?1)"
        ),
        [table],
        |r| r.get(0),
    )?;
    Ok(format!("{prefix}{:03}", highest.unwrap_or(0) + 1))
}
