//! Header detection, proposed mappings, mapping files, and data rows read through a mapping
//! (on CSV; the XLSX cases are in `xlsx`).

use isms_core::ErrorCode;
use isms_sheets::read::{Kind, MappingFile, detect, find_header, propose_mapping, rows};

use super::fixtures::read_csv;

fn headers(h: &[&str]) -> Vec<String> {
    h.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_header_is_the_row_naming_the_most_fields_not_the_first() {
    let book = read_csv(
        b"Risk register;;;\nOwner: Jane;;;\n;;;\nRef ;Risk;Likelihood;Impact\nR-1;Phishing;4;High\n",
    );
    let found = find_header(&book, Kind::Risks).unwrap();
    assert_eq!(
        found.row, 4,
        "row 2 names one field (Owner), row 4 names four"
    );
    assert_eq!(
        found.headers,
        ["Ref", "Risk", "Likelihood", "Impact"],
        "trimmed"
    );
}

#[test]
fn a_sheet_without_a_header_row_says_what_was_looked_for() {
    let book = read_csv(b"foo;bar\n1;2\n");
    let err = find_header(&book, Kind::Soa).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert!(
        err.message
            .contains("No header row found in the first 30 rows"),
        "{}",
        err.message
    );
    assert!(err.message.contains("Control ID"), "{}", err.message);
}

#[test]
fn synonyms_map_headers_ignoring_case_spaces_and_notes_in_brackets() {
    let m = propose_mapping(
        &headers(&[
            "RISK OWNER ",
            "Probability",
            "Consequence (1-5)",
            "Risk",
            "Colour",
            "",
        ]),
        Kind::Risks,
    );
    let fields: Vec<_> = m.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            Some("owner"),
            Some("likelihood"),
            Some("impact"),
            Some("title"),
            None,
            None
        ]
    );
    let unmatched: Vec<_> = m.unmatched().map(|c| c.header.as_str()).collect();
    assert_eq!(unmatched, ["Colour"], "a blank header is not worth listing");
    assert!(m.missing_required().is_empty());
}

#[test]
fn a_header_meaning_two_fields_goes_where_it_ranks_best() {
    let m = propose_mapping(
        &headers(&["Control", "Ref", "Status", "Applicable"]),
        Kind::Soa,
    );
    assert_eq!(
        m.column_of("control_id").unwrap().header,
        "Ref",
        "Ref ranks above Control"
    );
    assert_eq!(
        m.column_of("title").unwrap().header,
        "Control",
        "so Control is the title"
    );
    assert_eq!(
        m.column_of("status").unwrap().header,
        "Status",
        "Status is the implementation status, never applicability"
    );
    assert_eq!(m.column_of("applicable").unwrap().header, "Applicable");
    let alone = propose_mapping(&headers(&["Control", "Applicable"]), Kind::Soa);
    assert_eq!(alone.column_of("control_id").unwrap().header, "Control");
}

#[test]
fn a_repeated_likelihood_and_impact_further_right_are_the_residual_ones() {
    let m = propose_mapping(
        &headers(&[
            "Risk",
            "Likelihood",
            "Impact",
            "Score",
            "Treatment",
            "Likelihood",
            "Impact",
            "Score",
        ]),
        Kind::Risks,
    );
    assert_eq!(m.column_of("likelihood").unwrap().letter, "B");
    assert_eq!(m.column_of("residual_likelihood").unwrap().letter, "F");
    assert_eq!(m.column_of("residual_impact").unwrap().letter, "G");
    let unmatched: Vec<_> = m.unmatched().map(|c| c.letter.as_str()).collect();
    assert_eq!(unmatched, ["D", "H"], "scores are computed, never imported");
}

#[test]
fn the_user_can_change_a_proposed_mapping() {
    let mut m = propose_mapping(&headers(&["Name", "Mail", "Team"]), Kind::People);
    assert_eq!(m.column_of("email").unwrap().index, 1);
    m.set(2, Some("job_title")).unwrap();
    assert_eq!(m.column_of("job_title").unwrap().header, "Team");
    m.set(0, Some("email")).unwrap();
    assert_eq!(
        m.column_of("email").unwrap().index,
        0,
        "taken from column B"
    );
    assert_eq!(m.columns[1].field, None);
    assert_eq!(m.missing_required()[0].name, "name");
    assert!(
        m.set(0, Some("likelihood")).is_err(),
        "not a field of people"
    );
    assert!(m.set(9, None).is_err(), "no column J");
}

