//! Roles and competence (5.3, 7.2) in the stage packs: the ISMS roles with their
//! responsibilities, the competence each requires and who holds it; then the competence
//! evidence of every person in a role, current or lapsed on the pack's day, each with its file
//! named by its path in the bundle and its SHA-256 ([`super::files`]), in the person's folder.

use isms_core::Vocabulary;

use super::records::{Records, date, list};
use crate::model::{Block, Cell, Column, Table, Tone};

/// The roles table and the competence evidence of everyone in a role, with its files.
pub(crate) fn blocks(r: &Records) -> Vec<Block> {
    let f = &r.facts;
    let holders = |role_id: i64| -> Vec<String> {
        let mut names: Vec<String> = f
            .assignments
            .iter()
            .filter(|a| a.role_id == role_id)
            .filter_map(|a| r.person(a.person_id))
            .filter(|p| p.is_active(r.as_of))
            .map(|p| p.name.clone())
            .collect();
        names.sort();
        names
    };
    let mut blocks = vec![Block::Heading("ISMS roles (5.3)".into())];
    if f.roles.is_empty() {
        blocks.push(Block::Note("No ISMS role is defined.".into()));
    } else {
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Role", 1.3),
                Column::new("Responsibilities", 3.2).clipped(6),
                Column::new("Competence required (7.2)", 2.4).clipped(5),
                Column::new("Held by", 1.6),
            ],
            rows: f
                .roles
                .iter()
                .map(|role| {
                    let held = holders(role.id);
                    vec![
                        Cell::bold(&role.name),
                        if role.responsibilities.trim().is_empty() {
                            Cell::status("Not written", Tone::Bad)
                        } else {
                            Cell::text(role.responsibilities.trim())
                        },
                        Cell::text(if role.requires_competence() {
                            role.competence.trim().to_owned()
                        } else {
                            "None specified".to_owned()
                        }),
                        if held.is_empty() {
                            Cell::status("Nobody", Tone::Warning)
                        } else {
                            Cell::text(list(&held))
                        },
                    ]
                })
                .collect(),
        }));
    }
    blocks.push(Block::Heading("Evidence of competence (7.2 d)".into()));
    let mut people: Vec<_> = f
        .people
        .iter()
        .filter(|p| p.is_active(r.as_of) && f.assignments.iter().any(|a| a.person_id == p.id))
        .collect();
    people.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    let mut rows = Vec::new();
    for p in &people {
        let roles: Vec<String> = f
            .roles
            .iter()
            .filter(|role| {
                f.assignments
                    .iter()
                    .any(|a| a.role_id == role.id && a.person_id == p.id)
            })
            .map(|role| role.name.clone())
            .collect();
        let mut evidence: Vec<_> = f
            .competence
            .iter()
            .filter(|e| e.person_id == p.id)
            .collect();
        evidence.sort_by_key(|e| (e.obtained_on, e.id));
        if evidence.is_empty() {
            rows.push(vec![
                Cell::bold(&p.name),
                Cell::text(list(&roles)),
                Cell::status("No evidence recorded", Tone::Bad),
                Cell::text("\u{2014}"),
                Cell::text("\u{2014}"),
                Cell::text("\u{2014}"),
                Cell::text("\u{2014}"),
            ]);
            continue;
        }
        for (n, e) in evidence.iter().enumerate() {
            let status = if e.current_on(r.as_of) {
                Cell::status("Current", Tone::Good)
            } else if e.lapsed(r.as_of) {
                Cell::status("Lapsed", Tone::Bad)
            } else {
                Cell::status("Not yet", Tone::Neutral)
            };
            rows.push(vec![
                if n == 0 {
                    Cell::bold(&p.name)
                } else {
                    Cell::text("")
                },
                Cell::text(if n == 0 { list(&roles) } else { String::new() }),
                Cell::text(if e.note.trim().is_empty() {
                    format!("{}: {}", e.kind.label(), e.title)
                } else {
                    format!("{}: {} ({})", e.kind.label(), e.title, e.note.trim())
                }),
                Cell::text(date(Some(e.obtained_on))),
                Cell::text(date(e.expires_on)),
                status,
                Cell::text(r.files_cell(&p.name, e.evidence_id, "No file")),
            ]);
        }
    }
    if rows.is_empty() {
        blocks.push(Block::Note("Nobody holds an ISMS role yet.".into()));
        return blocks;
    }
    blocks.push(Block::Note(format!(
        "Everyone active in an ISMS role on {}, with the evidence of their competence; \u{201c}Current\u{201d} means obtained by then and not expired.",
        super::records::long_date(r.as_of)
    )));
    let columns = vec![
        Column::new("Person", 1.1),
        Column::new("Roles", 1.1),
        Column::new("Evidence", 2.2),
        Column::new("Obtained", 0.85),
        Column::new("Expires", 0.85),
        Column::new("Status", 0.75),
        Column::new("File in the bundle", 2.7),
    ];
    blocks.push(Block::Table(Table { columns, rows }));
    blocks
}
