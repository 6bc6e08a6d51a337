//! S1-CLAUSES and S2-CLAUSES: the readiness rules over the one coverage of clauses 4–10
//! ([`crate::coverage`]). Stage 1 wants clauses 4–8 addressed and 9–10 at least planned;
//! Stage 2 wants every clause addressed with its evidence on the day.

use super::Stage;
use super::records;
use super::verdict::{Faults, RecordRef, Rule, RuleResult, count, listing};
use crate::coverage::{ClauseCoverage, Coverage, Status};

fn documentation_clause(id: &str) -> bool {
    !(id.starts_with("9") || id.starts_with("10"))
}

/// The sub-clauses at fault, leaves only (a parent stands where its sub-clauses stand).
fn leaves(c: &Coverage, test: impl Fn(&ClauseCoverage) -> bool) -> Vec<&ClauseCoverage> {
    c.clauses
        .iter()
        .filter(|x| {
            !c.clauses.iter().any(|y| {
                y.clause_id
                    .strip_prefix(&x.clause_id)
                    .is_some_and(|rest| rest.starts_with('.'))
            })
        })
        .filter(|x| test(x))
        .collect()
}

fn add(faults: &mut Faults, at_fault: &[&ClauseCoverage], finding: &str) {
    if at_fault.is_empty() {
        return;
    }
    let ids: Vec<&str> = at_fault.iter().map(|c| c.clause_id.as_str()).collect();
    let recs: Vec<RecordRef> = at_fault
        .iter()
        .map(|c| records::clause(&c.clause_id, &c.title))
        .collect();
    // The gaps in full, clauses with the same gap together; the first few, as the clause
    // checklist has every one.
    const SHOWN: usize = 3;
    let mut groups: Vec<(Vec<&str>, &str)> = Vec::new();
    for c in at_fault {
        match groups.iter_mut().find(|(_, gap)| *gap == c.gap.as_str()) {
            Some((ids, _)) => ids.push(c.clause_id.as_str()),
            None => groups.push((vec![c.clause_id.as_str()], c.gap.as_str())),
        }
    }
    let mut fixes: Vec<String> = groups
        .iter()
        .take(SHOWN)
        .map(|(ids, gap)| format!("{}: {gap}", listing(ids)))
        .collect();
    let rest: usize = groups.iter().skip(SHOWN).map(|(ids, _)| ids.len()).sum();
    if rest > 0 {
        fixes.push(format!(
            "The Clause checklist page says what each of the other {rest} needs."
        ));
    }
    faults.add(
        format!(
            "{} {finding}: {}.",
            count(ids.len(), "clause", "clauses"),
            listing(&ids)
        ),
        recs,
        fixes.join(" "),
    );
}

pub(crate) fn stage1(c: &Coverage) -> RuleResult {
    let rule = Rule {
        id: "S1-CLAUSES",
        stage: Stage::One,
        clause: "4–10",
    };
    let mut faults = Faults::default();
    add(
        &mut faults,
        &leaves(c, |x| {
            documentation_clause(&x.clause_id) && x.status != Status::Addressed
        }),
        "of 4–8 not addressed",
    );
    add(
        &mut faults,
        &leaves(c, |x| {
            !documentation_clause(&x.clause_id) && x.status == Status::NotAddressed
        }),
        "of 9–10 not yet planned by a procedure or plan",
    );
    let addressed = c
        .clauses
        .iter()
        .filter(|x| x.status == Status::Addressed)
        .count();
    faults.fail_or(
        &rule,
        rule.pass(format!(
            "Clauses 4–8 are addressed and 9–10 planned ({addressed} of {} clauses and sub-clauses addressed).",
            c.clauses.len()
        )),
    )
}

pub(crate) fn stage2(c: &Coverage) -> RuleResult {
    let rule = Rule {
        id: "S2-CLAUSES",
        stage: Stage::Two,
        clause: "4–10",
    };
    let mut faults = Faults::default();
    add(
        &mut faults,
        &leaves(c, |x| x.status == Status::NotAddressed),
        "not addressed",
    );
    add(
        &mut faults,
        &leaves(c, |x| x.status == Status::Planned),
        "planned but without the records that show them in practice",
    );
    faults.fail_or(
        &rule,
        rule.pass(format!(
            "All {} clauses and sub-clauses of 4–10 are addressed with evidence.",
            c.clauses.len()
        )),
    )
}
