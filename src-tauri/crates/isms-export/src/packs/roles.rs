//! Roles and responsibilities (5.3) in the stage1 and stage2 packs: the ISMS owner and top
//! management, then who owns what — risks, applicable controls, documents, objectives and open
//! tracker items — for every active person, and for a leaver while they still own records
//! (which the S1-ROLES rule fails). Ownership is gathered in one pass per kind of record. The
//! ISMS roles and the evidence of competence follow ([`super::competence`]).

use std::collections::BTreeMap;

use isms_core::people::Person;
use isms_core::tracker::ItemStatus;

use super::documentation::documents;
use super::records::{Records, by_reference, date, list, or_dash};
use crate::model::{Block, Cell, Column, Fact, Section, Table, Tone};

/// The roles section, with the competence evidence of everyone in a role and its files.
pub(crate) fn roles(r: &Records) -> Section {
    let people = &r.facts.people;
    let titled = |p: &Person| {
        if p.job_title.is_empty() {
            p.name.clone()
        } else {
            format!("{}, {}", p.name, p.job_title)
        }
    };
    let owners: Vec<String> = people
        .iter()
        .filter(|p| p.isms_owner && p.is_active(r.as_of))
        .map(titled)
        .collect();
    let top: Vec<String> = people
        .iter()
        .filter(|p| p.top_management && p.is_active(r.as_of))
        .map(titled)
        .collect();
    let mut owns: BTreeMap<i64, [Vec<String>; 5]> = BTreeMap::new();
    let mut add = |owner: Option<i64>, kind: usize, what: &str| {
        if let Some(id) = owner {
            owns.entry(id).or_default()[kind].push(what.to_owned());
        }
    };
    let mut risks: Vec<_> = r.facts.risks.iter().collect();
    risks.sort_by(|a, b| by_reference(&a.reference, &b.reference));
    risks.iter().for_each(|x| add(x.owner_id, 0, &x.reference));
    let mut soa: Vec<_> = r.facts.soa.iter().collect();
    soa.sort_by(|a, b| by_reference(&a.control_id, &b.control_id));
    soa.iter()
        .filter(|e| e.applicable != Some(false))
        .for_each(|e| add(e.owner_id, 1, &e.control_id));
    documents(r)
        .iter()
        .for_each(|d| add(d.owner_id, 2, &d.reference));
    r.facts
        .objectives
        .iter()
        .for_each(|o| add(o.owner_id, 3, &o.title));
    let mut items: Vec<_> = r
        .facts
        .tracker
        .iter()
        .filter(|i| i.status != ItemStatus::Closed)
        .collect();
    items.sort_by(|a, b| by_reference(&a.reference, &b.reference));
    items.iter().for_each(|i| add(i.owner_id, 4, &i.reference));
    let labels = [
        "Risks",
        "Controls",
        "Documents",
        "Objectives",
        "Open tracker items",
    ];
    let mut shown: Vec<_> = people
        .iter()
        .filter(|p| p.is_active(r.as_of) || owns.contains_key(&p.id))
        .collect();
    shown.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    let rows = shown
        .iter()
        .map(|p| {
            let what = owns.get(&p.id).map_or_else(
                || "Nothing".to_owned(),
                |o| {
                    labels
                        .iter()
                        .zip(o.iter())
                        .filter(|(_, v)| !v.is_empty())
                        .map(|(l, v)| match v.len() {
                            n if n >= 5 => format!("{l} ({n}): {}.", v.join(", ")),
                            _ => format!("{l}: {}.", v.join(", ")),
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                },
            );
            let mut role = or_dash(&p.job_title);
            if p.isms_owner {
                role.push_str(" (ISMS owner)");
            }
            if p.top_management {
                role.push_str(" (top management)");
            }
            let name = match p.end_date {
                Some(end) if !p.is_active(r.as_of) => {
                    Cell::status(format!("{} (left {})", p.name, date(Some(end))), Tone::Bad)
                }
                _ => Cell::bold(&p.name),
            };
            vec![name, Cell::text(role), Cell::text(what)]
        })
        .collect();
    let mut blocks = vec![
            Block::Facts(vec![
                Fact::new("ISMS owner", list(&owners)),
                Fact::new("Top management", list(&top)),
            ]),
            Block::Heading("Who owns what".into()),
            Block::Note("Controls are the applicable ones of the Statement of Applicability; a leaver is listed while they still own records.".into()),
            Block::Table(Table {
                columns: vec![
                    Column::new("Person", 1.6),
                    Column::new("Role", 2.0),
                    Column::new("Owns", 4.6),
                ],
                rows,
            }),
        ];
    blocks.extend(super::competence::blocks(r));
    Section {
        title: "Roles and responsibilities".into(),
        blocks,
    }
}
