//! What each kind of register can take from a spreadsheet: its fields, with the name the
//! importer and a mapping file use (`control_id`), the label the UI and CLI show, and the
//! headers that mean it in real templates, in English, German and French. A header that could
//! mean two fields of one kind is listed under both, best first: `mapping` gives it to the
//! field where it ranks higher. "Status" in an SoA means the implementation status, never
//! applicability. The tables live in [`registers`] and [`records`]; a person's name may come
//! from two columns, first name and last name, joined (see [`Field::parts`]). A risk
//! register's workbook brings its treatment actions and approvals on sheets of their own:
//! [`Kind::PARTS`], read with the register, never imported alone ([`parts`]).

mod parts;
mod records;
mod registers;
pub mod sides;

use std::collections::HashMap;
use std::sync::OnceLock;

use parts::{RISK_ACTIONS, RISK_APPROVALS};
use records::{
    ACKNOWLEDGEMENTS, COMPETENCE, INCIDENTS, MEASURES, REQUIREMENTS, SUPPLIERS, TRAINING,
};
use registers::{ASSETS, AUDITS, DOCUMENTS, PEOPLE, RISKS, SOA, TRACKER};

use serde::Serialize;

/// A kind of register an import fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "SheetImportKind")]
pub enum Kind {
    Risks,
    Soa,
    Assets,
    People,
    Tracker,
    Documents,
    Training,
    Acknowledgements,
    Competence,
    Measures,
    Suppliers,
    Incidents,
    Requirements,
    /// A risk register's treatment actions, on their own sheet beside it: read with a risks
    /// import only (not in [`Kind::ALL`], not a word of the CLI or the wizard).
    #[ts(skip)]
    RiskActions,
    /// A risk register's owners' approvals, on their own sheet beside it: as
    /// [`Kind::RiskActions`].
    #[ts(skip)]
    RiskApprovals,
    Audits,
}

/// One field of a kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// The importer's and the mapping file's name: `control_id`.
    pub name: &'static str,
    /// What a person reads: "Control ID".
    pub label: &'static str,
    /// Headers that mean this field, best first, compared ignoring case, spaces and a trailing
    /// colon or `*`.
    pub synonyms: &'static [&'static str],
    /// A row without it cannot be imported.
    pub required: bool,
    /// A cell may hold several values (split on newline, `;`, `,` or `|`).
    pub many: bool,
    /// Fields whose columns, joined by a space, fill this one when no column of its own does:
    /// a person's name from "First name" and "Last name". One of them mapped is enough.
    #[serde(skip)]
    pub parts: &'static [&'static str],
}

pub(super) const fn f(
    name: &'static str,
    label: &'static str,
    synonyms: &'static [&'static str],
) -> Field {
    Field {
        name,
        label,
        synonyms,
        required: false,
        many: false,
        parts: &[],
    }
}
pub(super) const fn req(
    name: &'static str,
    label: &'static str,
    synonyms: &'static [&'static str],
) -> Field {
    Field {
        required: true,
        ..f(name, label, synonyms)
    }
}
pub(super) const fn many(
    name: &'static str,
    label: &'static str,
    synonyms: &'static [&'static str],
) -> Field {
    Field {
        many: true,
        ..f(name, label, synonyms)
    }
}
/// A required field that its `parts` may fill instead.
pub(super) const fn joined(
    name: &'static str,
    label: &'static str,
    synonyms: &'static [&'static str],
    parts: &'static [&'static str],
) -> Field {
    Field {
        parts,
        ..req(name, label, synonyms)
    }
}

#[rustfmt::skip]
pub(super) const OWNER: &[&str] = &["owner", "responsible", "accountable", "assigned to", "responsible person", "responsible party", "verantwortlich", "verantwortlicher", "zuständig", "zugewiesen an", "eigentümer", "responsable", "propriétaire", "attribué à"];
#[rustfmt::skip]
pub(super) const EMAIL: &[&str] = &["e-mail", "email", "mail", "e-mail address", "email address", "user", "e-mail-adresse", "emailadresse", "mailadresse", "adresse e-mail", "adresse mail", "courriel", "adresse électronique", "mél"];

impl Kind {
    pub const ALL: [Kind; 14] = [
        Kind::Risks,
        Kind::Soa,
        Kind::Assets,
        Kind::People,
        Kind::Tracker,
        Kind::Documents,
        Kind::Training,
        Kind::Acknowledgements,
        Kind::Competence,
        Kind::Measures,
        Kind::Suppliers,
        Kind::Incidents,
        Kind::Requirements,
        Kind::Audits,
    ];

