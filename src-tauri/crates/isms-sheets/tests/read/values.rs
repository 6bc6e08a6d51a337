//! Values as registers in English, German and French write them: yes/no words, "not
//! applicable", control lists separated by spaces, levels with decimal commas or the method's
//! labels, numbers with decimal commas, and a treatment followed by a note.

use isms_sheets::read::Cell;
use isms_sheets::read::clean::{control_id, flag, level};

fn t(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

#[test]
fn every_yes_and_no_word_reads_back_and_none_means_both() {
    use isms_sheets::read::clean::FLAG_WORDS;
    let mut seen = std::collections::HashMap::new();
    for (answer, words) in FLAG_WORDS {
        for word in words {
            assert_eq!(flag(&t(word)), Ok(Some(answer)), "{word}");
            assert_eq!(
                flag(&t(&word.to_uppercase())),
                Ok(Some(answer)),
                "{word} in capitals"
            );
            let key = isms_core::vocabulary::normalized(word);
            if let Some(other) = seen.insert(key, answer) {
                assert_eq!(other, answer, "“{word}” means yes and no");
            }
        }
    }
    for (word, answer) in [
        ("Ja", true),
        ("Nein", false),
        ("Oui", true),
        ("Non", false),
        ("x", true),
        ("✓", true),
        ("Nicht anwendbar", false),
        ("Non applicable", false),
        ("Non-applicable", false),
        ("Sélectionné", true),
        ("selectionne", true),
        ("N/A", false),
        ("-", false),
    ] {
        assert_eq!(flag(&t(word)), Ok(Some(answer)), "{word}");
    }
    let err = flag(&t("vielleicht")).unwrap_err();
    assert!(err.contains("ja/nein, oui/non"), "{err}");
}

#[test]
fn not_applicable_in_any_of_the_three_languages_is_recognised() {
    use isms_sheets::read::clean::not_applicable;
    for word in [
        "Not applicable",
        "N/A",
        "n/a",
        "NA",
        "Nicht anwendbar",
        "Non applicable",
        "Non-applicable",
        "Excluded",
        "Sans objet",
    ] {
        assert!(not_applicable(&t(word)), "{word}");
    }
    for word in ["Implemented", "No", "Nein", "", "Not started"] {
        assert!(!not_applicable(&t(word)), "{word}");
    }
}

#[test]
fn control_lists_separated_by_spaces_keep_every_control() {
    use isms_sheets::read::clean::controls;
    for (written, expected) in [
        ("A 5.17 A 8.5", &["5.17", "8.5"][..]),
        ("A.5.17 A.8.5", &["5.17", "8.5"]),
        ("5.17 8.5", &["5.17", "8.5"]),
        ("A5.17 A8.5 A.8.24", &["5.17", "8.5", "8.24"]),
        ("A.5.1, A.8.24", &["5.1", "8.24"]),
        ("A.5.1 / A.5.2", &["5.1", "5.2"]),
        ("A.5.1 Policies for information security", &["5.1"]),
        (
            "5.1 Policies for information security\n5.2 Information security roles",
            &["5.1", "5.2"],
        ),
        ("5.1 Policies 5.2 Roles", &["5.1", "5.2"]),
        ("A.8.5; A.8.5", &["8.5"]),
        ("", &[]),
    ] {
        assert_eq!(controls(&t(written)).unwrap(), expected, "{written:?}");
    }
    let err = controls(&t("A 5.17 A 9.5")).unwrap_err();
    assert!(err.contains("“9.5” is not an Annex A control"), "{err}");
    assert!(controls(&Cell::Number(5.1)).is_err(), "5.1 or 5.10");
    assert_eq!(controls(&Cell::Number(8.24)).unwrap(), ["8.24"]);
}

#[test]
fn one_control_id_refuses_a_cell_naming_several() {
    let err = control_id(&t("A 5.17 A 8.5")).unwrap_err();
    assert!(err.contains("names 2 controls (5.17, 8.5)"), "{err}");
    assert_eq!(
        control_id(&t("A.5.17 Information security in supplier relationships")).unwrap(),
        "5.17"
    );
}

#[test]
fn levels_read_decimal_commas_and_labels_ignoring_case_and_accents() {
    let labels: Vec<String> = ["Rare", "Unlikely", "Possible", "Likely", "Très probable"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for (written, wanted) in [
        ("3,0", 3),
        ("3.0", 3),
        ("3,00", 3),
        ("likely", 4),
        ("LIKELY", 4),
        ("tres probable", 5),
        ("4 - Likely", 4),
    ] {
        assert_eq!(
            level(&t(written), &labels, "likelihood"),
            Ok(Some(wanted)),
            "{written}"
        );
    }
    for wrong in ["3,5", "Very likely", "6,0"] {
        assert!(level(&t(wrong), &labels, "likelihood").is_err(), "{wrong}");
    }
}

#[test]
fn numbers_read_decimal_commas_and_grouped_thousands() {
    use isms_sheets::read::clean::number;
    for (written, value) in [
        ("3,5", 3.5),
        ("3.5", 3.5),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("75 %", 75.0),
        ("98,2%", 98.2),
        ("1 234,5", 1234.5),
    ] {
        assert_eq!(number(&t(written), "a value"), Ok(Some(value)), "{written}");
    }
    assert_eq!(number(&t(""), "a value"), Ok(None));
    let err = number(&t("lots"), "a value").unwrap_err();
    assert_eq!(err, "“lots” is not a value.");
}

#[test]
fn a_treatment_followed_by_a_note_reads_as_the_treatment() {
    use isms_core::risks::Treatment;
    use isms_sheets::read::clean::phrase;
    for (written, value, noted) in [
        ("Accept", Treatment::Accept, false),
        ("Mitigate", Treatment::Modify, false),
        ("Treat", Treatment::Modify, false),
        ("Accept with monitoring", Treatment::Accept, true),
        ("Transfer (insurance)", Treatment::Transfer, true),
        ("Mitigate - patch monthly", Treatment::Modify, true),
        ("Reduzieren durch MFA", Treatment::Modify, true),
        ("Réduire : chiffrement", Treatment::Modify, true),
        ("Tragen", Treatment::Accept, false),
        ("Übertragen", Treatment::Transfer, false),
        ("Éviter", Treatment::Avoid, false),
    ] {
        assert_eq!(
            phrase::<Treatment>(&t(written), "a treatment"),
            Ok(Some((value, noted))),
            "{written}"
        );
    }
    for wrong in ["Ignore", "Monitor with care", "(insurance)"] {
        let err = phrase::<Treatment>(&t(wrong), "a treatment").unwrap_err();
        assert!(err.contains("is not a treatment: Modify, Avoid"), "{err}");
    }
}
