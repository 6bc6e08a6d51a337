//! The internal audit programme (9.2): audits planned month by month with a scope of clauses
//! and Annex A controls, an auditor (a person of the vault or an external auditor) and their
//! findings, which are tracker items linked to the audit. The independence check (9.2.2 c,
//! "auditors shall not audit their own work") is computed, never stored, so it always reflects
//! who owns what today.

mod independence;
mod model;
mod store;

pub use independence::{Conflict, Holdings, conflicts, conflicts_in};
pub use model::{Audit, AuditStatus};
pub(crate) use store::insert;
pub use store::{create, create_in, delete, findings, get, list, raise_finding, update, update_in};
