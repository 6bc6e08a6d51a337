//! The records a pack shows, as the references the ZIP bundle gathers evidence for: the first
//! bold cell of every table row (a risk's R-001, a control's 5.15, a document's POL-01, an
//! audit's IA-001, a tracker item's T-003, a person's name…), in the pack's order, each once.
//! Reading them off the content keeps the bundle's evidence and the PDF's rows in step for
//! every pack, whoever builds it.

use std::collections::HashSet;

use crate::model::{Block, Pack};

/// The references of the records in `pack`, in order of first appearance.
pub fn references(pack: &Pack) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for section in &pack.sections {
        for block in &section.blocks {
            let Block::Table(table) = block else {
                continue;
            };
            for row in &table.rows {
                if let Some(cell) = row.iter().find(|c| c.bold) {
                    let text = cell.text.trim();
                    if !text.is_empty() && seen.insert(text.to_owned()) {
                        out.push(text.to_owned());
                    }
                }
            }
        }
    }
    out
}
