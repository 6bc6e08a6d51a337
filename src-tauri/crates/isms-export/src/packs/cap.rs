//! The `cap` pack: the corrective action plan the certification body asks for. Every
//! nonconformity open on the evaluation date, whatever its source (Stage 1 or Stage 2 audit,
//! internal audit, incident…), with its source, root cause, correction, corrective action, owner
//! and due date; then each one in detail with its description, latest progress and the files
//! it rests on (by their path in the bundle). An NC is
//! open when it was raised by the evaluation date and not closed by then. A missing root cause or
//! corrective action is said so, not left blank; with nothing open, the plan says that alone.

use isms_core::tracker::{ItemKind, TrackerItem};

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
    Pack {
        title: TITLE.into(),
        company: org.name.clone(),
        confidentiality: CONFIDENTIALITY.into(),
        as_of: r.as_of,
        version: generated_by(),
        cover,
        sections: std::iter::once(Section {
            title: "Open nonconformities".into(),
            blocks: plan,
        })
        .chain((!detail.is_empty()).then(|| Section {
            title: "Each nonconformity in detail".into(),
            blocks: detail,
        }))
        .collect(),
        evidence_sha256: None,
    }
}

fn nc_detail(r: &Records, i: &TrackerItem) -> Vec<Block> {
    let refs: Vec<String> = i.clauses.iter().chain(i.controls.iter()).cloned().collect();
    let latest = i
        .notes
        .iter()
        .filter(|n| n.noted_on <= r.as_of)
        .max_by_key(|n| (n.noted_on, n.id))
        .map_or_else(
            || DASH.to_owned(),
            |n| format!("{}: {}", date(Some(n.noted_on)), n.note),
        );
    vec![
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
            Fact::new("Latest progress", latest),
            Fact::new(
                "Evidence",
                r.files_cell(
                    &i.reference,
                    i.evidence_ids.iter().copied(),
                    "No file attached yet",
                ),
            ),
        ]),
    ]
}

/// The text, or "Not recorded yet" for what an open nonconformity still lacks.
fn or_missing(text: &str) -> String {
    if text.trim().is_empty() {
        "Not recorded yet".to_owned()
    } else {
        text.trim().to_owned()
    }
}
