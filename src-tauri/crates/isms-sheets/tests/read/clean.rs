//! The cleaners of single values: text and blank markers, several values in a cell, yes/no,
//! control ids and the risk method's levels.

use isms_sheets::read::Cell;
use isms_sheets::read::clean::{control_id, flag, level, split, text};

fn t(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

#[test]
fn blank_markers_and_non_breaking_spaces_read_as_nothing() {
    for blank in [
        "", "   ", "\u{a0}", "#N/A", "#REF!", "N/A", "n/a", "-", "—", "NA",
    ] {
        assert_eq!(text(&t(blank)), None, "{blank:?} is a blank marker");
    }
    assert_eq!(
        text(&Cell::Error("#N/A".into())),
        None,
        "a cached #N/A error"
    );
    assert_eq!(text(&Cell::Empty), None);
    assert_eq!(
        text(&t("\u{a0}Jane Doe\u{a0} ")).as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(
        text(&Cell::Number(3.0)).as_deref(),
        Some("3"),
        "no needless .0"
    );
}

#[test]
fn several_values_split_on_newline_semicolon_comma_and_pipe() {
    let cell = t("Laptops\nCRM; Backups, Office 365 | Payroll\r\n");
    assert_eq!(
        split(&cell),
        ["Laptops", "CRM", "Backups", "Office 365", "Payroll"]
    );
    assert!(split(&t("#N/A")).is_empty(), "a blank marker is no value");
    assert_eq!(
        split(&t("A.5.1;;  ;A.8.2")),
        ["A.5.1", "A.8.2"],
        "blanks dropped"
    );
}

#[test]
fn every_yes_form_is_yes_and_every_no_form_is_no() {
    for yes in [
        "yes",
        "Yes",
        "Y",
        "y",
        "TRUE",
        "true",
        "1",
        "x",
        "X",
        "✓",
        "Applicable",
        "Included",
        "Yes.",
    ] {
        assert_eq!(flag(&t(yes)), Ok(Some(true)), "{yes}");
    }
    for no in [
        "no",
        "No",
        "N",
        "FALSE",
        "0",
        "Not applicable",
        "not applicable",
        "Excluded",
        "N/A",
    ] {
        assert_eq!(
            flag(&t(no)),
            Ok(Some(false)),
            "{no}: N/A in a yes/no column means not applicable"
        );
    }
    assert_eq!(flag(&Cell::Bool(true)), Ok(Some(true)));
    assert_eq!(flag(&Cell::Number(0.0)), Ok(Some(false)));
    assert_eq!(flag(&Cell::Empty), Ok(None), "blank: the importer decides");
    assert_eq!(flag(&t(" \u{a0}")), Ok(None));
    let err = flag(&t("Maybe")).unwrap_err();
    assert!(err.contains("“Maybe” is not a yes or no"), "{err}");
}

#[test]
fn every_control_id_form_reads_as_the_vaults_id() {
    for (written, id) in [
        ("A.5.1", "5.1"),
        ("A 5.1", "5.1"),
        ("5.1", "5.1"),
        ("5.01", "5.1"),
        ("A.05.01", "5.1"),
        ("27001:2022-5.01", "5.1"),
        ("ISO/IEC 27001:2022 A.8.34", "8.34"),
        ("Annex A 7.4", "7.4"),
        ("a.8.10", "8.10"),
        ("A.5.1 Policies for information security", "5.1"),
        ("8.24 - Use of cryptography", "8.24"),
        ("\u{a0}A.6.3 ", "6.3"),
    ] {
        assert_eq!(control_id(&t(written)).as_deref(), Ok(id), "{written}");
    }
    assert_eq!(control_id(&Cell::Number(8.24)).as_deref(), Ok("8.24"));
    assert_eq!(
        control_id(&Cell::Number(5.01)).as_deref(),
        Ok("5.1"),
        "5.01 cannot be 5.10"
    );
}

#[test]
fn a_control_id_that_is_not_in_annex_a_is_refused_with_the_range() {
    for bad in [
        "A.5.38", "9.1", "A.5", "5.1.2", "A.12.1.1", "Policies", "#N/A",
    ] {
        let err = control_id(&t(bad)).unwrap_err();
        assert!(
            err.contains("Annex A") || err.contains("needed"),
            "{bad}: {err}"
        );
    }
    let err = control_id(&t("A.5.38")).unwrap_err();
    assert!(err.contains("5.1 to 5.37"), "{err}");
}

#[test]
fn a_control_id_stored_as_a_number_that_could_be_two_controls_is_refused() {
    let err = control_id(&Cell::Number(5.1)).unwrap_err();
    assert!(
        err.contains("5.1 or 5.10"),
        "Excel turns 5.10 into 5.1: {err}"
    );
    assert!(control_id(&Cell::Number(8.2)).is_err(), "8.2 or 8.20");
    assert_eq!(
        control_id(&Cell::Number(5.4)).as_deref(),
        Ok("5.4"),
        "there is no 5.40"
    );
}

fn labels() -> Vec<String> {
    ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]
        .map(String::from)
        .to_vec()
}

#[test]
fn a_level_is_a_number_or_one_of_the_methods_labels() {
    let l = labels();
    assert_eq!(level(&Cell::Number(4.0), &l, "likelihood"), Ok(Some(4)));
    assert_eq!(level(&t("2"), &l, "likelihood"), Ok(Some(2)));
    assert_eq!(
        level(&t("likely"), &l, "likelihood"),
        Ok(Some(4)),
        "case ignored"
    );
    assert_eq!(level(&t("ALMOST CERTAIN "), &l, "likelihood"), Ok(Some(5)));
    assert_eq!(level(&t("3 - Possible"), &l, "likelihood"), Ok(Some(3)));
    assert_eq!(level(&t("#N/A"), &l, "likelihood"), Ok(None));
    assert_eq!(level(&Cell::Empty, &l, "impact"), Ok(None));
}

#[test]
fn a_level_out_of_the_scale_says_what_the_scale_is() {
    let l = labels();
    assert_eq!(
        level(&t("Hgh"), &l, "likelihood").unwrap_err(),
        "“Hgh” is not a likelihood: 1–5 or Rare, Unlikely, Possible, Likely, Almost certain"
    );
    assert!(
        level(&Cell::Number(6.0), &l, "impact")
            .unwrap_err()
            .contains("an impact: 1–5")
    );
    assert!(level(&t("0"), &l, "impact").is_err());
    assert!(
        level(&t("2 - Likely"), &l, "impact").is_err(),
        "number and label disagree"
    );
    assert!(level(&Cell::Number(2.5), &l, "impact").is_err());
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Status {
    NotStarted,
    InProgress,
    Implemented,
}

const STATUSES: &[(Status, &[&str])] = &[
    (Status::NotStarted, &["Not started", "planned", "to do"]),
    (
        Status::InProgress,
        &["In progress", "partially implemented", "ongoing"],
    ),
    (Status::Implemented, &["Implemented", "done", "complete"]),
];

#[test]
fn a_choice_reads_any_of_its_words_and_lists_them_when_wrong() {
    use isms_sheets::read::clean::choice;
    let status = |s: &str| choice(&t(s), "an implementation status", STATUSES);
    assert_eq!(status("in_progress"), Ok(Some(Status::InProgress)));
    assert_eq!(status(" In-Progress "), Ok(Some(Status::InProgress)));
    assert_eq!(status("DONE"), Ok(Some(Status::Implemented)));
    assert_eq!(status("to  do"), Ok(Some(Status::NotStarted)));
    assert_eq!(status("N/A"), Ok(None), "blank");
    assert_eq!(
        status("Implmented").unwrap_err(),
        "“Implmented” is not an implementation status: Not started, In progress, Implemented."
    );
}

/// A list of the core's vocabulary reads its label, its value's name and the words the sheets
/// wrote before the vocabulary ("Major nonconformity"), and the message lists the labels.
#[test]
fn a_vocabulary_word_reads_the_label_the_name_and_the_old_words() {
    use isms_core::tracker::ItemKind;
    use isms_sheets::read::clean::word;
    let kind = |s: &str| word::<ItemKind>(&t(s), "a type");
    for s in [
        "Major NC",
        "major_nc",
        "Major nonconformity",
        " MAJOR  NON-CONFORMITY ",
    ] {
        assert_eq!(kind(s), Ok(Some(ItemKind::MajorNc)), "{s}");
    }
    assert_eq!(kind("Opportunity for improvement"), Ok(Some(ItemKind::Ofi)));
    assert_eq!(kind("OFI"), Ok(Some(ItemKind::Ofi)));
    assert_eq!(kind("#N/A"), Ok(None), "blank");
    assert_eq!(
        kind("Serious").unwrap_err(),
        "“Serious” is not a type: Major NC, Minor NC, OFI, Observation, Action."
    );
}

#[test]
fn a_whole_number_reads_from_a_number_or_text_with_a_unit() {
    use isms_sheets::read::clean::whole;
    assert_eq!(
        whole(&Cell::Number(12.0), "a review interval"),
        Ok(Some(12))
    );
    assert_eq!(whole(&t("12 months"), "a review interval"), Ok(Some(12)));
    assert_eq!(whole(&t("-"), "a review interval"), Ok(None));
    assert!(whole(&Cell::Number(1.5), "a review interval").is_err());
    assert!(
        whole(&t("yearly"), "a review interval")
            .unwrap_err()
            .contains("a whole number")
    );
}
