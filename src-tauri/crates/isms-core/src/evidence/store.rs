//! Reading and writing `evidence` records, with history, and their contents.

use std::io::Write;
use std::path::Path;

use chrono::SecondsFormat;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::content::{self, PreparedFile};
use super::model::{Evidence, NewEvidence, clean_file_name};
use crate::db::{Stamp, Vault, WriteTx};
use crate::error::{CoreError, ErrorCode, FieldError, Result};
use crate::reference;

const TABLE: &str = "evidence";
const SELECT: &str = "SELECT id, sha256, file_name, media_type, size, effective_date, uploaded_at, description, \
                      links FROM evidence";

/// Adds the file at `path` as evidence; its content is stored once however often it is added.
/// Only a regular file is accepted (see [`content::prepare`]).
pub fn add_file(
    vault: &mut Vault,
    stamp: Stamp,
    path: &Path,
    new: NewEvidence,
) -> Result<Evidence> {
    add_prepared(vault, stamp, content::prepare(path)?, new, &|| false)
}

/// Adds a file opened and hashed beforehand with [`content::prepare`], outside the vault.
/// `stop` is asked while the content is stored; once it says yes, nothing is added and the
/// error is `Cancelled` (the shell stops an add this way when the vault locks).
pub fn add_prepared(
    vault: &mut Vault,
    stamp: Stamp,
    file: PreparedFile,
    new: NewEvidence,
    stop: &dyn Fn() -> bool,
) -> Result<Evidence> {
    let own_name = file
        .path()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file_name = clean_file_name(new.file_name.as_deref().unwrap_or(&own_name))?;
    let media_type = content::media_type_for(&file_name).to_owned();
    let uploaded_at = stamp.at.to_rfc3339_opts(SecondsFormat::Secs, true);
    let (sha256, size) = (file.sha256.clone(), file.size);
    vault.write(stamp, |tx| {
        let links = checked_links(tx.reader(), new.links, Check::All)?;
        content::store(tx, file, stop)?;
        let mut evidence = Evidence {
            id: 0,
            sha256,
            file_name,
            media_type,
            size,
            effective_date: new.effective_date,
            uploaded_at,
            description: new.description.trim().to_owned(),
            links,
        };
        evidence.id = insert_row(tx, &evidence, crate::db::Action::Create)?;
        Ok(evidence)
    })
}

/// Imports an evidence record from a snapshot, with its content when this is the first record
/// of that content (`bytes`), else with the content an earlier record stored. Nothing the
/// record says about its file is trusted: the size is the content's, the name is cleaned and
/// the media type follows from it, the links are checked, as for [`add_file`].
pub(crate) fn import(tx: &mut WriteTx<'_>, evidence: Evidence, bytes: Option<&[u8]>) -> Result<()> {
    let bad = |msg: String| CoreError::new(ErrorCode::BadSnapshot, msg);
    let file_name = clean_file_name(&evidence.file_name)
        .map_err(|_| bad(format!("Evidence {} has no file name.", evidence.id)))?;
    let size = match bytes {
        Some(bytes) => {
            if bytes.len() as u64 > content::MAX_FILE_BYTES {
                return Err(bad(format!(
                    "The file of evidence {} is larger than {} MiB.",
                    evidence.id,
                    content::MAX_FILE_BYTES / 1024 / 1024
                )));
            }
            content::store_bytes(tx, &evidence.sha256, bytes)?;
            bytes.len() as u64
        }
        None => content::stored_size(tx.reader(), &evidence.sha256)?
            .ok_or_else(|| bad(format!("The file of evidence {} is missing.", evidence.id)))?,
    };
    // Audits and reviews come later in a snapshot than the evidence their files are: their
    // links are checked once everything is in (`check_imported_links`).
    let links = checked_links(tx.reader(), evidence.links, Check::ImportedFirst)?;
    let record = Evidence {
        media_type: content::media_type_for(&file_name).to_owned(),
        file_name,
        size,
        description: evidence.description.trim().to_owned(),
        links,
        ..evidence
    };
    insert_row(tx, &record, crate::db::Action::Import)?;
    Ok(())
}

