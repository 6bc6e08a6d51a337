//! `isms readiness`: a stage's readiness as text for a person (every rule, failing ones first
//! with the records at fault and the fix) or as JSON for a script.

use isms_core::readiness::{Report, RuleResult, RuleStatus};

/// At most this many records at fault are printed per rule; JSON has them all.
const SHOWN: usize = 8;

fn mark(status: RuleStatus) -> &'static str {
    match status {
        RuleStatus::Pass => "pass",
        RuleStatus::Fail => "FAIL",
        RuleStatus::Warning => "warn",
        RuleStatus::NotApplicable => "n/a ",
    }
}

fn rank(status: RuleStatus) -> u8 {
    match status {
        RuleStatus::Fail => 0,
        RuleStatus::Warning => 1,
        RuleStatus::Pass => 2,
        RuleStatus::NotApplicable => 3,
    }
}

fn describe_rule(out: &mut String, r: &RuleResult) {
    out.push_str(&format!(
        "{}  {}  [{}]  {}\n",
        mark(r.status),
        r.id,
        r.clause,
        r.finding
    ));
    for record in r.records.iter().take(SHOWN) {
        out.push_str(&format!(
            "        · {}  {}\n",
            record.reference, record.title
        ));
    }
    if r.records.len() > SHOWN {
        out.push_str(&format!(
            "        · … and {} more\n",
            r.records.len() - SHOWN
        ));
    }
    if !r.fix.is_empty() {
        out.push_str(&format!("      → {}\n", r.fix));
    }
}

/// The report for a terminal: a verdict line, then the rules, failures first.
pub fn describe(organisation: &str, report: &Report) -> String {
    let fails = report.count(RuleStatus::Fail);
    let warnings = report.count(RuleStatus::Warning);
    let verdict = if report.ready {
        "READY".to_owned()
    } else {
        format!("NOT READY: {fails} of {} rules fail", report.rules.len())
    };
    let mut out = format!(
        "Stage {} readiness of {organisation} as of {}: {verdict}{}\n\n",
        report.stage,
        report.as_of,
        match warnings {
            0 => String::new(),
            1 => ", 1 warning".to_owned(),
            n => format!(", {n} warnings"),
        }
    );
    let mut rules: Vec<&RuleResult> = report.rules.iter().collect();
    rules.sort_by_key(|r| rank(r.status));
    for r in rules {
        describe_rule(&mut out, r);
    }
    out
}
