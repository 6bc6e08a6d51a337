//! The document register (the register only, not the files): one row per document by
//! reference, with its kind, owner, the mandatory documented information it covers, review
//! cycle, audience, and the version in force with its approval; beside it every version of
//! every document (number, change summary, approver by name and e-mail, day approved; a draft
//! without a day), which `isms import documents` reads back.

use isms_core::documents;
use isms_core::{Result, Vault, Vocabulary};

use super::sheet::{People, Sheet, Value, by_reference};

pub const NAME: &str = "Documents";
pub const VERSIONS: &str = "Versions";

pub(super) fn sheets(vault: &Vault, people: &People) -> Result<Vec<Sheet>> {
    let mut docs = documents::list(vault.reader())?;
    docs.sort_by(|a, b| by_reference(&a.reference, &b.reference).then(a.id.cmp(&b.id)));
    let mut sheet = Sheet::new(
        NAME,
        &[
            "Reference",
            "Title",
            "Kind",
            "Owner",
            "E-mail",
            "Mandatory items",
            "Review interval (months)",
            "Next review",
            "Communicate",
            "Audience",
            "Version",
            "Approved on",
            "Approved by",
            "Versions",
        ],
    );
    let mut versions = Sheet::new(
        VERSIONS,
        &[
            "Reference",
            "Version",
            "Change summary",
            "Approved by",
            "E-mail",
            "Approved on",
        ],
    );
    for d in &docs {
        for v in &d.versions {
            versions.push(vec![
                Value::text(&d.reference),
                Value::text(&v.number),
                Value::text(&v.change_summary),
                people.name(v.approved_by),
                people.email(v.approved_by),
                Value::date(v.approved_on),
            ]);
        }
        let current = d.current();
        sheet.push(vec![
            Value::text(&d.reference),
            Value::text(&d.title),
            Value::text(d.kind.label()),
            people.name(d.owner_id),
            people.email(d.owner_id),
            Value::list(&d.mandatory_items),
            Value::number(d.review_months),
            Value::date(d.next_review),
            Value::yes_no(d.communicate),
            Value::list(&d.audience),
            current.map_or(Value::Empty, |v| Value::text(&v.number)),
            Value::date(current.and_then(|v| v.approved_on)),
            people.name(current.and_then(|v| v.approved_by)),
            Value::Number(d.versions.len() as f64),
        ]);
    }
    Ok(vec![sheet, versions])
}
