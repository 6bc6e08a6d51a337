//! The fields of the registers an ISMS keeps by hand (risks, the SoA, assets, people, the
//! tracker with its progress notes, documents, the internal audit programme) with the headers
//! that mean each in English, German and French templates, best first. A header under two
//! fields of one kind goes where it ranks higher: "Maßnahme" in a German SoA is the control's
//! id column before its title, "Status" in an SoA the implementation status. Headers are
//! compared normalised (`normalise_header`): case, accents, `_`, `-` and the spaces around `/`
//! do not matter, so "Reason for inclusion / exclusion", "ref_id" and "Fälligkeitsdatum" are
//! written here once.

use super::{EMAIL, Field, OWNER, f, joined, many, req};

#[rustfmt::skip]
pub(super) static RISKS: &[Field] = &[
    f("reference", "Reference", &["reference", "ref", "risk id", "risk ref", "risk no", "id", "no", "no.", "#", "ref id", "risk number", "nr", "risiko id", "risiko nr", "lfd nr", "kennung", "référence", "réf", "n°", "numéro", "id risque", "identifiant"]),
    req("title", "Title", &["title", "risk title", "risk", "risk name", "name", "risk description", "titel", "risiko", "risikotitel", "risikobezeichnung", "bezeichnung", "titre", "risque", "intitulé", "nom du risque", "libellé"]),
    f("description", "Description", &["description", "risk description", "details", "scenario", "beschreibung", "risikobeschreibung", "szenario", "scénario", "détails", "description du risque"]),
    many("assets", "Assets", &["assets", "asset", "affected assets", "asset(s)", "asset/process", "assets/processes", "asset/processes", "werte", "betroffene werte", "informationswerte", "vermögenswerte", "asset/prozess", "actifs", "actif", "actifs concernés", "biens supports", "bien support"]),
    f("threat", "Threat", &["threat", "threats", "threat source", "bedrohung", "bedrohungen", "gefährdung", "menace", "menaces", "source de menace"]),
    f("vulnerability", "Vulnerability", &["vulnerability", "vulnerabilities", "weakness", "schwachstelle", "schwachstellen", "verwundbarkeit", "vulnérabilité", "vulnérabilités", "faiblesse"]),
    f("owner", "Risk owner", &["risk owner", "owner", "responsible", "accountable", "responsible party", "risikoeigner", "risikoeigentümer", "risikoverantwortlicher", "risikoverantwortlich", "verantwortlich", "verantwortlicher", "eigentümer", "propriétaire du risque", "propriétaire", "responsable", "porteur du risque"]),
    f("owner_email", "Owner's e-mail", EMAIL),
    f("likelihood", "Likelihood", &["likelihood", "inherent likelihood", "probability", "l", "likelihood (l)", "p", "eintrittswahrscheinlichkeit", "wahrscheinlichkeit", "brutto wahrscheinlichkeit", "vraisemblance", "probabilité"]),
    f("impact", "Impact", &["impact", "inherent impact", "consequence", "i", "impact (i)", "severity", "c", "max impact", "maximum impact", "auswirkung", "auswirkungen", "schadensausmaß", "schadenshöhe", "schaden", "tragweite", "brutto auswirkung", "gravité", "conséquence", "conséquences"]),
    f("treatment", "Treatment", &["treatment", "treatment option", "treatment decision", "risk treatment", "decision", "response", "behandlung", "risikobehandlung", "behandlungsoption", "behandlungsstrategie", "traitement", "traitement du risque", "option de traitement", "décision de traitement"]),
    many("actions", "Treatment actions", &["treatment actions", "actions", "treatment plan", "action", "mitigation", "mitigation plan", "mitigation actions", "mitigation measures", "maßnahme(n)", "maßnahmen", "maßnahme", "behandlungsmaßnahmen", "geplante maßnahmen", "mesures", "mesure", "plan de traitement", "mesures de traitement", "plan d'action"]),
    many("controls", "Annex A controls", &["annex a controls", "controls", "control", "annex a", "control ref", "soa reference", "anhang a", "anhang a maßnahmen", "referenzmaßnahmen", "kontrollen", "annexe a", "mesures de l'annexe a", "contrôles"]),
    f("action_owner", "Action owner", &["action owner", "maßnahmenverantwortlicher", "maßnahmenverantwortlich", "responsable de l'action", "responsable des actions", "responsable de la mesure"]),
    f("due_date", "Due date", &["due date", "due", "target date", "deadline", "fälligkeitsdatum", "fällig", "fällig am", "frist", "termin", "zieldatum", "date d'échéance", "échéance", "date cible", "date limite"]),
    f("residual_likelihood", "Residual likelihood", &["residual likelihood", "residual probability", "rl", "target likelihood", "resteintrittswahrscheinlichkeit", "restwahrscheinlichkeit", "netto wahrscheinlichkeit", "vraisemblance résiduelle", "probabilité résiduelle"]),
    f("residual_impact", "Residual impact", &["residual impact", "residual consequence", "ri", "target impact", "restauswirkung", "restschaden", "netto auswirkung", "impact résiduel", "gravité résiduelle"]),
    f("assessed_on", "Last assessed", &["last assessed", "assessed on", "date assessed", "assessment date", "date of assessment", "last assessment", "last reviewed", "bewertet am", "bewertungsdatum", "datum der bewertung", "letzte bewertung", "évalué le", "date d'évaluation", "dernière évaluation"]),
];

