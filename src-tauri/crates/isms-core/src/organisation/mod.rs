//! The organisation whose ISMS the vault holds: its name, the ISMS scope statement, the dates
//! of the certification path, the certification body and the finding policy it applies. There
//! is exactly one per vault, created with it; it can be edited but never deleted.

mod model;
mod store;

pub use model::{FindingPolicy, Organisation};
pub use store::{create, get, update};
