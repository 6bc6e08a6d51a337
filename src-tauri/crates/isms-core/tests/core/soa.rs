//! The Statement of Applicability: exactly the 93 controls of the reference list, excluded
//! controls justified, totals that match the rows, and approved versions that never change.

use std::path::PathBuf;

use isms_core::people::{self, Person};
use isms_core::soa::{self, ImplementationStatus, SoaEntry};
use isms_core::{ErrorCode, Passphrase, Vault, history, reference};

use crate::support::{PASS, Scratch, stamp};

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// (id, title) of every row of the repository's copy of the Annex A reference CSV.
fn reference_csv() -> Vec<(String, String)> {
    let mut reader =
        csv::Reader::from_path(manifest().join("reference/iso27001-2022-annex-a.csv")).unwrap();
    reader
        .records()
        .map(|r| r.unwrap())
        .map(|r| (r[0].to_owned(), r[1].to_owned()))
        .collect()
}

#[test]
fn a_new_vault_holds_one_entry_per_annex_a_control() {
    let s = Scratch::new();
    let vault = s.vault("acme.isms");
    let entries = soa::list(vault.reader()).unwrap();
    let ids_titles: Vec<(String, String)> = entries
        .iter()
        .map(|e| (e.control_id.clone(), e.title.clone()))
        .collect();
    assert_eq!(
        ids_titles.len(),
        93,
        "ISO/IEC 27001:2022 Annex A has 93 controls"
    );
    assert_eq!(
        ids_titles,
        reference_csv(),
        "ids and titles equal the reference CSV, in its order"
    );
    assert!(
        entries
            .iter()
            .all(|e| e.applicable.is_none() && e.status.is_none()),
        "all undecided"
    );
    assert!(
        history::is_fresh(vault.reader()).unwrap(),
        "seeding does not count as a user's edit"
    );
}

#[test]
fn the_embedded_reference_list_is_the_shared_one() {
    // CI and developers have the shared reference data beside the repository.
    let shared = manifest().join("../../../../shared/reference");
    for name in [
        "iso27001-2022-annex-a.csv",
        "iso27001-2022-clauses.csv",
        "mandatory-documented-information.csv",
        "management-review-inputs.csv",
    ] {
        let ours = std::fs::read(manifest().join("reference").join(name)).unwrap();
        if let Ok(theirs) = std::fs::read(shared.join(name)) {
            assert_eq!(ours, theirs, "{name} was copied, not retyped");
        }
    }
    assert_eq!(reference::controls().len(), 93);
    assert_eq!(reference::review_inputs().len(), 10);
    assert!(reference::clauses().iter().any(|c| c.id == "9.2.2"));
}

#[test]
fn excluding_a_control_needs_a_justification() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let mut entry = soa::get(vault.reader(), "7.4").unwrap();
    entry.applicable = Some(false);
    let err = soa::update(&mut vault, stamp(1), entry.clone()).unwrap_err();
    assert_eq!(
        (err.code, err.fields[0].field.as_str()),
        (ErrorCode::Validation, "justification")
    );
    entry.justification =
        "No premises of our own: we work from a shared office whose landlord monitors it.".into();
    entry.status = Some(ImplementationStatus::NotStarted);
    let saved = soa::update(&mut vault, stamp(2), entry).unwrap();
    assert_eq!(
        saved.title, "Physical security monitoring",
        "the title comes from the reference list"
    );
    assert_eq!(soa::get(vault.reader(), "7.4").unwrap(), saved);
    assert!(!history::is_fresh(vault.reader()).unwrap());
}

#[test]
fn an_unknown_control_or_owner_is_refused() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    assert_eq!(
        soa::update(&mut vault, stamp(1), SoaEntry::undecided("A.99"))
            .unwrap_err()
            .code,
        ErrorCode::NotFound
    );
    let mut entry = soa::get(vault.reader(), "5.1").unwrap();
    entry.owner_id = Some(999);
    let err = soa::update(&mut vault, stamp(1), entry).unwrap_err();
    assert_eq!(err.fields[0].field, "owner_id");
}

