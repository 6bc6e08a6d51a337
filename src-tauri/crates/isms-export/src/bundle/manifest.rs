//! The bundle's manifest: the pack's title, organisation and as-of day, the digest of its
//! evidence, and every file in the bundle other than the two manifests themselves (the pack,
//! `index.html` and each evidence file) with its SHA-256, size, effective date and the records
//! of the pack it supports. The evidence digest ([`evidence_digest`]) is the SHA-256 of the
//! evidence manifest, a canonical text of one line per evidence file (`<sha256> <size>
//! <path>`, sorted by path); the pack's cover and its PDF's information dictionary carry it
//! too. `manifest.json` is the one [`verify`](super::verify) trusts; `manifest.csv` says the same for
//! a spreadsheet (UTF-8 with a byte-order mark so Excel reads names like Søren right, CRLF
//! lines, RFC 4180 quoting) and must equal the CSV rendered from the JSON. A CSV cell that
//! would start a spreadsheet formula (`=`, `+`, `-`, `@`) is prefixed with `'`, so a hostile
//! file name cannot run in the auditor's spreadsheet; the JSON keeps the exact values.

use chrono::NaiveDate;
use isms_core::{CoreError, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// `format` of every manifest.
pub const FORMAT: &str = "isms-desk-bundle";
/// The manifest version this build writes and reads (2: the evidence digest, the
/// organisation, the as-of day and `index.html`).
pub const VERSION: u32 = 2;
pub const JSON_NAME: &str = "manifest.json";
pub const CSV_NAME: &str = "manifest.csv";
/// The page that lists the bundle for a reader without ISMS Desk.
pub const INDEX_NAME: &str = "index.html";
/// The folder every evidence file sits in (in a record's folder); the digest covers its files.
pub const EVIDENCE_DIR: &str = "evidence/";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// The pack's title ("Stage 2 evidence pack").
    pub title: String,
    /// The organisation the pack is about.
    pub organisation: String,
    /// The day the pack is evaluated as of.
    pub as_of: NaiveDate,
    /// The path of the pack's PDF in the bundle.
    pub pack: String,
    /// The SHA-256 of the evidence manifest ([`evidence_digest`] of the files under
    /// `evidence/`), as the pack's PDF carries it.
    pub evidence_sha256: String,
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
    /// version was approved); none for the pack itself and the index.
    pub effective_date: Option<NaiveDate>,
    /// The record whose folder holds the file: the record of the first row of the pack that
    /// rests on it, else the first record it supports. None for the pack and the index.
    pub record: Option<String>,
    /// References of the records in the pack the file supports, in the pack's order.
    pub records: Vec<String>,
    /// Document versions whose file this is ("POL-01 2.0", "POL-01 2.1 draft").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<String>,
    /// The evidence record's id in the vault; none for the pack.
    pub evidence_id: Option<i64>,
    /// The file name as stored in the vault, before it was made safe.
    pub original_name: Option<String>,
}

/// What a bundle says about its pack, besides its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct About {
    pub title: String,
    pub organisation: String,
    pub as_of: NaiveDate,
}

/// The SHA-256 (lowercase hex) of the evidence manifest of `files` (path, SHA-256, size): the
/// UTF-8 text of one line `<sha256> <size> <path>\n` per file, sorted by path. A path never
/// holds a line break (bundle names are made safe), so the text is unambiguous; the same
/// files give the same digest whatever order they are given in.
pub fn evidence_digest<'a>(files: impl IntoIterator<Item = (&'a str, &'a str, u64)>) -> String {
    let mut lines: Vec<(&str, &str, u64)> = files.into_iter().collect();
    lines.sort_by(|a, b| a.0.cmp(b.0));
    let mut hasher = Sha256::new();
    for (path, sha256, size) in lines {
        hasher.update(format!("{sha256} {size} {path}\n").as_bytes());
    }
    hex::encode(hasher.finalize())
}

impl Manifest {
    pub fn new(
        about: &About,
        pack: String,
        evidence_sha256: String,
        mut files: Vec<ManifestFile>,
    ) -> Self {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            title: about.title.clone(),
            organisation: about.organisation.clone(),
            as_of: about.as_of,
            pack,
            evidence_sha256,
            files,
        }
    }

    /// The evidence files: those in the `evidence/` folder.
    pub fn evidence(&self) -> impl Iterator<Item = &ManifestFile> {
        self.files
            .iter()
            .filter(|f| f.path.starts_with(EVIDENCE_DIR))
    }

    /// `manifest.json`: pretty JSON with a final newline.
    pub fn to_json(&self) -> Result<Vec<u8>> {
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        Ok(text.into_bytes())
    }

    /// Reads `manifest.json`; a malformed one or of another format or version is refused
    /// (the format and version are read first, so a manifest of an earlier version is named
    /// as such rather than as malformed).
    pub fn from_json(bytes: &[u8]) -> Result<Self> {
        #[derive(Deserialize)]
        struct Head {
            format: String,
            version: u32,
        }
        let malformed = |e: serde_json::Error| {
            CoreError::new(
                ErrorCode::Validation,
                format!("{JSON_NAME} is not a bundle manifest: {e}"),
            )
        };
        let head: Head = serde_json::from_slice(bytes).map_err(malformed)?;
        if head.format != FORMAT || head.version != VERSION {
            return Err(CoreError::new(
                ErrorCode::Validation,
                format!(
                    "{JSON_NAME} is of format {} version {}; this ISMS Desk reads {FORMAT} version {VERSION}.",
                    head.format, head.version
                ),
            ));
        }
        serde_json::from_slice(bytes).map_err(malformed)
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
        let about = About {
            title: "Stage 2 evidence pack".into(),
            organisation: "Acme".into(),
            as_of: NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
        };
        let m = Manifest::new(
            &about,
            "pack.pdf".into(),
            evidence_digest([]),
            vec![ManifestFile {
                path: "pack.pdf".into(),
                sha256: "00".into(),
                size: 1,
                effective_date: None,
                record: None,
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

    #[test]
    fn the_evidence_digest_is_of_the_canonical_lines_in_path_order() {
        let a = ("evidence/R-001/a.txt", "aa", 1);
        let b = ("evidence/5.1/b b.txt", "bb", 22);
        let expected = hex::encode(Sha256::digest(
            "bb 22 evidence/5.1/b b.txt\naa 1 evidence/R-001/a.txt\n",
        ));
        assert_eq!(evidence_digest([a, b]), expected);
        assert_eq!(
            evidence_digest([b, a]),
            expected,
            "order given does not matter"
        );
        assert_ne!(
            evidence_digest([a, ("evidence/5.1/b b.txt", "bb", 23)]),
            expected,
            "a size changes it"
        );
        assert_eq!(
            evidence_digest([]),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "no evidence: the SHA-256 of nothing"
        );
    }
}