#[test]
fn every_kind_exposes_named_labelled_fields_with_distinct_names() {
    for kind in Kind::ALL {
        assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        let fields = kind.fields();
        assert!(
            fields.iter().any(|f| f.required),
            "{kind:?} has a required field"
        );
        for f in fields {
            assert!(!f.label.is_empty() && !f.synonyms.is_empty(), "{}", f.name);
            assert_eq!(
                fields.iter().filter(|g| g.name == f.name).count(),
                1,
                "{}",
                f.name
            );
        }
    }
    let soa = Kind::Soa.fields();
    let id = soa.iter().find(|f| f.name == "control_id").unwrap();
    for h in [
        "Control ID",
        "Ref",
        "Control",
        "Clause",
        "Annex A",
        "Reference",
    ] {
        assert!(isms_sheets::read::fields::rank(id, h).is_some(), "{h}");
    }
}

#[test]
fn a_mapping_file_is_applied_to_its_header_row() {
    let book = read_csv(b"SoA;;\n\nRef;Included;Why\nA.5.1;yes;\n");
    let file = MappingFile::parse(
        r#"{"sheet": "Register", "header_row": 3,
            "columns": {"Ref": "control_id", "included ": "applicable", "Why": null}}"#,
    )
    .unwrap();
    let m = file.apply(&book, Kind::Soa).unwrap();
    assert_eq!(m.header_row, 3);
    assert_eq!(
        m.column_of("applicable").unwrap().header,
        "Included",
        "case and spaces ignored"
    );
    assert_eq!(m.columns[2].field, None, "null leaves Why out");
    let got = rows(&book, &m);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].row, 4);
}

#[test]
fn a_wrong_mapping_file_lists_every_problem() {
    let book = read_csv(b"Ref;Included;Why\nA.5.1;yes;\n");
    let file = MappingFile::parse(
        r#"{"sheet": "Other", "header_row": 1,
            "columns": {"Reff": "control_id", "Included": "applicabel", "Why": "justification",
                        "Ref": "justification"}}"#,
    )
    .unwrap();
    let err = file.apply(&book, Kind::Soa).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    let messages: Vec<&str> = err.fields.iter().map(|f| f.message.as_str()).collect();
    let all = messages.join("\n");
    assert!(
        all.contains("for the sheet “Other”, not “register”"),
        "{all}"
    );
    assert!(all.contains("“Reff” is not a header of row 1"), "{all}");
    assert!(
        all.contains("“applicabel” is not a field of soa: control_id"),
        "{all}"
    );
    assert!(
        all.contains("justification is given to two columns"),
        "{all}"
    );
    assert!(all.contains("No column is mapped to control_id"), "{all}");
    let bad_row = MappingFile::parse(r#"{"header_row": 9, "columns": {}}"#).unwrap();
    let err = bad_row.apply(&book, Kind::Soa).unwrap_err();
    assert!(err.fields[0].message.contains("has 2 rows"), "{err:?}");
    let err = MappingFile::parse(r#"{"columns": {}, "sheeet": "x"}"#).unwrap_err();
    assert!(err.message.contains("unknown field"), "{}", err.message);
    assert!(MappingFile::parse("not json").is_err());
}

#[test]
fn rows_skip_blank_and_note_rows_and_keep_spreadsheet_numbers() {
    let book = read_csv(
        b"Risk register\n\nRef;Title;Owner;Likelihood;Impact\n\
          R-1;Phishing;Jane;4;High\n\
          ;;;;\n\
          Operational risks;;;;\n\
          R-2;Flood;Ana\xC2\xA0;Hgh;2\n\
          ;Note;;;\n",
    );
    let mapping = detect(&book, Kind::Risks).unwrap();
    assert_eq!(mapping.header_row, 3);
    let got = rows(&book, &mapping);
    let numbers: Vec<u32> = got.iter().map(|r| r.row).collect();
    assert_eq!(numbers, [4, 7], "row 5 is blank, rows 6 and 8 are notes");
    let r2 = &got[1];
    assert_eq!(r2.sheet, "register");
    assert_eq!(r2.address("likelihood"), "register!D7");
    let labels: Vec<String> = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]
        .map(String::from)
        .to_vec();
    let message =
        isms_sheets::read::clean::level(r2.cell("likelihood"), &labels, "likelihood").unwrap_err();
    let error = r2.error("likelihood", &message);
    assert_eq!(error.field, "register!D7");
    assert_eq!(
        error.message,
        "register!D7: “Hgh” is not a likelihood: 1–5 or Rare, Unlikely, Possible, Likely, Almost certain"
    );
    assert_eq!(
        isms_sheets::read::clean::text(r2.cell("owner")).as_deref(),
        Some("Ana")
    );
}

