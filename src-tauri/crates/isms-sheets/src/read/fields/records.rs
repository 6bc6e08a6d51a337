//! The fields of the records a form tool or a smaller register brings in (training,
//! acknowledgements, competence, measures, suppliers, incidents, requirements) with the headers
//! that mean each in English, German and French, best first. A Google Forms export names its
//! columns "Timestamp" and "Email Address": the timestamp is the day of a completion or an
//! acknowledgement only when no better date column is there, so it ranks last.

use super::{EMAIL, Field, OWNER, f, many, req};

#[rustfmt::skip]
pub(super) static TRAINING: &[Field] = &[
    req("email", "E-mail", EMAIL),
    req("course", "Course", &["course", "training", "course name", "module", "schulung", "kurs", "schulungsname", "formation", "cours", "intitulé de la formation"]),
    req("date", "Completed on", &["date", "completed", "completed on", "completion date", "date completed", "date of completion", "completed at", "abschlussdatum", "abgeschlossen am", "absolviert am", "datum", "teilnahmedatum", "date de réalisation", "réalisé le", "date de la formation", "effective date", "timestamp", "zeitstempel", "horodatage"]),
];

#[rustfmt::skip]
pub(super) static ACKNOWLEDGEMENTS: &[Field] = &[
    req("email", "E-mail", EMAIL),
    req("document", "Document", &["document", "document reference", "reference", "policy", "document title", "ref id", "dokument", "richtlinie", "dokumentreferenz", "référence du document", "politique"]),
    req("version", "Version", &["version", "document version", "policy version", "dokumentversion", "version du document"]),
    req("date", "Acknowledged on", &["date", "acknowledged", "acknowledged on", "signed", "signed on", "acknowledgement date", "date of acknowledgement", "date signed", "bestätigt am", "unterschrieben am", "datum", "date de signature", "signé le", "date d'acceptation", "effective date", "timestamp", "zeitstempel", "horodatage"]),
    req("method", "Method", &["method", "how", "channel", "methode", "art", "kanal", "méthode", "moyen", "canal"]),
    f("status", "Status", &["status", "state", "acknowledgement status", "acknowledged?", "stand", "zustand", "statut", "état"]),
];

#[rustfmt::skip]
pub(super) static COMPETENCE: &[Field] = &[
    req("email", "E-mail", EMAIL),
    many("roles", "Roles", &["roles", "role", "isms roles", "isms role", "role(s)", "assigned roles", "rolle", "rollen", "isms rolle", "rôle", "rôles"]),
    f("kind", "Kind", &["kind", "type", "evidence type", "competence type", "category", "art", "typ", "nachweisart", "type de preuve"]),
    req("title", "Title", &["title", "qualification", "certificate", "certification", "competence", "course", "evidence", "description", "name of qualification", "qualifikation", "zertifikat", "zertifizierung", "nachweis", "bezeichnung", "qualification", "certificat", "diplôme", "intitulé"]),
    req("obtained_on", "Obtained", &["obtained", "obtained on", "date obtained", "awarded", "awarded on", "issued", "issue date", "date issued", "achieved", "completed", "date", "erworben am", "ausgestellt am", "datum", "date d'obtention", "obtenu le"]),
    f("expires_on", "Expires", &["expires", "expires on", "expiry", "expiry date", "valid until", "expiration", "expiration date", "renewal date", "renewal due", "gültig bis", "ablaufdatum", "läuft ab", "date d'expiration", "valable jusqu'au", "expire le"]),
    f("note", "Note", &["note", "notes", "comments", "remarks", "bemerkung", "bemerkungen", "notiz", "commentaire", "commentaires", "remarques"]),
];

