//! The reference lists of ISO/IEC 27001:2022 (Annex A controls, clauses, mandatory documented
//! information, management review inputs), for the UI's pickers. They are part of the build, not of a vault, so they
//! answer even while the vault is locked.

use isms_core::reference::{self, Clause, Control, MandatoryItem, ReviewInput};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ReferenceLists {
    pub controls: Vec<Control>,
    pub clauses: Vec<Clause>,
    pub mandatory_items: Vec<MandatoryItem>,
    /// The inputs a management review must consider (9.3.2).
    pub review_inputs: Vec<ReviewInput>,
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn reference_lists() -> ReferenceLists {
    ReferenceLists {
        controls: reference::controls().to_vec(),
        clauses: reference::clauses().to_vec(),
        mandatory_items: reference::mandatory_items().to_vec(),
        review_inputs: reference::review_inputs().to_vec(),
    }
}
