//! The bundle's manifest: every file in the bundle, other than the two manifests themselves,
//! with its SHA-256, size, effective date and the records of the pack it supports.
//! `manifest.json` is the one [`verify`](super::verify) trusts; `manifest.csv` says the same for
//! a spreadsheet (UTF-8 with a byte-order mark so Excel reads names like Søren right, CRLF
//! lines, RFC 4180 quoting) and must equal the CSV rendered from the JSON. A CSV cell that
//! would start a spreadsheet formula (`=`, `+`, `-`, `@`) is prefixed with `'`, so a hostile
//! file name cannot run in the auditor's spreadsheet; the JSON keeps the exact values.

use chrono::NaiveDate;
use isms_core::{CoreError, ErrorCode, Result};
use serde::{Deserialize, Serialize};

/// `format` of every manifest.
pub const FORMAT: &str = "isms-desk-bundle";
/// The manifest version this build writes and reads.
pub const VERSION: u32 = 1;
pub const JSON_NAME: &str = "manifest.json";
pub const CSV_NAME: &str = "manifest.csv";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// The path of the pack's PDF in the bundle.
    pub pack: String,
    /// Every file but the manifests, sorted by path.
    pub files: Vec<ManifestFile>,
}

/// One file in the bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestFile {
    /// The entry's path in the ZIP ("evidence/R-001/scan.pdf").
    pub path: String,
    /// SHA-256 of the content, lowercase hex.
    pub sha256: String,
    pub size: u64,
    /// The date the evidence is about (for a document version's file without one, the day the
    /// version was approved); none for the pack itself.
    pub effective_date: Option<NaiveDate>,
    /// References of the records in the pack the file supports, in the pack's order. The file
    /// sits once in the folder of the first of them.
    pub records: Vec<String>,
    /// Document versions whose file this is ("POL-01 2.0", "POL-01 2.1 draft").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<String>,
    /// The evidence record's id in the vault; none for the pack.
    pub evidence_id: Option<i64>,
    /// The file name as stored in the vault, before it was made safe.
    pub original_name: Option<String>,
}

impl Manifest {
    pub fn new(pack: String, mut files: Vec<ManifestFile>) -> Self {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            pack,
            files,
        }
    }

    /// `manifest.json`: pretty JSON with a final newline.
    pub fn to_json(&self) -> Result<Vec<u8>> {
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        Ok(text.into_bytes())
    }

    /// Reads `manifest.json`; a malformed one or of another format or version is refused.
    pub fn from_json(bytes: &[u8]) -> Result<Self> {
        let manifest: Manifest = serde_json::from_slice(bytes).map_err(|e| {
            CoreError::new(
                ErrorCode::Validation,
                format!("{JSON_NAME} is not a bundle manifest: {e}"),
            )
        })?;
        if manifest.format != FORMAT || manifest.version != VERSION {
            return Err(CoreError::new(
                ErrorCode::Validation,
                format!(
                    "{JSON_NAME} is of format {} version {}; this ISMS Desk reads {FORMAT} version {VERSION}.",
                    manifest.format, manifest.version
                ),
            ));
        }
        Ok(manifest)
    }

    /// `manifest.csv`: a header, then one row per file, in the JSON's order.
    pub fn to_csv(&self) -> Vec<u8> {
        let mut out = String::from("\u{FEFF}");
        out.push_str(
            "path,sha256,size,effective_date,records,versions,evidence_id,original_name\r\n",
        );
        for f in &self.files {
            let cells = [
                f.path.clone(),
                f.sha256.clone(),
                f.size.to_string(),
                f.effective_date.map(|d| d.to_string()).unwrap_or_default(),
                f.records.join("; "),
                f.versions.join("; "),
                f.evidence_id.map(|id| id.to_string()).unwrap_or_default(),
                f.original_name.clone().unwrap_or_default(),
            ];
            let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
        out.into_bytes()
    }
}

/// What makes a spreadsheet read a CSV cell as a formula (or a DDE command): OWASP's list.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One CSV cell: formula starters neutralised with a leading apostrophe, quoted when it holds
/// a comma, quote, line break or edge spaces.
fn csv_cell(value: &str) -> String {
    let value = if value.starts_with(FORMULA_STARTS) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\r', '\n']) || value.trim() != value {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_formulas_neutralised() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell(" edge"), "\" edge\"");
        assert_eq!(csv_cell("-2+3"), "'-2+3");
        assert_eq!(csv_cell("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(csv_cell("\t=1+1"), "'\t=1+1");
        assert_eq!(csv_cell("\r=1+1"), "\"'\r=1+1\"");
    }

    #[test]
    fn json_round_trips_and_other_formats_are_refused() {
        let m = Manifest::new(
            "pack.pdf".into(),
            vec![ManifestFile {
                path: "pack.pdf".into(),
                sha256: "00".into(),
                size: 1,
                effective_date: None,
                records: vec![],
                versions: vec![],
                evidence_id: None,
                original_name: None,
            }],
        );
        let json = m.to_json().unwrap();
        assert_eq!(Manifest::from_json(&json).unwrap(), m);
        let other = String::from_utf8(json).unwrap().replace(FORMAT, "zip");
        let err = Manifest::from_json(other.as_bytes()).unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation);
    }
}
