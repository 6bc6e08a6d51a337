//! Headers as real registers write them, in English, German and French, each proposed as the
//! field it means; every synonym of every table mapped to its own field unless a better-ranked
//! field lists it too; and a person's name from first and last name columns.

use isms_sheets::read::fields::{normalise_header, rank};
use isms_sheets::read::{Kind, MappingFile, propose_mapping};

use super::fixtures::read_csv;

/// The field `header` alone is proposed as, for `kind`.
fn field_of(kind: Kind, header: &str) -> Option<&'static str> {
    propose_mapping(&[header.to_owned()], kind).columns[0].field
}

#[test]
fn headers_are_compared_ignoring_case_accents_underscores_and_spaces_around_slashes() {
    assert_eq!(
        normalise_header("Reason for inclusion / exclusion"),
        "reason for inclusion/exclusion"
    );
    assert_eq!(normalise_header("ref_id"), normalise_header("Ref ID"));
    assert_eq!(normalise_header("Fälligkeitsdatum:"), "falligkeitsdatum");
    assert_eq!(normalise_header("Maßnahme(n)"), "massnahme(n)");
    assert_eq!(normalise_header("E-Mail-Adresse"), "e mail adresse");
    assert_eq!(normalise_header("Date d’échéance *"), "date d'echeance");
    assert_eq!(normalise_header("Applicable?"), "applicable");
}

