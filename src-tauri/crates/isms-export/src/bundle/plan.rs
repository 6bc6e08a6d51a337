//! Which evidence files go into a pack's bundle and where, decided from the vault as of the
//! pack's day (the same [`View`] the pack is built from) before the PDF is laid out, so every
//! row of the pack can print the path its file will have. A file goes in when it supports a
//! record of the pack:
//! - a row of the pack rests on it (a [`Claim`]: a training completion's certificate, an
//!   acknowledgement's form, competence evidence, a supplier's certificate, an incident's or a
//!   tracker item's files, a document version's file, a done treatment action's record, an
//!   audit's report, a review's minutes): it sits in the folder of that row's record;
//! - or it is linked to a record of the pack (an Annex A control, a risk, an internal audit, a
//!   management review) or is the file of a version of a document of the pack: it sits in the
//!   folder of the first such record in the pack's order.
//!
//! A file that supports several records is written once, and the manifest lists all of them: a
//! policy that supports ten controls does not go in ten times. Only files of the view count: a
//! file dated after the pack's day (by its effective date, else its upload day) is not in the
//! bundle of a pack as of an earlier day, and a record that did not exist then is not in the
//! pack. Names are made safe and unique here ([`super::names`]); hashes and sizes come from the
//! vault's records and are checked again as the contents stream out.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use isms_core::documents::DocumentVersion;
use isms_core::evidence::Evidence;
use isms_core::readiness::View;
use isms_core::{Result, Vault};

use super::manifest::{EVIDENCE_DIR, ManifestFile, evidence_digest};
use super::names::UniqueNames;
/// The longest record folder name, in bytes; the rest of the 200 is left to file names.
const FOLDER_BYTES: usize = 64;

/// A file a row of the pack rests on: the record the row shows (its reference, or a person's
/// or a supplier's name, as the row prints it) and the evidence record's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub record: String,
    pub evidence_id: i64,
}

/// The evidence of one bundle: every file but the pack, the index and the manifests, with
/// its path, sorted by path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    files: Vec<ManifestFile>,
    paths: HashMap<i64, usize>,
}

/// A record reference as evidence links store it: "R-001" upper case, a control without its
/// "A." prefix; every reference (documents, people, suppliers) compared regardless of case.
fn ref_key(reference: &str) -> String {
    let r = reference.trim();
    let r = match r.strip_prefix("A.").or_else(|| r.strip_prefix("a.")) {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
        _ => r,
    };
    r.to_uppercase()
}

fn version_label(reference: &str, v: &DocumentVersion) -> String {
    if v.approved_on.is_some() {
        format!("{reference} {}", v.number)
    } else {
        format!("{reference} {} draft", v.number)
    }
}

/// What an evidence file supports in this pack.
#[derive(Default)]
struct Support {
    /// Indexes into the pack's records.
    records: Vec<usize>,
    versions: Vec<String>,
    /// The approval day of the first version it is the file of, if any.
    approved_on: Option<NaiveDate>,
    /// The record of the first row that rests on it: its folder is the file's home.
    home: Option<usize>,
}

/// The records of a pack, in the pack's order, each once, then the records of claims the
/// pack's tables did not list.
#[derive(Default)]
struct Order<'a> {
    records: Vec<&'a str>,
    index: HashMap<String, usize>,
}

impl<'a> Order<'a> {
    fn add(&mut self, record: &'a str) -> Option<usize> {
        let key = ref_key(record);
        if key.is_empty() {
            return None;
        }
        if let Some(&i) = self.index.get(&key) {
            return Some(i);
        }
        self.index.insert(key, self.records.len());
        self.records.push(record.trim());
        Some(self.records.len() - 1)
    }

    fn get(&self, record: &str) -> Option<usize> {
        self.index.get(&ref_key(record)).copied()
    }
}

