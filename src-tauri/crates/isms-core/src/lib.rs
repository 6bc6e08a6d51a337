//! ISMS Desk's core: the domain of an ISO/IEC 27001:2022 ISMS and the encrypted vault that keeps
//! it. Everything a user can do to their records goes through this crate, whichever surface asks
//! (the desktop shell, the `isms` CLI, tests). It knows nothing of Tauri or of any window; time
//! comes in through a [`clock::Clock`] or a [`db::Stamp`], never from `now()` inside the domain.
//!
//! Layout: [`db`] owns the file (open, key, migrations, the write transaction that records
//! history, backups); [`domains`] maps tables to the [`domains::Domain`] a write reports and
//! holds the hooks the domains run at open; each domain module (`organisation`, `people`, `context`, `assets`, …) owns its model, validation and
//! SQL; [`snapshot`] turns the whole vault into one versioned JSON document and back.

pub mod acknowledgements;
pub mod agenda;
pub mod assets;
pub mod audits;
pub mod changes;
pub mod clauses;
pub mod clock;
pub mod competence;
pub mod context;
pub mod coverage;
pub mod db;
pub mod demo;
pub mod documents;
pub mod domains;
pub mod error;
pub mod evidence;
pub mod history;
pub mod incidents;
pub mod measures;
pub mod objectives;
pub mod organisation;
pub mod people;
pub mod readiness;
pub mod reference;
pub mod requirements;
pub mod reviews;
pub mod risks;
pub mod search;
pub mod snapshot;
pub mod soa;
pub mod suppliers;
pub mod tracker;
pub mod training;
pub mod view;
pub mod vocabulary;

pub use db::{Passphrase, Stamp, Vault};
pub use domains::Domain;
pub use error::{CoreError, ErrorCode, FieldError, Result};
pub use vocabulary::Vocabulary;
