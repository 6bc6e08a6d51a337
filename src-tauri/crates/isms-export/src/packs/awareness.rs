//! Competence and awareness (7.2, 7.3, 7.4) in the stage2 pack: the training matrix (active
//! people × courses, each cell the latest completion by the evaluation date and whether it is
//! still valid, plus the awareness status the S2-TRAINING rule judges), and the acknowledgement
//! matrix of every document that must be communicated: for the version in force, who in its
//! audience acknowledged it, when, how and on which file, and who has not. Every completion the
//! matrix shows is listed again with the file it rests on, by its path in the bundle. Completions and acknowledgements
//! are indexed once, so 500 people stay quick.

use std::collections::HashMap;

use chrono::NaiveDate;
use isms_core::Vocabulary;
use isms_core::acknowledgements::AckMethod;
use isms_core::training::{self, AwarenessStatus, Completion, Course, CourseKind};

use super::records::{DASH, Records, by_reference, date, in_force, list, or_dash};
use crate::model::{Block, Cell, Column, Section, Table, Tone};

/// Courses per table, so the matrix fits the page width.
const COURSES_PER_TABLE: usize = 4;

fn course_cell(course: &Course, latest: Option<NaiveDate>, as_of: NaiveDate) -> Cell {
    let Some(done) = latest else {
        return if course.kind == CourseKind::Awareness {
            Cell::status("Not done", Tone::Bad)
        } else {
            Cell::text(DASH)
        };
    };
    let shown = date(Some(done));
    match course.expires(done) {
        Some(until) if until <= as_of => Cell::status(format!("{shown} expired"), Tone::Bad),
        Some(until) if (until - as_of).num_days() <= 30 => {
            Cell::status(format!("{shown} expiring"), Tone::Warning)
        }
        _ => Cell::status(shown, Tone::Good),
    }
}

fn awareness(s: AwarenessStatus) -> Cell {
    let tone = match s {
        AwarenessStatus::Current => Tone::Good,
        AwarenessStatus::Expiring => Tone::Warning,
        AwarenessStatus::Expired | AwarenessStatus::Never => Tone::Bad,
    };
    Cell::status(s.label(), tone)
}

pub(crate) fn training(r: &Records) -> Section {
    let people = r.active_people();
    let mut courses: Vec<&Course> = r.facts.courses.iter().collect();
    courses.sort_by_key(|c| (c.kind != CourseKind::Awareness, c.title.clone(), c.id));
    let mut latest: HashMap<(i64, i64), &Completion> = HashMap::new();
    for c in r
        .facts
        .completions
        .iter()
        .filter(|c| c.completed_on <= r.as_of)
    {
        let kept = latest.entry((c.person_id, c.course_id)).or_insert(c);
        if (c.completed_on, c.id) > (kept.completed_on, kept.id) {
            *kept = c;
        }
    }
    let mut blocks = vec![Block::Note(
        "The latest completion of each course by the evaluation date; a date marked expired is past the course's validity. Awareness is the status of security awareness training that rule S2-TRAINING checks.".into(),
    )];
    if courses.is_empty() || people.is_empty() {
        blocks.push(Block::Note(
            "No course or no active person is recorded.".into(),
        ));
    }
    let chunks: Vec<&[&Course]> = courses.chunks(COURSES_PER_TABLE).collect();
    for (n, chunk) in chunks.iter().enumerate() {
        if chunks.len() > 1 {
            blocks.push(Block::Heading(format!(
                "Courses {} to {} of {}",
                n * COURSES_PER_TABLE + 1,
                n * COURSES_PER_TABLE + chunk.len(),
                courses.len()
            )));
        }
        let mut columns = vec![Column::new("Person", 1.8), Column::new("Department", 1.3)];
        columns.extend(chunk.iter().map(|c| Column::new(&c.title, 1.5)));
        columns.push(Column::new("Awareness", 1.0));
        let rows = people
            .iter()
            .map(|p| {
                let mut row = vec![Cell::bold(&p.name), Cell::text(or_dash(&p.department))];
                row.extend(chunk.iter().map(|c| {
                    let done = latest.get(&(p.id, c.id)).map(|d| d.completed_on);
                    course_cell(c, done, r.as_of)
                }));
                row.push(awareness(training::awareness_status(
                    p.id,
                    &r.facts.courses,
                    &r.facts.completions,
                    r.as_of,
                )));
                row
            })
            .collect();
        blocks.push(Block::Table(Table { columns, rows }));
    }
    let evidence: Vec<Vec<Cell>> = people
        .iter()
        .flat_map(|p| courses.iter().map(move |c| (p, c)))
        .filter_map(|(p, c)| latest.get(&(p.id, c.id)).map(|done| (p, c, done)))
        .map(|(p, c, done)| {
            vec![
                Cell::bold(&p.name),
                Cell::text(&c.title),
                Cell::text(date(Some(done.completed_on))),
                Cell::text(r.files_cell(&p.name, done.evidence_id, "No file")),
            ]
        })
        .collect();
    if !evidence.is_empty() {
        blocks.push(Block::Heading("Evidence of the completions".into()));
        blocks.push(Block::Note("The completion each cell above shows, and the file it rests on (a certificate, an attendance record) by its path in the pack's bundle and the start of its SHA-256.".into()));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Person", 1.8),
                Column::new("Course", 2.2),
                Column::new("Completed", 1.0),
                Column::new("File in the bundle", 4.0),
            ],
            rows: evidence,
        }));
    }
    Section {
        title: "Training and awareness".into(),
        blocks,
    }
}

