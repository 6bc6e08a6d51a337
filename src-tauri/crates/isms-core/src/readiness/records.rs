//! How each kind of record appears among a rule's records at fault.

use super::verdict::{RecordKind, RecordRef};
use crate::audits::Audit;
use crate::changes::IsmsChange;
use crate::competence::Role;
use crate::context::{ContextIssue, InterestedParty};
use crate::documents::Document;
use crate::incidents::Incident;
use crate::measures::Measure;
use crate::objectives::Objective;
use crate::organisation::Organisation;
use crate::people::Person;
use crate::requirements::Requirement;
use crate::reviews::Review;
use crate::risks::Risk;
use crate::soa::SoaEntry;
use crate::suppliers::Supplier;
use crate::tracker::TrackerItem;

pub fn organisation(o: &Organisation) -> RecordRef {
    RecordRef::new(RecordKind::Organisation, "Organisation", &o.name, None)
}

pub fn person(p: &Person) -> RecordRef {
    RecordRef::new(RecordKind::Person, &p.email, &p.name, Some(p.id))
}

pub fn risk(r: &Risk) -> RecordRef {
    RecordRef::new(RecordKind::Risk, &r.reference, &r.title, Some(r.id))
}

pub fn control(e: &SoaEntry) -> RecordRef {
    RecordRef::new(RecordKind::Control, &e.control_id, &e.title, None)
}

pub fn document(d: &Document) -> RecordRef {
    RecordRef::new(RecordKind::Document, &d.reference, &d.title, Some(d.id))
}

pub fn objective(o: &Objective) -> RecordRef {
    RecordRef::new(RecordKind::Objective, &o.title, &o.title, Some(o.id))
}

pub fn audit(a: &Audit) -> RecordRef {
    RecordRef::new(RecordKind::Audit, &a.reference, &a.title, Some(a.id))
}

pub fn item(i: &TrackerItem) -> RecordRef {
    RecordRef::new(RecordKind::TrackerItem, &i.reference, &i.title, Some(i.id))
}

pub fn change(c: &IsmsChange) -> RecordRef {
    RecordRef::new(RecordKind::Change, &c.reference, &c.title, Some(c.id))
}

pub fn review(r: &Review) -> RecordRef {
    let title = format!("Management review of {}", r.held_on);
    RecordRef::new(RecordKind::Review, &r.reference, &title, Some(r.id))
}

/// A mandatory item or clause with nothing to point at yet.
pub fn clause(id: &str, title: &str) -> RecordRef {
    RecordRef::new(RecordKind::Clause, id, title, None)
}

pub fn context_issue(i: &ContextIssue) -> RecordRef {
    RecordRef::new(RecordKind::Context, &i.title, &i.title, Some(i.id))
}

pub fn party(p: &InterestedParty) -> RecordRef {
    RecordRef::new(RecordKind::Context, &p.name, &p.name, Some(p.id))
}

pub fn risk_method() -> RecordRef {
    RecordRef::new(
        RecordKind::RiskMethod,
        "Risk method",
        "Risk assessment method",
        None,
    )
}

pub fn role(r: &Role) -> RecordRef {
    RecordRef::new(RecordKind::Role, &r.name, &r.name, Some(r.id))
}

pub fn measure(m: &Measure) -> RecordRef {
    RecordRef::new(RecordKind::Measure, &m.reference, &m.title, Some(m.id))
}

/// A supplier by name (the register has no reference numbers).
pub fn supplier(s: &Supplier) -> RecordRef {
    RecordRef::new(RecordKind::Supplier, &s.name, &s.service, Some(s.id))
}

pub fn incident(i: &Incident) -> RecordRef {
    RecordRef::new(RecordKind::Incident, &i.reference, &i.title, Some(i.id))
}

pub fn requirement(r: &Requirement) -> RecordRef {
    RecordRef::new(RecordKind::Requirement, &r.reference, &r.title, Some(r.id))
}
