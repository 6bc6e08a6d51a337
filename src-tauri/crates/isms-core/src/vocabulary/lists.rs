//! The words of the registers' lists: risks, the SoA, documents, audits, changes, objectives,
//! clause coverage, the context and the organisation's finding policy (the tracker's in
//! [`super::tracker`]). The label is
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

impl Vocabulary for Treatment {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            Treatment::Modify,
            "Modify",
            &[
                "mitigate",
                "reduce",
                "treat",
                "modify the risk",
                "mitigate the risk",
                "reduce the risk",
                "treat the risk",
                "mitigation",
                "reduction",
                "control",
                "mindern",
                "minderung",
                "reduzieren",
                "reduktion",
                "verringern",
                "minimieren",
                "behandeln",
                "modifizieren",
                "réduire",
                "réduction",
                "atténuer",
                "atténuation",
                "traiter",
                "modifier",
            ],
        ),
        Word::with(
            Treatment::Avoid,
            "Avoid",
            &[
                "terminate",
                "eliminate",
                "avoid the risk",
                "avoidance",
                "vermeiden",
                "vermeidung",
                "beseitigen",
                "éviter",
                "évitement",
                "refuser",
                "supprimer",
            ],
        ),
        Word::with(
            Treatment::Transfer,
            "Transfer",
            &[
                "share",
                "insure",
                "transfer the risk",
                "share the risk",
                "insurance",
                "übertragen",
                "übertragung",
                "transferieren",
                "teilen",
                "versichern",
                "transférer",
                "transfert",
                "partager",
                "assurer",
            ],
        ),
        Word::with(
            Treatment::Accept,
            "Accept",
            &[
                "retain",
                "tolerate",
                "accept the risk",
                "acceptance",
                "accepted",
                "akzeptieren",
                "akzeptanz",
                "akzeptiert",
                "tragen",
                "hinnehmen",
                "selbst tragen",
                "accepter",
                "acceptation",
                "accepté",
                "conserver",
                "maintenir",
            ],
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
        Word::with(
            ActionStatus::Planned,
            "Planned",
            &[
                "open",
                "to do",
                "geplant",
                "offen",
                "planifié",
                "prévu",
                "à faire",
            ],
        ),
        Word::with(
            ActionStatus::InProgress,
            "In progress",
            &[
                "ongoing",
                "in bearbeitung",
                "in arbeit",
                "laufend",
                "en cours",
            ],
        ),
        Word::with(
            ActionStatus::Done,
            "Done",
            &[
                "complete",
                "completed",
                "closed",
                "erledigt",
                "abgeschlossen",
                "umgesetzt",
                "fait",
                "terminé",
                "réalisé",
            ],
        ),
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
            &[
                "not implemented",
                "planned",
                "to do",
                "todo",
                "open",
                "no",
                "nicht umgesetzt",
                "nicht implementiert",
                "nicht begonnen",
                "geplant",
                "offen",
                "nein",
                "non mis en œuvre",
                "non mise en œuvre",
                "non implémenté",
                "non commencé",
                "planifié",
                "prévu",
                "à faire",
                "non",
            ],
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
                "teilweise umgesetzt",
                "teilweise",
                "in umsetzung",
                "in bearbeitung",
                "begonnen",
                "partiellement",
                "partiellement mis en œuvre",
                "partiellement mise en œuvre",
                "en cours",
                "en cours de mise en œuvre",
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
                "umgesetzt",
                "vollständig umgesetzt",
                "implementiert",
                "erledigt",
                "ja",
                "mis en œuvre",
                "mise en œuvre",
                "implémenté",
                "en place",
                "oui",
            ],
        ),
    ];
}

impl Vocabulary for DocKind {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            DocKind::Policy,
            "Policy",
            &["pol", "richtlinie", "leitlinie", "politique"],
        ),
        Word::with(
            DocKind::Procedure,
            "Procedure",
            &[
                "proc",
                "process",
                "work instruction",
                "verfahren",
                "verfahrensanweisung",
                "arbeitsanweisung",
                "prozess",
                "procédure",
                "processus",
                "mode opératoire",
            ],
        ),
        Word::with(
            DocKind::Manual,
            "Manual",
            &["handbook", "handbuch", "manuel"],
        ),
        Word::with(DocKind::Plan, "Plan", &["konzept"]),
        Word::with(
            DocKind::Record,
            "Record",
            &[
                "register",
                "log",
                "form",
                "nachweis",
                "aufzeichnung",
                "protokoll",
                "formular",
                "verzeichnis",
                "enregistrement",
                "registre",
                "formulaire",
            ],
        ),
        Word::with(
            DocKind::Other,
            "Other",
            &[
                "standard",
                "guideline",
                "document",
                "sonstiges",
                "andere",
                "dokument",
                "autre",
            ],
        ),
    ];
}

impl Vocabulary for AuditStatus {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            AuditStatus::Planned,
            "Planned",
            &["scheduled", "not started", "geplant", "planifié", "prévu"],
        ),
        Word::with(
            AuditStatus::InProgress,
            "In progress",
            &[
                "ongoing",
                "started",
                "in bearbeitung",
                "laufend",
                "in durchführung",
                "en cours",
            ],
        ),
        Word::with(
            AuditStatus::Completed,
            "Completed",
            &[
                "done",
                "complete",
                "closed",
                "abgeschlossen",
                "durchgeführt",
                "erledigt",
                "terminé",
                "réalisé",
                "clôturé",
            ],
        ),
        Word::with(
            AuditStatus::Cancelled,
            "Cancelled",
            &["canceled", "abgesagt", "storniert", "entfällt", "annulé"],
        ),
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
