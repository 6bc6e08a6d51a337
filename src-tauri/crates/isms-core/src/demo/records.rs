//! The documented information of the demo: the document register with its versions and their
//! files (scope, policy, risk processes, SoA, objectives, the register of documented
//! information, the ISMS manual, the change management and internal audit procedures…), the
//! clause checklist that says where each clause is addressed, and the objectives (6.2).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::clauses::{self, ClauseEntry};
use crate::db::{Action, Vault};
use crate::documents::{self, DocKind, Document, DocumentVersion, DraftVersion};
use crate::error::Result;
use crate::objectives::{self, Objective, ObjectiveStatus, ProgressNote};

use super::company::{Role, Staff};
use super::{COMPANY, DemoPoint, Story, files};

/// How far a document got at the gaps point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AtGaps {
    Approved,
    Draft,
    Missing,
}

struct DocDef {
    reference: &'static str,
    title: &'static str,
    kind: DocKind,
    items: &'static [&'static str],
    owner: Role,
    communicate: bool,
    /// Clauses of the checklist it addresses.
    clauses: &'static [&'static str],
    at_gaps: AtGaps,
    summary: &'static str,
}

const DOCS: [DocDef; 13] = [
    DocDef {
        reference: "SCO-01",
        title: "ISMS scope",
        kind: DocKind::Other,
        items: &["4.3"],
        owner: Role::Owner,
        communicate: false,
        clauses: &["4.1", "4.2", "4.3"],
        at_gaps: AtGaps::Draft,
        summary: "Scope, boundaries, interfaces and dependencies of the ISMS.",
    },
    DocDef {
        reference: "POL-01",
        title: "Information security policy",
        kind: DocKind::Policy,
        items: &["5.2"],
        owner: Role::Owner,
        communicate: true,
        clauses: &["5.1", "5.2"],
        at_gaps: AtGaps::Approved,
        summary: "Management's commitment, the objectives framework and the rules every member of staff follows.",
    },
    DocDef {
        reference: "PRC-01",
        title: "Risk assessment process",
        kind: DocKind::Procedure,
        items: &["6.1.2"],
        owner: Role::Owner,
        communicate: false,
        clauses: &["6.1.1", "6.1.2", "8.2"],
        at_gaps: AtGaps::Draft,
        summary: "The 5×5 risk method, acceptance (score ≤ 6) and red (≥ 15) criteria, and when risks are assessed.",
    },
    DocDef {
        reference: "PRC-02",
        title: "Risk treatment process",
        kind: DocKind::Procedure,
        items: &["6.1.3"],
        owner: Role::Owner,
        communicate: false,
        clauses: &["6.1.3", "8.3"],
        at_gaps: AtGaps::Approved,
        summary: "Treatment options, treatment plans, and the owners' approval and acceptance of residual risk.",
    },
    DocDef {
        reference: "SOA-01",
        title: "Statement of Applicability",
        kind: DocKind::Record,
        items: &["6.1.3 d)"],
        owner: Role::Owner,
        communicate: false,
        clauses: &["6.1.3"],
        at_gaps: AtGaps::Draft,
        summary: "All 93 Annex A controls with applicability, reasons and implementation status.",
    },
    DocDef {
        reference: "OBJ-01",
        title: "Information security objectives and plans",
        kind: DocKind::Plan,
        items: &["6.2"],
        owner: Role::Owner,
        communicate: false,
        clauses: &["6.2"],
        at_gaps: AtGaps::Missing,
        summary: "Objectives, their measures, owners and plans to achieve them.",
    },
    DocDef {
        reference: "REG-01",
        title: "Register of documented information",
        kind: DocKind::Record,
        items: &["7.5.1 b)"],
        owner: Role::Owner,
        communicate: false,
        clauses: &["7.5", "7.5.1", "7.5.2", "7.5.3"],
        at_gaps: AtGaps::Draft,
        summary: "Every document and record the ISMS needs, with its owner, location and retention.",
    },
    DocDef {
        reference: "MAN-01",
        title: "ISMS manual",
        kind: DocKind::Manual,
        items: &[],
        owner: Role::Owner,
        communicate: false,
        clauses: &["4.4", "5.3", "7.1", "8.1", "9.1", "9.3", "10.1"],
        at_gaps: AtGaps::Missing,
        summary: "How Northwind's ISMS works, clause by clause, and where each record is kept.",
    },
    DocDef {
        reference: "PRC-03",
        title: "Change management procedure",
        kind: DocKind::Procedure,
        items: &[],
        owner: Role::Cto,
        communicate: false,
        clauses: &["6.3"],
        at_gaps: AtGaps::Missing,
        summary: "How changes to the ISMS are requested, assessed for impact, approved and recorded.",
    },
    DocDef {
        reference: "PRC-04",
        title: "Internal audit procedure",
        kind: DocKind::Procedure,
        items: &[],
        owner: Role::Owner,
        communicate: false,
        clauses: &["9.2", "9.2.1", "9.2.2"],
        at_gaps: AtGaps::Missing,
        summary: "The audit programme, auditor independence, reporting and follow-up of findings.",
    },
    DocDef {
        reference: "POL-02",
        title: "Acceptable use policy",
        kind: DocKind::Policy,
        items: &[],
        owner: Role::PeopleLead,
        communicate: true,
        clauses: &["7.3"],
        at_gaps: AtGaps::Approved,
        summary: "Rules for laptops, accounts, e-mail, remote work and client data.",
    },
    DocDef {
        reference: "PRC-05",
        title: "Incident management procedure",
        kind: DocKind::Procedure,
        items: &[],
        owner: Role::Owner,
        communicate: false,
        clauses: &["10.2"],
        at_gaps: AtGaps::Draft,
        summary: "Reporting, triage, client notification within 24 hours, and lessons learnt.",
    },
    DocDef {
        reference: "PLN-01",
        title: "Business continuity and disaster recovery plan",
        kind: DocKind::Plan,
        items: &[],
        owner: Role::Platform,
        communicate: false,
        clauses: &[],
        at_gaps: AtGaps::Draft,
        summary: "Recovery objectives, the standby region and the restore runbook.",
    },
];

