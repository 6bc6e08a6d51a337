//! The Statement of Applicability (6.1.3 d): one entry per Annex A control, saying whether it
//! applies and why (or why not), how far it is implemented and who owns it; and approved
//! versions, immutable snapshots of every entry that the certification body reviews.
//!
//! Every vault holds exactly the 93 entries of the embedded reference list: they are created
//! with the vault, and a vault from before the SoA existed gets them when it is opened. The
//! register's SoA document shows the SoA's approved versions (`register`).

mod model;
mod register;
mod store;
mod versions;

pub use model::{
    ImplementationStatus, NOT_APPLICABLE, SoaEntry, SoaReasons, SoaTotals, SoaVersion, totals,
};
pub use register::{
    RegisterEntry, RegisterVersion, SOA_ITEM, is_soa_document, register_version, register_versions,
};
pub use store::{get, list, update, update_in, update_many};
pub(crate) use store::{import_entry, missing_count, seed_missing};
pub(crate) use versions::insert_version;
pub use versions::{approve, versions};
