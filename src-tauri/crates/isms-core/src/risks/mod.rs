//! Risks (6.1.2, 6.1.3, 8.2, 8.3): the risk method that scores them, the register with its
//! treatment decisions and actions, and the risk owners' approvals of the treatment plan and
//! acceptance of the residual risk (6.1.3 f).
//!
//! Scores (likelihood × impact) and levels (acceptable, amber, red) are derived from the method
//! whenever a risk is read; nothing stores them. An approval keeps a snapshot and a hash of what
//! it approved, and is void as soon as a material part of the risk (scores, decision, owner,
//! actions) differs from it.

mod approvals;
mod method;
mod model;
mod scoring;
mod store;

pub(crate) use approvals::insert_approval;
pub use approvals::{approve, approve_in, check_approval};
pub(crate) use method::import_method;
pub use method::{get_method, set_method};
pub use model::{
    ActionStatus, ApprovalKind, Risk, RiskAction, RiskApproval, RiskInput, RiskLevel, RiskMethod,
    Score, Treatment,
};
pub(crate) use scoring::material;
pub use scoring::{HeatMap, heat_map};
pub(crate) use store::insert;
pub use store::{create, create_in, delete, get, list, update, update_in};
