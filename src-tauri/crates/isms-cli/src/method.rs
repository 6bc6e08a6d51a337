//! `isms method`: the risk method (6.1.2) a vault made by `isms new` lacks until it is set,
//! and which a risk import needs: the common 5×5, or the company's own scale with its labels
//! and thresholds, set through the core's `set_method` (changing it flags, with history, the
//! risks that no longer fit). `--from FILE` reads the levels from a small sheet or CSV:
//!
//! ```text
//! Scale,Level,Label,Meaning
//! Likelihood,1,Rare,Less than once in ten years
//! …
//! Impact,5,Severe,Threatens the business
//! ```

use std::path::PathBuf;

use isms_core::risks::{self, RiskMethod};
use isms_core::{CoreError, FieldError, Result, Stamp, Vault};
use isms_sheets::read::{self, Limits};

/// What `isms method set` was given.
#[derive(Debug, Default)]
pub struct Given {
    pub common: bool,
    /// "5x5": likelihood levels × impact levels.
    pub size: Option<String>,
    pub likelihood_labels: Option<String>,
    pub impact_labels: Option<String>,
    pub acceptance: Option<u32>,
    pub red: Option<u32>,
    /// A sheet or CSV of the levels: scale, level, label, meaning.
    pub from: Option<PathBuf>,
}

/// One scale's levels as a file gives them: (label, meaning), lowest first.
type Levels = Vec<(String, String)>;

/// The likelihood and impact levels of a levels file (scale, level, label, meaning; the
/// header row first, its columns in any order).
///
/// Errors: `NotFound` or `Validation` for the file; `Validation` naming every bad row.
fn levels_file(path: &std::path::Path) -> Result<(Levels, Levels)> {
    let book = read::open(path, None, Limits::default())?;
    let text =
        |row: usize, column: usize| read::cell::trim(&book.cell(row, column).display()).to_owned();
    let headers: Vec<String> = (0..book.width())
        .map(|c| text(0, c).to_lowercase())
        .collect();
    let at = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
    let (Some(scale), Some(level), Some(label)) = (
        at(&["scale", "axis", "dimension"]),
        at(&["level", "value", "score", "rating"]),
        at(&["label", "name"]),
    ) else {
        return Err(CoreError::validation(vec![FieldError::new(
            "--from",
            format!(
                "{} needs a header row with Scale, Level, Label and (optionally) Meaning.",
                path.display()
            ),
        )]));
    };
    let meaning = at(&["meaning", "definition", "description"]);
    let mut errors = Vec::new();
    let mut found: [Vec<(u32, String, String)>; 2] = [Vec::new(), Vec::new()];
    for row in 1..book.rows.len() {
        let (which, number) = (text(row, scale).to_lowercase(), text(row, level));
        if which.is_empty() && number.is_empty() {
            continue;
        }
        let axis = match which.as_str() {
            "likelihood" | "probability" => 0,
            "impact" | "consequence" | "severity" => 1,
            other => {
                errors.push(FieldError::new(
                    &format!("row {}", row + 1),
                    format!("“{other}” is not a scale: Likelihood or Impact."),
                ));
                continue;
            }
        };
        let Ok(n) = number.parse::<u32>() else {
            errors.push(FieldError::new(
                &format!("row {}", row + 1),
                format!("“{number}” is not a level: a whole number from 1."),
            ));
            continue;
        };
        let said = meaning.map(|m| text(row, m)).unwrap_or_default();
        found[axis].push((n, text(row, label), said));
    }
    let mut out: [Levels; 2] = [Vec::new(), Vec::new()];
    for (axis, levels) in found.iter_mut().enumerate() {
        levels.sort_by_key(|(n, ..)| *n);
        let numbers: Vec<u32> = levels.iter().map(|(n, ..)| *n).collect();
        if numbers != (1..=numbers.len() as u32).collect::<Vec<_>>() {
            errors.push(FieldError::new(
                "--from",
                format!(
                    "The {} levels are {numbers:?}; number them 1, 2, 3 … once each.",
                    ["likelihood", "impact"][axis]
                ),
            ));
        }
        out[axis] = levels.drain(..).map(|(_, l, m)| (l, m)).collect();
    }
    if !errors.is_empty() {
        return Err(CoreError::validation(errors));
    }
    let [likelihood, impact] = out;
    Ok((likelihood, impact))
}