#[test]
fn bulk_updates_are_all_or_nothing_and_name_the_control_at_fault() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let mut good = soa::get(vault.reader(), "5.1").unwrap();
    good.applicable = Some(true);
    good.reasons.risk_assessment = true;
    let mut bad = soa::get(vault.reader(), "8.1").unwrap();
    bad.applicable = Some(false);
    let err = soa::update_many(&mut vault, stamp(1), vec![good.clone(), bad]).unwrap_err();
    assert_eq!(err.fields[0].field, "8.1.justification");
    assert_eq!(
        soa::get(vault.reader(), "5.1").unwrap().applicable,
        None,
        "nothing was saved"
    );
    soa::update_many(&mut vault, stamp(2), vec![good]).unwrap();
    assert_eq!(
        soa::get(vault.reader(), "5.1").unwrap().applicable,
        Some(true)
    );
}

#[test]
fn totals_always_add_up_to_the_rows() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let mut changes = Vec::new();
    for (i, mut e) in soa::list(vault.reader())
        .unwrap()
        .into_iter()
        .enumerate()
        .take(30)
    {
        e.applicable = Some(i % 3 != 0);
        e.reasons.business = i % 2 == 0;
        e.justification = if i % 6 == 0 {
            String::new()
        } else {
            "Justified.".into()
        };
        e.status = [
            None,
            Some(ImplementationStatus::Implemented),
            Some(ImplementationStatus::InProgress),
        ][(i / 3 + i) % 3];
        if e.applicable == Some(false) && e.justification.is_empty() {
            e.justification = "Not relevant to a software company.".into();
        }
        changes.push(e);
    }
    soa::update_many(&mut vault, stamp(1), changes).unwrap();
    let entries = soa::list(vault.reader()).unwrap();
    let t = soa::totals(&entries);
    assert_eq!(t.controls, 93);
    assert_eq!(t.applicable + t.excluded + t.undecided, t.controls);
    assert_eq!(
        t.implemented + t.in_progress + t.not_started + t.without_status + t.not_applicable,
        t.controls
    );
    // An excluded control is "Not applicable" whatever status it was given: never counted as
    // implemented, in progress or not started.
    assert_eq!(t.not_applicable, t.excluded);
    assert!(
        entries
            .iter()
            .any(|e| e.applicable == Some(false) && e.status.is_some()),
        "the fixture gives some excluded control a status"
    );
    let counted = |s: ImplementationStatus| {
        entries
            .iter()
            .filter(|e| e.applicable != Some(false) && e.status == Some(s))
            .count() as u32
    };
    assert_eq!(t.implemented, counted(ImplementationStatus::Implemented));
    assert_eq!(t.not_started, counted(ImplementationStatus::NotStarted));
    assert_eq!(
        t.applicable,
        entries
            .iter()
            .filter(|e| e.applicable == Some(true))
            .count() as u32
    );
    assert_eq!(
        t.applicable_without_reason,
        entries
            .iter()
            .filter(|e| e.applicable == Some(true) && !e.reasons.any())
            .count() as u32
    );
    assert_eq!(
        (t.excluded, t.undecided),
        (10, 63),
        "30 decided: every third excluded"
    );
}

#[test]
fn an_approved_version_is_frozen() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let boss = people::create(
        &mut vault,
        stamp(1),
        Person::new("Top Manager", "ceo@acme.example"),
    )
    .unwrap();
    let mut entry = soa::get(vault.reader(), "5.1").unwrap();
    entry.applicable = Some(true);
    soa::update(&mut vault, stamp(2), entry.clone()).unwrap();
    let v1 = soa::approve(
        &mut vault,
        stamp(3),
        boss.id,
        "2026-03-01".parse().unwrap(),
        "For Stage 1",
    )
    .unwrap();
    assert_eq!((v1.number, v1.entries.len()), (1, 93));
    entry.applicable = Some(false);
    entry.justification = "Changed our mind".into();
    soa::update(&mut vault, stamp(4), entry).unwrap();
    let v2 = soa::approve(
        &mut vault,
        stamp(5),
        boss.id,
        "2026-03-02".parse().unwrap(),
        "",
    )
    .unwrap();
    let all = soa::versions(vault.reader()).unwrap();
    assert_eq!(all.iter().map(|v| v.number).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(all[0], v1, "version 1 is as approved");
    assert_eq!(all[0].entries[0].applicable, Some(true));
    assert_eq!(v2.entries[0].applicable, Some(false));
    let tamper = vault.write(stamp(6), |tx| {
        tx.reader().execute(
            "UPDATE soa_versions SET note = 'edited' WHERE number = 1",
            [],
        )?;
        Ok(())
    });
    assert!(
        tamper.unwrap_err().message.contains("never changes"),
        "the schema itself refuses"
    );
    let err = soa::approve(
        &mut vault,
        stamp(7),
        4242,
        "2026-03-03".parse().unwrap(),
        "",
    )
    .unwrap_err();
    assert_eq!(err.fields[0].field, "approved_by");
}

