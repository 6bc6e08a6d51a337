//! Heat maps as vector graphics: a likelihood × impact grid, highest likelihood at the top,
//! each cell filled green, amber or red by its score (likelihood × impact) against the method's
//! thresholds and printed with its count of risks and its score, the levels' labels on both
//! axes, and a legend that names each colour in words with its score range. Two maps given one
//! after the other sit side by side; a heat map is never split across pages.

use super::flow::Flow;
use super::style::*;
use super::text::wrap;
use crate::model::HeatMap;

const GAP: f32 = 16.0;
const AXIS_SIZE: f32 = 7.0;
/// Axis words shrink to this, never below, when a map is alone and still too narrow.
const MIN_AXIS_SIZE: f32 = 6.0;
const COUNT_SIZE: f32 = 10.0;
const SCORE_SIZE: f32 = 7.0;
const TITLE_SIZE: f32 = 9.5;
const MAX_CELL: f32 = 46.0;

/// Where the parts of one map go, for a given width.
struct Frame {
    label_w: f32,
    cell_w: f32,
    cell_h: f32,
    likelihood: Vec<Vec<String>>,
    impact: Vec<Vec<String>>,
    impact_size: f32,
    legend: Vec<(Rgb, String)>,
}

fn fill_for(map: &HeatMap, score: u32) -> Rgb {
    if score <= map.acceptance_threshold {
        HEAT_GREEN
    } else if score >= map.red_threshold {
        HEAT_RED
    } else {
        HEAT_AMBER
    }
}

fn legend(map: &HeatMap) -> Vec<(Rgb, String)> {
    let (acc, red) = (map.acceptance_threshold, map.red_threshold);
    let mut items = vec![(HEAT_GREEN, format!("Acceptable: score \u{2264} {acc}"))];
    let first_amber = acc.saturating_add(1);
    if red > first_amber {
        let amber = if red - 1 > first_amber {
            format!("Amber: {first_amber}\u{2013}{}", red - 1)
        } else {
            format!("Amber: {first_amber}")
        };
        items.push((HEAT_AMBER, amber));
    }
    items.push((HEAT_RED, format!("Red: score \u{2265} {red}")));
    items
}

