//! The baseline company the readiness tests break one thing at a time: built once in a real
//! vault through the core's own functions, it passes every rule of both stages as of
//! [`AS_OF`](super::AS_OF).

use isms_core::acknowledgements::{self, AckMethod, Acknowledgement};
use isms_core::audits::{self, Audit, AuditStatus};
use isms_core::changes::{self, ChangeStatus, IsmsChange};
use isms_core::clauses::{self, ClauseEntry};
use isms_core::competence::{self, Assignment, CompetenceEvidence, CompetenceKind, StandardRole};
use isms_core::context::{self, ContextIssue, InterestedParty, IssueKind};
use isms_core::documents::{self, DocKind, Document, DraftVersion};
use isms_core::evidence::{self, NewEvidence};
use isms_core::measures::{self, Frequency, Measure, NewResult, Source};
use isms_core::objectives::{self, Objective};
use isms_core::organisation;
use isms_core::people::{self, Person};
use isms_core::readiness::Facts;
use isms_core::reference;
use isms_core::requirements::{self, Requirement, RequirementSource};
use isms_core::reviews::{self, Review};
use isms_core::risks::{self, ActionStatus, ApprovalKind, Risk, RiskAction, RiskMethod, Treatment};
use isms_core::soa::{self, ImplementationStatus};
use isms_core::suppliers::{self, Criticality, ReviewOutcome, Supplier, SupplierReview};
use isms_core::tracker::{self, ItemKind, ItemSource, ItemStatus, TrackerItem};
use isms_core::training::{self, Completion, Course, CourseKind};

use crate::support::{Scratch, stamp};

use super::day;

pub(super) fn build() -> Facts {
    let s = Scratch::new();
    let v = populate(&s);
    Facts::load(v.reader()).unwrap()
}

const OWNER: &str = "owner@acme.example";
pub const CEO: &str = "ceo@acme.example";
pub const DEV: &str = "dev@acme.example";

