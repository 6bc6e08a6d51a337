//! Errors that every surface can branch on. A [`CoreError`] carries a stable [`ErrorCode`] (the
//! UI and the CLI's exit status depend on it, never on the message), a message written for the
//! user, and, for validation failures, the fields at fault keyed by the model's field names.
//! It also keeps what caused it (the SQLite or file-system error underneath) as its
//! [`std::error::Error::source`], for the log: [`CoreError::report`] spells the whole chain,
//! while surfaces show the user only `code`, `message` and `fields`.

use std::error::Error as StdError;
use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

/// Stable error codes. Renaming one is a breaking change for the UI and the CLI's exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub enum ErrorCode {
    /// The vault file, another named file, or a record does not exist.
    NotFound,
    /// Creating would overwrite an existing file.
    AlreadyExists,
    /// A new passphrase is too short.
    WeakPassphrase,
    /// SQLCipher cannot tell a wrong passphrase from a damaged file; the message says both.
    WrongPassphraseOrDamaged,
    /// The file is not an ISMS Desk vault (plaintext SQLite, another format, another app's DB).
    NotAVault,
    /// The vault was written by a newer ISMS Desk; this version refuses to touch it.
    FromNewerVersion,
    /// Another process has the vault open.
    InUse,
    /// The vault file has more than one name (hard link); it is opened only under one.
    HardLinked,
    /// The vault cannot be written here (a read-only file, folder or medium): it is open for
    /// reading only, or the step needs to write.
    ReadOnly,
    /// The vault is locked; unlock it first.
    Locked,
    /// The record is referenced by others (a person who owns records) and cannot be deleted.
    Referenced,
    /// Input failed validation; `fields` says where.
    Validation,
    /// A snapshot can only be imported into a vault that holds nothing yet.
    NotFresh,
    /// A snapshot document is malformed or of an unknown format or version.
    BadSnapshot,
    /// A file could not be read or written.
    Io,
    /// The database reported an error.
    Database,
    /// The user stopped a long operation (an import); nothing was written.
    Cancelled,
    /// A bug: an invariant of ISMS Desk itself was broken.
    Internal,
}

/// One field at fault in a validation error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldError {
    /// The model's field name, e.g. `stage2_target`.
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

/// What caused an error, shared so errors stay cheap to clone.
pub type Cause = Arc<dyn StdError + Send + Sync + 'static>;

/// The one error type of the core. Two errors are equal when code, message and fields are: the
/// cause is for the log, not part of what the error says.
#[derive(Debug, Clone)]
pub struct CoreError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldError>,
    /// What caused it, if anything underneath failed; `source()` answers it.
    pub cause: Option<Cause>,
}

impl PartialEq for CoreError {
    fn eq(&self, other: &Self) -> bool {
        (self.code, &self.message, &self.fields) == (other.code, &other.message, &other.fields)
    }
}

impl Eq for CoreError {}

impl std::fmt::Display for CoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl StdError for CoreError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.cause
            .as_deref()
            .map(|c| c as &(dyn StdError + 'static))
    }
}

/// `err` and every cause under it, joined: "Cannot write x: Permission denied (os error 13)".
/// A cause whose text its error already ends with is not repeated.
pub fn report(err: &(dyn StdError + 'static)) -> String {
    let mut text = err.to_string();
    let mut next = err.source();
    while let Some(cause) = next {
        let said = cause.to_string();
        if !text.ends_with(&said) {
            text.push_str(": ");
            text.push_str(&said);
        }
        next = cause.source();
    }
    text
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

impl CoreError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: Vec::new(),
            cause: None,
        }
    }

    /// The same error, caused by `cause`.
    pub fn caused_by(self, cause: impl StdError + Send + Sync + 'static) -> Self {
        self.with_cause(Some(Arc::new(cause)))
    }

    /// The same error with `cause` (kept as it is, so a chain passed along stays whole).
    pub fn with_cause(mut self, cause: Option<Cause>) -> Self {
        self.cause = cause;
        self
    }

    /// The message and every cause under it, for the log ([`report`]).
    pub fn report(&self) -> String {
        report(self)
    }

    /// A validation error; the message summarises the fields.
    pub fn validation(fields: Vec<FieldError>) -> Self {
        let message = match fields.as_slice() {
            [one] => one.message.clone(),
            many => format!("{} fields need attention.", many.len()),
        };
        Self {
            code: ErrorCode::Validation,
            message,
            fields,
            cause: None,
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }

    /// An `Io` error saying `context` and `err`; `err` (its kind and text) is kept as the cause.
    pub fn io(context: &str, err: &std::io::Error) -> Self {
        Self::new(ErrorCode::Io, format!("{context}: {err}"))
            .caused_by(std::io::Error::new(err.kind(), err.to_string()))
    }
}

/// SQLite's answers that are about the file system, not the database: they say what happened
/// (`Io` with the cause, or `ReadOnly`), so nobody takes a full disk for a damaged vault.
impl From<rusqlite::Error> for CoreError {
    fn from(err: rusqlite::Error) -> Self {
        Self::from_sqlite(&err).caused_by(err)
    }
}

impl CoreError {
    /// See `From<rusqlite::Error>`.
    pub(crate) fn from_sqlite(err: &rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as Sqlite;
        match err.sqlite_error_code() {
            Some(Sqlite::DiskFull) => Self::new(
                ErrorCode::Io,
                format!(
                    "The disk is full; nothing was changed. Free some space and try again ({err})."
                ),
            ),
            Some(Sqlite::ReadOnly) => Self::new(
                ErrorCode::ReadOnly,
                format!("The vault cannot be written here; nothing was changed ({err})."),
            ),
            Some(
                Sqlite::SystemIoFailure
                | Sqlite::CannotOpen
                | Sqlite::PermissionDenied
                | Sqlite::NoLargeFileSupport,
            ) => {
                let extended = match err {
                    rusqlite::Error::SqliteFailure(e, _) => e.extended_code,
                    _ => 0,
                };
                Self::new(
                    ErrorCode::Io,
                    format!(
                        "The file system refused a read or write ({err}, SQLite code {extended}). \
                         The disk may be full, read-only, failing or disconnected."
                    ),
                )
            }
            _ => Self::new(ErrorCode::Database, format!("Database error: {err}")),
        }
    }
}

impl From<serde_json::Error> for CoreError {
    fn from(err: serde_json::Error) -> Self {
        Self::internal(format!("JSON encoding failed: {err}")).caused_by(err)
    }
}
