//! The sheets beside a risk register: its treatment actions ([`super::actions`]) and its
//! owners' approvals ([`super::approvals`]), each row keyed to its risk by reference. A risk
//! is looked for among the register's rows first (so a risk the same import creates can be
//! named), then in the vault. Actions change the risk they belong to, so the register's plan
//! for it is replaced by the risk with its actions, or, for a risk the register leaves
//! unchanged or does not list, a save of the risk is added after the register's changes;
//! approvals are recorded after every risk is written, against the risk as the import leaves
//! it. The report says which sheets were read.

use std::collections::HashMap;

use isms_core::Result;
use isms_core::risks::Risk;

use super::super::{Op, Outcome, PartSheets, Planned};
use super::Risks;
use crate::read::Kind;

/// A risk the sheets beside the register name.
pub(super) struct Target {
    /// As the register's rows and the actions read so far leave it.
    pub risk: Risk,
    /// The register's plan for it, by index.
    pub plan: Option<usize>,
    /// As the vault has it; `None` for a risk this import creates.
    pub before: Option<Risk>,
    /// Whether an action row changed it.
    pub changed: bool,
}

/// The risks the sheets name, by lower-case reference, found once each.
pub(super) struct Targets {
    pub list: Vec<Target>,
    by_reference: HashMap<String, usize>,
    /// The register's plans by lower-case reference.
    planned: HashMap<String, usize>,
}

impl Targets {
    fn new(planned: &[Planned]) -> Self {
        let planned = planned
            .iter()
            .enumerate()
            .filter_map(|(i, p)| match &p.op {
                Op::Risk(r) if !r.reference.is_empty() => Some((r.reference.to_lowercase(), i)),
                _ => None,
            })
            .collect();
        Targets {
            list: Vec::new(),
            by_reference: HashMap::new(),
            planned,
        }
    }

    /// The risk `reference` names: the register's plan for it, or the vault's; `None` if
    /// neither has it.
    pub fn find(&mut self, risks: &Risks, planned: &[Planned], reference: &str) -> Option<usize> {
        let key = reference.trim().to_lowercase();
        if let Some(&i) = self.by_reference.get(&key) {
            return Some(i);
        }
        let before = risks
            .by_reference
            .get(&key)
            .map(|&i| risks.existing[i].clone());
        let target = match self.planned.get(&key) {
            Some(&plan) => {
                let Op::Risk(risk) = &planned[plan].op else {
                    return None;
                };
                Target {
                    risk: (**risk).clone(),
                    plan: Some(plan),
                    before: before.filter(|_| risk.id != 0),
                    changed: false,
                }
            }
            None => Target {
                risk: before.clone()?,
                plan: None,
                before,
                changed: false,
            },
        };
        self.list.push(target);
        self.by_reference.insert(key, self.list.len() - 1);
        Some(self.list.len() - 1)
    }
}

/// Checks the rows of the sheets beside the register (see the module's doc).
pub(super) fn check(
    risks: &mut Risks,
    planned: &mut [Planned],
    sheets: &mut PartSheets<'_>,
) -> Result<()> {
    let mut targets = Targets::new(planned);
    let parts = sheets.parts;
    let mut read = Vec::new();
    for kind in Kind::PARTS {
        for part in parts.sheets.iter().filter(|p| p.mapping.kind == kind) {
            let before = sheets.total;
            let noun = if kind == Kind::RiskActions {
                super::actions::check(risks, planned, &mut targets, part, sheets);
                "action"
            } else {
                super::approvals::check(risks, planned, &mut targets, part, sheets);
                "approval"
            };
            let n = sheets.total - before;
            let s = if n == 1 { "" } else { "s" };
            read.push(format!("sheet “{}” ({n} {noun}{s})", part.workbook.sheet));
        }
        if kind == Kind::RiskActions {
            // Every action read: the risks they change are saved before any approval.
            save_changed(&mut targets, planned, &mut sheets.writes);
        }
    }
    if !read.is_empty() {
        sheets
            .lines
            .push(format!("Also read with the register: {}.", read.join(", ")));
    }
    sheets.lines.extend(parts.skipped.iter().cloned());
    Ok(())
}

/// Puts each risk an action row changed into the write: into the register's plan for it when
/// that plan writes, else as a save of its own after the register's changes.
fn save_changed(targets: &mut Targets, planned: &mut [Planned], writes: &mut Vec<Op>) {
    for t in targets.list.iter_mut().filter(|t| t.changed) {
        match t.plan {
            Some(i) if planned[i].outcome != Outcome::Unchanged => {
                planned[i].op = Op::Risk(Box::new(t.risk.clone()));
            }
            _ => writes.push(Op::Risk(Box::new(t.risk.clone()))),
        }
        t.changed = false;
    }
}
