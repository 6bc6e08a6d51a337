//! The context of the organisation: internal and external issues relevant to the ISMS (4.1) and
//! the interested parties with their requirements (4.2). The scope statement (4.3) lives with
//! the organisation.

mod model;
mod store;

pub use model::{ContextIssue, InterestedParty, IssueKind};
pub use store::{
    create_issue, create_party, delete_issue, delete_party, list_issues, list_parties,
    update_issue, update_party,
};
pub(crate) use store::{insert_issue, insert_party};
