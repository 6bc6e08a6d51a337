//! The export's one error type: a stable [`ExportErrorKind`] that callers branch on (the CLI's
//! exit status, the desktop's message) and a message written for the user. Errors from the
//! vault keep their core [`ErrorCode`]; the layout and the packs add their own kinds. Nothing
//! here formats for a particular surface. The cause underneath (a core error's own cause, a file
//! error) is kept as `source()` both ways, so a `CoreError` that passes through an export and
//! back still names it in the log.

use isms_core::error::Cause;
use isms_core::{CoreError, ErrorCode};

/// What went wrong, as a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportErrorKind {
    /// Reading the vault failed; the core's code says how.
    Core(ErrorCode),
    /// The pack name, stage or date asked for does not exist.
    BadRequest,
    /// This pack cannot be built by this version yet.
    NotBuilt,
    /// The PDF could not be laid out or written.
    Render,
    /// Reading or writing a file failed.
    Io,
    /// The user cancelled.
    Cancelled,
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct ExportError {
    pub kind: ExportErrorKind,
    pub message: String,
    /// What caused it; for an error from the vault, the core error's own cause.
    #[source]
    pub cause: Option<Cause>,
}

/// Equal when kind and message are: the cause is for the log.
impl PartialEq for ExportError {
    fn eq(&self, other: &Self) -> bool {
        (self.kind, &self.message) == (other.kind, &other.message)
    }
}

impl Eq for ExportError {}

pub type Result<T, E = ExportError> = std::result::Result<T, E>;

impl ExportError {
    pub fn new(kind: ExportErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            cause: None,
        }
    }

    pub fn render(message: impl Into<String>) -> Self {
        Self::new(ExportErrorKind::Render, message)
    }

    /// The code as a word, for logs and the CLI ("Render", "NotBuilt", "Database"…).
    pub fn code(&self) -> String {
        match self.kind {
            ExportErrorKind::Core(code) => format!("{code:?}"),
            other => format!("{other:?}"),
        }
    }
}

impl From<CoreError> for ExportError {
    fn from(err: CoreError) -> Self {
        Self {
            kind: ExportErrorKind::Core(err.code),
            message: err.message,
            cause: err.cause,
        }
    }
}

impl From<std::io::Error> for ExportError {
    fn from(err: std::io::Error) -> Self {
        let mut this = Self::new(ExportErrorKind::Io, format!("File error: {err}"));
        this.cause = Some(std::sync::Arc::new(err));
        this
    }
}
