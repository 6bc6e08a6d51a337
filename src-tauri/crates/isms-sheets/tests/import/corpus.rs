//! A small corpus of registers as people keep them, written here in their styles and imported
//! into a real vault: an English SoA that says "Reason for inclusion / exclusion" and "Not
//! applicable", a German risk register (and its words off the method's scale), a French SoA.
//! The lists a form or a findings log gives are in `corpus_lists`. Each checks the rows and
//! the values they leave in the vault.

use isms_core::risks::{self, RiskMethod, Treatment};
use isms_core::soa::{self, ImplementationStatus};
use isms_sheets::read::Kind;

use super::*;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn entry(vault: &Vault, id: &str) -> isms_core::soa::SoaEntry {
    soa::list(vault.reader())
        .unwrap()
        .into_iter()
        .find(|e| e.control_id == id)
        .unwrap()
}

pub fn person_id(vault: &Vault, email: &str) -> i64 {
    isms_core::people::list(vault.reader())
        .unwrap()
        .into_iter()
        .find(|p| p.email == email)
        .unwrap()
        .id
}

#[test]
fn an_english_soa_with_reasons_descriptions_and_not_applicable_imports() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Ann Smith", "ann@example.com")]);
    let rows: &[&[&str]] = &[
        &["Statement of Applicability", "", "", "", "", ""],
        &[
            "Control",
            "Control name",
            "Applicable?",
            "Reason for inclusion / exclusion",
            "Implementation Status",
            "Implementation Description",
            "Responsible Party",
        ],
        &[
            "A.5.1",
            "Policies for information security",
            "Yes",
            "Required by clause 5.2",
            "Implemented",
            "Policy set approved by the board",
            "Ann Smith",
        ],
        &[
            "A.5.7",
            "Threat intelligence",
            "",
            "Too small to run threat intelligence",
            "Not applicable",
            "",
            "",
        ],
        &[
            "A.7.4",
            "Physical security monitoring",
            "",
            "Shared office; the landlord monitors",
            "N/A",
            "",
            "",
        ],
        &[
            "A.8.5",
            "Secure authentication",
            "✓",
            "Customer contracts",
            "Partially implemented",
            "MFA on e-mail; VPN next",
            "ann@example.com",
        ],
    ];
    let f = xlsx(dir.path(), "soa.xlsx", "SoA", rows);
    let report = run(&mut vault, Kind::Soa, &f, None, false).unwrap();
    assert_eq!((report.rows, report.updated), (4, 4));
    let ann = person_id(&vault, "ann@example.com");
    let policies = entry(&vault, "5.1");
    assert_eq!(policies.applicable, Some(true));
    assert_eq!(policies.justification, "Required by clause 5.2");
    assert_eq!(policies.notes, "Policy set approved by the board");
    assert_eq!(policies.status, Some(ImplementationStatus::Implemented));
    assert_eq!(policies.owner_id, Some(ann));
    for id in ["5.7", "7.4"] {
        let excluded = entry(&vault, id);
        assert_eq!(excluded.applicable, Some(false), "{id}: not applicable");
        assert_eq!(excluded.status, None, "{id}: no status read from it");
        assert!(!excluded.justification.is_empty());
    }
    let auth = entry(&vault, "8.5");
    assert_eq!(auth.applicable, Some(true));
    assert_eq!(auth.status, Some(ImplementationStatus::InProgress));
    assert_eq!(auth.notes, "MFA on e-mail; VPN next");
}

#[test]
fn a_not_applicable_status_beside_applicable_yes_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    let rows: &[&[&str]] = &[
        &["Control", "Applicable", "Justification", "Status"],
        &["A.5.7", "Yes", "We do it", "Not applicable"],
    ];
    let f = xlsx(dir.path(), "soa.xlsx", "SoA", rows);
    let found = problems(run(&mut vault, Kind::Soa, &f, None, false));
    has(&found, "SoA!D2 (Status)", "Applicable column says yes");
}

