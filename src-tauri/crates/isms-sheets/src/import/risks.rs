//! Risk rows: matched by reference, or, for a row without one, by a title only one risk of
//! the vault has; a new risk keeps the reference the sheet gives it (the vault numbers it
//! otherwise). Likelihood and impact are the method's level numbers or labels ("High",
//! "3 - Possible"); the owner is a person by name or e-mail; assets are the vault's, by name.
//!
//! Treatment actions in a cell (several split as usual) become planned actions, with the
//! row's action owner, due date and Annex A controls; an action of the risk with the same
//! title is kept as it is, and actions the sheet does not list are never deleted. Controls
//! given without an action become one planned action "Implement 5.1, 8.8". The actions sheet
//! of an exported register is not read.

use std::collections::HashMap;

use isms_core::assets::Asset;
use isms_core::risks::{self, ActionStatus, Risk, RiskAction, RiskMethod, Treatment};
use isms_core::{CoreError, ErrorCode, Result, Vault};

use super::check::Check;
use super::owners::Owners;
use super::{Op, Outcome, Planned, Planner};
use crate::read::{clean, dates};

pub(crate) struct Risks {
    method: RiskMethod,
    existing: Vec<Risk>,
    /// Lower-case reference → index in `existing`, so a large register is matched quickly.
    by_reference: HashMap<String, usize>,
    assets: Vec<Asset>,
    owners: Owners,
    /// Lower-case reference or title → the row that gave it.
    seen: HashMap<String, u32>,
}

impl Risks {
    pub fn new(vault: &Vault) -> Result<Self> {
        let conn = vault.reader();
        let method = risks::get_method(conn)?.ok_or_else(|| {
            CoreError::new(
                ErrorCode::Validation,
                "Set the risk method first (clause 6.1.2): its levels and labels are how the \
                 sheet's likelihood and impact are read.",
            )
        })?;
        let existing = risks::list(conn)?;
        let by_reference = existing
            .iter()
            .enumerate()
            .map(|(i, r)| (r.reference.to_lowercase(), i))
            .collect();
        Ok(Risks {
            method,
            existing,
            by_reference,
            assets: isms_core::assets::list(conn)?,
            owners: Owners::new(isms_core::people::list(conn)?),
            seen: HashMap::new(),
        })
    }

