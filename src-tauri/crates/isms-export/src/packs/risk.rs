//! The risk sections the stage1 and stage2 packs share (6.1.2, 6.1.3, 8.2, 8.3): the method
//! (each scale's levels with their labels and meanings, thresholds), the register with the day
//! each risk was last assessed and its inherent and residual (as planned) heat maps, and the
//! treatment plan with the evidence of the actions done and the owners' approvals. Heat-map
//! counts come from `isms_core::risks::heat_map` over the same risks as the register's rows, so
//! they always add up to the register. Risks sort by reference, actions in their plan's order.

use chrono::Months;
use isms_core::Vocabulary;
use isms_core::documents::Document;
use isms_core::risks::{self, ActionStatus, Risk, RiskMethod};

use super::records::{
    Records, action_status, by_reference, date, in_force, list, or_dash, score_cell, treatment,
};
use crate::model::{Block, Cell, Column, Fact, HeatMap, Section, Table, Tone};

/// Risks sorted by reference.
pub(crate) fn sorted(r: &Records) -> Vec<&Risk> {
    let mut risks: Vec<&Risk> = r.facts.risks.iter().collect();
    risks.sort_by(|a, b| by_reference(&a.reference, &b.reference).then(a.id.cmp(&b.id)));
    risks
}

/// The documents in force that provide the documented information of `clause`.
fn documented_in(r: &Records, clause: &str) -> Vec<String> {
    let mut docs: Vec<&Document> = r
        .facts
        .documents
        .iter()
        .filter(|d| d.mandatory_items.iter().any(|m| m == clause))
        .filter(|d| in_force(d, r.as_of).is_some())
        .collect();
    docs.sort_by(|a, b| by_reference(&a.reference, &b.reference));
    docs.iter()
        .map(|d| format!("{} {}", d.reference, d.title))
        .collect()
}

pub(crate) fn method(r: &Records) -> Section {
    let Some(m) = &r.facts.method else {
        return Section {
            title: "Risk assessment method".into(),
            blocks: vec![Block::Note("No risk method is set.".into())],
        };
    };
    Section {
        title: "Risk assessment method".into(),
        blocks: vec![
            Block::Facts(vec![
                Fact::new(
                    "Matrix",
                    format!(
                        "{} × {} (likelihood × impact); score = likelihood × impact, at most {}",
                        m.likelihood_levels,
                        m.impact_levels,
                        m.max_score()
                    ),
                ),
                Fact::new(
                    "Acceptance threshold",
                    format!(
                        "a score of {} or less is acceptable",
                        m.acceptance_threshold
                    ),
                ),
                Fact::new(
                    "Red threshold",
                    format!(
                        "a score of {} or more is a red risk; between the two, amber",
                        m.red_threshold
                    ),
                ),
                Fact::new("Documented in", list(&documented_in(r, "6.1.2"))),
            ]),
            Block::Heading("Likelihood scale".into()),
            scale(&m.likelihood_labels, &m.likelihood_definitions),
            Block::Heading("Impact scale".into()),
            scale(&m.impact_labels, &m.impact_definitions),
        ],
    }
}

/// One scale of the method: each level's number, label and what it means.
fn scale(labels: &[String], definitions: &[String]) -> Block {
    Block::Table(Table {
        columns: vec![
            Column::new("Level", 0.6),
            Column::new("Label", 1.6),
            Column::new("What it means", 6.0),
        ],
        rows: labels
            .iter()
            .enumerate()
            .map(|(i, label)| {
                let meaning = definitions
                    .get(i)
                    .filter(|d| !d.trim().is_empty())
                    .map_or_else(
                        || Cell::status("Not defined in the method", Tone::Warning),
                        |d| Cell::text(d.trim()),
                    );
                vec![Cell::bold((i + 1).to_string()), Cell::text(label), meaning]
            })
            .collect(),
    })
}

