//! People: everyone who owns, does or acknowledges something in the ISMS. A person is active
//! while they have no end date or an end date in the future. A person who owns records cannot
//! be deleted, only given an end date, so ownership history never points at nobody.

mod model;
mod store;

pub use model::Person;
pub use store::{create, create_in, delete, get, list, update, update_in};
pub(crate) use store::{insert, require_person};
