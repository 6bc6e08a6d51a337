//! Reading and setting the risk method (one row). Changing it flags, with history, every risk
//! whose likelihood or impact no longer fits the new matrix, for the owner to review.

use rusqlite::{Connection, OptionalExtension, params};

use super::model::RiskMethod;
use super::store::{list, write_risk_row};
use crate::db::{Action, Change, Stamp, Vault};
use crate::error::Result;

const TABLE: &str = "risk_method";

/// The method, or `None` until the owner has set one.
pub fn get_method(conn: &Connection) -> Result<Option<RiskMethod>> {
    let row = conn
        .query_row(
            "SELECT likelihood_levels, impact_levels, likelihood_labels, impact_labels, \
             acceptance_threshold, red_threshold, likelihood_definitions, impact_definitions \
             FROM risk_method WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                ))
            },
        )
        .optional()?;
    let Some((
        likelihood_levels,
        impact_levels,
        l_labels,
        i_labels,
        acceptance_threshold,
        red_threshold,
        l_definitions,
        i_definitions,
    )) = row
    else {
        return Ok(None);
    };
    Ok(Some(RiskMethod {
        likelihood_levels,
        impact_levels,
        likelihood_labels: serde_json::from_str(&l_labels)?,
        impact_labels: serde_json::from_str(&i_labels)?,
        likelihood_definitions: serde_json::from_str(&l_definitions)?,
        impact_definitions: serde_json::from_str(&i_definitions)?,
        acceptance_threshold,
        red_threshold,
    }))
}

/// Writes the method of a snapshot being imported.
pub(crate) fn import_method(tx: &mut crate::db::WriteTx<'_>, method: RiskMethod) -> Result<()> {
    let method = method.validated()?;
    let change = Change {
        table: TABLE,
        record_id: "1".into(),
        action: Action::Import,
        before: None,
        after: Some(serde_json::to_value(&method)?),
    };
    write_method(tx, change, &method)
}

fn write_method(
    tx: &mut crate::db::WriteTx<'_>,
    change: Change,
    method: &RiskMethod,
) -> Result<()> {
    tx.apply(
        change,
        "INSERT INTO risk_method (id, likelihood_levels, impact_levels, likelihood_labels, impact_labels, \
         acceptance_threshold, red_threshold, likelihood_definitions, impact_definitions) \
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (id) DO UPDATE SET likelihood_levels = ?1, impact_levels = ?2, \
         likelihood_labels = ?3, impact_labels = ?4, acceptance_threshold = ?5, red_threshold = ?6, \
         likelihood_definitions = ?7, impact_definitions = ?8",
        params![
            method.likelihood_levels,
            method.impact_levels,
            serde_json::to_string(&method.likelihood_labels)?,
            serde_json::to_string(&method.impact_labels)?,
            method.acceptance_threshold,
            method.red_threshold,
            serde_json::to_string(&method.likelihood_definitions)?,
            serde_json::to_string(&method.impact_definitions)?,
        ],
    )?;
    Ok(())
}

/// Sets the method; returns how many risks were flagged for review.
pub fn set_method(vault: &mut Vault, stamp: Stamp, method: RiskMethod) -> Result<usize> {
    let method = method.validated()?;
    vault.write(stamp, |tx| {
        let before = get_method(tx.reader())?;
        if before.as_ref() == Some(&method) {
            return Ok(0);
        }
        let change = Change {
            table: TABLE,
            record_id: "1".into(),
            action: if before.is_some() {
                Action::Update
            } else {
                Action::Create
            },
            before: before.as_ref().map(serde_json::to_value).transpose()?,
            after: Some(serde_json::to_value(&method)?),
        };
        write_method(tx, change, &method)?;
        let mut flagged = 0;
        for risk in list(tx.reader())? {
            let fits = |v: Option<u32>, max: u32| v.is_none_or(|v| v <= max);
            let fits_all = fits(risk.likelihood, method.likelihood_levels)
                && fits(risk.impact, method.impact_levels)
                && fits(risk.residual_likelihood, method.likelihood_levels)
                && fits(risk.residual_impact, method.impact_levels);
            if !fits_all && !risk.needs_review {
                let mut flagged_risk = risk.clone();
                flagged_risk.needs_review = true;
                write_risk_row(tx, &risk, &flagged_risk)?;
                flagged += 1;
            }
        }
        Ok(flagged)
    })
}
