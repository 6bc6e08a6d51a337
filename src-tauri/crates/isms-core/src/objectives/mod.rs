//! Information security objectives (6.2): what the ISMS aims to achieve, how it is measured,
//! who owns it, by when, and dated notes of progress.

mod model;
mod store;

pub use model::{Objective, ObjectiveStatus, ProgressNote};
pub(crate) use store::insert;
pub use store::{create, delete, get, list, update};
