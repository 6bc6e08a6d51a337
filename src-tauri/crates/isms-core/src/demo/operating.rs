//! Operating the ISMS in the demo: awareness training with certificates, acknowledgements of
//! the policies, the internal audit programme with its findings, Stage 1 findings and other
//! items in the ISMS tracker (raised, then worked to where the story stands), a change to the
//! ISMS and the management review. Stage 1 points get only the plan; `operating` gets a first
//! audit by the ISMS owner (not independent) and open findings; `stage2-ready` gets it all done.

use chrono::{Datelike, Duration, NaiveDate};

use crate::acknowledgements::{self, AckMethod, Acknowledgement};
use crate::audits::{self, Audit, AuditStatus};
use crate::changes::{self, ChangeStatus, IsmsChange};
use crate::db::{Action, Vault};
use crate::error::Result;
use crate::reference;
use crate::reviews::{self, Review};
use crate::tracker::{self, ItemKind, ItemSource, ItemStatus, TrackerItem};
use crate::training::{self, Completion, Course, CourseKind};

use super::company::{EXTERNAL_AUDITOR, Staff};
use super::records::Docs;
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
    tracker_items(vault, story, staff, reg, &audits)?;
    if story.reached(DemoPoint::Operating) {
        change(vault, story, staff, reg, docs)?;
    }
    if story.point == DemoPoint::Stage2Ready {
        review(vault, story, staff)?;
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
    vault.write(story.stamp(on), |tx| {
        for version in &docs.communicated_versions {
            for (i, person) in acknowledging.iter().enumerate() {
                acknowledgements::insert(
                    tx,
                    Acknowledgement {
                        id: 0,
                        person_id: *person,
                        version_id: *version,
                        acknowledged_on: on - Duration::days((i % 3) as i64),
                        method: if i % 4 == 3 {
                            AckMethod::Email
                        } else {
                            AckMethod::Form
                        },
                        evidence_id: None,
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

/// An item as raised, and what it became by today (if it changed).
struct Track {
    item: TrackerItem,
    audit: Option<i64>,
    later: Option<(NaiveDate, TrackerItem)>,
}

fn raised(
    kind: ItemKind,
    title: &str,
    source: ItemSource,
    on: NaiveDate,
    owner: i64,
) -> TrackerItem {
    TrackerItem {
        owner_id: Some(owner),
        ..TrackerItem::new(kind, title, source, on)
    }
}

fn closed_nc(
    mut item: TrackerItem,
    story: &Story,
    rc: &str,
    ca: &str,
    at: NaiveDate,
    eff: &str,
) -> (NaiveDate, TrackerItem) {
    let on = at.min(story.today);
    item.status = ItemStatus::Closed;
    item.root_cause = rc.into();
    item.corrective_action = ca.into();
    item.effectiveness_on = Some(on);
    item.effectiveness_result = eff.into();
    item.closed_on = Some(on);
    (on, item)
}

fn decided(
    mut item: TrackerItem,
    story: &Story,
    decision: &str,
    at: NaiveDate,
    close: bool,
) -> (NaiveDate, TrackerItem) {
    let on = at.min(story.today);
    item.decision = decision.into();
    if close {
        item.status = ItemStatus::Closed;
        item.closed_on = Some(on);
    }
    (on, item)
}

fn tracker_items(
    vault: &mut Vault,
    story: &Story,
    staff: &Staff,
    reg: &Register,
    audits_ids: &[i64],
) -> Result<()> {
    let s2 = story.point == DemoPoint::Stage2Ready;
    let operating = story.point == DemoPoint::Operating;
    let mut items = Vec::new();

    // Set up before Stage 1: the tracker follows the first treatment actions.
    let mut keys = raised(
        ItemKind::Action,
        "Order FIDO2 security keys for all staff",
        ItemSource::RiskTreatment,
        story.prep(26),
        staff.it,
    );
    keys.source_ref = risk_ref(reg, 0);
    keys.controls = vec!["5.17".into(), "8.5".into()];
    keys.due_on = Some(story.stage1 + Duration::days(10));
    let later = story.reached(DemoPoint::Operating).then(|| {
        let mut done = keys.clone();
        done.status = ItemStatus::Closed;
        done.closed_on = Some(story.after_stage1(8));
        (story.after_stage1(8), done)
    });
    items.push(Track {
        item: keys,
        audit: None,
        later,
    });
    let mut induction = raised(
        ItemKind::Action,
        "Add the awareness course to the joiners' checklist",
        ItemSource::Other,
        story.prep(48),
        staff.people_lead,
    );
    induction.clauses = vec!["7.3".into()];
    induction.due_on = Some(story.stage1 + Duration::days(45));
    let later = s2.then(|| {
        let mut done = induction.clone();
        done.status = ItemStatus::Closed;
        done.closed_on = Some(story.after_stage1(25));
        (story.after_stage1(25), done)
    });
    items.push(Track {
        item: induction,
        audit: None,
        later,
    });

    if story.reached(DemoPoint::Operating) {
        // The Stage 1 report: one minor nonconformity and two opportunities for improvement.
        let mut nc = raised(
            ItemKind::MinorNc,
            "Risk treatment process does not say how owners accept residual risk",
            ItemSource::Stage1Audit,
            story.stage1,
            staff.owner,
        );
        nc.source_ref = STAGE1_REPORT.into();
        nc.clauses = vec!["6.1.3".into()];
        nc.due_on = Some(story.after_stage1(45));
        nc.description =
            "PRC-02 describes approval of plans but not the acceptance of residual risk (6.1.3 f)."
                .into();
        let later = if s2 {
            Some(closed_nc(
                nc.clone(),
                story,
                "The process was written from a template that predates the 2022 edition.",
                "PRC-02 revised with an acceptance step; owners re-approved every risk above the threshold.",
                story.after_stage1(40),
                "Sampled five risks: each has a current acceptance by its owner.",
            ))
        } else {
            let mut working = nc.clone();
            working.status = ItemStatus::InProgress;
            working.correction =
                "Owners asked to record acceptance for the red risks at once.".into();
            working.root_cause =
                "The process was written from a template that predates the 2022 edition.".into();
            working.corrective_action = "Revise PRC-02 with an acceptance step and re-approve every risk above the threshold.".into();
            Some((story.after_stage1(7), working))
        };
        items.push(Track {
            item: nc,
            audit: None,
            later,
        });

        let mut ofi = raised(
            ItemKind::Ofi,
            "Consider a security questionnaire for new suppliers",
            ItemSource::Stage1Audit,
            story.stage1,
            staff.finance,
        );
        ofi.source_ref = STAGE1_REPORT.into();
        ofi.controls = vec!["5.19".into()];
        let later = s2.then(|| {
            decided(
                ofi.clone(),
                story,
                "Adopted: questionnaire added to supplier onboarding from next quarter.",
                story.after_stage1(30),
                true,
            )
        });
        items.push(Track {
            item: ofi,
            audit: None,
            later,
        });

        let mut milestones = raised(
            ItemKind::Ofi,
            "Objectives could show intermediate milestones",
            ItemSource::Stage1Audit,
            story.stage1,
            staff.owner,
        );
        milestones.source_ref = STAGE1_REPORT.into();
        milestones.clauses = vec!["6.2".into()];
        let later = Some(decided(
            milestones.clone(),
            story,
            "Accepted: progress notes are recorded monthly on each objective.",
            story.after_stage1(10),
            true,
        ));
        items.push(Track {
            item: milestones,
            audit: None,
            later,
        });
    }

    if operating {
        // IA-001, by the ISMS owner: findings still open.
        let mut monitoring = raised(
            ItemKind::MinorNc,
            "Monitoring results for the objectives are not recorded",
            ItemSource::InternalAudit,
            audit_day(story, 1),
            staff.owner,
        );
        monitoring.clauses = vec!["9.1".into()];
        monitoring.due_on = Some(audit_day(story, 1) + Duration::days(45));
        items.push(Track {
            item: monitoring,
            audit: audits_ids.first().copied(),
            later: None,
        });
        let mut plan_review = raised(
            ItemKind::Ofi,
            "Plan the first management review before the Stage 2 audit",
            ItemSource::InternalAudit,
            audit_day(story, 1),
            staff.ceo,
        );
        plan_review.clauses = vec!["9.3".into()];
        items.push(Track {
            item: plan_review,
            audit: audits_ids.first().copied(),
            later: None,
        });
    }

    if s2 {
        let mut context = raised(
            ItemKind::MinorNc,
            "Context issues not reviewed since the ISMS started",
            ItemSource::InternalAudit,
            audit_day(story, 1),
            staff.owner,
        );
        context.clauses = vec!["4.1".into()];
        context.due_on = Some(audit_day(story, 1) + Duration::days(30));
        let later = Some(closed_nc(
            context.clone(),
            story,
            "No owner or date was set for reviewing the context.",
            "Context review added to the quarterly ISMS meeting agenda; issues reviewed and updated.",
            audit_day(story, 1) + Duration::days(21),
            "Quarterly meeting minutes show the review; two issues updated.",
        ));
        items.push(Track {
            item: context,
            audit: audits_ids.first().copied(),
            later,
        });

        let mut restore = raised(
            ItemKind::Ofi,
            "Restore tests could be automated",
            ItemSource::InternalAudit,
            audit_day(story, 2),
            staff.platform,
        );
        restore.controls = vec!["8.13".into()];
        let later = Some(decided(
            restore.clone(),
            story,
            "Automate in the next quarter; manual monthly restore test until then.",
            audit_day(story, 2) + Duration::days(5),
            true,
        ));
        items.push(Track {
            item: restore,
            audit: audits_ids.get(1).copied(),
            later,
        });

        let mut lessons = raised(
            ItemKind::Observation,
            "Incident lessons learnt could be shared with all staff",
            ItemSource::InternalAudit,
            audit_day(story, 3),
            staff.owner,
        );
        lessons.clauses = vec!["10.2".into()];
        let later = Some(decided(
            lessons.clone(),
            story,
            "Lessons learnt go into the monthly all-hands from next month.",
            audit_day(story, 3) + Duration::days(1),
            false,
        ));
        items.push(Track {
            item: lessons,
            audit: audits_ids.get(2).copied(),
            later,
        });
    }

    for track in items {
        let on = track.item.raised_on;
        let saved = match track.audit {
            Some(audit) => audits::raise_finding(vault, story.stamp(on), audit, track.item)?,
            None => tracker::create(vault, story.stamp(on), track.item)?,
        };
        if let Some((day, mut later)) = track.later {
            if later.status != ItemStatus::Closed {
                tracker::add_note(
                    vault,
                    story.stamp(day),
                    saved.id,
                    day,
                    "Discussed and decided at the ISMS meeting.",
                )?;
            }
            later.id = saved.id;
            later.source = saved.source;
            later.source_ref = saved.source_ref.clone();
            tracker::update(vault, story.stamp(day), later)?;
        }
    }
    Ok(())
}

fn risk_ref(reg: &Register, index: usize) -> String {
    reg.risks
        .get(index)
        .map(|_| format!("R-{:03}", index + 1))
        .unwrap_or_default()
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
    ch.impact =
        "Storage cost +6 %; restore time unchanged; PLN-01 and the restore runbook updated; \
                 no personal data leaves the UK."
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

fn review(vault: &mut Vault, story: &Story, staff: &Staff) -> Result<()> {
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
