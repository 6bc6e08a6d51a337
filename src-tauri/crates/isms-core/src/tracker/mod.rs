//! The ISMS tracker (10.2): every nonconformity, opportunity for improvement, observation and
//! action that must be followed up, whatever raised it (an audit, a management review, an
//! incident…), from raising to closure. Closing a nonconformity needs its root cause,
//! corrective action and an effectiveness review; progress notes are append-only.

mod model;
mod store;

pub use model::{ItemKind, ItemSource, ItemStatus, ProgressEntry, TrackerItem};
pub(crate) use store::insert;
pub use store::{add_note, add_note_in, create, create_in, get, list, overdue, update, update_in};