fn insert_row(tx: &mut WriteTx<'_>, e: &Evidence, action: crate::db::Action) -> Result<i64> {
    let keep_id = (action == crate::db::Action::Import).then_some(e.id);
    tx.insert(
        TABLE,
        action,
        e,
        "INSERT INTO evidence (id, sha256, file_name, media_type, size, effective_date, uploaded_at, description, links) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            keep_id,
            e.sha256,
            e.file_name,
            e.media_type,
            e.size as i64,
            e.effective_date,
            e.uploaded_at,
            e.description,
            serde_json::to_string(&e.links)?
        ],
    )
}

pub fn list(conn: &Connection) -> Result<Vec<Evidence>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY id"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Evidence> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| CoreError::new(ErrorCode::NotFound, format!("No evidence with id {id}.")))
}

/// Saves what is said about a file (name, effective date, description, links); the content
/// itself never changes.
pub fn update(vault: &mut Vault, stamp: Stamp, evidence: Evidence) -> Result<Evidence> {
    let file_name = clean_file_name(&evidence.file_name)?;
    vault.write(stamp, |tx| {
        let before = get(tx.reader(), evidence.id)?;
        let after = Evidence {
            file_name,
            effective_date: evidence.effective_date,
            description: evidence.description.trim().to_owned(),
            links: checked_links(tx.reader(), evidence.links, Check::All)?,
            ..before.clone()
        };
        if after == before {
            return Ok(after);
        }
        tx.update(
            TABLE,
            after.id,
            &before,
            &after,
            "UPDATE evidence SET file_name = ?2, effective_date = ?3, description = ?4, links = ?5 WHERE id = ?1",
            params![after.id, after.file_name, after.effective_date, after.description, serde_json::to_string(&after.links)?],
        )?;
        Ok(after)
    })
}

/// Takes `link` (a record reference as [`add_file`] accepts it) off the records evidence `id`
/// supports: a file detached from an audit or a review. The file and its other links stay
/// (they are not checked again: a link to a record deleted since is left as it is). Nothing
/// changes when the file was not linked to it.
pub fn unlink(vault: &mut Vault, stamp: Stamp, id: i64, link: &str) -> Result<Evidence> {
    let link = link.trim();
    let key = link.strip_prefix("A.").unwrap_or(link).to_ascii_uppercase();
    vault.write(stamp, |tx| {
        let before = get(tx.reader(), id)?;
        let mut after = before.clone();
        after.links.retain(|l| l.to_ascii_uppercase() != key);
        if after == before {
            return Ok(after);
        }
        tx.update(
            TABLE,
            after.id,
            &before,
            &after,
            "UPDATE evidence SET links = ?2 WHERE id = ?1",
            params![after.id, serde_json::to_string(&after.links)?],
        )?;
        Ok(after)
    })
}

/// Deletes an evidence record, and its content when nothing else uses it.
pub fn delete(vault: &mut Vault, stamp: Stamp, id: i64) -> Result<()> {
    vault.write(stamp, |tx| {
        let before = get(tx.reader(), id)?;
        let versions: i64 = tx.reader().query_row(
            "SELECT count(*) FROM document_versions WHERE evidence_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if versions > 0 {
            return Err(CoreError::new(
                ErrorCode::Referenced,
                format!(
                    "{} is the file of a document version; it stays as long as the version does.",
                    before.file_name
                ),
            ));
        }
        let results: i64 = tx.reader().query_row(
            "SELECT count(*) FROM measure_results WHERE evidence_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if results > 0 {
            return Err(CoreError::new(
                ErrorCode::Referenced,
                format!(
                    "{} is the evidence of a measure's result; results are never changed, so it stays.",
                    before.file_name
                ),
            ));
        }
        let competence: i64 = tx.reader().query_row(
            "SELECT count(*) FROM competence_evidence WHERE evidence_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if competence > 0 {
            return Err(CoreError::new(
                ErrorCode::Referenced,
                format!(
                    "{} proves someone's competence; remove it from their competence record first.",
                    before.file_name
                ),
            ));
        }
        let certificates: i64 = tx.reader().query_row(
            "SELECT count(*) FROM supplier_certificates WHERE evidence_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        let incidents: i64 = tx.reader().query_row(
            "SELECT count(*) FROM incidents WHERE EXISTS \
             (SELECT 1 FROM json_each(incidents.evidence_ids) WHERE value = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if certificates + incidents > 0 {
            return Err(CoreError::new(
                ErrorCode::Referenced,
                format!(
                    "{} is the evidence of a supplier's certificate or of an incident; remove it from there first.",
                    before.file_name
                ),
            ));
        }
        tx.delete(
            TABLE,
            id,
            &before,
            "DELETE FROM evidence WHERE id = ?1",
            [id],
        )?;
        content::remove_if_unused(tx, &before.sha256)
    })
}

