//! What checking a row gives: its outcome, the change to write ([`Op`]), said in plain words
//! ([`Planned`]), and the checker each kind implements ([`Planner`]), with the sheets read
//! beside a register ([`PartSheets`]).

use isms_core::{FieldError, Result};

use super::check::{self, Check};
use super::{registers, risks};
use crate::read::Parts;

/// What one row does to its record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Create,
    Update,
    Unchanged,
    /// A row that states a status rather than a record (an acknowledgement still missing):
    /// read and reported, never written.
    Skipped,
}

/// A checked record, ready to write.
pub(crate) enum Op {
    Risk(Box<isms_core::risks::Risk>),
    Soa(Box<isms_core::soa::SoaEntry>),
    Person(Box<isms_core::people::Person>),
    Asset(Box<isms_core::assets::Asset>),
    /// A tracker item and the progress notes (day, text) the row adds to it.
    Tracker(
        Box<isms_core::tracker::TrackerItem>,
        Vec<(chrono::NaiveDate, String)>,
    ),
    Audit(Box<isms_core::audits::Audit>),
    /// A register entry and the versions it lacks, in the order to add them.
    Document(
        Box<isms_core::documents::Document>,
        Vec<isms_core::documents::DocumentVersion>,
    ),
    /// A piece of competence evidence and the roles its person takes on.
    Competence(
        Box<(
            isms_core::competence::CompetenceEvidence,
            Vec<isms_core::competence::Assignment>,
        )>,
    ),
    /// A measure and the results to append to it, oldest first.
    /// A role holder no row of evidence names (the Role holders sheet).
    Assignment(Box<isms_core::competence::Assignment>),
    Measure(
        Box<isms_core::measures::Measure>,
        Vec<isms_core::measures::NewResult>,
    ),
    Completion(Box<isms_core::training::Completion>),
    Acknowledgement(Box<isms_core::acknowledgements::Acknowledgement>),
    Supplier(Box<registers::SupplierPlan>),
    Incident(Box<isms_core::incidents::Incident>),
    Requirement(Box<isms_core::requirements::Requirement>),
    /// A course rows name, created under the stand-in id it carries.
    Course(Box<isms_core::training::Course>),
    /// An approved version of a document rows name: stand-in id, document, number, day.
    Version(i64, i64, String, chrono::NaiveDate),
    /// Nothing to write (a skipped row).
    Nothing,
    /// A row of a sheet beside the register whose change is written with its record (a risk's
    /// treatment action, saved with the risk).
    WithRecord,
    /// A risk owner's approval, recorded after every risk is written.
    Approval(Box<risks::ApprovalPlan>),
}

/// One row's plan: what it does, to what, said in plain words.
pub(crate) struct Planned {
    pub outcome: Outcome,
    pub op: Op,
    /// What the record is called: "R-004 “Ransomware”", "5.1", "Ann Smith".
    pub what: String,
}

/// A kind's checker: reads the vault once, then one row at a time.
pub(crate) trait Planner {
    /// The row's plan, or `None` when the row has errors (pushed to `check`).
    fn row(&mut self, check: &mut Check<'_>) -> Option<Planned>;

    /// Problems said once for the whole sheet after its last row (a word met on many rows).
    fn finish(&mut self) -> Vec<FieldError> {
        Vec::new()
    }
    /// Once every row is checked: the records the rows need that the import creates before
    /// them (courses, document versions), each with a stand-in id (below 0) rows refer to.
    fn created(&mut self) -> Vec<Planned> {
        Vec::new()
    }
    /// Once every row is checked: the rows of the sheets read with this one (a risk
    /// register's actions and approvals), which may change the records the rows plan.
    fn parts(&mut self, _planned: &mut [Planned], _sheets: &mut PartSheets<'_>) -> Result<()> {
        Ok(())
    }
}

/// The sheets read with the register, and what checking their rows found.
pub(crate) struct PartSheets<'a> {
    pub parts: &'a Parts,
    pub errors: &'a mut Vec<FieldError>,
    pub unresolved: &'a mut check::Unresolved,
    /// One per good row, counted with the register's rows (their ops may be
    /// [`Op::WithRecord`]).
    pub planned: Vec<Planned>,
    pub lines: Vec<String>,
    /// Written after the register's own changes, in this order.
    pub writes: Vec<Op>,
    /// Data rows read.
    pub total: usize,
}