/// The heat map of every risk of the register (the same risks as its rows).
fn heat_map(r: &Records, m: &RiskMethod, residual: bool) -> (HeatMap, u32) {
    let map = risks::heat_map(&r.facts.risks, m, residual);
    let title = if residual {
        "Residual risk, as planned"
    } else {
        "Inherent risk (before treatment)"
    };
    (
        HeatMap {
            title: title.into(),
            likelihood_labels: m.likelihood_labels.clone(),
            impact_labels: m.impact_labels.clone(),
            counts: map.cells,
            acceptance_threshold: m.acceptance_threshold,
            red_threshold: m.red_threshold,
        },
        map.unscored,
    )
}

/// Risks are reassessed at planned intervals (8.2): at least once a year.
const REASSESS_MONTHS: u32 = 12;

/// The day a risk was last assessed; flagged when never, or more than a year before the
/// evaluation date.
fn assessed(r: &Records, x: &Risk) -> Cell {
    match x.assessed_on {
        None => Cell::status("Not yet", Tone::Warning),
        Some(day)
            if day
                .checked_add_months(Months::new(REASSESS_MONTHS))
                .is_some_and(|due| due < r.as_of) =>
        {
            Cell::status(date(Some(day)), Tone::Warning)
        }
        Some(day) => Cell::text(date(Some(day))),
    }
}

/// How many risks have every treatment action done on the evaluation date: the residual map
/// shows where the plan leads, which is reached once its actions are done.
fn plan_done(r: &Records, risks: &[&Risk]) -> String {
    let with_actions: Vec<&&Risk> = risks.iter().filter(|x| !x.actions.is_empty()).collect();
    let done = with_actions
        .iter()
        .filter(|x| {
            x.actions.iter().all(|a| {
                a.status == ActionStatus::Done && a.done_date.is_some_and(|d| d <= r.as_of)
            })
        })
        .count();
    format!(
        "The residual map places each risk where its treatment plan leads. On {}, {done} of the {} risks with treatment actions have every action done; the others are on their way there.",
        super::records::long_date(r.as_of),
        with_actions.len()
    )
}

pub(crate) fn register(r: &Records) -> Section {
    let risks = sorted(r);
    let mut blocks = Vec::new();
    if risks.is_empty() {
        blocks.push(Block::Note("No risk is recorded.".into()));
    }
    if let (Some(m), false) = (&r.facts.method, risks.is_empty()) {
        for residual in [false, true] {
            let (map, unscored) = heat_map(r, m, residual);
            blocks.push(Block::HeatMap(map));
            if residual {
                blocks.push(Block::Note(plan_done(r, &risks)));
            }
            if unscored > 0 {
                blocks.push(Block::Note(format!(
                    "{unscored} of {} risks have no {} likelihood and impact and are not in this map.",
                    risks.len(),
                    if residual { "residual" } else { "inherent" }
                )));
            }
        }
    }
    if !risks.is_empty() {
        blocks.push(Block::Heading(format!(
            "The register ({} risks)",
            risks.len()
        )));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Ref", 0.7),
                Column::new("Risk", 2.7),
                Column::new("Owner", 1.25),
                Column::new("Inherent", 1.25),
                Column::new("Treatment", 1.0),
                Column::new("Residual", 1.25),
                Column::new("Assessed", 1.0),
            ],
            rows: risks
                .iter()
                .map(|x| {
                    vec![
                        Cell::bold(&x.reference),
                        Cell::text(&x.title),
                        Cell::text(r.name(x.owner_id)),
                        score_cell(x.likelihood, x.impact, x.inherent.as_ref()),
                        Cell::text(treatment(x.treatment)),
                        score_cell(
                            x.residual_likelihood,
                            x.residual_impact,
                            x.residual.as_ref(),
                        ),
                        assessed(r, x),
                    ]
                })
                .collect(),
        }));
        blocks.push(Block::Heading(
            "Descriptions, threats and vulnerabilities".into(),
        ));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Ref", 0.7),
                Column::new("Description", 3.6).clipped(6),
                Column::new("Threat", 2.4).clipped(6),
                Column::new("Vulnerability", 2.4).clipped(6),
            ],
            rows: risks
                .iter()
                .map(|x| {
                    vec![
                        Cell::bold(&x.reference),
                        Cell::text(or_dash(&x.description)),
                        Cell::text(or_dash(&x.threat)),
                        Cell::text(or_dash(&x.vulnerability)),
                    ]
                })
                .collect(),
        }));
    }
    Section {
        title: "Risk register".into(),
        blocks,
    }
}

