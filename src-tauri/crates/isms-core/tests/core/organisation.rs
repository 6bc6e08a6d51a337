//! The organisation: validation with field errors, and edits that survive a reopen.

use chrono::NaiveDate;
use isms_core::ErrorCode;
use isms_core::organisation::{self, FindingPolicy};

use crate::support::{PASS, Scratch, stamp};

fn date(s: &str) -> Option<NaiveDate> {
    Some(s.parse().unwrap())
}

#[test]
fn edits_survive_close_and_reopen() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let mut org = organisation::get(vault.reader()).unwrap();
    org.name = "  Ørsted & Wąs Group  ".into();
    org.scope = "All software development and hosting from the Oslo office.".into();
    org.isms_start = date("2026-01-05");
    org.stage1_date = date("2026-03-10");
    org.stage2_target = date("2026-06-15");
    org.finding_policy = FindingPolicy::ZeroFindings;
    org.audit_months = 4;
    let saved = organisation::update(&mut vault, stamp(1), org.clone()).unwrap();
    assert_eq!(saved.name, "Ørsted & Wąs Group", "names are trimmed");
    vault.close().unwrap();
    let vault = s.reopen("acme.isms", PASS).unwrap();
    assert_eq!(organisation::get(vault.reader()).unwrap(), saved);
}

#[test]
fn validation_names_every_field_at_fault() {
    let s = Scratch::new();
    let mut vault = s.vault("acme.isms");
    let mut org = organisation::get(vault.reader()).unwrap();
    org.name = "   ".into();
    org.audit_months = 0;
    org.isms_start = date("2026-05-01");
    org.stage1_date = date("2026-04-01");
    org.stage2_target = date("2026-04-01");
    let err = organisation::update(&mut vault, stamp(1), org).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    let fields: Vec<&str> = err.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        fields,
        ["name", "audit_months", "stage1_date", "stage2_target"]
    );
    assert_eq!(
        organisation::get(vault.reader()).unwrap().name,
        "Ørsted & Wąs Ltd",
        "nothing saved"
    );
}
