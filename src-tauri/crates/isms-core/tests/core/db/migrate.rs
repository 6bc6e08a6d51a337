//! Migrations: released files never change, every released schema upgrades to exactly the
//! schema a new vault gets, and a vault from a newer build is refused untouched.

use std::path::PathBuf;

use isms_core::db::{LATEST_VERSION, MIGRATIONS};
use isms_core::{ErrorCode, Passphrase, Vault, organisation};

use crate::support::{PASS, Scratch, create, fingerprint, stamp};

/// The schema as SQLite reports it, sorted, for comparison.
fn schema(vault: &Vault) -> Vec<(String, String, String)> {
    let mut stmt = vault
        .reader()
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures")
}

/// A vault of "Fixture Ltd" holding one record of every kind, for a new latest fixture.
fn populated(s: &Scratch) -> Vault {
    use isms_core::assets::{self, Asset};
    use isms_core::context::{self, ContextIssue, InterestedParty, IssueKind};
    use isms_core::people::{self, Person};
    let mut v = create(&s.path("populated.isms"), "Fixture Ltd");
    let anna = people::create(
        &mut v,
        stamp(1),
        Person::new("Anna Łukasik", "anna@fixture.example"),
    )
    .unwrap();
    let asset = Asset {
        owner_id: Some(anna.id),
        ..Asset::named("Customer database")
    };
    assets::create(&mut v, stamp(2), asset).unwrap();
    let issue = ContextIssue {
        id: 0,
        kind: IssueKind::External,
        title: "NIS2".into(),
        description: String::new(),
    };
    context::create_issue(&mut v, stamp(3), issue).unwrap();
    let party = InterestedParty {
        id: 0,
        name: "Customers".into(),
        requirements: "Uptime".into(),
    };
    context::create_party(&mut v, stamp(4), party).unwrap();
    let mut entry = isms_core::soa::get(v.reader(), "5.1").unwrap();
    entry.applicable = Some(true);
    entry.reasons.business = true;
    entry.owner_id = Some(anna.id);
    isms_core::soa::update(&mut v, stamp(5), entry).unwrap();
    isms_core::soa::approve(&mut v, stamp(6), anna.id, "2026-03-01".parse().unwrap(), "").unwrap();
    use isms_core::risks::{self, ApprovalKind, Risk, RiskMethod, Treatment};
    risks::set_method(&mut v, stamp(7), RiskMethod::default()).unwrap();
    let risk = Risk {
        owner_id: Some(anna.id),
        likelihood: Some(4),
        impact: Some(4),
        treatment: Some(Treatment::Accept),
        ..Risk::titled("Supplier outage")
    };
    let risk = risks::create(&mut v, stamp(8), risk).unwrap();
    let on = "2026-03-02".parse().unwrap();
    risks::approve(
        &mut v,
        stamp(9),
        risk.id,
        ApprovalKind::Acceptance,
        anna.id,
        on,
        "",
    )
    .unwrap();
    let objective = isms_core::objectives::Objective {
        owner_id: Some(anna.id),
        ..isms_core::objectives::Objective::titled("Fewer phishing clicks")
    };
    let objective = isms_core::objectives::create(&mut v, stamp(10), objective).unwrap();
    let file = s.path("policy.txt");
    std::fs::write(&file, "Information security policy, version 1").unwrap();
    let new = isms_core::evidence::NewEvidence {
        links: vec!["R-001".into()],
        ..Default::default()
    };
    let proof = isms_core::evidence::add_file(&mut v, stamp(11), &file, new).unwrap();
    use isms_core::documents::{self, DocKind, Document, DraftVersion};
    let doc = documents::create(
        &mut v,
        stamp(12),
        Document::new("POL-01", "Policy", DocKind::Policy),
    )
    .unwrap();
    let draft = DraftVersion {
        number: "1.0".into(),
        change_summary: String::new(),
        evidence_id: Some(proof.id),
    };
    let doc = documents::save_draft(&mut v, stamp(13), doc.id, draft).unwrap();
    documents::approve_version(
        &mut v,
        stamp(14),
        doc.versions[0].id,
        anna.id,
        "2026-02-01".parse().unwrap(),
    )
    .unwrap();
    let note = isms_core::clauses::ClauseEntry {
        clause_id: "5.2".into(),
        title: String::new(),
        document_ids: vec![doc.id],
        records: String::new(),
    };
    isms_core::clauses::update(&mut v, stamp(15), note).unwrap();
    use isms_core::tracker::{ItemKind, ItemSource, TrackerItem};
    let audit = isms_core::audits::Audit {
        auditor_id: Some(anna.id),
        scope_controls: vec!["5.1".into()],
        ..isms_core::audits::Audit::planned("April audit", "2026-04")
    };
    let audit = isms_core::audits::create(&mut v, stamp(16), audit).unwrap();
    let finding = TrackerItem::new(
        ItemKind::MinorNc,
        "Policy not signed",
        ItemSource::Other,
        "2026-04-20".parse().unwrap(),
    );
    let item = isms_core::audits::raise_finding(&mut v, stamp(17), audit.id, finding).unwrap();
    isms_core::tracker::add_note(
        &mut v,
        stamp(18),
        item.id,
        "2026-04-21".parse().unwrap(),
        "Board meeting booked",
    )
    .unwrap();
    use isms_core::training::{self, Completion, Course, CourseKind};
    let course = Course {
        id: 0,
        title: "Awareness".into(),
        kind: CourseKind::Awareness,
        validity_months: Some(12),
    };
    let course = training::create_course(&mut v, stamp(19), course).unwrap();
    training::add_completion(
        &mut v,
        stamp(20),
        Completion {
            id: 0,
            person_id: anna.id,
            course_id: course.id,
            completed_on: "2026-02-10".parse().unwrap(),
            evidence_id: None,
        },
    )
    .unwrap();
    let ack = isms_core::acknowledgements::Acknowledgement {
        id: 0,
        person_id: anna.id,
        version_id: doc.versions[0].id,
        acknowledged_on: "2026-02-11".parse().unwrap(),
        method: isms_core::acknowledgements::AckMethod::Form,
        evidence_id: None,
    };
    isms_core::acknowledgements::add(&mut v, stamp(21), ack).unwrap();
    let change = isms_core::changes::IsmsChange {
        requester_id: Some(anna.id),
        ..isms_core::changes::IsmsChange::proposed("New e-mail provider")
    };
    isms_core::changes::create(&mut v, stamp(22), change).unwrap();
    let review = isms_core::reviews::Review {
        attendee_ids: vec![anna.id],
        ..isms_core::reviews::Review::held("2026-05-12".parse().unwrap())
    };
    isms_core::reviews::create(&mut v, stamp(23), review).unwrap();
    use isms_core::measures::{self, Direction, Frequency, Measure, NewResult, Source};
    let measure = Measure {
        measured_by: Some(anna.id),
        evaluated_by: Some(anna.id),
        target: Some(10.0),
        direction: Direction::AtMost,
        unit: "%".into(),
        objective_ids: vec![objective.id],
        ..Measure::new("Phishing click rate", Frequency::Monthly, Source::Manual)
    };
    let measure = measures::create(&mut v, stamp(24), measure).unwrap();
    let result = NewResult::new(
        "2026-05-29".parse().unwrap(),
        7.5,
        "Below target; keep going",
    );
    measures::record_result(&mut v, stamp(25), measure.id, result).unwrap();
    use isms_core::competence::{self, Assignment, CompetenceEvidence, CompetenceKind};
    let auditor = competence::list_roles(v.reader())
        .unwrap()
        .into_iter()
        .find(|r| r.standard == Some(competence::StandardRole::InternalAuditor))
        .unwrap();
    let held = Assignment {
        id: 0,
        role_id: auditor.id,
        person_id: anna.id,
        assigned_on: Some("2026-03-01".parse().unwrap()),
    };
    competence::assign(&mut v, stamp(24), held).unwrap();
    let certificate = CompetenceEvidence {
        id: 0,
        person_id: anna.id,
        kind: CompetenceKind::Certification,
        title: "ISO/IEC 27001 Lead Auditor".into(),
        obtained_on: "2025-11-20".parse().unwrap(),
        expires_on: Some("2028-11-19".parse().unwrap()),
        evidence_id: Some(proof.id),
        note: String::new(),
    };
    competence::create_evidence(&mut v, stamp(25), certificate).unwrap();
    use isms_core::suppliers::{self, Certificate, Criticality, ReviewOutcome, Supplier};
    let supplier = Supplier {
        criticality: Some(Criticality::Critical),
        owner_id: Some(anna.id),
        contract_requirements: true,
        ..Supplier::named("Nimbus Cloud")
    };
    let supplier = suppliers::create(&mut v, stamp(26), supplier).unwrap();
    let review = isms_core::suppliers::SupplierReview {
        id: 0,
        supplier_id: supplier.id,
        reviewed_on: "2026-04-02".parse().unwrap(),
        outcome: ReviewOutcome::Satisfactory,
        note: String::new(),
    };
    suppliers::add_review(&mut v, stamp(27), review).unwrap();
    let iso = Certificate {
        id: 0,
        supplier_id: supplier.id,
        title: "ISO/IEC 27001 certificate".into(),
        issued_on: None,
        expires_on: Some("2027-09-30".parse().unwrap()),
        evidence_id: Some(proof.id),
    };
    suppliers::save_certificate(&mut v, stamp(28), iso).unwrap();
    let incident = isms_core::incidents::Incident {
        supplier_ids: vec![supplier.id],
        severity: Some(Criticality::High),
        raises_nc: true,
        ..isms_core::incidents::Incident::reported("Outage", "2026-05-03".parse().unwrap())
    };
    let incident = isms_core::incidents::create(&mut v, stamp(29), incident).unwrap();
    let nc = TrackerItem::new(
        ItemKind::MinorNc,
        "No fail-over",
        ItemSource::Other,
        "2026-05-04".parse().unwrap(),
    );
    isms_core::incidents::raise_item(&mut v, stamp(30), incident.id, nc).unwrap();
    use isms_core::requirements::{self, Requirement, RequirementSource};
    let party = context::list_parties(v.reader()).unwrap()[0].id;
    let requirement = Requirement {
        party_id: Some(party),
        owner_id: Some(anna.id),
        controls: vec!["5.31".into()],
        document_ids: vec![doc.id],
        reviewed_on: Some("2026-03-03".parse().unwrap()),
        ..Requirement::new(RequirementSource::Law, "UK GDPR")
    };
    requirements::create(&mut v, stamp(31), requirement).unwrap();
    v
}

