//! `isms method`: a vault made by `isms new` has no risk method, so a risk import is refused
//! until one is set from the command line; then it takes the company's own scale.

use super::{PASS, isms, stderr, stdout};

#[test]
fn method_set_then_a_risk_import_into_a_fresh_vault() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(
        isms(d, &["new", "acme.isms", "--org", "Acme"], PASS)
            .status
            .success()
    );
    let none = isms(d, &["method", "show", "acme.isms"], PASS);
    assert!(none.status.success());
    assert!(
        stdout(&none).contains("No risk method is set yet"),
        "{}",
        stdout(&none)
    );
    std::fs::write(
        d.join("risks.csv"),
        "Ref,Title,Likelihood,Impact\nR-1,Laptop stolen,Medium,High\nR-2,Phishing,High,Low\n",
    )
    .unwrap();
    let refused = isms(d, &["import", "acme.isms", "risks", "risks.csv"], PASS);
    assert_ne!(refused.status.code(), Some(0), "no method, no risk import");
    let missing = isms(d, &["method", "set", "acme.isms", "--size", "3x3"], PASS);
    assert_eq!(missing.status.code(), Some(9));
    let err = stderr(&missing);
    assert!(
        err.contains("--likelihood-labels is needed") && err.contains("--red is needed"),
        "{err}"
    );
    let wrong = isms(
        d,
        &[
            "method",
            "set",
            "acme.isms",
            "--size",
            "3x3",
            "--likelihood-labels",
            "Low, Medium",
            "--impact-labels",
            "Low, Medium, High",
            "--acceptance",
            "3",
            "--red",
            "6",
        ],
        PASS,
    );
    assert_eq!(wrong.status.code(), Some(9));
    assert!(
        stderr(&wrong)
            .contains("--likelihood-labels: Give every level a label. 2 given for 3 levels."),
        "{}",
        stderr(&wrong)
    );
    let set = isms(
        d,
        &[
            "method",
            "set",
            "acme.isms",
            "--size",
            "3x3",
            "--likelihood-labels",
            "Low, Medium, High",
            "--impact-labels",
            "Low;Medium;High",
            "--acceptance",
            "3",
            "--red",
            "6",
        ],
        PASS,
    );
    assert!(set.status.success(), "{}", stderr(&set));
    assert!(
        stdout(&set).contains("Risk method set: 3×3, acceptable up to 3, red from 6"),
        "{}",
        stdout(&set)
    );
    let show = isms(d, &["method", "show", "acme.isms", "--json"], PASS);
    let method: serde_json::Value = serde_json::from_str(&stdout(&show)).unwrap();
    assert_eq!(method["impact_labels"][2], "High");
    assert_eq!(method["red_threshold"], 6);
    let imported = isms(d, &["import", "acme.isms", "risks", "risks.csv"], PASS);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert!(
        stdout(&imported).contains("created 2"),
        "{}",
        stdout(&imported)
    );
}

#[test]
fn method_set_common_is_the_common_five_by_five() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(
        isms(d, &["new", "acme.isms", "--org", "Acme"], PASS)
            .status
            .success()
    );
    let set = isms(
        d,
        &["method", "set", "acme.isms", "--common", "--red", "16"],
        PASS,
    );
    assert!(set.status.success(), "{}", stderr(&set));
    let show = isms(d, &["method", "show", "acme.isms"], PASS);
    let text = stdout(&show);
    assert!(text.contains("5×5"), "{text}");
    assert!(
        text.contains("a score of 16 or more"),
        "--red changes the common one: {text}"
    );
    assert!(
        text.contains("5 Almost certain: Expected to happen"),
        "{text}"
    );
}

#[test]
fn method_set_from_a_sheet_of_levels_with_their_meanings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(
        isms(d, &["new", "acme.isms", "--org", "Acme"], PASS)
            .status
            .success()
    );
    std::fs::write(
        d.join("levels.csv"),
        "Scale,Level,Label,Meaning\n\
         Impact,2,Medium,A day of disruption\n\
         Likelihood,1,Seldom,Once in ten years\n\
         Likelihood,2,Sometimes,Once a year\n\
         Likelihood,3,Often,Monthly\n\
         Impact,1,Low,Hardly noticed\n\
         Impact,3,High,Clients lost\n",
    )
    .unwrap();
    let set = isms(
        d,
        &[
            "method",
            "set",
            "acme.isms",
            "--from",
            "levels.csv",
            "--acceptance",
            "2",
            "--red",
            "6",
        ],
        PASS,
    );
    assert!(set.status.success(), "{}", stderr(&set));
    let show = stdout(&isms(d, &["method", "show", "acme.isms"], PASS));
    assert!(show.contains("3×3"), "{show}");
    assert!(show.contains("1 Seldom: Once in ten years"), "{show}");
    assert!(
        show.contains("2 Medium: A day of disruption"),
        "levels sorted: {show}"
    );
    std::fs::write(
        d.join("gaps.csv"),
        "Scale,Level,Label\nLikelihood,1,A\nLikelihood,3,C\nImpact,1,X\nColour,1,Red\n",
    )
    .unwrap();
    let bad = isms(
        d,
        &[
            "method",
            "set",
            "acme.isms",
            "--from",
            "gaps.csv",
            "--acceptance",
            "1",
            "--red",
            "2",
        ],
        PASS,
    );
    assert_eq!(bad.status.code(), Some(9));
    let err = stderr(&bad);
    assert!(err.contains("“colour” is not a scale"), "{err}");
    assert!(err.contains("likelihood levels are [1, 3]"), "{err}");
}
