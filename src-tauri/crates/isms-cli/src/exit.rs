//! Exit statuses by error code; README documents this table. 2 is clap's usage error.

use isms_core::{CoreError, ErrorCode};

/// `isms check` found damage.
pub const CHECK_FAILED: i32 = 11;

/// `isms verify` found the bundle does not match its manifest.
pub const BUNDLE_MISMATCH: i32 = 14;

/// stdout was closed by its reader (`isms info | head -1`): the status a shell reports for a
/// command ended by SIGPIPE, with nothing printed.
pub const BROKEN_PIPE: i32 = 141;

pub fn code_for(err: &CoreError) -> i32 {
    match err.code {
        ErrorCode::NotFound => 3,
        ErrorCode::WrongPassphraseOrDamaged => 4,
        ErrorCode::NotAVault => 5,
        ErrorCode::FromNewerVersion => 6,
        ErrorCode::InUse => 7,
        ErrorCode::AlreadyExists => 8,
        ErrorCode::WeakPassphrase | ErrorCode::Validation => 9,
        ErrorCode::NotFresh | ErrorCode::BadSnapshot => 10,
        ErrorCode::Referenced => 12,
        ErrorCode::Cancelled => 13,
        ErrorCode::HardLinked => 15,
        ErrorCode::ReadOnly => 16,
        ErrorCode::Locked | ErrorCode::Io | ErrorCode::Database | ErrorCode::Internal => 1,
    }
}
