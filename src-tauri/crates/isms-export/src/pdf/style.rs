//! The pack's look in one place: A4 geometry and margins, type sizes and line heights, and the
//! colours. Every other layout file reads these constants, so a change of margin or tone is made
//! once. Lengths are PDF points (1/72 inch), measured from the top-left corner of the page;
//! [`super::write`] flips them to PDF's bottom-left origin.

/// A4 portrait.
pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;

/// Generous margins: 22 mm at the sides.
pub const MARGIN_X: f32 = 62.0;
/// Where the body starts below the running header, and ends above the footer.
pub const BODY_TOP: f32 = 82.0;
pub const BODY_BOTTOM: f32 = PAGE_H - 70.0;
pub const BODY_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// The running header's baseline and the rule under it.
pub const HEADER_BASELINE: f32 = 44.0;
pub const HEADER_RULE: f32 = 52.0;
/// The footer's rule and baseline.
pub const FOOTER_RULE: f32 = PAGE_H - 52.0;
pub const FOOTER_BASELINE: f32 = PAGE_H - 38.0;

/// Type sizes.
pub const BODY_SIZE: f32 = 9.5;
pub const NOTE_SIZE: f32 = 8.5;
pub const TABLE_SIZE: f32 = 8.0;
pub const RUNNING_SIZE: f32 = 7.5;
pub const SECTION_SIZE: f32 = 17.0;
pub const HEADING_SIZE: f32 = 11.5;

/// Line height as a multiple of the type size.
pub const LEADING: f32 = 1.38;

/// Space after blocks.
pub const BLOCK_GAP: f32 = 10.0;
/// Cell padding in tables.
pub const CELL_PAD_X: f32 = 4.0;
pub const CELL_PAD_Y: f32 = 3.6;

/// An RGB colour, components 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

const fn hex(v: u32) -> Rgb {
    Rgb(
        ((v >> 16) & 0xff) as f32 / 255.0,
        ((v >> 8) & 0xff) as f32 / 255.0,
        (v & 0xff) as f32 / 255.0,
    )
}

pub const INK: Rgb = hex(0x1f2430);
pub const MUTED: Rgb = hex(0x5b6475);
pub const NAVY: Rgb = hex(0x1f3a5f);
pub const RULE: Rgb = hex(0xc9ced8);
pub const HAIRLINE: Rgb = hex(0xe3e6ec);
pub const HEADER_FILL: Rgb = hex(0xe9edf3);
pub const ZEBRA: Rgb = hex(0xf7f8fa);
pub const WHITE: Rgb = hex(0xffffff);

/// A status label's text and background colour.
pub fn tone_colours(tone: crate::model::Tone) -> (Rgb, Rgb) {
    use crate::model::Tone;
    match tone {
        Tone::Good => (hex(0x17602b), hex(0xdcefe0)),
        Tone::Warning => (hex(0x7a4b00), hex(0xfbe9c6)),
        Tone::Bad => (hex(0x9b1c1f), hex(0xf8dcdc)),
        Tone::Neutral => (hex(0x3d4656), hex(0xe8ebf0)),
    }
}

/// Heat-map cell fills: green (acceptable), amber, red.
pub const HEAT_GREEN: Rgb = hex(0x9fd4a8);
pub const HEAT_AMBER: Rgb = hex(0xf5cf7a);
pub const HEAT_RED: Rgb = hex(0xe98b86);

/// The line height of text set at `size`.
pub fn line_height(size: f32) -> f32 {
    size * LEADING
}
