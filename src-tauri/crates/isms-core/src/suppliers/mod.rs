//! Suppliers (A.5.19–5.22): who provides what, the information and assets they handle, how
//! critical they are, whether their contract holds security requirements, who owns the
//! relationship, their dated reviews and their certificates with expiry. Readiness
//! (S2-SUPPLIERS) checks them against the Statement of Applicability's A.5.19.

mod model;
mod store;

pub use model::{Certificate, Criticality, ReviewOutcome, Supplier, SupplierReview};
pub(crate) use store::import;
pub use store::{
    add_review, add_review_in, create, create_in, delete, get, list, remove_certificate,
    remove_review, save_certificate, save_certificate_in, update, update_in,
};
