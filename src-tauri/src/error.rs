//! The error every command returns to the webview: `{code, message, fields}`. The UI branches on
//! `code`; `fields` land on the form inputs they name.

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
        Self {
            code: err.code,
            message: err.message,
            fields: err.fields,
        }
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
