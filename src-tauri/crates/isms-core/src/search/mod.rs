//! Full-text search across the vault's records: the one search box that finds a risk, a
//! finding, a document, a person or an evidence file by any word of its text. Every word of the
//! query must appear in the record's text (its reference, title and every free-text field),
//! ignoring case and accents ([`fold`]). Hits whose reference or title holds every word come
//! first, then by kind and reference. The scan reads each table once, straight from SQL; on the
//! large demo company (about 70,000 records) it takes tens of milliseconds (`make bench`).

mod fold;

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::readiness::{RecordKind, RecordRef};
use crate::reference;
pub use fold::{fold, words};

/// One record that matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Hit {
    /// The record, as a readiness rule names one: kind, reference, title and id (`None` for an
    /// SoA entry, which its control's id names).
    pub record: RecordRef,
    /// Where the first word was found when it is not in the title: the field's text around it,
    /// cut at about 120 characters. Empty when the reference or title holds every word.
    pub excerpt: String,
}

/// The first `limit` hits, best first, and how many records matched in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    #[ts(type = "number")]
    pub total: usize,
}

/// What each kind reads, in the order hits of equal rank are listed: the SQL that yields
/// `id, reference, title` and then the rest of its text.
const SOURCES: &[(RecordKind, &str)] = &[
    (
        RecordKind::Risk,
        "SELECT r.id, r.reference, r.title, r.description, r.threat, r.vulnerability,
                (SELECT group_concat(a.title, ' | ') FROM risk_actions a WHERE a.risk_id = r.id)
         FROM risks r",
    ),
    (
        RecordKind::TrackerItem,
        "SELECT t.id, t.reference, t.title, t.description, t.source_ref, t.correction,
                t.root_cause, t.corrective_action, t.decision, t.effectiveness_result,
                (SELECT group_concat(n.note, ' | ') FROM tracker_notes n WHERE n.item_id = t.id)
         FROM tracker_items t",
    ),
    (
        RecordKind::Document,
        "SELECT d.id, d.reference, d.title, d.audience,
                (SELECT group_concat(v.change_summary, ' | ') FROM document_versions v
                 WHERE v.document_id = d.id)
         FROM documents d",
    ),
    (
        RecordKind::Audit,
        "SELECT id, reference, title, external_auditor, summary FROM audits",
    ),
    (
        RecordKind::Review,
        "SELECT id, reference, 'Management review ' || held_on, other_attendees, improvement,
                changes_needed, inputs
         FROM reviews",
    ),
    (
        RecordKind::Change,
        "SELECT id, reference, title, reason, impact FROM changes",
    ),
    (
        RecordKind::Incident,
        "SELECT id, reference, title, response, lessons FROM incidents",
    ),
    (
        RecordKind::Requirement,
        "SELECT id, reference, title, requires FROM requirements",
    ),
    (
        // A supplier's reference is its name; its reviews' notes and certificates are its text.
        RecordKind::Supplier,
        "SELECT s.id, s.name, s.service, s.information, s.contract_reference, s.notes,
                (SELECT group_concat(r.note, ' | ') FROM supplier_reviews r WHERE r.supplier_id = s.id),
                (SELECT group_concat(c.title, ' | ') FROM supplier_certificates c WHERE c.supplier_id = s.id)
         FROM suppliers s",
    ),
    (
        RecordKind::Objective,
        "SELECT id, '', title, measure, progress_notes FROM objectives",
    ),
    (
        RecordKind::Asset,
        "SELECT id, '', name, kind, classification, description FROM assets",
    ),
    (
        RecordKind::Person,
        "SELECT id, '', name, email, job_title, department FROM people",
    ),
    (
        // Competence evidence is found as its person's record (the person's page shows it).
        RecordKind::Person,
        "SELECT p.id, '', p.name || ': ' || e.title, e.note
         FROM competence_evidence e JOIN people p ON p.id = e.person_id",
    ),
    (
        // A role is found through each person who holds it, by its name or responsibilities.
        RecordKind::Person,
        "SELECT p.id, '', p.name || ': ' || r.name, r.responsibilities, r.competence
         FROM role_assignments a JOIN roles r ON r.id = a.role_id
              JOIN people p ON p.id = a.person_id",
    ),
    (
        RecordKind::Evidence,
        "SELECT id, coalesce(json_extract(links, '$[0]'), ''), file_name, description FROM evidence",
    ),
    (
        RecordKind::Control,
        // The title is the control's, from the Annex A catalogue (filled in below).
        "SELECT NULL, control_id, '', justification, notes FROM soa_entries",
    ),
    (
        RecordKind::Context,
        "SELECT id, '', title, description FROM context_issues",
    ),
    (
        RecordKind::Context,
        "SELECT id, '', name, requirements FROM interested_parties",
    ),
    (RecordKind::Course, "SELECT id, '', title FROM courses"),
    (
        RecordKind::Role,
        "SELECT id, '', name, responsibilities, competence FROM roles",
    ),
    (
        RecordKind::Measure,
        "SELECT id, reference, title, monitored, method FROM measures",
    ),
];

