//! What is derived from a risk and the method: scores and levels, the hash that decides whether
//! an approval still stands, and the heat maps whose cells the UI uses to filter the register.

use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::model::{Risk, RiskMethod};

/// The parts of a risk whose change voids an approval: scores, decision, owner and the plan's
/// actions (not their progress). Titles and descriptions are cosmetic.
pub(crate) fn material(risk: &Risk) -> serde_json::Value {
    let actions: Vec<serde_json::Value> = risk
        .actions
        .iter()
        .map(|a| serde_json::json!([a.title, a.owner_id, a.due_date, a.controls]))
        .collect();
    serde_json::json!({
        "owner_id": risk.owner_id,
        "likelihood": risk.likelihood,
        "impact": risk.impact,
        "treatment": risk.treatment,
        "residual_likelihood": risk.residual_likelihood,
        "residual_impact": risk.residual_impact,
        "actions": actions,
    })
}

pub(crate) fn material_hash(risk: &Risk) -> String {
    hex::encode(Sha256::digest(material(risk).to_string().as_bytes()))
}

/// Fills the derived scores from the method (none without a method or without both values).
pub(crate) fn derive_scores(risk: &mut Risk, method: Option<&RiskMethod>) {
    risk.inherent = method.and_then(|m| m.score(risk.likelihood, risk.impact));
    risk.residual = method.and_then(|m| m.score(risk.residual_likelihood, risk.residual_impact));
}

/// Risk counts per cell: `cells[likelihood - 1][impact - 1]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HeatMap {
    pub likelihood_levels: u32,
    pub impact_levels: u32,
    pub cells: Vec<Vec<u32>>,
    /// Risks without both values (or outside the matrix): counted nowhere else.
    pub unscored: u32,
}

/// The inherent (or residual) heat map of `risks`; its counts always add up to `risks.len()`.
pub fn heat_map(risks: &[Risk], method: &RiskMethod, residual: bool) -> HeatMap {
    let (rows, cols) = (method.likelihood_levels, method.impact_levels);
    let mut cells = vec![vec![0u32; cols as usize]; rows as usize];
    let mut unscored = 0;
    for risk in risks {
        let (l, i) = if residual {
            (risk.residual_likelihood, risk.residual_impact)
        } else {
            (risk.likelihood, risk.impact)
        };
        match (l, i) {
            (Some(l), Some(i)) if (1..=rows).contains(&l) && (1..=cols).contains(&i) => {
                cells[l as usize - 1][i as usize - 1] += 1;
            }
            _ => unscored += 1,
        }
    }
    HeatMap {
        likelihood_levels: rows,
        impact_levels: cols,
        cells,
        unscored,
    }
}