pub(crate) fn acknowledgements(r: &Records) -> Section {
    let mut docs: Vec<_> = r.facts.documents.iter().filter(|d| d.communicate).collect();
    docs.sort_by(|a, b| by_reference(&a.reference, &b.reference).then(a.id.cmp(&b.id)));
    let mut acks: HashMap<(i64, i64), (NaiveDate, AckMethod, Option<i64>)> = HashMap::new();
    for a in r
        .facts
        .acknowledgements
        .iter()
        .filter(|a| a.acknowledged_on <= r.as_of)
    {
        let first = acks.entry((a.version_id, a.person_id)).or_insert((
            a.acknowledged_on,
            a.method,
            a.evidence_id,
        ));
        if a.acknowledged_on < first.0 {
            *first = (a.acknowledged_on, a.method, a.evidence_id);
        }
    }
    let people = r.active_people();
    let mut blocks = vec![Block::Note(
        "Each document that must be communicated to staff, the version in force on the evaluation date, and for every active person in its audience whether they acknowledged that version.".into(),
    )];
    if docs.is_empty() {
        blocks.push(Block::Note(
            "No document is marked to be communicated.".into(),
        ));
    }
    for d in docs {
        let Some(v) = in_force(d, r.as_of) else {
            blocks.push(Block::Heading(format!("{} {}", d.reference, d.title)));
            blocks.push(Block::Note("No version is approved yet.".into()));
            continue;
        };
        blocks.push(Block::Heading(format!(
            "{} {}, version {}",
            d.reference, d.title, v.number
        )));
        let audience: Vec<_> = people
            .iter()
            .filter(|p| {
                d.audience.is_empty()
                    || d.audience
                        .iter()
                        .any(|a| a.eq_ignore_ascii_case(&p.department))
            })
            .collect();
        let missing: Vec<String> = audience
            .iter()
            .filter(|p| !acks.contains_key(&(v.id, p.id)))
            .map(|p| p.name.clone())
            .collect();
        let who = if d.audience.is_empty() {
            "all staff".to_owned()
        } else {
            d.audience.join(", ")
        };
        blocks.push(Block::Paragraph(format!(
            "Approved on {}. Audience: {who}. Acknowledged by {} of {}{}",
            date(v.approved_on),
            audience.len() - missing.len(),
            audience.len(),
            if missing.is_empty() {
                ".".to_owned()
            } else {
                format!("; not yet by {}.", list(&missing))
            }
        )));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Person", 1.6),
                Column::new("Department", 1.2),
                Column::new("Acknowledged", 1.4),
                Column::new("Method", 0.9),
                Column::new("File in the bundle", 3.6),
            ],
            rows: audience
                .iter()
                .map(|p| {
                    let (on, how, file) = match acks.get(&(v.id, p.id)) {
                        Some((on, m, file)) => (
                            Cell::status(date(Some(*on)), Tone::Good),
                            Cell::text(m.label()),
                            Cell::text(r.files_cell(&d.reference, *file, "No file")),
                        ),
                        None => (
                            Cell::status("Not acknowledged", Tone::Bad),
                            Cell::text(DASH),
                            Cell::text(DASH),
                        ),
                    };
                    vec![
                        Cell::bold(&p.name),
                        Cell::text(or_dash(&p.department)),
                        on,
                        how,
                        file,
                    ]
                })
                .collect(),
        }));
    }
    Section {
        title: "Acknowledgements of policies".into(),
        blocks,
    }
}
