//! Integration tests of isms-core against real SQLCipher vault files. Modules follow `src/`.

mod db;
mod organisation;
mod snapshot;
mod support;