pub(crate) fn treatment_plan(r: &Records) -> Section {
    let risks = sorted(r);
    let actions: Vec<Vec<Cell>> = risks
        .iter()
        .flat_map(|x| {
            x.actions.iter().map(|a| {
                vec![
                    Cell::bold(&x.reference),
                    Cell::text(&a.title),
                    Cell::text(r.name(a.owner_id)),
                    Cell::text(date(a.due_date)),
                    action_status(a.status, a.due_date, r.as_of),
                    Cell::text(date(a.done_date)),
                    Cell::text(list(&a.controls)),
                ]
            })
        })
        .collect();
    let mut blocks = vec![Block::Note(format!(
        "Every treatment action of the register: who does it, by when, and the Annex A controls it implements. Documented in: {}.",
        list(&documented_in(r, "6.1.3"))
    ))];
    if actions.is_empty() {
        blocks.push(Block::Note("No treatment action is recorded.".into()));
    } else {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Risk", 0.7),
                Column::new("Action", 3.0),
                Column::new("Owner", 1.4),
                Column::new("Due", 1.0),
                Column::new("Status", 1.0),
                Column::new("Done", 1.0),
                Column::new("Controls", 1.2),
            ],
            rows: actions,
        }));
    }
    blocks.extend(treatment_evidence(r, &risks));
    blocks.push(Block::Heading("Risk owners' approvals (6.1.3 f)".into()));
    blocks.push(Block::Note(
        "A risk owner approves the treatment plan and accepts the residual risk; an approval is void once the risk changes materially (its scores, decision, owner or plan).".into(),
    ));
    let approvals: Vec<Vec<Cell>> = risks
        .iter()
        .flat_map(|x| {
            let mut list: Vec<_> = x.approvals.iter().collect();
            list.sort_by_key(|a| (a.approved_on, a.id));
            list.into_iter().map(|a| {
                vec![
                    Cell::bold(&x.reference),
                    Cell::text(a.kind.label()),
                    Cell::text(r.name(Some(a.person_id))),
                    Cell::text(date(Some(a.approved_on))),
                    if a.void {
                        Cell::status("Void", Tone::Bad)
                    } else {
                        Cell::status("Current", Tone::Good)
                    },
                    Cell::text(or_dash(&a.note)),
                ]
            })
        })
        .collect();
    if approvals.is_empty() {
        blocks.push(Block::Note("No approval is recorded.".into()));
    } else {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Risk", 0.7),
                Column::new("Approval", 1.8),
                Column::new("Approved by", 1.6),
                Column::new("On", 1.0),
                Column::new("Standing", 0.9),
                Column::new("Note", 2.8).clipped(3),
            ],
            rows: approvals,
        }));
    }
    Section {
        title: "Risk treatment plan".into(),
        blocks,
    }
}

/// The files each risk's done actions rest on: those linked to the risk, by their path in the
/// pack's bundle ([`super::files`]), one row per risk with an action done.
fn treatment_evidence(r: &Records, risks: &[&Risk]) -> Vec<Block> {
    let rows: Vec<Vec<Cell>> = risks
        .iter()
        .filter_map(|x| {
            let done: Vec<String> = x
                .actions
                .iter()
                .filter(|a| a.status == ActionStatus::Done)
                .map(|a| format!("{} ({})", a.title, date(a.done_date)))
                .collect();
            (!done.is_empty()).then(|| {
                vec![
                    Cell::bold(&x.reference),
                    Cell::text(done.join("\n")),
                    Cell::text(r.files_cell(
                        &x.reference,
                        r.linked_files(&x.reference),
                        "No file linked to the risk",
                    )),
                ]
            })
        })
        .collect();
    if rows.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Heading("Evidence of the treatment done (8.3)".into()),
        Block::Note("For each risk with an action done by the pack's day, the files linked to the risk, by their path in the pack's bundle and the start of their SHA-256.".into()),
        Block::Table(Table {
            columns: vec![
                Column::new("Risk", 0.7),
                Column::new("Actions done", 3.2),
                Column::new("Files in the bundle", 4.6),
            ],
            rows,
        }),
    ]
}
