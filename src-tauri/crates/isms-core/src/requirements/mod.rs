//! The register of legal, statutory, regulatory and contractual requirements (4.2 c,
//! A.5.31–5.34): REQ-001 …, where each comes from, what it requires, the interested party
//! behind it, its owner, how it is met (Annex A controls, documents) and when it was last
//! reviewed. Readiness (S1-REQUIREMENTS) and the clause coverage of 4.2 c) read it.

mod model;
mod store;

pub use model::{Requirement, RequirementSource};
pub(crate) use store::insert;
pub use store::{create, create_in, delete, get, list, update, update_in};
