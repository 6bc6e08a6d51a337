//! The sheets a register's workbook holds beside the one imported: a risk register exported
//! by ISMS Desk, or kept by hand, has its treatment actions and its owners' approvals on
//! sheets of their own ("Actions", "Approvals"). [`parts`] finds them, by name or by headers
//! that are recognised as actions (a risk reference, an action, and its status or dates) or
//! approvals (a risk reference, a kind, a day, and who approved), and proposes their
//! mappings; the importer reads their rows with the register's, in the same check and write.
//! A sheet with the name but not the headers is not read, and said so ([`Parts::skipped`]),
//! so nothing is dropped silently. Other kinds, CSV files, and a chosen sheet that is itself
//! one of these have no parts.

use std::path::Path;

use isms_core::Result;

use super::fields::Kind;
use super::mapping::{Mapping, detect};
use super::{Format, Limits, Workbook, open, same_sheet};

/// A sheet read with the register, under its own mapping.
#[derive(Debug, Clone)]
pub struct Part {
    pub workbook: Workbook,
    pub mapping: Mapping,
}

/// The sheets read with the register, and those by a part's name that could not be.
#[derive(Debug, Clone, Default)]
pub struct Parts {
    pub sheets: Vec<Part>,
    /// "Sheet “Actions” was not read: its headers name no Risk and Action columns."
    pub skipped: Vec<String>,
}

impl Kind {
    /// The sheet name ISMS Desk gives a part of a register's workbook.
    pub fn part_sheet(self) -> Option<&'static str> {
        match self {
            Kind::RiskActions => Some("Actions"),
            Kind::RiskApprovals => Some("Approvals"),
            _ => None,
        }
    }

    /// The parts a workbook of this kind may hold beside its register.
    fn parts(self) -> &'static [Kind] {
        match self {
            Kind::Risks => &Kind::PARTS,
            _ => &[],
        }
    }
}

/// The other sheets of `path` to read with `book` imported as `kind` (see the module's doc).
///
/// Errors: those of [`open`] for a sheet the workbook lists but cannot give.
pub fn parts(path: &Path, book: &Workbook, kind: Kind, limits: Limits) -> Result<Parts> {
    let mut out = Parts::default();
    let chosen_is_part = kind
        .parts()
        .iter()
        .any(|p| p.part_sheet().is_some_and(|n| same_sheet(n, &book.sheet)));
    if book.format != Format::Xlsx || chosen_is_part {
        return Ok(out);
    }
    let mut taken: Vec<&str> = vec![&book.sheet];
    for &part in kind.parts() {
        let name = part.part_sheet().unwrap_or_default();
        // The sheet by its name first, then any other sheet whose headers say it.
        let mut candidates: Vec<&String> =
            book.sheets.iter().filter(|s| same_sheet(s, name)).collect();
        candidates.extend(book.sheets.iter().filter(|s| !same_sheet(s, name)));
        for sheet in candidates {
            if taken.iter().any(|t| same_sheet(t, sheet)) {
                continue;
            }
            let workbook = open(path, Some(sheet), limits)?;
            match recognised(&workbook, part) {
                Some(mapping) => {
                    taken.push(sheet);
                    out.sheets.push(Part { workbook, mapping });
                    break;
                }
                None if same_sheet(sheet, name) => {
                    let wanted: Vec<&str> = part
                        .fields()
                        .iter()
                        .filter(|f| f.required)
                        .map(|f| f.label)
                        .collect();
                    out.skipped.push(format!(
                        "Sheet “{sheet}” was not read: its headers name no {} columns.",
                        wanted.join(" and ")
                    ));
                }
                None => {}
            }
        }
    }
    Ok(out)
}

/// The sheet's mapping as `part`, if its headers fill every required field and one that
/// only such a sheet has (an action's status or dates; who approved).
fn recognised(workbook: &Workbook, part: Kind) -> Option<Mapping> {
    let mapping = detect(workbook, part).ok()?;
    if !mapping.missing_required().is_empty() {
        return None;
    }
    let telling: &[&str] = match part {
        Kind::RiskActions => &["status", "due_date", "done_date"],
        _ => &["approved_by", "approved_by_email"],
    };
    telling
        .iter()
        .any(|f| mapping.column_of(f).is_some())
        .then_some(mapping)
}
