//! The bulk records of a large demo, for benchmarks: the company's own records topped up to
//! exactly [`LARGE`] people, risks, documents, tracker items and evidence files. Each kind is
//! written in one transaction, with history, from a seeded PRNG.
//!
//! The records are valid and keep a ready point ready: every risk has an owner and scores, a
//! risk above the acceptance threshold has a plan with owners and due dates and its owner's
//! approvals (red ones done by Stage 2); every person at `stage2-ready` is trained with a
//! certificate and has acknowledged the policies; tracker items are closed properly or still
//! open without being overdue. Bulk owners are never internal auditors, so independence holds.
//!
//! References (R-, T-) are numbered here, once per transaction, rather than through the
//! registers' `next_reference`, which looks at the whole history for every record and would
//! make a bulk write quadratic. For the same reason the risks ([`super::bulk_risks`]) are
//! inserted with their own statements and their approvals' snapshot built as the risk domain
//! builds it; the tests check that none comes out void.

use chrono::Duration;

use crate::acknowledgements::{self, AckMethod, Acknowledgement};
use crate::db::record::{self};
use crate::db::{Action, Vault};
use crate::documents::{self, DocKind, Document, DocumentVersion};
use crate::error::Result;
use crate::people::{self, Person};
use crate::tracker::{ItemKind, ItemSource, ItemStatus, TrackerItem};
use crate::training::{self, Completion, CourseKind};

use super::company::{DOMAIN, Staff};
use super::records::Docs;
use super::rng::Rng;
use super::{DemoPoint, Story, files};

/// Record totals of a large demo vault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LargeCounts {
    pub people: usize,
    pub risks: usize,
    pub documents: usize,
    pub tracker_items: usize,
    pub evidence: usize,
}

/// Exactly what a large demo vault holds, whatever the point.
pub const LARGE: LargeCounts = LargeCounts {
    people: 500,
    risks: 5_000,
    documents: 1_000,
    tracker_items: 50_000,
    evidence: 1_000,
};

const SEED: u64 = 0x4E57_2026_0615_0001;

const FIRST: [&str; 40] = [
    "Aiko",
    "Amélie",
    "Anders",
    "Aroha",
    "Beatriz",
    "Chidi",
    "Dagny",
    "Dmitri",
    "Élodie",
    "Emeka",
    "Fatima",
    "Giulia",
    "Hamid",
    "Ines",
    "Ingrid",
    "Jae-won",
    "Joaquín",
    "Kalani",
    "Kofi",
    "Lars",
    "Leila",
    "Mateus",
    "Miłosz",
    "Naledi",
    "Niamh",
    "Oskar",
    "Paulina",
    "Priyanka",
    "Quentin",
    "Radu",
    "Saoirse",
    "Sebastián",
    "Şebnem",
    "Tariq",
    "Thandiwe",
    "Ugo",
    "Valentina",
    "Wei",
    "Yusuf",
    "Zsófia",
];

const LAST: [&str; 40] = [
    "Abara",
    "Andersson",
    "Bianchi",
    "Chen",
    "Čapek",
    "Da Silva",
    "Dimitrov",
    "Eriksen",
    "Fernandes",
    "García",
    "Gruber",
    "Haddad",
    "Ivanova",
    "Jansen",
    "Kahananui",
    "Kim",
    "Kowalski",
    "Lindqvist",
    "Mbeki",
    "Moreau",
    "Müller",
    "Nakamura",
    "Novák",
    "O'Brien",
    "Okonkwo",
    "Papadopoulos",
    "Petrović",
    "Quispe",
    "Rossi",
    "Sato",
    "Schmidt",
    "Szabó",
    "Tanaka",
    "Van der Berg",
    "Virtanen",
    "Walsh",
    "Wójcik",
    "Yamamoto",
    "Zhang",
    "Żak",
];