/// Document ids by reference, and the approved versions staff must acknowledge.
#[derive(Debug, Clone, Default)]
pub(crate) struct Docs {
    pub ids: BTreeMap<&'static str, i64>,
    /// Current approved versions of the documents communicated to staff (POL-01, POL-02).
    pub communicated_versions: Vec<i64>,
}

fn file_text(def: &DocDef, version: &str, on: NaiveDate) -> String {
    format!(
        "{COMPANY}\n{} {} — version {version}\nIssued {on}\n\n{}\n\nThis document is part of \
         the demo company generated by ISMS Desk; every name in it is fictional.\n",
        def.reference, def.title, def.summary
    )
}

pub(crate) fn write(vault: &mut Vault, story: &Story, staff: &Staff) -> Result<Docs> {
    let gaps = story.point == DemoPoint::Stage1Gaps;
    let drafted = story.prep(20);
    let mut docs = Docs::default();
    let mut to_approve = Vec::new();
    vault.write(story.stamp(drafted), |tx| {
        for (i, def) in DOCS.iter().enumerate() {
            if gaps && def.at_gaps == AtGaps::Missing {
                continue;
            }
            let file = format!("{} {} v1.0.md", def.reference, def.title);
            let evidence = files::store(
                tx,
                &file,
                &file_text(def, "1.0", drafted),
                drafted,
                def.summary,
                &[],
            )?;
            let doc = documents::insert(
                tx,
                Document {
                    mandatory_items: def.items.iter().map(|m| (*m).to_owned()).collect(),
                    owner_id: Some(staff.of(def.owner)),
                    review_months: Some(12),
                    next_review: Some(story.prep(40 + i as i64) + chrono::Duration::days(365)),
                    communicate: def.communicate,
                    ..Document::new(def.reference, def.title, def.kind)
                },
                Action::Create,
            )?;
            let version = documents::insert_version(
                tx,
                doc.id,
                DocumentVersion {
                    id: 0,
                    number: "1.0".into(),
                    change_summary: "First issue".into(),
                    evidence_id: Some(evidence),
                    approved_by: None,
                    approved_on: None,
                },
                Action::Create,
            )?;
            docs.ids.insert(def.reference, doc.id);
            if !gaps || def.at_gaps == AtGaps::Approved {
                to_approve.push((i, version, def.communicate));
            }
        }
        Ok(())
    })?;
    for (i, version, communicate) in to_approve {
        let on = story.prep(40 + i as i64);
        documents::approve_version(vault, story.stamp(on), version, staff.ceo, on)?;
        if communicate {
            docs.communicated_versions.push(version);
        }
    }
    write_checklist(vault, story, &docs)?;
    if !gaps {
        write_objectives(vault, story, staff)?;
    }
    Ok(docs)
}

