//! Roles and competence (5.3, 7.2): the ISMS roles with their responsibilities and the
//! competence each requires, the people assigned to them, and each person's competence evidence
//! (education, training, experience, certification) with when it was obtained and when it lapses.
//!
//! Invariants: the five standard roles (ISMS owner, top management, risk owner, control owner,
//! internal auditor) are in every vault from schema 10 on; they keep their `standard` marker and
//! cannot be removed, and a company's own role never gets one. A role that people hold cannot be
//! removed (`Referenced`): unassign them first, so nobody loses a role without a recorded change.
//! A person is assigned to a role at most once. Whether evidence is current is judged on a day
//! handed in. The readiness rule that uses all this (S1-COMPETENCE) lives in `readiness`; the
//! deletion guard for people who hold roles or evidence lives in `people`.

mod model;
mod store;

pub use model::{
    Assignment, CompetenceEvidence, CompetenceKind, Role, StandardRole, evidence_of, people_in,
    roles_of,
};
pub use store::{
    assign, assign_in, create_evidence, create_evidence_in, create_role, get_evidence, get_role,
    list_assignments, list_evidence, list_roles, remove_evidence, remove_role, unassign,
    update_evidence, update_evidence_in, update_role,
};
pub(crate) use store::{import_role, insert_assignment, insert_evidence};
