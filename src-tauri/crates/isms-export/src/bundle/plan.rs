//! What goes into a bundle, decided before a byte is written: the pack's PDF at the root, and
//! every evidence file that supports a record of the pack: files linked to a risk or an Annex
//! A control by the evidence record's links, the files of every version of a document in the
//! pack, a supplier's certificate files and an incident's evidence files. An evidence file
//! that supports several records of the pack is written once, in the folder of the record it
//! belongs to (the supplier, the incident) or else of the first of them in the pack's order,
//! and the manifest lists all of them: a policy that supports ten controls does not go in ten
//! times, and the bundle's size stays the sum of its distinct files. Names are made safe and
//! unique here ([`super::names`]); the manifest's hashes and sizes come from the vault's
//! records and are checked again as the contents stream out.

use std::collections::{BTreeMap, HashMap};

use isms_core::documents::DocumentVersion;
use isms_core::evidence::Evidence;
use isms_core::{Result, Vault, documents, evidence, incidents, suppliers};
use sha2::{Digest, Sha256};

use super::manifest::{CSV_NAME, JSON_NAME, ManifestFile};
use super::names::UniqueNames;

/// The folder every record's evidence folder sits in.
pub const EVIDENCE_DIR: &str = "evidence/";
/// The longest record folder name, in bytes; the rest of the 200 is left to file names.
const FOLDER_BYTES: usize = 64;

/// Where an entry's bytes come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The pack's PDF, given in memory.
    Pdf,
    /// An evidence file, streamed from the vault.
    Evidence(i64),
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub file: ManifestFile,
    pub source: Source,
}

/// A record reference as evidence links store it: "R-001" upper case, a control without its
/// "A." prefix; other references (documents, tracker items) compared regardless of case.
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
    approved_on: Option<chrono::NaiveDate>,
    /// The record whose own file it is (a supplier's certificate, an incident's evidence): its
    /// folder is the file's home even when a control it is linked to comes first in the pack.
    owner: Option<usize>,
}

/// Every entry of the bundle but the manifests, sorted by path.
pub fn plan(vault: &Vault, pdf_name: &str, pdf: &[u8], records: &[String]) -> Result<Vec<Entry>> {
    let conn = vault.reader();
    // The pack's records, first mention kept, in the pack's order.
    let mut order: Vec<&String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for r in records {
        let key = ref_key(r);
        if !key.is_empty() && !index.contains_key(&key) {
            index.insert(key, order.len());
            order.push(r);
        }
    }

    let all: HashMap<i64, Evidence> = evidence::list(conn)?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let mut support: BTreeMap<i64, Support> = BTreeMap::new();
    for e in all.values() {
        for link in &e.links {
            if let Some(&i) = index.get(&ref_key(link)) {
                support.entry(e.id).or_default().records.push(i);
            }
        }
    }
    for doc in documents::list(conn)? {
        let Some(&i) = index.get(&ref_key(&doc.reference)) else {
            continue;
        };
        for v in &doc.versions {
            if let Some(id) = v.evidence_id {
                let s = support.entry(id).or_default();
                s.records.push(i);
                s.versions.push(version_label(&doc.reference, v));
                s.approved_on = s.approved_on.or(v.approved_on);
            }
        }
    }

    // A supplier's certificates and an incident's files, in the folder of the supplier's name
    // and of the incident's reference (the first cells of their rows in the pack).
    let mut attach = |reference: &str, ids: &mut dyn Iterator<Item = i64>| {
        if let Some(&i) = index.get(&ref_key(reference)) {
            for id in ids {
                let s = support.entry(id).or_default();
                s.records.push(i);
                s.owner = s.owner.or(Some(i));
            }
        }
    };
    for s in suppliers::list(conn)? {
        attach(
            &s.name,
            &mut s.certificates.iter().filter_map(|c| c.evidence_id),
        );
    }
    for incident in incidents::list(conn)? {
        attach(
            &incident.reference,
            &mut incident.evidence_ids.iter().copied(),
        );
    }

    let mut names = UniqueNames::default();
    names.reserve(JSON_NAME);
    names.reserve(CSV_NAME);
    names.reserve(EVIDENCE_DIR);
    let pdf_path = names.claim("", pdf_name);
    let mut entries = vec![Entry {
        file: ManifestFile {
            path: pdf_path,
            sha256: hex::encode(Sha256::digest(pdf)),
            size: pdf.len() as u64,
            effective_date: None,
            records: Vec::new(),
            versions: Vec::new(),
            evidence_id: None,
            original_name: None,
        },
        source: Source::Pdf,
    }];

    // Folders are named in the pack's order, files by evidence id: the same vault always gives
    // the same " (2)" to the same file.
    let mut folders: BTreeMap<usize, String> = BTreeMap::new();
    let mut homes: Vec<(usize, i64)> = support
        .iter_mut()
        .map(|(id, s)| {
            s.records.sort_unstable();
            s.records.dedup();
            (s.owner.unwrap_or(s.records[0]), *id)
        })
        .collect();
    homes.sort_unstable();
    for &(home, _) in &homes {
        folders
            .entry(home)
            .or_insert_with(|| names.claim_folder(EVIDENCE_DIR, order[home], FOLDER_BYTES));
    }
    for (home, id) in homes {
        let e = match all.get(&id) {
            Some(e) => e.clone(),
            None => evidence::get(conn, id)?,
        };
        let s = &support[&id];
        entries.push(Entry {
            file: ManifestFile {
                path: names.claim(&folders[&home], &e.file_name),
                sha256: e.sha256.clone(),
                size: e.size,
                effective_date: e.effective_date.or(s.approved_on),
                records: s
                    .records
                    .iter()
                    .map(|&i| order[i].trim().to_owned())
                    .collect(),
                versions: s.versions.clone(),
                evidence_id: Some(e.id),
                original_name: Some(e.file_name),
            },
            source: Source::Evidence(id),
        });
    }
    entries.sort_by(|a, b| a.file.path.cmp(&b.file.path));
    Ok(entries)
}
