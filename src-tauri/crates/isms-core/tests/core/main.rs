//! Integration tests of isms-core against real SQLCipher vault files. Modules follow `src/`.

mod agenda;
mod assets;
mod audits;
mod changes;
mod competence;
mod context;
mod db;
mod demo;
mod documents;
mod evidence;
mod measures;
mod objectives;
mod organisation;
mod people;
mod readiness;
mod reviews;
mod risks;
mod search;
mod snapshot;
mod snapshot_hostile;
mod soa;
mod support;
mod tracker;
mod training;
