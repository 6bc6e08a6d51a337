//! A table's columns: their widths in points, shared in proportion to the relative widths but
//! never narrower than a column's longest word (so headers, status words and references are not
//! broken mid-word), and which columns hold counts to set flush right.

use super::flow::Flow;
use super::style::*;
use super::table::{LABEL_PAD, WORD_MAX, size_of};
use crate::model::{Cell, Table};

impl Flow<'_> {
    /// Column widths in points: in proportion to the relative widths, but never narrower than
    /// the column's longest word (up to [`WORD_MAX`] characters), so headers, status words
    /// and references are not broken mid-word; the room comes from the wider columns.
    pub(super) fn column_widths(&self, table: &Table) -> Vec<f32> {
        let columns = &table.columns;
        let weights: Vec<f32> = columns.iter().map(|c| c.width.max(0.01)).collect();
        let mut min: Vec<f32> = Self::header_cells(columns)
            .iter()
            .map(|cell| self.widest_word(cell))
            .collect();
        for row in &table.rows {
            for (c, cell) in row.iter().enumerate().take(columns.len()) {
                min[c] = min[c].max(self.widest_word(cell));
            }
        }
        for m in &mut min {
            *m = m.min(BODY_W * 0.4);
        }
        let floor: f32 = min.iter().sum();
        if floor >= BODY_W {
            return min.iter().map(|m| m * BODY_W / floor).collect();
        }
        // Columns held at their minimum take it; the rest share what is left by weight.
        let mut held = vec![false; columns.len()];
        loop {
            let free: f32 = BODY_W
                - min
                    .iter()
                    .zip(&held)
                    .filter(|(_, h)| **h)
                    .map(|(m, _)| m)
                    .sum::<f32>();
            let weight: f32 = weights
                .iter()
                .zip(&held)
                .filter(|(_, h)| !**h)
                .map(|(w, _)| w)
                .sum();
            let widths: Vec<f32> = (0..columns.len())
                .map(|c| {
                    if held[c] {
                        min[c]
                    } else {
                        free * weights[c] / weight.max(0.01)
                    }
                })
                .collect();
            let mut changed = false;
            for c in 0..columns.len() {
                if !held[c] && widths[c] < min[c] {
                    held[c] = true;
                    changed = true;
                }
            }
            if !changed {
                return widths;
            }
        }
    }

    /// The column width the longest word of `cell` needs, padding included.
    fn widest_word(&self, cell: &Cell) -> f32 {
        let bold = cell.bold || cell.tone.is_some();
        let face = self.fonts.style(bold);
        let widest = cell
            .text
            .split_whitespace()
            .filter(|w| w.chars().count() <= WORD_MAX)
            .map(|w| face.width(w, size_of(cell)))
            .fold(0.0, f32::max);
        let pad = if cell.tone.is_some() {
            2.0 * LABEL_PAD
        } else {
            0.0
        };
        widest + pad + 2.0 * CELL_PAD_X + 0.5
    }
}

/// Columns whose every cell is a count (an integer, perhaps with thousands separators or a
/// percent sign) or a dash are set flush right, header included, so figures line up. Dotted
/// references (5.1) and dates stay flush left.
pub(super) fn numeric_columns(table: &Table) -> Vec<bool> {
    let numeric = |text: &str| {
        let t = text.trim();
        let t = t.strip_suffix('%').unwrap_or(t);
        let t = t.strip_prefix(['-', '+', '\u{2212}']).unwrap_or(t);
        text.trim() == "\u{2014}"
            || (!t.is_empty()
                && t.chars().all(|c| c.is_ascii_digit() || c == ',')
                && t.starts_with(|c: char| c.is_ascii_digit()))
    };
    (0..table.columns.len())
        .map(|c| {
            !table.rows.is_empty()
                && table.rows.iter().all(|row| {
                    row.get(c)
                        .is_some_and(|cell| cell.tone.is_none() && numeric(&cell.text))
                })
                && table
                    .rows
                    .iter()
                    .any(|row| row.get(c).is_some_and(|x| x.text.trim() != "\u{2014}"))
        })
        .collect()
}
