//! Roles and competence (5.3, 7.2) in the story: the ISMS owner, top management, the risk
//! owners and the internal auditors hold their roles, and those whose role requires competence
//! have evidence of it, the internal auditor's lead-auditor certificate among it.
//!
//! At `stage1-ready` and `stage2-ready` everyone in a role that requires competence has
//! evidence current on today. At `operating` the ISMS owner's CISSP certificate lapsed a few
//! days before the Stage 1 audit (the month before today) and is not yet renewed; their
//! lead-implementer certificate still counts. At `stage2-ready` it has been renewed. At
//! `stage1-gaps` one risk owner holds no role and another has no evidence yet.

use chrono::Duration;

use crate::competence::{self, Assignment, CompetenceEvidence, CompetenceKind, StandardRole};
use crate::db::Vault;
use crate::error::Result;

use super::company::Staff;
use super::files;
use super::{DemoPoint, Story, minus_months, plus_months};

/// Assigns the roles and records the evidence; runs after the register and the audit
/// programme, whose owners and auditors it reads.
pub(crate) fn write(vault: &mut Vault, story: &Story, staff: &Staff) -> Result<()> {
    let risk_owners = ids(
        vault,
        "SELECT DISTINCT owner_id FROM risks WHERE owner_id IS NOT NULL ORDER BY owner_id",
    )?;
    let auditors = ids(
        vault,
        "SELECT DISTINCT auditor_id FROM audits WHERE auditor_id IS NOT NULL ORDER BY auditor_id",
    )?;
    let control_owners = ids(
        vault,
        "SELECT DISTINCT owner_id FROM soa_entries WHERE owner_id IS NOT NULL ORDER BY owner_id",
    )?;
    let gaps = story.point == DemoPoint::Stage1Gaps;
    let role_of = |standard: StandardRole| -> Result<i64> {
        competence::list_roles(vault.reader())?
            .into_iter()
            .find(|r| r.standard == Some(standard))
            .map(|r| r.id)
            .ok_or_else(|| crate::CoreError::internal("A standard role is missing."))
    };
    let owner_role = role_of(StandardRole::IsmsOwner)?;
    let top_role = role_of(StandardRole::TopManagement)?;
    let risk_role = role_of(StandardRole::RiskOwner)?;
    let auditor_role = role_of(StandardRole::InternalAuditor)?;
    let control_role = role_of(StandardRole::ControlOwner)?;

    let appointed = story.prep(5);
    let mut holders = vec![
        (owner_role, staff.owner, appointed),
        (top_role, staff.ceo, appointed),
        (top_role, staff.cto, appointed),
    ];
    // With gaps, the last risk owner has not been given the role yet.
    let named = if gaps {
        risk_owners.len().saturating_sub(1)
    } else {
        risk_owners.len()
    };
    for person in &risk_owners[..named] {
        holders.push((risk_role, *person, story.prep(12)));
    }
    for person in &auditors {
        holders.push((auditor_role, *person, story.prep(50)));
    }
    // The owners of the SoA's controls hold the control owner role (it requires no evidence).
    for person in &control_owners {
        holders.push((control_role, *person, story.prep(30)));
    }
    vault.write(story.stamp(story.prep(55)), |tx| {
        for (role_id, person_id, on) in holders {
            competence::assign_in(
                tx,
                Assignment {
                    id: 0,
                    role_id,
                    person_id,
                    assigned_on: Some(on),
                },
            )?;
        }
        Ok(())
    })?;

    let before_isms = |months: u32| minus_months(story.isms_start, months);
    let mut records = vec![
        evidence(
            staff.owner,
            CompetenceKind::Certification,
            "ISO/IEC 27001 Lead Implementer",
            before_isms(7),
            Some(plus_months(before_isms(7), 36)),
            Some((
                "lead-implementer-certificate.txt".into(),
                "Certificate no. LI-48213".into(),
            )),
        ),
        evidence(
            staff.owner,
            CompetenceKind::Certification,
            "CISSP",
            minus_months(story.stage1, 36),
            Some(story.stage1 - Duration::days(5)),
            None,
        ),
        evidence(
            staff.owner,
            CompetenceKind::Experience,
            "Six years as information security manager in financial services",
            before_isms(24),
            None,
            None,
        ),
    ];
    records[1].0.note =
        "Renewal due; the lead implementer certificate covers the role meanwhile.".into();
    let mut renewals = Vec::new();
    if story.point == DemoPoint::Stage2Ready {
        renewals.push(evidence(
            staff.owner,
            CompetenceKind::Certification,
            "CISSP (renewed)",
            story.after_stage1(40),
            Some(plus_months(story.after_stage1(40), 36)),
            Some((
                "cissp-renewal.txt".into(),
                "Renewal confirmation, member no. 771204".into(),
            )),
        ));
    }
    // The risk assessment workshop that shows risk owners understand the method; with gaps the
    // first risk owner (other than the ISMS owner) missed it.
    let mut missed = gaps;
    for person in &risk_owners {
        if *person == staff.owner {
            continue;
        }
        if missed {
            missed = false;
            continue;
        }
        records.push(evidence(
            *person,
            CompetenceKind::Training,
            "Risk assessment workshop: the Northwind risk method",
            story.prep(10),
            None,
            None,
        ));
    }
    // Each auditor's own certificate: their name on the file, their own number.
    for (n, person) in auditors.iter().enumerate() {
        if *person == staff.owner {
            continue;
        }
        let name = crate::people::get(vault.reader(), *person)?.name;
        records.push(evidence(
            *person,
            CompetenceKind::Certification,
            "ISO/IEC 27001 Lead Auditor",
            before_isms(14 + n as u32),
            Some(plus_months(before_isms(14 + n as u32), 36)),
            Some((
                format!("Lead auditor certificate {name}.txt"),
                format!("{name}\nCertificate no. LA-{}", 20931 + 17 * n),
            )),
        ));
    }
    record_all(vault, story.stamp(story.prep(55)), records)?;
    record_all(vault, story.stamp(story.after_stage1(40)), renewals)
}