#[test]
fn released_migrations_are_unchanged() {
    for (i, m) in MIGRATIONS.iter().enumerate() {
        assert_eq!(m.version as usize, i + 1, "versions are 1, 2, 3… in order");
        let pinned = m
            .released_sha256
            .expect("every migration in this build is released");
        assert_eq!(
            m.sha256(),
            pinned,
            "{} was edited after release; add a new migration instead",
            m.name
        );
    }
}

#[test]
fn every_released_schema_fixture_upgrades_to_the_fresh_schema() {
    let s = Scratch::new();
    let fresh = create(&s.path("fresh.isms"), "Fixture Ltd");
    for version in 1..=LATEST_VERSION {
        let name = format!("vault-v{version}.isms");
        let source = fixtures().join(&name);
        if std::env::var_os("ISMS_WRITE_FIXTURES").is_some()
            && !source.exists()
            && version == LATEST_VERSION
        {
            populated(&s).backup_to(&source).unwrap();
        }
        assert!(
            source.exists(),
            "fixture {name} exists (ISMS_WRITE_FIXTURES=1 writes the latest)"
        );
        let copy = s.path(&name);
        std::fs::copy(&source, &copy).unwrap();
        let upgraded =
            Vault::open(&copy, Passphrase::new(PASS.into()), &s.backups(), &stamp(0)).unwrap();
        assert_eq!(upgraded.schema_version().unwrap(), LATEST_VERSION);
        assert_eq!(
            schema(&upgraded),
            schema(&fresh),
            "{name} upgrades to the fresh schema"
        );
        assert_eq!(
            organisation::get(upgraded.reader()).unwrap().name,
            "Fixture Ltd"
        );
        assert!(upgraded.check().unwrap().ok);
    }
}