const DEPARTMENTS: [(&str, &[&str]); 7] = [
    (
        "Engineering",
        &["Software Engineer", "Platform Engineer", "QA Engineer"],
    ),
    (
        "Analytics",
        &["Data Analyst", "Data Scientist", "Analytics Engineer"],
    ),
    (
        "Customer Success",
        &["Customer Success Manager", "Support Specialist"],
    ),
    (
        "Sales",
        &["Account Executive", "Sales Development Representative"],
    ),
    ("Finance", &["Accountant", "Payroll Specialist"]),
    ("People", &["People Partner", "Recruiter"]),
    ("Operations", &["IT Support Engineer", "Office Coordinator"]),
];

pub(super) const SUBJECTS: [&str; 16] = [
    "client extract",
    "reporting API",
    "data warehouse schema",
    "staff laptop",
    "CRM export",
    "model training dataset",
    "shared drive folder",
    "VPN gateway",
    "build pipeline",
    "customer support inbox",
    "finance spreadsheet",
    "SaaS integration",
    "dashboard embed",
    "backup snapshot",
    "analytics notebook",
    "mobile phone",
];

pub(super) const EVENTS: [(&str, &str, &str); 8] = [
    (
        "exposed through a misconfigured share",
        "Configuration error",
        "No review of sharing settings",
    ),
    (
        "deleted by mistake",
        "Human error",
        "No soft delete or recent backup",
    ),
    (
        "accessed by a former contractor",
        "Misuse of access",
        "Access not removed at contract end",
    ),
    (
        "encrypted by malware",
        "Malware",
        "Outdated endpoint protection",
    ),
    (
        "unavailable during peak reporting",
        "Capacity shortfall",
        "No capacity monitoring",
    ),
    (
        "sent to the wrong client",
        "Misdelivery",
        "Autocomplete of e-mail addresses",
    ),
    (
        "tampered with in transit",
        "Interception",
        "Unencrypted internal transfer",
    ),
    (
        "leaked in a public repository",
        "Accidental disclosure",
        "Secrets kept in code",
    ),
];

pub(super) fn count(vault: &Vault, table: &str) -> Result<usize> {
    let n: i64 = vault
        .reader()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

pub(crate) fn write(vault: &mut Vault, story: &Story, staff: &Staff, docs: &Docs) -> Result<()> {
    let mut rng = Rng::new(SEED);
    let bulk_people = people(vault, story, &mut rng)?;
    let owners: Vec<i64> = bulk_people.iter().map(|(id, _)| *id).collect();
    if owners.is_empty() {
        return Err(crate::error::CoreError::internal(
            "A large demo needs a vault with fewer people than its total; nothing to own the bulk records.",
        ));
    }
    let mut evidence_left = LARGE.evidence.saturating_sub(count(vault, "evidence")?);
    if story.point == DemoPoint::Stage2Ready {
        evidence_left -= trained(vault, story, docs, &bulk_people, evidence_left)?;
    }
    evidence_left -= documents(vault, story, staff, &owners, &mut rng, evidence_left)?;
    loose_evidence(vault, story, evidence_left)?;
    super::bulk_risks::write(vault, story, &owners, &mut rng)?;
    super::competence::bulk_risk_owners(vault, story)?;
    tracker(vault, story, &owners, &mut rng)?;
    Ok(())
}

/// People up to [`LARGE`]`.people`, all active; returns their ids and names.
fn people(vault: &mut Vault, story: &Story, rng: &mut Rng) -> Result<Vec<(i64, String)>> {
    let missing = LARGE.people.saturating_sub(count(vault, "people")?);
    let mut out = Vec::with_capacity(missing);
    vault.write(story.stamp(story.prep(2)), |tx| {
        for n in 0..missing {
            let (first, last) = (*rng.pick(&FIRST), *rng.pick(&LAST));
            let (department, titles) = *rng.pick(&DEPARTMENTS);
            let name = format!("{first} {last}");
            let local: String = format!("{first}.{last}.{n:04}")
                .to_lowercase()
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '.' {
                        c
                    } else {
                        'x'
                    }
                })
                .collect();
            let mut p = Person::new(&name, &format!("{local}@{DOMAIN}"));
            p.department = department.into();
            p.job_title = (*rng.pick(titles)).into();
            p.start_date = Some(story.isms_start - Duration::days(rng.between(30, 3_000).into()));
            let saved = people::insert(tx, p, Action::Create)?;
            out.push((saved.id, name));
        }
        Ok(())
    })?;
    Ok(out)
}

