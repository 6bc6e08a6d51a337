//! What each kind of register can take from a spreadsheet: its fields, with the name the
//! importer and a mapping file use (`control_id`), the label the UI and CLI show, and the
//! headers that mean it in real templates. A header that could mean two fields of one kind is
//! listed under both, best first: `mapping` gives it to the field where it ranks higher.
//! "Status" in an SoA means the implementation status, never applicability.

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
}

const fn f(name: &'static str, label: &'static str, synonyms: &'static [&'static str]) -> Field {
    Field {
        name,
        label,
        synonyms,
        required: false,
        many: false,
    }
}
const fn req(name: &'static str, label: &'static str, synonyms: &'static [&'static str]) -> Field {
    Field {
        name,
        label,
        synonyms,
        required: true,
        many: false,
    }
}
const fn many(name: &'static str, label: &'static str, synonyms: &'static [&'static str]) -> Field {
    Field {
        name,
        label,
        synonyms,
        required: false,
        many: true,
    }
}

#[rustfmt::skip]
const OWNER: &[&str] = &["owner", "responsible", "accountable", "assigned to", "responsible person"];
const EMAIL: &[&str] = &[
    "e-mail",
    "email",
    "mail",
    "e-mail address",
    "email address",
    "user",
];

#[rustfmt::skip]
static RISKS: &[Field] = &[
    f("reference", "Reference", &["reference", "ref", "risk id", "risk ref", "risk no", "id", "no", "no.", "#"]),
    req("title", "Title", &["title", "risk title", "risk", "risk name", "name", "risk description"]),
    f("description", "Description", &["description", "risk description", "details", "scenario"]),
    many("assets", "Assets", &["assets", "asset", "affected assets", "asset(s)"]),
    f("threat", "Threat", &["threat", "threats", "threat source"]),
    f("vulnerability", "Vulnerability", &["vulnerability", "vulnerabilities", "weakness"]),
    f("owner", "Risk owner", &["risk owner", "owner", "responsible", "accountable"]),
    f("owner_email", "Owner's e-mail", EMAIL),
    f("likelihood", "Likelihood", &["likelihood", "inherent likelihood", "probability", "l", "likelihood (l)", "p"]),
    f("impact", "Impact", &["impact", "inherent impact", "consequence", "i", "impact (i)", "severity", "c"]),
    f("treatment", "Treatment", &["treatment", "treatment option", "treatment decision", "risk treatment", "decision", "response"]),
    many("actions", "Treatment actions", &["treatment actions", "actions", "treatment plan", "action", "mitigation"]),
    many("controls", "Annex A controls", &["annex a controls", "controls", "control", "annex a", "control ref", "soa reference"]),
    f("action_owner", "Action owner", &["action owner"]),
    f("due_date", "Due date", &["due date", "due", "target date", "deadline"]),
    f("residual_likelihood", "Residual likelihood", &["residual likelihood", "residual probability", "rl", "target likelihood"]),
    f("residual_impact", "Residual impact", &["residual impact", "residual consequence", "ri", "target impact"]),
    f("assessed_on", "Last assessed", &["last assessed", "assessed on", "date assessed", "assessment date", "date of assessment", "last assessment", "last reviewed"]),
];

#[rustfmt::skip]
static SOA: &[Field] = &[
    req("control_id", "Control ID", &["control id", "ref", "control ref", "control", "clause", "annex a", "reference", "annex a ref", "control no", "id", "#"]),
    f("title", "Control title", &["control title", "control name", "title", "name", "control"]),
    f("applicable", "Applicable", &["applicable", "applicable?", "applicability", "included", "included?", "selected", "in scope"]),
    f("legal", "Legal or regulatory", &["legal", "legal or regulatory", "legal/regulatory", "regulatory", "lr", "l/r"]),
    f("contractual", "Contractual", &["contractual", "contract", "co", "c/o"]),
    f("business", "Business requirement or best practice", &["business", "business requirement", "best practice", "business requirement or best practice", "br/bp", "br", "bp"]),
    f("risk_assessment", "Risk assessment result", &["risk assessment", "risk assessment result", "ra", "risk"]),
    f("justification", "Justification", &["justification", "justification for exclusion", "reason for exclusion", "justification for inclusion/exclusion", "rationale", "reason"]),
    f("status", "Implementation status", &["implementation status", "status", "implementation", "implemented", "implemented?"]),
    f("owner", "Owner", &["control owner", "owner", "responsible", "accountable"]),
    f("owner_email", "Owner's e-mail", EMAIL),
    f("notes", "Notes", &["notes", "comments", "remarks", "how implemented", "implementation notes"]),
];

