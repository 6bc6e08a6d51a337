//! S1-MONITORING and S2-MONITORING (9.1): measures defined with what is monitored, the method,
//! the frequency, who measures and who evaluates; then, in operation, a result for every
//! period of each measure's frequency since the Stage 1 date (or since the measure was
//! defined, if later), each evaluated, and every missed target followed up by a tracker item
//! or a note why not.

use super::Stage;
use super::index::Index;
use super::records;
use super::verdict::{Faults, RecordRef, Rule, RuleResult, count, listing, refs};
use crate::measures::{self, Measure};
use crate::view::Facts;

/// The parts of 9.1 a)–e) a measure lacks, in words.
fn lacks(m: &Measure) -> Vec<&'static str> {
    let mut out = Vec::new();
    if m.monitored.trim().is_empty() {
        out.push("what is monitored");
    }
    if m.method.trim().is_empty() {
        out.push("the method");
    }
    if m.measured_by.is_none() {
        out.push("who measures");
    }
    if m.evaluated_by.is_none() {
        out.push("who evaluates");
    }
    out
}

pub(crate) fn stage1(f: &Facts) -> RuleResult {
    let rule = Rule {
        id: "S1-MONITORING",
        stage: Stage::One,
        clause: "9.1",
    };
    if f.measures.is_empty() {
        return rule.fail(
            "No measure of monitoring and measurement is defined.",
            vec![records::clause("9.1", "Monitoring, measurement, analysis and evaluation")],
            "Define what you will monitor and measure on the Monitoring page: what, the method, how often, who measures and who evaluates (9.1 a–e).",
        );
    }
    let complete: Vec<&Measure> = f.measures.iter().filter(|m| lacks(m).is_empty()).collect();
    if complete.is_empty() {
        let at_fault: Vec<RecordRef> = f.measures.iter().map(records::measure).collect();
        let details: Vec<String> = f
            .measures
            .iter()
            .take(3)
            .map(|m| format!("{} lacks {}", m.reference, listing(&lacks(m))))
            .collect();
        return rule.fail(
            format!(
                "No measure is fully defined (9.1 a–e): {}.",
                details.join("; ")
            ),
            at_fault,
            format!(
                "Complete {}: what is monitored, the method, who measures and who evaluates.",
                refs(&f.measures.iter().map(records::measure).collect::<Vec<_>>())
            ),
        );
    }
    // A warning when an objective (6.2) is measured by no measure.
    let unmeasured: Vec<RecordRef> = f
        .objectives
        .iter()
        .filter(|o| !f.measures.iter().any(|m| m.objective_ids.contains(&o.id)))
        .map(records::objective)
        .collect();
    if !unmeasured.is_empty() {
        let names: Vec<&str> = unmeasured.iter().map(|r| r.title.as_str()).collect();
        let names = listing(&names);
        return rule.warn(
            format!(
                "{} defined, but no measure covers {} {names}.",
                count(complete.len(), "measure is", "measures are"),
                if unmeasured.len() == 1 { "the objective" } else { "the objectives" }
            ),
            unmeasured,
            format!("Link a measure to {names} on the Monitoring page, so its progress is evaluated (6.2, 9.1)."),
        );
    }
    rule.pass(format!(
        "{} defined with what, method, frequency, who measures and who evaluates.",
        count(complete.len(), "measure is", "measures are")
    ))
}

pub(crate) fn stage2(f: &Facts, ix: &Index<'_>) -> RuleResult {
    let rule = Rule {
        id: "S2-MONITORING",
        stage: Stage::Two,
        clause: "9.1",
    };
    if f.measures.is_empty() {
        return rule.fail(
            "No measure of monitoring and measurement is defined, so no results exist.",
            vec![records::clause(
                "9.1",
                "Monitoring, measurement, analysis and evaluation",
            )],
            "Define the measures on the Monitoring page and record their results each period.",
        );
    }
    let mut faults = Faults::default();
    let mut gaps: Vec<(RecordRef, Vec<String>)> = Vec::new();
    let mut unevaluated: Vec<RecordRef> = Vec::new();
    let mut unfollowed: Vec<RecordRef> = Vec::new();
    let mut results = 0;
    for m in &f.measures {
        let mine: Vec<_> = f
            .results
            .iter()
            .filter(|r| r.measure_id == m.id)
            .cloned()
            .collect();
        results += mine.len();
        if let Some(start) = measures::start_day(f.organisation.stage1_date, m.defined_on) {
            let missing = measures::missing(m.frequency, &mine, start, ix.as_of);
            if !missing.is_empty() {
                gaps.push((
                    records::measure(m),
                    missing.into_iter().map(|p| p.label).collect(),
                ));
            }
        }
        if mine.iter().any(|r| r.evaluation.trim().is_empty()) {
            unevaluated.push(records::measure(m));
        }
        if mine.iter().any(|r| r.lacks_follow_up()) {
            unfollowed.push(records::measure(m));
        }
    }
    if !gaps.is_empty() {
        let what: Vec<String> = gaps
            .iter()
            .map(|(m, periods)| format!("{} ({})", m.reference, listing(periods)))
            .collect();
        faults.add(
            format!(
                "{} no result for every period since Stage 1: {}.",
                count(gaps.len(), "measure has", "measures have"),
                listing(&what)
            ),
            gaps.iter().map(|(m, _)| m.clone()).collect(),
            format!(
                "Record the results of {} for the periods missing, with the date each was measured; if a period was truly missed, say why in the next result's evaluation.",
                listing(&gaps.iter().map(|(m, _)| m.reference.as_str()).collect::<Vec<_>>())
            ),
        );
    }
    if !unevaluated.is_empty() {
        let names = refs(&unevaluated);
        faults.add(
            format!("Results not evaluated: {names}."),
            unevaluated,
            format!("Have the evaluator of {names} record what each result means (9.1 f)."),
        );
    }
    if !unfollowed.is_empty() {
        let names = refs(&unfollowed);
        faults.add(
            format!("Results that missed their target with no tracker item or note why not: {names}."),
            unfollowed,
            format!("For the missed targets of {names}, raise a tracker item (an action or a nonconformity) or record why none is needed."),
        );
    }
    faults.fail_or(
        &rule,
        rule.pass(format!(
            "{} measured every period since Stage 1 ({} recorded), each evaluated and followed up.",
            count(f.measures.len(), "measure", "measures"),
            count(results, "result", "results")
        )),
    )
}
