//! Everything the readiness rules, the clause coverage and the packs read, loaded from the
//! vault in one go ([`Facts::load`], the only place they touch SQL). Facts as loaded are the
//! vault as it is now; they reach a consumer only through a [`super::View`] of a day.

use rusqlite::Connection;

use crate::acknowledgements::Acknowledgement;
use crate::audits::Audit;
use crate::changes::IsmsChange;
use crate::clauses::ClauseEntry;
use crate::competence::{Assignment, CompetenceEvidence, Role};
use crate::context::{ContextIssue, InterestedParty};
use crate::documents::Document;
use crate::error::Result;
use crate::evidence::Evidence;
use crate::incidents::Incident;
use crate::measures::{Measure, MeasureResult};
use crate::objectives::Objective;
use crate::organisation::Organisation;
use crate::people::Person;
use crate::requirements::Requirement;
use crate::reviews::Review;
use crate::risks::{Risk, RiskMethod};
use crate::soa::{SoaEntry, SoaVersion};
use crate::suppliers::Supplier;
use crate::tracker::TrackerItem;
use crate::training::{Completion, Course};
use crate::{
    acknowledgements, audits, changes, clauses, competence, context, documents, evidence,
    incidents, measures, objectives, organisation, people, requirements, reviews, risks, soa,
    suppliers, tracker, training,
};

/// The vault's records.
#[derive(Debug, Clone)]
pub struct Facts {
    pub organisation: Organisation,
    pub people: Vec<Person>,
    pub issues: Vec<ContextIssue>,
    pub parties: Vec<InterestedParty>,
    pub method: Option<RiskMethod>,
    pub risks: Vec<Risk>,
    pub soa: Vec<SoaEntry>,
    pub soa_versions: Vec<SoaVersion>,
    pub objectives: Vec<Objective>,
    pub documents: Vec<Document>,
    pub checklist: Vec<ClauseEntry>,
    pub audits: Vec<Audit>,
    pub tracker: Vec<TrackerItem>,
    pub courses: Vec<Course>,
    pub completions: Vec<Completion>,
    pub acknowledgements: Vec<Acknowledgement>,
    pub changes: Vec<IsmsChange>,
    pub reviews: Vec<Review>,
    /// The evidence files' descriptions (never their contents).
    pub evidence: Vec<Evidence>,
    /// The ISMS roles (5.3), who holds them, and everyone's competence evidence (7.2).
    pub roles: Vec<Role>,
    pub assignments: Vec<Assignment>,
    pub competence: Vec<CompetenceEvidence>,
    /// Monitoring and measurement (9.1): the measures and their results.
    pub measures: Vec<Measure>,
    pub results: Vec<MeasureResult>,
    /// The supplier register (A.5.19–5.22), each supplier with its reviews and certificates.
    pub suppliers: Vec<Supplier>,
    /// The incident log (A.5.24–5.28).
    pub incidents: Vec<Incident>,
    /// The register of legal, regulatory and contractual requirements (4.2 c, A.5.31).
    pub requirements: Vec<Requirement>,
}

impl Facts {
    pub fn load(conn: &Connection) -> Result<Self> {
        Ok(Self {
            organisation: organisation::get(conn)?,
            people: people::list(conn)?,
            issues: context::list_issues(conn)?,
            parties: context::list_parties(conn)?,
            method: risks::get_method(conn)?,
            risks: risks::list(conn)?,
            soa: soa::list(conn)?,
            soa_versions: soa::versions(conn)?,
            objectives: objectives::list(conn)?,
            documents: documents::list(conn)?,
            checklist: clauses::list(conn)?,
            audits: audits::list(conn)?,
            tracker: tracker::list(conn)?,
            courses: training::list_courses(conn)?,
            completions: training::list_completions(conn)?,
            acknowledgements: acknowledgements::list(conn)?,
            changes: changes::list(conn)?,
            reviews: reviews::list(conn)?,
            evidence: evidence::list(conn)?,
            roles: competence::list_roles(conn)?,
            assignments: competence::list_assignments(conn)?,
            competence: competence::list_evidence(conn)?,
            measures: measures::list(conn)?,
            results: measures::results(conn, None)?,
            suppliers: suppliers::list(conn)?,
            incidents: incidents::list(conn)?,
            requirements: requirements::list(conn)?,
        })
    }
}
