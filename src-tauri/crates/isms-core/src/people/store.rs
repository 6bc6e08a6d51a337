//! Reading and writing `people`, with history: e-mail addresses are unique, and a person who
//! owns records cannot be deleted.

use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::model::Person;
use crate::db::record::{self, Record};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, ErrorCode, FieldError, Result};

/// Every column that points at a person as an owner, with what its rows are called. A domain
/// that gives records an owner adds its column here, so deletion can never orphan a record.
const OWNED: &[(&str, &str, &str)] = &[
    ("assets", "owner_id", "asset"),
    ("risks", "owner_id", "risk"),
    ("risk_actions", "owner_id", "treatment action"),
    ("risk_approvals", "person_id", "risk approval"),
    ("soa_entries", "owner_id", "SoA control"),
    ("soa_versions", "approved_by", "SoA approval"),
    ("objectives", "owner_id", "objective"),
    ("documents", "owner_id", "document"),
    ("document_versions", "approved_by", "document approval"),
    ("tracker_items", "owner_id", "tracker item"),
    ("audits", "auditor_id", "audit"),
    ("completions", "person_id", "training record"),
    ("acknowledgements", "person_id", "acknowledgement"),
    ("changes", "requester_id", "change request"),
    ("changes", "approver_id", "change approval"),
    ("measures", "measured_by", "measure taken"),
    ("measures", "evaluated_by", "measure evaluated"),
    ("role_assignments", "person_id", "ISMS role"),
    ("competence_evidence", "person_id", "competence record"),
    ("suppliers", "owner_id", "supplier"),
    ("incidents", "reported_by", "incident reported"),
    ("requirements", "owner_id", "requirement"),
];

impl Record for Person {
    const TABLE: &'static str = "people";
    const COLUMNS: &'static [&'static str] = &[
        "name",
        "email",
        "job_title",
        "department",
        "start_date",
        "end_date",
        "top_management",
        "isms_owner",
    ];
    const ORDER: &'static str = "name COLLATE NOCASE, id";
    const NOUN: &'static str = "person";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![
            &self.name,
            &self.email,
            &self.job_title,
            &self.department,
            &self.start_date,
            &self.end_date,
            &self.top_management,
            &self.isms_owner,
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Person {
            id: row.get(0)?,
            name: row.get(1)?,
            email: row.get(2)?,
            job_title: row.get(3)?,
            department: row.get(4)?,
            start_date: row.get(5)?,
            end_date: row.get(6)?,
            top_management: row.get(7)?,
            isms_owner: row.get(8)?,
        })
    }
}

pub fn list(conn: &Connection) -> Result<Vec<Person>> {
    record::list(conn)
}

pub fn get(conn: &Connection, id: i64) -> Result<Person> {
    record::get(conn, id)
}

pub fn create(vault: &mut Vault, stamp: Stamp, person: Person) -> Result<Person> {
    vault.write(stamp, |tx| insert(tx, person, Action::Create))
}

/// Inserts a person inside a write (snapshot import uses it too, keeping the id).
pub(crate) fn insert(tx: &mut WriteTx<'_>, person: Person, action: Action) -> Result<Person> {
    let person = person.validated()?;
    refuse_taken_email(tx.reader(), &person.email, None)?;
    record::insert(tx, person, action)
}

pub fn update(vault: &mut Vault, stamp: Stamp, person: Person) -> Result<Person> {
    let person = person.validated()?;
    vault.write(stamp, |tx| update_in(tx, person))
}

/// [`create`] inside a write the caller holds, so a spreadsheet import adds many in one.
pub fn create_in(tx: &mut WriteTx<'_>, person: Person) -> Result<Person> {
    insert(tx, person, Action::Create)
}

/// [`update`] inside a write the caller holds. Errors as for [`update`].
pub fn update_in(tx: &mut WriteTx<'_>, person: Person) -> Result<Person> {
    let person = person.validated()?;
    refuse_taken_email(tx.reader(), &person.email, Some(person.id))?;
    record::replace(tx, person)
}

/// Deletes a person who owns nothing; one who owns records gets `Referenced`, saying what.
pub fn delete(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| {
        let person = get(tx.reader(), id)?;
        let owned = owned_records(tx.reader(), id)?;
        if !owned.is_empty() {
            return Err(CoreError::new(
                ErrorCode::Referenced,
                format!(
                    "{} owns {}. Give them an end date instead, or hand those records to someone \
                     else first.",
                    person.name,
                    owned.join(", ")
                ),
            ));
        }
        record::remove::<Person>(tx, id)
    })
}

/// Refuses an owner (in `field`) who is not a person of the vault; no owner is fine.
pub(crate) fn require_person(conn: &Connection, field: &str, id: Option<i64>) -> Result<()> {
    match id {
        Some(id) if record::get::<Person>(conn, id).is_err() => {
            Err(CoreError::validation(vec![FieldError::new(
                field,
                "Choose someone from the people list.",
            )]))
        }
        _ => Ok(()),
    }
}

/// Lists of people kept as JSON arrays, with what their rows are called.
const LISTED: &[(&str, &str, &str)] = &[("reviews", "attendee_ids", "management review attended")];

/// "2 assets", "1 risk"… for everything `id` owns or is recorded in.
fn owned_records(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (table, column, noun) in LISTED {
        let sql = format!(
            "SELECT count(*) FROM {table} WHERE EXISTS (SELECT 1 FROM json_each({table}.{column}) WHERE value = ?1)"
        );
        let n: i64 = conn.query_row(&sql, [id], |r| r.get(0))?;
        if n > 0 {
            out.push(format!("{n} {noun}{}", if n == 1 { "" } else { "s" }));
        }
    }
    for (table, column, noun) in OWNED {
        let sql = format!("SELECT count(*) FROM {table} WHERE {column} = ?1");
        let n: i64 = conn.query_row(&sql, [id], |r| r.get(0))?;
        if n > 0 {
            out.push(format!("{n} {noun}{}", if n == 1 { "" } else { "s" }));
        }
    }
    Ok(out)
}

fn refuse_taken_email(conn: &Connection, email: &str, except: Option<i64>) -> Result<()> {
    let holder: Option<String> = conn
        .query_row(
            "SELECT name FROM people WHERE email = ?1 COLLATE NOCASE AND id IS NOT ?2",
            params![email, except],
            |r| r.get(0),
        )
        .optional()?;
    match holder {
        Some(name) => Err(CoreError::validation(vec![FieldError::new(
            "email",
            format!("{name} already has this e-mail address."),
        )])),
        None => Ok(()),
    }
}
