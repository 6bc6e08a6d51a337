//! The asset inventory: one row per asset by name, with its type, classification, owner (name
//! and e-mail) and description.

use isms_core::{Result, Vault};

use super::sheet::{People, Sheet, Value};

pub const NAME: &str = "Assets";

pub(super) fn sheets(vault: &Vault, people: &People) -> Result<Vec<Sheet>> {
    let mut assets = isms_core::assets::list(vault.reader())?;
    assets.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.id.cmp(&b.id))
    });
    let mut sheet = Sheet::new(
        NAME,
        &[
            "Name",
            "Type",
            "Classification",
            "Owner",
            "E-mail",
            "Description",
        ],
    );
    for a in &assets {
        sheet.push(vec![
            Value::text(&a.name),
            Value::text(&a.kind),
            Value::text(&a.classification),
            people.name(a.owner_id),
            people.email(a.owner_id),
            Value::text(&a.description),
        ]);
    }
    Ok(vec![sheet])
}
