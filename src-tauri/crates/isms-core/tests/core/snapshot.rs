//! Snapshots: a deterministic round trip, all-or-nothing import into fresh vaults only, and a
//! committed JSON Schema that matches the types.

use isms_core::acknowledgements::{self, AckMethod, Acknowledgement};
use isms_core::assets::{self, Asset};
use isms_core::audits::{self, Audit};
use isms_core::changes::{self, IsmsChange};
use isms_core::clauses::{self, ClauseEntry};
use isms_core::context::{self, ContextIssue, InterestedParty, IssueKind};
use isms_core::documents::{self, DocKind, Document, DraftVersion};
use isms_core::evidence::{self, NewEvidence};
use isms_core::objectives::{self, Objective};
use isms_core::organisation::{self, FindingPolicy};
use isms_core::people::{self, Person};
use isms_core::reviews::{self, Review};
use isms_core::risks::{self, ActionStatus, ApprovalKind, Risk, RiskAction, RiskMethod, Treatment};
use isms_core::soa;
use isms_core::tracker::{self, ItemKind, ItemSource, TrackerItem};
use isms_core::training::{self, Completion, Course, CourseKind};
use isms_core::{ErrorCode, history, snapshot};

use crate::support::{Scratch, create, stamp};

#[test]
fn export_import_export_is_identical() {
    let s = Scratch::new();
    let mut source = s.vault("source.isms");
    let mut org = organisation::get(source.reader()).unwrap();
    org.scope = "Everything \"quoted\", with newlines\nand ünïcödé.".into();
    org.stage1_date = Some("2026-04-01".parse().unwrap());
    org.finding_policy = FindingPolicy::ZeroFindings;
    organisation::update(&mut source, stamp(1), org).unwrap();
    // Every record kind, with a reference between records (an asset's owner) and a gap in ids.
    let gone = people::create(
        &mut source,
        stamp(2),
        Person::new("Left Early", "left@example.com"),
    )
    .unwrap();
    let anna = people::create(
        &mut source,
        stamp(3),
        Person::new("Anna Łukasik", "anna@example.com"),
    )
    .unwrap();
    people::delete(&mut source, stamp(4), gone.id).unwrap();
    let mut laptop = Asset::named("Anna's laptop");
    laptop.owner_id = Some(anna.id);
    assets::create(&mut source, stamp(5), laptop).unwrap();
    let issue = ContextIssue {
        id: 0,
        kind: IssueKind::External,
        title: "NIS2".into(),
        description: String::new(),
    };
    context::create_issue(&mut source, stamp(6), issue).unwrap();
    let party = InterestedParty {
        id: 0,
        name: "Customers".into(),
        requirements: "Uptime".into(),
    };
    context::create_party(&mut source, stamp(7), party).unwrap();
    let mut entry = soa::get(source.reader(), "5.23").unwrap();
    entry.applicable = Some(true);
    entry.reasons.contractual = true;
    entry.owner_id = Some(anna.id);
    soa::update(&mut source, stamp(8), entry).unwrap();
    soa::approve(
        &mut source,
        stamp(9),
        anna.id,
        "2026-03-01".parse().unwrap(),
        "Stage 1",
    )
    .unwrap();
    risks::set_method(&mut source, stamp(10), RiskMethod::default()).unwrap();
    let mut risk = Risk::titled("Laptop theft");
    risk.owner_id = Some(anna.id);
    risk.likelihood = Some(3);
    risk.impact = Some(4);
    risk.treatment = Some(Treatment::Modify);
    risk.actions = vec![RiskAction {
        id: 0,
        title: "Disk encryption".into(),
        owner_id: Some(anna.id),
        due_date: Some("2026-04-30".parse().unwrap()),
        status: ActionStatus::Planned,
        done_date: None,
        controls: vec!["8.1".into()],
    }];
    let risk = risks::create(&mut source, stamp(11), risk).unwrap();
    let on = "2026-03-02".parse().unwrap();
    risks::approve(
        &mut source,
        stamp(12),
        risk.id,
        ApprovalKind::Plan,
        anna.id,
        on,
        "",
    )
    .unwrap();
    let mut changed = risks::get(source.reader(), risk.id).unwrap();
    changed.impact = Some(5);
    risks::update(&mut source, stamp(13), changed).unwrap();
    let objective = Objective {
        owner_id: Some(anna.id),
        ..Objective::titled("Fewer phishing clicks")
    };
    objectives::create(&mut source, stamp(14), objective).unwrap();
    let file = s.path("Access review.csv");
    std::fs::write(&file, "user,access\nanna,admin\n").unwrap();
    let new = NewEvidence {
        links: vec!["R-001".into(), "5.18".into()],
        ..Default::default()
    };
    let proof = evidence::add_file(&mut source, stamp(15), &file, new).unwrap();
    let doc = documents::create(
        &mut source,
        stamp(16),
        Document::new("POL-01", "Policy", DocKind::Policy),
    )
    .unwrap();
    let doc = documents::save_draft(
        &mut source,
        stamp(17),
        doc.id,
        DraftVersion {
            number: "1.0".into(),
            change_summary: String::new(),
            evidence_id: Some(proof.id),
        },
    )
    .unwrap();
    documents::approve_version(
        &mut source,
        stamp(18),
        doc.versions[0].id,
        anna.id,
        "2026-02-01".parse().unwrap(),
    )
    .unwrap();
    documents::save_draft(
        &mut source,
        stamp(19),
        doc.id,
        DraftVersion {
            number: "1.1".into(),
            change_summary: "Wording".into(),
            evidence_id: None,
        },
    )
    .unwrap();
    let note = ClauseEntry {
        clause_id: "5.2".into(),
        title: String::new(),
        document_ids: vec![doc.id],
        records: String::new(),
    };
    clauses::update(&mut source, stamp(20), note).unwrap();
    let audit = Audit {
        external_auditor: "Audit Partners".into(),
        scope_clauses: vec!["9.2".into()],
        ..Audit::planned("May audit", "2026-05")
    };
    let audit = audits::create(&mut source, stamp(21), audit).unwrap();
    let finding = TrackerItem::new(
        ItemKind::Ofi,
        "Automate reviews",
        ItemSource::Other,
        "2026-05-12".parse().unwrap(),
    );
    let item = audits::raise_finding(&mut source, stamp(22), audit.id, finding).unwrap();
    tracker::add_note(
        &mut source,
        stamp(23),
        item.id,
        "2026-05-13".parse().unwrap(),
        "Quote requested",
    )
    .unwrap();
    let course = Course {
        id: 0,
        title: "Awareness".into(),
        kind: CourseKind::Awareness,
        validity_months: Some(12),
    };
    let course = training::create_course(&mut source, stamp(24), course).unwrap();
    let completion = Completion {
        id: 0,
        person_id: anna.id,
        course_id: course.id,
        completed_on: "2026-02-10".parse().unwrap(),
        evidence_id: None,
    };
    training::add_completion(&mut source, stamp(25), completion).unwrap();
    let ack = Acknowledgement {
        id: 0,
        person_id: anna.id,
        version_id: doc.versions[0].id,
        acknowledged_on: "2026-02-11".parse().unwrap(),
        method: AckMethod::Email,
        evidence_id: None,
    };
    acknowledgements::add(&mut source, stamp(26), ack).unwrap();
    let change = IsmsChange {
        requester_id: Some(anna.id),
        impact: "Low".into(),
        ..IsmsChange::proposed("New e-mail provider")
    };
    changes::create(&mut source, stamp(27), change).unwrap();
    let mut review = Review {
        attendee_ids: vec![anna.id],
        ..Review::held("2026-05-12".parse().unwrap())
    };
    review.inputs.insert("9.3.2 a)".into(), "None open".into());
    let review = reviews::create(&mut source, stamp(28), review).unwrap();
    let action = TrackerItem::new(
        ItemKind::Action,
        "Budget a restore test",
        ItemSource::Other,
        "2026-05-12".parse().unwrap(),
    );
    reviews::raise_action(&mut source, stamp(29), review.id, action).unwrap();
    let first = snapshot::to_json(&snapshot::export(&source).unwrap()).unwrap();
    let mut target = create(&s.path("target.isms"), "Placeholder");
    snapshot::import(&mut target, stamp(2), snapshot::parse(&first).unwrap()).unwrap();
    let second = snapshot::to_json(&snapshot::export(&target).unwrap()).unwrap();
    assert_eq!(first, second);
    let moved = assets::list(target.reader()).unwrap();
    assert_eq!(
        moved[0].owner_id,
        Some(anna.id),
        "ids and references survive the move"
    );
    assert_eq!(
        soa::versions(target.reader()).unwrap().len(),
        1,
        "the approved SoA moved too"
    );
    let moved_risk = &risks::list(target.reader()).unwrap()[0];
    assert_eq!(moved_risk.reference, "R-001");
    assert_eq!(moved_risk.actions[0].controls, ["8.1"]);
    assert!(
        moved_risk.approvals[0].void,
        "a void approval stays void after the move"
    );
    let moved_file = &evidence::list(target.reader()).unwrap()[0];
    let mut bytes = Vec::new();
    evidence::write_content(target.reader(), moved_file.id, &mut bytes).unwrap();
    assert_eq!(
        bytes, b"user,access\nanna,admin\n",
        "evidence files move byte for byte"
    );
    assert_eq!(objectives::list(target.reader()).unwrap().len(), 1);
    assert_eq!(acknowledgements::list(target.reader()).unwrap().len(), 1);
    assert_eq!(
        training::list_completions(target.reader()).unwrap().len(),
        1
    );
    assert_eq!(
        training::list_completions(target.reader()).unwrap().len(),
        1
    );
    let moved_item = &tracker::list(target.reader()).unwrap()[0];
    assert_eq!(
        (moved_item.source_ref.as_str(), moved_item.notes.len()),
        ("IA-001", 1),
        "findings keep their audit and notes"
    );
    let moved_doc = &documents::list(target.reader()).unwrap()[0];
    assert_eq!(
        (
            moved_doc.versions.len(),
            moved_doc.current().unwrap().number.as_str()
        ),
        (2, "1.0")
    );
    let imported = history::list(target.reader(), None, 10).unwrap();
    assert!(
        imported.iter().any(|e| e.action == "import"),
        "the import is in history"
    );
}