/// Awareness certificates, completions and acknowledgements for the bulk people, so a
/// `stage2-ready` vault stays ready; returns the evidence files written.
fn trained(
    vault: &mut Vault,
    story: &Story,
    docs: &Docs,
    bulk_people: &[(i64, String)],
    evidence_left: usize,
) -> Result<usize> {
    let course = training::list_courses(vault.reader())?
        .into_iter()
        .find(|c| c.kind == CourseKind::Awareness);
    let Some(course) = course else {
        return Ok(0);
    };
    let on = story.after_stage1(20);
    let mut written = 0;
    vault.write(story.stamp(on), |tx| {
        for (i, (person, name)) in bulk_people.iter().enumerate() {
            let evidence = if written < evidence_left {
                written += 1;
                let text = format!(
                    "Certificate {i:04} of completion\n\n{name} completed “{}” on {on}.\n",
                    course.title
                );
                Some(files::store(
                    tx,
                    &format!("Awareness certificate {name} {i:04}.txt"),
                    &text,
                    on,
                    "Awareness training certificate",
                    &["6.3"],
                )?)
            } else {
                None
            };
            training::insert_completion(
                tx,
                Completion {
                    id: 0,
                    person_id: *person,
                    course_id: course.id,
                    completed_on: on - Duration::days((i % 14) as i64),
                    evidence_id: evidence,
                },
                Action::Create,
            )?;
            for version in &docs.communicated_versions {
                acknowledgements::insert(
                    tx,
                    Acknowledgement {
                        id: 0,
                        person_id: *person,
                        version_id: *version,
                        acknowledged_on: on,
                        method: AckMethod::Form,
                        evidence_id: None,
                    },
                    Action::Create,
                )?;
            }
        }
        Ok(())
    })?;
    Ok(written)
}

/// Documents up to [`LARGE`]`.documents`, each with an approved version 1.0 (with a file while
/// evidence is left to write); returns the evidence files written.
fn documents(
    vault: &mut Vault,
    story: &Story,
    staff: &Staff,
    owners: &[i64],
    rng: &mut Rng,
    evidence_left: usize,
) -> Result<usize> {
    let missing = LARGE.documents.saturating_sub(count(vault, "documents")?);
    let kinds = [
        (DocKind::Procedure, "Procedure"),
        (DocKind::Record, "Record"),
        (DocKind::Plan, "Plan"),
        (DocKind::Other, "Guideline"),
        (DocKind::Policy, "Standard"),
    ];
    let approved = story.prep(45);
    let mut written = 0;
    vault.write(story.stamp(approved), |tx| {
        for n in 1..=missing {
            let (kind, word) = *rng.pick(&kinds);
            let subject = rng.pick(&SUBJECTS);
            let reference = format!("DOC-{n:04}");
            let title = format!(
                "{word}: handling the {subject} ({})",
                rng.pick(&DEPARTMENTS).0
            );
            let evidence = if written < evidence_left {
                written += 1;
                let text = format!(
                    "{reference} {title} — version 1.0\n\nGenerated for the ISMS Desk demo.\n"
                );
                Some(files::store(
                    tx,
                    &format!("{reference} v1.0.md"),
                    &text,
                    approved,
                    "",
                    &[],
                )?)
            } else {
                None
            };
            let doc = documents::insert(
                tx,
                Document {
                    owner_id: Some(*rng.pick(owners)),
                    review_months: Some(12),
                    next_review: Some(approved + Duration::days(365)),
                    ..Document::new(&reference, &title, kind)
                },
                Action::Create,
            )?;
            documents::insert_version(
                tx,
                doc.id,
                DocumentVersion {
                    id: 0,
                    number: "1.0".into(),
                    change_summary: "First issue".into(),
                    evidence_id: evidence,
                    approved_by: Some(staff.owner),
                    approved_on: Some(approved),
                },
                Action::Create,
            )?;
        }
        Ok(())
    })?;
    Ok(written)
}

