//! Readiness and the demo company from the command line.

use super::{PASS, isms, stderr, stdout};

#[test]
fn readiness_prints_rules_as_text_or_json_and_exits_0_either_way() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = isms(d, &["new", "acme.isms", "--org", "Acme"], PASS);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = isms(
        d,
        &[
            "readiness",
            "acme.isms",
            "--stage",
            "1",
            "--as-of",
            "2026-06-01",
        ],
        PASS,
    );
    assert_eq!(out.status.code(), Some(0), "not ready is not an error");
    let text = stdout(&out);
    assert!(
        text.starts_with("Stage 1 readiness of Acme as of 2026-06-01: NOT READY"),
        "{text}"
    );
    assert!(text.contains("FAIL  S1-SCOPE  [4.3]  No scope statement is recorded."));
    assert!(text.contains("→ Write the ISMS scope statement"));
    let out = isms(
        d,
        &[
            "readiness",
            "acme.isms",
            "--stage",
            "2",
            "--as-of",
            "2026-06-01",
            "--json",
        ],
        PASS,
    );
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["stage"], 2);
    assert_eq!(report["as_of"], "2026-06-01");
    assert_eq!(report["ready"], false);
    let rules = report["rules"].as_array().unwrap();
    assert_eq!(
        rules.len(),
        16,
        "the Stage 2 rules of domain.md built so far"
    );
    let audits = rules.iter().find(|r| r["id"] == "S2-AUDITS").unwrap();
    assert_eq!(audits["status"], "fail");
    assert_eq!(audits["clause"], "9.2");
    assert_eq!(audits["records"][0]["kind"], "organisation");
    assert_eq!(audits["records"][0]["ref"], "Organisation");
    assert!(audits["fix"].as_str().unwrap().contains("Stage 1 date"));
    // A stage other than 1 or 2 is a usage error.
    let out = isms(d, &["readiness", "acme.isms", "--stage", "3"], PASS);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn demo_makes_the_same_company_every_time_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for name in ["a.isms", "b.isms"] {
        let out = isms(d, &["demo", name, "--at", "stage2-ready"], PASS);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stdout(&out).contains("Northwind Analytics Ltd"));
    }
    let export = |name: &str| {
        let out = isms(d, &["snapshot", "export", name], PASS);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    assert_eq!(
        export("a.isms"),
        export("b.isms"),
        "--today defaults to a fixed date"
    );
    let out = isms(
        d,
        &[
            "readiness",
            "a.isms",
            "--stage",
            "2",
            "--as-of",
            "2026-06-15",
            "--json",
        ],
        PASS,
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["ready"], true, "{}", stdout(&out));
    let out = isms(d, &["demo", "a.isms", "--at", "operating"], PASS);
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    let out = isms(d, &["demo", "c.isms", "--at", "stage3"], PASS);
    assert_eq!(out.status.code(), Some(2), "wrong usage: {}", stderr(&out));
    let out = isms(
        d,
        &[
            "demo",
            "c.isms",
            "--at",
            "operating",
            "--today",
            "2027-01-10",
        ],
        PASS,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = isms(
        d,
        &["demo", "d.isms", "--at", "empty", "--scale", "large"],
        PASS,
    );
    assert_eq!(out.status.code(), Some(9), "{}", stderr(&out));
}