#[rustfmt::skip]
pub(super) static MEASURES: &[Field] = &[
    f("reference", "Reference", &["reference", "measure", "ref", "id", "kpi id", "ref id", "kennzahl id", "nr", "référence", "réf"]),
    req("title", "Title", &["title", "measure title", "kpi", "indicator", "name", "kennzahl", "titel", "bezeichnung", "indikator", "titre", "indicateur", "nom"]),
    f("monitored", "What is monitored", &["what is monitored", "monitored", "what", "was wird überwacht", "überwachungsgegenstand", "objet de la surveillance", "ce qui est surveillé"]),
    f("method", "Method", &["method", "how measured", "how", "methode", "messmethode", "méthode", "méthode de mesure"]),
    f("frequency", "Frequency", &["frequency", "when", "how often", "häufigkeit", "intervall", "turnus", "fréquence", "périodicité"]),
    f("measured_by", "Measured by", &["measured by", "measurer", "gemessen von", "mesuré par"]),
    f("measured_by_email", "Measured by e-mail", &["measured by e-mail", "measured by email"]),
    f("evaluated_by", "Evaluated by", &["evaluated by", "evaluator", "bewertet von", "ausgewertet von", "évalué par"]),
    f("evaluated_by_email", "Evaluated by e-mail", &["evaluated by e-mail", "evaluated by email"]),
    f("source", "Source", &["source", "computed from", "quelle"]),
    f("unit", "Unit", &["unit", "units", "einheit", "unité"]),
    f("direction", "Direction", &["direction", "better when", "richtung", "sens"]),
    f("target", "Target", &["target", "goal", "threshold", "ziel", "zielwert", "schwellenwert", "cible", "objectif", "seuil"]),
    f("defined_on", "Defined on", &["defined on", "defined", "since", "definiert am", "défini le"]),
    f("measured_on", "Measured on", &["measured on", "date", "result date", "gemessen am", "messdatum", "datum", "date de mesure", "mesuré le"]),
    f("value", "Value", &["value", "result", "actual", "wert", "ergebnis", "istwert", "valeur", "résultat"]),
    f("evaluation", "Evaluation", &["evaluation", "analysis", "comment", "bewertung", "auswertung", "analyse", "évaluation"]),
    f("follow_up", "Follow-up", &["follow-up", "follow up", "why no tracker item", "folgemaßnahme", "nachverfolgung", "suivi"]),
];

#[rustfmt::skip]
pub(super) static SUPPLIERS: &[Field] = &[
    req("name", "Supplier", &["supplier", "supplier name", "name", "vendor", "vendor name", "third party", "third-party", "third party name", "service provider", "provider", "company", "organisation", "organization", "lieferant", "dienstleister", "anbieter", "firma", "unternehmen", "fournisseur", "prestataire", "nom du fournisseur", "société"]),
    f("service", "Service", &["service", "services", "service provided", "services provided", "product", "what they provide", "description", "leistung", "dienstleistung", "beschreibung", "prestation"]),
    f("information", "Information handled", &["information handled", "information", "data handled", "data processed", "data", "data shared", "information shared", "verarbeitete daten", "informationen", "daten", "données traitées", "informations", "données"]),
    many("assets", "Assets", &["assets", "asset", "assets handled", "systems", "systems used", "systeme", "actifs", "systèmes"]),
    f("criticality", "Criticality", &["criticality", "critical", "criticality rating", "risk rating", "tier", "supplier tier", "importance", "risk level", "rating", "kritikalität", "kritisch", "einstufung", "criticité", "niveau de criticité"]),
    f("contract_requirements", "Security requirements in contract", &["security requirements in contract", "security requirements", "security terms", "security clauses", "contract security", "dpa signed", "dpa in place", "nda signed", "sicherheitsanforderungen im vertrag", "avv", "exigences de sécurité dans le contrat", "clauses de sécurité"]),
    f("contract_reference", "Contract reference", &["contract reference", "contract", "contract ref", "agreement", "contract no", "vertrag", "vertragsnummer", "contrat", "référence du contrat"]),
    f("owner", "Owner", &["owner", "supplier owner", "relationship owner", "business owner", "account owner", "responsible", "accountable", "responsible party", "verantwortlich", "verantwortlicher", "ansprechpartner", "responsable", "propriétaire"]),
    f("owner_email", "Owner's e-mail", EMAIL),
    f("review_months", "Review interval (months)", &["review interval (months)", "review interval", "review frequency", "review cycle", "review period", "überprüfungsintervall", "fréquence de revue"]),
    f("last_review", "Last review", &["last review", "last reviewed", "last review date", "date of last review", "reviewed on", "review date", "last assessment", "last assessed", "letzte überprüfung", "letzte bewertung", "dernière revue", "dernière évaluation", "date de revue"]),
    f("review_outcome", "Review outcome", &["review outcome", "outcome", "review result", "assessment result", "assessment outcome", "result", "ergebnis", "bewertungsergebnis", "résultat", "résultat de la revue"]),
    f("review_note", "Review note", &["review note", "review notes", "review comments", "assessment notes", "prüfnotiz", "note de revue"]),
    many("certificates", "Certificates", &["certificates", "certificate", "certifications", "certification", "attestations", "iso 27001 / soc 2", "zertifikate", "zertifizierungen", "certificats"]),
    f("certificate_expiry", "Certificate expiry", &["certificate expiry", "certificate expires", "certification expiry", "certificate valid until", "expiry", "expires", "valid until", "expiry date", "zertifikat gültig bis", "gültig bis", "ablaufdatum", "expiration du certificat", "valable jusqu'au"]),
    f("notes", "Notes", &["notes", "comments", "remarks", "bemerkungen", "notizen", "commentaires", "remarques"]),
];

