//! Monitoring and measurement (9.1) in the stage packs: every measure as 9.1 a)–f) asks (what
//! is monitored, the method, how often, who measures, who evaluates, the target), and in the
//! stage2 pack each measure's results up to the pack's day: a line chart against its target,
//! then every result with whether it met the target, its evaluation and its follow-up.

use isms_core::Vocabulary;
use isms_core::measures::{Measure, with_unit};

use super::records::{Records, date, list, long_date, or_dash};
use crate::model::{Block, Cell, ChartPoint, Column, LineChart, Section, Table, Tone};

fn target(m: &Measure) -> String {
    let t = m.target_text();
    if t.is_empty() { "No target".into() } else { t }
}

/// The section; `operation` (the stage2 pack) adds the results.
pub(crate) fn section(r: &Records, operation: bool) -> Section {
    let f = &r.facts;
    let mut measures: Vec<&Measure> = f.measures.iter().collect();
    measures.sort_by(|a, b| super::records::by_reference(&a.reference, &b.reference));
    let mut blocks = Vec::new();
    if measures.is_empty() {
        blocks.push(Block::Note(format!(
            "No measure of monitoring and measurement is defined on {}.",
            long_date(r.as_of)
        )));
        return Section {
            title: "Monitoring and measurement".into(),
            blocks,
        };
    }
    blocks.push(Block::Note(
        "What the ISMS monitors and measures (9.1 a\u{2013}e): what, by which method, how often, who measures and who evaluates, against which target.".into(),
    ));
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("Ref", 0.6),
            Column::new("Measure", 1.6),
            Column::new("What is monitored", 1.8).clipped(8),
            Column::new("Method", 2.0).clipped(8),
            Column::new("Frequency", 0.8),
            Column::new("Measured by", 1.0),
            Column::new("Evaluated by", 1.0),
            Column::new("Target", 0.8),
        ],
        rows: measures
            .iter()
            .map(|m| {
                vec![
                    Cell::bold(&m.reference),
                    Cell::text(&m.title),
                    Cell::text(or_dash(&m.monitored)),
                    Cell::text(or_dash(&m.method)),
                    Cell::text(m.frequency.label()),
                    Cell::text(r.name(m.measured_by)),
                    Cell::text(r.name(m.evaluated_by)),
                    Cell::text(target(m)),
                ]
            })
            .collect(),
    }));
    if !operation {
        return Section {
            title: "Monitoring and measurement".into(),
            blocks,
        };
    }
    for m in measures {
        let mut results: Vec<_> = f.results.iter().filter(|x| x.measure_id == m.id).collect();
        results.sort_by_key(|x| (x.measured_on, x.id));
        blocks.push(Block::Heading(format!("{} {}", m.reference, m.title)));
        if results.is_empty() {
            blocks.push(Block::Note(format!(
                "No result recorded by {}.",
                long_date(r.as_of)
            )));
            continue;
        }
        blocks.push(Block::Chart(LineChart {
            title: "Results over time, against the target".into(),
            unit: m.unit.clone(),
            points: results
                .iter()
                .map(|x| ChartPoint {
                    label: x.measured_on.format("%d %b %y").to_string(),
                    value: x.value,
                    met: x.target_met,
                })
                .collect(),
            target: m.target.map(|t| (t, format!("Target {}", target(m)))),
        }));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Measured", 0.9),
                Column::new("Value", 0.8),
                Column::new("Target", 0.8),
                Column::new("Evaluation", 3.0).clipped(4),
                Column::new("Follow-up", 2.2).clipped(4),
            ],
            rows: results
                .iter()
                .map(|x| {
                    let follow = match x.tracker_item_id {
                        Some(id) => f
                            .tracker
                            .iter()
                            .find(|i| i.id == id)
                            .map_or_else(|| format!("Tracker item #{id}"), |i| i.reference.clone()),
                        None => or_dash(&x.follow_up),
                    };
                    vec![
                        Cell::text(date(Some(x.measured_on))),
                        Cell::bold(with_unit(x.value, &m.unit)),
                        if x.target_met {
                            Cell::status("Met", Tone::Good)
                        } else {
                            Cell::status("Missed", Tone::Bad)
                        },
                        Cell::text(or_dash(&x.evaluation)),
                        Cell::text(follow),
                    ]
                })
                .collect(),
        }));
        let objectives: Vec<String> = f
            .objectives
            .iter()
            .filter(|o| m.objective_ids.contains(&o.id))
            .map(|o| o.title.clone())
            .collect();
        if !objectives.is_empty() {
            blocks.push(Block::Note(format!(
                "Measures the objective {}.",
                list(&objectives)
            )));
        }
    }
    Section {
        title: "Monitoring and measurement".into(),
        blocks,
    }
}
