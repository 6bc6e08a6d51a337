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
        Word::with(Criticality::Low, "Low", &["minor", "1"]),
        Word::with(Criticality::Medium, "Medium", &["moderate", "2"]),
        Word::with(Criticality::High, "High", &["major", "3"]),
        Word::with(
            Criticality::Critical,
            "Critical",
            &["very high", "severe", "4"],
        ),
    ];
}

impl Vocabulary for ReviewOutcome {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            ReviewOutcome::Satisfactory,
            "Satisfactory",
            &["ok", "passed", "approved", "acceptable"],
        ),
        Word::with(
            ReviewOutcome::ActionsNeeded,
            "Actions needed",
            &[
                "conditional",
                "approved with conditions",
                "follow-up needed",
            ],
        ),
        Word::with(
            ReviewOutcome::Unsatisfactory,
            "Unsatisfactory",
            &["failed", "not acceptable", "rejected"],
        ),
    ];
}

impl Vocabulary for IncidentCategory {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            IncidentCategory::Malware,
            "Malware",
            &["virus", "ransomware"],
        ),
        Word::with(
            IncidentCategory::Phishing,
            "Phishing",
            &["social engineering"],
        ),
        Word::with(
            IncidentCategory::UnauthorisedAccess,
            "Unauthorised access",
            &["unauthorized access", "account compromise", "intrusion"],
        ),
        Word::with(
            IncidentCategory::DataLoss,
            "Data loss or leak",
            &["data loss", "data leak", "data breach", "lost device"],
        ),
        Word::with(
            IncidentCategory::Availability,
            "Availability",
            &["outage", "service outage", "denial of service", "ddos"],
        ),
        Word::with(
            IncidentCategory::Physical,
            "Physical",
            &["theft", "physical security"],
        ),
        Word::with(
            IncidentCategory::Supplier,
            "Supplier",
            &["third party", "vendor"],
        ),
        Word::with(
            IncidentCategory::PolicyViolation,
            "Policy violation",
            &["misuse", "human error"],
        ),
        Word::new(IncidentCategory::Other, "Other"),
    ];
}

impl Vocabulary for IncidentStatus {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(IncidentStatus::Reported, "Reported", &["new", "open"]),
        Word::with(
            IncidentStatus::Assessed,
            "Assessed",
            &["triaged", "under investigation"],
        ),
        Word::with(
            IncidentStatus::Contained,
            "Contained",
            &["resolved", "mitigated"],
        ),
        Word::with(IncidentStatus::Closed, "Closed", &["done"]),
    ];
}

impl Vocabulary for RequirementSource {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            RequirementSource::Law,
            "Law",
            &["legal", "legislation", "statutory", "act"],
        ),
        Word::with(
            RequirementSource::Regulation,
            "Regulation",
            &["regulatory", "regulator"],
        ),
        Word::with(
            RequirementSource::Contract,
            "Contract",
            &["contractual", "customer contract", "agreement"],
        ),
        Word::with(
            RequirementSource::Standard,
            "Standard",
            &["certification scheme"],
        ),
        Word::new(RequirementSource::Other, "Other"),
    ];
}
