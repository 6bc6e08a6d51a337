//! The whole vault as one versioned JSON document (`"format": "isms-desk-snapshot"`), for
//! moving a vault between machines or versions, for fixtures, and for outside tools.
//!
//! Export is deterministic: the same vault gives the same bytes (no timestamps of the export
//! itself, records in a fixed order). Import is all-or-nothing, in one write transaction, and
//! only into a vault that holds nothing beyond what creating it wrote ([`import`], which trusts
//! nothing a snapshot says about evidence). Reading is bounded and streamed ([`read`]). Each
//! domain adds its records here; the JSON Schema in `docs/snapshot.schema.json` is generated
//! from these types.

mod import;
mod read;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::acknowledgements::{self, Acknowledgement};
use crate::assets::{self, Asset};
use crate::audits::{self, Audit};
use crate::changes::{self, IsmsChange};
use crate::clauses::{self, ClauseEntry};
use crate::competence::{self, Assignment, CompetenceEvidence, StandardRole};
use crate::context::{self, ContextIssue, InterestedParty};
use crate::db::Vault;
use crate::documents::{self, Document};
use crate::error::Result;
use crate::evidence::{self, Evidence};
use crate::incidents::{self, Incident};
use crate::measures::{self, Measure, MeasureResult};
use crate::objectives::{self, Objective};
use crate::organisation::{self, Organisation};
use crate::people::{self, Person};
use crate::requirements::{self, Requirement};
use crate::reviews::{self, Review};
use crate::risks::{self, Risk, RiskMethod};
use crate::soa::{self, SoaEntry, SoaVersion};
use crate::suppliers::{self, Supplier};
use crate::tracker::{self, TrackerItem};
use crate::training::{self, Completion, Course};

pub use import::import;
pub use read::{MAX_SNAPSHOT_BYTES, parse, read_file};

pub const FORMAT: &str = "isms-desk-snapshot";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "ISMS Desk snapshot",
    description = "The whole content of an ISMS Desk vault."
)]
pub struct Snapshot {
    /// Always `isms-desk-snapshot`.
    pub format: String,
    /// The snapshot format's version; this build reads and writes 1.
    pub version: u32,
    pub organisation: Organisation,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub context_issues: Vec<ContextIssue>,
    #[serde(default)]
    pub interested_parties: Vec<InterestedParty>,
    #[serde(default)]
    pub assets: Vec<Asset>,
    /// The Statement of Applicability, one entry per Annex A control.
    #[serde(default)]
    pub soa: Vec<SoaEntry>,
    /// Approved SoA versions, oldest first.
    #[serde(default)]
    pub soa_versions: Vec<SoaVersion>,
    /// The risk method, once set.
    #[serde(default)]
    pub risk_method: Option<RiskMethod>,
    /// The risk register with actions and approvals (scores and `void` are derived on import).
    #[serde(default)]
    pub risks: Vec<Risk>,
    #[serde(default)]
    pub objectives: Vec<Objective>,
    /// Evidence records; their files are in `evidence_files`.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// Each distinct evidence file once, base64-encoded.
    #[serde(default)]
    pub evidence_files: Vec<EvidenceFile>,
    /// The document register with every version.
    #[serde(default)]
    pub documents: Vec<Document>,
    /// The clause checklist: only clauses with something recorded.
    #[serde(default)]
    pub clauses: Vec<ClauseEntry>,
    /// The internal audit programme.
    #[serde(default)]
    pub audits: Vec<Audit>,
    /// The ISMS tracker, with each item's progress notes.
    #[serde(default)]
    pub tracker: Vec<TrackerItem>,
    #[serde(default)]
    pub courses: Vec<Course>,
    #[serde(default)]
    pub completions: Vec<Completion>,
    #[serde(default)]
    pub acknowledgements: Vec<Acknowledgement>,
    #[serde(default)]
    pub changes: Vec<IsmsChange>,
    #[serde(default)]
    pub reviews: Vec<Review>,
    /// Monitoring and measurement (9.1): the measures.
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// The measures' results, append-only, each with the verdict it was recorded with.
    #[serde(default)]
    pub measure_results: Vec<MeasureResult>,
    /// The ISMS roles with who holds them, named rather than numbered: a standard role is
    /// matched by its `standard` marker to the one every vault has.
    #[serde(default)]
    pub roles: Vec<SnapshotRole>,
    /// Everyone's competence evidence.
    #[serde(default)]
    pub competence_evidence: Vec<CompetenceEvidence>,
    /// The supplier register, each supplier with its reviews and certificates.
    #[serde(default)]
    pub suppliers: Vec<Supplier>,
    /// The incident log.
    #[serde(default)]
    pub incidents: Vec<Incident>,
    /// The register of legal, regulatory and contractual requirements.
    #[serde(default)]
    pub requirements: Vec<Requirement>,
}

