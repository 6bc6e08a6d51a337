//! Risks: derived scores and levels on every matrix size, references, actions, approvals that
//! void on material changes only, method changes that flag risks, and heat maps that add up.

use isms_core::assets::{self, Asset};
use isms_core::people::{self, Person};
use isms_core::risks::{
    self, ActionStatus, ApprovalKind, Risk, RiskAction, RiskInput, RiskLevel, RiskMethod, Treatment,
};
use isms_core::{ErrorCode, Vault};

use crate::support::{Scratch, stamp};

fn method(l: u32, i: u32, accept: u32, red: u32) -> RiskMethod {
    let labels = |n: u32, p: &str| (1..=n).map(|k| format!("{p}{k}")).collect();
    RiskMethod {
        likelihood_levels: l,
        impact_levels: i,
        likelihood_labels: labels(l, "L"),
        impact_labels: labels(i, "I"),
        likelihood_definitions: Vec::new(),
        impact_definitions: Vec::new(),
        acceptance_threshold: accept,
        red_threshold: red,
    }
}

/// A vault with the default 5×5 method and an owner; returns the owner's id.
fn setup(s: &Scratch) -> (Vault, i64) {
    let mut vault = s.vault("acme.isms");
    risks::set_method(&mut vault, stamp(0), RiskMethod::default()).unwrap();
    let owner = people::create(
        &mut vault,
        stamp(0),
        Person::new("Anna", "anna@acme.example"),
    )
    .unwrap();
    (vault, owner.id)
}

fn action(title: &str, owner: i64, controls: &[&str]) -> RiskAction {
    RiskAction {
        id: 0,
        title: title.into(),
        owner_id: Some(owner),
        due_date: Some("2026-05-31".parse().unwrap()),
        status: ActionStatus::Planned,
        done_date: None,
        controls: controls.iter().map(|c| (*c).to_owned()).collect(),
    }
}

#[test]
fn scores_and_levels_are_derived_on_every_matrix_size() {
    for l in 3..=5 {
        for i in 3..=5 {
            let max = l * i;
            let m = method(l, i, max / 3, max * 2 / 3).validated().unwrap();
            for like in 1..=l {
                for imp in 1..=i {
                    let score = m.score(Some(like), Some(imp)).unwrap();
                    assert_eq!(score.value, like * imp, "{like} × {imp} on {l}×{i}");
                    let expected = if score.value >= m.red_threshold {
                        RiskLevel::Red
                    } else if score.value <= m.acceptance_threshold {
                        RiskLevel::Acceptable
                    } else {
                        RiskLevel::Amber
                    };
                    assert_eq!(score.level, expected, "{like} × {imp} on {l}×{i}");
                }
            }
            assert_eq!(
                m.score(Some(l + 1), Some(1)),
                None,
                "outside the matrix has no score"
            );
        }
    }
    let five = RiskMethod::default();
    assert_eq!(
        five.score(Some(4), Some(5)).unwrap().value,
        20,
        "4 × 5 on a 5×5 matrix"
    );
    assert_eq!(
        five.score(Some(4), Some(5)).unwrap().level,
        RiskLevel::Red,
        "20 ≥ 15"
    );
    assert_eq!(
        five.score(Some(2), Some(3)).unwrap().level,
        RiskLevel::Acceptable,
        "6 ≤ 6"
    );
    assert_eq!(
        five.score(Some(2), Some(4)).unwrap().level,
        RiskLevel::Amber,
        "8 between"
    );
}

#[test]
fn the_method_is_validated() {
    let err = method(6, 2, 9, 9).validated().unwrap_err();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert!(
        fields.contains(&"likelihood_levels") && fields.contains(&"impact_levels"),
        "{fields:?}"
    );
    assert!(
        fields.contains(&"acceptance_threshold"),
        "acceptance must be below red: {fields:?}"
    );
    let err = method(3, 3, 4, 10).validated().unwrap_err();
    assert_eq!(
        err.fields[0].field, "red_threshold",
        "red above the highest score, 9"
    );
    let mut m = method(4, 4, 4, 12);
    m.impact_labels.pop();
    assert_eq!(m.validated().unwrap_err().fields[0].field, "impact_labels");
}

