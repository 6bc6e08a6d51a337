//! Reading and writing `roles`, `role_assignments` and `competence_evidence`, with history.

use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::model::{Assignment, CompetenceEvidence, Role};
use crate::db::record::{self, Record};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, ErrorCode, FieldError, Result};

impl Record for Role {
    const TABLE: &'static str = "roles";
    const COLUMNS: &'static [&'static str] =
        &["name", "standard", "responsibilities", "competence"];
    // The standard roles first, in the order the migration made them, then the company's own.
    const ORDER: &'static str = "standard IS NULL, id";
    const NOUN: &'static str = "role";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![
            &self.name,
            &self.standard,
            &self.responsibilities,
            &self.competence
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Role {
            id: row.get(0)?,
            name: row.get(1)?,
            standard: row.get(2)?,
            responsibilities: row.get(3)?,
            competence: row.get(4)?,
        })
    }
}

impl Record for Assignment {
    const TABLE: &'static str = "role_assignments";
    const COLUMNS: &'static [&'static str] = &["role_id", "person_id", "assigned_on"];
    const ORDER: &'static str = "role_id, person_id";
    const NOUN: &'static str = "role assignment";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![&self.role_id, &self.person_id, &self.assigned_on]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Assignment {
            id: row.get(0)?,
            role_id: row.get(1)?,
            person_id: row.get(2)?,
            assigned_on: row.get(3)?,
        })
    }
}

impl Record for CompetenceEvidence {
    const TABLE: &'static str = "competence_evidence";
    const COLUMNS: &'static [&'static str] = &[
        "person_id",
        "kind",
        "title",
        "obtained_on",
        "expires_on",
        "evidence_id",
        "note",
    ];
    const ORDER: &'static str = "person_id, obtained_on, id";
    const NOUN: &'static str = "competence record";

    crate::record_id!();

    fn values(&self) -> Vec<Box<dyn ToSql + '_>> {
        crate::sql_values![
            &self.person_id,
            &self.kind,
            &self.title,
            &self.obtained_on,
            &self.expires_on,
            &self.evidence_id,
            &self.note,
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(CompetenceEvidence {
            id: row.get(0)?,
            person_id: row.get(1)?,
            kind: row.get(2)?,
            title: row.get(3)?,
            obtained_on: row.get(4)?,
            expires_on: row.get(5)?,
            evidence_id: row.get(6)?,
            note: row.get(7)?,
        })
    }
}

/// Every role: the standard ones first, then the company's own in the order they were added.
pub fn list_roles(conn: &Connection) -> Result<Vec<Role>> {
    record::list(conn)
}

pub fn get_role(conn: &Connection, id: i64) -> Result<Role> {
    record::get(conn, id)
}

/// Every assignment of a person to a role, by role and person.
pub fn list_assignments(conn: &Connection) -> Result<Vec<Assignment>> {
    record::list(conn)
}

/// Every person's competence evidence, by person and date obtained.
pub fn list_evidence(conn: &Connection) -> Result<Vec<CompetenceEvidence>> {
    record::list(conn)
}

pub fn get_evidence(conn: &Connection, id: i64) -> Result<CompetenceEvidence> {
    record::get(conn, id)
}

/// Adds one of the company's own roles (never a standard one). A name in use is a field error.
pub fn create_role(vault: &mut Vault, stamp: Stamp, role: Role) -> Result<Role> {
    let role = Role {
        standard: None,
        ..role.validated()?
    };
    vault.write(stamp, |tx| {
        refuse_taken_name(tx.reader(), &role)?;
        insert_new(tx, role, Action::Create)
    })
}

/// Saves a role's name, responsibilities and required competence; whether it is a standard
/// role stays as stored.
pub fn update_role(vault: &mut Vault, stamp: Stamp, role: Role) -> Result<Role> {
    let role = role.validated()?;
    vault.write(stamp, |tx| {
        let stored = get_role(tx.reader(), role.id)?;
        let role = Role {
            standard: stored.standard,
            ..role
        };
        refuse_taken_name(tx.reader(), &role)?;
        record::replace(tx, role)
    })
}

/// Removes one of the company's own roles that nobody holds. A standard role is refused
/// (`Validation`), and so is a role people hold (`Referenced`, naming how many): unassign them
/// first, so every change of who holds what is recorded on its own.
pub fn remove_role(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| {
        let role = get_role(tx.reader(), id)?;
        if role.standard.is_some() {
            return Err(CoreError::new(
                ErrorCode::Validation,
                format!(
                    "{} is one of the standard ISMS roles and cannot be removed; change its \
                     responsibilities or required competence instead.",
                    role.name
                ),
            ));
        }
        let held: i64 = tx.reader().query_row(
            "SELECT count(*) FROM role_assignments WHERE role_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if held > 0 {
            return Err(CoreError::new(
                ErrorCode::Referenced,
                format!(
                    "{held} {} the role {}. Unassign {} first.",
                    if held == 1 {
                        "person holds"
                    } else {
                        "people hold"
                    },
                    role.name,
                    if held == 1 { "them" } else { "everyone" }
                ),
            ));
        }
        record::remove::<Role>(tx, id)
    })
}

