//! The vault as an auditor standing on a day D would see it (`domain.md`, "As of a day"): the
//! one place where "as of D" is decided. [`View::load`] reads every record the readiness rules,
//! the clause coverage, the computed measures and the packs need ([`Facts`]), then
//! [`restrict`](asof) takes out or rolls back everything dated after D: document and SoA
//! versions by approval date, acknowledgements, treatment actions by done date, tracker items
//! by raising and closure (notes and effectiveness reviews likewise), audits by completion,
//! reviews by the day held, changes by decision and implementation, training completions,
//! competence evidence, measure results, risk approvals, role assignments and evidence files by
//! their effective date.
//!
//! Invariant: a [`View`] can only be made through [`View::new`] or [`View::load`], both of which
//! restrict, so a consumer holding a view cannot reach a fact dated after its day. People stay
//! (whether someone is active is judged on the day by [`crate::people::Person::is_active`]).
//! What is deliberately not rolled back: the current text of a record (a risk's scores, an SoA
//! entry's decision) whose past state only the history holds.

mod asof;
mod facts;

use std::ops::Deref;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;

pub(crate) use asof::tracker_item;
pub use facts::Facts;

/// The vault's facts as of one day.
#[derive(Debug, Clone)]
pub struct View {
    facts: Facts,
    day: NaiveDate,
}

impl View {
    /// Restricts `facts` to what had happened on `day`.
    pub fn new(mut facts: Facts, day: NaiveDate) -> Self {
        asof::restrict(&mut facts, day);
        Self { facts, day }
    }

    /// Reads the vault and restricts it to `day`.
    pub fn load(conn: &Connection, day: NaiveDate) -> Result<Self> {
        Ok(Self::new(Facts::load(conn)?, day))
    }

    /// The day the view is as of.
    pub fn day(&self) -> NaiveDate {
        self.day
    }

    pub fn facts(&self) -> &Facts {
        &self.facts
    }
}

impl Deref for View {
    type Target = Facts;

    fn deref(&self) -> &Facts {
        &self.facts
    }
}