    /// The sheets a risk register's workbook holds beside the register, read with it.
    pub const PARTS: [Kind; 2] = [Kind::RiskActions, Kind::RiskApprovals];

    /// The CLI's word for the kind: `risks`, `soa` …
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Risks => "risks",
            Kind::Soa => "soa",
            Kind::Assets => "assets",
            Kind::People => "people",
            Kind::Tracker => "tracker",
            Kind::Documents => "documents",
            Kind::Training => "training",
            Kind::Acknowledgements => "acknowledgements",
            Kind::Competence => "competence",
            Kind::Measures => "measures",
            Kind::Suppliers => "suppliers",
            Kind::Incidents => "incidents",
            Kind::Requirements => "requirements",
            Kind::RiskActions => "risk_actions",
            Kind::RiskApprovals => "risk_approvals",
            Kind::Audits => "audits",
        }
    }

    pub fn parse(word: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(word.trim()))
    }

    /// The fields, in the order a preview shows them.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Kind::Risks => RISKS,
            Kind::Soa => SOA,
            Kind::Assets => ASSETS,
            Kind::People => PEOPLE,
            Kind::Tracker => TRACKER,
            Kind::Documents => DOCUMENTS,
            Kind::Training => TRAINING,
            Kind::Acknowledgements => ACKNOWLEDGEMENTS,
            Kind::Competence => COMPETENCE,
            Kind::Measures => MEASURES,
            Kind::Suppliers => SUPPLIERS,
            Kind::Incidents => INCIDENTS,
            Kind::Requirements => REQUIREMENTS,
            Kind::RiskActions => RISK_ACTIONS,
            Kind::RiskApprovals => RISK_APPROVALS,
            Kind::Audits => AUDITS,
        }
    }

    pub fn field(self, name: &str) -> Option<&'static Field> {
        self.fields().iter().find(|f| f.name == name)
    }

    /// Whether the kind's rows come from a form tool's export (training completions,
    /// acknowledgements): records only ever added, a row already recorded skipped, and each
    /// problem named by row and column header (`row 3.email`), as those imports always said.
    pub fn by_row(self) -> bool {
        matches!(self, Kind::Training | Kind::Acknowledgements)
    }

    /// Refuses a word that names no kind (for the CLI's and the shell's argument).
    pub fn unknown(word: &str) -> isms_core::CoreError {
        let words: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        isms_core::CoreError::new(
            isms_core::ErrorCode::Validation,
            format!("Unknown import “{word}”: use {}.", words.join(", ")),
        )
    }
}

/// A header as compared with synonyms: lower case with German and French accents dropped
/// ("Fälligkeitsdatum" is "falligkeitsdatum", "Maßnahme" "massnahme"), `_` and `-` read as
/// spaces, spaces (non-breaking too) collapsed and trimmed, no space around `/` ("inclusion /
/// exclusion" is "inclusion/exclusion"), and a trailing colon, `?`, `.` or `*` (a
/// required-column marker) dropped. Synonyms are compared normalised the same way.
pub fn normalise_header(header: &str) -> String {
    let folded = isms_core::vocabulary::folded(header);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '_' | '-'))
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.join(" ").replace(" /", "/").replace("/ ", "/");
    joined
        .trim_end_matches([':', '*', '?', '.', ' '])
        .trim()
        .to_owned()
}

/// Every field's synonyms normalised, once: the key is the synonym table's address.
fn normalised_synonyms(field: &Field) -> Option<&'static [String]> {
    static TABLES: OnceLock<HashMap<usize, Vec<String>>> = OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        Kind::ALL
            .iter()
            .chain(&Kind::PARTS)
            .flat_map(|k| k.fields())
            .map(|f| {
                let words = f.synonyms.iter().map(|s| normalise_header(s)).collect();
                (f.synonyms.as_ptr() as usize, words)
            })
            .collect()
    });
    tables
        .get(&(field.synonyms.as_ptr() as usize))
        .map(Vec::as_slice)
}

/// How well `header` names `field`: 0 for its first synonym, 1 for the next …; `None` if not
/// at all. A header with a parenthesised note ("Likelihood (1-5)") is also tried without it.
pub fn rank(field: &Field, header: &str) -> Option<usize> {
    let h = normalise_header(header);
    let own: Vec<String>;
    let synonyms = match normalised_synonyms(field) {
        Some(s) if s.len() == field.synonyms.len() => s,
        _ => {
            own = field.synonyms.iter().map(|s| normalise_header(s)).collect();
            &own
        }
    };
    let find = |h: &str| synonyms.iter().position(|s| s == h);
    find(&h).or_else(|| {
        let cut = h.find('(')?;
        find(h[..cut].trim()).map(|r| r + field.synonyms.len())
    })
}
