//! What a rule says: its status, finding, records at fault and fix, and the small helpers the
//! rules use to say it in plain words ("R-001, R-004 and 3 more").

use std::collections::HashSet;

use serde::Serialize;
use ts_rs::TS;

use super::Stage;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RuleStatus {
    Pass,
    Fail,
    Warning,
    NotApplicable,
}

/// The kind of a record, at fault in a rule or found by search; the desktop links each kind to
/// its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RecordKind {
    Organisation,
    Context,
    Person,
    RiskMethod,
    Risk,
    Control,
    Objective,
    Document,
    Clause,
    Audit,
    TrackerItem,
    Course,
    Change,
    Review,
    Asset,
    /// An evidence file; its reference is the first control it is linked to, if any.
    Evidence,
    /// An ISMS role (5.3).
    Role,
    /// A measure of monitoring and measurement (9.1).
    Measure,
    /// A supplier of the supplier register (A.5.19).
    Supplier,
    /// An incident of the incident log (A.5.24).
    Incident,
    /// A requirement of the requirements register (4.2 c).
    Requirement,
}

/// A record at fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RecordRef {
    pub kind: RecordKind,
    /// Its reference (R-004, 5.15, POL-01…), or a person's e-mail.
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    /// The record's id in the vault, when it has one.
    pub id: Option<i64>,
}

impl RecordRef {
    pub fn new(kind: RecordKind, reference: &str, title: &str, id: Option<i64>) -> Self {
        Self {
            kind,
            reference: reference.to_owned(),
            title: title.to_owned(),
            id,
        }
    }
}

/// One rule's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RuleResult {
    /// "S1-SCOPE"…, exactly as `domain.md` names it.
    pub id: String,
    /// 1 or 2.
    pub stage: u8,
    pub status: RuleStatus,
    /// The clause of ISO/IEC 27001 it comes from.
    pub clause: String,
    /// One line in plain words.
    pub finding: String,
    pub records: Vec<RecordRef>,
    /// What to do, specific to the records at fault; empty when nothing is to be done.
    pub fix: String,
}

/// A rule's identity, from which its results are made.
pub(crate) struct Rule {
    pub id: &'static str,
    pub stage: Stage,
    pub clause: &'static str,
}

impl Rule {
    fn result(
        &self,
        status: RuleStatus,
        finding: String,
        records: Vec<RecordRef>,
        fix: String,
    ) -> RuleResult {
        RuleResult {
            id: self.id.to_owned(),
            stage: self.stage.number(),
            status,
            clause: self.clause.to_owned(),
            finding,
            records,
            fix,
        }
    }

    pub fn pass(&self, finding: impl Into<String>) -> RuleResult {
        self.result(RuleStatus::Pass, finding.into(), Vec::new(), String::new())
    }

    pub fn not_applicable(&self, finding: impl Into<String>) -> RuleResult {
        self.result(
            RuleStatus::NotApplicable,
            finding.into(),
            Vec::new(),
            String::new(),
        )
    }

    pub fn fail(
        &self,
        finding: impl Into<String>,
        records: Vec<RecordRef>,
        fix: impl Into<String>,
    ) -> RuleResult {
        self.result(RuleStatus::Fail, finding.into(), records, fix.into())
    }

    pub fn warn(
        &self,
        finding: impl Into<String>,
        records: Vec<RecordRef>,
        fix: impl Into<String>,
    ) -> RuleResult {
        self.result(RuleStatus::Warning, finding.into(), records, fix.into())
    }
}

/// Problems found by a rule, gathered as (sentence for the finding, records, fix sentence);
/// a record at fault for several reasons is listed once.
#[derive(Default)]
pub(crate) struct Faults {
    pub findings: Vec<String>,
    pub records: Vec<RecordRef>,
    pub fixes: Vec<String>,
    seen: HashSet<(RecordKind, String)>,
}

impl Faults {
    pub fn add(&mut self, finding: String, records: Vec<RecordRef>, fix: String) {
        self.findings.push(finding);
        for r in records {
            if self.seen.insert((r.kind, r.reference.clone())) {
                self.records.push(r);
            }
        }
        self.fixes.push(fix);
    }

    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }

    /// A failing result of everything gathered, or `otherwise` when nothing was.
    pub fn fail_or(self, rule: &Rule, otherwise: RuleResult) -> RuleResult {
        if self.is_empty() {
            return otherwise;
        }
        rule.fail(self.findings.join(" "), self.records, self.fixes.join(" "))
    }
}

/// "R-001", "R-001 and R-002", "R-001, R-002 and R-003", "R-001, R-002, R-003 and 7 more".
pub(crate) fn listing<S: AsRef<str>>(refs: &[S]) -> String {
    const SHOWN: usize = 3;
    let names: Vec<&str> = refs.iter().map(AsRef::as_ref).collect();
    match names.len() {
        0 => String::new(),
        1 => names[0].to_owned(),
        n if n <= SHOWN + 1 => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
        n => format!("{} and {} more", names[..SHOWN].join(", "), n - SHOWN),
    }
}

/// "1 risk", "3 risks".
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The references of `records`, listed.
pub(crate) fn refs(records: &[RecordRef]) -> String {
    let names: Vec<&str> = records.iter().map(|r| r.reference.as_str()).collect();
    listing(&names)
}

#[cfg(test)]
mod tests {
    use super::listing;

    #[test]
    fn listings_read_as_english() {
        assert_eq!(listing::<&str>(&[]), "");
        assert_eq!(listing(&["R-001"]), "R-001");
        assert_eq!(listing(&["R-001", "R-002"]), "R-001 and R-002");
        assert_eq!(listing(&["A", "B", "C", "D"]), "A, B, C and D");
        assert_eq!(listing(&["A", "B", "C", "D", "E"]), "A, B, C and 2 more");
    }
}
