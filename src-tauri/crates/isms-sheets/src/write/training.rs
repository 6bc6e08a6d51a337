//! Training as the app shows it: a matrix of the people active on the day × the courses, each
//! course with the latest completion on or before the day and its status (Current, Expiring
//! within 30 days, Expired, Not done), and each person's awareness status (7.3). Beside it the
//! completions themselves (e-mail, course, completed on: the columns `isms import training`
//! reads) and the courses.

use chrono::NaiveDate;
use isms_core::training::{self, Completion, Course};
use isms_core::{Result, Vault, Vocabulary};

use super::sheet::{People, Sheet, Value};

pub const MATRIX: &str = "Training";
pub const COMPLETIONS: &str = "Completions";
pub const COURSES: &str = "Courses";

/// The status of a course whose latest completion is `latest`, on `as_of`.
fn course_status(course: &Course, latest: Option<NaiveDate>, as_of: NaiveDate) -> &'static str {
    let Some(done) = latest else {
        return "Not done";
    };
    match course.expires(done) {
        None => "Current",
        Some(until) if until <= as_of => "Expired",
        Some(until) if (until - as_of).num_days() <= 30 => "Expiring",
        Some(_) => "Current",
    }
}

pub(super) fn sheets(vault: &Vault, people: &People, as_of: NaiveDate) -> Result<Vec<Sheet>> {
    let conn = vault.reader();
    let mut courses = training::list_courses(conn)?;
    courses.sort_by(|a, b| {
        a.title
            .to_lowercase()
            .cmp(&b.title.to_lowercase())
            .then(a.id.cmp(&b.id))
    });
    let completions = training::list_completions(conn)?;
    Ok(vec![
        matrix(people, &courses, &completions, as_of),
        completions_sheet(people, &courses, &completions),
        courses_sheet(&courses),
    ])
}

fn matrix(people: &People, courses: &[Course], done: &[Completion], as_of: NaiveDate) -> Sheet {
    let mut headers = vec![
        "Name".to_owned(),
        "E-mail".to_owned(),
        "Department".to_owned(),
        "Awareness".to_owned(),
    ];
    for c in courses {
        headers.push(c.title.clone());
        headers.push(format!("{} status", c.title));
    }
    let mut sheet = Sheet {
        name: MATRIX.to_owned(),
        headers,
        rows: Vec::new(),
    };
    let mut active: Vec<_> = people.all().iter().filter(|p| p.is_active(as_of)).collect();
    active.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.id.cmp(&b.id))
    });
    for p in active {
        let status = training::awareness_status(p.id, courses, done, as_of);
        let mut row = vec![
            Value::text(&p.name),
            Value::text(&p.email),
            Value::text(&p.department),
            Value::text(status.label()),
        ];
        for c in courses {
            let latest = done
                .iter()
                .filter(|d| d.person_id == p.id && d.course_id == c.id && d.completed_on <= as_of)
                .map(|d| d.completed_on)
                .max();
            row.push(Value::date(latest));
            row.push(Value::text(course_status(c, latest, as_of)));
        }
        sheet.push(row);
    }
    sheet
}

fn completions_sheet(people: &People, courses: &[Course], done: &[Completion]) -> Sheet {
    let mut sheet = Sheet::new(COMPLETIONS, &["Name", "E-mail", "Course", "Completed on"]);
    let mut list: Vec<&Completion> = done.iter().collect();
    list.sort_by_key(|d| (d.completed_on, d.person_id, d.course_id, d.id));
    for d in list {
        let course = courses.iter().find(|c| c.id == d.course_id);
        sheet.push(vec![
            people.name(Some(d.person_id)),
            people.email(Some(d.person_id)),
            course.map_or(Value::Empty, |c| Value::text(&c.title)),
            Value::Date(d.completed_on),
        ]);
    }
    sheet
}

fn courses_sheet(courses: &[Course]) -> Sheet {
    let mut sheet = Sheet::new(COURSES, &["Course", "Kind", "Validity months"]);
    for c in courses {
        sheet.push(vec![
            Value::text(&c.title),
            Value::text(c.kind.label()),
            Value::number(c.validity_months),
        ]);
    }
    sheet
}
