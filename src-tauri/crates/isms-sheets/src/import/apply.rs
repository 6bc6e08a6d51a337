//! Writing one planned change of an import inside its write transaction, each through the
//! core's own `create_in` / `update_in` (or the add path of records only ever added), so history
//! records every one and the core's rules apply again at write time.

use std::collections::HashMap;

use isms_core::Result;
use isms_core::db::WriteTx;
use isms_core::training::Course;

use super::{Op, audits, measures, registers, risks, tracker};

/// The records an import has created so far, for the changes after them that name them.
#[derive(Default)]
pub(super) struct Created {
    /// Stand-in id (below 0) → real id: courses, document versions.
    ids: HashMap<i64, i64>,
    /// Lower-case reference → id of each risk created, for the approvals that name it.
    risks: HashMap<String, i64>,
}

/// Writes one planned change, noting in `created` what it creates that later changes name.
pub(super) fn apply(tx: &mut WriteTx<'_>, op: Op, created: &mut Created) -> Result<()> {
    use isms_core::{assets, documents, people, soa};
    let real = |id: i64, created: &Created| created.ids.get(&id).copied().unwrap_or(id);
    match op {
        Op::Nothing | Op::WithRecord => Ok(()),
        Op::Course(c) => {
            let stand_in = c.id;
            let course = isms_core::training::create_course_in(tx, Course { id: 0, ..*c })?;
            created.ids.insert(stand_in, course.id);
            Ok(())
        }
        Op::Version(stand_in, document, number, day) => {
            let summary =
                "Approved outside ISMS Desk; recorded by an import of its acknowledgements.";
            let id = documents::add_approved_in(tx, document, &number, summary, day)?;
            created.ids.insert(stand_in, id);
            Ok(())
        }
        Op::Completion(mut c) => {
            c.course_id = real(c.course_id, created);
            isms_core::training::add_completion_in(tx, *c).map(drop)
        }
        Op::Acknowledgement(mut a) => {
            a.version_id = real(a.version_id, created);
            isms_core::acknowledgements::add_in(tx, *a).map(drop)
        }
        Op::Risk(r) if r.id == 0 => {
            let risk = isms_core::risks::create_in(tx, *r)?;
            created.risks.insert(risk.reference.to_lowercase(), risk.id);
            Ok(())
        }
        Op::Risk(r) => isms_core::risks::update_in(tx, *r).map(drop),
        Op::Approval(a) => risks::approve(tx, *a, &created.risks),
        Op::Soa(e) => soa::update_in(tx, *e).map(drop),
        Op::Person(p) if p.id == 0 => people::create_in(tx, *p).map(drop),
        Op::Person(p) => people::update_in(tx, *p).map(drop),
        Op::Asset(a) if a.id == 0 => assets::create_in(tx, *a).map(drop),
        Op::Asset(a) => assets::update_in(tx, *a).map(drop),
        Op::Tracker(t, notes) => tracker::apply(tx, *t, notes),
        Op::Audit(a) => audits::apply(tx, *a),
        Op::Document(d, versions) => {
            let doc = if d.id == 0 {
                documents::create_in(tx, *d)?
            } else {
                documents::update_in(tx, *d)?
            };
            for version in versions {
                documents::add_version_in(tx, doc.id, version)?;
            }
            Ok(())
        }
        Op::Competence(planned) => {
            let (evidence, assignments) = *planned;
            for a in assignments {
                isms_core::competence::assign_in(tx, a)?;
            }
            if evidence.id == 0 {
                isms_core::competence::create_evidence_in(tx, evidence).map(drop)
            } else {
                isms_core::competence::update_evidence_in(tx, evidence).map(drop)
            }
        }
        Op::Assignment(a) => isms_core::competence::assign_in(tx, *a).map(drop),
        Op::Measure(m, r) => measures::apply(tx, *m, r),
        Op::Supplier(plan) => registers::apply_supplier(tx, *plan),
        Op::Incident(i) if i.id == 0 => isms_core::incidents::create_in(tx, *i).map(drop),
        Op::Incident(i) => isms_core::incidents::update_in(tx, *i).map(drop),
        Op::Requirement(r) if r.id == 0 => isms_core::requirements::create_in(tx, *r).map(drop),
        Op::Requirement(r) => isms_core::requirements::update_in(tx, *r).map(drop),
    }
}