/// Imports a role of a snapshot: a standard role replaces the text of the one the vault
/// already has (matched by its marker), another is added. Returns the role as stored.
pub(crate) fn import_role(tx: &mut WriteTx<'_>, role: Role) -> Result<Role> {
    let role = role.validated()?;
    let Some(standard) = role.standard else {
        refuse_taken_name(tx.reader(), &role)?;
        return insert_new(tx, role, Action::Import);
    };
    let existing: Option<i64> = tx
        .reader()
        .query_row(
            "SELECT id FROM roles WHERE standard = ?1",
            [standard],
            |r| r.get(0),
        )
        .optional()?;
    match existing {
        Some(id) => {
            let role = Role { id, ..role };
            refuse_taken_name(tx.reader(), &role)?;
            record::replace(tx, role)
        }
        None => insert_new(tx, role, Action::Import),
    }
}

/// Assigns a person to a role. A person who holds the role already is a field error.
pub fn assign(vault: &mut Vault, stamp: Stamp, assignment: Assignment) -> Result<Assignment> {
    vault.write(stamp, |tx| assign_in(tx, assignment))
}

/// [`assign`] inside a write the caller holds (a spreadsheet import assigns many in one).
pub fn assign_in(tx: &mut WriteTx<'_>, assignment: Assignment) -> Result<Assignment> {
    insert_assignment(tx, assignment, Action::Create)
}

/// Inserts an assignment with an id the vault chooses; `action` says whether it is an import.
pub(crate) fn insert_assignment(
    tx: &mut WriteTx<'_>,
    assignment: Assignment,
    action: Action,
) -> Result<Assignment> {
    crate::people::require_person(tx.reader(), "person_id", Some(assignment.person_id))?;
    get_role(tx.reader(), assignment.role_id)
        .map_err(|_| CoreError::validation(vec![FieldError::new("role_id", "Choose a role.")]))?;
    let held: Option<i64> = tx
        .reader()
        .query_row(
            "SELECT id FROM role_assignments WHERE role_id = ?1 AND person_id = ?2",
            params![assignment.role_id, assignment.person_id],
            |r| r.get(0),
        )
        .optional()?;
    if held.is_some() {
        return Err(CoreError::validation(vec![FieldError::new(
            "person_id",
            "This person holds the role already.",
        )]));
    }
    insert_new(tx, assignment, action)
}

/// Ends a person's assignment to a role.
pub fn unassign(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| record::remove::<Assignment>(tx, id))
}

/// Records a piece of competence evidence for a person.
pub fn create_evidence(
    vault: &mut Vault,
    stamp: Stamp,
    evidence: CompetenceEvidence,
) -> Result<CompetenceEvidence> {
    vault.write(stamp, |tx| create_evidence_in(tx, evidence))
}

/// [`create_evidence`] inside a write the caller holds.
pub fn create_evidence_in(
    tx: &mut WriteTx<'_>,
    evidence: CompetenceEvidence,
) -> Result<CompetenceEvidence> {
    insert_evidence(tx, evidence, Action::Create)
}

/// Inserts competence evidence; an import keeps its id.
pub(crate) fn insert_evidence(
    tx: &mut WriteTx<'_>,
    evidence: CompetenceEvidence,
    action: Action,
) -> Result<CompetenceEvidence> {
    let evidence = evidence.validated()?;
    check_references(tx.reader(), &evidence)?;
    record::insert(tx, evidence, action)
}

pub fn update_evidence(
    vault: &mut Vault,
    stamp: Stamp,
    evidence: CompetenceEvidence,
) -> Result<CompetenceEvidence> {
    vault.write(stamp, |tx| update_evidence_in(tx, evidence))
}

/// [`update_evidence`] inside a write the caller holds.
pub fn update_evidence_in(
    tx: &mut WriteTx<'_>,
    evidence: CompetenceEvidence,
) -> Result<CompetenceEvidence> {
    let evidence = evidence.validated()?;
    check_references(tx.reader(), &evidence)?;
    record::replace(tx, evidence)
}

/// Removes a piece of competence evidence; its file stays among the evidence files.
pub fn remove_evidence(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| record::remove::<CompetenceEvidence>(tx, id))
}

fn check_references(conn: &Connection, evidence: &CompetenceEvidence) -> Result<()> {
    crate::people::require_person(conn, "person_id", Some(evidence.person_id))?;
    if let Some(file) = evidence.evidence_id
        && crate::evidence::get(conn, file).is_err()
    {
        return Err(CoreError::validation(vec![FieldError::new(
            "evidence_id",
            "The evidence file is not in the vault.",
        )]));
    }
    Ok(())
}

fn refuse_taken_name(conn: &Connection, role: &Role) -> Result<()> {
    let taken: Option<i64> = conn
        .query_row(
            "SELECT id FROM roles WHERE name = ?1 AND id <> ?2",
            params![role.name, role.id],
            |r| r.get(0),
        )
        .optional()?;
    match taken {
        Some(_) => Err(CoreError::validation(vec![FieldError::new(
            "name",
            "A role with this name exists already.",
        )])),
        None => Ok(()),
    }
}

/// Inserts `record` with an id the vault assigns, recording `action` (records that a snapshot
/// names by something other than their id are imported this way too).
fn insert_new<R: Record>(tx: &mut WriteTx<'_>, mut record: R, action: Action) -> Result<R> {
    let marks: Vec<String> = (1..=R::COLUMNS.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        R::TABLE,
        R::COLUMNS.join(", "),
        marks.join(", ")
    );
    let id = {
        let owned = record.values();
        let values: Vec<&dyn ToSql> = owned.iter().map(|v| v.as_ref()).collect();
        tx.insert(R::TABLE, action, &record, &sql, values.as_slice())?
    };
    record.set_id(id);
    Ok(record)
}