impl Flow<'_> {
    fn frame(&self, map: &HeatMap, width: f32) -> Frame {
        let cols = map.impact_labels.len().max(1) as f32;
        // Likelihood words wrap onto two lines rather than widen the label column.
        let widest = map
            .likelihood_labels
            .iter()
            .flat_map(|l| l.split_whitespace())
            .map(|w| self.fonts.regular().width(w, AXIS_SIZE))
            .fold(0.0, f32::max);
        let label_w = (widest + 8.0).clamp(36.0, width * 0.3);
        let cell_w = ((width - label_w) / cols).min(MAX_CELL);
        // Tall enough that the score (top left) and the count (below it) never touch.
        let cell_h = (cell_w * 0.62).clamp(24.0, 30.0);
        let likelihood = map
            .likelihood_labels
            .iter()
            .map(|l| wrap(self.fonts.regular(), l, AXIS_SIZE, label_w - 6.0))
            .collect();
        // Impact labels shrink (to a floor) rather than break a word across lines.
        let widest_word = map
            .impact_labels
            .iter()
            .flat_map(|l| l.split_whitespace())
            .map(|w| self.fonts.regular().width(w, AXIS_SIZE))
            .fold(0.0, f32::max);
        let impact_size = if widest_word > cell_w - 3.0 {
            (AXIS_SIZE * (cell_w - 3.0) / widest_word).max(MIN_AXIS_SIZE)
        } else {
            AXIS_SIZE
        };
        let impact = map
            .impact_labels
            .iter()
            .map(|l| wrap(self.fonts.regular(), l, impact_size, cell_w - 2.0))
            .collect();
        Frame {
            label_w,
            cell_w,
            cell_h,
            likelihood,
            impact,
            impact_size,
            legend: legend(map),
        }
    }

    /// Whether two maps fit side by side with their axis words at full size.
    pub fn side_by_side(&self, a: &HeatMap, b: &HeatMap) -> bool {
        let width = Self::map_width(2);
        [a, b]
            .iter()
            .all(|m| self.frame(m, width).impact_size >= AXIS_SIZE)
    }

    fn map_width(count: usize) -> f32 {
        if count > 1 {
            (BODY_W - GAP) / 2.0
        } else {
            BODY_W * 0.62
        }
    }

    fn frame_height(map: &HeatMap, f: &Frame) -> f32 {
        let axis_lh = line_height(AXIS_SIZE);
        let impact_lines = f.impact.iter().map(Vec::len).max().unwrap_or(1) as f32;
        line_height(TITLE_SIZE) + 4.0          // title
            + axis_lh + 2.0                     // "Likelihood ↑"
            + map.likelihood_labels.len() as f32 * f.cell_h
            + 3.0 + impact_lines * axis_lh      // impact labels
            + axis_lh + 6.0                     // "Impact →"
            + f.legend.len() as f32 * (axis_lh + 2.0) + axis_lh
    }

    pub fn heat_map_height(&self, map: &HeatMap) -> f32 {
        let f = self.frame(map, Self::map_width(1));
        Self::frame_height(map, &f)
    }

    /// One or two maps side by side, kept together on one page.
    pub fn heat_maps(&mut self, maps: &[&HeatMap]) {
        let width = Self::map_width(maps.len());
        let frames: Vec<Frame> = maps.iter().map(|m| self.frame(m, width)).collect();
        let height = maps
            .iter()
            .zip(&frames)
            .map(|(m, f)| Self::frame_height(m, f))
            .fold(0.0, f32::max);
        self.ensure(height);
        let top = self.y;
        for (i, (map, frame)) in maps.iter().zip(&frames).enumerate() {
            let x = MARGIN_X + i as f32 * (width + GAP);
            self.draw_map(map, frame, x, top, width);
        }
        self.y = top + height + BLOCK_GAP;
    }

    fn draw_map(&mut self, map: &HeatMap, f: &Frame, x: f32, top: f32, width: f32) {
        let fonts = self.fonts;
        let axis_lh = line_height(AXIS_SIZE);
        let mut y = top;
        for line in wrap(fonts.bold(), &map.title, TITLE_SIZE, width)
            .iter()
            .take(1)
        {
            let base = self.baseline(y, TITLE_SIZE, true);
            self.page().text(x, base, TITLE_SIZE, true, NAVY, line);
        }
        y += line_height(TITLE_SIZE) + 4.0;
        let base = self.baseline(y, AXIS_SIZE, true);
        self.page()
            .text(x, base, AXIS_SIZE, true, MUTED, "Likelihood \u{2191}");
        y += axis_lh + 2.0;

        let grid_x = x + f.label_w;
        let rows = map.likelihood_labels.len();
        let cols = map.impact_labels.len();
        for row in 0..rows {
            // Highest likelihood on top.
            let l = rows - 1 - row;
            let cell_top = y + row as f32 * f.cell_h;
            let label = &f.likelihood[l];
            let label_top = cell_top + (f.cell_h - label.len() as f32 * axis_lh) / 2.0;
            for (k, line) in label.iter().enumerate() {
                let base = self.baseline(label_top + k as f32 * axis_lh, AXIS_SIZE, false);
                self.page()
                    .text_right(fonts, grid_x - 5.0, base, AXIS_SIZE, false, INK, line);
            }
            for i in 0..cols {
                let score = (l as u32 + 1).saturating_mul(i as u32 + 1);
                let count = map
                    .counts
                    .get(l)
                    .and_then(|r| r.get(i))
                    .copied()
                    .unwrap_or(0);
                let cx = grid_x + i as f32 * f.cell_w;
                self.page()
                    .rect(cx, cell_top, f.cell_w, f.cell_h, fill_for(map, score));
                let score_base = cell_top + 2.0 + SCORE_SIZE;
                self.page().text(
                    cx + 2.5,
                    score_base,
                    SCORE_SIZE,
                    false,
                    MUTED,
                    &score.to_string(),
                );
                let text = count.to_string();
                let colour = if count == 0 { MUTED } else { INK };
                let tw = fonts.bold().width(&text, COUNT_SIZE);
                let base = cell_top + f.cell_h - 4.5;
                let bold = count > 0;
                self.page().text(
                    cx + (f.cell_w - tw) / 2.0,
                    base,
                    COUNT_SIZE,
                    bold,
                    colour,
                    &text,
                );
            }
        }
        let grid_w = cols as f32 * f.cell_w;
        let grid_h = rows as f32 * f.cell_h;
        // White gutters between cells, then a frame.
        for i in 1..cols {
            let gx = grid_x + i as f32 * f.cell_w;
            self.page().vline(gx, y, y + grid_h, 1.5, WHITE);
        }
        for r in 1..rows {
            let gy = y + r as f32 * f.cell_h;
            self.page().hline(grid_x, grid_x + grid_w, gy, 1.5, WHITE);
        }
        y += grid_h + 3.0;
        let impact_lines = f.impact.iter().map(Vec::len).max().unwrap_or(1);
        for (i, label) in f.impact.iter().enumerate() {
            for (k, line) in label.iter().enumerate() {
                let tw = fonts.regular().width(line, f.impact_size);
                let cx = grid_x + i as f32 * f.cell_w + (f.cell_w - tw) / 2.0;
                let base = self.baseline(y + k as f32 * axis_lh, f.impact_size, false);
                self.page().text(cx, base, f.impact_size, false, INK, line);
            }
        }
        y += impact_lines as f32 * axis_lh;
        let title = "Impact \u{2192}";
        let tw = fonts.bold().width(title, AXIS_SIZE);
        let base = self.baseline(y, AXIS_SIZE, true);
        self.page().text(
            grid_x + (grid_w - tw) / 2.0,
            base,
            AXIS_SIZE,
            true,
            MUTED,
            title,
        );
        y += axis_lh + 6.0;
        for (colour, words) in &f.legend {
            self.page().rect(x, y + 1.5, 9.0, axis_lh - 2.5, *colour);
            let base = self.baseline(y, AXIS_SIZE, false);
            self.page()
                .text(x + 13.0, base, AXIS_SIZE, false, INK, words);
            y += axis_lh + 2.0;
        }
        let total: u32 = map.counts.iter().flatten().sum();
        let base = self.baseline(y, AXIS_SIZE, false);
        let noun = if total == 1 { "risk" } else { "risks" };
        self.page().text(
            x,
            base,
            AXIS_SIZE,
            false,
            MUTED,
            &format!("{total} {noun} scored; the small figure in each cell is its score."),
        );
    }
}
