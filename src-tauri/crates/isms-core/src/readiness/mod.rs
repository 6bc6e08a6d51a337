//! Readiness: the rules of `domain.md` ("Readiness rules") that stand between the company and a
//! Stage 1 or Stage 2 pass, each evaluated to pass, fail, warning or not applicable with a
//! one-line finding, the records at fault and what to do about them. The engine is a pure
//! function of [`Facts`] (everything the rules read, loaded once by [`Facts::load`]) and an
//! evaluation date: no rule runs SQL or reads a clock. A stage is ready when no rule fails.

mod facts;
mod operation;
mod records;
mod stage1;
mod stage2;
mod verdict;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

pub use facts::Facts;
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

/// Evaluates every rule of `stage` on `facts` as of `as_of`.
pub fn evaluate(facts: &Facts, stage: Stage, as_of: NaiveDate) -> Report {
    let index = facts::Index::new(facts, as_of);
    let rules = match stage {
        Stage::One => stage1::rules(facts, &index),
        Stage::Two => stage2::rules(facts, &index),
    };
    Report {
        stage: stage.number(),
        as_of,
        ready: rules.iter().all(|r| r.status != RuleStatus::Fail),
        rules,
    }
}

/// Loads the vault's records and evaluates `stage` as of `as_of`.
pub fn evaluate_vault(conn: &Connection, stage: Stage, as_of: NaiveDate) -> Result<Report> {
    Ok(evaluate(&Facts::load(conn)?, stage, as_of))
}