    /// The existing risk a row means, by reference or else by a title no other risk has.
    fn find(&self, reference: &str, title: &str) -> Option<&Risk> {
        if !reference.is_empty() {
            return self
                .by_reference
                .get(&reference.to_lowercase())
                .map(|&i| &self.existing[i]);
        }
        let mut titled = self
            .existing
            .iter()
            .filter(|r| r.title.trim().eq_ignore_ascii_case(title));
        match (titled.next(), titled.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }

    /// Asset ids from a cell of names; a name with a comma is tried whole before split.
    fn assets(&self, c: &mut Check<'_>) -> Option<Vec<i64>> {
        let text = c.text("assets");
        let mut ids = Vec::new();
        let mut unknown = Vec::new();
        let by_name = |n: &str| {
            self.assets
                .iter()
                .find(|a| a.name.trim().eq_ignore_ascii_case(n.trim()))
                .map(|a| a.id)
        };
        for part in text
            .split(['\n', '\r', ';', '|'])
            .filter(|p| !p.trim().is_empty())
        {
            if let Some(id) = by_name(part) {
                ids.push(id);
                continue;
            }
            for piece in part.split(',').filter(|p| !p.trim().is_empty()) {
                match by_name(piece) {
                    Some(id) => ids.push(id),
                    None => unknown.push(piece.trim().to_owned()),
                }
            }
        }
        if unknown.is_empty() {
            Some(ids)
        } else {
            c.error(
                "assets",
                &format!(
                    "No asset called {} in the vault; import the asset list first, or use the \
                     names it gives.",
                    unknown
                        .iter()
                        .map(|u| format!("“{u}”"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
            None
        }
    }

    fn level(&self, c: &mut Check<'_>, field: &str, slot: &mut Option<u32>) {
        if !c.mapped(field) {
            return;
        }
        let (labels, what) = if field.ends_with("likelihood") {
            (&self.method.likelihood_labels, "likelihood")
        } else {
            (&self.method.impact_labels, "impact")
        };
        if let Some(level) = c.read(field, |cell| clean::level(cell, labels, what)) {
            *slot = level;
        }
    }

    /// The row's treatment actions merged into `actions`.
    fn actions(&self, c: &mut Check<'_>, actions: &mut Vec<RiskAction>) {
        let mut titles = clean::split(c.cell("actions"));
        let mut controls = Vec::new();
        for id in clean::split(c.cell("controls")) {
            match clean::control_id(&crate::read::Cell::Text(id)) {
                Ok(id) => controls.push(id),
                Err(message) => c.error("controls", &message),
            }
        }
        if titles.is_empty() && !controls.is_empty() {
            titles.push(format!("Implement {}", controls.join(", ")));
        }
        if titles.is_empty() {
            return;
        }
        let owner = self.owners.read(c, "action_owner", None, None).flatten();
        let due = c.read("due_date", dates::date).flatten();
        for title in titles {
            if actions
                .iter()
                .any(|a| a.title.trim().eq_ignore_ascii_case(&title))
            {
                continue;
            }
            actions.push(RiskAction {
                id: 0,
                title,
                owner_id: owner,
                due_date: due,
                status: ActionStatus::Planned,
                done_date: None,
                controls: controls.clone(),
            });
        }
    }
}

/// The core's field names as the importer's.
fn field_of(core: &str) -> &str {
    match core {
        "owner_id" => "owner",
        "asset_ids" => "assets",
        f if f.starts_with("actions.") => "actions",
        f => f,
    }
}

impl Planner for Risks {
    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        let reference = c.text("reference");
        let title = c.required("title", "A title");
        c.once_by_reference(&mut self.seen, &reference, title.as_deref(), "risk");
        // A blank title is reported; the other cells are still checked.
        let title = title.unwrap_or_default();
        let found = self.find(&reference, &title);
        let mut risk = found.cloned().unwrap_or_else(|| Risk {
            reference: reference.clone(),
            ..Risk::titled(&title)
        });
        risk.title = title;
        c.set_text("description", &mut risk.description);
        c.set_text("threat", &mut risk.threat);
        c.set_text("vulnerability", &mut risk.vulnerability);
        if c.mapped("assets")
            && let Some(ids) = self.assets(c)
        {
            risk.asset_ids = ids;
        }
        if let Some(owner) = self
            .owners
            .read(c, "owner", Some("owner_email"), risk.owner_id)
        {
            risk.owner_id = owner;
        }
        let mut levels = [
            risk.likelihood,
            risk.impact,
            risk.residual_likelihood,
            risk.residual_impact,
        ];
        for (field, slot) in [
            "likelihood",
            "impact",
            "residual_likelihood",
            "residual_impact",
        ]
        .into_iter()
        .zip(levels.iter_mut())
        {
            self.level(c, field, slot);
        }
        [
            risk.likelihood,
            risk.impact,
            risk.residual_likelihood,
            risk.residual_impact,
        ] = levels;
        if c.mapped("treatment")
            && let Some(t) = c.read("treatment", |cell| {
                clean::word::<Treatment>(cell, "a treatment")
            })
        {
            risk.treatment = t;
        }
        if c.mapped("assessed_on")
            && let Some(day) = c.read("assessed_on", dates::date)
        {
            risk.assessed_on = day;
        }
        self.actions(c, &mut risk.actions);
        let risk = match risk.validated(&self.method) {
            Ok(r) => r,
            Err(err) => {
                c.core(err, field_of);
                return None;
            }
        };
        if c.failed() {
            return None;
        }
        let shown = if risk.reference.is_empty() {
            "a new risk".to_owned()
        } else {
            risk.reference.clone()
        };
        let what = format!("{shown} “{}”", risk.title);
        let outcome = match found {
            None => Outcome::Create,
            Some(old) if *old == risk => Outcome::Unchanged,
            Some(_) => Outcome::Update,
        };
        Some(Planned {
            outcome,
            op: Op::Risk(Box::new(risk)),
            what,
        })
    }
}
