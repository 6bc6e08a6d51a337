//! Competence (7.2) as a register: one row per piece of competence evidence, with the person's
//! e-mail and name, the roles they hold, its kind, title, when it was obtained and lapses,
//! whether it is current or lapsed on the day, and the name of its evidence file (the columns
//! `isms import competence` reads). Beside it the roles with their holders, and who holds
//! each role since when (one row per holder, which the import reads back).

use chrono::NaiveDate;
use isms_core::competence::{self, CompetenceEvidence};
use isms_core::{Result, Vault, Vocabulary};

use super::sheet::{People, Sheet, Value};

pub const EVIDENCE: &str = "Competence";
pub const ROLES: &str = "Roles";
pub const HOLDERS: &str = "Role holders";

fn status(e: &CompetenceEvidence, as_of: NaiveDate) -> &'static str {
    if e.current_on(as_of) {
        "Current"
    } else if e.lapsed(as_of) {
        "Lapsed"
    } else {
        "Not yet obtained"
    }
}

pub(super) fn sheets(vault: &Vault, people: &People, as_of: NaiveDate) -> Result<Vec<Sheet>> {
    let conn = vault.reader();
    let roles = competence::list_roles(conn)?;
    let assignments = competence::list_assignments(conn)?;
    let files = isms_core::evidence::list(conn)?;
    let mut evidence = competence::list_evidence(conn)?;
    let key = |e: &CompetenceEvidence| {
        let p = people.get(Some(e.person_id));
        (
            p.map(|p| p.name.to_lowercase()).unwrap_or_default(),
            e.person_id,
            e.obtained_on,
            e.id,
        )
    };
    evidence.sort_by_key(key);
    let mut sheet = Sheet::new(
        EVIDENCE,
        &[
            "E-mail",
            "Name",
            "Roles",
            "Kind",
            "Title",
            "Obtained",
            "Expires",
            "Status",
            "Evidence file",
            "Note",
        ],
    );
    for e in &evidence {
        let held: Vec<&str> = competence::roles_of(e.person_id, &roles, &assignments)
            .iter()
            .map(|r| r.name.as_str())
            .collect();
        let file = e
            .evidence_id
            .and_then(|id| files.iter().find(|f| f.id == id))
            .map_or(Value::Empty, |f| Value::text(&f.file_name));
        sheet.push(vec![
            people.email(Some(e.person_id)),
            people.name(Some(e.person_id)),
            Value::list(&held),
            Value::text(e.kind.label()),
            Value::text(&e.title),
            Value::Date(e.obtained_on),
            Value::date(e.expires_on),
            Value::text(status(e, as_of)),
            file,
            Value::text(&e.note),
        ]);
    }
    let mut roles_sheet = Sheet::new(
        ROLES,
        &["Role", "Responsibilities", "Required competence", "Held by"],
    );
    for r in &roles {
        let mut holders: Vec<String> = competence::people_in(r.id, &assignments)
            .into_iter()
            .filter_map(|id| people.get(Some(id)).map(|p| p.name.clone()))
            .collect();
        holders.sort_by_key(|n| n.to_lowercase());
        roles_sheet.push(vec![
            Value::text(&r.name),
            Value::text(&r.responsibilities),
            Value::text(&r.competence),
            Value::list(&holders),
        ]);
    }
    let mut holders_sheet = Sheet::new(HOLDERS, &["Role", "Name", "E-mail", "Assigned on"]);
    let mut held = assignments.clone();
    held.sort_by_key(|a| {
        let name = people.get(Some(a.person_id)).map(|p| p.name.to_lowercase());
        (a.role_id, name, a.id)
    });
    for a in &held {
        let Some(role) = roles.iter().find(|r| r.id == a.role_id) else {
            continue;
        };
        holders_sheet.push(vec![
            Value::text(&role.name),
            people.name(Some(a.person_id)),
            people.email(Some(a.person_id)),
            Value::date(a.assigned_on),
        ]);
    }
    Ok(vec![sheet, roles_sheet, holders_sheet])
}
