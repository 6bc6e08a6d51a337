//! Tables: columns share the body width in proportion to their relative widths; the header
//! row repeats at the top of every page the table reaches; a row is never split across pages.
//! A cell longer than its column's `max_lines` shows its first lines and a reference to the
//! appendix, where [`Flow::clip`] keeps the whole text, so nothing is cut silently. The same
//! happens to any cell of a row that would otherwise be taller than a page, which is what makes
//! "a row never splits" always possible. Status cells are printed as small coloured labels that
//! carry their word, so no meaning rests on colour alone.

use super::columns::numeric_columns;
use super::flow::Flow;
#[cfg(test)]
use super::flow::Fragment;
use super::style::*;
use super::text::{fit_with_suffix, wrap};
use crate::model::{Cell, Column, Table};

/// Extra horizontal room a status label takes around its word.
pub(super) const LABEL_PAD: f32 = 3.0;
const LABEL_SIZE: f32 = TABLE_SIZE;
/// Tables of at most this many rows are kept on one page when they are short.
const KEEP_ROWS: usize = 8;
/// Words up to this many characters are never broken inside a cell.
pub(super) const WORD_MAX: usize = 18;

/// A cell ready to draw: its lines and how to print them.
struct Laid<'c> {
    cell: &'c Cell,
    lines: Vec<String>,
}

pub(super) fn size_of(cell: &Cell) -> f32 {
    if cell.tone.is_some() {
        LABEL_SIZE
    } else {
        TABLE_SIZE
    }
}