#[test]
fn import_refuses_a_vault_with_edits_and_changes_nothing() {
    let s = Scratch::new();
    let source = s.vault("source.isms");
    let snap = snapshot::export(&source).unwrap();
    let mut target = create(&s.path("target.isms"), "Busy Ltd");
    let mut org = organisation::get(target.reader()).unwrap();
    org.scope = "Already edited".into();
    organisation::update(&mut target, stamp(1), org).unwrap();
    let before = snapshot::to_json(&snapshot::export(&target).unwrap()).unwrap();
    let err = snapshot::import(&mut target, stamp(2), snap).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFresh);
    assert_eq!(
        snapshot::to_json(&snapshot::export(&target).unwrap()).unwrap(),
        before
    );
}

#[test]
fn malformed_snapshots_are_refused_with_a_reason() {
    let cases = [
        ("not json", "not valid JSON"),
        (
            r#"{"format":"other","version":1}"#,
            "not an ISMS Desk snapshot",
        ),
        (r#"{"format":"isms-desk-snapshot","version":7}"#, "newer"),
        (
            r#"{"format":"isms-desk-snapshot","version":1,"organisation":{"name":1}}"#,
            "does not match",
        ),
    ];
    for (text, why) in cases {
        let err = snapshot::parse(text).unwrap_err();
        assert_eq!(err.code, ErrorCode::BadSnapshot, "{text}");
        assert!(err.message.contains(why), "{text}: {}", err.message);
    }
}

#[test]
fn committed_json_schema_matches_the_types() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../docs/snapshot.schema.json");
    let generated = snapshot::json_schema();
    if std::env::var_os("ISMS_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/snapshot.schema.json is stale: run `make schema` and commit"
    );
}