#[rustfmt::skip]
static ASSETS: &[Field] = &[
    req("name", "Name", &["name", "asset", "asset name", "asset description"]),
    f("kind", "Type", &["type", "asset type", "category", "kind", "asset category"]),
    f("owner", "Owner", &["asset owner", "owner", "responsible", "accountable"]),
    f("owner_email", "Owner's e-mail", EMAIL),
    f("classification", "Classification", &["classification", "information classification", "sensitivity", "confidentiality", "class"]),
    f("description", "Description", &["description", "details", "notes", "comments"]),
];

#[rustfmt::skip]
static PEOPLE: &[Field] = &[
    req("name", "Name", &["name", "full name", "employee", "person", "staff member", "employee name"]),
    req("email", "E-mail", EMAIL),
    f("job_title", "Job title", &["job title", "title", "role", "position"]),
    f("department", "Department", &["department", "team", "dept", "business unit"]),
    f("start_date", "Start date", &["start date", "start", "joined", "joining date", "hire date", "date joined"]),
    f("end_date", "End date", &["end date", "end", "left", "leaving date", "leaver date", "exit date", "date left"]),
    f("top_management", "Top management", &["top management", "management", "senior management", "leadership"]),
    f("isms_owner", "ISMS owner", &["isms owner", "isms manager"]),
];

#[rustfmt::skip]
static TRACKER: &[Field] = &[
    f("reference", "Reference", &["reference", "ref", "id", "item", "no", "no.", "#", "finding id"]),
    f("kind", "Type", &["type", "finding type", "kind", "category", "classification", "grade"]),
    req("title", "Title", &["title", "finding", "issue", "summary", "subject", "description"]),
    f("description", "Description", &["description", "details", "finding details", "evidence"]),
    f("source", "Source", &["source", "origin", "raised from", "audit"]),
    f("source_ref", "Source reference", &["source reference", "source ref", "audit ref", "audit reference"]),
    f("finding_number", "Certification body's finding no.", &["certification body's finding no.", "cb finding no", "cb finding", "cb ref", "certification body reference", "finding no", "finding number", "finding no."]),
    many("clauses", "Clauses", &["clauses", "clause", "iso clause", "requirement"]),
    many("controls", "Annex A controls", &["annex a controls", "controls", "control", "annex a"]),
    f("owner", "Owner", OWNER),
    f("owner_email", "Owner's e-mail", EMAIL),
    f("raised_on", "Raised on", &["raised on", "raised", "date raised", "opened", "date opened", "date"]),
    f("due_on", "Due date", &["due date", "due", "target date", "deadline", "due on"]),
    f("status", "Status", &["status", "state"]),
    f("correction", "Correction", &["correction", "immediate action", "containment"]),
    f("root_cause", "Root cause", &["root cause", "cause", "root cause analysis"]),
    f("corrective_action", "Corrective action", &["corrective action", "action", "corrective actions", "capa", "action plan"]),
    f("decision", "Decision", &["decision", "response"]),
    f("effectiveness_on", "Effectiveness reviewed on", &["effectiveness review date", "effectiveness reviewed on", "verified on", "verification date"]),
    f("effectiveness_result", "Effectiveness review", &["effectiveness review", "effectiveness", "verification", "effective?"]),
    f("closed_on", "Closed on", &["closed on", "closed", "date closed", "closure date", "close date"]),
];

#[rustfmt::skip]
static DOCUMENTS: &[Field] = &[
    f("reference", "Reference", &["reference", "ref", "document id", "doc id", "id", "document number", "doc no", "no", "#"]),
    req("title", "Title", &["title", "document title", "document", "name", "document name"]),
    f("kind", "Kind", &["type", "kind", "document type", "category"]),
    many("mandatory_items", "Mandatory items", &["mandatory items", "clause", "iso clause", "clauses", "requirement"]),
    f("owner", "Owner", &["document owner", "owner", "author", "responsible"]),
    f("owner_email", "Owner's e-mail", EMAIL),
    f("version", "Version", &["version", "current version", "rev", "revision", "issue"]),
    f("approved_on", "Approved on", &["approved on", "approved", "approval date", "date approved", "issue date"]),
    f("review_months", "Review interval (months)", &["review interval", "review interval (months)", "review frequency", "review cycle", "review period"]),
    f("next_review", "Next review", &["next review", "next review date", "review date", "review due"]),
    f("communicate", "Communicate to staff", &["communicate", "communicate to staff", "communicated", "must read", "staff must read", "acknowledgement required"]),
    many("audience", "Audience", &["audience", "distribution", "applies to", "target audience"]),
];