/// A 3×3 method with German labels.
fn german_method(vault: &mut Vault) {
    let words = |w: [&str; 3]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let method = RiskMethod {
        likelihood_levels: 3,
        impact_levels: 3,
        likelihood_labels: words(["Selten", "Möglich", "Wahrscheinlich"]),
        impact_labels: words(["Gering", "Mittel", "Hoch"]),
        likelihood_definitions: Vec::new(),
        impact_definitions: Vec::new(),
        acceptance_threshold: 3,
        red_threshold: 6,
    };
    risks::set_method(vault, stamp(), method).unwrap();
}

#[test]
fn a_german_risk_register_imports() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    german_method(&mut vault);
    add_people(&mut vault, &[("Jana Weber", "jana@example.de")]);
    isms_core::assets::create(
        &mut vault,
        stamp(),
        isms_core::assets::Asset::named("Notebooks"),
    )
    .unwrap();
    let rows: &[&[&str]] = &[
        &["Risikoregister der Beispiel GmbH", "", ""],
        &[
            "Nr.",
            "Titel",
            "Bedrohung",
            "Schwachstelle",
            "Werte",
            "Risikoeigner",
            "Eintrittswahrscheinlichkeit",
            "Schadensausmaß",
            "Risikobehandlung",
            "Maßnahme(n)",
            "Anhang A",
            "Fälligkeitsdatum",
        ],
        &[
            "R-01",
            "Notebook-Diebstahl",
            "Diebstahl",
            "Keine Festplattenverschlüsselung",
            "Notebooks",
            "Jana Weber",
            "Wahrscheinlich",
            "3,0",
            "Mindern",
            "Festplatten verschlüsseln",
            "A 8.1 A 8.24",
            "15. März 2026",
        ],
        &[
            "R-02",
            "Ausfall des Dienstleisters",
            "Ausfall",
            "Ein einziger Anbieter",
            "",
            "jana@example.de",
            "selten",
            "Mittel",
            "Akzeptieren mit Überwachung",
            "",
            "",
            "",
        ],
    ];
    let f = xlsx(dir.path(), "risiken.xlsx", "Risiken", rows);
    let report = run(&mut vault, Kind::Risks, &f, None, false).unwrap();
    assert_eq!(report.created, 2);
    let list = risks::list(vault.reader()).unwrap();
    let jana = person_id(&vault, "jana@example.de");
    let theft = list.iter().find(|r| r.reference == "R-01").unwrap();
    assert_eq!(theft.title, "Notebook-Diebstahl");
    assert_eq!(theft.threat, "Diebstahl");
    assert_eq!(theft.vulnerability, "Keine Festplattenverschlüsselung");
    assert_eq!(theft.asset_ids.len(), 1);
    assert_eq!(theft.owner_id, Some(jana));
    assert_eq!((theft.likelihood, theft.impact), (Some(3), Some(3)));
    assert_eq!(theft.treatment, Some(Treatment::Modify));
    assert_eq!(theft.actions.len(), 1);
    assert_eq!(theft.actions[0].title, "Festplatten verschlüsseln");
    assert_eq!(
        theft.actions[0].controls,
        ["8.1", "8.24"],
        "both controls kept"
    );
    assert_eq!(theft.actions[0].due_date, Some(day(2026, 3, 15)));
    let outage = list.iter().find(|r| r.reference == "R-02").unwrap();
    assert_eq!((outage.likelihood, outage.impact), (Some(1), Some(2)));
    assert_eq!(outage.treatment, Some(Treatment::Accept));
    assert!(
        outage
            .description
            .contains("Treatment: Akzeptieren mit Überwachung"),
        "the note after the treatment is kept: {:?}",
        outage.description
    );
    let again = run(&mut vault, Kind::Risks, &f, None, false).unwrap();
    assert_eq!(
        (again.created, again.updated, again.unchanged),
        (0, 0, 2),
        "the note is not added twice"
    );
}

