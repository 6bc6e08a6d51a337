//! The passphrase, held only in memory that is wiped when dropped. It never implements
//! `Debug` with its content, `Display` or `Serialize`, so it cannot reach a log or a file.

use std::fmt;

use zeroize::Zeroizing;

use crate::error::{CoreError, ErrorCode, Result};

/// The shortest passphrase a new vault accepts, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    pub fn new(secret: String) -> Self {
        Self(Zeroizing::new(secret))
    }

    /// Checks the rules for a passphrase that will protect a vault (on create and change).
    pub fn check_strength(&self) -> Result<()> {
        let chars = self.0.chars().count();
        if chars < MIN_PASSPHRASE_CHARS {
            return Err(CoreError::new(
                ErrorCode::WeakPassphrase,
                format!(
                    "The passphrase must have at least {MIN_PASSPHRASE_CHARS} characters \
                     ({chars} given). A short sentence is easy to remember and hard to guess."
                ),
            ));
        }
        Ok(())
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }

    /// Constant-time-ish comparison; both sides are already in memory.
    pub fn matches(&self, other: &Passphrase) -> bool {
        let (a, b) = (self.0.as_bytes(), other.0.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

impl Clone for Passphrase {
    fn clone(&self) -> Self {
        Self(Zeroizing::new(self.0.as_str().to_owned()))
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(***)")
    }
}
