//! The reference lists of ISO/IEC 27001:2022 that every vault shares: the 93 Annex A controls,
//! clauses 4 to 10, the mandatory documented information and the management review inputs.
//! They are the CSV files in `isms-core/reference/`, copied from the shared reference data and
//! embedded in the build; nothing here is typed by hand. Parsed once, on first use.

use std::sync::LazyLock;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An Annex A control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Control {
    /// "5.1" … "8.34".
    pub id: String,
    pub title: String,
    /// Organizational, People, Physical or Technological.
    pub theme: String,
}

/// A clause or subclause of ISO/IEC 27001:2022, 4 to 10.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Clause {
    pub id: String,
    pub title: String,
}

/// An item of documented information the standard requires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MandatoryItem {
    pub clause: String,
    pub item: String,
    /// `document` or `record`.
    pub kind: String,
}

/// An input a management review must consider (9.3.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReviewInput {
    pub id: String,
    pub input: String,
}

fn parse<T: DeserializeOwned>(name: &str, text: &str) -> Vec<T> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("embedded reference file {name} is malformed: {e}"))
}

static CONTROLS: LazyLock<Vec<Control>> = LazyLock::new(|| {
    parse(
        "annex-a",
        include_str!("../../reference/iso27001-2022-annex-a.csv"),
    )
});
static CLAUSES: LazyLock<Vec<Clause>> = LazyLock::new(|| {
    parse(
        "clauses",
        include_str!("../../reference/iso27001-2022-clauses.csv"),
    )
});
static MANDATORY: LazyLock<Vec<MandatoryItem>> = LazyLock::new(|| {
    parse(
        "mandatory",
        include_str!("../../reference/mandatory-documented-information.csv"),
    )
});
static REVIEW_INPUTS: LazyLock<Vec<ReviewInput>> = LazyLock::new(|| {
    parse(
        "review inputs",
        include_str!("../../reference/management-review-inputs.csv"),
    )
});

/// The 93 Annex A controls, in the standard's order.
pub fn controls() -> &'static [Control] {
    &CONTROLS
}

pub fn control(id: &str) -> Option<&'static Control> {
    CONTROLS.iter().find(|c| c.id == id)
}

pub fn clauses() -> &'static [Clause] {
    &CLAUSES
}

pub fn mandatory_items() -> &'static [MandatoryItem] {
    &MANDATORY
}

pub fn review_inputs() -> &'static [ReviewInput] {
    &REVIEW_INPUTS
}
