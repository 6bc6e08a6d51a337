//! Lookups shared by the rules, built once per evaluation from the view so that no rule is
//! quadratic on a large vault.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::clauses::ClauseEntry;
use crate::documents::{DocKind, Document};
use crate::people::Person;
use crate::view::{Facts, View};

/// Lookups shared by the rules, as of the evaluation date.
pub(crate) struct Index<'a> {
    pub as_of: NaiveDate,
    people: HashMap<i64, &'a Person>,
    documents: HashMap<i64, &'a Document>,
    checklist: HashMap<&'a str, &'a ClauseEntry>,
}

impl<'a> Index<'a> {
    pub fn new(view: &'a View) -> Self {
        let facts: &'a Facts = view.facts();
        Self {
            as_of: view.day(),
            people: facts.people.iter().map(|p| (p.id, p)).collect(),
            documents: facts.documents.iter().map(|d| (d.id, d)).collect(),
            checklist: facts
                .checklist
                .iter()
                .map(|c| (c.clause_id.as_str(), c))
                .collect(),
        }
    }

    pub fn person(&self, id: i64) -> Option<&'a Person> {
        self.people.get(&id).copied()
    }

    /// Whether `owner` is a person of the vault still with the company on the evaluation date.
    pub fn active(&self, owner: Option<i64>) -> bool {
        owner
            .and_then(|id| self.person(id))
            .is_some_and(|p| p.is_active(self.as_of))
    }

    /// The documents that cover mandatory item `clause` ("4.3", "6.1.3 d)").
    pub fn covering<'f>(&self, facts: &'f Facts, clause: &str) -> Vec<&'f Document> {
        facts
            .documents
            .iter()
            .filter(|d| d.mandatory_items.iter().any(|m| m == clause))
            .collect()
    }

    /// The documents the clause checklist links to clause `id` or its subclauses.
    pub fn linked_to(&self, clause: &str) -> Vec<&'a Document> {
        let prefix = format!("{clause}.");
        let mut out: Vec<&Document> = self
            .checklist
            .iter()
            .filter(|(id, _)| **id == clause || id.starts_with(&prefix))
            .flat_map(|(_, entry)| entry.document_ids.iter())
            .filter_map(|id| self.documents.get(id).copied())
            .collect();
        out.sort_by_key(|d| d.id);
        out.dedup_by_key(|d| d.id);
        out
    }

    /// A procedure of the ISMS, found by its link in the clause checklist or by its title: the
    /// change management procedure (clause 6.3, "change") or the internal audit procedure
    /// (clause 9.2, "audit").
    pub fn procedure<'f>(&self, facts: &'f Facts, clause: &str, word: &str) -> Vec<&'f Document> {
        let linked: Vec<i64> = self.linked_to(clause).iter().map(|d| d.id).collect();
        facts
            .documents
            .iter()
            .filter(|d| {
                linked.contains(&d.id)
                    || (d.kind == DocKind::Procedure && d.title.to_lowercase().contains(word))
            })
            .collect()
    }
}

/// A document has an approved version in force.
pub(crate) fn approved(doc: &Document) -> bool {
    doc.current().is_some()
}