#[rustfmt::skip]
pub(super) static INCIDENTS: &[Field] = &[
    f("reference", "Reference", &["reference", "ref", "incident id", "incident ref", "incident no", "id", "no", "no.", "#", "ref id", "nr", "vorfall nr", "vorfallsnummer", "référence", "réf", "n°"]),
    req("title", "Title", &["title", "incident", "summary", "incident title", "what happened", "description", "subject", "titel", "vorfall", "sicherheitsvorfall", "betreff", "zusammenfassung", "titre", "résumé", "objet"]),
    req("reported_on", "Reported on", &["reported on", "date reported", "reported", "incident date", "date", "date of incident", "date opened", "opened", "detected on", "date detected", "gemeldet am", "meldedatum", "datum", "date de signalement", "signalé le", "date de l'incident"]),
    f("reported_by", "Reported by", &["reported by", "reporter", "raised by", "gemeldet von", "melder", "signalé par", "déclarant"]),
    f("reported_by_email", "Reporter's e-mail", &["reporter e-mail", "reporter email", "reported by e-mail", "reported by email", "e-mail", "email", "email address", "e-mail-adresse", "adresse e-mail", "courriel"]),
    f("category", "Category", &["category", "type", "incident type", "classification", "kind", "kategorie", "typ", "art", "catégorie"]),
    f("severity", "Severity", &["severity", "impact", "priority", "severity level", "level", "schweregrad", "schwere", "priorität", "auswirkung", "gravité", "sévérité", "priorité"]),
    many("assets", "Assets", &["assets", "asset", "affected assets", "systems affected", "affected systems", "betroffene systeme", "systèmes concernés", "actifs concernés"]),
    many("suppliers", "Suppliers", &["suppliers", "supplier", "vendor", "third party", "affected suppliers", "lieferant", "fournisseur"]),
    f("personal_data", "Personal data", &["personal data", "personal data involved", "pii", "data breach", "gdpr breach", "personal data breach", "personenbezogene daten", "datenschutzverletzung", "données personnelles", "violation de données"]),
    f("response", "Response", &["response", "actions taken", "action taken", "containment", "resolution", "remediation", "reaktion", "ergriffene maßnahmen", "maßnahmen", "réponse", "actions menées", "mesures prises"]),
    f("status", "Status", &["status", "state"]),
    f("closed_on", "Closed on", &["closed on", "date closed", "closed", "closure date", "resolved on", "date resolved", "geschlossen am", "abgeschlossen am", "date de clôture", "clôturé le"]),
    f("lessons", "Lessons learned", &["lessons learned", "lessons", "lessons learnt", "root cause and lessons", "learnings", "erkenntnisse", "leçons apprises", "retour d'expérience"]),
    f("raises_nc", "Raises a nonconformity", &["raises a nonconformity", "nonconformity", "nc raised", "nc", "abweichung", "nichtkonformität", "non conformité"]),
];

#[rustfmt::skip]
pub(super) static REQUIREMENTS: &[Field] = &[
    f("reference", "Reference", &["reference", "ref", "requirement id", "id", "no", "no.", "#", "ref id", "nr", "référence", "réf"]),
    f("source", "Source", &["source", "type", "requirement type", "kind", "category", "quelle", "art", "typ"]),
    req("title", "Title", &["title", "legislation", "law", "regulation", "obligation", "requirement", "name", "act", "contract", "titel", "gesetz", "verordnung", "anforderung", "vorschrift", "titre", "loi", "règlement", "exigence", "obligation"]),
    f("requires", "What it requires", &["what it requires", "requirements", "description", "summary", "obligations", "key requirements", "details", "was verlangt wird", "anforderungen", "beschreibung", "ce qui est exigé", "exigences"]),
    f("party", "Interested party", &["interested party", "party", "stakeholder", "from", "imposed by", "regulator", "interessierte partei", "interessengruppe", "partie intéressée", "partie prenante"]),
    f("owner", "Owner", OWNER),
    f("owner_email", "Owner's e-mail", EMAIL),
    many("controls", "Controls", &["controls", "annex a controls", "control", "how met", "how it is met", "maßnahmen", "kontrollen", "mesures", "contrôles"]),
    many("documents", "Documents", &["documents", "document", "policies", "related documents", "dokumente", "richtlinien", "politiques"]),
    f("reviewed_on", "Last reviewed", &["last reviewed", "reviewed on", "last review", "review date", "date reviewed", "last review date", "zuletzt geprüft", "letzte überprüfung", "dernière revue", "revu le"]),
];
