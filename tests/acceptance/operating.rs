//! Three months of operating an ISMS after Stage 1, through the core as the app drives it:
//! a monthly internal audit (with the independence check catching the ISMS owner and a risk
//! owner, and an external auditor resolving it), findings raised in the audits and worked
//! through the tracker to closure, training and policy acknowledgements imported from the CSV a
//! form tool exports, a change approved and implemented, and a management review that uses the
//! vault's proposed summaries and raises an action. Then the vault is reopened and moved by
//! snapshot, and the history holds every step.

use chrono::{NaiveDate, TimeZone, Utc};
use isms_core::acknowledgements::{self, status};
use isms_core::audits::{self, Audit, AuditStatus};
use isms_core::changes::{self, ChangeStatus, IsmsChange};
use isms_core::db::Action;
use isms_core::documents::{self, DocKind, Document, DraftVersion};
use isms_core::organisation::{self, Organisation};
use isms_core::people::{self, Person};
use isms_core::reference;
use isms_core::reviews::{self, Review};
use isms_core::risks::{self, ActionStatus, Risk, RiskAction, RiskMethod};
use isms_core::tracker::{self, ItemKind, ItemSource, ItemStatus, TrackerItem};
use isms_core::training::{self, AwarenessStatus, Course, CourseKind, awareness_status};
use isms_core::{ErrorCode, Passphrase, Stamp, Vault, history, snapshot};
use isms_sheets::import::{self, ImportReport, Mode, unwatched};
use isms_sheets::read::{self, Kind, Limits};

const PASS: &str = "Harbour Analytics operates";

