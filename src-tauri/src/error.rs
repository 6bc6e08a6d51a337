//! The error every command returns to the webview: `{code, message, fields}`. The UI branches on
//! `code`; `fields` land on the form inputs they name. What caused an error (the chain under a
//! `CoreError`) never reaches the page: it goes to the log, whole, as the error crosses here.

use isms_core::{CoreError, ErrorCode, FieldError};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS, PartialEq, Eq)]
#[ts(export)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldError>,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: Vec::new(),
        }
    }

    pub fn locked() -> Self {
        Self::new(
            ErrorCode::Locked,
            "The vault is locked. Unlock it to continue.",
        )
    }
}

impl From<CoreError> for IpcError {
    fn from(err: CoreError) -> Self {
        if let Some(line) = log_line(&err) {
            eprintln!("{line}");
        }
        Self {
            code: err.code,
            message: err.message,
            fields: err.fields,
        }
    }
}

/// What the log says of an error on its way to the page: its code and whole cause chain, for
/// an error something underneath caused (a database or file error) or a broken invariant;
/// nothing for the everyday ones the page explains (validation, not found, locked).
fn log_line(err: &CoreError) -> Option<String> {
    let logged = err.cause.is_some() || err.code == ErrorCode::Internal;
    logged.then(|| format!("ISMS Desk: {:?}: {}", err.code, err.report()))
}

pub type IpcResult<T> = Result<T, IpcError>;

#[cfg(test)]
mod tests {
    use super::*;

    fn disk_error() -> CoreError {
        let denied = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "the disk said no");
        CoreError::io("Cannot write pack.pdf", &denied)
    }

    #[test]
    fn the_page_gets_code_message_and_fields_only() {
        let sent = serde_json::to_value(IpcError::from(disk_error())).unwrap();
        assert_eq!(
            sent,
            serde_json::json!({
                "code": "Io",
                "message": "Cannot write pack.pdf: the disk said no",
                "fields": [],
            })
        );
    }

    #[test]
    fn the_log_gets_the_cause_chain_after_an_export_round_trip() {
        let denied = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "the disk said no");
        let core = CoreError::new(ErrorCode::Io, "Cannot write the pack.").caused_by(denied);
        let through = isms_export::file::core_error(isms_export::ExportError::from(core));
        assert_eq!(
            std::error::Error::source(&through).map(ToString::to_string),
            Some("the disk said no".to_owned())
        );
        assert_eq!(
            log_line(&through).as_deref(),
            Some("ISMS Desk: Io: Cannot write the pack.: the disk said no")
        );
        assert_eq!(
            log_line(&CoreError::new(ErrorCode::NotFound, "No risk.")),
            None
        );
    }
}