#[rustfmt::skip]
static TRAINING: &[Field] = &[
    req("email", "E-mail", EMAIL),
    req("course", "Course", &["course", "training", "course name", "module"]),
    req("date", "Completed on", &["date", "completed", "completed on", "completion date", "date completed"]),
];

#[rustfmt::skip]
static ACKNOWLEDGEMENTS: &[Field] = &[
    req("email", "E-mail", EMAIL),
    req("document", "Document", &["document", "document reference", "reference", "policy", "document title"]),
    req("version", "Version", &["version", "document version", "policy version"]),
    req("date", "Acknowledged on", &["date", "acknowledged", "acknowledged on", "signed", "signed on", "timestamp"]),
    req("method", "Method", &["method", "how", "channel"]),
];

#[rustfmt::skip]
static COMPETENCE: &[Field] = &[
    req("email", "E-mail", EMAIL),
    many("roles", "Roles", &["roles", "role", "isms roles", "isms role", "role(s)", "assigned roles"]),
    f("kind", "Kind", &["kind", "type", "evidence type", "competence type", "category"]),
    req("title", "Title", &["title", "qualification", "certificate", "certification", "competence", "course", "evidence", "description", "name of qualification"]),
    req("obtained_on", "Obtained", &["obtained", "obtained on", "date obtained", "awarded", "awarded on", "issued", "issue date", "date issued", "achieved", "completed", "date"]),
    f("expires_on", "Expires", &["expires", "expires on", "expiry", "expiry date", "valid until", "expiration", "expiration date", "renewal date", "renewal due"]),
    f("note", "Note", &["note", "notes", "comments", "remarks"]),
];

#[rustfmt::skip]
static MEASURES: &[Field] = &[
    f("reference", "Reference", &["reference", "measure", "ref", "id", "kpi id"]),
    req("title", "Title", &["title", "measure title", "kpi", "indicator", "name"]),
    f("monitored", "What is monitored", &["what is monitored", "monitored", "what"]),
    f("method", "Method", &["method", "how measured", "how"]),
    f("frequency", "Frequency", &["frequency", "when", "how often"]),
    f("measured_by", "Measured by", &["measured by", "measurer"]),
    f("measured_by_email", "Measured by e-mail", &["measured by e-mail", "measured by email"]),
    f("evaluated_by", "Evaluated by", &["evaluated by", "evaluator"]),
    f("evaluated_by_email", "Evaluated by e-mail", &["evaluated by e-mail", "evaluated by email"]),
    f("source", "Source", &["source", "computed from"]),
    f("unit", "Unit", &["unit", "units"]),
    f("direction", "Direction", &["direction", "better when"]),
    f("target", "Target", &["target", "goal", "threshold"]),
    f("defined_on", "Defined on", &["defined on", "defined", "since"]),
    f("measured_on", "Measured on", &["measured on", "date", "result date"]),
    f("value", "Value", &["value", "result", "actual"]),
    f("evaluation", "Evaluation", &["evaluation", "analysis", "comment"]),
    f("follow_up", "Follow-up", &["follow-up", "follow up", "why no tracker item"]),
];

#[rustfmt::skip]
static SUPPLIERS: &[Field] = &[
    req("name", "Supplier", &["supplier", "supplier name", "name", "vendor", "vendor name", "third party", "third-party", "third party name", "service provider", "provider", "company", "organisation", "organization"]),
    f("service", "Service", &["service", "services", "service provided", "services provided", "product", "what they provide", "description"]),
    f("information", "Information handled", &["information handled", "information", "data handled", "data processed", "data", "data shared", "information shared"]),
    many("assets", "Assets", &["assets", "asset", "assets handled", "systems", "systems used"]),
    f("criticality", "Criticality", &["criticality", "critical", "criticality rating", "risk rating", "tier", "supplier tier", "importance", "risk level", "rating"]),
    f("contract_requirements", "Security requirements in contract", &["security requirements in contract", "security requirements", "security terms", "security clauses", "contract security", "dpa signed", "dpa in place", "nda signed"]),
    f("contract_reference", "Contract reference", &["contract reference", "contract", "contract ref", "agreement", "contract no"]),
    f("owner", "Owner", &["owner", "supplier owner", "relationship owner", "business owner", "account owner", "responsible", "accountable"]),
    f("owner_email", "Owner's e-mail", EMAIL),
    f("review_months", "Review interval (months)", &["review interval (months)", "review interval", "review frequency", "review cycle", "review period"]),
    f("last_review", "Last review", &["last review", "last reviewed", "last review date", "date of last review", "reviewed on", "review date", "last assessment", "last assessed"]),
    f("review_outcome", "Review outcome", &["review outcome", "outcome", "review result", "assessment result", "assessment outcome", "result"]),
    f("review_note", "Review note", &["review note", "review notes", "review comments", "assessment notes"]),
    many("certificates", "Certificates", &["certificates", "certificate", "certifications", "certification", "attestations", "iso 27001 / soc 2"]),
    f("certificate_expiry", "Certificate expiry", &["certificate expiry", "certificate expires", "certification expiry", "certificate valid until", "expiry", "expires", "valid until", "expiry date"]),
    f("notes", "Notes", &["notes", "comments", "remarks"]),
];

