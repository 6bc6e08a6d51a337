//! The risk workbook: the method's scales and thresholds, and heat maps whose counts are the
//! core's own and add up to the register.

use calamine::{Data, DataType};
use isms_core::risks;
use isms_sheets::write::SheetKind;

use super::{body_rows, column, demo_vault, export, headers, range};

#[test]
fn the_method_sheet_holds_the_scales_and_thresholds() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(dir.path());
    let m = risks::get_method(vault.reader())
        .unwrap()
        .expect("a method");
    let out = export(&vault, SheetKind::Risks, dir.path());
    assert_eq!(headers(&out, "Method"), ["Setting", "Value", "Label"]);
    let levels = (m.likelihood_levels + m.impact_levels) as usize;
    assert_eq!(
        body_rows(&out, "Method"),
        levels + 2,
        "each level, and two thresholds"
    );
    let labels = column(&out, "Method", "Label");
    assert_eq!(labels[0], Data::String(m.likelihood_labels[0].clone()));
    assert_eq!(
        labels[m.likelihood_levels as usize],
        Data::String(m.impact_labels[0].clone()),
        "impact follows likelihood"
    );
    let values = column(&out, "Method", "Value");
    assert_eq!(
        values[levels].get_float(),
        Some(f64::from(m.acceptance_threshold))
    );
    assert_eq!(
        values[levels + 1].get_float(),
        Some(f64::from(m.red_threshold))
    );
}

#[test]
fn heat_maps_count_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(dir.path());
    let list = risks::list(vault.reader()).unwrap();
    let m = risks::get_method(vault.reader())
        .unwrap()
        .expect("a method");
    let out = export(&vault, SheetKind::Risks, dir.path());
    for (sheet, residual) in [("Inherent heat map", false), ("Residual heat map", true)] {
        let map = risks::heat_map(&list, &m, residual);
        let r = range(&out, sheet);
        assert_eq!(
            r.width(),
            m.impact_levels as usize + 1,
            "{sheet}: impact across"
        );
        let rows: Vec<&[Data]> = r.rows().skip(1).collect();
        assert_eq!(
            rows.len(),
            m.likelihood_levels as usize + 1,
            "{sheet}: levels and unscored"
        );
        let mut total = 0.0;
        for (i, row) in rows.iter().take(m.likelihood_levels as usize).enumerate() {
            let l = m.likelihood_levels as usize - 1 - i;
            assert_eq!(
                row[0],
                Data::String(format!("{} {}", l + 1, m.likelihood_labels[l])),
                "{sheet}: highest likelihood first"
            );
            for (j, cell) in row[1..].iter().enumerate() {
                let n = cell.get_float().expect("a count");
                assert_eq!(n, f64::from(map.cells[l][j]), "{sheet}: cell {l},{j}");
                total += n;
            }
        }
        let last = rows.last().unwrap();
        assert_eq!(last[0], Data::String("Not scored".into()));
        total += last[1].get_float().expect("a count");
        assert_eq!(
            total,
            list.len() as f64,
            "{sheet}: counts add up to the register"
        );
    }
}

#[test]
fn scores_are_numbers_and_owners_names_with_their_email() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo_vault(dir.path());
    let list = risks::list(vault.reader()).unwrap();
    let people = isms_core::people::list(vault.reader()).unwrap();
    let out = export(&vault, SheetKind::Risks, dir.path());
    let refs = column(&out, "Risks", "Reference");
    let likelihood = column(&out, "Risks", "Likelihood");
    let owners = column(&out, "Risks", "Owner");
    let emails = column(&out, "Risks", "E-mail");
    for (i, cell) in refs.iter().enumerate() {
        let risk = list
            .iter()
            .find(|r| Some(r.reference.as_str()) == cell.get_string())
            .expect("a reference");
        assert_eq!(likelihood[i].get_float(), risk.likelihood.map(f64::from));
        let owner = people.iter().find(|p| Some(p.id) == risk.owner_id);
        assert_eq!(owners[i].get_string(), owner.map(|p| p.name.as_str()));
        assert_eq!(emails[i].get_string(), owner.map(|p| p.email.as_str()));
    }
}
