//! Acknowledgements of the documents staff must be told about: for every approved version of
//! every document, one row per person who acknowledged it (on, by which method), and for the
//! version in force of each communicated document one row per person of its audience, active
//! on the day, who has not ("Missing"). The columns are those `isms import acknowledgements`
//! reads (e-mail, document, version, acknowledged on, method).

use chrono::NaiveDate;
use isms_core::acknowledgements;
use isms_core::{Result, Vault, Vocabulary};

use super::sheet::{People, Sheet, Value, by_reference};

pub const NAME: &str = "Acknowledgements";

pub(super) fn sheets(vault: &Vault, people: &People, as_of: NaiveDate) -> Result<Vec<Sheet>> {
    let conn = vault.reader();
    let mut docs = isms_core::documents::list(conn)?;
    docs.sort_by(|a, b| by_reference(&a.reference, &b.reference).then(a.id.cmp(&b.id)));
    let acks = acknowledgements::list(conn)?;
    let status = acknowledgements::status(&docs, people.all(), &acks, as_of);
    let mut sheet = Sheet::new(
        NAME,
        &[
            "Document",
            "Title",
            "Version",
            "Name",
            "E-mail",
            "Acknowledged on",
            "Method",
            "Status",
        ],
    );
    for d in &docs {
        let mut versions: Vec<_> = d.versions.iter().collect();
        versions.sort_by_key(|v| (v.approved_on, v.id));
        for v in versions {
            let row = |person: Option<i64>| {
                vec![
                    Value::text(&d.reference),
                    Value::text(&d.title),
                    Value::text(&v.number),
                    people.name(person),
                    people.email(person),
                ]
            };
            let mut done: Vec<_> = acks.iter().filter(|a| a.version_id == v.id).collect();
            done.sort_by_key(|a| (a.acknowledged_on, a.person_id, a.id));
            for a in done {
                let mut cells = row(Some(a.person_id));
                cells.extend([
                    Value::Date(a.acknowledged_on),
                    Value::text(a.method.label()),
                    Value::text("Acknowledged"),
                ]);
                sheet.push(cells);
            }
            let missing = status
                .iter()
                .filter(|s| s.document_id == d.id && s.version_id == Some(v.id))
                .flat_map(|s| s.missing.iter());
            for person in missing {
                let mut cells = row(Some(*person));
                cells.extend([Value::Empty, Value::Empty, Value::text("Missing")]);
                sheet.push(cells);
            }
        }
    }
    Ok(vec![sheet])
}
