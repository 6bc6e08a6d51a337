//! Risk rows: matched by reference, or, for a row without one, by a title only one risk of
//! the vault has; a new risk keeps the reference the sheet gives it (the vault numbers it
//! otherwise). Likelihood and impact are the method's level numbers ("3", "3,0") or labels
//! ("High", "3 - Possible"); a word that is not on the method's scale is said once for the
//! sheet, with the rows it is on and the scale's labels. The treatment is a word of the
//! vocabulary, in English, German or French, or one followed by a note ("Accept with
//! monitoring", "Transfer (insurance)"): the note is kept at the end of the description. The
//! owner is a person by name or e-mail; assets are the vault's, by name.
//!
//! Treatment actions in a cell (several split as usual) become planned actions, with the
//! row's action owner, due date and Annex A controls; an action of the risk with the same
//! title is kept as it is, and actions the sheet does not list are never deleted. Controls
//! given without an action become one planned action "Implement 5.1, 8.8".
//!
//! A workbook's sheets beside the register, its actions and its owners' approvals, are read
//! with it when the import is given them ([`parts`], [`actions`], [`approvals`]).

use std::collections::{BTreeMap, HashMap};

use isms_core::assets::Asset;
use isms_core::risks::{self, ActionStatus, Risk, RiskAction, RiskMethod, Treatment};
use isms_core::vocabulary::normalized;
use isms_core::{CoreError, ErrorCode, FieldError, Result, Vault};

mod actions;
mod approvals;
mod parts;

pub(crate) use approvals::{ApprovalPlan, approve};

use super::check::Check;
use super::owners::Owners;
use super::{Op, Outcome, PartSheets, Planned, Planner};
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
    /// Words not on the method's scale, by scale and word as compared: where each was first
    /// met, as written, and every row it is on, so each is said once.
    off_scale: BTreeMap<(&'static str, String), OffScale>,
}

/// A word a likelihood or impact column holds that is not one of the method's labels.
struct OffScale {
    at: String,
    first: String,
    word: String,
    rows: Vec<u32>,
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
            off_scale: BTreeMap::new(),
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

    /// A likelihood or impact: a level number or one of the method's labels. A word that is
    /// not a label ("Significant" where the scale says "Major") is noted and said once for
    /// the sheet, with every row it is on.
    fn level(&mut self, c: &mut Check<'_>, field: &str, slot: &mut Option<u32>) {
        if !c.mapped(field) {
            return;
        }
        let (labels, what) = if field.ends_with("likelihood") {
            (&self.method.likelihood_labels, "likelihood")
        } else {
            (&self.method.impact_labels, "impact")
        };
        match clean::level(c.cell(field), labels, what) {
            Ok(level) => *slot = level,
            Err(message) => {
                let word = clean::text(c.cell(field)).unwrap_or_default();
                if word.starts_with(|ch: char| ch.is_ascii_digit()) {
                    c.error(field, &message);
                    return;
                }
                let (at, first) = c.hold(field);
                let row = c.row.row;
                self.off_scale
                    .entry((what, normalized(&word)))
                    .and_modify(|o| o.rows.push(row))
                    .or_insert(OffScale {
                        at,
                        first,
                        word,
                        rows: vec![row],
                    });
            }
        }
    }

    /// The row's treatment actions merged into `actions`.
    fn actions(&self, c: &mut Check<'_>, actions: &mut Vec<RiskAction>) {
        let mut titles = clean::split(c.cell("actions"));
        let controls = c.read("controls", clean::controls).unwrap_or_default();
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
    fn parts(&mut self, planned: &mut [Planned], sheets: &mut PartSheets<'_>) -> Result<()> {
        parts::check(self, planned, sheets)
    }

    fn finish(&mut self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        for ((what, _), off) in std::mem::take(&mut self.off_scale) {
            let labels = if what == "likelihood" {
                &self.method.likelihood_labels
            } else {
                &self.method.impact_labels
            };
            let rows: Vec<String> = off.rows.iter().map(u32::to_string).collect();
            let (noun, rows) = match rows.as_slice() {
                [one] => ("row", one.clone()),
                [all @ .., last] => ("rows", format!("{} and {last}", all.join(", "))),
                [] => ("row", String::new()),
            };
            let article = if what == "impact" { "an" } else { "a" };
            let message = format!(
                "{}: “{}” is not {article} {what}: 1–{} or {} (the risk method's scale); it is \
                 on {noun} {rows}. Change those cells, or translate “{}” to one of these labels \
                 in the import mapping's values.",
                off.first,
                off.word,
                labels.len(),
                labels.join(", "),
                off.word
            );
            errors.push(FieldError::new(&off.at, message));
        }
        errors
    }

    fn row(&mut self, c: &mut Check<'_>) -> Option<Planned> {
        let reference = c.text("reference");
        let title = c.required("title", "A title");
        c.once_by_reference(&mut self.seen, &reference, title.as_deref(), "risk");
        // A blank title is reported; the other cells are still checked.
        let title = title.unwrap_or_default();
        let found = self.find(&reference, &title).cloned();
        let mut risk = found.clone().unwrap_or_else(|| Risk {
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
                clean::phrase::<Treatment>(cell, "a treatment")
            })
        {
            risk.treatment = t.map(|(value, _)| value);
            // "Accept with monitoring": the note is kept in the description, once.
            if let Some((_, true)) = t {
                let said = format!("Treatment: {}", c.text("treatment"));
                if !risk.description.contains(&said) {
                    if !risk.description.trim().is_empty() {
                        risk.description.push_str("\n\n");
                    }
                    risk.description.push_str(&said);
                }
            }
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
        let outcome = match &found {
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
