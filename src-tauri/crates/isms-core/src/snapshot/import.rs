//! Importing a snapshot into a fresh vault, all or nothing, in one write transaction.
//!
//! A snapshot is outside input: nothing it says about evidence is trusted. Each file's size
//! and media type are taken from its bytes and its (cleaned) name, never from the document;
//! names and links are cleaned and checked as `evidence add` does; each file is decoded only
//! when its first record is imported and its base64 text dropped then, so a snapshot's files
//! are never all decoded at once; and nothing is sized in advance from a stored number.

use std::collections::HashMap;

use super::{EvidenceFile, Snapshot, SnapshotRole};
use crate::competence::{self, Assignment, Role};
use crate::db::{Action, Stamp, Vault, WriteTx};
use crate::error::{CoreError, ErrorCode, Result};
use crate::evidence::{self, Evidence};
use crate::{
    acknowledgements, assets, audits, changes, clauses, context, documents, history, incidents,
    measures, objectives, organisation, people, requirements, reviews, risks, soa, suppliers,
    tracker, training,
};

/// Replaces the content of a fresh vault with the snapshot's, all or nothing. Records keep their
/// ids, so references between them (an asset's owner) survive the move.
pub fn import(vault: &mut Vault, stamp: Stamp, snapshot: Snapshot) -> Result<()> {
    let org = snapshot.organisation.validated()?;
    vault.write(stamp, |tx| {
        if !history::is_fresh(tx.reader())? {
            return Err(CoreError::new(
                ErrorCode::NotFresh,
                "A snapshot can only be imported into a new, empty vault (fresh from `isms new`); \
                 this one already holds records or edits. Nothing was changed.",
            ));
        }
        tx.apply(
            crate::db::Change {
                table: "organisation",
                record_id: "1".into(),
                action: Action::Import,
                before: Some(serde_json::to_value(organisation::get(tx.reader())?)?),
                after: None,
            },
            "DELETE FROM organisation WHERE id = 1",
            [],
        )?;
        organisation::create(tx, org, Action::Import)?;
        for person in snapshot.people {
            people::insert(tx, person, Action::Import)?;
        }
        for issue in snapshot.context_issues {
            context::insert_issue(tx, issue, Action::Import)?;
        }
        for party in snapshot.interested_parties {
            context::insert_party(tx, party, Action::Import)?;
        }
        for asset in snapshot.assets {
            assets::insert(tx, asset, Action::Import)?;
        }
        for entry in snapshot.soa {
            soa::import_entry(tx, entry)?;
        }
        for version in snapshot.soa_versions {
            soa::insert_version(tx, version, Action::Import)?;
        }
        if let Some(method) = snapshot.risk_method {
            risks::import_method(tx, method)?;
        }
        for mut risk in snapshot.risks {
            let approvals = std::mem::take(&mut risk.approvals);
            let id = risks::insert(tx, risk, Action::Import)?.id;
            for approval in approvals {
                risks::insert_approval(tx, id, approval, Action::Import)?;
            }
        }
        for objective in snapshot.objectives {
            objectives::insert(tx, objective, Action::Import)?;
        }
        evidence_records(tx, snapshot.evidence, snapshot.evidence_files)?;
        for mut document in snapshot.documents {
            let versions = std::mem::take(&mut document.versions);
            let id = documents::insert(tx, document, Action::Import)?.id;
            for version in versions {
                documents::insert_version(tx, id, version, Action::Import)?;
            }
        }
        for clause in snapshot.clauses {
            clauses::save(tx, clause, Action::Import)?;
        }
        for audit in snapshot.audits {
            audits::insert(tx, audit, Action::Import)?;
        }
        for item in snapshot.tracker {
            tracker::insert(tx, item, Action::Import)?;
        }
        for course in snapshot.courses {
            training::insert_course(tx, course, Action::Import)?;
        }
        for completion in snapshot.completions {
            training::insert_completion(tx, completion, Action::Import)?;
        }
        for ack in snapshot.acknowledgements {
            acknowledgements::insert(tx, ack, Action::Import)?;
        }
        for change in snapshot.changes {
            changes::insert(tx, change, Action::Import)?;
        }
        for review in snapshot.reviews {
            reviews::insert(tx, review, Action::Import)?;
        }
        for measure in snapshot.measures {
            measures::insert(tx, measure, Action::Import)?;
        }
        for result in snapshot.measure_results {
            measures::insert_result(tx, result, Action::Import)?;
        }
        roles(tx, snapshot.roles)?;
        for evidence in snapshot.competence_evidence {
            competence::insert_evidence(tx, evidence, Action::Import)?;
        }
        for supplier in snapshot.suppliers {
            suppliers::import(tx, supplier)?;
        }
        for incident in snapshot.incidents {
            incidents::insert(tx, incident, Action::Import)?;
        }
        for requirement in snapshot.requirements {
            requirements::insert(tx, requirement, Action::Import)?;
        }
        evidence::check_imported_links(tx.reader())?;
        Ok(())
    })
}

/// Evidence records, each file stored when its first record comes.
fn evidence_records(
    tx: &mut WriteTx<'_>,
    records: Vec<Evidence>,
    files: Vec<EvidenceFile>,
) -> Result<()> {
    use base64::Engine as _;
    let mut files: HashMap<String, String> =
        files.into_iter().map(|f| (f.sha256, f.base64)).collect();
    for record in records {
        let bytes = match files.remove(&record.sha256) {
            Some(text) => Some(
                base64::engine::general_purpose::STANDARD
                    .decode(text.as_bytes())
                    .map_err(|e| {
                        CoreError::new(
                            ErrorCode::BadSnapshot,
                            format!(
                                "The file of evidence {} is not valid base64: {e}",
                                record.id
                            ),
                        )
                    })?,
            ),
            None => None,
        };
        evidence::import(tx, record, bytes.as_deref())?;
    }
    Ok(())
}

fn roles(tx: &mut WriteTx<'_>, roles: Vec<SnapshotRole>) -> Result<()> {
    for entry in roles {
        let role = Role {
            id: 0,
            name: entry.name,
            standard: entry.standard,
            responsibilities: entry.responsibilities,
            competence: entry.competence,
        };
        let role_id = competence::import_role(tx, role)?.id;
        for holder in entry.holders {
            let assignment = Assignment {
                id: 0,
                role_id,
                person_id: holder.person_id,
                assigned_on: holder.assigned_on,
            };
            competence::insert_assignment(tx, assignment, Action::Import)?;
        }
    }
    Ok(())
}
