//! The words of the tracker's lists: an item's kind, where it came from and its status, in
//! English, German and French as findings logs write them. A word that does not say major or
//! minor ("nonconformity", "Abweichung", "non-conformité") is no synonym: the importer asks
//! rather than guess.

use super::{Vocabulary, Word};
use crate::tracker::{ItemKind, ItemSource, ItemStatus};

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