#[test]
fn a_vault_from_a_newer_version_is_refused_untouched() {
    let s = Scratch::new();
    let path = s.path("future.isms");
    s.vault("future.isms").close().unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "key", PASS).unwrap();
    conn.pragma_update(None, "user_version", LATEST_VERSION + 1)
        .unwrap();
    conn.close().unwrap();
    let before = fingerprint(&path);
    let err = s.reopen("future.isms", PASS).err().unwrap();
    assert_eq!(err.code, ErrorCode::FromNewerVersion, "{}", err.message);
    assert_eq!(fingerprint(&path), before);
}

#[test]
fn a_verified_backup_is_written_before_migrating() {
    let s = Scratch::new();
    let copy = s.path("old.isms");
    std::fs::copy(fixtures().join("vault-v1.isms"), &copy).unwrap();
    let upgraded =
        Vault::open(&copy, Passphrase::new(PASS.into()), &s.backups(), &stamp(0)).unwrap();
    assert_eq!(upgraded.schema_version().unwrap(), LATEST_VERSION);
    drop(upgraded);
    let backups = isms_core::db::list_auto_backups(&s.backups(), &copy);
    assert_eq!(backups.len(), 1, "one backup before the upgrade");
    let name = backups[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        name.contains(&format!("before-schema-{LATEST_VERSION}")),
        "{name}"
    );
    let conn = rusqlite::Connection::open(&backups[0]).unwrap();
    conn.pragma_update(None, "key", PASS).unwrap();
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1, "the backup keeps the schema it was taken from");
}

