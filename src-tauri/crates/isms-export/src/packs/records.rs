//! The vault's records as the stage1, stage2 and cap packs read them: one view of the vault as
//! of the pack's day (the readiness engine's `View`, so a pack and its readiness result see the
//! same records, and nothing dated after the day), names
//! and references by id, and the words, tones and date formats every section uses, so the same
//! thing is said the same way on every page. Lookups are indexed once: a large vault (5,000
//! risks, 50,000 tracker items) builds in linear time. What a pack shows is decided in its
//! section files, not here.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::NaiveDate;
use isms_core::audits::AuditStatus;
use isms_core::changes::ChangeStatus;
use isms_core::coverage::Coverage;
use isms_core::documents::{DocKind, Document, DocumentVersion};
use isms_core::objectives::ObjectiveStatus;
use isms_core::people::Person;
use isms_core::readiness::{Report, RuleStatus, Stage, View};
use isms_core::risks::{ActionStatus, RiskLevel, Score, Treatment};
use isms_core::tracker::{ItemKind, ItemStatus, TrackerItem};
use isms_core::{Result, Vault, Vocabulary};

use super::files::{self, Files};
use crate::model::{Cell, Tone};
pub(crate) use crate::pdf::long_date;

/// The records of one vault, read once, with indexes by id.
pub(crate) struct Records {
    /// The vault as of the pack's day.
    pub facts: View,
    pub as_of: NaiveDate,
    /// The one coverage of clauses 4–10 and the mandatory items on that day: the clause
    /// checklist and the mandatory items table show it, never a coverage of their own.
    pub coverage: Coverage,
    /// The evidence files rows rest on: claimed as rows name them, placed by the bundle's plan.
    pub files: Files,
    /// The readiness of each stage evaluated so far ([`super::verdict::report`]).
    pub reports: RefCell<Vec<(Stage, Report)>>,
    people: HashMap<i64, usize>,
    documents: HashMap<i64, usize>,
    risks: HashMap<i64, usize>,
    pub(super) evidence: HashMap<i64, usize>,
}

impl Records {
    pub fn load(vault: &Vault, as_of: NaiveDate) -> Result<Self> {
        Ok(Self::new(View::load(vault.reader(), as_of)?))
    }

    pub fn new(facts: View) -> Self {
        let as_of = facts.day();
        let coverage = isms_core::coverage::of(&facts);
        let index = |ids: Vec<i64>| ids.into_iter().enumerate().map(|(n, id)| (id, n)).collect();
        Self {
            people: index(facts.people.iter().map(|p| p.id).collect()),
            documents: index(facts.documents.iter().map(|d| d.id).collect()),
            risks: index(facts.risks.iter().map(|r| r.id).collect()),
            evidence: files::index(&facts.evidence),
            files: Files::default(),
            reports: RefCell::new(Vec::new()),
            facts,
            as_of,
            coverage,
        }
    }

    pub fn person(&self, id: i64) -> Option<&Person> {
        self.people.get(&id).map(|&n| &self.facts.people[n])
    }

    /// A person's name, "(unknown person)" for a dangling id, "—" for none.
    pub fn name(&self, id: Option<i64>) -> String {
        match id {
            None => DASH.to_owned(),
            Some(id) => self
                .person(id)
                .map_or_else(|| "(unknown person)".to_owned(), |p| p.name.clone()),
        }
    }

    pub fn document(&self, id: i64) -> Option<&Document> {
        self.documents.get(&id).map(|&n| &self.facts.documents[n])
    }

    /// A risk's reference by id.
    pub fn risk_ref(&self, id: i64) -> String {
        self.risks.get(&id).map_or_else(
            || format!("#{id}"),
            |&n| self.facts.risks[n].reference.clone(),
        )
    }

    /// The people active on the evaluation date, by name.
    pub fn active_people(&self) -> Vec<&Person> {
        let mut people: Vec<&Person> = self
            .facts
            .people
            .iter()
            .filter(|p| p.is_active(self.as_of))
            .collect();
        people.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        people
    }

    /// Whether a tracker item is an open nonconformity on the evaluation date: raised by then and
    /// not closed by then.
    pub fn open_nc(&self, item: &TrackerItem) -> bool {
        item.kind.is_nc()
            && item.raised_on <= self.as_of
            && !(item.status == ItemStatus::Closed
                && item.closed_on.is_some_and(|c| c <= self.as_of))
    }
}

/// The version of a document in force on `day`: the latest approved on or before it.
pub(crate) fn in_force(document: &Document, day: NaiveDate) -> Option<&DocumentVersion> {
    document.current_on(day)
}

pub(crate) const DASH: &str = "—";

/// A date as 2026-06-15, or "—".
pub(crate) fn date(day: Option<NaiveDate>) -> String {
    day.map_or_else(|| DASH.to_owned(), |d| d.format("%Y-%m-%d").to_string())
}

/// The text, or "—" when it is blank.
pub(crate) fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        DASH.to_owned()
    } else {
        text.trim().to_owned()
    }
}

/// Items joined with commas, or "—".
pub(crate) fn list(items: &[String]) -> String {
    if items.is_empty() {
        DASH.to_owned()
    } else {
        items.join(", ")
    }
}

