//! The readiness result as a section of the stage1 and stage2 packs: the verdict in words, then
//! every rule of the stage with its clause, status and one-line finding, in the engine's order,
//! and for the rules that do not pass the records at fault (by reference; people by name) and
//! what to do. The gap report (the `gaps` pack) goes further; this is the auditor's summary of
//! where the ISMS stands.

use isms_core::readiness::{self, RecordKind, Report, RuleStatus, Stage};

use super::records::{Records, long_date, rule_status};
use crate::model::{Block, Cell, Column, Section, Table};

/// The readiness of `stage` on the records' evaluation date; evaluated once per stage, as a
/// pack is built twice ([`super::files`]).
pub(crate) fn report(records: &Records, stage: Stage) -> Report {
    let mut reports = records.reports.borrow_mut();
    if let Some((_, report)) = reports.iter().find(|(s, _)| *s == stage) {
        return report.clone();
    }
    let report = readiness::evaluate(&records.facts, stage);
    reports.push((stage, report.clone()));
    report
}

/// The verdict in one sentence: "Ready for Stage 1 on 15 June 2026: …".
pub(crate) fn verdict(report: &Report) -> String {
    let (fail, warn, pass) = (
        report.count(RuleStatus::Fail),
        report.count(RuleStatus::Warning),
        report.count(RuleStatus::Pass),
    );
    let on = long_date(report.as_of);
    let tally = format!(
        "{pass} of {} rules pass, {warn} with a warning, {fail} failing",
        report.rules.len()
    );
    if report.ready {
        format!(
            "Ready for Stage {} on {on}: no rule fails ({tally}).",
            report.stage
        )
    } else {
        format!("Not ready for Stage {} on {on}: {tally}.", report.stage)
    }
}

pub(crate) fn section(report: &Report) -> Section {
    let mut blocks = vec![
        Block::Paragraph(verdict(report)),
        Block::Note(format!(
            "ISMS Desk evaluates each readiness rule of Stage {} against the records in this pack as of the evaluation date. A stage is ready when no rule fails; warnings are worth an answer before the audit.",
            report.stage
        )),
    ];
    let rows = report
        .rules
        .iter()
        .map(|r| {
            vec![
                Cell::bold(&r.id),
                Cell::text(&r.clause),
                rule_status(r.status),
                Cell::text(&r.finding),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("Rule", 1.3),
            Column::new("Clause", 0.7),
            Column::new("Status", 1.0),
            Column::new("Finding", 5.0),
        ],
        rows,
    }));
    let open: Vec<_> = report
        .rules
        .iter()
        .filter(|r| matches!(r.status, RuleStatus::Fail | RuleStatus::Warning))
        .collect();
    if !open.is_empty() {
        blocks.push(Block::Heading("Records at fault and what to do".into()));
        let rows = open
            .iter()
            .map(|r| {
                let records: Vec<String> = r
                    .records
                    .iter()
                    .map(|x| match x.kind {
                        RecordKind::Person => x.title.clone(),
                        _ if x.reference.trim().is_empty() => x.title.clone(),
                        _ => x.reference.clone(),
                    })
                    .collect();
                vec![
                    Cell::bold(&r.id),
                    Cell::text(super::records::list(&records)),
                    Cell::text(&r.fix),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Rule", 1.3),
                Column::new("Records at fault", 3.0).clipped(6),
                Column::new("What to do", 3.7).clipped(6),
            ],
            rows,
        }));
    }
    Section {
        title: format!("Stage {} readiness", report.stage),
        blocks,
    }
}
