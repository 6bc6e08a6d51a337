//! The readiness gap report for one stage: the verdict first, then every failing rule and every
//! warning with its clause, finding, the records at fault (as a table, so the owner can work
//! through them) and how to fix them, then the rules that pass and those that do not apply,
//! briefly. The rules are the readiness engine's (`isms_core::readiness`), evaluated on the
//! vault as of the evaluation date; this file only says them.

use chrono::NaiveDate;
use isms_core::readiness::{self, RecordKind, Report, RuleResult, RuleStatus, Stage};
use isms_core::{Vault, Vocabulary, organisation};

use super::{CONFIDENTIALITY, generated_by, records};
use crate::error::Result;
use crate::model::{Block, Cell, Column, Fact, Pack, Section, Table};
use crate::pdf::long_date;

pub(crate) fn build(vault: &Vault, stage: Stage, as_of: NaiveDate) -> Result<Pack> {
    let conn = vault.reader();
    let org = organisation::get(conn)?;
    let report = readiness::evaluate_vault(conn, stage, as_of)?;
    let n = stage.number();
    let audit_day = match stage {
        Stage::One => org.stage1_date,
        Stage::Two => org.stage2_target,
    };

    let mut cover = vec![
        Fact::new("Verdict", verdict(&report)),
        Fact::new("Rules", tally(&report)),
    ];
    if let Some(day) = audit_day {
        let days = (day - as_of).num_days();
        let when = match days {
            0 => "today".to_owned(),
            1 => "tomorrow".to_owned(),
            d if d > 1 => format!("in {d} days"),
            d => format!("{} days ago", -d),
        };
        cover.push(Fact::new(
            format!("Stage {n} audit"),
            format!("{} ({when})", long_date(day)),
        ));
    }
    if !org.certification_body.trim().is_empty() {
        cover.push(Fact::new(
            "Certification body",
            org.certification_body.trim(),
        ));
    }

    let sections = vec![
        verdict_section(&report),
        rules_section(&report, RuleStatus::Fail),
        rules_section(&report, RuleStatus::Warning),
        passing_section(&report),
    ];
    Ok(Pack {
        title: format!("Stage {n} readiness gap report"),
        company: org.name,
        confidentiality: CONFIDENTIALITY.to_owned(),
        as_of,
        version: generated_by(),
        cover,
        sections,
        evidence_sha256: None,
    })
}

fn verdict(report: &Report) -> String {
    let fail = report.count(RuleStatus::Fail);
    if report.ready {
        format!("Ready for Stage {}: no rule fails", report.stage)
    } else {
        format!(
            "Not ready for Stage {}: {fail} rule{} fail{}",
            report.stage,
            if fail == 1 { "" } else { "s" },
            if fail == 1 { "s" } else { "" }
        )
    }
}

fn tally(report: &Report) -> String {
    format!(
        "{} in all: {} failing, {} with a warning, {} passing, {} not applicable",
        report.rules.len(),
        report.count(RuleStatus::Fail),
        report.count(RuleStatus::Warning),
        report.count(RuleStatus::Pass),
        report.count(RuleStatus::NotApplicable)
    )
}

fn verdict_section(report: &Report) -> Section {
    let mut blocks = vec![
        Block::Paragraph(format!(
            "{} as of {}. A stage is ready when no rule fails; a warning does not stop the audit but is worth an answer before it.",
            verdict(report),
            long_date(report.as_of)
        )),
        Block::Facts(vec![
            Fact::new("Failing", report.count(RuleStatus::Fail).to_string()),
            Fact::new("Warnings", report.count(RuleStatus::Warning).to_string()),
            Fact::new("Passing", report.count(RuleStatus::Pass).to_string()),
            Fact::new(
                "Not applicable",
                report.count(RuleStatus::NotApplicable).to_string(),
            ),
        ]),
    ];
    let open: Vec<Vec<Cell>> = report
        .rules
        .iter()
        .filter(|r| matches!(r.status, RuleStatus::Fail | RuleStatus::Warning))
        .map(|r| {
            vec![
                Cell::bold(&r.id),
                Cell::text(&r.clause),
                records::rule_status(r.status),
                Cell::text(&r.finding),
            ]
        })
        .collect();
    if open.is_empty() {
        blocks.push(Block::Note(
            "Every rule passes or does not apply: nothing stands between the ISMS and this stage."
                .to_owned(),
        ));
    } else {
        blocks.push(Block::Heading("What stands in the way".to_owned()));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Rule", 1.4),
                Column::new("Clause", 0.8),
                Column::new("Status", 1.1),
                Column::new("Finding", 5.0).clipped(5),
            ],
            rows: open,
        }));
    }
    Section {
        title: "Verdict".to_owned(),
        blocks,
    }
}

/// Every rule with `status` in detail: one heading per rule.
fn rules_section(report: &Report, status: RuleStatus) -> Section {
    let (title, none) = match status {
        RuleStatus::Fail => ("Failing rules", "No rule fails."),
        _ => ("Warnings", "No rule gives a warning."),
    };
    let rules: Vec<&RuleResult> = report.rules.iter().filter(|r| r.status == status).collect();
    let mut blocks = Vec::new();
    if rules.is_empty() {
        blocks.push(Block::Note(none.to_owned()));
    }
    for rule in rules {
        blocks.push(Block::Heading(format!(
            "{} \u{b7} clause {}",
            rule.id, rule.clause
        )));
        let fix = if rule.fix.trim().is_empty() {
            "\u{2014}".to_owned()
        } else {
            rule.fix.trim().to_owned()
        };
        blocks.push(Block::Facts(vec![
            Fact::new("Finding", rule.finding.trim()),
            Fact::new("How to fix", fix),
        ]));
        if !rule.records.is_empty() {
            let rows = rule
                .records
                .iter()
                .map(|r| {
                    // A person is known by name; the e-mail (their reference) goes beside it.
                    let (reference, title) = if r.kind == RecordKind::Person {
                        (&r.title, &r.reference)
                    } else {
                        (&r.reference, &r.title)
                    };
                    vec![
                        Cell::text(r.kind.label()),
                        Cell::bold(reference),
                        Cell::text(title),
                    ]
                })
                .collect();
            blocks.push(Block::Table(Table {
                columns: vec![
                    Column::new("Record", 1.3),
                    Column::new("Reference", 1.6),
                    Column::new("Title", 5.0).clipped(3),
                ],
                rows,
            }));
        }
    }
    Section {
        title: title.to_owned(),
        blocks,
    }
}

fn passing_section(report: &Report) -> Section {
    let rows = |status: RuleStatus| -> Vec<Vec<Cell>> {
        report
            .rules
            .iter()
            .filter(|r| r.status == status)
            .map(|r| {
                vec![
                    Cell::bold(&r.id),
                    Cell::text(&r.clause),
                    Cell::text(&r.finding),
                ]
            })
            .collect()
    };
    let columns = || {
        vec![
            Column::new("Rule", 1.4),
            Column::new("Clause", 0.8),
            Column::new("Finding", 6.0).clipped(3),
        ]
    };
    let mut blocks = vec![Block::Table(Table {
        columns: columns(),
        rows: rows(RuleStatus::Pass),
    })];
    let not_applicable = rows(RuleStatus::NotApplicable);
    if !not_applicable.is_empty() {
        blocks.push(Block::Heading("Rules that do not apply".to_owned()));
        blocks.push(Block::Table(Table {
            columns: columns(),
            rows: not_applicable,
        }));
    }
    Section {
        title: "Passing rules".to_owned(),
        blocks,
    }
}
