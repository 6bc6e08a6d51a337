//! The words of the registers' lists: risks, the SoA, documents, the tracker, audits, changes,
//! objectives, clause coverage, the context and the organisation's finding policy. The label is
//! what the screens show; the synonyms are the other words an imported sheet may use (the
//! sheets written before this vocabulary spelt some values out: "Major nonconformity").

use super::{Vocabulary, Word};
use crate::audits::AuditStatus;
use crate::changes::ChangeStatus;
use crate::context::IssueKind;
use crate::coverage::Status as CoverageStatus;
use crate::documents::DocKind;
use crate::objectives::ObjectiveStatus;
use crate::organisation::FindingPolicy;
use crate::risks::{ActionStatus, ApprovalKind, RiskLevel, Treatment};
use crate::soa::ImplementationStatus;
use crate::tracker::{ItemKind, ItemSource, ItemStatus};

impl Vocabulary for Treatment {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            Treatment::Modify,
            "Modify",
            &["mitigate", "reduce", "treat", "modify the risk"],
        ),
        Word::with(
            Treatment::Avoid,
            "Avoid",
            &["terminate", "eliminate", "avoid the risk"],
        ),
        Word::with(
            Treatment::Transfer,
            "Transfer",
            &["share", "insure", "transfer the risk"],
        ),
        Word::with(
            Treatment::Accept,
            "Accept",
            &["retain", "tolerate", "accept the risk"],
        ),
    ];
}

impl Vocabulary for RiskLevel {
    const WORDS: &'static [Word<Self>] = &[
        Word::new(RiskLevel::Acceptable, "Acceptable"),
        Word::new(RiskLevel::Amber, "Amber"),
        Word::new(RiskLevel::Red, "Red"),
    ];
}

impl Vocabulary for ActionStatus {
    const WORDS: &'static [Word<Self>] = &[
        Word::new(ActionStatus::Planned, "Planned"),
        Word::new(ActionStatus::InProgress, "In progress"),
        Word::new(ActionStatus::Done, "Done"),
    ];
}

impl Vocabulary for ApprovalKind {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            ApprovalKind::Plan,
            "Treatment plan approved",
            &["Treatment plan"],
        ),
        Word::new(ApprovalKind::Acceptance, "Residual risk accepted"),
    ];
}

impl Vocabulary for ImplementationStatus {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            ImplementationStatus::NotStarted,
            "Not started",
            &["not implemented", "planned", "to do", "todo", "open", "no"],
        ),
        Word::with(
            ImplementationStatus::InProgress,
            "In progress",
            &[
                "partially implemented",
                "partial",
                "partly",
                "ongoing",
                "started",
            ],
        ),
        Word::with(
            ImplementationStatus::Implemented,
            "Implemented",
            &[
                "fully implemented",
                "done",
                "complete",
                "completed",
                "in place",
                "yes",
            ],
        ),
    ];
}

impl Vocabulary for DocKind {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(DocKind::Policy, "Policy", &["pol"]),
        Word::with(
            DocKind::Procedure,
            "Procedure",
            &["proc", "process", "work instruction"],
        ),
        Word::with(DocKind::Manual, "Manual", &["handbook"]),
        Word::new(DocKind::Plan, "Plan"),
        Word::with(DocKind::Record, "Record", &["register", "log", "form"]),
        Word::with(
            DocKind::Other,
            "Other",
            &["standard", "guideline", "document"],
        ),
    ];
}

impl Vocabulary for ItemKind {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            ItemKind::MajorNc,
            "Major NC",
            &[
                "Major nonconformity",
                "major",
                "major non-conformity",
                "nc major",
            ],
        ),
        Word::with(
            ItemKind::MinorNc,
            "Minor NC",
            &[
                "Minor nonconformity",
                "minor",
                "minor non-conformity",
                "nc minor",
            ],
        ),
        Word::with(
            ItemKind::Ofi,
            "OFI",
            &["Opportunity for improvement", "improvement", "opportunity"],
        ),
        Word::with(ItemKind::Observation, "Observation", &["obs"]),
        Word::with(ItemKind::Action, "Action", &["task", "to do"]),
    ];
}

impl Vocabulary for ItemSource {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            ItemSource::Stage1Audit,
            "Stage 1 audit",
            &["stage 1", "stage one"],
        ),
        Word::with(
            ItemSource::Stage2Audit,
            "Stage 2 audit",
            &["stage 2", "stage two", "certification audit"],
        ),
        Word::with(
            ItemSource::SurveillanceAudit,
            "Surveillance audit",
            &["surveillance"],
        ),
        Word::with(
            ItemSource::InternalAudit,
            "Internal audit",
            &["internal", "audit"],
        ),
        Word::with(
            ItemSource::ManagementReview,
            "Management review",
            &["mr", "review"],
        ),
        Word::with(ItemSource::Incident, "Incident", &["security incident"]),
        Word::with(
            ItemSource::RiskTreatment,
            "Risk treatment",
            &["risk", "risk assessment"],
        ),
        Word::new(ItemSource::Other, "Other"),
    ];
}

impl Vocabulary for ItemStatus {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(ItemStatus::Open, "Open", &["new", "not started", "raised"]),
        Word::with(
            ItemStatus::InProgress,
            "In progress",
            &["ongoing", "started", "wip"],
        ),
        Word::with(
            ItemStatus::AwaitingVerification,
            "Awaiting verification",
            &["to verify", "pending verification", "verification"],
        ),
        Word::with(
            ItemStatus::Closed,
            "Closed",
            &["done", "complete", "completed", "resolved"],
        ),
    ];
}

impl Vocabulary for AuditStatus {
    const WORDS: &'static [Word<Self>] = &[
        Word::new(AuditStatus::Planned, "Planned"),
        Word::new(AuditStatus::InProgress, "In progress"),
        Word::new(AuditStatus::Completed, "Completed"),
        Word::new(AuditStatus::Cancelled, "Cancelled"),
    ];
}

impl Vocabulary for ChangeStatus {
    const WORDS: &'static [Word<Self>] = &[
        Word::new(ChangeStatus::Proposed, "Proposed"),
        Word::new(ChangeStatus::Approved, "Approved"),
        Word::new(ChangeStatus::Implemented, "Implemented"),
        Word::new(ChangeStatus::Rejected, "Rejected"),
    ];
}

impl Vocabulary for ObjectiveStatus {
    const WORDS: &'static [Word<Self>] = &[
        Word::new(ObjectiveStatus::Planned, "Planned"),
        Word::new(ObjectiveStatus::InProgress, "In progress"),
        Word::new(ObjectiveStatus::Achieved, "Achieved"),
        Word::new(ObjectiveStatus::Missed, "Missed"),
        Word::new(ObjectiveStatus::Cancelled, "Cancelled"),
    ];
}

impl Vocabulary for CoverageStatus {
    const WORDS: &'static [Word<Self>] = &[
        Word::new(CoverageStatus::NotAddressed, "Not addressed"),
        Word::new(CoverageStatus::Planned, "Planned"),
        Word::new(CoverageStatus::Addressed, "Addressed"),
    ];
}

impl Vocabulary for IssueKind {
    const WORDS: &'static [Word<Self>] = &[
        Word::new(IssueKind::Internal, "Internal"),
        Word::new(IssueKind::External, "External"),
    ];
}

impl Vocabulary for FindingPolicy {
    const WORDS: &'static [Word<Self>] = &[
        Word::new(FindingPolicy::ZeroFindings, "Zero findings"),
        Word::new(FindingPolicy::NoMajorNc, "No major NC"),
    ];
}
