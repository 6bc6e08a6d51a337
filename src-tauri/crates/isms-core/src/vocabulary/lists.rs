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
        Word::new(Treatment::Modify, "Modify").or(&["mitigate", "reduce", "treat", "modify the risk"]),
        Word::new(Treatment::Avoid, "Avoid").or(&["terminate", "eliminate", "avoid the risk"]),
        Word::new(Treatment::Transfer, "Transfer").or(&["share", "insure", "transfer the risk"]),
        Word::new(Treatment::Accept, "Accept").or(&["retain", "tolerate", "accept the risk"]),
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
        Word::new(ApprovalKind::Plan, "Treatment plan approved").or(&["Treatment plan"]),
        Word::new(ApprovalKind::Acceptance, "Residual risk accepted"),
    ];
}

impl Vocabulary for ImplementationStatus {
    const WORDS: &'static [Word<Self>] = &[
        Word::new(ImplementationStatus::NotStarted, "Not started").or(&[
            "not implemented",
            "planned",
            "to do",
            "todo",
            "open",
            "no",
        ]),
        Word::new(ImplementationStatus::InProgress, "In progress").or(&[
            "partially implemented",
            "partial",
            "partly",
            "ongoing",
            "started",
        ]),
        Word::new(ImplementationStatus::Implemented, "Implemented").or(&[
            "fully implemented",
            "done",
            "complete",
            "completed",
            "in place",
            "yes",
        ]),
    ];
}

impl Vocabulary for DocKind {
    const WORDS: &'static [Word<Self>] = &[
        Word::new(DocKind::Policy, "Policy").or(&["pol"]),
        Word::new(DocKind::Procedure, "Procedure").or(&["proc", "process", "work instruction"]),
        Word::new(DocKind::Manual, "Manual").or(&["handbook"]),
        Word::new(DocKind::Plan, "Plan"),
        Word::new(DocKind::Record, "Record").or(&["register", "log", "form"]),
        Word::new(DocKind::Other, "Other").or(&["standard", "guideline", "document"]),
    ];
}

impl Vocabulary for ItemKind {
    const WORDS: &'static [Word<Self>] = &[
        Word::new(ItemKind::MajorNc, "Major NC").or(&[
            "Major nonconformity",
            "major",
            "major non-conformity",
            "nc major",
        ]),
        Word::new(ItemKind::MinorNc, "Minor NC").or(&[
            "Minor nonconformity",
            "minor",
            "minor non-conformity",
            "nc minor",
        ]),
        Word::new(ItemKind::Ofi, "OFI").or(&["Opportunity for improvement", "improvement", "opportunity"]),
        Word::new(ItemKind::Observation, "Observation").or(&["obs"]),
        Word::new(ItemKind::Action, "Action").or(&["task", "to do"]),
    ];
}

impl Vocabulary for ItemSource {
    const WORDS: &'static [Word<Self>] = &[
        Word::new(ItemSource::Stage1Audit, "Stage 1 audit").or(&["stage 1", "stage one"]),
        Word::new(ItemSource::Stage2Audit, "Stage 2 audit").or(&[
            "stage 2",
            "stage two",
            "certification audit",
        ]),
        Word::new(ItemSource::SurveillanceAudit, "Surveillance audit").or(&["surveillance"]),
        Word::new(ItemSource::InternalAudit, "Internal audit").or(&["internal", "audit"]),
        Word::new(ItemSource::ManagementReview, "Management review").or(&["mr", "review"]),
        Word::new(ItemSource::Incident, "Incident").or(&["security incident"]),
        Word::new(ItemSource::RiskTreatment, "Risk treatment").or(&["risk", "risk assessment"]),
        Word::new(ItemSource::Other, "Other"),
    ];
}

impl Vocabulary for ItemStatus {
    const WORDS: &'static [Word<Self>] = &[
        Word::new(ItemStatus::Open, "Open").or(&["new", "not started", "raised"]),
        Word::new(ItemStatus::InProgress, "In progress").or(&["ongoing", "started", "wip"]),
        Word::new(ItemStatus::AwaitingVerification, "Awaiting verification").or(&[
            "to verify",
            "pending verification",
            "verification",
        ]),
        Word::new(ItemStatus::Closed, "Closed").or(&["done", "complete", "completed", "resolved"]),
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
