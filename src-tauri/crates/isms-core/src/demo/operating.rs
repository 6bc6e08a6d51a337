//! Operating the ISMS in the demo: awareness training with certificates, acknowledgements of
//! the policies, the internal audit programme (its findings and the tracker are in
//! [`super::findings`]), a change to the ISMS and the management review. Stage 1 points get
//! only the plan; `operating` gets a first audit by the ISMS owner (not independent) and open
//! findings; `stage2-ready` gets it all done.

use chrono::{Datelike, Duration, NaiveDate};

use crate::acknowledgements::{self, AckMethod, Acknowledgement};
use crate::audits::{self, Audit, AuditStatus};
use crate::changes::{self, ChangeStatus, IsmsChange};
use crate::db::{Action, Vault};
use crate::error::Result;
use crate::reference;
use crate::reviews::{self, Review};
use crate::tracker::{ItemKind, ItemSource, TrackerItem};
use crate::training::{self, Completion, Course, CourseKind};

use super::company::{EXTERNAL_AUDITOR, Staff};
use super::records::{Docs, Revision};
use super::register::Register;
use super::{DemoPoint, Story, files, month_of, plus_months};

/// The Stage 1 report's reference, as the certification body numbers it.
pub(crate) const STAGE1_REPORT: &str = "AAC-S1-2291";

pub(crate) fn write(
    vault: &mut Vault,
    story: &Story,
    staff: &Staff,
    reg: &Register,
    docs: &Docs,
) -> Result<()> {
    if !story.reached(DemoPoint::Stage1Ready) {
        return Ok(());
    }
    training_and_acks(vault, story, staff, docs)?;
    let audits = programme(vault, story, staff)?;
    super::findings::write(vault, story, staff, reg, &audits)?;
    if story.reached(DemoPoint::Operating) {
        change(vault, story, staff, reg, docs)?;
    }
    if story.point == DemoPoint::Stage2Ready {
        // What the closed Stage 1 nonconformity and the implemented change say was revised.
        let revisions = [
            Revision {
                reference: "PRC-02",
                number: "1.1",
                change_summary: "Acceptance of residual risk by its owner added (Stage 1 nonconformity).",
                on: story.after_stage1(35),
            },
            Revision {
                reference: "PLN-01",
                number: "1.1",
                change_summary: "Backups moved to a separate cloud account with object lock (CH-001).",
                on: story.after_stage1(40),
            },
        ];
        for revision in revisions {
            super::records::revise(vault, story, staff, docs, revision)?;
        }
    }
    Ok(())
}

/// Who completed awareness training at each point, and on which day after Stage 1.
fn trained(story: &Story, staff: &Staff) -> Vec<(i64, NaiveDate, bool)> {
    let everyone = staff.active.iter().enumerate();
    match story.point {
        DemoPoint::Stage1Ready => [staff.ceo, staff.owner, staff.cto, staff.people_lead]
            .into_iter()
            .map(|p| (p, story.prep(45), true))
            .collect(),
        // A month in: the office manager, customer success and product have not done it yet;
        // finance did it but the certificate was never filed.
        DemoPoint::Operating => everyone
            .filter(|(_, p)| ![staff.office, staff.success, staff.product].contains(p))
            .map(|(i, p)| (*p, story.after_stage1(3 + i as i64), *p != staff.finance))
            .collect(),
        _ => everyone
            .map(|(i, p)| (*p, story.after_stage1(3 + 2 * i as i64), true))
            .collect(),
    }
}

