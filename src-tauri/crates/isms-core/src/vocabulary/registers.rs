//! The words of the registers a Stage 2 auditor samples beside the SoA: suppliers (criticality,
//! review outcome), incidents (category, status; severity shares the criticality's steps) and
//! the requirements register (where a requirement comes from). The synonyms are the words
//! supplier lists and incident logs kept by hand commonly use.

use super::{Vocabulary, Word};
use crate::incidents::{IncidentCategory, IncidentStatus};
use crate::requirements::RequirementSource;
use crate::suppliers::{Criticality, ReviewOutcome};

impl Vocabulary for Criticality {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            Criticality::Low,
            "Low",
            &["minor", "1", "niedrig", "gering", "faible", "basse"],
        ),
        Word::with(
            Criticality::Medium,
            "Medium",
            &["moderate", "2", "mittel", "moyen", "moyenne", "modéré"],
        ),
        Word::with(
            Criticality::High,
            "High",
            &["major", "3", "hoch", "élevé", "élevée", "haute"],
        ),
        Word::with(
            Criticality::Critical,
            "Critical",
            &[
                "very high",
                "severe",
                "4",
                "kritisch",
                "sehr hoch",
                "critique",
                "très élevé",
                "très élevée",
            ],
        ),
    ];
}

impl Vocabulary for ReviewOutcome {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            ReviewOutcome::Satisfactory,
            "Satisfactory",
            &[
                "ok",
                "passed",
                "approved",
                "acceptable",
                "zufriedenstellend",
                "bestanden",
                "satisfaisant",
            ],
        ),
        Word::with(
            ReviewOutcome::ActionsNeeded,
            "Actions needed",
            &[
                "conditional",
                "approved with conditions",
                "follow-up needed",
                "maßnahmen erforderlich",
                "actions requises",
            ],
        ),
        Word::with(
            ReviewOutcome::Unsatisfactory,
            "Unsatisfactory",
            &[
                "failed",
                "not acceptable",
                "rejected",
                "nicht zufriedenstellend",
                "nicht bestanden",
                "non satisfaisant",
                "insatisfaisant",
            ],
        ),
    ];
}

impl Vocabulary for IncidentCategory {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            IncidentCategory::Malware,
            "Malware",
            &[
                "virus",
                "ransomware",
                "schadsoftware",
                "logiciel malveillant",
            ],
        ),
        Word::with(
            IncidentCategory::Phishing,
            "Phishing",
            &["social engineering", "hameçonnage"],
        ),
        Word::with(
            IncidentCategory::UnauthorisedAccess,
            "Unauthorised access",
            &[
                "unauthorized access",
                "account compromise",
                "intrusion",
                "unbefugter zugriff",
                "accès non autorisé",
            ],
        ),
        Word::with(
            IncidentCategory::DataLoss,
            "Data loss or leak",
            &[
                "data loss",
                "data leak",
                "data breach",
                "lost device",
                "datenverlust",
                "datenabfluss",
                "perte de données",
                "fuite de données",
            ],
        ),
        Word::with(
            IncidentCategory::Availability,
            "Availability",
            &[
                "outage",
                "service outage",
                "denial of service",
                "ddos",
                "verfügbarkeit",
                "ausfall",
                "disponibilité",
                "panne",
            ],
        ),
        Word::with(
            IncidentCategory::Physical,
            "Physical",
            &[
                "theft",
                "physical security",
                "physisch",
                "diebstahl",
                "physique",
                "vol",
            ],
        ),
        Word::with(
            IncidentCategory::Supplier,
            "Supplier",
            &[
                "third party",
                "vendor",
                "lieferant",
                "dienstleister",
                "fournisseur",
            ],
        ),
        Word::with(
            IncidentCategory::PolicyViolation,
            "Policy violation",
            &[
                "misuse",
                "human error",
                "richtlinienverstoß",
                "violation de politique",
            ],
        ),
        Word::with(
            IncidentCategory::Other,
            "Other",
            &["sonstiges", "andere", "autre"],
        ),
    ];
}

impl Vocabulary for IncidentStatus {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            IncidentStatus::Reported,
            "Reported",
            &["new", "open", "gemeldet", "offen", "signalé", "ouvert"],
        ),
        Word::with(
            IncidentStatus::Assessed,
            "Assessed",
            &[
                "triaged",
                "under investigation",
                "bewertet",
                "in untersuchung",
                "évalué",
                "en cours d'analyse",
            ],
        ),
        Word::with(
            IncidentStatus::Contained,
            "Contained",
            &["resolved", "mitigated", "eingedämmt", "contenu", "maîtrisé"],
        ),
        Word::with(
            IncidentStatus::Closed,
            "Closed",
            &["done", "geschlossen", "abgeschlossen", "clos", "clôturé"],
        ),
    ];
}

impl Vocabulary for RequirementSource {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            RequirementSource::Law,
            "Law",
            &[
                "legal",
                "legislation",
                "statutory",
                "act",
                "gesetz",
                "gesetzlich",
                "loi",
                "légal",
            ],
        ),
        Word::with(
            RequirementSource::Regulation,
            "Regulation",
            &[
                "regulatory",
                "regulator",
                "verordnung",
                "behördlich",
                "règlement",
                "réglementaire",
            ],
        ),
        Word::with(
            RequirementSource::Contract,
            "Contract",
            &[
                "contractual",
                "customer contract",
                "agreement",
                "vertrag",
                "vertraglich",
                "contrat",
                "contractuel",
            ],
        ),
        Word::with(
            RequirementSource::Standard,
            "Standard",
            &["certification scheme", "norm", "norme"],
        ),
        Word::with(
            RequirementSource::Other,
            "Other",
            &["sonstiges", "andere", "autre"],
        ),
    ];
}
