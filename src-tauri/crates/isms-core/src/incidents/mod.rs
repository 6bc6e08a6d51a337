//! Information security incidents (A.5.24–5.28, 6.8): INC-001 … from report to closure, with
//! their category, severity, the assets and suppliers affected, whether personal data was
//! involved, the response, lessons learned, evidence, and the tracker items they raised.
//! Readiness (S2-INCIDENTS) checks them as of a day and against the SoA's A.5.24.

mod model;
mod store;

pub use model::{Incident, IncidentCategory, IncidentStatus, Severity};
pub(crate) use store::insert;
pub use store::{create, create_in, delete, get, items, list, raise_item, update, update_in};
