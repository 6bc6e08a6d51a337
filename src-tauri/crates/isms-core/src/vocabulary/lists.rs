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
                "major nc",
                "hauptabweichung",
                "wesentliche abweichung",
                "schwerwiegende abweichung",
                "kritische abweichung",
                "non-conformité majeure",
                "écart majeur",
                "nc majeure",
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
                "nebenabweichung",
                "geringfügige abweichung",
                "kleine abweichung",
                "non-conformité mineure",
                "écart mineur",
                "nc mineure",
            ],
        ),
        Word::with(
            ItemKind::Ofi,
            "OFI",
            &[
                "Opportunity for improvement",
                "improvement",
                "opportunity",
                "verbesserungspotenzial",
                "verbesserungspotential",
                "verbesserungsvorschlag",
                "empfehlung",
                "piste d'amélioration",
                "opportunité d'amélioration",
                "point d'amélioration",
                "axe d'amélioration",
                "amélioration",
            ],
        ),
        Word::with(
            ItemKind::Observation,
            "Observation",
            &[
                "obs",
                "beobachtung",
                "hinweis",
                "point sensible",
                "remarque",
            ],
        ),
        Word::with(
            ItemKind::Action,
            "Action",
            &["task", "to do", "maßnahme", "aufgabe", "tâche"],
        ),
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
            &[
                "internal",
                "audit",
                "internes audit",
                "interne auditierung",
                "audit interne",
            ],
        ),
        Word::with(
            ItemSource::ManagementReview,
            "Management review",
            &["mr", "review", "managementbewertung", "revue de direction"],
        ),
        Word::with(
            ItemSource::Incident,
            "Incident",
            &[
                "security incident",
                "vorfall",
                "sicherheitsvorfall",
                "incident de sécurité",
            ],
        ),
        Word::with(
            ItemSource::RiskTreatment,
            "Risk treatment",
            &[
                "risk",
                "risk assessment",
                "risikobehandlung",
                "risikobewertung",
                "traitement des risques",
                "appréciation des risques",
            ],
        ),
        Word::with(
            ItemSource::Other,
            "Other",
            &["sonstiges", "andere", "autre"],
        ),
    ];
}

impl Vocabulary for ItemStatus {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            ItemStatus::Open,
            "Open",
            &[
                "new",
                "not started",
                "raised",
                "offen",
                "neu",
                "eröffnet",
                "ouvert",
                "ouverte",
                "nouveau",
            ],
        ),
        Word::with(
            ItemStatus::InProgress,
            "In progress",
            &[
                "ongoing",
                "started",
                "wip",
                "in bearbeitung",
                "in arbeit",
                "laufend",
                "en cours",
                "en cours de traitement",
            ],
        ),
        Word::with(
            ItemStatus::AwaitingVerification,
            "Awaiting verification",
            &[
                "to verify",
                "pending verification",
                "verification",
                "wirksamkeitsprüfung",
                "zu prüfen",
                "prüfung ausstehend",
                "à vérifier",
                "en attente de vérification",
                "vérification",
            ],
        ),
        Word::with(
            ItemStatus::Closed,
            "Closed",
            &[
                "done",
                "complete",
                "completed",
                "resolved",
                "erledigt",
                "geschlossen",
                "abgeschlossen",
                "behoben",
                "clôturé",
                "clôturée",
                "clos",
                "fermé",
                "terminé",
                "résolu",
            ],
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