fn training_and_acks(vault: &mut Vault, story: &Story, staff: &Staff, docs: &Docs) -> Result<()> {
    let names: Vec<(i64, String)> = crate::people::list(vault.reader())?
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    let name_of = |id: i64| {
        names
            .iter()
            .find(|(p, _)| *p == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let year = story.stage1.year();
    let list = trained(story, staff);
    let first = list.iter().map(|t| t.1).min().unwrap_or(story.stage1);
    vault.write(story.stamp(first), |tx| {
        let awareness = training::insert_course(
            tx,
            Course {
                id: 0,
                title: format!("Security awareness {year}"),
                kind: CourseKind::Awareness,
                validity_months: Some(12),
            },
            Action::Create,
        )?;
        let secure_dev = training::insert_course(
            tx,
            Course {
                id: 0,
                title: "Secure development for engineers".into(),
                kind: CourseKind::Other,
                validity_months: Some(24),
            },
            Action::Create,
        )?;
        for (person, on, with_certificate) in &list {
            let name = name_of(*person);
            let evidence = if *with_certificate {
                let text = format!(
                    "Certificate of completion\n\n{name} completed “Security awareness {year}” \
                     (45 minutes, quiz score above 80 %) on {on}.\n"
                );
                Some(files::store(
                    tx,
                    &format!("Awareness certificate {name}.txt"),
                    &text,
                    *on,
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
                    course_id: awareness.id,
                    completed_on: *on,
                    evidence_id: evidence,
                },
                Action::Create,
            )?;
        }
        if story.reached(DemoPoint::Operating) {
            for (i, person) in [staff.platform, staff.data_eng, staff.cto]
                .iter()
                .enumerate()
            {
                training::insert_completion(
                    tx,
                    Completion {
                        id: 0,
                        person_id: *person,
                        course_id: secure_dev.id,
                        completed_on: story.after_stage1(10 + i as i64),
                        evidence_id: None,
                    },
                    Action::Create,
                )?;
            }
        }
        Ok(())
    })?;

    // Acknowledgements of the policies' versions in force, from the form tool.
    let acknowledging: Vec<i64> = match story.point {
        DemoPoint::Stage1Ready => vec![staff.ceo, staff.owner, staff.cto],
        DemoPoint::Operating => staff.active.iter().copied().take(8).collect(),
        _ => staff.active.clone(),
    };
    let on = match story.point {
        DemoPoint::Stage1Ready => story.prep(54),
        _ => story.after_stage1(6),
    };
    // The form tool's export of each version's acknowledgements, made on the day of the last
    // of them; an acknowledgement by e-mail keeps the e-mail.
    let labels: Vec<(i64, String)> = crate::documents::list(vault.reader())?
        .into_iter()
        .flat_map(|d| {
            d.versions
                .into_iter()
                .map(move |v| (v.id, format!("{} {}", d.reference, v.number)))
        })
        .collect();
    let label_of = |id: i64| {
        labels
            .iter()
            .find(|(v, _)| *v == id)
            .map(|(_, l)| l.clone())
            .unwrap_or_default()
    };
    vault.write(story.stamp(on), |tx| {
        for version in &docs.communicated_versions {
            let label = label_of(*version);
            let acks: Vec<(i64, NaiveDate, AckMethod)> = acknowledging
                .iter()
                .enumerate()
                .map(|(i, person)| {
                    let method = if i % 4 == 3 {
                        AckMethod::Email
                    } else {
                        AckMethod::Form
                    };
                    (*person, on - Duration::days((i % 3) as i64), method)
                })
                .collect();
            let mut export = String::from("Name,Document,Acknowledged on\n");
            for (person, day, method) in &acks {
                if *method == AckMethod::Form {
                    export.push_str(&format!("{},{label},{day}\n", name_of(*person)));
                }
            }
            let form = files::store(
                tx,
                &format!("{label} acknowledgements (form export).csv"),
                &export,
                on,
                "Export of the acknowledgement form",
                &[],
            )?;
            for (person, day, method) in acks {
                let evidence = if method == AckMethod::Form {
                    form
                } else {
                    let name = name_of(person);
                    files::store(
                        tx,
                        &format!("{label} acknowledged by e-mail - {name}.txt"),
                        &format!(
                            "From: {name}\nDate: {day}\n\nI have read and understood {label}.\n"
                        ),
                        day,
                        "Acknowledgement by e-mail",
                        &[],
                    )?
                };
                acknowledgements::insert(
                    tx,
                    Acknowledgement {
                        id: 0,
                        person_id: person,
                        version_id: *version,
                        acknowledged_on: day,
                        method,
                        evidence_id: Some(evidence),
                    },
                    Action::Create,
                )?;
            }
        }
        Ok(())
    })
}

/// When audit `k` (1 to 3) of the programme is held: the 10th of the `k`-th month after the
/// Stage 1 month, or today if that is later than today (the third audit at `stage2-ready`).
pub(crate) fn audit_day(story: &Story, k: u32) -> NaiveDate {
    let month = plus_months(story.stage1, k);
    let first = NaiveDate::from_ymd_opt(month.year(), month.month(), 1).unwrap_or(month);
    let day = first + Duration::days(9);
    if day > story.today && first <= story.today {
        story.today
    } else {
        day
    }
}

/// The audits' ids, in programme order.
fn programme(vault: &mut Vault, story: &Story, staff: &Staff) -> Result<Vec<i64>> {
    let days = [
        audit_day(story, 1),
        audit_day(story, 2),
        audit_day(story, 3),
    ];
    let owner_audits = story.point == DemoPoint::Operating;
    let mut plan = vec![
        Audit {
            scope_clauses: if owner_audits {
                vec!["9".into()]
            } else {
                ["4", "5", "6", "7"].map(String::from).to_vec()
            },
            auditor_id: owner_audits.then_some(staff.owner),
            external_auditor: if owner_audits {
                String::new()
            } else {
                EXTERNAL_AUDITOR.into()
            },
            ..Audit::planned(
                if owner_audits {
                    "Performance evaluation (clause 9)"
                } else {
                    "Context, leadership, planning and support (clauses 4 to 7)"
                },
                &month_of(days[0]),
            )
        },
        Audit {
            scope_controls: ["5.15", "5.18", "8.13", "8.15"].map(String::from).to_vec(),
            auditor_id: Some(staff.finance),
            ..Audit::planned("Access control, backup and logging", &month_of(days[1]))
        },
        Audit {
            scope_clauses: ["8", "9", "10"].map(String::from).to_vec(),
            external_auditor: EXTERNAL_AUDITOR.into(),
            ..Audit::planned(
                "Operation, performance evaluation and improvement (clauses 8 to 10)",
                &month_of(days[2]),
            )
        },
    ];
    if story.point == DemoPoint::Stage2Ready {
        plan.push(Audit {
            scope_controls: ["5.19", "5.20", "5.21", "5.22"].map(String::from).to_vec(),
            auditor_id: Some(staff.people_lead),
            ..Audit::planned(
                "Supplier relationships",
                &month_of(plus_months(story.today, 1)),
            )
        });
    }
    let planned_on = if story.point == DemoPoint::Stage1Ready {
        story.prep(52)
    } else {
        story.stage1 - Duration::days(7)
    };
    let mut ids = Vec::new();
    vault.write(story.stamp(planned_on), |tx| {
        for audit in plan {
            ids.push(audits::insert(tx, audit, Action::Create)?.id);
        }
        Ok(())
    })?;
    let completed = match story.point {
        DemoPoint::Operating => 1,
        DemoPoint::Stage2Ready => 3,
        _ => 0,
    };
    let summaries = [
        "Context and leadership sound; context issues were not reviewed since the ISMS started.",
        "Access reviews and backups work as described; restore tests are manual.",
        "Operation and improvement processes followed; nonconformities closed with evidence.",
    ];
    for (i, id) in ids.iter().take(completed).enumerate() {
        let done = days[i];
        let mut audit = audits::get(vault.reader(), *id)?;
        audit.status = AuditStatus::Completed;
        audit.started_on = Some(done - Duration::days(1));
        audit.completed_on = Some(done);
        audit.summary = if story.point == DemoPoint::Operating {
            "Monitoring of objectives is informal; the first management review is not yet planned."
                .into()
        } else {
            summaries[i].into()
        };
        audits::update(vault, story.stamp(done), audit)?;
    }
    Ok(ids)
}

fn change(
    vault: &mut Vault,
    story: &Story,
    staff: &Staff,
    reg: &Register,
    docs: &Docs,
) -> Result<()> {
    let requested = story.after_stage1(5);
    let mut ch = IsmsChange {
        reason:
            "Backups in the production account could be encrypted together with the data (R-002)."
                .into(),
        requester_id: Some(staff.platform),
        requested_on: Some(requested),
        risk_ids: reg.risks.get(1).copied().into_iter().collect(),
        document_ids: docs.ids.get("PLN-01").copied().into_iter().collect(),
        ..IsmsChange::proposed("Move backups to a separate cloud account with object lock")
    };
    ch = changes::create(vault, story.stamp(requested), ch)?;
    let decided = story.after_stage1(8);
    ch.status = ChangeStatus::Approved;
    ch.impact = "Storage cost +6 %; restore time unchanged; PLN-01 and the restore runbook to be \
                 updated; no personal data leaves the UK."
        .into();
    ch.approver_id = Some(staff.cto);
    ch.decided_on = Some(decided);
    ch = changes::update(vault, story.stamp(decided), ch)?;
    if story.point == DemoPoint::Stage2Ready {
        let done = story.after_stage1(40);
        ch.status = ChangeStatus::Implemented;
        ch.implemented_on = Some(done);
        changes::update(vault, story.stamp(done), ch)?;
    }
    Ok(())
}

/// The management review of `stage2-ready`, written once every record it summarises (measures,
/// competence, suppliers, incidents) is in, so its proposed input summaries are the story's.
pub(crate) fn review(vault: &mut Vault, story: &Story, staff: &Staff) -> Result<()> {
    if story.point != DemoPoint::Stage2Ready {
        return Ok(());
    }
    let held = (audit_day(story, 3) + Duration::days(2)).min(story.today);
    let proposed = reviews::proposed_summaries(vault.reader(), held)?;
    let mut review = Review {
        attendee_ids: vec![staff.ceo, staff.cto, staff.owner],
        other_attendees: String::new(),
        improvement: "Automate restore tests; share incident lessons learnt at the all-hands; \
                      budget a log management service."
            .into(),
        changes_needed: "None to the scope or policy; CH-001 (backups in a separate account) \
                         confirmed effective."
            .into(),
        ..Review::held(held)
    };
    for input in reference::review_inputs() {
        let note = proposed
            .get(&input.id)
            .filter(|n| !n.trim().is_empty())
            .cloned()
            .unwrap_or_else(|| format!("Reviewed: {}. No concerns raised.", input.input));
        review.inputs.insert(input.id.clone(), note);
    }
    let review = reviews::create(vault, story.stamp(held), review)?;
    let mut action = TrackerItem::new(
        ItemKind::Action,
        "Budget and select a log management service",
        ItemSource::ManagementReview,
        held,
    );
    action.owner_id = Some(staff.cto);
    action.controls = vec!["8.15".into()];
    action.due_on = Some(held + Duration::days(60));
    reviews::raise_action(vault, story.stamp(held), review.id, action)?;
    Ok(())
}
