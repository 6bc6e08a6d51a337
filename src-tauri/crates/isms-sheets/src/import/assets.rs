//! Asset rows: matched by name (ignoring case), the name being what an inventory and a risk
//! register agree on. The owner is a person of the vault, by name or e-mail.

use std::collections::HashMap;

use isms_core::assets::{self, Asset};
use isms_core::{Result, Vault};

use super::check::Check;
use super::owners::Owners;
use super::{Op, Outcome, Planned, Planner};

pub(crate) struct Assets {
    existing: Vec<Asset>,
    /// Trimmed, lower-case name → its asset in `existing`.
    by_name: HashMap<String, usize>,
    owners: Owners,
    seen: HashMap<String, u32>,
}

impl Assets {
    pub fn new(vault: &Vault) -> Result<Self> {
        let existing = assets::list(vault.reader())?;
        let mut by_name = HashMap::new();
        for (i, a) in existing.iter().enumerate() {
            // The first of two same-named assets, as a search from the top finds it.
            by_name
                .entry(a.name.trim().to_ascii_lowercase())
                .or_insert(i);
        }
        Ok(Assets {
            existing,
            by_name,
            owners: Owners::new(isms_core::people::list(vault.reader())?),
            seen: HashMap::new(),
        })
    }
}

impl Planner for Assets {
    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        // A blank name is reported; the other cells are still checked.
        let name = c.required("name", "A name").unwrap_or_default();
        if !name.is_empty() {
            c.once(&mut self.seen, "name", &name, &format!("“{name}”"), "asset");
        }
        let found = self
            .by_name
            .get(&name.to_ascii_lowercase())
            .map(|&i| &self.existing[i]);
        let mut asset = found.cloned().unwrap_or_else(|| Asset::named(&name));
        asset.name = name;
        c.set_text("kind", &mut asset.kind);
        c.set_text("classification", &mut asset.classification);
        c.set_text("description", &mut asset.description);
        if let Some(owner) = self
            .owners
            .read(c, "owner", Some("owner_email"), asset.owner_id)
        {
            asset.owner_id = owner;
        }
        if c.reported("name") {
            return None;
        }
        let asset = match asset.validated() {
            Ok(a) => a,
            Err(err) => {
                c.core(err, |f| if f == "owner_id" { "owner" } else { f });
                return None;
            }
        };
        if c.failed() {
            return None;
        }
        let what = format!("“{}”", asset.name);
        let outcome = match found {
            None => Outcome::Create,
            Some(old) if *old == asset => Outcome::Unchanged,
            Some(_) => Outcome::Update,
        };
        Some(Planned {
            outcome,
            op: Op::Asset(Box::new(asset)),
            what,
        })
    }
}
