//! People: everyone the vault knows, leavers included, by name, with the e-mail that
//! identifies them on re-import, their role, dates and whether they are active on the day.

use chrono::NaiveDate;

use super::sheet::{People, Sheet, Value};

pub const NAME: &str = "People";

pub(super) fn sheets(people: &People, as_of: NaiveDate) -> Vec<Sheet> {
    let mut list: Vec<_> = people.all().iter().collect();
    list.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.id.cmp(&b.id))
    });
    let mut sheet = Sheet::new(
        NAME,
        &[
            "Name",
            "E-mail",
            "Job title",
            "Department",
            "Start date",
            "End date",
            "Top management",
            "ISMS owner",
            "Active",
        ],
    );
    for p in list {
        sheet.push(vec![
            Value::text(&p.name),
            Value::text(&p.email),
            Value::text(&p.job_title),
            Value::text(&p.department),
            Value::date(p.start_date),
            Value::date(p.end_date),
            Value::yes_no(p.top_management),
            Value::yes_no(p.isms_owner),
            Value::yes_no(p.is_active(as_of)),
        ]);
    }
    vec![sheet]
}
