//! Acknowledgements (7.3, 7.4): a person confirms, on a date and by a method (signature, form,
//! e-mail), that they have read an approved document version. For each document that must be
//! communicated, the status lists who in its audience has acknowledged the version in force
//! and who has not.

mod model;
mod store;

pub use model::{AckMethod, AckStatus, Acknowledgement, status};
pub(crate) use store::insert;
pub use store::{add, add_in, delete, list};