#[test]
fn risks_need_a_method_and_get_references_that_are_never_reused() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let err = risks::create(&mut vault, stamp(1), Risk::titled("Laptop theft")).unwrap_err();
    assert!(err.message.contains("risk method"), "{}", err.message);
    risks::set_method(&mut vault, stamp(2), RiskMethod::default()).unwrap();
    let r1 = risks::create(&mut vault, stamp(3), Risk::titled("Laptop theft")).unwrap();
    let r2 = risks::create(&mut vault, stamp(4), Risk::titled("Ransomware")).unwrap();
    assert_eq!(
        (r1.reference.as_str(), r2.reference.as_str()),
        ("R-001", "R-002")
    );
    risks::delete(&mut vault, stamp(5), r2.id).unwrap();
    let r3 = risks::create(&mut vault, stamp(6), Risk::titled("Phishing")).unwrap();
    assert_eq!(r3.reference, "R-003", "R-002 stays retired");
}

#[test]
fn a_risk_keeps_its_actions_and_derived_scores() {
    let s = Scratch::new();
    let (mut vault, owner) = setup(&s);
    let mut risk = Risk::titled("Customer data leaked from a lost laptop");
    risk.owner_id = Some(owner);
    risk.likelihood = Some(4);
    risk.impact = Some(5);
    risk.treatment = Some(Treatment::Modify);
    risk.actions = vec![action("Encrypt every laptop disk", owner, &["8.1", "8.24"])];
    let saved = risks::create(&mut vault, stamp(1), risk).unwrap();
    assert_eq!(saved.inherent.unwrap().value, 20);
    assert_eq!(saved.inherent.unwrap().level, RiskLevel::Red);
    assert_eq!(saved.residual, None, "no residual scores yet");
    let mut edited = saved.clone();
    edited.actions.push(action("Remote wipe", owner, &["8.1"]));
    edited.actions[0].controls = vec!["8.24".into()];
    edited.residual_likelihood = Some(1);
    edited.residual_impact = Some(5);
    let edited = risks::update(&mut vault, stamp(2), edited).unwrap();
    assert_eq!(edited.actions.len(), 2);
    assert!(edited.actions.iter().all(|a| a.id > 0));
    assert_eq!(
        edited.residual.unwrap().level,
        RiskLevel::Acceptable,
        "1 × 5 = 5 ≤ 6"
    );
    let mut fewer = edited.clone();
    fewer.actions.remove(0);
    let fewer = risks::update(&mut vault, stamp(3), fewer).unwrap();
    assert_eq!(
        risks::get(vault.reader(), fewer.id).unwrap().actions,
        fewer.actions
    );
}

#[test]
fn actions_are_validated() {
    let s = Scratch::new();
    let (mut vault, owner) = setup(&s);
    let mut risk = Risk::titled("Ransomware");
    let mut done = action("Backups", owner, &["A.99"]);
    done.status = ActionStatus::Done;
    risk.actions = vec![done];
    risk.likelihood = Some(6);
    let err = risks::create(&mut vault, stamp(1), risk).unwrap_err();
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        ["likelihood", "actions.0.done_date", "actions.0.controls"]
    );
}

