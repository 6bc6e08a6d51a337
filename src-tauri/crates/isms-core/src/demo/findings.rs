//! The demo's ISMS tracker: the items set up before Stage 1, the Stage 1 report's findings
//! (source `stage1_audit`), and the internal audits' findings, each raised on its day and then
//! worked to where the story stands (closed with root cause, corrective action and
//! effectiveness review, or decided, or still open at `operating`).

use chrono::{Duration, NaiveDate};

use crate::audits;
use crate::db::Vault;
use crate::error::Result;
use crate::tracker::{self, ItemKind, ItemSource, ItemStatus, TrackerItem};

use super::company::Staff;
use super::operating::{STAGE1_REPORT, audit_day};
use super::register::Register;
use super::{DemoPoint, Story};

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

pub(crate) fn write(
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
        monitoring.description = "Two of the three objectives have targets, yet no result was \
            recorded since Stage 1; progress is discussed at the ISMS meeting but not written down \
            (9.1 requires the results to be retained)."
            .into();
        // Corrected at once; the root cause analysis is still to be done (S2-FINDINGS).
        monitoring.correction =
            "Results since Stage 1 recovered from the team's notes and entered against each objective."
                .into();
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

    // The certification body numbers its report's findings: NC-01, OFI-01, OFI-02…
    let (mut ncs, mut ofis) = (0, 0);
    for track in &mut items {
        if track.item.source == ItemSource::Stage1Audit {
            let number = if track.item.kind.is_nc() {
                ncs += 1;
                format!("NC-{ncs:02}")
            } else {
                ofis += 1;
                format!("OFI-{ofis:02}")
            };
            track.item.finding_number.clone_from(&number);
            if let Some((_, later)) = &mut track.later {
                later.finding_number = number;
            }
        }
    }
    for track in items {
        let on = track.item.raised_on;
        let nc = track.item.kind.is_nc();
        let saved = match track.audit {
            Some(audit) => audits::raise_finding(vault, story.stamp(on), audit, track.item)?,
            None => tracker::create(vault, story.stamp(on), track.item)?,
        };
        let started = on + Duration::days(3);
        if nc && track.later.is_none() && started <= story.today {
            tracker::add_note(
                vault,
                story.stamp(started),
                saved.id,
                started,
                "Owner confirmed; correction under way and root cause analysis planned.",
            )?;
        }
        if let Some((day, mut later)) = track.later {
            if nc && later.status == ItemStatus::Closed {
                // How a nonconformity moved from raised to closed, as the owner noted it.
                let midway = on + (day - on) / 2;
                tracker::add_note(
                    vault,
                    story.stamp(midway),
                    saved.id,
                    midway,
                    "Correction made; root cause analysed with the owner and the corrective action agreed.",
                )?;
                tracker::add_note(
                    vault,
                    story.stamp(day),
                    saved.id,
                    day,
                    "Corrective action done; effectiveness reviewed and the item closed.",
                )?;
            } else if later.status != ItemStatus::Closed {
                let note = if nc {
                    "Correction made; root cause analysed with the owner and the corrective action agreed."
                } else {
                    "Discussed and decided at the ISMS meeting."
                };
                tracker::add_note(vault, story.stamp(day), saved.id, day, note)?;
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