/// A stamp on a day of 2026.
fn on(month: u32, day: u32) -> Stamp {
    Stamp::new(
        Utc.with_ymd_and_hms(2026, month, day, 9, 30, 0)
            .single()
            .unwrap(),
        "owner",
    )
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Imports `csv` as a form tool's export of `kind` (training, else acknowledgements), read
/// from a file like any register.
fn import(
    v: &mut Vault,
    stamp: Stamp,
    kind: &str,
    csv: &str,
    dry_run: bool,
) -> isms_core::Result<ImportReport> {
    let kind = match kind {
        "training" => Kind::Training,
        _ => Kind::Acknowledgements,
    };
    let dir = tempfile::tempdir().expect("a folder for the file");
    let file = dir.path().join(format!("{}.csv", kind.as_str()));
    std::fs::write(&file, csv).expect("the file");
    let book = read::open(&file, None, Limits::default())?;
    let mapping = read::detect(&book, kind)?;
    let backups = dir.path().join("backups");
    let mode = if dry_run {
        Mode::DryRun
    } else {
        Mode::Write { backups: &backups }
    };
    import::import(v, stamp, kind, &book, &mapping, mode, &mut unwatched)
}

struct Staff {
    ceo: Person,
    owner: Person,
    dev: Person,
    ops: Person,
    sales: Person,
}

fn hire(v: &mut Vault) -> Staff {
    let mut person = |name: &str, email: &str, department: &str, f: fn(&mut Person)| {
        let mut p = Person {
            department: department.into(),
            ..Person::new(name, email)
        };
        f(&mut p);
        people::create(v, on(3, 30), p).unwrap()
    };
    Staff {
        ceo: person("Maja Lind", "maja@harbour.example", "Management", |p| {
            p.top_management = true
        }),
        owner: person(
            "Tomasz Wiśniewski",
            "tomasz@harbour.example",
            "Operations",
            |p| p.isms_owner = true,
        ),
        dev: person(
            "Aisha Karim",
            "aisha@harbour.example",
            "Engineering",
            |_| {},
        ),
        ops: person("Jonas Berg", "jonas@harbour.example", "Operations", |_| {}),
        sales: person("Elin Sand", "elin@harbour.example", "Sales", |_| {}),
    }
}

/// The information security policy, to be acknowledged by all staff, approved at 1.0.
fn policy(v: &mut Vault, staff: &Staff) -> Document {
    let doc = documents::create(
        v,
        on(3, 30),
        Document {
            communicate: true,
            owner_id: Some(staff.owner.id),
            ..Document::new("POL-01", "Information security policy", DocKind::Policy)
        },
    )
    .unwrap();
    approve_version(v, staff, doc.id, "1.0", "2026-03-30")
}

fn approve_version(v: &mut Vault, staff: &Staff, doc_id: i64, number: &str, day: &str) -> Document {
    let draft = DraftVersion {
        number: number.into(),
        change_summary: format!("Issue {number}"),
        evidence_id: None,
    };
    let doc = documents::save_draft(v, on(3, 30), doc_id, draft).unwrap();
    let version = doc.versions.iter().find(|x| x.number == number).unwrap();
    documents::approve_version(v, on(3, 30), version.id, staff.ceo.id, date(day)).unwrap()
}

#[test]
fn three_months_of_operation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Harbour Analytics.isms");
    let backups = dir.path().join("backups");
    let mut v = Vault::create(&path, Passphrase::new(PASS.into()), on(3, 30), |tx| {
        organisation::create(
            tx,
            Organisation::named("Harbour Analytics Ltd"),
            Action::Create,
        )
        .map(|_| ())
    })
    .unwrap();
    let staff = hire(&mut v);
    let pol = policy(&mut v, &staff);
    risks::set_method(&mut v, on(3, 30), RiskMethod::default()).unwrap();
    let mut outage = Risk::titled("Customer dashboards down after a failed backup restore");
    outage.owner_id = Some(staff.ops.id);
    outage.actions = vec![RiskAction {
        id: 0,
        title: "Monthly restore test".into(),
        owner_id: Some(staff.ops.id),
        due_date: Some(date("2026-06-30")),
        status: ActionStatus::Planned,
        done_date: None,
        controls: vec!["8.13".into()],
    }];
    outage.likelihood = Some(3);
    outage.impact = Some(4);
    let outage = risks::create(&mut v, on(3, 30), outage).unwrap();
    let awareness = training::create_course(
        &mut v,
        on(3, 30),
        Course {
            id: 0,
            title: "Security awareness 2026".into(),
            kind: CourseKind::Awareness,
            validity_months: Some(12),
        },
    )
    .unwrap();
    // Elin last took the awareness course a year ago; it runs out in June.
    training::add_completion(
        &mut v,
        on(3, 30),
        training::Completion {
            id: 0,
            person_id: staff.sales.id,
            course_id: awareness.id,
            completed_on: date("2025-06-20"),
            evidence_id: None,
        },
    )
    .unwrap();

    // ── April ─────────────────────────────────────────────────────────────────────────────
    // The owner plans to audit clauses 4–7 himself: the independence check says why not.
    let mut ia1 = Audit {
        scope_clauses: vec!["4".into(), "5".into(), "6".into(), "7".into()],
        auditor_id: Some(staff.owner.id),
        ..Audit::planned("ISMS clauses 4 to 7", "2026-04")
    };
    let found = audits::conflicts(v.reader(), &ia1).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, "isms_owner");
    assert!(found[0].message.contains("Tomasz Wiśniewski"));
    // An external auditor takes it on; no conflict remains.
    ia1.auditor_id = None;
    ia1.external_auditor = "Karin Holm, Holm Audit Partners".into();
    assert!(audits::conflicts(v.reader(), &ia1).unwrap().is_empty());
    let mut ia1 = audits::create(&mut v, on(4, 1), ia1).unwrap();
    assert_eq!(ia1.reference, "IA-001");
    ia1.status = AuditStatus::Completed;
    ia1.started_on = Some(date("2026-04-14"));
    ia1.completed_on = Some(date("2026-04-15"));
    ia1.summary = "Context and leadership sound; awareness records incomplete.".into();
    let ia1 = audits::update(&mut v, on(4, 15), ia1).unwrap();
    let mut nc = TrackerItem::new(
        ItemKind::MinorNc,
        "Awareness training not recorded for new joiners",
        ItemSource::Other,
        date("2026-04-15"),
    );
    nc.clauses = vec!["7.3".into()];
    nc.owner_id = Some(staff.owner.id);
    nc.due_on = Some(date("2026-05-31"));
    let nc = audits::raise_finding(&mut v, on(4, 15), ia1.id, nc).unwrap();
    assert_eq!(
        (nc.reference.as_str(), nc.source, nc.source_ref.as_str()),
        ("T-001", ItemSource::InternalAudit, "IA-001"),
        "a finding is a tracker item linked to its audit"
    );
    assert_eq!(audits::findings(v.reader(), "IA-001").unwrap().len(), 1);

    // Training completions arrive from the form tool; a dry run first, then for real.
    let training_csv = "E-mail,Course,Date\n\
        maja@harbour.example,Security awareness 2026,2026-04-20\n\
        tomasz@harbour.example,Security awareness 2026,2026-04-20\n\
        AISHA@harbour.example,security awareness 2026,2026-04-21\n";
    let dry = import(&mut v, on(4, 22), "training", training_csv, true).unwrap();
    assert_eq!((dry.rows, dry.created, dry.unchanged), (3, 3, 0));
    assert_eq!(training::list_completions(v.reader()).unwrap().len(), 1);
    let done = import(&mut v, on(4, 22), "training", training_csv, false).unwrap();
    assert_eq!(done.created, 3);
    assert_eq!(training::list_completions(v.reader()).unwrap().len(), 4);

    // Acknowledgements of the policy: a bad row stops the whole file, naming row and column.
    let before = snapshot::to_json(&snapshot::export(&v).unwrap()).unwrap();
    let acks_csv = "email,document,version,date,method\n\
        maja@harbour.example,POL-01,1.0,2026-04-23,form\n\
        tomasz@harbour.example,POL-01,1.0,2026-04-23,form\n\
        aisha@harbour.example,POL-01,1.0,2026-04-24,e-mail\n\
        jonas@harbour.example,POL-01,1.0,2026-04-24,signature\n";
    let bad = acks_csv.replace("jonas@harbour.example", "jonas@harbor.example");
    let err = import(&mut v, on(4, 24), "acknowledgements", &bad, false).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(err.fields[0].field, "row 5.email");
    assert_eq!(
        snapshot::to_json(&snapshot::export(&v).unwrap()).unwrap(),
        before,
        "nothing written"
    );
    import(&mut v, on(4, 24), "acknowledgements", acks_csv, false).unwrap();
    let docs = documents::list(v.reader()).unwrap();
    let everyone = people::list(v.reader()).unwrap();
    let acks = acknowledgements::list(v.reader()).unwrap();
    let st = status(&docs, &everyone, &acks, date("2026-04-30"));
    assert_eq!(st.len(), 1);
    assert_eq!(st[0].acknowledged.len(), 4);
    assert_eq!(
        st[0].missing,
        vec![staff.sales.id],
        "Elin has not acknowledged"
    );

    // ── May ───────────────────────────────────────────────────────────────────────────────
    // Jonas would audit backup (8.13), but he owns the risk that control treats.
    let mut ia2 = Audit {
        scope_controls: vec!["8.13".into(), "5.15".into()],
        auditor_id: Some(staff.ops.id),
        ..Audit::planned("Backup and access control", "2026-05")
    };
    let found = audits::conflicts(v.reader(), &ia2).unwrap();
    assert!(
        found
            .iter()
            .any(|c| c.kind == "risk" && c.reference == outage.reference),
        "{found:?}"
    );
    // Aisha owns nothing in that scope: she audits it, and the owner may audit a control too.
    ia2.auditor_id = Some(staff.dev.id);
    assert!(audits::conflicts(v.reader(), &ia2).unwrap().is_empty());
    let owner_on_controls = Audit {
        auditor_id: Some(staff.owner.id),
        ..ia2.clone()
    };
    assert!(
        audits::conflicts(v.reader(), &owner_on_controls)
            .unwrap()
            .is_empty()
    );
    let mut ia2 = audits::create(&mut v, on(5, 1), ia2).unwrap();
    ia2.status = AuditStatus::Completed;
    ia2.started_on = Some(date("2026-05-12"));
    ia2.completed_on = Some(date("2026-05-12"));
    let ia2 = audits::update(&mut v, on(5, 12), ia2).unwrap();
    let mut ofi = TrackerItem::new(
        ItemKind::Ofi,
        "Restore tests could be automated",
        ItemSource::Other,
        date("2026-05-12"),
    );
    ofi.controls = vec!["8.13".into()];
    ofi.owner_id = Some(staff.ops.id);
    let ofi = audits::raise_finding(&mut v, on(5, 12), ia2.id, ofi).unwrap();
    assert_eq!(ofi.reference, "T-002");

    // The NC is worked: notes along the way, and closing asks for what is missing.
    tracker::add_note(
        &mut v,
        on(5, 4),
        nc.id,
        date("2026-05-04"),
        "Onboarding checklist now includes the course.",
    )
    .unwrap();
    let mut working = tracker::get(v.reader(), nc.id).unwrap();
    working.status = ItemStatus::Closed;
    working.closed_on = Some(date("2026-05-20"));
    working.corrective_action = "Onboarding checklist requires the course in week one.".into();
    let err = tracker::update(&mut v, on(5, 20), working.clone()).unwrap_err();
    let missing: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(missing, vec!["root_cause", "effectiveness_result"]);
    working.root_cause = "Onboarding had no training step.".into();
    working.effectiveness_on = Some(date("2026-05-20"));
    working.effectiveness_result = "Both May joiners trained within a week.".into();
    let closed = tracker::update(&mut v, on(5, 20), working).unwrap();
    assert_eq!(closed.status, ItemStatus::Closed);
    assert_eq!(closed.notes.len(), 1, "the progress note is kept");
    // The OFI closes once a decision is recorded.
    let mut ofi = tracker::get(v.reader(), ofi.id).unwrap();
    ofi.status = ItemStatus::Closed;
    ofi.closed_on = Some(date("2026-05-28"));
    assert!(tracker::update(&mut v, on(5, 28), ofi.clone()).is_err());
    ofi.decision = "Automate in Q3; weekly manual restore test until then.".into();
    tracker::update(&mut v, on(5, 28), ofi).unwrap();

    // A change to the ISMS: backups move to a second region.
    let mut ch = IsmsChange {
        reason: "A single-region backup is a single point of failure.".into(),
        requester_id: Some(staff.ops.id),
        requested_on: Some(date("2026-05-18")),
        risk_ids: vec![outage.id],
        document_ids: vec![pol.id],
        ..IsmsChange::proposed("Replicate backups to a second region")
    };
    ch = changes::create(&mut v, on(5, 18), ch).unwrap();
    assert_eq!(ch.reference, "CH-001");
    ch.status = ChangeStatus::Approved;
    let err = changes::update(&mut v, on(5, 19), ch.clone()).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    ch.impact = "Cost +8 %; restore time unchanged; no personal data leaves the EEA.".into();
    ch.approver_id = Some(staff.ceo.id);
    ch.decided_on = Some(date("2026-05-19"));
    ch = changes::update(&mut v, on(5, 19), ch).unwrap();
    ch.status = ChangeStatus::Implemented;
    ch.implemented_on = Some(date("2026-06-02"));
    let ch = changes::update(&mut v, on(6, 2), ch).unwrap();
    assert_eq!(ch.status, ChangeStatus::Implemented);

    // ── June ──────────────────────────────────────────────────────────────────────────────
    let mut ia3 = Audit {
        scope_clauses: vec!["9".into(), "10".into()],
        external_auditor: "Karin Holm, Holm Audit Partners".into(),
        ..Audit::planned("Performance evaluation and improvement", "2026-06")
    };
    ia3 = audits::create(&mut v, on(6, 1), ia3).unwrap();
    ia3.status = AuditStatus::Completed;
    ia3.completed_on = Some(date("2026-06-09"));
    audits::update(&mut v, on(6, 9), ia3).unwrap();
    let programme = audits::list(v.reader()).unwrap();
    let refs: Vec<&str> = programme.iter().map(|a| a.reference.as_str()).collect();
    assert_eq!(refs, vec!["IA-001", "IA-002", "IA-003"]);
    assert!(programme.iter().all(|a| a.status == AuditStatus::Completed));

    // The management review: the vault proposes what it knows, the owner keeps or edits.
    let proposed = reviews::proposed_summaries(v.reader(), date("2026-06-25")).unwrap();
    assert_eq!(
        proposed["9.3.2 d) 1)"],
        "1 nonconformity in all: 0 open (0 overdue), 1 closed."
    );
    assert_eq!(proposed["9.3.2 d) 3)"], "3 internal audits completed.");
    assert_eq!(
        proposed["9.3.2 a)"],
        "0 actions from earlier reviews still open."
    );
    let mut review = Review {
        attendee_ids: vec![staff.ceo.id, staff.owner.id],
        other_attendees: "Karin Holm (external auditor)".into(),
        improvement: "Automate restore tests (T-002).".into(),
        changes_needed: "None beyond CH-001.".into(),
        ..Review::held(date("2026-06-25"))
    };
    for input in reference::review_inputs() {
        let note = proposed
            .get(&input.id)
            .cloned()
            .unwrap_or_else(|| format!("Discussed: {}", input.input));
        review.inputs.insert(input.id.clone(), note);
    }
    assert!(review.missing_inputs().is_empty());
    let review = reviews::create(&mut v, on(6, 25), review).unwrap();
    assert_eq!(review.reference, "MR-001");
    let mut action = TrackerItem::new(
        ItemKind::Action,
        "Budget the restore-test automation",
        ItemSource::Other,
        date("2026-06-25"),
    );
    action.owner_id = Some(staff.ceo.id);
    action.due_on = Some(date("2026-07-15"));
    let action = reviews::raise_action(&mut v, on(6, 25), review.id, action).unwrap();
    assert_eq!(
        (
            action.reference.as_str(),
            action.source,
            action.source_ref.as_str()
        ),
        ("T-003", ItemSource::ManagementReview, "MR-001")
    );
    // The next review would see the open action, and it is overdue by August.
    let later = reviews::proposed_summaries(v.reader(), date("2026-08-01")).unwrap();
    assert_eq!(
        later["9.3.2 a)"],
        "1 action from earlier reviews still open."
    );
    assert!(action.is_overdue(date("2026-08-01")));
    assert!(!action.is_overdue(date("2026-07-15")));

    // Awareness as of the end of June: Elin's course ran out on 20 June; Jonas never took it.
    let courses = training::list_courses(v.reader()).unwrap();
    let completions = training::list_completions(v.reader()).unwrap();
    let aware = |p: &Person, day: &str| awareness_status(p.id, &courses, &completions, date(day));
    assert_eq!(aware(&staff.owner, "2026-06-30"), AwarenessStatus::Current);
    assert_eq!(aware(&staff.sales, "2026-06-01"), AwarenessStatus::Expiring);
    assert_eq!(aware(&staff.sales, "2026-06-30"), AwarenessStatus::Expired);
    assert_eq!(aware(&staff.ops, "2026-06-30"), AwarenessStatus::Never);

    // The policy is revised after the change: everyone must acknowledge version 1.1 anew.
    approve_version(&mut v, &staff, pol.id, "1.1", "2026-06-05");
    let docs = documents::list(v.reader()).unwrap();
    let acks = acknowledgements::list(v.reader()).unwrap();
    let st = status(
        &docs,
        &people::list(v.reader()).unwrap(),
        &acks,
        date("2026-06-30"),
    );
    assert!(st[0].acknowledged.is_empty());
    assert_eq!(st[0].missing.len(), 5);

    // Reopened, then moved by snapshot: nothing lost; the history holds every kind of step.
    let exported = snapshot::to_json(&snapshot::export(&v).unwrap()).unwrap();
    v.close().unwrap();
    let v = Vault::open(&path, Passphrase::new(PASS.into()), &backups, &on(7, 1)).unwrap();
    assert_eq!(
        snapshot::to_json(&snapshot::export(&v).unwrap()).unwrap(),
        exported
    );
    let tables: std::collections::BTreeSet<String> = history::list(v.reader(), None, 10_000)
        .unwrap()
        .into_iter()
        .map(|h| h.table_name)
        .collect();
    for table in [
        "audits",
        "tracker_items",
        "changes",
        "reviews",
        "courses",
        "completions",
        "acknowledgements",
    ] {
        assert!(tables.contains(table), "history of {table}: {tables:?}");
    }
    let moved_path = dir.path().join("moved.isms");
    let mut moved = Vault::create(&moved_path, Passphrase::new(PASS.into()), on(7, 1), |tx| {
        organisation::create(tx, Organisation::named("Placeholder"), Action::Create).map(|_| ())
    })
    .unwrap();
    snapshot::import(&mut moved, on(7, 1), snapshot::parse(&exported).unwrap()).unwrap();
    assert_eq!(
        snapshot::to_json(&snapshot::export(&moved).unwrap()).unwrap(),
        exported
    );
}