#[test]
fn an_approval_is_voided_by_a_material_change_and_not_by_a_cosmetic_one() {
    let s = Scratch::new();
    let (mut vault, owner) = setup(&s);
    let other = people::create(&mut vault, stamp(0), Person::new("Bo", "bo@acme.example")).unwrap();
    let mut risk = Risk::titled("Ransomware");
    risk.owner_id = Some(owner);
    risk.likelihood = Some(3);
    risk.impact = Some(5);
    risk.treatment = Some(Treatment::Modify);
    risk.actions = vec![action("Offline backups", owner, &["8.13"])];
    let risk = risks::create(&mut vault, stamp(1), risk).unwrap();
    let on = "2026-03-01".parse().unwrap();
    let err = risks::approve(
        &mut vault,
        stamp(2),
        risk.id,
        ApprovalKind::Plan,
        other.id,
        on,
        "",
    )
    .unwrap_err();
    assert_eq!(
        (err.code, err.fields[0].field.as_str()),
        (ErrorCode::Validation, "person_id")
    );
    let approved = risks::approve(
        &mut vault,
        stamp(3),
        risk.id,
        ApprovalKind::Plan,
        owner,
        on,
        "OK",
    )
    .unwrap();
    assert!(!approved.approvals[0].void);

    let mut cosmetic = approved.clone();
    cosmetic.title = "Ransomware on the file server".into();
    cosmetic.description = "Reworded".into();
    cosmetic.actions[0].status = ActionStatus::Done;
    cosmetic.actions[0].done_date = Some("2026-03-20".parse().unwrap());
    let cosmetic = risks::update(&mut vault, stamp(4), cosmetic).unwrap();
    assert!(
        !cosmetic.approvals[0].void,
        "wording and progress do not change the plan"
    );

    let mut material = cosmetic.clone();
    material.likelihood = Some(2);
    let material = risks::update(&mut vault, stamp(5), material).unwrap();
    assert!(material.approvals[0].void, "a new score voids the approval");
    assert_eq!(
        material.approvals[0].approved["likelihood"], 3,
        "the approval shows what was approved"
    );

    let mut back = material.clone();
    back.likelihood = Some(3);
    let back = risks::update(&mut vault, stamp(6), back).unwrap();
    assert!(
        !back.approvals[0].void,
        "restoring what was approved makes it stand again"
    );
}

#[test]
fn changing_the_method_flags_risks_that_no_longer_fit() {
    let s = Scratch::new();
    let (mut vault, _) = setup(&s);
    let mut big = Risk::titled("Data centre flood");
    big.likelihood = Some(5);
    big.impact = Some(2);
    let big = risks::create(&mut vault, stamp(1), big).unwrap();
    let mut small = Risk::titled("Printer jam");
    small.likelihood = Some(1);
    small.impact = Some(1);
    risks::create(&mut vault, stamp(2), small).unwrap();
    let flagged = risks::set_method(&mut vault, stamp(3), method(4, 4, 4, 12)).unwrap();
    assert_eq!(
        flagged, 1,
        "only the risk with likelihood 5 no longer fits a 4×4 matrix"
    );
    let mut reviewed = risks::get(vault.reader(), big.id).unwrap();
    assert!(reviewed.needs_review);
    assert_eq!(
        reviewed.inherent, None,
        "a score outside the matrix has no level"
    );
    reviewed.likelihood = Some(4);
    let reviewed = risks::update(&mut vault, stamp(4), reviewed).unwrap();
    assert!(
        !reviewed.needs_review,
        "saving after review clears the flag"
    );
    assert_eq!(reviewed.inherent.unwrap().value, 8);
}

#[test]
fn heat_map_counts_always_match_the_register() {
    let s = Scratch::new();
    let (mut vault, _) = setup(&s);
    for (l, i) in [
        (Some(1), Some(1)),
        (Some(4), Some(5)),
        (Some(4), Some(5)),
        (None, Some(2)),
    ] {
        let mut r = Risk::titled("r");
        r.likelihood = l;
        r.impact = i;
        risks::create(&mut vault, stamp(1), r).unwrap();
    }
    let all = risks::list(vault.reader()).unwrap();
    let map = risks::heat_map(&all, &RiskMethod::default(), false);
    assert_eq!(map.cells[3][4], 2, "two risks at likelihood 4, impact 5");
    assert_eq!(map.cells[0][0], 1);
    assert_eq!(map.unscored, 1);
    let total: u32 = map.cells.iter().flatten().sum::<u32>() + map.unscored;
    assert_eq!(total as usize, all.len());
    let residual = risks::heat_map(&all, &RiskMethod::default(), true);
    assert_eq!(
        residual.unscored as usize,
        all.len(),
        "no residual scores yet"
    );
}