/// Characters of an excerpt, about.
const EXCERPT_CHARS: usize = 120;

/// Searches every record for `query`; an empty query finds nothing.
pub fn search(conn: &Connection, query: &str, limit: usize) -> Result<SearchResults> {
    let words = words(query);
    let mut ranked = Vec::new();
    if words.is_empty() {
        return Ok(SearchResults {
            hits: Vec::new(),
            total: 0,
        });
    }
    for (order, (kind, sql)) in SOURCES.iter().enumerate() {
        let mut stmt = conn.prepare_cached(sql)?;
        let columns = stmt.column_count();
        let mut rows = stmt.query([])?;
        let mut fields: Vec<String> = Vec::with_capacity(columns);
        while let Some(row) = rows.next()? {
            fields.clear();
            for i in 1..columns {
                fields.push(row.get::<_, Option<String>>(i)?.unwrap_or_default());
            }
            if *kind == RecordKind::Control {
                fields[1] = reference::control(&fields[0])
                    .map(|c| c.title.clone())
                    .unwrap_or_default();
            }
            let folded: Vec<String> = fields.iter().map(|f| fold(f)).collect();
            let everywhere = |word: &String| folded.iter().any(|f| f.contains(word.as_str()));
            if !words.iter().all(everywhere) {
                continue;
            }
            let in_heading = words
                .iter()
                .all(|w| folded[0].contains(w.as_str()) || folded[1].contains(w.as_str()));
            let excerpt = if in_heading {
                String::new()
            } else {
                excerpt_of(&fields[2..], &folded[2..], &words)
            };
            ranked.push((
                !in_heading,
                order,
                Hit {
                    record: RecordRef {
                        kind: *kind,
                        id: row.get(0)?,
                        reference: std::mem::take(&mut fields[0]),
                        title: std::mem::take(&mut fields[1]),
                    },
                    excerpt,
                },
            ));
        }
    }
    let total = ranked.len();
    ranked.sort_by(|(a_body, a_order, a), (b_body, b_order, b)| {
        let (a, b) = (&a.record, &b.record);
        (a_body, a_order, &a.reference, &a.title, a.id).cmp(&(
            b_body,
            b_order,
            &b.reference,
            &b.title,
            b.id,
        ))
    });
    let hits = ranked
        .into_iter()
        .take(limit)
        .map(|(_, _, hit)| hit)
        .collect();
    Ok(SearchResults { hits, total })
}

/// The text around the first query word found in the body fields, cut at character bounds.
fn excerpt_of(fields: &[String], folded: &[String], words: &[String]) -> String {
    for word in words {
        for (text, folded) in fields.iter().zip(folded) {
            let Some(at) = folded.find(word.as_str()) else {
                continue;
            };
            let (_, offsets) = fold::fold_with_offsets(text);
            let start = offsets[at];
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let index = chars.iter().position(|(b, _)| *b == start).unwrap_or(0);
            let from = index.saturating_sub(EXCERPT_CHARS / 3);
            let to = (from + EXCERPT_CHARS).min(chars.len());
            let mut out = String::new();
            if from > 0 {
                out.push('…');
            }
            out.extend(
                chars[from..to]
                    .iter()
                    .map(|(_, c)| if c.is_whitespace() { ' ' } else { *c }),
            );
            if to < chars.len() {
                out.push('…');
            }
            return out;
        }
    }
    String::new()
}
