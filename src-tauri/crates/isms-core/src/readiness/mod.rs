//! Readiness: the rules of `domain.md` ("Readiness rules") that stand between the company and a
//! Stage 1 or Stage 2 pass, each evaluated to pass, fail, warning or not applicable with a
//! one-line finding, the records at fault and what to do about them. The engine is a pure
//! function of a [`View`] (the vault as of the evaluation day, loaded once by [`View::load`]):
//! no rule runs SQL, reads a clock or sees a fact dated after the day. A stage is ready when no
//! rule fails.

mod clauses;
mod competence;
mod index;
mod monitoring;
mod operation;
pub(crate) mod records;
mod registers;
mod stage1;
mod stage2;
mod verdict;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

pub use crate::view::{Facts, View};
pub(crate) use verdict::listing;
pub use verdict::{RecordKind, RecordRef, RuleResult, RuleStatus};

/// A stage of the certification audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Stage 1: the documentation review.
    One,
    /// Stage 2: the audit of the ISMS in operation.
    Two,
}

impl Stage {
    pub fn number(self) -> u8 {
        match self {
            Stage::One => 1,
            Stage::Two => 2,
        }
    }

    /// Stage 1 or 2 from its number.
    pub fn from_number(n: u8) -> Option<Self> {
        match n {
            1 => Some(Stage::One),
            2 => Some(Stage::Two),
            _ => None,
        }
    }
}

/// The readiness of one stage as of a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "ReadinessReport")]
pub struct Report {
    /// 1 or 2.
    pub stage: u8,
    pub as_of: NaiveDate,
    /// No rule fails.
    pub ready: bool,
    pub rules: Vec<RuleResult>,
}

impl Report {
    /// How many rules have `status`.
    pub fn count(&self, status: RuleStatus) -> usize {
        self.rules.iter().filter(|r| r.status == status).count()
    }

    /// The result of rule `id`, if this stage has it.
    pub fn rule(&self, id: &str) -> Option<&RuleResult> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// Evaluates every rule of `stage` on the vault as `view` shows it on its day.
pub fn evaluate(view: &View, stage: Stage) -> Report {
    let index = index::Index::new(view);
    let facts = view.facts();
    let coverage = crate::coverage::of(view);
    let rules = match stage {
        Stage::One => {
            let mut rules = stage1::rules(facts, &index);
            rules.push(competence::rule(facts, &index));
            rules.push(monitoring::stage1(facts));
            rules.push(registers::requirements(facts, &index));
            rules.push(clauses::stage1(&coverage));
            rules
        }
        Stage::Two => {
            let mut rules = stage2::rules(facts, &index);
            rules.push(monitoring::stage2(facts, &index));
            rules.push(registers::suppliers(facts, &index));
            rules.push(registers::incidents(facts, &index));
            rules.push(clauses::stage2(&coverage));
            rules
        }
    };
    Report {
        stage: stage.number(),
        as_of: view.day(),
        ready: rules.iter().all(|r| r.status != RuleStatus::Fail),
        rules,
    }
}

/// Loads the vault's records and evaluates `stage` as of `as_of`.
pub fn evaluate_vault(conn: &Connection, stage: Stage, as_of: NaiveDate) -> Result<Report> {
    Ok(evaluate(&View::load(conn, as_of)?, stage))
}