/// The baseline company: everything both stages ask for, as of [`AS_OF`].
pub(super) fn populate(s: &Scratch) -> isms_core::Vault {
    let mut v = s.vault("baseline.isms");
    let mut org = organisation::get(v.reader()).unwrap();
    org.scope = "The Acme analytics platform and its operation.".into();
    org.isms_start = Some(day("2026-01-05"));
    org.stage1_date = Some(day("2026-03-16"));
    org.stage2_target = Some(day("2026-07-06"));
    organisation::update(&mut v, stamp(1), org).unwrap();
    context::create_issue(
        &mut v,
        stamp(1),
        ContextIssue {
            id: 0,
            kind: IssueKind::External,
            title: "Customers require ISO 27001".into(),
            description: String::new(),
        },
    )
    .unwrap();
    context::create_party(
        &mut v,
        stamp(1),
        InterestedParty {
            id: 0,
            name: "Customers".into(),
            requirements: "Confidentiality of their data".into(),
        },
    )
    .unwrap();
    let hire = |v: &mut isms_core::Vault, p: Person| people::create(v, stamp(2), p).unwrap();
    let ceo = hire(
        &mut v,
        Person {
            top_management: true,
            department: "Management".into(),
            ..Person::new("Cleo Ek", CEO)
        },
    );
    let owner = hire(
        &mut v,
        Person {
            isms_owner: true,
            department: "Operations".into(),
            ..Person::new("Olu Ade", OWNER)
        },
    );
    let dev = hire(
        &mut v,
        Person {
            department: "Engineering".into(),
            ..Person::new("Dara Lin", DEV)
        },
    );
    let staff = [&ceo, &owner, &dev];

    risks::set_method(&mut v, stamp(3), RiskMethod::default()).unwrap();
    let mut red = Risk::titled("Customer data lost in a failed restore");
    red.owner_id = Some(dev.id);
    (red.likelihood, red.impact) = (Some(4), Some(5));
    red.treatment = Some(Treatment::Modify);
    (red.residual_likelihood, red.residual_impact) = (Some(2), Some(2));
    red.actions = vec![RiskAction {
        id: 0,
        title: "Nightly restore test".into(),
        owner_id: Some(dev.id),
        due_date: Some(day("2026-04-30")),
        status: ActionStatus::Done,
        done_date: Some(day("2026-04-28")),
        controls: vec!["8.13".into()],
    }];
    let red = risks::create(&mut v, stamp(3), red).unwrap();
    risks::approve(
        &mut v,
        stamp(3),
        red.id,
        ApprovalKind::Plan,
        dev.id,
        day("2026-03-01"),
        "",
    )
    .unwrap();
    let mut low = Risk::titled("Office printer jams");
    low.owner_id = Some(dev.id);
    (low.likelihood, low.impact) = (Some(1), Some(2));
    risks::create(&mut v, stamp(3), low).unwrap();

    let mut entries = soa::list(v.reader()).unwrap();
    for e in &mut entries {
        if e.theme == "Physical" && e.control_id != "7.1" {
            e.applicable = Some(false);
            e.justification = "Remote company; no premises of our own.".into();
        } else {
            e.applicable = Some(true);
            e.reasons.business = true;
        }
        e.status = Some(ImplementationStatus::Implemented);
        e.owner_id = Some(owner.id);
    }
    soa::update_many(&mut v, stamp(4), entries).unwrap();
    soa::approve(&mut v, stamp(4), ceo.id, day("2026-03-02"), "").unwrap();

    objectives::create(
        &mut v,
        stamp(5),
        Objective {
            measure: "Restore tested nightly".into(),
            owner_id: Some(dev.id),
            due_date: Some(day("2026-09-30")),
            ..Objective::titled("Reliable backups")
        },
    )
    .unwrap();

    let add_doc = |v: &mut isms_core::Vault,
                   reference: &str,
                   title: &str,
                   kind: DocKind,
                   items: &[&str],
                   communicate: bool| {
        let doc = documents::create(
            v,
            stamp(6),
            Document {
                mandatory_items: items.iter().map(|i| (*i).to_owned()).collect(),
                owner_id: Some(owner.id),
                communicate,
                ..Document::new(reference, title, kind)
            },
        )
        .unwrap();
        let draft = DraftVersion {
            number: "1.0".into(),
            change_summary: String::new(),
            evidence_id: None,
        };
        let doc = documents::save_draft(v, stamp(6), doc.id, draft).unwrap();
        documents::approve_version(v, stamp(6), doc.versions[0].id, ceo.id, day("2026-03-02"))
            .unwrap()
    };
    add_doc(
        &mut v,
        "SCO-01",
        "ISMS scope",
        DocKind::Other,
        &["4.3"],
        false,
    );
    let policy = add_doc(
        &mut v,
        "POL-01",
        "Information security policy",
        DocKind::Policy,
        &["5.2"],
        true,
    );
    add_doc(
        &mut v,
        "PRC-01",
        "Risk assessment process",
        DocKind::Procedure,
        &["6.1.2"],
        false,
    );
    add_doc(
        &mut v,
        "PRC-02",
        "Risk treatment process",
        DocKind::Procedure,
        &["6.1.3"],
        false,
    );
    add_doc(
        &mut v,
        "SOA-01",
        "Statement of Applicability",
        DocKind::Record,
        &["6.1.3 d)"],
        false,
    );
    add_doc(
        &mut v,
        "OBJ-01",
        "Objectives",
        DocKind::Plan,
        &["6.2"],
        false,
    );
    add_doc(
        &mut v,
        "DOC-01",
        "Documented information register",
        DocKind::Record,
        &["7.5.1 b)"],
        false,
    );
    add_doc(&mut v, "MAN-01", "ISMS manual", DocKind::Manual, &[], false);
    let change_proc = add_doc(
        &mut v,
        "PRC-03",
        "Planning of changes",
        DocKind::Procedure,
        &[],
        false,
    );
    add_doc(
        &mut v,
        "PRC-04",
        "Internal audit procedure",
        DocKind::Procedure,
        &[],
        false,
    );
    clauses::update(
        &mut v,
        stamp(6),
        ClauseEntry {
            clause_id: "6.3".into(),
            title: String::new(),
            document_ids: vec![change_proc.id],
            records: String::new(),
        },
    )
    .unwrap();

    for (month, done) in [
        ("2026-04", "2026-04-14"),
        ("2026-05", "2026-05-12"),
        ("2026-06", "2026-06-09"),
    ] {
        let audit = audits::create(
            &mut v,
            stamp(7),
            Audit {
                scope_clauses: vec!["9".into()],
                external_auditor: "Kim Holm, Holm Audit".into(),
                ..Audit::planned(&format!("Audit of {month}"), month)
            },
        )
        .unwrap();
        audits::update(
            &mut v,
            stamp(7),
            Audit {
                status: AuditStatus::Completed,
                completed_on: Some(day(done)),
                ..audit
            },
        )
        .unwrap();
    }
    // T-001 a minor NC of Stage 1, T-002 an OFI of Stage 1, T-003 an internal audit NC.
    let closed_nc = |source: ItemSource, raised: &str| TrackerItem {
        owner_id: Some(owner.id),
        status: ItemStatus::Closed,
        root_cause: "No step in onboarding.".into(),
        corrective_action: "Checklist updated.".into(),
        effectiveness_on: Some(day("2026-05-30")),
        effectiveness_result: "Effective.".into(),
        closed_on: Some(day("2026-05-30")),
        due_on: Some(day("2026-05-31")),
        ..TrackerItem::new(
            ItemKind::MinorNc,
            "Onboarding misses awareness",
            source,
            day(raised),
        )
    };
    tracker::create(
        &mut v,
        stamp(8),
        closed_nc(ItemSource::Stage1Audit, "2026-03-16"),
    )
    .unwrap();
    tracker::create(
        &mut v,
        stamp(8),
        TrackerItem {
            owner_id: Some(owner.id),
            decision: "Adopted: automate in Q3.".into(),
            ..TrackerItem::new(
                ItemKind::Ofi,
                "Automate restore tests",
                ItemSource::Stage1Audit,
                day("2026-03-16"),
            )
        },
    )
    .unwrap();
    let ia = audits::list(v.reader()).unwrap()[0].clone();
    audits::raise_finding(
        &mut v,
        stamp(8),
        ia.id,
        closed_nc(ItemSource::Other, "2026-04-14"),
    )
    .unwrap();

    let course = training::create_course(
        &mut v,
        stamp(9),
        Course {
            id: 0,
            title: "Security awareness".into(),
            kind: CourseKind::Awareness,
            validity_months: Some(12),
        },
    )
    .unwrap();
    let file = s.path("certificate.pdf");
    std::fs::write(&file, b"%PDF-1.7 certificate").unwrap();
    let proof = evidence::add_file(&mut v, stamp(9), &file, NewEvidence::default()).unwrap();
    for p in staff {
        training::add_completion(
            &mut v,
            stamp(9),
            Completion {
                id: 0,
                person_id: p.id,
                course_id: course.id,
                completed_on: day("2026-04-20"),
                evidence_id: Some(proof.id),
            },
        )
        .unwrap();
        acknowledgements::add(
            &mut v,
            stamp(9),
            Acknowledgement {
                id: 0,
                person_id: p.id,
                version_id: policy.versions[0].id,
                acknowledged_on: day("2026-04-21"),
                method: AckMethod::Form,
                evidence_id: None,
            },
        )
        .unwrap();
    }

    changes::create(
        &mut v,
        stamp(10),
        IsmsChange {
            impact: "Low; backups unaffected.".into(),
            approver_id: Some(ceo.id),
            status: ChangeStatus::Approved,
            decided_on: Some(day("2026-05-02")),
            ..IsmsChange::proposed("Move e-mail to a new provider")
        },
    )
    .unwrap();
    let mut review = Review {
        attendee_ids: vec![ceo.id, owner.id],
        improvement: "Automate restore tests.".into(),
        changes_needed: "No change to the scope; add the new e-mail provider to the supplier list."
            .into(),
        ..Review::held(day("2026-06-10"))
    };
    for input in reference::review_inputs() {
        review.inputs.insert(input.id.clone(), "Discussed.".into());
    }
    reviews::create(&mut v, stamp(11), review).unwrap();

    // Roles and competence (5.3, 7.2): the owner and the risk owner hold roles that require
    // competence, and have current evidence of it.
    let roles = competence::list_roles(v.reader()).unwrap();
    let role = |which: StandardRole| roles.iter().find(|r| r.standard == Some(which)).unwrap().id;
    for (role_id, person) in [
        (role(StandardRole::TopManagement), &ceo),
        (role(StandardRole::IsmsOwner), &owner),
        (role(StandardRole::RiskOwner), &dev),
    ] {
        competence::assign(
            &mut v,
            stamp(12),
            Assignment {
                id: 0,
                role_id,
                person_id: person.id,
                assigned_on: Some(day("2026-01-05")),
            },
        )
        .unwrap();
    }
    for (person, title) in [
        (&owner, "ISO/IEC 27001 Foundation"),
        (&dev, "Risk assessment workshop"),
    ] {
        competence::create_evidence(
            &mut v,
            stamp(12),
            CompetenceEvidence {
                id: 0,
                person_id: person.id,
                kind: CompetenceKind::Training,
                title: title.into(),
                obtained_on: day("2026-01-20"),
                expires_on: Some(day("2029-01-20")),
                evidence_id: Some(proof.id),
                note: String::new(),
            },
        )
        .unwrap();
    }
    // The manual says how the ISMS is resourced (7.1).
    let manual = documents::list(v.reader())
        .unwrap()
        .into_iter()
        .find(|d| d.reference == "MAN-01")
        .unwrap();
    clauses::update(
        &mut v,
        stamp(12),
        ClauseEntry {
            clause_id: "7.1".into(),
            title: String::new(),
            document_ids: vec![manual.id],
            records: String::new(),
        },
    )
    .unwrap();

    // Monitoring and measurement (9.1): one monthly measure of the objective, measured every
    // month since Stage 1 (March to May; June is not over on the evaluation day).
    let objective = objectives::list(v.reader()).unwrap()[0].id;
    let measure = measures::create(
        &mut v,
        stamp(13),
        Measure {
            monitored: "Nightly restore tests".into(),
            method: "Share of nightly restore tests that succeeded in the month".into(),
            measured_by: Some(dev.id),
            evaluated_by: Some(owner.id),
            unit: "%".into(),
            target: Some(95.0),
            defined_on: Some(day("2026-03-10")),
            objective_ids: vec![objective],
            ..Measure::new("Restore tests passed", Frequency::Monthly, Source::Manual)
        },
    )
    .unwrap();
    for (on, value) in [
        ("2026-03-31", 96.0),
        ("2026-04-30", 100.0),
        ("2026-05-31", 97.0),
    ] {
        measures::record_result(
            &mut v,
            stamp(13),
            measure.id,
            NewResult::new(day(on), value, "On target."),
        )
        .unwrap();
    }

    // The registers beside the SoA: the customers' requirement and the law, reviewed in the
    // year; one critical supplier with security terms, reviewed in its interval; no incident.
    let customers = context::list_parties(v.reader()).unwrap()[0].id;
    for (source, title, party) in [
        (RequirementSource::Law, "UK GDPR", None),
        (
            RequirementSource::Contract,
            "Customer contracts: security schedule",
            Some(customers),
        ),
    ] {
        requirements::create(
            &mut v,
            stamp(14),
            Requirement {
                owner_id: Some(owner.id),
                party_id: party,
                reviewed_on: Some(day("2026-02-20")),
                ..Requirement::new(source, title)
            },
        )
        .unwrap();
    }
    let host = suppliers::create(
        &mut v,
        stamp(14),
        Supplier {
            service: "Cloud hosting".into(),
            criticality: Some(Criticality::Critical),
            contract_requirements: true,
            contract_reference: "Customer agreement, security annex".into(),
            owner_id: Some(dev.id),
            ..Supplier::named("Nimbus Cloud")
        },
    )
    .unwrap();
    suppliers::add_review(
        &mut v,
        stamp(14),
        SupplierReview {
            id: 0,
            supplier_id: host.id,
            reviewed_on: day("2026-04-15"),
            outcome: ReviewOutcome::Satisfactory,
            note: "Certificate and SOC 2 report read.".into(),
        },
    )
    .unwrap();
    v
}
