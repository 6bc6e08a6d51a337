//! The document register (7.5): policies, procedures, the ISMS manual, plans and records, with
//! the mandatory documented information each covers, an owner, a review cycle, whether it must
//! be communicated to staff (and to whom), and its versions. An approved version never changes
//! (the schema refuses it); editing means saving a new draft, which is approved in its turn.

mod model;
mod store;
mod versions;

pub use model::{DocKind, Document, DocumentVersion, DraftVersion};
pub(crate) use store::insert;
pub use store::{create, create_in, delete, get, list, update, update_in};
pub(crate) use versions::insert_version;
pub use versions::{add_approved_in, add_version_in, approve_version, save_draft};
