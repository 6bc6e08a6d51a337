//! The evidence files pack rows rest on, as the rows print them: each file's path in the
//! pack's ZIP bundle, then the first 12 hex digits of its SHA-256 (and the name it was uploaded
//! under, when the bundle had to make that name safe). Every file a row prints is claimed for
//! the row's record, so the bundle carries it in that record's folder, and the pack and its
//! bundle cannot disagree. A pack is built twice for this ([`super::bundled`]): the first build
//! gives the pack's records and claims, from which the bundle's plan is made; the second,
//! knowing the plan, prints the paths. Both builds read the same records, so they claim the
//! same files.

use std::cell::RefCell;
use std::collections::HashMap;

use isms_core::evidence::Evidence;

use super::records::{Records, date};
use crate::bundle::{Claim, Plan};

/// Files claimed while a pack is built, and the plan that places them once it is known.
#[derive(Default)]
pub(crate) struct Files {
    claims: RefCell<Vec<Claim>>,
    plan: Option<Plan>,
}

impl Files {
    /// The files claimed so far, in the pack's order.
    pub fn claims(&self) -> Vec<Claim> {
        self.claims.borrow().clone()
    }

    /// From now on rows print the paths `plan` gives; the claims start again.
    pub fn place(&mut self, plan: Plan) {
        self.plan = Some(plan);
        self.claims.borrow_mut().clear();
    }

    /// The text naming evidence `e`, which the row of `record` rests on.
    pub fn name(&self, record: &str, e: &Evidence) -> String {
        self.claims.borrow_mut().push(Claim {
            record: record.trim().to_owned(),
            evidence_id: e.id,
        });
        let short = &e.sha256[..12.min(e.sha256.len())];
        match self.plan.as_ref().and_then(|p| p.file(e.id)) {
            Some(f) => {
                let mut text = format!("{}\nSHA-256 {short}", f.path);
                let safe = f.path.rsplit('/').next().unwrap_or(&f.path);
                if safe != e.file_name {
                    text.push_str(&format!("\nuploaded as \u{201c}{}\u{201d}", e.file_name));
                }
                text
            }
            // The first build, before the plan: the text is never printed.
            None => format!("{}\nSHA-256 {short}", e.file_name),
        }
    }
}

/// The evidence of a view by id.
pub(crate) fn index(evidence: &[Evidence]) -> HashMap<i64, usize> {
    evidence
        .iter()
        .enumerate()
        .map(|(n, e)| (e.id, n))
        .collect()
}

impl Records {
    /// The cell text naming the evidence files `ids` the row of `record` rests on, one after
    /// another, each claimed for `record`; `none` when there is none. A file dated after the
    /// pack's day is not in the view: the row says it had no file then. Every pack row that
    /// rests on a file names it through this, and only this.
    pub fn files_cell(
        &self,
        record: &str,
        ids: impl IntoIterator<Item = i64>,
        none: &str,
    ) -> String {
        let mut names = Vec::new();
        let mut later = false;
        for id in ids {
            match self.evidence.get(&id) {
                Some(&n) => names.push(self.files.name(record, &self.facts.evidence[n])),
                None => later = true,
            }
        }
        if names.is_empty() {
            if later {
                format!("No file by {}", date(Some(self.as_of)))
            } else {
                none.to_owned()
            }
        } else {
            names.join("\n")
        }
    }

    /// The evidence files of the view linked to `reference` (a risk, an audit, a review), by
    /// effective date.
    pub fn linked_files(&self, reference: &str) -> Vec<i64> {
        let mut linked: Vec<_> = self
            .facts
            .evidence
            .iter()
            .filter(|e| {
                e.links
                    .iter()
                    .any(|l| l.eq_ignore_ascii_case(reference.trim()))
            })
            .collect();
        linked.sort_by_key(|e| (e.effective_date, e.id));
        linked.iter().map(|e| e.id).collect()
    }
}
