//! The one coverage of clauses 4–10 in the packs, and packs as of a past day: a pack whose
//! stage is "Ready" never shows a clause "Not addressed"; the stage1 and stage2 packs of the
//! same vault on the same day give every clause the same status; the Stage 2 pack of a company
//! ready for it names a home for each of the 16 items of mandatory documented information, in
//! the PDF's own text; and a pack as of a day before an audit's completion shows it not done.

use chrono::Days;
use isms_core::audits::{self, AuditStatus};
use isms_core::demo::DemoPoint;
use isms_core::readiness::Stage;
use isms_core::reference;
use isms_export::model::Pack;
use isms_export::packs::{self, PackKind};

use super::content::*;
use crate::common::*;

const POINTS: [DemoPoint; 5] = [
    DemoPoint::Empty,
    DemoPoint::Stage1Gaps,
    DemoPoint::Stage1Ready,
    DemoPoint::Operating,
    DemoPoint::Stage2Ready,
];

/// Each clause's id and the status its row shows.
fn statuses(pack: &Pack) -> Vec<(String, String)> {
    rows(section(pack, "Clause checklist"), "Clause")
        .iter()
        .map(|r| (r[0].text.clone(), r[2].text.clone()))
        .collect()
}

#[test]
fn a_ready_pack_never_shows_a_clause_not_addressed_and_both_packs_agree() {
    let dir = tempfile::tempdir().unwrap();
    for point in POINTS {
        let v = demo_vault(&dir, point);
        let one = build(&v, PackKind::Stage1);
        let two = build(&v, PackKind::Stage2);
        assert_eq!(
            statuses(&one),
            statuses(&two),
            "{point:?}: one coverage for both packs"
        );
        assert_eq!(statuses(&one).len(), reference::clauses().len());
        let ready1 = cover(&one, "Stage 1 readiness").starts_with("Ready");
        let ready2 = cover(&two, "Stage 2 readiness").starts_with("Ready");
        for (id, status) in statuses(&one) {
            let documentation = !(id.starts_with('9') || id.starts_with("10"));
            if ready1 && documentation {
                assert_eq!(
                    status, "Addressed",
                    "{point:?}: {id} in a Stage 1 ready pack"
                );
            }
            if ready1 {
                assert_ne!(status, "Not addressed", "{point:?}: {id}");
            }
            if ready2 {
                assert_eq!(
                    status, "Addressed",
                    "{point:?}: {id} in a Stage 2 ready pack"
                );
            }
        }
    }
}

#[test]
fn the_stage2_pack_of_a_ready_company_names_a_home_for_every_mandatory_item() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Stage2Ready);
    let (pack, text) = rendered(dir.path(), &v, PackKind::Stage2);
    assert!(cover(&pack, "Stage 2 readiness").starts_with("Ready"));
    let items = rows(section(&pack, "Policies and documents"), "Clause");
    assert_eq!(items.len(), 16, "the 16 items of the reference list");
    for m in reference::mandatory_items() {
        let row = items
            .iter()
            .find(|r| r[0].text == m.clause)
            .unwrap_or_else(|| panic!("{} has a row", m.clause));
        assert_ne!(row[3].text, "Not covered", "{} {}", m.clause, m.item);
        assert!(text.contains(&flat(&m.item)), "{} printed", m.item);
    }
    assert!(!text.contains("Not covered"), "no item without a home");
    assert!(!text.contains("Not addressed"), "no clause without a home");
}

#[test]
fn a_pack_as_of_a_day_before_an_audit_was_completed_shows_it_not_done() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Stage2Ready);
    let last = audits::list(v.reader())
        .unwrap()
        .into_iter()
        .filter(|a| a.status == AuditStatus::Completed)
        .max_by_key(|a| a.completed_on)
        .unwrap();
    let done = last.completed_on.unwrap();
    let row = |on| {
        let pack = packs::build(&v, PackKind::Stage2, Stage::Two, on).unwrap();
        rows(section(&pack, "Internal audit programme"), "Month")
            .iter()
            .find(|r| r[1].text == last.reference)
            .map(|r| r.iter().map(|c| c.text.clone()).collect::<Vec<_>>())
            .unwrap()
    };
    let before = row(done.checked_sub_days(Days::new(1)).unwrap());
    assert!(
        !before.iter().any(|c| c == "Completed"),
        "{} is not completed the day before: {before:?}",
        last.reference
    );
    let on = row(done);
    assert!(on.iter().any(|c| c == "Completed"), "{on:?}");
}

#[test]
fn a_pack_as_of_a_day_shows_actions_and_versions_as_they_stood_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let v = demo_vault(&dir, DemoPoint::Stage2Ready);
    // The last treatment action done: open the day before, done on its day.
    let (risk, action) = isms_core::risks::list(v.reader())
        .unwrap()
        .into_iter()
        .flat_map(|r| {
            let reference = r.reference.clone();
            r.actions.into_iter().map(move |a| (reference.clone(), a))
        })
        .filter(|(_, a)| a.done_date.is_some())
        .max_by_key(|(_, a)| a.done_date)
        .unwrap();
    let done = action.done_date.unwrap();
    let status = |on| {
        let pack = packs::build(&v, PackKind::Stage2, Stage::Two, on).unwrap();
        rows(section(&pack, "Risk treatment plan"), "Risk")
            .iter()
            .find(|r| r[0].text == risk && r[1].text == action.title)
            .map(|r| (r[4].text.clone(), r[5].text.clone()))
            .unwrap()
    };
    let before = status(done.checked_sub_days(Days::new(1)).unwrap());
    assert_ne!(before.0, "Done", "{risk}: {} not yet done", action.title);
    assert_eq!(before.1, "\u{2014}", "no done date yet");
    assert_eq!(status(done).0, "Done");
    // A document version approved later is absent: the register shows no version in force.
    let doc = isms_core::documents::list(v.reader())
        .unwrap()
        .into_iter()
        .filter(|d| {
            d.versions
                .iter()
                .filter(|x| x.approved_on.is_some())
                .count()
                == 1
        })
        .max_by_key(|d| d.current().and_then(|c| c.approved_on))
        .unwrap();
    let approved = doc.current().and_then(|c| c.approved_on).unwrap();
    let version = |on| {
        let pack = packs::build(&v, PackKind::Stage2, Stage::Two, on).unwrap();
        rows(section(&pack, "Policies and documents"), "Ref")
            .iter()
            .find(|r| r[0].text == doc.reference)
            .map(|r| r[3].text.clone())
            .unwrap()
    };
    assert_eq!(
        version(approved.checked_sub_days(Days::new(1)).unwrap()),
        "Draft only",
        "{} was approved on {approved}",
        doc.reference
    );
    assert_eq!(version(approved), doc.current().unwrap().number);
}