/// A new version of a demo document: which, its number, what changed and the day.
pub(crate) struct Revision {
    pub reference: &'static str,
    pub number: &'static str,
    pub change_summary: &'static str,
    pub on: NaiveDate,
}

/// Issues version `number` of the document `reference` on `on`, its file dated that day,
/// approved by the CEO as every demo document is: the revision a closed finding or an
/// implemented change says was made.
pub(crate) fn revise(
    vault: &mut Vault,
    story: &Story,
    staff: &Staff,
    docs: &Docs,
    revision: Revision,
) -> Result<()> {
    let Revision {
        reference,
        number,
        change_summary,
        on,
    } = revision;
    let (Some(def), Some(&id)) = (
        DOCS.iter().find(|d| d.reference == reference),
        docs.ids.get(reference),
    ) else {
        return Ok(());
    };
    let file = format!("{} {} v{number}.md", def.reference, def.title);
    let evidence = vault.write(story.stamp(on), |tx| {
        files::store(tx, &file, &file_text(def, number, on), on, def.summary, &[])
    })?;
    let draft = DraftVersion {
        number: number.into(),
        change_summary: change_summary.into(),
        evidence_id: Some(evidence),
    };
    let doc = documents::save_draft(vault, story.stamp(on), id, draft)?;
    let version = doc
        .versions
        .iter()
        .find(|v| v.number == number)
        .map(|v| v.id)
        .expect("the draft just saved");
    documents::approve_version(vault, story.stamp(on), version, staff.ceo, on)?;
    Ok(())
}

fn records_note(story: &Story, clause: &str) -> &'static str {
    match clause {
        "6.1.2" | "8.2" => "Risk register in ISMS Desk (R-001 to R-013).",
        "6.1.3" | "8.3" => {
            "Treatment plans and owners' approvals in the risk register; SoA versions."
        }
        "7.2" | "7.3" if story.reached(DemoPoint::Operating) => {
            "Training completions with certificates; policy acknowledgements."
        }
        "9.2" | "9.2.2" if story.reached(DemoPoint::Operating) => {
            "Internal audit programme and reports (IA-nnn); findings in the tracker."
        }
        "9.3" if story.point == DemoPoint::Stage2Ready => "Management review minutes (MR-001).",
        "10.2" if story.reached(DemoPoint::Operating) => {
            "Nonconformities and corrective actions in the ISMS tracker."
        }
        _ => "",
    }
}

