//! `isms verify`: checks an evidence bundle against its manifest, as the certification body
//! can, and says in one line per file what is missing, extra or altered. It needs no vault and
//! no passphrase: a bundle carries what is needed to check it. The check itself is
//! `isms_export::bundle::verify`; this file only prints.

use std::path::Path;

use isms_core::Result;
use isms_export::bundle::{self, VerifyReport};

/// Checks `bundle` and prints the outcome; `Ok(false)` when it does not match its manifest
/// (the list on stdout, a one-line summary on stderr).
pub fn verify(path: &Path) -> Result<bool> {
    let report = bundle::verify(path)?;
    print!("{}", describe(&report));
    if !report.ok() {
        eprintln!(
            "isms: {} does not match its manifest: {} missing, {} extra, {} altered.",
            path.display(),
            report.missing.len(),
            report.extra.len(),
            report.altered.len()
        );
    }
    Ok(report.ok())
}

/// "ok: N files verified", or one line per file at fault.
pub fn describe(report: &VerifyReport) -> String {
    if report.ok() {
        return format!("ok: {} files verified\n", report.verified);
    }
    let mut out = String::new();
    for path in &report.missing {
        out.push_str(&format!("missing: {path}\n"));
    }
    for path in &report.extra {
        out.push_str(&format!("extra: {path}\n"));
    }
    for altered in &report.altered {
        out.push_str(&format!("altered: {}: {}\n", altered.path, altered.reason));
    }
    out
}