#[rustfmt::skip]
pub(super) static SOA: &[Field] = &[
    req("control_id", "Control ID", &["control id", "ref", "control ref", "control", "ref id", "nr", "kontrolle/maßnahme nr", "maßnahme nr", "maßnahmen nr", "kontroll nr", "control nr", "réf", "n°", "mesure n°", "maßnahme", "kontrolle", "mesure", "contrôle", "clause", "annex a", "reference", "annex a ref", "control no", "id", "#", "anhang a", "référence", "numéro", "annexe a"]),
    f("title", "Control title", &["control title", "control name", "title", "name", "control", "titel", "bezeichnung", "maßnahmentitel", "maßnahmenbezeichnung", "titre", "intitulé", "libellé", "intitulé de la mesure", "nom de la mesure", "kontrolltitel", "titre de la mesure", "maßnahme", "kontrolle", "mesure", "contrôle"]),
    f("applicable", "Applicable", &["applicable", "applicable?", "applicability", "included", "included?", "selected", "in scope", "anwendbar", "anwendbarkeit", "ausgewählt", "relevant", "applicabilité", "retenu", "retenue", "sélectionné", "inclus"]),
    f("legal", "Legal or regulatory", &["legal", "legal or regulatory", "legal/regulatory", "regulatory", "lr", "l/r", "gesetzlich", "rechtlich", "gesetzlich/regulatorisch", "gesetzliche anforderung", "légal", "réglementaire", "légal/réglementaire", "exigence légale"]),
    f("contractual", "Contractual", &["contractual", "contract", "co", "c/o", "vertraglich", "vertrag", "contractuel", "exigence contractuelle"]),
    f("business", "Business requirement or best practice", &["business", "business requirement", "best practice", "business requirement or best practice", "br/bp", "br", "bp", "geschäftsanforderung", "geschäftlich", "exigence métier", "métier", "bonne pratique"]),
    f("risk_assessment", "Risk assessment result", &["risk assessment", "risk assessment result", "ra", "risk", "risikobewertung", "risikoanalyse", "ergebnis der risikobewertung", "appréciation des risques", "analyse de risque", "analyse des risques"]),
    f("justification", "Justification", &["justification", "justification for exclusion", "reason for exclusion", "justification for inclusion/exclusion", "rationale", "reason", "reason for inclusion/exclusion", "reason for inclusion or exclusion", "reason for inclusion", "justification for inclusion", "begründung", "begründung für ausschluss", "begründung für einbeziehung/ausschluss", "grund", "justification de l'exclusion", "justification de l'inclusion/exclusion", "raison", "motif"]),
    f("status", "Implementation status", &["implementation status", "status", "implementation", "implemented", "implemented?", "umsetzungsstatus", "status der umsetzung", "umsetzungsstand", "umsetzung", "umgesetzt", "stand", "statut de mise en œuvre", "état de mise en œuvre", "statut", "état", "mise en œuvre", "mis en œuvre"]),
    f("owner", "Owner", &["control owner", "owner", "responsible", "accountable", "responsible party", "verantwortlich", "verantwortlicher", "verantwortung", "maßnahmenverantwortlicher", "eigentümer", "responsable", "propriétaire", "propriétaire de la mesure"]),
    f("owner_email", "Owner's e-mail", EMAIL),
    f("notes", "Notes", &["notes", "comments", "remarks", "how implemented", "implementation notes", "implementation description", "description of implementation", "implementation details", "description", "umsetzungsbeschreibung", "beschreibung der umsetzung", "umsetzungshinweise", "bemerkungen", "bemerkung", "anmerkungen", "kommentar", "kommentare", "beschreibung", "description de la mise en œuvre", "commentaires", "commentaire", "remarques"]),
];