/// The bulk records of a large vault: every risk owner who holds no role yet is given the
/// risk owner role, with the risk assessment workshop as their evidence, as the company's own
/// risk owners are.
pub(super) fn bulk_risk_owners(vault: &mut Vault, story: &Story) -> Result<()> {
    let unassigned = ids(
        vault,
        "SELECT DISTINCT owner_id FROM risks WHERE owner_id IS NOT NULL AND owner_id NOT IN \
         (SELECT person_id FROM role_assignments) ORDER BY owner_id",
    )?;
    let risk_role = competence::list_roles(vault.reader())?
        .into_iter()
        .find(|r| r.standard == Some(StandardRole::RiskOwner))
        .map(|r| r.id)
        .ok_or_else(|| crate::CoreError::internal("A standard role is missing."))?;
    vault.write(story.stamp(story.prep(56)), |tx| {
        for person_id in unassigned {
            competence::assign_in(
                tx,
                Assignment {
                    id: 0,
                    role_id: risk_role,
                    person_id,
                    assigned_on: Some(story.prep(12)),
                },
            )?;
            competence::create_evidence_in(
                tx,
                evidence(
                    person_id,
                    CompetenceKind::Training,
                    "Risk assessment workshop: the Northwind risk method",
                    story.prep(10),
                    None,
                    None,
                )
                .0,
            )?;
        }
        Ok(())
    })
}

/// A certificate's file name and the number printed in it.
type Proof = (String, String);

/// Records each piece of evidence, storing its file first when it has one.
fn record_all(
    vault: &mut Vault,
    stamp: crate::db::Stamp,
    records: Vec<(CompetenceEvidence, Option<Proof>)>,
) -> Result<()> {
    if records.is_empty() {
        return Ok(());
    }
    vault.write(stamp, |tx| {
        for (record, file) in records {
            let evidence_id = match file {
                Some((name, number)) => Some(files::store(
                    tx,
                    &name,
                    &format!(
                        "{}\n{number}\nAwarded on {}.\n",
                        record.title, record.obtained_on
                    ),
                    record.obtained_on,
                    &record.title,
                    &[],
                )?),
                None => None,
            };
            competence::create_evidence_in(
                tx,
                CompetenceEvidence {
                    evidence_id,
                    ..record
                },
            )?;
        }
        Ok(())
    })
}

fn evidence(
    person_id: i64,
    kind: CompetenceKind,
    title: &str,
    obtained_on: chrono::NaiveDate,
    expires_on: Option<chrono::NaiveDate>,
    file: Option<Proof>,
) -> (CompetenceEvidence, Option<Proof>) {
    (
        CompetenceEvidence {
            id: 0,
            person_id,
            kind,
            title: title.to_owned(),
            obtained_on,
            expires_on,
            evidence_id: None,
            note: String::new(),
        },
        file,
    )
}

fn ids(vault: &Vault, sql: &str) -> Result<Vec<i64>> {
    let mut stmt = vault.reader().prepare(sql)?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