impl Flow<'_> {
    /// The room for a cell's text inside its column.
    fn text_width(cell: &Cell, column_w: f32) -> f32 {
        let w = column_w - 2.0 * CELL_PAD_X;
        if cell.tone.is_some() {
            w - 2.0 * LABEL_PAD
        } else {
            w
        }
        .max(8.0)
    }

    fn wrap_cell(&self, cell: &Cell, column_w: f32) -> Vec<String> {
        let bold = cell.bold || cell.tone.is_some();
        wrap(
            self.fonts.style(bold),
            &cell.text,
            size_of(cell),
            Self::text_width(cell, column_w),
        )
    }

    pub(super) fn header_cells(columns: &[Column]) -> Vec<Cell> {
        columns
            .iter()
            .map(|c| Cell::bold(c.title.clone()))
            .collect()
    }

    fn row_height(lines: &[Vec<String>]) -> f32 {
        let n = lines.iter().map(Vec::len).max().unwrap_or(0).max(1);
        n as f32 * line_height(TABLE_SIZE) + 2.0 * CELL_PAD_Y
    }

    /// Header plus first row: the least a table needs to start on a page.
    pub fn table_start_height(&self, table: &Table) -> f32 {
        self.start_height_with(table, &self.column_widths(table))
    }

    /// What must fit on a page before the table starts there: the header and the first row,
    /// or the whole table when it is short (at most [`KEEP_ROWS`] rows and a third of a page),
    /// so a small table is never split and never leaves a lone row on the next page.
    fn start_height_with(&self, table: &Table, widths: &[f32]) -> f32 {
        let header: Vec<_> = Self::header_cells(&table.columns)
            .iter()
            .zip(widths)
            .map(|(c, w)| self.wrap_cell(c, *w))
            .collect();
        let header_h = Self::row_height(&header);
        let body = BODY_BOTTOM - BODY_TOP;
        let row_h = |row: &Vec<Cell>| {
            let lines: Vec<_> = row
                .iter()
                .zip(&table.columns)
                .zip(widths)
                .map(|((cell, col), w)| {
                    let mut l = self.wrap_cell(cell, *w);
                    l.truncate(col.max_lines.unwrap_or(usize::MAX).max(1).saturating_add(1));
                    l
                })
                .collect();
            Self::row_height(&lines)
        };
        if table.rows.len() <= KEEP_ROWS {
            let all: f32 = table.rows.iter().map(row_h).sum();
            if header_h + all <= body / 3.0 {
                return header_h + all;
            }
        }
        // Never one row alone at the foot of a page: the first two rows start together, all
        // three of a three-row table (else its last would go over alone).
        let together = if table.rows.len() == 3 { 3 } else { 2 };
        let first: f32 = table.rows.iter().take(together).map(row_h).sum();
        let first = if table.rows.is_empty() {
            line_height(TABLE_SIZE) + 2.0 * CELL_PAD_Y
        } else {
            first
        };
        header_h + first.min(body - header_h)
    }

    /// The whole height of a short table (see [`KEEP_ROWS`]); `None` for a long one.
    pub fn short_table_height(&self, table: &Table) -> Option<f32> {
        if table.rows.len() > KEEP_ROWS {
            return None;
        }
        let h = self.table_start_height(table);
        let body = BODY_BOTTOM - BODY_TOP;
        (h <= body / 3.0).then_some(h + BLOCK_GAP + 2.0)
    }

    pub fn table(&mut self, table: &Table) {
        let widths = self.column_widths(table);
        let right = numeric_columns(table);
        let header_cells = Self::header_cells(&table.columns);
        let header: Vec<Laid> = header_cells
            .iter()
            .zip(&widths)
            .map(|(cell, w)| Laid {
                cell,
                lines: self.wrap_cell(cell, *w),
            })
            .collect();
        let header_h =
            Self::row_height(&header.iter().map(|l| l.lines.clone()).collect::<Vec<_>>());
        let lh = line_height(TABLE_SIZE);
        // The most lines a row may have and still fit a page under the header.
        let page_lines =
            ((BODY_BOTTOM - BODY_TOP - header_h - 2.0 * CELL_PAD_Y) / lh).floor() as usize;

        self.ensure(self.start_height_with(table, &widths));
        self.draw_row(&header, &widths, &right, header_h, Some(HEADER_FILL));
        self.rule(0.8, RULE);

        if table.rows.is_empty() {
            let h = lh + 2.0 * CELL_PAD_Y;
            let base = self.baseline(self.y + CELL_PAD_Y, TABLE_SIZE, false);
            self.page().text(
                MARGIN_X + CELL_PAD_X,
                base,
                TABLE_SIZE,
                false,
                MUTED,
                "None recorded.",
            );
            self.y += h;
        }
        let body = BODY_BOTTOM - BODY_TOP - header_h;
        let height = |laid: &[Laid]| {
            let n = laid.iter().map(|l| l.lines.len()).max().unwrap_or(0).max(1);
            n as f32 * lh + 2.0 * CELL_PAD_Y
        };
        let count = table.rows.len();
        // Rows are laid one ahead, so the last row can take the one before it along.
        let mut next = table
            .rows
            .first()
            .map(|row| self.lay_row(table, row, &widths, page_lines));
        let mut on_page = 0;
        for r in 0..count {
            let Some(laid) = next.take() else { break };
            next = table
                .rows
                .get(r + 1)
                .map(|row| self.lay_row(table, row, &widths, page_lines));
            let h = height(&laid);
            let mut turn = h > self.room();
            // The last row never goes alone under a repeated header: when the last two do not
            // both fit here, the one before the last goes over with it.
            if !turn && r + 2 == count && on_page >= 2 {
                let both = h + next.as_deref().map_or(0.0, height);
                turn = both > self.room() && both <= body;
            }
            if turn {
                self.new_page();
                self.draw_row(&header, &widths, &right, header_h, Some(HEADER_FILL));
                self.rule(0.8, RULE);
                #[cfg(test)]
                self.fragments.push(Fragment {
                    page: self.page_index - 1,
                    rows: on_page,
                    repeated: r > on_page,
                    continues: true,
                });
                on_page = 0;
            }
            let fill = (r % 2 == 1).then_some(ZEBRA);
            self.draw_row(&laid, &widths, &right, h, fill);
            self.rule(0.4, HAIRLINE);
            on_page += 1;
        }
        #[cfg(test)]
        self.fragments.push(Fragment {
            page: self.page_index,
            rows: on_page,
            repeated: count > on_page,
            continues: false,
        });
        self.y += BLOCK_GAP + 2.0;
    }

    /// Wraps a row's cells, moving any text longer than its column allows to the appendix.
    fn lay_row<'c>(
        &mut self,
        table: &Table,
        row: &'c [Cell],
        widths: &[f32],
        page_lines: usize,
    ) -> Vec<Laid<'c>> {
        let mut laid = Vec::with_capacity(row.len());
        for (c, cell) in row.iter().enumerate().take(table.columns.len()) {
            let column = &table.columns[c];
            let lines = self.wrap_cell(cell, widths[c]);
            let limit = column
                .max_lines
                .unwrap_or(usize::MAX)
                .min(page_lines)
                .max(1);
            let lines = if lines.len() > limit {
                let label = row_label(table, row, c, &self.section);
                let number = self.clip(label, &cell.text);
                self.shorten(cell, lines, limit, widths[c], number)
            } else {
                lines
            };
            laid.push(Laid { cell, lines });
        }
        laid
    }

    /// The first `limit` lines of a cell, the last ending with the appendix reference.
    fn shorten(
        &self,
        cell: &Cell,
        mut lines: Vec<String>,
        limit: usize,
        column_w: f32,
        number: usize,
    ) -> Vec<String> {
        let bold = cell.bold || cell.tone.is_some();
        let face = self.fonts.style(bold);
        let size = size_of(cell);
        let width = Self::text_width(cell, column_w);
        let suffix = format!("\u{2026} (full text: A.{number})");
        lines.truncate(limit);
        let last = lines.pop().unwrap_or_default();
        let fitted = fit_with_suffix(face, &last, &suffix, size, width);
        // In a column too narrow for the reference, it wraps onto a line of its own.
        lines.extend(wrap(face, &fitted, size, width));
        lines
    }

    fn draw_row(
        &mut self,
        cells: &[Laid],
        widths: &[f32],
        right: &[bool],
        h: f32,
        fill: Option<Rgb>,
    ) {
        let top = self.y;
        if let Some(fill) = fill {
            self.page().rect(MARGIN_X, top, BODY_W, h, fill);
        }
        let lh = line_height(TABLE_SIZE);
        let mut x = MARGIN_X;
        for (c, (laid, w)) in cells.iter().zip(widths).enumerate() {
            let cell = laid.cell;
            let flush_right = right.get(c).copied().unwrap_or(false);
            let bold = cell.bold || cell.tone.is_some();
            let size = size_of(cell);
            for (i, line) in laid.lines.iter().enumerate() {
                let line_top = top + CELL_PAD_Y + i as f32 * lh;
                let base = self.baseline(line_top, TABLE_SIZE, false);
                match cell.tone {
                    Some(tone) => {
                        let (ink, paper) = tone_colours(tone);
                        let tw = self.fonts.style(true).width(line, size);
                        self.page().rect(
                            x + CELL_PAD_X,
                            line_top + 0.6,
                            tw + 2.0 * LABEL_PAD,
                            lh - 1.2,
                            paper,
                        );
                        self.page()
                            .text(x + CELL_PAD_X + LABEL_PAD, base, size, true, ink, line);
                    }
                    None => {
                        let colour = if fill == Some(HEADER_FILL) { NAVY } else { INK };
                        let tx = if flush_right {
                            x + w - CELL_PAD_X - self.fonts.style(bold).width(line, size)
                        } else {
                            x + CELL_PAD_X
                        };
                        self.page().text(tx, base, size, bold, colour, line);
                    }
                }
            }
            x += w;
        }
        self.y = top + h;
    }
}

/// How the appendix names a clipped cell: the row's first cells and the column. A second cell
/// that is itself long text (a clipped column, such as a correction) does not name the row.
fn row_label(table: &Table, row: &[Cell], clipped: usize, section: &str) -> String {
    let column = &table.columns[clipped].title;
    let mut parts: Vec<&str> = Vec::new();
    for (c, cell) in row.iter().enumerate().take(2) {
        let text = cell.text.trim();
        let names = c == 0 || table.columns[c].max_lines.is_none();
        if c != clipped
            && names
            && !text.is_empty()
            && text != "\u{2014}"
            && text.chars().count() <= 80
        {
            parts.push(text);
        }
        if c == clipped {
            break;
        }
    }
    if parts.is_empty() {
        format!("{section} \u{b7} {column}")
    } else {
        format!("{} \u{b7} {column}", parts.join(" "))
    }
}
