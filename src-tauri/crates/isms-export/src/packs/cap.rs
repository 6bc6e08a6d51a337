//! The `cap` pack: the corrective action plan the certification body asks for. Every
//! nonconformity open on the evaluation date, whatever its source (Stage 1 or Stage 2 audit,
//! internal audit, incident…), with its source, root cause, correction, corrective action, owner
//! and due date; then each one in detail with its description, its dated progress and the files
//! it rests on (by their path in the bundle). An NC is
//! open when it was raised by the evaluation date and not closed by then. A missing root cause or
//! corrective action is said so, not left blank; with nothing open, the plan says that alone.
//! Each NC from the certification body's audit carries the body's own finding number. For a body
//! that certifies with zero findings only, the NCs closed since its last audit follow with
//! their evidence; a sign-off block (prepared by, approved by, dates) ends the plan.

use chrono::NaiveDate;
use isms_core::organisation::FindingPolicy;
use isms_core::tracker::{ItemKind, ItemStatus, TrackerItem};

use super::documentation::policy_words;
use super::records::{
    DASH, Records, date, item_kind, item_source, item_status, list, long_date, or_dash,
};
use super::tracker;
use super::{CONFIDENTIALITY, generated_by};
use crate::model::{Block, Fact, Pack, Section};

pub(crate) const TITLE: &str = "Corrective action plan";

/// The nonconformities open on the evaluation date, by reference.
pub(crate) fn open_ncs(r: &Records) -> Vec<&TrackerItem> {
    tracker::items(r, |i| r.open_nc(i))
}

pub(crate) fn pack(r: &Records) -> Pack {
    let org = &r.facts.organisation;
    let ncs = open_ncs(r);
    let major = ncs.iter().filter(|i| i.kind == ItemKind::MajorNc).count();
    let overdue = ncs.iter().filter(|i| i.is_overdue(r.as_of)).count();
    let owner: Vec<String> = r
        .active_people()
        .iter()
        .filter(|p| p.isms_owner)
        .map(|p| p.name.clone())
        .collect();
    let count = format!(
        "{} open ({major} major, {} minor); {overdue} overdue",
        ncs.len(),
        ncs.len() - major
    );
    let cover = vec![
        Fact::new("Certification body", or_dash(&org.certification_body)),
        Fact::new("Finding policy", policy_words(org.finding_policy)),
        Fact::new(
            "Stage 2 audit (target)",
            org.stage2_target.map_or_else(|| DASH.to_owned(), long_date),
        ),
        Fact::new("ISMS owner", list(&owner)),
        Fact::new("Nonconformities", count.clone()),
    ];
    let mut plan = vec![Block::Paragraph(format!(
        "Nonconformities on {}: {count}. For each: where it was found, who owns it and by when it will be corrected; the root cause and the action that removes it follow.",
        long_date(r.as_of)
    ))];
    let mut detail = Vec::new();
    if ncs.is_empty() {
        plan.push(Block::Note(format!(
            "No nonconformity is open on {}.",
            long_date(r.as_of)
        )));
    } else {
        plan.push(tracker::register(r, &ncs, "Nonconformity"));
        plan.push(Block::Heading("Root causes and actions".into()));
        plan.push(tracker::corrective_actions(&ncs));
        for i in &ncs {
            detail.extend(nc_detail(r, i));
        }
    }
    let mut sections = vec![Section {
        title: "Open nonconformities".into(),
        blocks: plan,
    }];
    if !detail.is_empty() {
        sections.push(Section {
            title: "Each nonconformity in detail".into(),
            blocks: detail,
        });
    }
    if org.finding_policy == FindingPolicy::ZeroFindings {
        sections.push(closed_since_audit(r));
    }
    sections.push(sign_off(r, &owner));
    Pack {
        title: TITLE.into(),
        company: org.name.clone(),
        confidentiality: CONFIDENTIALITY.into(),
        as_of: r.as_of,
        version: generated_by(),
        cover,
        sections,
        evidence_sha256: None,
    }
}

/// The certification body's last audit on or before the evaluation date: Stage 2 once held,
/// else Stage 1.
fn last_audit(r: &Records) -> Option<(NaiveDate, &'static str)> {
    let org = &r.facts.organisation;
    [
        (org.stage2_target, "Stage 2 audit"),
        (org.stage1_date, "Stage 1 audit"),
    ]
    .into_iter()
    .find_map(|(day, name)| day.filter(|d| *d <= r.as_of).map(|d| (d, name)))
}

