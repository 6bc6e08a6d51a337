//! Assets: round trip with owners resolved by e-mail, matched by name on re-import, an
//! unknown or ambiguous owner refused with the row.

use isms_sheets::read::Kind;
use isms_sheets::write::SheetKind;

use super::*;

#[test]
fn assets_round_trip_into_an_empty_vault() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_vault(dir.path());
    let people = export(&demo, SheetKind::People, dir.path(), "people.xlsx");
    let first = export(&demo, SheetKind::Assets, dir.path(), "assets.xlsx");
    let mut empty = empty_vault(dir.path(), "empty.isms");
    run(&mut empty, Kind::People, &people, None, false).unwrap();
    let report = run(&mut empty, Kind::Assets, &first, None, false).unwrap();
    let n = isms_core::assets::list(demo.reader()).unwrap().len() as u32;
    assert_eq!((report.created, report.updated), (n, 0));
    let again = export(&empty, SheetKind::Assets, dir.path(), "again.xlsx");
    assert_eq!(cells(&first, "Assets"), cells(&again, "Assets"));
    let twice = run(&mut empty, Kind::Assets, &first, None, false).unwrap();
    assert_eq!(
        (twice.created, twice.updated, twice.unchanged),
        (0, 0, n),
        "matched by name"
    );
}

#[test]
fn an_unknown_or_ambiguous_owner_names_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(
        &mut vault,
        &[
            ("Sam Lee", "sam.lee@example.com"),
            ("Sam Lee", "sam.l@example.com"),
            ("Ann Smith", "ann@example.com"),
        ],
    );
    let before = state(&vault);
    let f = file(
        dir.path(),
        "Inventory.csv",
        "Asset,Type,Owner\nLaptops,Hardware,ann smith\nCRM,SaaS,Sam Lee\nPayroll,SaaS,Nobody\n",
    );
    let found = problems(run(&mut vault, Kind::Assets, &f, None, false));
    has(&found, "Inventory!C3", "2 people are called “Sam Lee”");
    has(
        &found,
        "Inventory!C4",
        "Nobody in the vault is called “Nobody”",
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(state(&vault), before);
    let f = file(
        dir.path(),
        "Inventory2.csv",
        "Asset,Type,Owner\nLaptops,Hardware,ann smith\nCRM,SaaS,sam.l@example.com\n",
    );
    let report = run(&mut vault, Kind::Assets, &f, None, false).unwrap();
    assert_eq!(report.created, 2, "an e-mail picks the one Sam Lee");
}
