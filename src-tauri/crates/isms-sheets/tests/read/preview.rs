//! The wizard's preview: the header row found below a title, fields proposed from it, the first
//! data rows as the sheet shows them, a header row picked by hand, and the user's choice of
//! columns checked (a field from one column only, columns and fields that exist).

use isms_core::ErrorCode;
use isms_sheets::read::{Choice, Kind, choose, preview, preview::propose};

use super::fixtures::read_csv;

const STAFF: &[u8] = b"Staff list;;;\n;;;\nFull name;E-mail;Role;Shoe size\n\
Ann Smith;ann@x.example;CTO;38\n;;;\nBo Li;bo@x.example;Ops;44\n";

#[test]
fn the_header_row_is_found_and_fields_proposed() {
    let book = read_csv(STAFF);
    let p = preview(&book, &propose(&book, Kind::People, None).unwrap());
    assert_eq!(p.header_row, 3, "the title and blank rows are skipped");
    let fields: Vec<Option<&str>> = p.columns.iter().map(|c| c.field.as_deref()).collect();
    assert_eq!(
        fields,
        [Some("name"), Some("email"), Some("job_title"), None]
    );
    assert!(p.missing.is_empty(), "name and e-mail are mapped");
    assert_eq!(p.data_rows, 2, "the blank row 5 is no data row");
    assert_eq!(p.rows[1].row, 6, "rows keep the sheet's numbers");
    assert_eq!(p.rows[1].cells[0], "Bo Li");
    assert_eq!(p.detected.as_deref(), Some("UTF-8, semicolon-separated"));
}

#[test]
fn a_header_row_picked_by_hand_proposes_from_its_own_headers() {
    let book = read_csv(STAFF);
    let p = preview(&book, &propose(&book, Kind::People, Some(1)).unwrap());
    assert_eq!(p.header_row, 1);
    assert!(
        p.columns.iter().all(|c| c.field.is_none()),
        "“Staff list” names no field"
    );
    assert_eq!(
        p.missing,
        ["Name", "E-mail"],
        "both required fields are missing"
    );
    let err = propose(&book, Kind::People, Some(99)).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
}

#[test]
fn the_users_choice_is_checked_and_kept() {
    let book = read_csv(STAFF);
    let pick = |index, field: &str| Choice {
        index,
        field: Some(field.to_owned()),
    };
    let mapping = choose(&book, Kind::People, 3, &[pick(0, "name"), pick(3, "email")]).unwrap();
    assert_eq!(mapping.column_of("email").unwrap().letter, "D");
    assert!(
        mapping.column_of("job_title").is_none(),
        "only chosen columns fill fields"
    );

    let err = choose(
        &book,
        Kind::People,
        3,
        &[
            pick(0, "name"),
            pick(1, "name"),
            pick(9, "email"),
            pick(2, "shoe"),
        ],
    )
    .unwrap_err();
    assert_eq!(err.fields.len(), 3, "every problem at once: {err:?}");
    assert!(err.fields[0].message.contains("column A"), "{err:?}");
}
