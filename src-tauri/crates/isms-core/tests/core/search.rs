//! Full-text search across records, on a real vault: every word must appear somewhere in one
//! record, case and accents ignored; title matches rank first; excerpts come from the field that
//! matched; the total counts past the limit.

use isms_core::assets::{self, Asset};
use isms_core::people::{self, Person};
use isms_core::readiness::RecordKind;
use isms_core::risks::{self, ActionStatus, Risk, RiskAction, RiskMethod};
use isms_core::search::search;

use crate::support::{Scratch, stamp};

fn vault_with_records(s: &Scratch) -> isms_core::Vault {
    let mut vault = s.vault("search.isms");
    risks::set_method(&mut vault, stamp(1), RiskMethod::default()).unwrap();
    let owner = people::create(
        &mut vault,
        stamp(2),
        Person::new("Łukasz Wąsowski", "lukasz@example.com"),
    )
    .unwrap();
    let mut laptop = Risk::titled("Customer data on a lost laptop");
    laptop.description =
        "Sales staff travel with customer lists; a stolen laptop without disk encryption exposes them.".into();
    laptop.actions = vec![RiskAction {
        id: 0,
        title: "Roll out full-disk encryption".into(),
        owner_id: Some(owner.id),
        due_date: Some("2026-05-31".parse().unwrap()),
        status: ActionStatus::Planned,
        done_date: None,
        controls: vec!["8.24".into()],
    }];
    risks::create(&mut vault, stamp(3), laptop).unwrap();
    let mut phishing = Risk::titled("Phishing of finance staff");
    phishing.threat = "Invoice fraud by e-mail, résumé attachments".into();
    risks::create(&mut vault, stamp(4), phishing).unwrap();
    let mut crm = Asset::named("CRM (customer records)");
    crm.description = "Hosted; holds every customer's contact details".into();
    assets::create(&mut vault, stamp(5), crm).unwrap();
    vault
}

#[test]
fn finds_records_by_any_words_of_their_text_ignoring_case_and_accents() {
    let s = Scratch::new();
    let vault = vault_with_records(&s);
    let found = search(vault.reader(), "LUKASZ", 20).unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.hits[0].record.kind, RecordKind::Person);
    assert_eq!(found.hits[0].record.title, "Łukasz Wąsowski");

    let found = search(vault.reader(), "resume invoice", 20).unwrap();
    assert_eq!(found.total, 1, "both words, in one field or two");
    assert_eq!(found.hits[0].record.title, "Phishing of finance staff");
    assert!(
        found.hits[0].excerpt.contains("résumé"),
        "{:?}",
        found.hits[0]
    );

    let found = search(vault.reader(), "encryption", 20).unwrap();
    assert_eq!(
        found.total, 1,
        "the description and the risk's action both say it"
    );
    assert_eq!(found.hits[0].record.reference, "R-001");

    let found = search(vault.reader(), "malware protection", 20).unwrap();
    assert_eq!(
        (
            found.hits[0].record.kind,
            found.hits[0].record.reference.as_str(),
            found.hits[0].record.title.as_str()
        ),
        (RecordKind::Control, "8.7", "Protection against malware"),
        "SoA entries are found by their control's title"
    );

    assert_eq!(
        search(vault.reader(), "laptop ransomware", 20)
            .unwrap()
            .total,
        0
    );
    assert_eq!(search(vault.reader(), "   ", 20).unwrap().total, 0);
}

#[test]
fn ranks_title_matches_first_and_counts_past_the_limit() {
    let s = Scratch::new();
    let vault = vault_with_records(&s);
    let found = search(vault.reader(), "customer", 20).unwrap();
    let order: Vec<(RecordKind, &str)> = found
        .hits
        .iter()
        .map(|h| (h.record.kind, h.record.title.as_str()))
        .collect();
    assert_eq!(
        order,
        vec![
            (RecordKind::Risk, "Customer data on a lost laptop"),
            (RecordKind::Asset, "CRM (customer records)"),
        ],
        "both say it in the title; the phishing risk does not say it at all"
    );
    assert!(found.hits.iter().all(|h| h.excerpt.is_empty()));

    let found = search(vault.reader(), "staff", 1).unwrap();
    assert_eq!(found.total, 2);
    assert_eq!(found.hits.len(), 1);
    assert_eq!(
        found.hits[0].record.title, "Phishing of finance staff",
        "a title match ranks above a description match"
    );
}

#[test]
fn cuts_excerpts_at_character_bounds_around_the_match() {
    let s = Scratch::new();
    let mut vault = s.vault("excerpt.isms");
    let mut asset = Asset::named("Archive");
    asset.description = format!("{} needle {}", "żółw ".repeat(40), "ćma ".repeat(40));
    assets::create(&mut vault, stamp(1), asset).unwrap();
    let hit = &search(vault.reader(), "NEEDLE", 5).unwrap().hits[0];
    assert!(
        hit.excerpt.starts_with('…') && hit.excerpt.ends_with('…'),
        "{}",
        hit.excerpt
    );
    assert!(hit.excerpt.contains("needle"));
    assert!(
        hit.excerpt.chars().count() <= 122,
        "{}",
        hit.excerpt.chars().count()
    );
}

#[test]
fn finds_isms_roles_and_measures_as_their_own_records() {
    let s = Scratch::new();
    let mut vault = vault_with_records(&s);
    let measure = isms_core::measures::create(
        &mut vault,
        stamp(6),
        isms_core::measures::Measure {
            monitored: "Clicks on simulated phishing e-mails".into(),
            ..isms_core::measures::Measure::new(
                "Phishing click rate",
                isms_core::measures::Frequency::Monthly,
                isms_core::measures::Source::Manual,
            )
        },
    )
    .unwrap();
    let found = search(vault.reader(), "simulated phishing", 20).unwrap();
    let hit = found
        .hits
        .iter()
        .find(|h| h.record.kind == RecordKind::Measure)
        .expect("the measure is found by what it monitors");
    assert_eq!(hit.record.reference, measure.reference);
    assert_eq!(hit.record.id, Some(measure.id));
    let found = search(vault.reader(), "impartially", 20).unwrap();
    let roles: Vec<&str> = found
        .hits
        .iter()
        .filter(|h| h.record.kind == RecordKind::Role)
        .map(|h| h.record.title.as_str())
        .collect();
    assert_eq!(roles, ["Internal auditor"], "by its responsibilities");
}
