//! A mapping's values: owners written as roles and levels in the register's own words, read
//! as the people and levels they mean; an owner nobody is called named once for all its rows.

use isms_core::risks::{self, RiskMethod};
use isms_sheets::import::{self, Mode, import, unwatched};
use isms_sheets::read::{Kind, Limits, MappingFile, detect, open};

use super::*;

const REGISTER: &str = "Ref,Title,Owner,Likelihood,Impact\n\
    R-1,Laptop stolen,Head of Sales,Significant,2\n\
    R-2,Phishing,ISO,Likely,3\n\
    R-3,Flood,Head of Sales,Rare,5\n\
    R-4,Fire,Head of sales,Rare,5\n";

fn vault(dir: &Path) -> Vault {
    let mut vault = empty_vault(dir, "v.isms");
    risks::set_method(&mut vault, stamp(), RiskMethod::default()).unwrap();
    add_people(
        &mut vault,
        &[
            ("Ann Smith", "ann@example.com"),
            ("Bob Jones", "bob@example.com"),
        ],
    );
    vault
}

#[test]
fn an_owner_nobody_is_called_is_named_once_with_every_row_that_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = vault(dir.path());
    let path = file(dir.path(), "Risks.csv", REGISTER);
    let err = run(&mut vault, Kind::Risks, &path, None, true).unwrap_err();
    let owners: Vec<&str> = err
        .fields
        .iter()
        .map(|f| f.message.as_str())
        .filter(|m| m.contains("Nobody in the vault is called"))
        .collect();
    assert_eq!(
        owners.len(),
        2,
        "“Head of Sales” (three rows, in any case) and “ISO”, each once: {owners:#?}"
    );
    let sales = owners
        .iter()
        .find(|m| m.contains("“Head of Sales”"))
        .unwrap();
    assert!(
        sales.starts_with("Risks!C2, C4, C5 (Owner)") && sales.contains("(3 rows)"),
        "{sales}"
    );
    assert!(
        sales.contains(r#""values":{"owner":{"Head of Sales":"#),
        "it says how to map the value: {sales}"
    );
    assert!(
        err.message.contains("in 4 rows"),
        "rows counted, not values: {}",
        err.message
    );
    let book = open(&path, None, Limits::default()).unwrap();
    let mapping = detect(&book, Kind::Risks).unwrap();
    let values = import::unresolved(&vault, Kind::Risks, &book, &mapping).unwrap();
    let shown: Vec<(&str, &str, usize)> = values
        .iter()
        .map(|v| (v.field.as_str(), v.value.as_str(), v.cells.len()))
        .collect();
    assert_eq!(
        shown,
        [("owner", "Head of Sales", 3), ("owner", "ISO", 1)],
        "each value once, as its first row writes it"
    );
}

#[test]
fn owners_and_levels_are_read_through_the_mappings_values() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = vault(dir.path());
    let path = file(dir.path(), "Risks.csv", REGISTER);
    let book = open(&path, None, Limits::default()).unwrap();
    let mapping = MappingFile::parse(
        r#"{"values": {"owner": {"Head of Sales": "ann@example.com", "ISO": "Bob Jones"},
                       "likelihood": {"Significant": 4}}}"#,
    )
    .unwrap()
    .apply(&book, Kind::Risks)
    .unwrap();
    let backups = backups(dir.path());
    let report = import(
        &mut vault,
        stamp(),
        Kind::Risks,
        &book,
        &mapping,
        Mode::Write { backups: &backups },
        &mut unwatched,
    )
    .unwrap();
    assert_eq!(report.created, 4);
    let people = isms_core::people::list(vault.reader()).unwrap();
    let id = |email: &str| people.iter().find(|p| p.email == email).unwrap().id;
    let all = risks::list(vault.reader()).unwrap();
    let risk = |r: &str| all.iter().find(|x| x.reference == r).unwrap();
    assert_eq!(risk("R-1").owner_id, Some(id("ann@example.com")));
    assert_eq!(risk("R-1").likelihood, Some(4), "Significant means 4");
    assert_eq!(risk("R-2").owner_id, Some(id("bob@example.com")), "by name");
    assert_eq!(
        risk("R-4").owner_id,
        Some(id("ann@example.com")),
        "any case"
    );
}