fn write_checklist(vault: &mut Vault, story: &Story, docs: &Docs) -> Result<()> {
    let mut by_clause: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    for def in &DOCS {
        if let Some(id) = docs.ids.get(def.reference) {
            for clause in def.clauses {
                by_clause.entry(clause).or_default().push(*id);
            }
        }
    }
    for clause in ["6.1.2", "8.2", "6.1.3", "7.2", "9.2", "9.3", "10.2"] {
        by_clause.entry(clause).or_default();
    }
    vault.write(story.stamp(story.prep(50)), |tx| {
        for (clause, document_ids) in by_clause {
            let records = records_note(story, clause);
            if document_ids.is_empty() && records.is_empty() {
                continue;
            }
            clauses::save(
                tx,
                ClauseEntry {
                    clause_id: clause.to_owned(),
                    title: String::new(),
                    document_ids,
                    records: records.to_owned(),
                },
                Action::Update,
            )?;
        }
        Ok(())
    })
}

fn write_objectives(vault: &mut Vault, story: &Story, staff: &Staff) -> Result<()> {
    let operating = story.reached(DemoPoint::Operating);
    let done = story.point == DemoPoint::Stage2Ready;
    let note = |n: i64, text: &str| ProgressNote {
        date: story.after_stage1(n),
        note: text.into(),
    };
    let list = [
        Objective {
            measure: "100 % of staff accounts use FIDO2 security keys".into(),
            owner_id: Some(staff.cto),
            due_date: Some(story.after_stage1(60)),
            status: match (done, operating) {
                (true, _) => ObjectiveStatus::Achieved,
                (_, true) => ObjectiveStatus::InProgress,
                _ => ObjectiveStatus::Planned,
            },
            progress_notes: match (done, operating) {
                (true, _) => vec![
                    note(20, "Keys issued to all staff; 9 of 12 accounts enforced."),
                    note(38, "All accounts enforced; push MFA switched off."),
                ],
                (_, true) => vec![note(
                    20,
                    "Keys issued to all staff; 9 of 12 accounts enforced.",
                )],
                _ => Vec::new(),
            },
            ..Objective::titled("Phishing-resistant sign-in everywhere")
        },
        Objective {
            measure: "A full restore of the warehouse completes in under 8 hours, tested quarterly"
                .into(),
            owner_id: Some(staff.platform),
            due_date: Some(story.after_stage1(90)),
            status: if operating {
                ObjectiveStatus::InProgress
            } else {
                ObjectiveStatus::Planned
            },
            progress_notes: if done {
                vec![note(58, "First restore test: 6 h 40 min.")]
            } else {
                Vec::new()
            },
            ..Objective::titled("Recover client data within a working day")
        },
        Objective {
            measure: "Awareness training within 30 days of joining and every 12 months; phishing \
                      simulation click rate below 5 %"
                .into(),
            owner_id: Some(staff.people_lead),
            due_date: Some(story.after_stage1(75)),
            status: if done {
                ObjectiveStatus::Achieved
            } else {
                ObjectiveStatus::Planned
            },
            progress_notes: if done {
                vec![note(70, "All staff trained; simulation click rate 3 %.")]
            } else {
                Vec::new()
            },
            ..Objective::titled("Every member of staff knows their security duties")
        },
    ];
    // Set at the preparation, then brought up to date on the day of the latest note.
    let mut saved = Vec::new();
    vault.write(story.stamp(story.prep(30)), |tx| {
        for objective in &list {
            let planned = Objective {
                status: ObjectiveStatus::Planned,
                progress_notes: Vec::new(),
                ..objective.clone()
            };
            saved.push(objectives::insert(tx, planned, Action::Create)?.id);
        }
        Ok(())
    })?;
    for (id, objective) in saved.into_iter().zip(list) {
        if objective.status == ObjectiveStatus::Planned && objective.progress_notes.is_empty() {
            continue;
        }
        let day = objective
            .progress_notes
            .iter()
            .map(|n| n.date)
            .max()
            .unwrap_or(story.stage1)
            .min(story.today);
        objectives::update(vault, story.stamp(day), Objective { id, ..objective })?;
    }
    Ok(())
}
