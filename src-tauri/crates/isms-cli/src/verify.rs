//! `isms verify`: checks an evidence bundle against its manifest and its pack, as the
//! certification body can, and says in one line per file what is missing, extra or altered; a
//! bundle that passes is named (pack, organisation, as-of day) with the evidence digest its PDF
//! carries. It needs no vault and
//! no passphrase: a bundle carries what is needed to check it. The check itself is
//! `isms_export::bundle::verify`; this file only prints, with any control character in a name
//! from a forged ZIP escaped, so it cannot drive the terminal.

use std::path::Path;

use isms_core::Result;
use isms_export::bundle::{self, VerifyReport};

/// Checks `bundle` and prints the outcome; `Ok(false)` when it does not match its manifest
/// (the list on stdout, a one-line summary on stderr).
pub fn verify(path: &Path) -> Result<bool> {
    let report = bundle::verify(path)?;
    crate::show::say(&describe(&report))?;
    if !report.ok() {
        crate::show::warnln!(
            "isms: {} does not match its manifest: {} missing, {} extra, {} altered.",
            path.display(),
            report.missing.len(),
            report.extra.len(),
            report.altered.len()
        );
    }
    Ok(report.ok())
}

/// "ok: N files verified" with what the bundle is, or one line per file at fault.
pub fn describe(report: &VerifyReport) -> String {
    if report.ok() {
        let as_of = report.as_of.map(|d| d.to_string()).unwrap_or_default();
        return format!(
            "ok: {} files verified\npack: {}: {}, {}, as of {as_of}\nevidence digest: {}, as the pack carries it\n",
            report.verified,
            printable(&report.pack),
            printable(&report.title),
            printable(&report.organisation),
            report.evidence_sha256
        );
    }
    let mut out = String::new();
    for path in &report.missing {
        out.push_str(&format!("missing: {}\n", printable(path)));
    }
    for path in &report.extra {
        out.push_str(&format!("extra: {}\n", printable(path)));
    }
    for altered in &report.altered {
        out.push_str(&format!(
            "altered: {}: {}\n",
            printable(&altered.path),
            printable(&altered.reason)
        ));
    }
    out
}

/// `name` with control characters written as escapes (`\u{1b}`), everything else as is.
fn printable(name: &str) -> String {
    crate::show::value(name).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_a_forged_zip_cannot_drive_the_terminal() {
        assert_eq!(
            printable("evidence/a\u{1b}[2Jb.txt"),
            "evidence/a\\u{1b}[2Jb.txt"
        );
        assert_eq!(printable("Søren\nx"), "Søren\\u{a}x");
        let report = VerifyReport {
            extra: vec!["\u{7}bell".into()],
            ..VerifyReport::default()
        };
        assert_eq!(describe(&report), "extra: \\u{7}bell\n");
    }
}
