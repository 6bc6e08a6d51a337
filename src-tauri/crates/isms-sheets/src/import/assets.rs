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
    owners: Owners,
    seen: HashMap<String, u32>,
}

impl Assets {
    pub fn new(vault: &Vault) -> Result<Self> {
        Ok(Assets {
            existing: assets::list(vault.reader())?,
            owners: Owners::new(isms_core::people::list(vault.reader())?),
            seen: HashMap::new(),
        })
    }
}

impl Planner for Assets {
    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        let name = c.required("name", "A name")?;
        c.once(&mut self.seen, "name", &name, &format!("“{name}”"), "asset");
        let found = self
            .existing
            .iter()
            .find(|a| a.name.trim().eq_ignore_ascii_case(&name));
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