#[rustfmt::skip]
pub(super) static ASSETS: &[Field] = &[
    req("name", "Name", &["name", "asset", "asset name", "asset description", "bezeichnung", "asset bezeichnung", "wert", "informationswert", "objekt", "nom", "nom de l'actif", "actif", "bien"]),
    f("kind", "Type", &["type", "asset type", "category", "kind", "asset category", "typ", "art", "kategorie", "assettyp", "catégorie", "type d'actif"]),
    f("owner", "Owner", &["asset owner", "owner", "responsible", "accountable", "responsible party", "eigentümer", "verantwortlich", "verantwortlicher", "besitzer", "propriétaire", "propriétaire de l'actif", "responsable"]),
    f("owner_email", "Owner's e-mail", EMAIL),
    f("classification", "Classification", &["classification", "information classification", "sensitivity", "confidentiality", "class", "klassifizierung", "klassifikation", "schutzbedarf", "vertraulichkeit", "niveau de classification", "confidentialité", "sensibilité"]),
    f("description", "Description", &["description", "details", "notes", "comments", "beschreibung", "bemerkungen", "notizen", "commentaires", "remarques"]),
];

#[rustfmt::skip]
pub(super) static PEOPLE: &[Field] = &[
    joined("name", "Name", &["name", "full name", "employee", "person", "staff member", "employee name", "vollständiger name", "mitarbeiter", "mitarbeitende", "mitarbeiter/in", "nom", "nom complet", "nom et prénom", "collaborateur", "employé"], &["first_name", "last_name"]),
    f("first_name", "First name", &["first name", "given name", "forename", "firstname", "vorname", "prénom"]),
    f("last_name", "Last name", &["last name", "surname", "family name", "lastname", "nachname", "familienname", "nom de famille"]),
    req("email", "E-mail", EMAIL),
    f("job_title", "Job title", &["job title", "title", "role", "position", "funktion", "stelle", "stellenbezeichnung", "berufsbezeichnung", "rolle", "fonction", "poste", "intitulé de poste", "rôle"]),
    f("department", "Department", &["department", "team", "dept", "business unit", "abteilung", "bereich", "organisationseinheit", "service", "département", "équipe"]),
    f("start_date", "Start date", &["start date", "start", "joined", "joining date", "hire date", "date joined", "eintrittsdatum", "eintritt", "startdatum", "beginn", "date d'entrée", "date d'arrivée", "arrivée", "date d'embauche"]),
    f("end_date", "End date", &["end date", "end", "left", "leaving date", "leaver date", "exit date", "date left", "austrittsdatum", "austritt", "enddatum", "date de sortie", "date de départ", "départ"]),
    f("top_management", "Top management", &["top management", "management", "senior management", "leadership", "geschäftsleitung", "oberste leitung", "geschäftsführung", "direction générale", "direction"]),
    f("isms_owner", "ISMS owner", &["isms owner", "isms manager", "isms verantwortlicher", "informationssicherheitsbeauftragter", "isb", "responsable smsi", "rssi"]),
];

