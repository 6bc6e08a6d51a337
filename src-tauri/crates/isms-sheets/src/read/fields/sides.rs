//! The sheets a register's workbook holds beside its data sheet, which an import of that
//! register also reads when the workbook has them: a document register's versions, a supplier
//! register's reviews and certificates, the results of the measures, who holds each role since
//! when. Each is known by its sheet's name (English, German, French) and has its columns with
//! the headers that mean them, best first, as the registers' own tables do.

use super::{EMAIL, Field, f, req};

/// A sheet beside a register's data sheet.
#[derive(Debug, Clone, Copy)]
pub struct Side {
    /// The names the sheet goes by, the export's first.
    pub names: &'static [&'static str],
    pub columns: &'static [Field],
}

impl Side {
    /// The column called `name` (the importer's field name).
    pub fn column(&self, name: &str) -> Option<&'static Field> {
        self.columns.iter().find(|c| c.name == name)
    }
}

#[rustfmt::skip]
const APPROVER: &[&str] = &["approved by", "approver", "approved by name", "genehmigt von", "freigegeben von", "freigabe durch", "approuvé par", "approbateur", "validé par"];
#[rustfmt::skip]
const APPROVER_EMAIL: &[&str] = &["approved by e-mail", "approver e-mail", "approver email", "e-mail", "email", "e-mail address", "e-mail-adresse", "adresse e-mail", "courriel"];
#[rustfmt::skip]
const DOCUMENT: &[&str] = &["reference", "document", "document reference", "ref", "doc id", "referenz", "dokument", "dokumentnummer", "référence", "réf"];

/// Every version of every document: the export's "Versions".
#[rustfmt::skip]
pub const VERSIONS: Side = Side {
    names: &["Versions", "Document versions", "Version history", "Versionen", "Dokumentversionen", "Versionshistorie", "Versions des documents", "Historique des versions"],
    columns: &[
        req("reference", "Reference", DOCUMENT),
        req("version", "Version", &["version", "version number", "number", "versionsnummer", "versionsnr", "numéro de version", "n° de version"]),
        f("change_summary", "Change summary", &["change summary", "changes", "summary", "description of change", "änderungen", "änderungsbeschreibung", "zusammenfassung", "résumé des modifications", "modifications", "description de la modification"]),
        f("approved_by", "Approved by", APPROVER),
        f("approved_by_email", "Approver's e-mail", APPROVER_EMAIL),
        f("approved_on", "Approved on", &["approved on", "approval date", "date approved", "approved", "genehmigt am", "freigegeben am", "freigabedatum", "approuvé le", "date d'approbation"]),
    ],
};

#[rustfmt::skip]
const SUPPLIER: &[&str] = &["supplier", "supplier name", "vendor", "lieferant", "dienstleister", "fournisseur", "prestataire"];

/// Every review of every supplier: the export's "Supplier reviews".
#[rustfmt::skip]
pub const SUPPLIER_REVIEWS: Side = Side {
    names: &["Supplier reviews", "Lieferantenbewertungen", "Lieferantenprüfungen", "Évaluations des fournisseurs", "Revues des fournisseurs"],
    columns: &[
        req("supplier", "Supplier", SUPPLIER),
        req("reviewed_on", "Reviewed on", &["reviewed on", "review date", "date", "last review", "geprüft am", "bewertet am", "prüfdatum", "évalué le", "date de revue", "date d'évaluation"]),
        req("outcome", "Outcome", &["outcome", "result", "review outcome", "ergebnis", "bewertung", "résultat"]),
        f("note", "Note", &["note", "notes", "comment", "comments", "notiz", "bemerkung", "kommentar", "remarque", "commentaire"]),
    ],
};

/// Every certificate of every supplier with its days: the export's "Supplier certificates".
#[rustfmt::skip]
pub const CERTIFICATES: Side = Side {
    names: &["Supplier certificates", "Certificates", "Lieferantenzertifikate", "Zertifikate", "Certificats des fournisseurs", "Certificats"],
    columns: &[
        req("supplier", "Supplier", SUPPLIER),
        req("certificate", "Certificate", &["certificate", "certification", "title", "zertifikat", "zertifizierung", "certificat", "certification"]),
        f("issued_on", "Issued on", &["issued on", "issued", "issue date", "date of issue", "ausgestellt am", "ausstellungsdatum", "délivré le", "date de délivrance", "émis le"]),
        f("expires_on", "Expires on", &["expires on", "expires", "expiry", "expiry date", "valid until", "gültig bis", "ablaufdatum", "läuft ab am", "expire le", "date d'expiration", "valable jusqu'au"]),
    ],
};

/// Every result of every measure: the export's "Results".
#[rustfmt::skip]
pub const RESULTS: Side = Side {
    names: &["Results", "Measure results", "Measurements", "Ergebnisse", "Messergebnisse", "Messungen", "Résultats", "Mesures effectuées"],
    columns: &[
        req("measure", "Measure", &["measure", "measure reference", "reference", "kpi", "kennzahl", "messgröße", "referenz", "indicateur", "référence"]),
        req("measured_on", "Measured on", &["measured on", "date", "measurement date", "gemessen am", "messdatum", "datum", "mesuré le", "date de mesure"]),
        req("value", "Value", &["value", "result", "measured value", "wert", "messwert", "ergebnis", "valeur", "résultat"]),
        f("evaluation", "Evaluation", &["evaluation", "analysis", "assessment", "bewertung", "auswertung", "analyse", "évaluation"]),
        f("follow_up", "Follow-up", &["follow-up", "follow up", "followup", "action", "nachverfolgung", "folgemaßnahme", "suivi"]),
    ],
};

/// Who holds each role since when: the export's "Role holders".
#[rustfmt::skip]
pub const ROLE_HOLDERS: Side = Side {
    names: &["Role holders", "Role assignments", "Rolleninhaber", "Rollenzuordnung", "Titulaires des rôles", "Attribution des rôles"],
    columns: &[
        req("role", "Role", &["role", "role name", "rolle", "rôle", "fonction"]),
        f("name", "Name", &["name", "holder", "person", "held by", "inhaber", "mitarbeiter", "nom", "titulaire"]),
        f("email", "E-mail", EMAIL),
        f("assigned_on", "Assigned on", &["assigned on", "since", "holds since", "from", "assigned", "zugewiesen am", "seit", "ab", "attribué le", "depuis"]),
    ],
};