/// Schema 12 gives every risk already in a vault the day of its last recorded change as the day
/// it was last assessed, from the history the vault keeps, and a method on the common 5×5
/// labels the common definitions of its levels.
#[test]
fn upgrading_to_schema_12_dates_each_risks_last_assessment_and_defines_the_common_scale() {
    let s = Scratch::new();
    let copy = s.path("v11.isms");
    std::fs::copy(fixtures().join("vault-v11.isms"), &copy).unwrap();
    let before = {
        let conn = rusqlite::Connection::open(&copy).unwrap();
        conn.pragma_update(None, "key", PASS).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT r.id, (SELECT substr(max(h.at), 1, 10) FROM history h \
                 WHERE h.table_name = 'risks' AND h.record_id = CAST(r.id AS TEXT)) FROM risks r",
            )
            .unwrap();
        stmt.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?))
        })
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap()
    };
    assert!(!before.is_empty(), "the v11 fixture holds a risk");
    let upgraded =
        Vault::open(&copy, Passphrase::new(PASS.into()), &s.backups(), &stamp(0)).unwrap();
    for (id, last_change) in before {
        let risk = isms_core::risks::get(upgraded.reader(), id).unwrap();
        assert_eq!(
            risk.assessed_on.map(|d| d.to_string()),
            last_change,
            "risk {id}"
        );
        assert!(risk.assessed_on.is_some(), "risk {id} has a history");
    }
    // A method on the common labels is given the common definitions of its levels.
    let method = isms_core::risks::get_method(upgraded.reader())
        .unwrap()
        .expect("the v11 fixture has a risk method");
    let common = isms_core::risks::RiskMethod::default();
    assert_eq!(method.likelihood_labels, common.likelihood_labels);
    assert_eq!(method.likelihood_definitions, common.likelihood_definitions);
    assert_eq!(method.impact_definitions, common.impact_definitions);
}
