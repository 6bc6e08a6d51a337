//! The asset inventory: information and the things that hold or process it, each with an owner
//! (a person of the vault) and a classification. Risks refer to assets.

mod model;
mod store;

pub use model::Asset;
pub(crate) use store::insert;
pub use store::{create, create_in, delete, get, list, update, update_in};