/// The method `given` describes: the common 5×5 with `--common` (any other flag changing it),
/// otherwise every part from its flag.
///
/// Errors: `Validation` naming every flag missing or malformed, and the core's own checks.
pub fn method(given: &Given) -> Result<RiskMethod> {
    let mut errors = Vec::new();
    let from = given.from.as_deref().map(levels_file).transpose()?;
    let mut method = if given.common {
        RiskMethod::default()
    } else {
        let listed = from.is_some();
        for (flag, missing) in [
            ("--size", given.size.is_none() && !listed),
            (
                "--likelihood-labels",
                given.likelihood_labels.is_none() && !listed,
            ),
            ("--impact-labels", given.impact_labels.is_none() && !listed),
            ("--acceptance", given.acceptance.is_none()),
            ("--red", given.red.is_none()),
        ] {
            if missing {
                errors.push(FieldError::new(
                    flag,
                    format!(
                        "{flag} is needed (or --common for the common 5×5 matrix, or --from \
                         FILE for the levels)."
                    ),
                ));
            }
        }
        RiskMethod {
            likelihood_definitions: Vec::new(),
            impact_definitions: Vec::new(),
            ..RiskMethod::default()
        }
    };
    if let Some((likelihood, impact)) = from {
        method.likelihood_levels = likelihood.len() as u32;
        method.impact_levels = impact.len() as u32;
        let meant = |levels: &Levels| -> Vec<String> {
            if levels.iter().all(|(_, m)| m.is_empty()) {
                Vec::new()
            } else {
                levels.iter().map(|(_, m)| m.clone()).collect()
            }
        };
        method.likelihood_definitions = meant(&likelihood);
        method.impact_definitions = meant(&impact);
        method.likelihood_labels = likelihood.into_iter().map(|(l, _)| l).collect();
        method.impact_labels = impact.into_iter().map(|(l, _)| l).collect();
    }
    if let Some(size) = &given.size {
        match parse_size(size) {
            Some((l, i)) => {
                if (l, i) != (method.likelihood_levels, method.impact_levels) {
                    // The common labels and meanings are of the 5×5 only.
                    method.likelihood_definitions.clear();
                    method.impact_definitions.clear();
                }
                method.likelihood_levels = l;
                method.impact_levels = i;
            }
            None => errors.push(FieldError::new(
                "--size",
                format!(
                    "“{size}” is not a size: likelihood levels × impact levels, like 5x5 or 4x3."
                ),
            )),
        }
    }
    if let Some(labels) = &given.likelihood_labels {
        method.likelihood_labels = split(labels);
        method.likelihood_definitions.clear();
    }
    if let Some(labels) = &given.impact_labels {
        method.impact_labels = split(labels);
        method.impact_definitions.clear();
    }
    if let Some(n) = given.acceptance {
        method.acceptance_threshold = n;
    }
    if let Some(n) = given.red {
        method.red_threshold = n;
    }
    if !errors.is_empty() {
        return Err(CoreError::validation(errors));
    }
    let counts = [
        (
            "likelihood_labels",
            method.likelihood_labels.len(),
            method.likelihood_levels,
        ),
        (
            "impact_labels",
            method.impact_labels.len(),
            method.impact_levels,
        ),
    ];
    method.validated().map_err(|e| {
        // The core names its fields; the command line names its flags.
        let fields = e
            .fields
            .into_iter()
            .map(|f| {
                let mut message = f.message;
                if let Some((_, given, levels)) = counts.iter().find(|(n, ..)| *n == f.field) {
                    message.push_str(&format!(" {given} given for {levels} levels."));
                }
                FieldError::new(&flag_of(&f.field), message)
            })
            .collect();
        CoreError::validation(fields)
    })
}

/// Sets the method; returns how many risks were flagged for review.
pub fn set(vault: &mut Vault, stamp: Stamp, method: RiskMethod) -> Result<usize> {
    risks::set_method(vault, stamp, method)
}

/// The method as lines for the terminal, or how to set one.
pub fn describe(method: Option<&RiskMethod>) -> String {
    let Some(m) = method else {
        return "No risk method is set yet; set one with `isms method set VAULT --common` (the \
                common 5×5) or with --size, --likelihood-labels, --impact-labels, --acceptance \
                and --red.\n"
            .to_owned();
    };
    let mut out = format!(
        "Matrix       {}×{} (likelihood × impact, scores 1–{})\n\
         Acceptable   a score of {} or less\n\
         Red          a score of {} or more\n",
        m.likelihood_levels,
        m.impact_levels,
        m.max_score(),
        m.acceptance_threshold,
        m.red_threshold
    );
    for (name, labels, meanings) in [
        (
            "Likelihood",
            &m.likelihood_labels,
            &m.likelihood_definitions,
        ),
        ("Impact", &m.impact_labels, &m.impact_definitions),
    ] {
        out.push_str(&format!("{name}\n"));
        for (i, label) in labels.iter().enumerate() {
            match meanings.get(i).filter(|d| !d.is_empty()) {
                Some(d) => out.push_str(&format!("  {} {label}: {d}\n", i + 1)),
                None => out.push_str(&format!("  {} {label}\n", i + 1)),
            }
        }
    }
    out
}

/// "5x5", "5×5", "5 x 4" → (5, 5), (5, 4).
fn parse_size(text: &str) -> Option<(u32, u32)> {
    let lower = text.to_lowercase().replace('×', "x");
    let (l, i) = lower.split_once('x')?;
    Some((l.trim().parse().ok()?, i.trim().parse().ok()?))
}

/// "Rare, Unlikely, Possible" → the labels, lowest first; `;` or `|` separate them too.
fn split(text: &str) -> Vec<String> {
    let sep = if text.contains(';') {
        ';'
    } else if text.contains('|') {
        '|'
    } else {
        ','
    };
    text.split(sep)
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

fn flag_of(field: &str) -> String {
    match field {
        "likelihood_levels" | "impact_levels" => "--size",
        "likelihood_labels" => "--likelihood-labels",
        "impact_labels" => "--impact-labels",
        "acceptance_threshold" => "--acceptance",
        "red_threshold" => "--red",
        other => other,
    }
    .to_owned()
}