#[test]
fn a_vault_from_before_the_soa_gets_its_93_entries_when_opened() {
    let s = Scratch::new();
    let copy = s.path("v2.isms");
    std::fs::copy(
        manifest().join("../../../tests/fixtures/vault-v2.isms"),
        &copy,
    )
    .unwrap();
    let vault = Vault::open(&copy, Passphrase::new(PASS.into()), &s.backups(), &stamp(0)).unwrap();
    assert_eq!(soa::list(vault.reader()).unwrap().len(), 93);
}

/// One version history: the register's SoA entry shows the SoA's approved versions, the later
/// of those and the document's own on each day; other documents show their own.
#[test]
fn the_registers_soa_entry_shows_the_soas_approved_versions() {
    use isms_core::documents::{self, DocKind, Document, DraftVersion};
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let ceo = people::create(&mut vault, stamp(0), Person::new("Ceo", "ceo@acme.example")).unwrap();
    let day = |d: &str| d.parse::<chrono::NaiveDate>().unwrap();
    let mut with_version = |reference: &str, items: Vec<String>, approved: &str| {
        let doc = documents::create(
            &mut vault,
            stamp(1),
            Document {
                mandatory_items: items,
                ..Document::new(reference, "A document", DocKind::Record)
            },
        )
        .unwrap();
        let doc = documents::save_draft(
            &mut vault,
            stamp(1),
            doc.id,
            DraftVersion {
                number: "1.0".into(),
                change_summary: String::new(),
                evidence_id: None,
            },
        )
        .unwrap();
        documents::approve_version(
            &mut vault,
            stamp(1),
            doc.versions[0].id,
            ceo.id,
            day(approved),
        )
        .unwrap()
    };
    let soa_doc = with_version("SOA-01", vec![soa::SOA_ITEM.into()], "2025-12-29");
    let policy = with_version("POL-01", vec!["5.2".into()], "2025-12-29");
    assert!(soa::is_soa_document(&soa_doc));
    assert!(!soa::is_soa_document(&policy));

    soa::approve(
        &mut vault,
        stamp(2),
        ceo.id,
        day("2026-03-10"),
        "For Stage 1",
    )
    .unwrap();
    soa::approve(&mut vault, stamp(3), ceo.id, day("2026-06-04"), "").unwrap();
    let versions = soa::versions(vault.reader()).unwrap();
    let shown = |doc: &Document, on: &str| soa::register_version(doc, &versions, day(on));

    // Before any SoA approval, the document's own version.
    let before = shown(&soa_doc, "2026-01-05").unwrap();
    assert_eq!((before.number.as_str(), before.from_soa), ("1.0", false));
    // Then the SoA's version in force on the day, never a later one.
    let stage1 = shown(&soa_doc, "2026-03-15").unwrap();
    assert_eq!(stage1.number, "1");
    assert_eq!(stage1.approved_on, day("2026-03-10"));
    let now = shown(&soa_doc, "2026-06-15").unwrap();
    assert_eq!(
        (
            now.number.as_str(),
            now.approved_on,
            now.approved_by,
            now.from_soa
        ),
        ("2", day("2026-06-04"), Some(ceo.id), true)
    );
    // Another document shows its own; nothing before any approval.
    assert_eq!(shown(&policy, "2026-06-15").unwrap().number, "1.0");
    assert_eq!(shown(&policy, "2025-12-01"), None);

    // The whole register at once, as the app reads it: the same versions, and an entry with
    // nothing approved by the day left out.
    let register = |on: &str| soa::register_versions(vault.reader(), day(on)).unwrap();
    let in_june = register("2026-06-15");
    let of = |doc: &Document| in_june.iter().find(|e| e.document_id == doc.id);
    assert_eq!(of(&soa_doc).map(|e| &e.version), Some(&now));
    assert_eq!(of(&policy).map(|e| e.version.number.as_str()), Some("1.0"));
    assert!(register("2025-12-01").is_empty());
}