#[test]
fn owners_and_assets_of_risks_cannot_be_deleted() {
    let s = Scratch::new();
    let (mut vault, owner) = setup(&s);
    let laptop = assets::create(&mut vault, stamp(1), Asset::named("Laptop")).unwrap();
    let mut risk = Risk::titled("Laptop theft");
    risk.owner_id = Some(owner);
    risk.asset_ids = vec![laptop.id];
    risks::create(&mut vault, stamp(2), risk).unwrap();
    let err = people::delete(&mut vault, stamp(3), owner).unwrap_err();
    assert!(
        err.code == ErrorCode::Referenced && err.message.contains("1 risk"),
        "{}",
        err.message
    );
    let err = assets::delete(&mut vault, stamp(4), laptop.id).unwrap_err();
    assert!(
        err.code == ErrorCode::Referenced && err.message.contains("R-001"),
        "{}",
        err.message
    );
}

#[test]
fn a_risk_is_written_without_derived_fields_and_read_back_with_them() {
    let s = Scratch::new();
    let (mut vault, owner) = setup(&s);
    // What the page sends: no reference, scores, review flag or approvals.
    let sent = serde_json::json!({
        "id": 0, "title": "Ransomware", "owner_id": owner, "likelihood": 3, "impact": 5,
    });
    let input: RiskInput = serde_json::from_value(sent.clone()).unwrap();
    let saved = risks::create(&mut vault, stamp(1), input).unwrap();
    assert_eq!(saved.reference, "R-001");
    assert_eq!(saved.inherent.unwrap().value, 15);
    assert_eq!(saved.inherent.unwrap().level, RiskLevel::Red);

    // A derived field sent back is refused, not silently trusted.
    for derived in [
        "inherent",
        "residual",
        "approvals",
        "needs_review",
        "reference",
    ] {
        let mut with = sent.clone();
        with[derived] = serde_json::Value::Null;
        assert!(
            serde_json::from_value::<RiskInput>(with).is_err(),
            "{derived} is not an input"
        );
    }

    // A risk as read converts to its input: the scores come from the vault, not the caller.
    let mut forged = saved.clone();
    forged.inherent = None;
    forged.impact = Some(1);
    let updated = risks::update(&mut vault, stamp(2), forged).unwrap();
    assert_eq!(updated.inherent.unwrap().value, 3);
    assert_eq!(updated.inherent.unwrap().level, RiskLevel::Acceptable);
}

/// The risk form and the method editor preview levels as the user types, before anything is
/// saved; they use the UI's copy of the rule (`ui/src/lib/risks/method.ts`, `levelOf`). This
/// committed table of the core's levels pins that copy: its UI test checks `levelOf` against
/// every row, so the two cannot drift apart.
#[test]
fn committed_level_table_for_the_ui_previews_matches_the_core() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../ui/src/lib/risks/levels.fixture.json");
    let rows: Vec<serde_json::Value> = [
        (5, 5, 6, 15),
        (3, 3, 2, 6),
        (4, 4, 4, 9),
        (3, 5, 5, 10),
        (5, 5, 1, 25),
        (4, 3, 11, 12),
    ]
    .into_iter()
    .map(|(l, i, accept, red)| {
        let m = method(l, i, accept, red);
        let levels: Vec<RiskLevel> = (1..=m.max_score()).map(|s| m.level(s)).collect();
        serde_json::json!({ "method": m, "levels": levels })
    })
    .collect();
    let generated = serde_json::to_string_pretty(&rows).unwrap() + "\n";
    if std::env::var_os("ISMS_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/lib/risks/levels.fixture.json is stale: run `make schema` and commit"
    );
}

