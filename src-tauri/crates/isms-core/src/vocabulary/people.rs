//! The words of the lists about people and their records (training, competence,
//! acknowledgements), measurement (frequency, direction, where a value comes from) and the
//! readiness report's kinds of record. The label is what the screens show; the synonyms are the
//! other words an imported sheet may use, among them the words the sheets and packs wrote
//! before this vocabulary ("Never", "Awareness").

use super::{Vocabulary, Word};
use crate::acknowledgements::AckMethod;
use crate::competence::CompetenceKind;
use crate::measures::{Direction, Frequency, Source};
use crate::readiness::RecordKind;
use crate::training::{AwarenessStatus, CourseKind};

impl Vocabulary for AwarenessStatus {
    const WORDS: &'static [Word<Self>] = &[
        Word::new(AwarenessStatus::Current, "Current"),
        Word::new(AwarenessStatus::Expiring, "Expiring"),
        Word::new(AwarenessStatus::Expired, "Expired"),
        Word::with(AwarenessStatus::Never, "Never done", &["Never"]),
    ];
}

impl Vocabulary for CourseKind {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(CourseKind::Awareness, "Security awareness", &["Awareness"]),
        Word::with(CourseKind::Other, "Other training", &["Other"]),
    ];
}

impl Vocabulary for CompetenceKind {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            CompetenceKind::Education,
            "Education",
            &["ausbildung", "studium", "éducation", "diplôme"],
        ),
        Word::with(
            CompetenceKind::Training,
            "Training",
            &["schulung", "weiterbildung", "formation"],
        ),
        Word::with(
            CompetenceKind::Experience,
            "Experience",
            &["erfahrung", "berufserfahrung", "expérience"],
        ),
        Word::with(
            CompetenceKind::Certification,
            "Certification",
            &["zertifizierung", "zertifikat", "certificat"],
        ),
    ];
}

impl Vocabulary for AckMethod {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            AckMethod::Signature,
            "Signature",
            &["signed", "unterschrift", "unterschrieben", "signé"],
        ),
        Word::with(
            AckMethod::Form,
            "Form",
            &["online form", "formular", "formulaire"],
        ),
        Word::with(AckMethod::Email, "E-mail", &["email", "mail", "courriel"]),
    ];
}

impl Vocabulary for Frequency {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            Frequency::Monthly,
            "Monthly",
            &["month", "every month", "monatlich", "mensuel", "mensuelle"],
        ),
        Word::with(
            Frequency::Quarterly,
            "Quarterly",
            &[
                "quarter",
                "every quarter",
                "vierteljährlich",
                "quartalsweise",
                "trimestriel",
                "trimestrielle",
            ],
        ),
        Word::with(
            Frequency::Yearly,
            "Yearly",
            &[
                "annually",
                "annual",
                "year",
                "every year",
                "jährlich",
                "annuel",
                "annuelle",
            ],
        ),
    ];
}

impl Vocabulary for Direction {
    const WORDS: &'static [Word<Self>] = &[
        Word::with(
            Direction::AtLeast,
            "At least",
            &["higher is better", "min", "minimum", ">="],
        ),
        Word::with(
            Direction::AtMost,
            "At most",
            &["lower is better", "max", "maximum", "<="],
        ),
    ];
}

impl Vocabulary for Source {
    const WORDS: &'static [Word<Self>] = &[
        Word::new(Source::Manual, "Entered by hand"),
        Word::new(
            Source::AwarenessTraining,
            "Computed: awareness training coverage",
        ),
        Word::new(
            Source::Acknowledgements,
            "Computed: acknowledgement coverage",
        ),
        Word::new(Source::OpenNcs, "Computed: open nonconformities"),
        Word::new(Source::OverdueItems, "Computed: overdue tracker items"),
        Word::new(
            Source::RedRisksTreated,
            "Computed: red risks with treatment done",
        ),
        Word::new(
            Source::SoaImplemented,
            "Computed: applicable controls implemented",
        ),
        Word::new(
            Source::AuditAdherence,
            "Computed: audit programme adherence",
        ),
    ];
}

impl Vocabulary for RecordKind {
    const WORDS: &'static [Word<Self>] = &[
        Word::new(RecordKind::Organisation, "Organisation"),
        Word::new(RecordKind::Context, "Context"),
        Word::new(RecordKind::Person, "Person"),
        Word::new(RecordKind::RiskMethod, "Risk method"),
        Word::new(RecordKind::Risk, "Risk"),
        Word::new(RecordKind::Control, "SoA control"),
        Word::new(RecordKind::Objective, "Objective"),
        Word::new(RecordKind::Document, "Document"),
        Word::new(RecordKind::Clause, "Clause"),
        Word::new(RecordKind::Audit, "Audit"),
        Word::new(RecordKind::TrackerItem, "Tracker item"),
        Word::new(RecordKind::Course, "Training course"),
        Word::new(RecordKind::Change, "Change"),
        Word::new(RecordKind::Review, "Management review"),
        Word::new(RecordKind::Asset, "Asset"),
        Word::new(RecordKind::Evidence, "Evidence file"),
        Word::new(RecordKind::Role, "ISMS role"),
        Word::new(RecordKind::Measure, "Measure"),
        Word::new(RecordKind::Supplier, "Supplier"),
        Word::new(RecordKind::Incident, "Incident"),
        Word::new(RecordKind::Requirement, "Requirement"),
    ];
}