#[rustfmt::skip]
pub(super) static TRACKER: &[Field] = &[
    f("reference", "Reference", &["reference", "ref", "id", "item", "no", "no.", "#", "finding id", "ref id", "nr", "lfd nr", "kennung", "référence", "réf", "n°", "numéro"]),
    f("kind", "Type", &["type", "finding type", "kind", "category", "classification", "grade", "typ", "art", "feststellungsart", "kategorie", "klassifizierung", "type d'écart", "type de constat", "catégorie", "nature"]),
    req("title", "Title", &["title", "finding", "issue", "summary", "subject", "description", "finding/nonconformity", "nonconformity", "finding/observation", "name", "titel", "feststellung", "abweichung", "befund", "betreff", "titre", "constat", "écart", "non conformité", "objet", "intitulé"]),
    f("description", "Description", &["description", "details", "finding details", "evidence", "beschreibung", "détails", "preuve", "nachweis"]),
    f("source", "Source", &["source", "origin", "raised from", "audit", "quelle", "herkunft", "ursprung", "origine"]),
    f("source_ref", "Source reference", &["source reference", "source ref", "audit ref", "audit reference", "quellreferenz", "audit referenz", "référence de la source", "référence audit"]),
    f("finding_number", "Certification body's finding no.", &["certification body's finding no.", "cb finding no", "cb finding", "cb ref", "certification body reference", "finding no", "finding number", "finding no.", "feststellungsnummer", "numéro de constat"]),
    many("clauses", "Clauses", &["clauses", "clause", "iso clause", "requirement", "klausel", "kapitel", "normkapitel", "anforderung", "chapitre", "exigence", "article"]),
    many("controls", "Annex A controls", &["annex a controls", "controls", "control", "annex a", "anhang a", "anhang a maßnahmen", "kontrollen", "annexe a", "mesures de l'annexe a", "contrôles"]),
    f("owner", "Owner", OWNER),
    f("owner_email", "Owner's e-mail", EMAIL),
    f("raised_on", "Raised on", &["raised on", "raised", "date raised", "opened", "date opened", "date", "festgestellt am", "erfasst am", "erstellt am", "eröffnet am", "datum", "date d'ouverture", "ouvert le", "date de détection", "date du constat"]),
    f("due_on", "Due date", &["due date", "due", "target date", "deadline", "due on", "fälligkeitsdatum", "fällig", "fällig am", "frist", "termin", "zieldatum", "date d'échéance", "échéance", "date cible", "date limite"]),
    f("status", "Status", &["status", "state", "zustand", "stand", "statut", "état"]),
    f("correction", "Correction", &["correction", "immediate action", "containment", "korrektur", "sofortmaßnahme", "sofortmaßnahmen", "action immédiate"]),
    f("root_cause", "Root cause", &["root cause", "cause", "root cause analysis", "ursache", "grundursache", "ursachenanalyse", "cause racine", "cause première", "analyse des causes"]),
    f("corrective_action", "Corrective action", &["corrective action", "action", "corrective actions", "capa", "action plan", "korrekturmaßnahme", "korrekturmaßnahmen", "maßnahme", "maßnahmen", "action corrective", "actions correctives", "plan d'action"]),
    f("decision", "Decision", &["decision", "response", "entscheidung", "décision"]),
    f("effectiveness_on", "Effectiveness reviewed on", &["effectiveness review date", "effectiveness reviewed on", "verified on", "verification date", "effectiveness check date", "wirksamkeitsprüfung am", "datum der wirksamkeitsprüfung", "geprüft am", "date de vérification", "vérifié le"]),
    f("effectiveness_result", "Effectiveness review", &["effectiveness review", "effectiveness", "verification", "effective?", "effectiveness check", "effectiveness verification", "wirksamkeit", "wirksamkeitsprüfung", "efficacité", "vérification de l'efficacité", "contrôle d'efficacité"]),
    f("closed_on", "Closed on", &["closed on", "closed", "date closed", "closure date", "close date", "geschlossen am", "abgeschlossen am", "erledigt am", "abschlussdatum", "clôturé le", "date de clôture", "fermé le"]),
    f("notes", "Progress notes", &["progress notes", "progress", "updates", "progress updates", "status updates", "notes", "comments", "remarks", "history", "fortschritt", "fortschrittsnotizen", "bearbeitungsstand", "verlauf", "notizen", "bemerkungen", "kommentare", "suivi", "notes de suivi", "avancement", "commentaires", "remarques", "historique"]),
];

