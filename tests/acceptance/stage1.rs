//! A small company prepares its whole Stage 1 documentation through the core: context, people,
//! assets, the risk method and register with owners' approvals, the SoA approved, objectives,
//! documents approved with their files, and the clause checklist filled in. Then the vault is
//! closed, reopened and moved by snapshot, and everything is still there.

use chrono::{NaiveDate, TimeZone, Utc};
use isms_core::assets::{self, Asset};
use isms_core::clauses::{self, ClauseEntry};
use isms_core::context::{self, ContextIssue, InterestedParty, IssueKind};
use isms_core::db::Action;
use isms_core::documents::{self, DocKind, Document, DraftVersion};
use isms_core::evidence::{self, NewEvidence};
use isms_core::objectives::{self, Objective};
use isms_core::organisation::{self, Organisation};
use isms_core::people::{self, Person};
use isms_core::risks::{
    self, ActionStatus, ApprovalKind, Risk, RiskAction, RiskLevel, RiskMethod, Treatment,
};
use isms_core::soa::{self, ImplementationStatus};
use isms_core::{Passphrase, Stamp, Vault, snapshot};

const PASS: &str = "Fjord Systems stage one";

fn at(day: u32) -> Stamp {
    Stamp::new(
        Utc.with_ymd_and_hms(2026, 2, day, 10, 0, 0)
            .single()
            .unwrap(),
        "owner",
    )
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn a_small_company_prepares_its_stage1_documentation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Fjord Systems.isms");
    let mut v = Vault::create(&path, Passphrase::new(PASS.into()), at(1), |tx| {
        organisation::create(tx, Organisation::named("Fjord Systems AS"), Action::Create)
            .map(|_| ())
    })
    .unwrap();

    // Context, scope and people.
    let mut org = organisation::get(v.reader()).unwrap();
    org.scope = "Development and operation of the Fjord booking platform from Bergen.".into();
    org.isms_start = Some(date("2026-01-05"));
    org.stage1_date = Some(date("2026-03-16"));
    org.stage2_target = Some(date("2026-06-22"));
    org.certification_body = "Nordic Certification AS".into();
    organisation::update(&mut v, at(1), org).unwrap();
    context::create_issue(
        &mut v,
        at(2),
        ContextIssue {
            id: 0,
            kind: IssueKind::External,
            title: "Customers demand ISO 27001".into(),
            description: String::new(),
        },
    )
    .unwrap();
    context::create_party(
        &mut v,
        at(2),
        InterestedParty {
            id: 0,
            name: "Hotel customers".into(),
            requirements: "Booking data kept confidential; 99.9 % availability".into(),
        },
    )
    .unwrap();
    let ceo = people::create(
        &mut v,
        at(3),
        Person {
            top_management: true,
            ..Person::new("Ingrid Bø", "ingrid@fjord.example")
        },
    )
    .unwrap();
    let owner = people::create(
        &mut v,
        at(3),
        Person {
            isms_owner: true,
            ..Person::new("Søren Ødegård", "soren@fjord.example")
        },
    )
    .unwrap();
    let db = assets::create(
        &mut v,
        at(4),
        Asset {
            owner_id: Some(owner.id),
            classification: "Confidential".into(),
            ..Asset::named("Booking database")
        },
    )
    .unwrap();

    // Risk method, risks, treatment and owners' approvals.
    risks::set_method(&mut v, at(5), RiskMethod::default()).unwrap();
    let mut leak = Risk::titled("Booking data leaked through a stolen admin credential");
    leak.owner_id = Some(owner.id);
    leak.asset_ids = vec![db.id];
    leak.likelihood = Some(4);
    leak.impact = Some(5);
    leak.treatment = Some(Treatment::Modify);
    leak.residual_likelihood = Some(2);
    leak.residual_impact = Some(3);
    leak.actions = vec![RiskAction {
        id: 0,
        title: "Phishing-resistant MFA for all admin accounts".into(),
        owner_id: Some(owner.id),
        due_date: Some(date("2026-04-30")),
        status: ActionStatus::Planned,
        done_date: None,
        controls: vec!["5.17".into(), "8.5".into()],
    }];
    let leak = risks::create(&mut v, at(6), leak).unwrap();
    assert_eq!(leak.inherent.unwrap().level, RiskLevel::Red);
    let leak = risks::approve(
        &mut v,
        at(7),
        leak.id,
        ApprovalKind::Plan,
        owner.id,
        date("2026-02-07"),
        "",
    )
    .unwrap();
    let leak = risks::approve(
        &mut v,
        at(7),
        leak.id,
        ApprovalKind::Acceptance,
        owner.id,
        date("2026-02-07"),
        "",
    )
    .unwrap();
    assert!(leak.approvals.iter().all(|a| !a.void));

    // The Statement of Applicability: every control decided, then approved by top management.
    let mut entries = soa::list(v.reader()).unwrap();
    for e in &mut entries {
        if e.theme == "Physical" && e.control_id != "7.1" {
            e.applicable = Some(false);
            e.justification =
                "Fully remote company; premises are the co-working provider's responsibility."
                    .into();
        } else {
            e.applicable = Some(true);
            e.reasons.risk_assessment = matches!(e.control_id.as_str(), "5.17" | "8.5");
            e.reasons.business = true;
        }
        e.status = Some(ImplementationStatus::NotStarted);
        e.owner_id = Some(owner.id);
    }
    soa::update_many(&mut v, at(8), entries).unwrap();
    let totals = soa::totals(&soa::list(v.reader()).unwrap());
    assert_eq!(
        (
            totals.controls,
            totals.undecided,
            totals.applicable_without_reason
        ),
        (93, 0, 0)
    );
    assert_eq!(
        totals.excluded, 13,
        "13 of the 14 physical controls excluded"
    );
    soa::approve(
        &mut v,
        at(9),
        ceo.id,
        date("2026-02-09"),
        "For the Stage 1 audit",
    )
    .unwrap();

    // Objectives, documents with their files, and the clause checklist.
    objectives::create(
        &mut v,
        at(10),
        Objective {
            measure: "MFA on 100 % of admin accounts".into(),
            owner_id: Some(owner.id),
            due_date: Some(date("2026-04-30")),
            ..Objective::titled("Strong authentication everywhere")
        },
    )
    .unwrap();
    let mut approved_docs = Vec::new();
    for (reference, title, kind, item) in [
        ("SCO-01", "ISMS scope", DocKind::Other, "4.3"),
        (
            "POL-01",
            "Information security policy",
            DocKind::Policy,
            "5.2",
        ),
        (
            "PRC-01",
            "Risk assessment and treatment process",
            DocKind::Procedure,
            "6.1.2",
        ),
        (
            "SOA-01",
            "Statement of Applicability",
            DocKind::Record,
            "6.1.3 d)",
        ),
    ] {
        let file = dir.path().join(format!("{reference}.pdf"));
        std::fs::write(&file, format!("%PDF-1.7 {title}")).unwrap();
        let proof = evidence::add_file(
            &mut v,
            at(11),
            &file,
            NewEvidence {
                effective_date: Some(date("2026-02-11")),
                ..Default::default()
            },
        )
        .unwrap();
        let doc = documents::create(
            &mut v,
            at(11),
            Document {
                mandatory_items: vec![item.into()],
                owner_id: Some(owner.id),
                ..Document::new(reference, title, kind)
            },
        )
        .unwrap();
        let draft = DraftVersion {
            number: "1.0".into(),
            change_summary: "First issue".into(),
            evidence_id: Some(proof.id),
        };
        let doc = documents::save_draft(&mut v, at(11), doc.id, draft).unwrap();
        let doc = documents::approve_version(
            &mut v,
            at(12),
            doc.versions[0].id,
            ceo.id,
            date("2026-02-12"),
        )
        .unwrap();
        clauses::update(
            &mut v,
            at(12),
            ClauseEntry {
                clause_id: item.split(' ').next().unwrap().into(),
                title: String::new(),
                document_ids: vec![doc.id],
                records: String::new(),
            },
        )
        .unwrap();
        approved_docs.push(doc);
    }
    assert!(approved_docs.iter().all(|d| d.current().is_some()));

    // Closed, reopened, and moved to a new laptop: nothing lost.
    let exported = snapshot::to_json(&snapshot::export(&v).unwrap()).unwrap();
    v.close().unwrap();
    let v = Vault::open(
        &path,
        Passphrase::new(PASS.into()),
        &dir.path().join("backups"),
        &at(13),
    )
    .unwrap();
    assert_eq!(
        snapshot::to_json(&snapshot::export(&v).unwrap()).unwrap(),
        exported
    );
    let moved_path = dir.path().join("moved.isms");
    let mut moved = Vault::create(&moved_path, Passphrase::new(PASS.into()), at(14), |tx| {
        organisation::create(tx, Organisation::named("Placeholder"), Action::Create).map(|_| ())
    })
    .unwrap();
    snapshot::import(&mut moved, at(14), snapshot::parse(&exported).unwrap()).unwrap();
    assert_eq!(
        snapshot::to_json(&snapshot::export(&moved).unwrap()).unwrap(),
        exported
    );
    assert!(moved.check().unwrap().ok);
}
