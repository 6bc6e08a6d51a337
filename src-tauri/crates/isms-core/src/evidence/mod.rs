//! Evidence files, stored inside the encrypted vault. Contents are addressed by SHA-256: a file
//! added twice is stored once. They are written and read in 1 MiB chunks, so a large file
//! never has to sit whole in memory; a file over [`MAX_FILE_BYTES`] is refused. An evidence
//! record adds what the file is about: its effective date (the date the evidence concerns, not
//! the upload time), a description, and links to the records it supports (Annex A controls,
//! risks, internal audits and management reviews, by reference). Only regular files are added,
//! read outside the vault first, and an add can be stopped while it stores (content.rs).

mod content;
mod model;
mod store;

pub use content::{
    CHUNK_BYTES, MAX_FILE_BYTES, PreparedFile, media_type_for, prepare as prepare_file,
};
pub(crate) use model::clean_file_name;
pub use model::{Evidence, NewEvidence};
pub use store::{add_file, add_prepared, delete, get, list, unlink, update, write_content};
pub(crate) use store::{check_imported_links, import};