#[rustfmt::skip]
pub(super) static AUDITS: &[Field] = &[
    f("reference", "Reference", &["reference", "ref", "audit id", "audit ref", "audit reference", "audit no", "audit number", "id", "no", "#", "ref id", "nr", "audit nr", "auditnummer", "kennung", "référence", "réf", "n°", "numéro", "numéro d'audit"]),
    req("title", "Title", &["title", "audit", "audit title", "audit name", "name", "subject", "audit subject", "titel", "bezeichnung", "audittitel", "auditthema", "thema", "prüfgegenstand", "titre", "intitulé", "nom de l'audit", "objet", "objet de l'audit"]),
    req("planned_month", "Planned month", &["planned month", "planned", "month", "planned for", "planned date", "date planned", "scheduled", "scheduled for", "scheduled month", "planned period", "geplanter monat", "geplant", "geplant für", "monat", "zeitraum", "termin", "mois prévu", "prévu", "prévu en", "mois", "période", "date prévue"]),
    many("clauses", "Clauses", &["clauses", "clause", "iso clauses", "clauses in scope", "scope clauses", "scope (clauses)", "klauseln", "kapitel", "normkapitel", "geprüfte kapitel", "chapitres", "chapitre", "articles", "clauses auditées"]),
    many("controls", "Annex A controls", &["controls", "annex a controls", "controls in scope", "scope controls", "scope (controls)", "annex a", "anhang a", "anhang a maßnahmen", "maßnahmen", "kontrollen", "geprüfte maßnahmen", "annexe a", "mesures de l'annexe a", "mesures", "contrôles"]),
    f("auditor", "Auditor", &["auditor", "lead auditor", "internal auditor", "auditor name", "audited by", "auditor/in", "auditorin", "prüfer", "leitender auditor", "geprüft von", "auditeur", "auditrice", "auditeur interne", "audité par", "responsable d'audit"]),
    f("auditor_email", "Auditor's e-mail", EMAIL),
    f("external_auditor", "External auditor", &["external auditor", "external", "external auditor and organisation", "audit firm", "externer auditor", "externer prüfer", "prüfgesellschaft", "auditeur externe", "cabinet d'audit"]),
    f("status", "Status", &["status", "state", "audit status", "zustand", "stand", "auditstatus", "statut", "état"]),
    f("started_on", "Started on", &["started on", "started", "start date", "start", "date started", "begonnen am", "beginn", "startdatum", "auditbeginn", "commencé le", "date de début", "début"]),
    f("completed_on", "Completed on", &["completed on", "completed", "completion date", "date completed", "end date", "done on", "abgeschlossen am", "abschlussdatum", "durchgeführt am", "enddatum", "terminé le", "date de fin", "réalisé le", "date de réalisation"]),
    f("summary", "Summary", &["summary", "result", "results", "outcome", "conclusion", "findings summary", "audit summary", "notes", "comments", "zusammenfassung", "ergebnis", "ergebnisse", "fazit", "bemerkungen", "résumé", "synthèse", "résultat", "résultats", "commentaires"]),
];

#[rustfmt::skip]
pub(super) static DOCUMENTS: &[Field] = &[
    f("reference", "Reference", &["reference", "ref", "document id", "doc id", "id", "document number", "doc no", "no", "#", "ref id", "dokument id", "dokumentnummer", "dok nr", "nr", "kennung", "référence", "réf", "n° document", "identifiant"]),
    req("title", "Title", &["title", "document title", "document", "name", "document name", "titel", "dokument", "dokumententitel", "bezeichnung", "titre", "nom du document", "intitulé"]),
    f("kind", "Kind", &["type", "kind", "document type", "category", "typ", "art", "dokumentart", "dokumenttyp", "kategorie", "type de document", "catégorie"]),
    many("mandatory_items", "Mandatory items", &["mandatory items", "clause", "iso clause", "clauses", "requirement", "kapitel", "normkapitel", "chapitre", "exigence"]),
    f("owner", "Owner", &["document owner", "owner", "author", "responsible", "responsible party", "dokumentverantwortlicher", "verantwortlich", "verantwortlicher", "autor", "eigentümer", "propriétaire du document", "propriétaire", "responsable", "auteur"]),
    f("owner_email", "Owner's e-mail", EMAIL),
    f("version", "Version", &["version", "current version", "rev", "revision", "issue", "versionsnummer", "révision", "indice"]),
    f("approved_on", "Approved on", &["approved on", "approved", "approval date", "date approved", "issue date", "effective date", "effective from", "freigegeben am", "freigabedatum", "gültig ab", "inkrafttreten", "date d'approbation", "approuvé le", "date d'effet", "date d'entrée en vigueur"]),
    f("review_months", "Review interval (months)", &["review interval", "review interval (months)", "review frequency", "review cycle", "review period", "überprüfungsintervall", "prüfintervall", "fréquence de revue", "périodicité de revue"]),
    f("next_review", "Next review", &["next review", "next review date", "review date", "review due", "nächste überprüfung", "nächste prüfung", "prochaine revue", "date de prochaine revue"]),
    f("communicate", "Communicate to staff", &["communicate", "communicate to staff", "communicated", "must read", "staff must read", "acknowledgement required", "kommunizieren", "kenntnisnahme erforderlich", "à communiquer", "lecture obligatoire"]),
    many("audience", "Audience", &["audience", "distribution", "applies to", "target audience", "zielgruppe", "verteiler", "gilt für", "public", "destinataires", "diffusion"]),
];
