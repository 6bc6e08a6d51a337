//! The fields of the sheets a risk register's workbook holds beside the register: each risk's
//! treatment actions and its owner's approvals (6.1.3 f), keyed to their risk by reference,
//! with the headers that mean each in English, German and French, best first. They are read
//! with a risks import (see `crate::read::parts`), never on their own.

use super::{EMAIL, Field, f, many, req};

/// A risk's reference in a sheet of its actions or approvals.
#[rustfmt::skip]
const RISK: &[&str] = &["reference", "risk", "risk reference", "risk id", "risk ref", "ref", "risk no", "ref id", "id", "nr", "risiko", "risiko nr", "risiko id", "risikoreferenz", "risikonummer", "référence", "risque", "réf", "référence du risque", "id risque", "n° risque"];

#[rustfmt::skip]
pub(super) static RISK_ACTIONS: &[Field] = &[
    req("reference", "Risk", RISK),
    req("title", "Action", &["action", "treatment action", "action title", "title", "measure", "task", "maßnahme", "behandlungsmaßnahme", "aufgabe", "titel", "mesure", "action de traitement", "tâche", "titre", "intitulé"]),
    f("owner", "Owner", &["action owner", "owner", "responsible", "assigned to", "maßnahmenverantwortlicher", "verantwortlich", "verantwortlicher", "zuständig", "responsable de l'action", "responsable", "attribué à", "propriétaire"]),
    f("owner_email", "Owner's e-mail", EMAIL),
    f("due_date", "Due date", &["due date", "due", "target date", "deadline", "fälligkeitsdatum", "fällig", "fällig am", "frist", "termin", "zieldatum", "date d'échéance", "échéance", "date cible", "date limite"]),
    f("status", "Status", &["status", "state", "progress", "umsetzungsstatus", "stand", "zustand", "bearbeitungsstand", "statut", "état", "avancement"]),
    f("done_date", "Done date", &["done date", "done on", "completed on", "completion date", "date done", "closed on", "completed", "erledigt am", "abgeschlossen am", "umgesetzt am", "erledigungsdatum", "date de réalisation", "réalisé le", "terminé le", "date de clôture"]),
    many("controls", "Annex A controls", &["controls", "annex a controls", "control", "annex a", "kontrollen", "anhang a", "anhang a maßnahmen", "referenzmaßnahmen", "contrôles", "annexe a", "mesures de l'annexe a"]),
];

#[rustfmt::skip]
pub(super) static RISK_APPROVALS: &[Field] = &[
    req("reference", "Risk", RISK),
    req("kind", "Kind", &["kind", "approval", "approval kind", "type", "what was approved", "art", "genehmigung", "freigabe", "art der genehmigung", "approbation", "type d'approbation", "nature"]),
    f("approved_by", "Approved by", &["approved by", "approver", "risk owner", "owner", "name", "genehmigt von", "freigegeben von", "akzeptiert von", "risikoeigner", "approuvé par", "accepté par", "propriétaire du risque"]),
    f("approved_by_email", "Approver's e-mail", EMAIL),
    req("approved_on", "Approved on", &["approved on", "date", "approval date", "approved", "date approved", "genehmigt am", "freigegeben am", "akzeptiert am", "datum", "approuvé le", "accepté le", "date d'approbation"]),
    f("note", "Note", &["note", "notes", "comment", "comments", "remarks", "bemerkung", "bemerkungen", "kommentar", "notiz", "commentaire", "commentaires", "remarque", "remarques"]),
    f("holds", "Still holds", &["still holds", "holds", "valid", "status", "void", "gilt noch", "gültig", "gültigkeit", "valable", "valide", "statut"]),
];