#[test]
fn a_mapping_file_overrides_only_what_it_names() {
    let book = read_csv(b"Ref;Title;Owner;Likelihood;Impact;Remarks\nR-1;Fire;Ann;2;3;x\n");
    let proposed = detect(&book, Kind::Risks).unwrap();
    assert!(proposed.column_of("title").is_some());
    let file =
        MappingFile::parse(r#"{"columns": {"Remarks": "description", "Owner": null}}"#).unwrap();
    let m = file.apply(&book, Kind::Risks).unwrap();
    assert_eq!(
        m.column_of("description").unwrap().header,
        "Remarks",
        "the named column takes the file's field"
    );
    assert_eq!(
        m.column_of("owner"),
        None,
        "null leaves the named column out"
    );
    for field in ["reference", "title", "likelihood", "impact"] {
        assert_eq!(
            m.column_of(field).map(|c| c.index),
            proposed.column_of(field).map(|c| c.index),
            "{field} is kept as proposed: the file does not name it"
        );
    }
}

#[test]
fn a_field_named_by_the_file_leaves_the_column_proposed_for_it() {
    let book = read_csv(b"Ref;Title;Description\nR-1;Fire;Server room fire\n");
    let file = MappingFile::parse(r#"{"columns": {"Description": "title"}}"#).unwrap();
    let m = file.apply(&book, Kind::Risks).unwrap();
    assert_eq!(m.column_of("title").unwrap().header, "Description");
    assert_eq!(
        m.columns[1].field, None,
        "“Title” no longer fills title: one field, one column"
    );
}

#[test]
fn columns_are_named_by_letter_in_a_file_without_a_header_row() {
    let book = read_csv(b"R-1;Fire;Ann Smith;2;3\nR-2;Flood;Bo Jones;1;4\n");
    let file = MappingFile::parse(
        r#"{"header_row": 0, "columns": {"A": "reference", "b": "title", "C": "owner",
            "D": "likelihood", "E": "impact"}}"#,
    )
    .unwrap();
    let m = file.apply(&book, Kind::Risks).unwrap();
    assert_eq!(m.header_row, 0);
    assert_eq!(m.column_of("owner").unwrap().letter, "C");
    let got = rows(&book, &m);
    assert_eq!(got.len(), 2, "row 1 is data, not a header");
    assert_eq!(got[0].row, 1);
    assert_eq!(got[0].cell("title").display(), "Fire");
    // Without header_row, a sheet where no row names a field is read as having none.
    let found = MappingFile::parse(r#"{"columns": {"A": "reference", "B": "title"}}"#)
        .unwrap()
        .apply(&book, Kind::Risks)
        .unwrap();
    assert_eq!(found.header_row, 0);
    assert_eq!(rows(&book, &found).len(), 2);
    let err = MappingFile::parse(r#"{"header_row": 0, "columns": {"Title": "title"}}"#)
        .unwrap()
        .apply(&book, Kind::Risks)
        .unwrap_err();
    assert!(
        err.fields[0].message.contains("name columns by letter"),
        "{err:?}"
    );
}

#[test]
fn the_second_of_two_same_named_columns_is_chosen_with_its_number() {
    let book = read_csv(
        b"Ref;Title;Owner;Likelihood;Impact;Owner\nR-1;Fire;Ann Smith;2;3;ann@example.com\n",
    );
    let file =
        MappingFile::parse(r#"{"columns": {"Owner#2": "owner_email", "Owner": null}}"#).unwrap();
    let m = file.apply(&book, Kind::Risks).unwrap();
    assert_eq!(
        m.column_of("owner_email").unwrap().index,
        5,
        "the second “Owner”, in F"
    );
    assert_eq!(m.columns[2].field, None, "the first “Owner” left out");
    let err = MappingFile::parse(r#"{"columns": {"Owner#3": "owner"}}"#)
        .unwrap()
        .apply(&book, Kind::Risks)
        .unwrap_err();
    assert!(
        err.fields[0]
            .message
            .contains("There are 2 columns headed “Owner”, not 3"),
        "{err:?}"
    );
}

#[test]
fn values_say_what_a_cell_means_per_field() {
    let book =
        read_csv(b"Ref;Title;Owner;Likelihood;Impact\nR-1;Fire;Head of Sales;Significant;3\n");
    let file = MappingFile::parse(
        r#"{"values": {"owner": {"head of  sales": "ann@example.com"},
                       "likelihood": {"Significant": 4}}}"#,
    )
    .unwrap();
    let m = file.apply(&book, Kind::Risks).unwrap();
    let got = rows(&book, &m);
    assert_eq!(
        got[0].cell("owner").display(),
        "ann@example.com",
        "case and inner spaces ignored"
    );
    assert_eq!(
        got[0].cell("likelihood").display(),
        "4",
        "a number as its text"
    );
    assert_eq!(got[0].cell("impact").display(), "3", "no values for impact");
    let err = MappingFile::parse(r#"{"values": {"ownr": {"x": "y"}, "owner": {"ISO": true}}}"#)
        .unwrap()
        .apply(&book, Kind::Risks)
        .unwrap_err();
    let all: Vec<&str> = err.fields.iter().map(|f| f.message.as_str()).collect();
    assert!(
        all.iter().any(|m| m.contains("“ownr” is not a field")),
        "{all:?}"
    );
    assert!(
        all.iter().any(|m| m.contains("a text or a number")),
        "{all:?}"
    );
}
