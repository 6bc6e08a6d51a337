//! People: validation, unique e-mail addresses, active status, and deletion guarded by
//! ownership.

use chrono::NaiveDate;
use isms_core::assets::{self, Asset};
use isms_core::people::{self, Person};
use isms_core::{ErrorCode, history};

use crate::support::{Scratch, stamp};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn create_update_and_list_people_with_history() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let mut anna = people::create(
        &mut vault,
        stamp(1),
        Person::new(" Anna Łukasik ", "anna@acme.example"),
    )
    .unwrap();
    assert_eq!(anna.name, "Anna Łukasik", "trimmed");
    assert!(anna.id > 0, "the vault assigns the id");
    people::create(
        &mut vault,
        stamp(2),
        Person::new("Bjørn Ås", "bjorn@acme.example"),
    )
    .unwrap();
    anna.job_title = "ISMS Manager".into();
    anna.isms_owner = true;
    people::update(&mut vault, stamp(3), anna.clone()).unwrap();
    let listed = people::list(vault.reader()).unwrap();
    let names: Vec<&str> = listed.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Anna Łukasik", "Bjørn Ås"], "sorted by name");
    assert_eq!(people::get(vault.reader(), anna.id).unwrap(), anna);
    let trail = history::list(vault.reader(), Some("people"), 10).unwrap();
    assert_eq!(trail.len(), 3, "two creations and one update");
    assert_eq!(
        trail[0].after.as_ref().unwrap()["job_title"],
        "ISMS Manager"
    );
    assert_eq!(
        trail[2].after.as_ref().unwrap()["id"],
        anna.id,
        "history carries the new id"
    );
}

#[test]
fn e_mail_addresses_are_unique_regardless_of_case() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    people::create(
        &mut vault,
        stamp(1),
        Person::new("Anna", "anna@acme.example"),
    )
    .unwrap();
    let err = people::create(
        &mut vault,
        stamp(2),
        Person::new("Other", "ANNA@Acme.Example"),
    )
    .unwrap_err();
    assert_eq!(
        (err.code, err.fields[0].field.as_str()),
        (ErrorCode::Validation, "email")
    );
    assert!(
        err.fields[0].message.contains("Anna"),
        "{}",
        err.fields[0].message
    );
}

#[test]
fn validation_reports_every_field() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let mut p = Person::new("", "not-an-address");
    p.start_date = Some(day("2026-05-01"));
    p.end_date = Some(day("2026-04-01"));
    let err = people::create(&mut vault, stamp(1), p).unwrap_err();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["name", "email", "end_date"]);
    assert!(people::list(vault.reader()).unwrap().is_empty());
}

#[test]
fn active_means_no_end_date_or_one_in_the_future() {
    let mut p = Person::new("Anna", "anna@acme.example");
    assert!(p.is_active(day("2026-06-01")));
    p.end_date = Some(day("2026-06-30"));
    assert!(p.is_active(day("2026-06-29")));
    assert!(!p.is_active(day("2026-06-30")), "gone on their end date");
}

#[test]
fn a_person_who_owns_records_cannot_be_deleted() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let anna = people::create(
        &mut vault,
        stamp(1),
        Person::new("Anna", "anna@acme.example"),
    )
    .unwrap();
    let mut laptop = Asset::named("Anna's laptop");
    laptop.owner_id = Some(anna.id);
    let laptop = assets::create(&mut vault, stamp(2), laptop).unwrap();
    let err = people::delete(&mut vault, stamp(3), anna.id).unwrap_err();
    assert_eq!(err.code, ErrorCode::Referenced);
    assert!(
        err.message.contains("1 asset") && err.message.contains("end date"),
        "{}",
        err.message
    );
    assets::delete(&mut vault, stamp(4), laptop.id).unwrap();
    people::delete(&mut vault, stamp(5), anna.id).unwrap();
    assert_eq!(
        people::get(vault.reader(), anna.id).unwrap_err().code,
        ErrorCode::NotFound
    );
    let deleted = &history::list(vault.reader(), Some("people"), 1).unwrap()[0];
    assert_eq!(
        (
            deleted.action.as_str(),
            deleted.before.as_ref().unwrap()["name"].as_str()
        ),
        ("delete", Some("Anna"))
    );
}