/// For a body that certifies with zero findings only: every nonconformity closed since its last
/// audit, with what shows it is closed (closure, effectiveness review, evidence files).
fn closed_since_audit(r: &Records) -> Section {
    let since = last_audit(r);
    let closed = tracker::items(r, |i| {
        i.kind.is_nc()
            && i.status == ItemStatus::Closed
            && i.closed_on
                .is_some_and(|c| c <= r.as_of && since.is_none_or(|(audit, _)| c >= audit))
    });
    let mut blocks = vec![Block::Paragraph(match since {
        Some((day, name)) => format!(
            "The certification body certifies with zero findings only. Nonconformities closed between its {} on {} and {}: {}.",
            name.to_lowercase(),
            long_date(day),
            long_date(r.as_of),
            closed.len()
        ),
        None => format!(
            "The certification body certifies with zero findings only. Nonconformities closed by {}: {}.",
            long_date(r.as_of),
            closed.len()
        ),
    })];
    if closed.is_empty() {
        blocks.push(Block::Note("None was closed in that time.".into()));
    }
    for i in closed {
        blocks.push(Block::Heading(format!(
            "{} {}: {}",
            i.reference,
            item_kind(i.kind),
            i.title
        )));
        blocks.push(Block::Facts(vec![
            Fact::new("Source", item_source(i)),
            Fact::new("Closed", date(i.closed_on)),
            Fact::new("Root cause", or_dash(&i.root_cause)),
            Fact::new("Corrective action", or_dash(&i.corrective_action)),
            Fact::new(
                "Effectiveness review",
                format!(
                    "{}: {}",
                    date(i.effectiveness_on),
                    or_dash(&i.effectiveness_result)
                ),
            ),
            Fact::new(
                "Evidence",
                r.files_cell(
                    &i.reference,
                    i.evidence_ids.iter().copied(),
                    "No file is attached",
                ),
            ),
        ]));
    }
    Section {
        title: "Nonconformities closed since the audit".into(),
        blocks,
    }
}

/// Who prepared the plan and who approves it, with room to sign.
fn sign_off(r: &Records, owner: &[String]) -> Section {
    const LINE: &str = "______________________________";
    let prepared = if owner.is_empty() {
        LINE.to_owned()
    } else {
        format!("{} (ISMS owner)", list(owner))
    };
    Section {
        title: "Sign-off".into(),
        blocks: vec![
            Block::Paragraph(format!(
                "This corrective action plan states the nonconformities open on {} and what will be done about each. It is submitted to the certification body once prepared and approved.",
                long_date(r.as_of)
            )),
            Block::Heading("Prepared by".into()),
            Block::Facts(vec![
                Fact::new("Name", prepared),
                Fact::new("Signature", LINE),
                Fact::new("Date", LINE),
            ]),
            Block::Heading("Approved by (top management)".into()),
            Block::Facts(vec![
                Fact::new("Name", LINE),
                Fact::new("Signature", LINE),
                Fact::new("Date", LINE),
            ]),
        ],
    }
}

fn nc_detail(r: &Records, i: &TrackerItem) -> Vec<Block> {
    let refs: Vec<String> = i.clauses.iter().chain(i.controls.iter()).cloned().collect();
    let mut blocks = vec![
        Block::Heading(format!(
            "{} {}: {}",
            i.reference,
            item_kind(i.kind),
            i.title
        )),
        Block::Facts(vec![
            Fact::new("Source", item_source(i)),
            Fact::new("Clause or control", list(&refs)),
            Fact::new("Raised", date(Some(i.raised_on))),
            Fact::new("Owner", r.name(i.owner_id)),
            Fact::new("Due", date(i.due_on)),
            Fact::new("Status", item_status(i, r.as_of).text),
            Fact::new("Description", or_dash(&i.description)),
            Fact::new("Correction", or_dash(&i.correction)),
            Fact::new("Root cause", or_missing(&i.root_cause)),
            Fact::new("Corrective action", or_missing(&i.corrective_action)),
            Fact::new(
                "Evidence",
                r.files_cell(
                    &i.reference,
                    i.evidence_ids.iter().copied(),
                    "No file attached yet",
                ),
            ),
        ]),
    ];
    if !i.finding_number.trim().is_empty() {
        blocks.insert(
            1,
            Block::Paragraph(format!(
                "The certification body's finding {}.",
                i.finding_number.trim()
            )),
        );
    }
    blocks.push(tracker::progress(r, &[i]));
    blocks
}

/// The text, or "Not recorded yet" for what an open nonconformity still lacks.
fn or_missing(text: &str) -> String {
    if text.trim().is_empty() {
        "Not recorded yet".to_owned()
    } else {
        text.trim().to_owned()
    }
}