/// Natural order of references: R-2 before R-10, 5.9 before 5.10, T-001 before T-002.
pub(crate) fn by_reference(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) if p.is_ascii_digit() && q.is_ascii_digit() => {
                let take = |it: &mut std::iter::Peekable<std::str::Chars<'_>>| {
                    let mut n: u128 = 0;
                    while let Some(d) = it.peek().and_then(|c| c.to_digit(10)) {
                        n = n.saturating_mul(10).saturating_add(u128::from(d));
                        it.next();
                    }
                    n
                };
                match take(&mut x).cmp(&take(&mut y)) {
                    Ordering::Equal => {}
                    other => return other,
                }
            }
            (Some(p), Some(q)) => match p.cmp(&q) {
                Ordering::Equal => {
                    x.next();
                    y.next();
                }
                other => return other,
            },
        }
    }
}

/// A score as "4 × 5 = 20", toned by its level; "not scored" without one.
pub(crate) fn score_cell(l: Option<u32>, i: Option<u32>, score: Option<&Score>) -> Cell {
    match (l, i, score) {
        (Some(l), Some(i), Some(s)) => {
            let (word, tone) = level(s.level);
            Cell::status(format!("{l} × {i} = {} {word}", s.value), tone)
        }
        _ => Cell::status("not scored", Tone::Warning),
    }
}

pub(crate) fn level(level: RiskLevel) -> (&'static str, Tone) {
    match level {
        RiskLevel::Acceptable => ("acceptable", Tone::Good),
        RiskLevel::Amber => ("amber", Tone::Warning),
        RiskLevel::Red => ("red", Tone::Bad),
    }
}

pub(crate) fn rule_status(status: RuleStatus) -> Cell {
    match status {
        RuleStatus::Pass => Cell::status("Pass", Tone::Good),
        RuleStatus::Fail => Cell::status("Fail", Tone::Bad),
        RuleStatus::Warning => Cell::status("Warning", Tone::Warning),
        RuleStatus::NotApplicable => Cell::status("Not applicable", Tone::Neutral),
    }
}

pub(crate) fn treatment(t: Option<Treatment>) -> &'static str {
    match t {
        None => DASH,
        Some(t) => t.label(),
    }
}

/// A treatment action's status; planned or in progress past its due date is overdue.
pub(crate) fn action_status(s: ActionStatus, due: Option<NaiveDate>, as_of: NaiveDate) -> Cell {
    let late = due.is_some_and(|d| d < as_of);
    match s {
        ActionStatus::Done => Cell::status(s.label(), Tone::Good),
        _ if late => Cell::status("Overdue", Tone::Bad),
        ActionStatus::InProgress => Cell::status(s.label(), Tone::Warning),
        ActionStatus::Planned => Cell::status(s.label(), Tone::Neutral),
    }
}

pub(crate) fn objective_status(s: ObjectiveStatus) -> Cell {
    let tone = match s {
        ObjectiveStatus::Planned | ObjectiveStatus::Cancelled => Tone::Neutral,
        ObjectiveStatus::InProgress => Tone::Warning,
        ObjectiveStatus::Achieved => Tone::Good,
        ObjectiveStatus::Missed => Tone::Bad,
    };
    Cell::status(s.label(), tone)
}

pub(crate) fn doc_kind(k: DocKind) -> &'static str {
    k.label()
}

pub(crate) fn audit_status(s: AuditStatus) -> Cell {
    let tone = match s {
        AuditStatus::Planned | AuditStatus::Cancelled => Tone::Neutral,
        AuditStatus::InProgress => Tone::Warning,
        AuditStatus::Completed => Tone::Good,
    };
    Cell::status(s.label(), tone)
}

pub(crate) fn change_status(s: ChangeStatus) -> Cell {
    let tone = match s {
        ChangeStatus::Proposed | ChangeStatus::Rejected => Tone::Neutral,
        ChangeStatus::Approved => Tone::Warning,
        ChangeStatus::Implemented => Tone::Good,
    };
    Cell::status(s.label(), tone)
}

pub(crate) fn item_kind(k: ItemKind) -> &'static str {
    k.label()
}

/// A tracker item's source with its record, and the certification body's own number for a
/// finding of its audit: "Internal audit IA-001", "Stage 1 audit S1-2026, finding NC-02".
pub(crate) fn item_source(item: &TrackerItem) -> String {
    let word = item.source.label();
    let source = if item.source_ref.trim().is_empty() {
        word.to_owned()
    } else {
        format!("{word} {}", item.source_ref.trim())
    };
    match item.finding_number.trim() {
        "" => source,
        number => format!("{source}, finding {number}"),
    }
}

/// A tracker item's status on the evaluation date; open past its due date is overdue.
pub(crate) fn item_status(item: &TrackerItem, as_of: NaiveDate) -> Cell {
    match item.status {
        ItemStatus::Closed => Cell::status(item.status.label(), Tone::Good),
        _ if item.is_overdue(as_of) => Cell::status("Overdue", Tone::Bad),
        ItemStatus::Open | ItemStatus::InProgress | ItemStatus::AwaitingVerification => {
            Cell::status(item.status.label(), Tone::Warning)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_sort_in_natural_order() {
        let mut refs = vec!["R-10", "R-2", "5.10", "5.9", "T-001", "R-1"];
        refs.sort_by(|a, b| by_reference(a, b));
        assert_eq!(refs, ["5.9", "5.10", "R-1", "R-2", "R-10", "T-001"]);
    }
}
