//! Documents: register entries with unique references, versions that freeze once approved,
//! and the clause checklist that points at them.

use isms_core::clauses::{self, ClauseEntry};
use isms_core::documents::{self, DocKind, Document, DraftVersion};
use isms_core::evidence::{self, NewEvidence};
use isms_core::people::{self, Person};
use isms_core::{ErrorCode, reference};

use crate::support::{Scratch, stamp};

fn draft(number: &str, evidence_id: Option<i64>) -> DraftVersion {
    DraftVersion {
        number: number.into(),
        change_summary: format!("Version {number}"),
        evidence_id,
    }
}

#[test]
fn an_approved_version_is_frozen_and_edits_go_to_a_new_draft() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let boss = people::create(
        &mut vault,
        stamp(0),
        Person::new("Top Manager", "ceo@acme.example"),
    )
    .unwrap();
    let file = s.path("Information security policy.pdf");
    std::fs::write(&file, b"%PDF-1.7 policy v1").unwrap();
    let pdf = evidence::add_file(&mut vault, stamp(1), &file, NewEvidence::default()).unwrap();
    let mut doc = Document::new("POL-01", "Information security policy", DocKind::Policy);
    doc.mandatory_items = vec!["5.2".into()];
    doc.communicate = true;
    let doc = documents::create(&mut vault, stamp(2), doc).unwrap();
    assert!(doc.current().is_none(), "nothing approved yet");
    let doc =
        documents::save_draft(&mut vault, stamp(3), doc.id, draft("1.0", Some(pdf.id))).unwrap();
    let v1 = doc.versions[0].id;
    let doc = documents::approve_version(
        &mut vault,
        stamp(4),
        v1,
        boss.id,
        "2026-02-01".parse().unwrap(),
    )
    .unwrap();
    assert_eq!(doc.current().unwrap().number, "1.0");

    let doc = documents::save_draft(&mut vault, stamp(5), doc.id, draft("1.1", None)).unwrap();
    assert_eq!(doc.versions.len(), 2, "a new draft beside the approved 1.0");
    let doc = documents::save_draft(&mut vault, stamp(6), doc.id, draft("1.2", None)).unwrap();
    assert_eq!(
        doc.versions.len(),
        2,
        "the open draft is edited, not multiplied"
    );
    assert_eq!(
        doc.current().unwrap().number,
        "1.0",
        "the draft is not in force"
    );
    let err = documents::save_draft(&mut vault, stamp(7), doc.id, draft("1.0", None)).unwrap_err();
    assert_eq!(err.fields[0].field, "number", "1.0 exists already");

    let err = documents::approve_version(
        &mut vault,
        stamp(8),
        v1,
        boss.id,
        "2026-02-02".parse().unwrap(),
    )
    .unwrap_err();
    assert_eq!(
        err.fields[0].field, "approved_on",
        "approving twice is refused"
    );
    let tamper = vault.write(stamp(9), |tx| {
        tx.reader().execute(
            "UPDATE document_versions SET number = '9.9' WHERE approved_on IS NOT NULL",
            [],
        )?;
        Ok(())
    });
    assert!(
        tamper.unwrap_err().message.contains("never changes"),
        "the schema refuses it too"
    );

    let v2 = doc.versions[1].id;
    let doc = documents::approve_version(
        &mut vault,
        stamp(10),
        v2,
        boss.id,
        "2026-06-01".parse().unwrap(),
    )
    .unwrap();
    assert_eq!(doc.current().unwrap().number, "1.2");
    assert_eq!(
        documents::delete(&mut vault, stamp(11), doc.id)
            .unwrap_err()
            .code,
        ErrorCode::Referenced
    );
    assert_eq!(
        evidence::delete(&mut vault, stamp(12), pdf.id)
            .unwrap_err()
            .code,
        ErrorCode::Referenced
    );
}