impl Plan {
    /// The plan for a pack as of `view`'s day whose tables show `records` (their references,
    /// in the pack's order: [`crate::packs::references`]) and whose rows rest on `claims`.
    pub fn new(view: &View, records: &[String], claims: &[Claim]) -> Self {
        let mut order = Order::default();
        for r in records {
            order.add(r);
        }
        let files: HashMap<i64, &Evidence> = view.evidence.iter().map(|e| (e.id, e)).collect();
        let mut support: BTreeMap<i64, Support> = BTreeMap::new();
        for claim in claims {
            if !files.contains_key(&claim.evidence_id) {
                continue;
            }
            if let Some(i) = order.add(&claim.record) {
                let s = support.entry(claim.evidence_id).or_default();
                s.records.push(i);
                s.home = s.home.or(Some(i));
            }
        }
        for e in &view.evidence {
            for link in &e.links {
                if let Some(i) = order.get(link) {
                    support.entry(e.id).or_default().records.push(i);
                }
            }
        }
        for doc in &view.documents {
            let Some(i) = order.get(&doc.reference) else {
                continue;
            };
            for v in &doc.versions {
                if let Some(id) = v.evidence_id.filter(|id| files.contains_key(id)) {
                    let s = support.entry(id).or_default();
                    s.records.push(i);
                    s.versions.push(version_label(&doc.reference, v));
                    s.approved_on = s.approved_on.or(v.approved_on);
                }
            }
        }

        // Folders are named in the pack's order, files by evidence id: the same vault always
        // gives the same " (2)" to the same file.
        let mut names = UniqueNames::default();
        let mut homes: Vec<(usize, i64)> = support
            .iter_mut()
            .map(|(id, s)| {
                s.records.sort_unstable();
                s.records.dedup();
                (s.home.unwrap_or(s.records[0]), *id)
            })
            .collect();
        homes.sort_unstable();
        let mut folders: BTreeMap<usize, String> = BTreeMap::new();
        for &(home, _) in &homes {
            folders.entry(home).or_insert_with(|| {
                names.claim_folder(EVIDENCE_DIR, order.records[home], FOLDER_BYTES)
            });
        }
        let mut out: Vec<ManifestFile> = homes
            .into_iter()
            .map(|(home, id)| {
                let e = files[&id];
                let s = &support[&id];
                ManifestFile {
                    path: names.claim(&folders[&home], &e.file_name),
                    sha256: e.sha256.clone(),
                    size: e.size,
                    effective_date: e.effective_date.or(s.approved_on),
                    record: Some(order.records[home].to_owned()),
                    records: s
                        .records
                        .iter()
                        .map(|&i| order.records[i].to_owned())
                        .collect(),
                    versions: s.versions.clone(),
                    evidence_id: Some(e.id),
                    original_name: Some(e.file_name.clone()),
                }
            })
            .collect();
        out.sort_by(|a, b| a.path.cmp(&b.path));
        let paths = out
            .iter()
            .enumerate()
            .filter_map(|(n, f)| f.evidence_id.map(|id| (id, n)))
            .collect();
        Self { files: out, paths }
    }

    /// The plan for a bundle of `records` as of `as_of` with no row claiming a file: what the
    /// links and document versions bring in. For a pack, [`crate::packs::bundled`] makes it.
    pub fn of(vault: &Vault, as_of: NaiveDate, records: &[String]) -> Result<Self> {
        Ok(Self::new(&View::load(vault.reader(), as_of)?, records, &[]))
    }

    /// The evidence files, sorted by path.
    pub fn files(&self) -> &[ManifestFile] {
        &self.files
    }

    /// The bundle entry of evidence record `id`, if it is in the bundle.
    pub fn file(&self, id: i64) -> Option<&ManifestFile> {
        self.paths.get(&id).map(|&n| &self.files[n])
    }

    /// The SHA-256 of the evidence manifest ([`evidence_digest`]): the cover of the pack and its
    /// PDF's information carry it, and `verify` checks the bundle's files against it.
    pub fn digest(&self) -> String {
        evidence_digest(
            self.files
                .iter()
                .map(|f| (f.path.as_str(), f.sha256.as_str(), f.size)),
        )
    }
}