/// Whatever evidence is still missing: exports that show controls operating.
fn loose_evidence(vault: &mut Vault, story: &Story, missing: usize) -> Result<()> {
    let controls = ["5.15", "5.18", "8.13", "8.15", "8.16"];
    vault.write(story.stamp(story.today), |tx| {
        for n in 0..missing {
            let control = controls[n % controls.len()];
            let on = story.today - Duration::days((n % 60) as i64);
            let text = format!("Control {control} operating record {n:04}, {on}.\n");
            files::store(
                tx,
                &format!("Control {control} record {n:04}.txt"),
                &text,
                on,
                "Record of a control in operation",
                &[control],
            )?;
        }
        Ok(())
    })
}

pub(super) fn next_number(vault: &Vault, table: &str, prefix: &str) -> Result<u32> {
    let next = record::next_reference(vault.reader(), table, prefix)?;
    Ok(next[prefix.len()..].parse().unwrap_or(1))
}

pub(super) fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Tracker items up to [`LARGE`]`.tracker_items`: most closed with what closing needs, the
/// rest open, not overdue, and with a decision where one is due. No open nonconformity.
fn tracker(vault: &mut Vault, story: &Story, owners: &[i64], rng: &mut Rng) -> Result<()> {
    let missing = LARGE
        .tracker_items
        .saturating_sub(count(vault, "tracker_items")?);
    let first = next_number(vault, "tracker_items", "T-")?;
    let span = (story.today - story.isms_start).num_days().max(1) as u64;
    let sources = [
        ItemSource::Incident,
        ItemSource::RiskTreatment,
        ItemSource::Other,
    ];
    vault.write(story.stamp(story.today), |tx| {
        for n in 0..missing {
            let kind = match rng.below(100) {
                0..40 => ItemKind::Action,
                40..65 => ItemKind::Ofi,
                65..80 => ItemKind::Observation,
                _ => ItemKind::MinorNc,
            };
            let subject = rng.pick(&SUBJECTS);
            let (event, _, vulnerability) = *rng.pick(&EVENTS);
            let raised_on = story.isms_start + Duration::days(rng.below(span) as i64);
            let mut item = TrackerItem::new(
                kind,
                &format!("{} {event}", capitalised(subject)),
                *rng.pick(&sources),
                raised_on,
            );
            item.reference = format!("T-{:03}", first as usize + n);
            item.owner_id = Some(*rng.pick(owners));
            item.due_on = Some(raised_on + Duration::days(rng.between(14, 90).into()));
            let closing = kind.is_nc() || rng.chance(70);
            if matches!(kind, ItemKind::Ofi | ItemKind::Observation) {
                item.decision = "Adopted into the team's backlog.".into();
            }
            if closing {
                let closed =
                    (raised_on + Duration::days(rng.between(1, 60).into())).min(story.today);
                item.status = ItemStatus::Closed;
                item.closed_on = Some(closed);
                if kind.is_nc() {
                    item.correction = "Contained the same day.".into();
                    item.root_cause = vulnerability.into();
                    item.corrective_action = format!("Fixed: {}", vulnerability.to_lowercase());
                    item.effectiveness_on = Some(closed);
                    item.effectiveness_result = "Checked a month of records; no recurrence.".into();
                }
            } else {
                item.status = ItemStatus::InProgress;
                item.due_on = Some(story.today + Duration::days(rng.between(7, 120).into()));
            }
            record::insert(tx, item.validated()?, Action::Create)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bulk_totals_are_those_promised() {
        let l = super::LARGE;
        assert_eq!(
            (l.people, l.risks, l.documents, l.tracker_items, l.evidence),
            (500, 5_000, 1_000, 50_000, 1_000)
        );
    }
}
