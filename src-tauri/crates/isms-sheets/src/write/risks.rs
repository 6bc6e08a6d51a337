//! The risk register's workbook: the register (one row per risk, likelihood and impact as the
//! method's level numbers, derived scores and levels beside them), the treatment actions and
//! the owners' approvals ([`super::risk_parts`]), the method (scales with their labels, thresholds) and the inherent and residual heat maps as
//! tables of counts. The maps come from `isms_core::risks::heat_map` over the register's own
//! risks, so their counts, with the row of unscored risks, add up to the register. Without a
//! method there are no maps and the Method sheet has only its header.

use isms_core::risks::{self, Risk, RiskMethod, Treatment};
use isms_core::{Result, Vault, Vocabulary};

use super::risk_parts;
use super::sheet::{People, Sheet, Value, by_reference};

pub const REGISTER: &str = "Risks";
pub const METHOD: &str = "Method";
pub const INHERENT: &str = "Inherent heat map";
pub const RESIDUAL: &str = "Residual heat map";

/// The label of the row of risks that are in neither map's cells.
pub const UNSCORED: &str = "Not scored";

pub(super) fn sheets(vault: &Vault, people: &People) -> Result<Vec<Sheet>> {
    let conn = vault.reader();
    let mut list = risks::list(conn)?;
    list.sort_by(|a, b| by_reference(&a.reference, &b.reference).then(a.id.cmp(&b.id)));
    let assets = isms_core::assets::list(conn)?;
    let asset_names = |r: &Risk| {
        // By name, not id: the same assets read the same in any vault.
        let mut names: Vec<&str> = r
            .asset_ids
            .iter()
            .filter_map(|id| assets.iter().find(|a| a.id == *id))
            .map(|a| a.name.as_str())
            .collect();
        names.sort_by_key(|n| n.to_lowercase());
        Value::list(&names)
    };
    let mut register = Sheet::new(
        REGISTER,
        &[
            "Reference",
            "Title",
            "Description",
            "Threat",
            "Vulnerability",
            "Assets",
            "Owner",
            "E-mail",
            "Likelihood",
            "Impact",
            "Inherent score",
            "Inherent level",
            "Treatment",
            "Residual likelihood",
            "Residual impact",
            "Residual score",
            "Residual level",
            "Last assessed",
        ],
    );
    for r in &list {
        register.push(vec![
            Value::text(&r.reference),
            Value::text(&r.title),
            Value::text(&r.description),
            Value::text(&r.threat),
            Value::text(&r.vulnerability),
            asset_names(r),
            people.name(r.owner_id),
            people.email(r.owner_id),
            Value::number(r.likelihood),
            Value::number(r.impact),
            Value::number(r.inherent.map(|s| s.value)),
            Value::text(r.inherent.as_ref().map_or("", |s| s.level.label())),
            Value::text(r.treatment.map_or("", Treatment::label)),
            Value::number(r.residual_likelihood),
            Value::number(r.residual_impact),
            Value::number(r.residual.map(|s| s.value)),
            Value::text(r.residual.as_ref().map_or("", |s| s.level.label())),
            Value::date(r.assessed_on),
        ]);
    }
    let method = risks::get_method(conn)?;
    let mut out = vec![
        register,
        risk_parts::actions(&list, people),
        risk_parts::approvals(&list, people),
        method_sheet(method.as_ref()),
    ];
    if let Some(m) = &method {
        out.push(heat_map(INHERENT, &list, m, false));
        out.push(heat_map(RESIDUAL, &list, m, true));
    }
    Ok(out)
}

fn method_sheet(method: Option<&RiskMethod>) -> Sheet {
    let mut sheet = Sheet::new(METHOD, &["Setting", "Value", "Label"]);
    let Some(m) = method else {
        return sheet;
    };
    for (scale, labels) in [
        ("Likelihood", &m.likelihood_labels),
        ("Impact", &m.impact_labels),
    ] {
        for (n, label) in (1u32..).zip(labels.iter()) {
            sheet.push(vec![
                Value::text(scale),
                Value::Number(f64::from(n)),
                Value::text(label),
            ]);
        }
    }
    sheet.push(vec![
        Value::text("Acceptance threshold"),
        Value::Number(f64::from(m.acceptance_threshold)),
        Value::text(format!(
            "A score of {} or less is acceptable",
            m.acceptance_threshold
        )),
    ]);
    sheet.push(vec![
        Value::text("Red threshold"),
        Value::Number(f64::from(m.red_threshold)),
        Value::text(format!(
            "A score of {} or more is red; between the two, amber",
            m.red_threshold
        )),
    ]);
    sheet
}

/// Likelihood down the rows (highest first, as the app draws it), impact across, counts in the
/// cells; a last row counts the risks without both values.
fn heat_map(name: &str, list: &[Risk], m: &RiskMethod, residual: bool) -> Sheet {
    let map = risks::heat_map(list, m, residual);
    let impact_headers: Vec<String> = (1u32..)
        .zip(m.impact_labels.iter())
        .map(|(n, l)| format!("Impact {n} {l}"))
        .collect();
    let mut headers = vec!["Likelihood".to_owned()];
    headers.extend(impact_headers);
    let mut sheet = Sheet {
        name: name.to_owned(),
        headers,
        rows: Vec::new(),
    };
    let width = sheet.headers.len();
    for (i, row) in map.cells.iter().enumerate().rev() {
        let label = m
            .likelihood_labels
            .get(i)
            .map_or_else(String::new, |l| format!("{} {l}", i + 1));
        let mut cells = vec![Value::Text(label)];
        cells.extend(row.iter().map(|c| Value::Number(f64::from(*c))));
        cells.resize(width, Value::Empty);
        sheet.push(cells);
    }
    let mut unscored = vec![
        Value::text(UNSCORED),
        Value::Number(f64::from(map.unscored)),
    ];
    unscored.resize(width, Value::Empty);
    sheet.push(unscored);
    sheet
}
