//! Line charts as vector graphics: a measure's results over time, one point per result joined
//! by a line, each point green when it met the target and red when it missed it, the target
//! as a dashed line with its words, the value axis with three labelled gridlines and the
//! periods under the points. A chart is never split across pages. The words (title, target,
//! axis values, period labels) are text, so the chart reads out of the PDF too.

use super::flow::Flow;
use super::style::*;
use super::text::wrap;
use crate::model::LineChart;

/// The chart's whole height, title to legend.
pub(super) const HEIGHT: f32 = 170.0;
const TITLE_SIZE: f32 = 9.5;
const AXIS_SIZE: f32 = 7.0;
const PLOT_H: f32 = 104.0;
const AXIS_W: f32 = 34.0;
const POINT: f32 = 3.6;
const MET: Rgb = Rgb(0.09, 0.376, 0.169);
const MISSED: Rgb = Rgb(0.608, 0.11, 0.122);
const TARGET: Rgb = Rgb(0.478, 0.294, 0.0);

/// The value range shown: from 0 (or below, for negative values) to a little above the
/// highest of the values and the target; a percentage axis stops at 100.
fn range(chart: &LineChart) -> (f64, f64) {
    let values = chart
        .points
        .iter()
        .map(|p| p.value)
        .chain(chart.target.as_ref().map(|t| t.0));
    let (lo, hi) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let hi = if chart.unit == "%" && hi <= 100.0 {
        100.0
    } else if hi <= lo {
        lo + 1.0
    } else {
        hi + (hi - lo) * 0.1
    };
    (lo, hi)
}

/// A value as the axis prints it: whole numbers without decimals.
pub(crate) fn number(v: f64, unit: &str) -> String {
    let text = if (v - v.round()).abs() < 0.05 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    };
    if unit.is_empty() {
        text
    } else if unit == "%" {
        format!("{text} %")
    } else {
        format!("{text} {unit}")
    }
}

impl Flow<'_> {
    pub(super) fn chart(&mut self, chart: &LineChart) {
        self.ensure(HEIGHT);
        let fonts = self.fonts;
        let top = self.y;
        let width = BODY_W * 0.8;
        let x0 = MARGIN_X;
        if let Some(line) = wrap(fonts.bold(), &chart.title, TITLE_SIZE, width).first() {
            let base = self.baseline(top, TITLE_SIZE, true);
            self.page().text(x0, base, TITLE_SIZE, true, NAVY, line);
        }
        let plot_top = top + line_height(TITLE_SIZE) + 8.0;
        let plot_bottom = plot_top + PLOT_H;
        let (plot_l, plot_r) = (x0 + AXIS_W, x0 + width);
        let (lo, hi) = range(chart);
        let y_of = |v: f64| plot_bottom - ((v - lo) / (hi - lo)) as f32 * PLOT_H;

        for step in 0..=2 {
            let v = lo + (hi - lo) * f64::from(step) / 2.0;
            let y = y_of(v);
            let colour = if step == 0 { RULE } else { HAIRLINE };
            self.page().hline(plot_l, plot_r, y, 0.5, colour);
            let label = number(v, &chart.unit);
            self.page().text_right(
                fonts,
                plot_l - 4.0,
                y + AXIS_SIZE * 0.35,
                AXIS_SIZE,
                false,
                MUTED,
                &label,
            );
        }
        self.page().vline(plot_l, plot_top, plot_bottom, 0.5, RULE);

        let n = chart.points.len();
        let step_x = if n > 1 {
            (plot_r - plot_l - 16.0) / (n - 1) as f32
        } else {
            0.0
        };
        let x_of = |i: usize| {
            if n > 1 {
                plot_l + 8.0 + i as f32 * step_x
            } else {
                (plot_l + plot_r) / 2.0
            }
        };

        if let Some((target, words)) = &chart.target {
            let y = y_of(*target);
            let mut x = plot_l;
            while x < plot_r {
                let end = (x + 4.0).min(plot_r);
                self.page().hline(x, end, y, 0.9, TARGET);
                x += 7.0;
            }
            self.page()
                .text(plot_l + 2.0, y - 3.0, AXIS_SIZE, true, TARGET, words);
        }

        for i in 1..n {
            let (a, b) = (&chart.points[i - 1], &chart.points[i]);
            self.page().line(
                x_of(i - 1),
                y_of(a.value),
                x_of(i),
                y_of(b.value),
                1.2,
                NAVY,
            );
        }
        // Period labels: every one when they fit, else every k-th (and always the last).
        let widest = chart
            .points
            .iter()
            .map(|p| fonts.regular().width(&p.label, AXIS_SIZE))
            .fold(0.0, f32::max);
        let every = if n > 1 && step_x > 0.0 {
            ((widest + 4.0) / step_x).ceil().max(1.0) as usize
        } else {
            1
        };
        for (i, p) in chart.points.iter().enumerate() {
            let (x, y) = (x_of(i), y_of(p.value));
            let colour = if p.met { MET } else { MISSED };
            self.page()
                .rect(x - POINT / 2.0, y - POINT / 2.0, POINT, POINT, colour);
            if i % every == 0 || i + 1 == n {
                let w = fonts.regular().width(&p.label, AXIS_SIZE);
                self.page().text(
                    x - w / 2.0,
                    plot_bottom + 4.0 + AXIS_SIZE,
                    AXIS_SIZE,
                    false,
                    MUTED,
                    &p.label,
                );
            }
        }
        let legend_y = plot_bottom + 6.0 + 2.0 * line_height(AXIS_SIZE);
        let mut x = plot_l;
        for (colour, words) in [(MET, "Target met"), (MISSED, "Target missed")] {
            self.page().rect(x, legend_y - POINT, POINT, POINT, colour);
            self.page()
                .text(x + POINT + 3.0, legend_y, AXIS_SIZE, false, MUTED, words);
            x += POINT + 3.0 + fonts.regular().width(words, AXIS_SIZE) + 14.0;
        }
        if n == 0 {
            self.page().text(
                plot_l + 8.0,
                (plot_top + plot_bottom) / 2.0,
                NOTE_SIZE,
                false,
                MUTED,
                "No result recorded yet.",
            );
        }
        self.y = top + HEIGHT + BLOCK_GAP;
    }
}