#[test]
fn words_off_the_risk_methods_scale_are_said_once_each() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    german_method(&mut vault);
    let before = state(&vault);
    let rows: &[&[&str]] = &[
        &["Nr.", "Titel", "Wahrscheinlichkeit", "Auswirkung"],
        &["R-1", "Eins", "Sehr wahrscheinlich", "Significant"],
        &["R-2", "Zwei", "Möglich", "Significant"],
        &["R-3", "Drei", "Sehr wahrscheinlich", "significant"],
        &["R-4", "Vier", "Selten", "7"],
    ];
    let f = xlsx(dir.path(), "risiken.xlsx", "Risiken", rows);
    let found = problems(run(&mut vault, Kind::Risks, &f, None, false));
    assert_eq!(found.len(), 3, "two words and a number: {found:#?}");
    has(
        &found,
        "Risiken!C2 (Wahrscheinlichkeit)",
        "“Sehr wahrscheinlich” is not a likelihood: 1–3 or Selten, Möglich, Wahrscheinlich",
    );
    has(&found, "Risiken!C2", "it is on rows 2 and 4");
    has(
        &found,
        "Risiken!D2 (Auswirkung)",
        "“Significant” is not an impact: 1–3 or Gering, Mittel, Hoch (the risk method's scale); \
         it is on rows 2, 3 and 4",
    );
    has(&found, "Risiken!D2", "in the import mapping's values");
    has(&found, "Risiken!D5 (Auswirkung)", "“7” is not an impact");
    assert_eq!(state(&vault), before);
}

#[test]
fn a_french_soa_imports() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault = empty_vault(dir.path(), "v.isms");
    add_people(&mut vault, &[("Claire Martin", "claire@example.fr")]);
    let rows: &[&[&str]] = &[
        &["Déclaration d'applicabilité", "", ""],
        &[
            "Réf.",
            "Mesure",
            "Applicable",
            "Justification",
            "Statut de mise en œuvre",
            "Responsable",
            "Commentaires",
        ],
        &[
            "A.5.1",
            "Politiques de sécurité de l'information",
            "Oui",
            "Exigence de la direction",
            "Mis en œuvre",
            "Claire Martin",
            "Revue annuelle",
        ],
        &[
            "A.5.23",
            "Sécurité de l'information dans l'utilisation de services en nuage",
            "Oui",
            "Hébergement chez un fournisseur",
            "Partiellement",
            "claire@example.fr",
            "",
        ],
        &[
            "A.7.6",
            "Travail dans les zones sécurisées",
            "Non",
            "Pas de zone sécurisée",
            "",
            "",
            "",
        ],
        &[
            "A.8.12",
            "Prévention de la fuite de données",
            "",
            "Aucune donnée sensible",
            "Non applicable",
            "",
            "",
        ],
    ];
    let f = xlsx(dir.path(), "dda.xlsx", "DdA", rows);
    let report = run(&mut vault, Kind::Soa, &f, None, false).unwrap();
    assert_eq!(report.updated, 4);
    let claire = person_id(&vault, "claire@example.fr");
    let policies = entry(&vault, "5.1");
    assert_eq!(policies.applicable, Some(true));
    assert_eq!(policies.status, Some(ImplementationStatus::Implemented));
    assert_eq!(policies.owner_id, Some(claire));
    assert_eq!(policies.notes, "Revue annuelle");
    let cloud = entry(&vault, "5.23");
    assert_eq!(cloud.status, Some(ImplementationStatus::InProgress));
    assert_eq!(cloud.owner_id, Some(claire));
    assert_eq!(entry(&vault, "7.6").applicable, Some(false));
    let dlp = entry(&vault, "8.12");
    assert_eq!(dlp.applicable, Some(false), "“Non applicable” excludes it");
    assert_eq!(dlp.justification, "Aucune donnée sensible");
}