/// The demo company moves whole: its evidence links to audits and reviews (their reports and
/// minutes) are imported before those records and checked once everything is in; a link to a
/// record the snapshot does not hold is refused as a bad snapshot, and nothing is written.
#[test]
fn the_demo_company_round_trips_and_a_dangling_evidence_link_is_refused() {
    use isms_core::demo::{self, DemoPoint, DemoScale};
    use isms_core::{Passphrase, evidence};
    let s = Scratch::new();
    let demo = demo::create(
        &s.path("demo.isms"),
        Passphrase::new(crate::support::PASS.into()),
        DemoPoint::Stage2Ready,
        DemoScale::Small,
        "2026-06-15".parse().unwrap(),
    )
    .unwrap();
    assert!(
        evidence::list(demo.reader())
            .unwrap()
            .iter()
            .any(|e| e.links.iter().any(|l| l.starts_with("IA-"))),
        "the demo's audit reports are linked to their audits"
    );
    let first = snapshot::to_json(&snapshot::export(&demo).unwrap()).unwrap();
    let mut target = create(&s.path("target.isms"), "Placeholder");
    snapshot::import(&mut target, stamp(2), snapshot::parse(&first).unwrap()).unwrap();
    let second = snapshot::to_json(&snapshot::export(&target).unwrap()).unwrap();
    let differ = first
        .lines()
        .zip(second.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b);
    assert!(differ.is_none(), "line {:?} differs", differ);
    assert_eq!(first.len(), second.len());

    let dangling = first.replacen("\"IA-001\"", "\"IA-999\"", 1);
    assert_ne!(dangling, first);
    let mut other = create(&s.path("other.isms"), "Placeholder");
    let before = snapshot::to_json(&snapshot::export(&other).unwrap()).unwrap();
    let err =
        snapshot::import(&mut other, stamp(2), snapshot::parse(&dangling).unwrap()).unwrap_err();
    assert_eq!(err.code, ErrorCode::BadSnapshot, "{}", err.message);
    assert!(err.message.contains("IA-999"), "{}", err.message);
    assert_eq!(
        snapshot::to_json(&snapshot::export(&other).unwrap()).unwrap(),
        before
    );
}