/// A role and the people who hold it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SnapshotRole {
    pub name: String,
    /// Which standard ISMS role this is; absent for the company's own.
    #[serde(default)]
    pub standard: Option<StandardRole>,
    #[serde(default)]
    pub responsibilities: String,
    #[serde(default)]
    pub competence: String,
    #[serde(default)]
    pub holders: Vec<SnapshotHolder>,
}

/// Someone who holds a role, and since when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SnapshotHolder {
    pub person_id: i64,
    #[serde(default)]
    pub assigned_on: Option<chrono::NaiveDate>,
}

/// One stored evidence content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceFile {
    pub sha256: String,
    pub base64: String,
}

/// Reads the vault into a snapshot.
pub fn export(vault: &Vault) -> Result<Snapshot> {
    let conn = vault.reader();
    let evidence_list = evidence::list(conn)?;
    Ok(Snapshot {
        format: FORMAT.to_owned(),
        version: VERSION,
        organisation: organisation::get(vault.reader())?,
        people: by_id(people::list(conn)?, |p| p.id),
        context_issues: by_id(context::list_issues(conn)?, |i| i.id),
        interested_parties: by_id(context::list_parties(conn)?, |p| p.id),
        assets: by_id(assets::list(conn)?, |a| a.id),
        soa: soa::list(conn)?,
        soa_versions: soa::versions(conn)?,
        risk_method: risks::get_method(conn)?,
        risks: risks::list(conn)?,
        objectives: by_id(objectives::list(conn)?, |o| o.id),
        evidence_files: evidence_files(vault, &evidence_list)?,
        evidence: evidence_list,
        documents: by_id(documents::list(conn)?, |d| d.id),
        clauses: clauses::list(conn)?
            .into_iter()
            .filter(|c| !c.document_ids.is_empty() || !c.records.is_empty())
            .collect(),
        audits: by_id(audits::list(conn)?, |a| a.id),
        tracker: tracker::list(conn)?,
        courses: by_id(training::list_courses(conn)?, |c| c.id),
        completions: by_id(training::list_completions(conn)?, |c| c.id),
        acknowledgements: by_id(acknowledgements::list(conn)?, |a| a.id),
        changes: by_id(changes::list(conn)?, |c| c.id),
        reviews: by_id(reviews::list(conn)?, |r| r.id),
        measures: by_id(measures::list(conn)?, |m| m.id),
        measure_results: by_id(measures::results(conn, None)?, |r| r.id),
        roles: roles(conn)?,
        competence_evidence: by_id(competence::list_evidence(conn)?, |e| e.id),
        suppliers: by_id(suppliers::list(conn)?, |s| s.id),
        incidents: by_id(incidents::list(conn)?, |i| i.id),
        requirements: by_id(requirements::list(conn)?, |r| r.id),
    })
}

fn roles(conn: &rusqlite::Connection) -> Result<Vec<SnapshotRole>> {
    let assignments = competence::list_assignments(conn)?;
    Ok(competence::list_roles(conn)?
        .into_iter()
        .map(|role| {
            let mut holders: Vec<&Assignment> = assignments
                .iter()
                .filter(|a| a.role_id == role.id)
                .collect();
            holders.sort_by_key(|a| a.person_id);
            SnapshotRole {
                holders: holders
                    .into_iter()
                    .map(|a| SnapshotHolder {
                        person_id: a.person_id,
                        assigned_on: a.assigned_on,
                    })
                    .collect(),
                name: role.name,
                standard: role.standard,
                responsibilities: role.responsibilities,
                competence: role.competence,
            }
        })
        .collect())
}

fn evidence_files(vault: &Vault, records: &[Evidence]) -> Result<Vec<EvidenceFile>> {
    use base64::Engine as _;
    let mut files: Vec<EvidenceFile> = Vec::new();
    for e in records {
        if files.iter().any(|f| f.sha256 == e.sha256) {
            continue;
        }
        // Sized by what is read, never by the recorded size.
        let mut bytes = Vec::new();
        evidence::write_content(vault.reader(), e.id, &mut bytes)?;
        files.push(EvidenceFile {
            sha256: e.sha256.clone(),
            base64: base64::engine::general_purpose::STANDARD.encode(bytes),
        });
    }
    files.sort_by(|a, b| a.sha256.cmp(&b.sha256));
    Ok(files)
}

/// Records in id order, so the export does not depend on how screens sort them.
fn by_id<T>(mut records: Vec<T>, id: impl Fn(&T) -> i64) -> Vec<T> {
    records.sort_by_key(|r| id(r));
    records
}

/// The snapshot as pretty JSON with a final newline.
pub fn to_json(snapshot: &Snapshot) -> Result<String> {
    let mut text = serde_json::to_string_pretty(snapshot)?;
    text.push('\n');
    Ok(text)
}

/// The JSON Schema of the snapshot format, pretty-printed with a final newline.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Snapshot);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