#[rustfmt::skip]
static INCIDENTS: &[Field] = &[
    f("reference", "Reference", &["reference", "ref", "incident id", "incident ref", "incident no", "id", "no", "no.", "#"]),
    req("title", "Title", &["title", "incident", "summary", "incident title", "what happened", "description", "subject"]),
    req("reported_on", "Reported on", &["reported on", "date reported", "reported", "incident date", "date", "date of incident", "date opened", "opened", "detected on", "date detected"]),
    f("reported_by", "Reported by", &["reported by", "reporter", "raised by"]),
    f("reported_by_email", "Reporter's e-mail", &["reporter e-mail", "reporter email", "reported by e-mail", "reported by email", "e-mail", "email"]),
    f("category", "Category", &["category", "type", "incident type", "classification", "kind"]),
    f("severity", "Severity", &["severity", "impact", "priority", "severity level", "level"]),
    many("assets", "Assets", &["assets", "asset", "affected assets", "systems affected", "affected systems"]),
    many("suppliers", "Suppliers", &["suppliers", "supplier", "vendor", "third party", "affected suppliers"]),
    f("personal_data", "Personal data", &["personal data", "personal data involved", "pii", "data breach", "gdpr breach", "personal data breach"]),
    f("response", "Response", &["response", "actions taken", "action taken", "containment", "resolution", "remediation"]),
    f("status", "Status", &["status", "state"]),
    f("closed_on", "Closed on", &["closed on", "date closed", "closed", "closure date", "resolved on", "date resolved"]),
    f("lessons", "Lessons learned", &["lessons learned", "lessons", "lessons learnt", "root cause and lessons", "learnings"]),
    f("raises_nc", "Raises a nonconformity", &["raises a nonconformity", "nonconformity", "nc raised", "nc"]),
];

#[rustfmt::skip]
static REQUIREMENTS: &[Field] = &[
    f("reference", "Reference", &["reference", "ref", "requirement id", "id", "no", "no.", "#"]),
    f("source", "Source", &["source", "type", "requirement type", "kind", "category"]),
    req("title", "Title", &["title", "legislation", "law", "regulation", "obligation", "requirement", "name", "act", "contract"]),
    f("requires", "What it requires", &["what it requires", "requirements", "description", "summary", "obligations", "key requirements", "details"]),
    f("party", "Interested party", &["interested party", "party", "stakeholder", "from", "imposed by", "regulator"]),
    f("owner", "Owner", OWNER),
    f("owner_email", "Owner's e-mail", EMAIL),
    many("controls", "Controls", &["controls", "annex a controls", "control", "how met", "how it is met"]),
    many("documents", "Documents", &["documents", "document", "policies", "related documents"]),
    f("reviewed_on", "Last reviewed", &["last reviewed", "reviewed on", "last review", "review date", "date reviewed", "last review date"]),
];

impl Kind {
    pub const ALL: [Kind; 13] = [
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
    ];

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

/// A header as compared with synonyms: lower case, spaces (non-breaking too) collapsed and
/// trimmed, a trailing colon or `*` (a required-column marker) dropped.
pub fn normalise_header(header: &str) -> String {
    let words: Vec<&str> = header
        .split(|c: char| c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.join(" ").to_lowercase();
    joined.trim_end_matches([':', '*', ' ']).trim().to_owned()
}

/// How well `header` names `field`: 0 for its first synonym, 1 for the next …; `None` if not
/// at all. A header with a parenthesised note ("Likelihood (1-5)") is also tried without it.
pub fn rank(field: &Field, header: &str) -> Option<usize> {
    let h = normalise_header(header);
    let find = |h: &str| field.synonyms.iter().position(|s| *s == h);
    find(&h).or_else(|| {
        let cut = h.find('(')?;
        find(h[..cut].trim()).map(|r| r + field.synonyms.len())
    })
}