/// The day of a stamp `days` days after the support's base day (2 March 2026).
fn stamp_days(days: i64) -> isms_core::Stamp {
    stamp(days * 24 * 60)
}

#[test]
fn a_risk_carries_the_day_it_was_last_assessed() {
    let s = Scratch::new();
    let (mut vault, owner) = setup(&s);
    let on = |d: &str| Some(d.parse::<chrono::NaiveDate>().unwrap());

    // Unscored: not assessed yet.
    let draft = risks::create(&mut vault, stamp(1), Risk::titled("Laptop theft")).unwrap();
    assert_eq!(draft.assessed_on, None);

    // Scored when created: assessed that day.
    let scored = Risk {
        owner_id: Some(owner),
        likelihood: Some(3),
        impact: Some(4),
        ..Risk::titled("Phishing")
    };
    let risk = risks::create(&mut vault, stamp_days(1), scored).unwrap();
    assert_eq!(risk.assessed_on, on("2026-03-03"));

    // A change of title is not a new assessment.
    let renamed = risks::update(
        &mut vault,
        stamp_days(5),
        Risk {
            title: "Phishing of staff".into(),
            ..risk.clone()
        },
    )
    .unwrap();
    assert_eq!(renamed.assessed_on, on("2026-03-03"));

    // A new level is.
    let rescored = risks::update(
        &mut vault,
        stamp_days(9),
        Risk {
            impact: Some(5),
            ..renamed.clone()
        },
    )
    .unwrap();
    assert_eq!(rescored.assessed_on, on("2026-03-11"));

    // An owner who reviewed the risk and changed nothing says when.
    let reviewed = risks::update(
        &mut vault,
        stamp_days(20),
        Risk {
            assessed_on: on("2026-03-20"),
            ..rescored.clone()
        },
    )
    .unwrap();
    assert_eq!(reviewed.assessed_on, on("2026-03-20"));
    assert_eq!(
        risks::get(vault.reader(), reviewed.id).unwrap().assessed_on,
        on("2026-03-20"),
        "the day is stored"
    );
}

#[test]
fn the_method_says_what_each_level_means() {
    let s = Scratch::new();
    let (mut vault, _) = setup(&s);
    let stored = risks::get_method(vault.reader()).unwrap().unwrap();
    assert_eq!(
        stored.likelihood_definitions.len(),
        5,
        "the common 5×5 is defined"
    );
    assert!(stored.likelihood_definitions[2].contains("once in one to three years"));
    assert_eq!(stored.impact_definitions.len(), 5);

    // All or none: a scale with a level left undefined is refused, naming the field.
    let mut partial = method(3, 3, 3, 6);
    partial.likelihood_definitions = vec!["Seldom".into(), " ".into(), "Often".into()];
    let err = risks::set_method(&mut vault, stamp(1), partial).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(
        err.fields
            .iter()
            .any(|f| f.field == "likelihood_definitions"),
        "{err:?}"
    );

    // Blank definitions are none; written ones are trimmed and kept.
    let mut own = method(3, 3, 3, 6);
    own.likelihood_definitions = vec![" ".into(), String::new(), String::new()];
    own.impact_definitions = vec![" No harm ".into(), "Some harm".into(), "Grave harm".into()];
    risks::set_method(&mut vault, stamp(2), own).unwrap();
    let stored = risks::get_method(vault.reader()).unwrap().unwrap();
    assert!(stored.likelihood_definitions.is_empty());
    assert_eq!(
        stored.impact_definitions,
        ["No harm", "Some harm", "Grave harm"]
    );

    // The common labels without definitions mean what the common scale means.
    let mut bare = RiskMethod::default();
    bare.likelihood_definitions.clear();
    bare.impact_definitions = vec![String::new(); 5];
    risks::set_method(&mut vault, stamp(3), bare).unwrap();
    let stored = risks::get_method(vault.reader()).unwrap().unwrap();
    assert_eq!(stored, RiskMethod::default());
}