#[test]
fn references_are_unique_and_mandatory_items_come_from_the_list() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    documents::create(
        &mut vault,
        stamp(1),
        Document::new("POL-01", "Policy", DocKind::Policy),
    )
    .unwrap();
    let err = documents::create(
        &mut vault,
        stamp(2),
        Document::new("pol-01", "Other", DocKind::Other),
    )
    .unwrap_err();
    assert_eq!(
        (err.code, err.fields[0].field.as_str()),
        (ErrorCode::Validation, "reference")
    );
    let mut doc = Document::new("PRC-01", "Risk assessment process", DocKind::Procedure);
    doc.mandatory_items = vec!["6.1.2".into(), "99.9".into()];
    assert_eq!(
        documents::create(&mut vault, stamp(3), doc)
            .unwrap_err()
            .fields[0]
            .field,
        "mandatory_items"
    );
    let draft_only = documents::create(
        &mut vault,
        stamp(4),
        Document::new("TMP-01", "Draft", DocKind::Other),
    )
    .unwrap();
    documents::save_draft(&mut vault, stamp(5), draft_only.id, draft("0.1", None)).unwrap();
    documents::delete(&mut vault, stamp(6), draft_only.id).unwrap();
    assert_eq!(
        documents::list(vault.reader()).unwrap().len(),
        1,
        "a never-approved document can go"
    );
}

#[test]
fn the_clause_checklist_lists_every_clause_and_keeps_what_addresses_it() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let scope = documents::create(
        &mut vault,
        stamp(1),
        Document::new("SCO-01", "ISMS scope", DocKind::Other),
    )
    .unwrap();
    let all = clauses::list(vault.reader()).unwrap();
    assert_eq!(all.len(), reference::clauses().len());
    assert!(
        all.iter()
            .all(|c| c.document_ids.is_empty() && c.records.is_empty())
    );
    let entry = ClauseEntry {
        clause_id: "4.3".into(),
        title: String::new(),
        document_ids: vec![scope.id],
        records: "Board minutes 2026-01-10".into(),
    };
    let saved = clauses::update(&mut vault, stamp(2), entry).unwrap();
    assert_eq!(
        saved.title,
        "Determining the scope of the information security management system"
    );
    let listed = clauses::list(vault.reader())
        .unwrap()
        .into_iter()
        .find(|c| c.clause_id == "4.3")
        .unwrap();
    assert_eq!(listed, saved);
    let bad = ClauseEntry {
        clause_id: "11".into(),
        title: String::new(),
        document_ids: vec![],
        records: String::new(),
    };
    assert_eq!(
        clauses::update(&mut vault, stamp(3), bad).unwrap_err().code,
        ErrorCode::NotFound
    );
}

#[test]
fn a_version_from_a_register_keeps_its_approver_and_day_and_refuses_a_second_draft() {
    use isms_core::documents::DocumentVersion;
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let boss = people::create(
        &mut vault,
        stamp(0),
        Person::new("Top Manager", "ceo@acme.example"),
    )
    .unwrap();
    let doc = Document::new("PRC-02", "Access control procedure", DocKind::Procedure);
    let doc = documents::create(&mut vault, stamp(1), doc).unwrap();
    let version = |number: &str, by: Option<i64>, on: Option<&str>| DocumentVersion {
        id: 0,
        number: number.into(),
        change_summary: format!(" Version {number} "),
        evidence_id: None,
        approved_by: by,
        approved_on: on.map(|d| d.parse().unwrap()),
    };
    vault
        .write(stamp(2), |tx| {
            documents::add_version_in(
                tx,
                doc.id,
                version("1.0", Some(boss.id), Some("2025-03-01")),
            )?;
            documents::add_version_in(tx, doc.id, version("1.1", None, None))
        })
        .unwrap();
    let stored = documents::get(vault.reader(), doc.id).unwrap();
    let first = &stored.versions[0];
    assert_eq!(
        first.approved_by,
        Some(boss.id),
        "the approver named by the register"
    );
    assert_eq!(first.change_summary, "Version 1.0", "trimmed");
    assert_eq!(stored.current().unwrap().number, "1.0", "1.1 is a draft");

    let refused = vault.write(stamp(3), |tx| {
        documents::add_version_in(tx, doc.id, version("1.2", None, None))
    });
    let err = refused.unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(
        err.fields[0].field, "approved_on",
        "a second draft: {err:?}"
    );
    let refused = vault.write(stamp(3), |tx| {
        documents::add_version_in(tx, doc.id, version("1.0", None, Some("2025-04-01")))
    });
    assert_eq!(
        refused.unwrap_err().fields[0].field,
        "number",
        "1.0 is there"
    );
    let refused = vault.write(stamp(3), |tx| {
        documents::add_version_in(tx, doc.id, version("2.0", Some(999), Some("2025-04-01")))
    });
    assert_eq!(
        refused.unwrap_err().fields[0].field,
        "approved_by",
        "nobody is 999"
    );
    assert_eq!(
        documents::get(vault.reader(), doc.id)
            .unwrap()
            .versions
            .len(),
        2,
        "refused versions are not written"
    );
}