/// Writes the file of evidence `id` to `out`, byte for byte; returns the bytes written.
pub fn write_content(conn: &Connection, id: i64, out: &mut dyn Write) -> Result<u64> {
    let evidence = get(conn, id)?;
    content::write(conn, &evidence.sha256, out)
}

/// The records an evidence file may support besides Annex A controls: each by its reference
/// prefix, the table that holds it and the word for it in an error.
const LINKED: &[(&str, &str, &str)] = &[
    ("R-", "risks", "risk"),
    ("IA-", "audits", "internal audit"),
    ("MR-", "reviews", "management review"),
];

/// Normalises and checks link references: Annex A controls by id ("5.1", also written
/// "A.5.1"), and risks, internal audits (IA-001, whose report the file may be) and
/// management reviews (MR-001, their minutes) by reference, each of which must exist.
/// Which linked records must already exist when links are checked.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Check {
    All,
    /// During a snapshot import: the records imported before evidence (risks); audits and
    /// reviews are checked at the end.
    ImportedFirst,
}

/// After a snapshot import: every evidence link names a record that now exists, or the
/// import fails as a bad snapshot naming it.
pub(crate) fn check_imported_links(conn: &Connection) -> Result<()> {
    for e in list(conn)? {
        checked_links(conn, e.links, Check::All).map_err(|err| {
            CoreError::new(
                ErrorCode::BadSnapshot,
                format!("Evidence {}: {}", e.id, err.message),
            )
        })?;
    }
    Ok(())
}

fn checked_links(conn: &Connection, links: Vec<String>, check: Check) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for link in links {
        let link = link.trim();
        let control = link.strip_prefix("A.").unwrap_or(link);
        let upper = link.to_ascii_uppercase();
        let normal = if reference::control(control).is_some() {
            control.to_owned()
        } else if let Some((prefix, table, word)) = LINKED
            .iter()
            .find(|(prefix, _, _)| upper.starts_with(prefix))
        {
            if check == Check::ImportedFirst && *prefix != "R-" {
                if !out.contains(&upper) {
                    out.push(upper);
                }
                continue;
            }
            let found: Option<i64> = conn
                .query_row(
                    &format!("SELECT 1 FROM {table} WHERE reference = ?1"),
                    [&upper],
                    |r| r.get(0),
                )
                .optional()?;
            if found.is_none() {
                return Err(CoreError::validation(vec![FieldError::new(
                    "links",
                    format!("No {word} {upper}."),
                )]));
            }
            upper
        } else {
            return Err(CoreError::validation(vec![FieldError::new(
                "links",
                format!(
                    "{link:?} is neither an Annex A control (5.1), a risk (R-001), an internal audit (IA-001) nor a management review (MR-001)."
                ),
            )]));
        };
        if !out.contains(&normal) {
            out.push(normal);
        }
    }
    Ok(out)
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Evidence> {
    let links: String = row.get(8)?;
    Ok(Evidence {
        id: row.get(0)?,
        sha256: row.get(1)?,
        file_name: row.get(2)?,
        media_type: row.get(3)?,
        size: row.get::<_, i64>(4)? as u64,
        effective_date: row.get(5)?,
        uploaded_at: row.get(6)?,
        description: row.get(7)?,
        links: serde_json::from_str(&links).unwrap_or_default(),
    })
}