#[test]
fn the_headers_of_real_registers_map_to_their_fields() {
    #[rustfmt::skip]
    let cases: &[(Kind, &str, &str)] = &[
        // English, as the registers people keep name them.
        (Kind::Soa, "Reason for inclusion / exclusion", "justification"),
        (Kind::Soa, "Reason for inclusion/exclusion", "justification"),
        (Kind::Soa, "Implementation Description", "notes"),
        (Kind::Documents, "Effective Date", "approved_on"),
        (Kind::Acknowledgements, "Effective Date", "date"),
        (Kind::Training, "Effective Date", "date"),
        (Kind::Tracker, "Finding / Nonconformity", "title"),
        (Kind::Tracker, "Effectiveness Check", "effectiveness_result"),
        (Kind::Risks, "Asset / Process", "assets"),
        (Kind::Risks, "Mitigation Plan", "actions"),
        (Kind::Risks, "Max Impact", "impact"),
        (Kind::Risks, "ref_id", "reference"),
        (Kind::Risks, "Ref ID", "reference"),
        (Kind::Tracker, "ref_id", "reference"),
        (Kind::Documents, "Ref ID", "reference"),
        (Kind::Soa, "Ref ID", "control_id"),
        (Kind::Tracker, "name", "title"),
        (Kind::Training, "Email Address", "email"),
        (Kind::Training, "Timestamp", "date"),
        (Kind::Training, "Completion date", "date"),
        (Kind::Acknowledgements, "Timestamp", "date"),
        (Kind::Acknowledgements, "Email Address", "email"),
        // "Responsible Party" is the owner everywhere.
        (Kind::Risks, "Responsible Party", "owner"),
        (Kind::Soa, "Responsible Party", "owner"),
        (Kind::Assets, "Responsible Party", "owner"),
        (Kind::Tracker, "Responsible Party", "owner"),
        (Kind::Tracker, "Progress notes", "notes"),
        (Kind::Tracker, "Updates", "notes"),
        (Kind::Tracker, "Comments", "notes"),
        (Kind::Audits, "Audit ID", "reference"),
        (Kind::Audits, "Scheduled", "planned_month"),
        (Kind::Audits, "Lead auditor", "auditor"),
        (Kind::Audits, "Outcome", "summary"),
        (Kind::Documents, "Responsible Party", "owner"),
        (Kind::Suppliers, "Responsible Party", "owner"),
        (Kind::Requirements, "Responsible Party", "owner"),
        // German.
        (Kind::Risks, "Risiko-Nr.", "reference"),
        (Kind::Risks, "Titel", "title"),
        (Kind::Risks, "Beschreibung", "description"),
        (Kind::Risks, "Bedrohung", "threat"),
        (Kind::Risks, "Schwachstelle", "vulnerability"),
        (Kind::Risks, "Risikoeigner", "owner"),
        (Kind::Risks, "Verantwortlich", "owner"),
        (Kind::Risks, "Verantwortlicher", "owner"),
        (Kind::Risks, "Eintrittswahrscheinlichkeit", "likelihood"),
        (Kind::Risks, "Wahrscheinlichkeit", "likelihood"),
        (Kind::Risks, "Auswirkung", "impact"),
        (Kind::Risks, "Schadensausmaß", "impact"),
        (Kind::Risks, "Risikobehandlung", "treatment"),
        (Kind::Risks, "Maßnahme(n)", "actions"),
        (Kind::Risks, "Maßnahmen", "actions"),
        (Kind::Risks, "Anhang A", "controls"),
        (Kind::Risks, "Fälligkeitsdatum", "due_date"),
        (Kind::Risks, "Werte", "assets"),
        (Kind::Soa, "Kontrolle/Maßnahme-Nr.", "control_id"),
        (Kind::Soa, "Nr.", "control_id"),
        (Kind::Soa, "Maßnahme", "control_id"),
        (Kind::Soa, "Titel", "title"),
        (Kind::Soa, "Anwendbar", "applicable"),
        (Kind::Soa, "Anwendbar?", "applicable"),
        (Kind::Soa, "Begründung", "justification"),
        (Kind::Soa, "Umsetzungsstatus", "status"),
        (Kind::Soa, "Status", "status"),
        (Kind::Soa, "Verantwortlich", "owner"),
        (Kind::Soa, "Beschreibung der Umsetzung", "notes"),
        (Kind::Soa, "Gesetzlich", "legal"),
        (Kind::Soa, "Vertraglich", "contractual"),
        (Kind::Soa, "Risikobewertung", "risk_assessment"),
        (Kind::Assets, "Bezeichnung", "name"),
        (Kind::Assets, "Kategorie", "kind"),
        (Kind::Assets, "Klassifizierung", "classification"),
        (Kind::Assets, "Eigentümer", "owner"),
        (Kind::People, "Name", "name"),
        (Kind::People, "E-Mail", "email"),
        (Kind::People, "E-Mail-Adresse", "email"),
        (Kind::People, "Abteilung", "department"),
        (Kind::People, "Funktion", "job_title"),
        (Kind::People, "Eintrittsdatum", "start_date"),
        (Kind::People, "Austrittsdatum", "end_date"),
        (Kind::People, "Geschäftsleitung", "top_management"),
        (Kind::Tracker, "Titel", "title"),
        (Kind::Tracker, "Feststellung", "title"),
        (Kind::Tracker, "Beschreibung", "description"),
        (Kind::Tracker, "Art", "kind"),
        (Kind::Tracker, "Status", "status"),
        (Kind::Tracker, "Fälligkeitsdatum", "due_on"),
        (Kind::Tracker, "Ursache", "root_cause"),
        (Kind::Tracker, "Korrekturmaßnahme", "corrective_action"),
        (Kind::Tracker, "Wirksamkeit", "effectiveness_result"),
        (Kind::Tracker, "Verantwortlich", "owner"),
        (Kind::Documents, "Titel", "title"),
        (Kind::Documents, "Dokumentart", "kind"),
        (Kind::Documents, "Freigegeben am", "approved_on"),
        (Kind::Training, "Schulung", "course"),
        (Kind::Training, "Abschlussdatum", "date"),
        (Kind::Competence, "Qualifikation", "title"),
        (Kind::Competence, "Gültig bis", "expires_on"),
        (Kind::Measures, "Kennzahl", "title"),
        (Kind::Measures, "Zielwert", "target"),
        (Kind::Suppliers, "Lieferant", "name"),
        (Kind::Suppliers, "Kritikalität", "criticality"),
        (Kind::Incidents, "Vorfall", "title"),
        (Kind::Incidents, "Gemeldet am", "reported_on"),
        (Kind::Incidents, "Schweregrad", "severity"),
        (Kind::Requirements, "Gesetz", "title"),
        (Kind::Requirements, "Interessierte Partei", "party"),
        (Kind::Tracker, "Fortschritt", "notes"),
        (Kind::Tracker, "Bemerkungen", "notes"),
        (Kind::Audits, "Nr.", "reference"),
        (Kind::Audits, "Audit", "title"),
        (Kind::Audits, "Geplanter Monat", "planned_month"),
        (Kind::Audits, "Kapitel", "clauses"),
        (Kind::Audits, "Anhang A", "controls"),
        (Kind::Audits, "Prüfer", "auditor"),
        (Kind::Audits, "Externer Auditor", "external_auditor"),
        (Kind::Audits, "Begonnen am", "started_on"),
        (Kind::Audits, "Abgeschlossen am", "completed_on"),
        (Kind::Audits, "Zusammenfassung", "summary"),
        // French.
        (Kind::Risks, "Référence", "reference"),
        (Kind::Risks, "Titre", "title"),
        (Kind::Risks, "Menace", "threat"),
        (Kind::Risks, "Vulnérabilité", "vulnerability"),
        (Kind::Risks, "Vulnerabilite", "vulnerability"),
        (Kind::Risks, "Propriétaire du risque", "owner"),
        (Kind::Risks, "Responsable", "owner"),
        (Kind::Risks, "Vraisemblance", "likelihood"),
        (Kind::Risks, "Probabilité", "likelihood"),
        (Kind::Risks, "Impact", "impact"),
        (Kind::Risks, "Traitement", "treatment"),
        (Kind::Risks, "Mesures", "actions"),
        (Kind::Risks, "Date d'échéance", "due_date"),
        (Kind::Soa, "Mesure", "control_id"),
        (Kind::Soa, "Applicable", "applicable"),
        (Kind::Soa, "Justification", "justification"),
        (Kind::Soa, "Statut de mise en œuvre", "status"),
        (Kind::Soa, "Statut de mise en oeuvre", "status"),
        (Kind::Soa, "Responsable", "owner"),
        (Kind::Soa, "Commentaires", "notes"),
        (Kind::Assets, "Actif", "name"),
        (Kind::Assets, "Propriétaire", "owner"),
        (Kind::People, "Courriel", "email"),
        (Kind::People, "Adresse e-mail", "email"),
        (Kind::People, "Service", "department"),
        (Kind::People, "Fonction", "job_title"),
        (Kind::People, "Date d'entrée", "start_date"),
        (Kind::Tracker, "Titre", "title"),
        (Kind::Tracker, "Constat", "title"),
        (Kind::Tracker, "Description", "description"),
        (Kind::Tracker, "Statut", "status"),
        (Kind::Tracker, "Date d’échéance", "due_on"),
        (Kind::Tracker, "Cause racine", "root_cause"),
        (Kind::Tracker, "Action corrective", "corrective_action"),
        (Kind::Tracker, "Efficacité", "effectiveness_result"),
        (Kind::Documents, "Titre", "title"),
        (Kind::Documents, "Date d'approbation", "approved_on"),
        (Kind::Training, "Formation", "course"),
        (Kind::Acknowledgements, "Date de signature", "date"),
        (Kind::Suppliers, "Fournisseur", "name"),
        (Kind::Incidents, "Gravité", "severity"),
        (Kind::Requirements, "Exigence", "title"),
        // The sheets beside a risk register: its actions and approvals.
        (Kind::RiskActions, "Risiko-Nr.", "reference"),
        (Kind::RiskActions, "Maßnahme", "title"),
        (Kind::RiskActions, "Verantwortlich", "owner"),
        (Kind::RiskActions, "Fällig am", "due_date"),
        (Kind::RiskActions, "Umsetzungsstatus", "status"),
        (Kind::RiskActions, "Erledigt am", "done_date"),
        (Kind::RiskActions, "Anhang A", "controls"),
        (Kind::RiskActions, "Référence du risque", "reference"),
        (Kind::RiskActions, "Action de traitement", "title"),
        (Kind::RiskActions, "Échéance", "due_date"),
        (Kind::RiskActions, "Statut", "status"),
        (Kind::RiskActions, "Date de réalisation", "done_date"),
        (Kind::RiskActions, "Treatment action", "title"),
        (Kind::RiskActions, "Completed on", "done_date"),
        (Kind::RiskApprovals, "Risiko", "reference"),
        (Kind::RiskApprovals, "Art der Genehmigung", "kind"),
        (Kind::RiskApprovals, "Genehmigt von", "approved_by"),
        (Kind::RiskApprovals, "Genehmigt am", "approved_on"),
        (Kind::RiskApprovals, "Gültig", "holds"),
        (Kind::RiskApprovals, "Approuvé par", "approved_by"),
        (Kind::RiskApprovals, "Date d'approbation", "approved_on"),
        (Kind::RiskApprovals, "Approver", "approved_by"),
        (Kind::RiskApprovals, "Still holds", "holds"),
        (Kind::Tracker, "Suivi", "notes"),
        (Kind::Tracker, "Commentaires", "notes"),
        (Kind::Audits, "Réf.", "reference"),
        (Kind::Audits, "Mois prévu", "planned_month"),
        (Kind::Audits, "Auditeur", "auditor"),
        (Kind::Audits, "Auditeur externe", "external_auditor"),
        (Kind::Audits, "Date de fin", "completed_on"),
        (Kind::Audits, "Synthèse", "summary"),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(kind, header, field)| field_of(*kind, header) != Some(*field))
        .map(|(kind, header, field)| {
            format!(
                "{}: “{header}” → {:?}, not {field}",
                kind.as_str(),
                field_of(*kind, header)
            )
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Every synonym of every table, alone, is its own field's, or the field's of one that lists
/// it better ranked: a header is never left to the order of the fields' names.
#[test]
fn every_synonym_maps_to_its_field_or_to_a_better_ranked_one() {
    let mut problems = Vec::new();
    for kind in Kind::ALL.into_iter().chain(Kind::PARTS) {
        for field in kind.fields() {
            for synonym in field.synonyms {
                let own = rank(field, synonym).expect("a synonym ranks for its own field");
                let ranks: Vec<(usize, &str)> = kind
                    .fields()
                    .iter()
                    .filter_map(|f| rank(f, synonym).map(|r| (r, f.name)))
                    .collect();
                let best = ranks.iter().map(|(r, _)| *r).min().unwrap();
                let tied: Vec<&str> = ranks
                    .iter()
                    .filter(|(r, _)| *r == best)
                    .map(|(_, n)| *n)
                    .collect();
                if tied.len() > 1 {
                    problems.push(format!("{}: “{synonym}” ties {tied:?}", kind.as_str()));
                }
                let proposed = field_of(kind, synonym);
                if best == own && proposed != Some(field.name) {
                    problems.push(format!(
                        "{}: “{synonym}” goes to {proposed:?}, not {}",
                        kind.as_str(),
                        field.name
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn german_and_french_soa_headers_give_the_id_column_before_the_title() {
    let m = propose_mapping(
        &[
            "Nr.".to_owned(),
            "Maßnahme".to_owned(),
            "Anwendbar".to_owned(),
            "Begründung".to_owned(),
        ],
        Kind::Soa,
    );
    let fields: Vec<_> = m.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            Some("control_id"),
            Some("title"),
            Some("applicable"),
            Some("justification")
        ]
    );
    let m = propose_mapping(
        &["Réf.".to_owned(), "Mesure".to_owned(), "Statut".to_owned()],
        Kind::Soa,
    );
    let fields: Vec<_> = m.columns.iter().map(|c| c.field).collect();
    assert_eq!(fields, [Some("control_id"), Some("title"), Some("status")]);
}

#[test]
fn a_second_wahrscheinlichkeit_column_is_the_residual_one() {
    let m = propose_mapping(
        &[
            "Titel".to_owned(),
            "Wahrscheinlichkeit".to_owned(),
            "Auswirkung".to_owned(),
            "Maßnahmen".to_owned(),
            "Wahrscheinlichkeit".to_owned(),
            "Auswirkung".to_owned(),
        ],
        Kind::Risks,
    );
    let fields: Vec<_> = m.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            Some("title"),
            Some("likelihood"),
            Some("impact"),
            Some("actions"),
            Some("residual_likelihood"),
            Some("residual_impact")
        ]
    );
}

#[test]
fn first_and_last_name_columns_fill_a_persons_name() {
    for (first, last) in [
        ("First name", "Last name"),
        ("Vorname", "Nachname"),
        ("Prénom", "Nom de famille"),
    ] {
        let m = propose_mapping(
            &[first.to_owned(), last.to_owned(), "Email".to_owned()],
            Kind::People,
        );
        let fields: Vec<_> = m.columns.iter().map(|c| c.field).collect();
        assert_eq!(
            fields,
            [Some("first_name"), Some("last_name"), Some("email")],
            "{first} / {last}"
        );
        assert!(
            m.missing_required().is_empty(),
            "the name is filled by its parts: {first} / {last}"
        );
    }
    // "Vorname | Name" and "Prénom | Nom": beside a first name, the name column is the surname.
    for (first, name) in [("Vorname", "Name"), ("Prénom", "Nom")] {
        let m = propose_mapping(
            &[name.to_owned(), first.to_owned(), "E-Mail".to_owned()],
            Kind::People,
        );
        let fields: Vec<_> = m.columns.iter().map(|c| c.field).collect();
        assert_eq!(
            fields,
            [Some("last_name"), Some("first_name"), Some("email")],
            "{first} / {name}"
        );
    }
    // A full name column alone stays the name.
    let m = propose_mapping(&["Name".to_owned(), "E-Mail".to_owned()], Kind::People);
    assert_eq!(m.columns[0].field, Some("name"));
    // Neither a name nor its parts: the name is missing.
    let m = propose_mapping(&["E-Mail".to_owned()], Kind::People);
    let missing: Vec<_> = m.missing_required().iter().map(|f| f.name).collect();
    assert_eq!(missing, ["name"]);
}

#[test]
fn a_mapping_file_may_give_first_and_last_name_instead_of_the_name() {
    let book = read_csv(b"Given;Family;Mail\nAnna;Schmidt;anna@example.com\n");
    let file = MappingFile::parse(
        r#"{"columns": {"Given": "first_name", "Family": "last_name", "Mail": "email"}}"#,
    )
    .unwrap();
    let m = file.apply(&book, Kind::People).unwrap();
    assert!(m.missing_required().is_empty());
}
