//! The colours of TradeTable, shared by the game's screens and the class debrief page: each named once, as sRGB
//! bytes, so a side, a verdict or the real deal has the same colour on the projector and on paper. The game turns
//! them into its own colour type; the page writes them as `#rrggbb`.
//!
//! The sides and the chart series are the Okabe–Ito palette (M. Okabe and K. Ito, "Color Universal Design (CUD):
//! How to make figures and presentations that are friendly to colorblind people", 2008), which stays apart for
//! people with red–green colour blindness; and every chart line also has a line style and a marker of its own
//! ([`Look`]), so no line is told from another by its colour alone.

use crate::scenario::schema::Side;

/// A colour as 8-bit sRGB channels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Srgb {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
}

impl Srgb {
    /// The colour of these channels.
    pub const fn new(r: u8, g: u8, b: u8) -> Srgb {
        Srgb { r, g, b }
    }

    /// The colour as CSS and SVG write it: `#1e488c`.
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

impl std::fmt::Display for Srgb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_hex())
    }
}

/// The game's page background: warm paper.
pub const PAPER: Srgb = Srgb::new(245, 242, 234);
/// The game's panels, a shade lighter than the paper.
pub const PANEL: Srgb = Srgb::new(252, 251, 247);
/// Body text.
pub const INK: Srgb = Srgb::new(28, 30, 36);
/// Secondary text, axes, and outcomes without a deal.
pub const MUTED: Srgb = Srgb::new(92, 96, 106);
/// The United States' side: Okabe–Ito's blue.
pub const US: Srgb = OKABE_ITO_BLUE;
/// The partner's side (Japan): Okabe–Ito's vermillion, darkened to read as text on the paper (4.6:1).
pub const PARTNER: Srgb = Srgb::new(188, 82, 0);
/// Good news; the Pareto frontier and the Nash point on the debrief page: Okabe–Ito's bluish green, darkened to read
/// as text (5.3:1), so it is not the partner's colour to a red–green colour-blind eye.
pub const GOOD: Srgb = Srgb::new(0, 120, 86);
/// Bad news, warnings, and talks that collapsed: a deep red, apart from the partner's vermillion.
pub const BAD: Srgb = Srgb::new(170, 30, 40);
/// The highlight of terms that changed.
pub const CHANGED: Srgb = Srgb::new(255, 236, 179);
/// Buttons, selections, and a table that signed a deal.
pub const ACCENT: Srgb = Srgb::new(40, 96, 120);
/// The deal that really happened, on the debrief page (its marks, its options, the box of warnings).
pub const REAL_DEAL: Srgb = Srgb::new(194, 124, 0);

/// Okabe–Ito's blue (#0072b2).
pub const OKABE_ITO_BLUE: Srgb = Srgb::new(0, 114, 178);
/// Okabe–Ito's vermillion (#d55e00).
pub const OKABE_ITO_VERMILLION: Srgb = Srgb::new(213, 94, 0);
/// Okabe–Ito's bluish green (#009e73).
pub const OKABE_ITO_BLUISH_GREEN: Srgb = Srgb::new(0, 158, 115);
/// Okabe–Ito's orange (#e69f00).
pub const OKABE_ITO_ORANGE: Srgb = Srgb::new(230, 159, 0);
/// Okabe–Ito's reddish purple (#cc79a7).
pub const OKABE_ITO_REDDISH_PURPLE: Srgb = Srgb::new(204, 121, 167);
/// Okabe–Ito's sky blue (#56b4e9).
pub const OKABE_ITO_SKY_BLUE: Srgb = Srgb::new(86, 180, 233);

/// Colours for chart series, in order: Okabe–Ito's palette without its yellow (too pale on paper) and its black
/// (the ink of an "overall" line). Lines are also told apart by [`SERIES_LOOKS`].
pub const SERIES: [Srgb; 6] = [
    OKABE_ITO_BLUE,
    OKABE_ITO_VERMILLION,
    OKABE_ITO_BLUISH_GREEN,
    OKABE_ITO_ORANGE,
    OKABE_ITO_REDDISH_PURPLE,
    OKABE_ITO_SKY_BLUE,
];

/// How a chart line is stroked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dash {
    /// A solid line.
    Solid,
    /// Long dashes.
    Dashed,
    /// Dots.
    Dotted,
    /// Short dashes.
    ShortDashed,
}

impl Dash {
    /// The stroke's pattern as SVG writes it (`stroke-dasharray`), in multiples of the line's width; none if solid.
    pub fn dasharray(self, width: f64) -> Option<String> {
        let pattern: &[f64] = match self {
            Dash::Solid => return None,
            Dash::Dashed => &[5.0, 3.0],
            Dash::Dotted => &[0.5, 2.5],
            Dash::ShortDashed => &[2.5, 2.0],
        };
        let lengths: Vec<String> = pattern.iter().map(|k| format!("{:.1}", k * width)).collect();
        Some(lengths.join(" "))
    }
}

/// The marker on each point of a chart line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Marker {
    /// A disc.
    Circle,
    /// A square.
    Square,
    /// A diamond.
    Diamond,
    /// A triangle pointing up.
    Triangle,
    /// A cross (×).
    Cross,
    /// A plus (+).
    Plus,
}

/// A chart line's look besides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Look {
    /// Its stroke.
    pub dash: Dash,
    /// Its markers.
    pub marker: Marker,
}

/// The looks of a chart's lines, in order, beside [`SERIES`]: no two alike in both stroke and marker.
pub const SERIES_LOOKS: [Look; 6] = [
    Look {
        dash: Dash::Solid,
        marker: Marker::Circle,
    },
    Look {
        dash: Dash::Dashed,
        marker: Marker::Square,
    },
    Look {
        dash: Dash::Dotted,
        marker: Marker::Diamond,
    },
    Look {
        dash: Dash::ShortDashed,
        marker: Marker::Triangle,
    },
    Look {
        dash: Dash::Dashed,
        marker: Marker::Cross,
    },
    Look {
        dash: Dash::Dotted,
        marker: Marker::Plus,
    },
];

/// The look of a side's line: the United States solid with discs, the partner dashed with squares.
pub const fn side_look(side: Side) -> Look {
    match side {
        Side::Us => SERIES_LOOKS[0],
        Side::Partner => SERIES_LOOKS[1],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_colour_reads_as_css_hex_with_two_lowercase_digits_a_channel() {
        assert_eq!(US.to_hex(), "#0072b2");
        assert_eq!(PARTNER.to_hex(), "#bc5200");
        assert_eq!(Srgb::new(0, 10, 255).to_hex(), "#000aff");
        assert_eq!(REAL_DEAL.to_string(), "#c27c00");
    }

    #[test]
    fn every_series_of_a_chart_differs_from_the_others_in_colour_and_in_stroke_or_marker() {
        for (k, (colour, look)) in SERIES.iter().zip(SERIES_LOOKS).enumerate() {
            for (other_colour, other_look) in SERIES.iter().zip(SERIES_LOOKS).skip(k + 1) {
                assert_ne!(colour, other_colour);
                assert_ne!(look, other_look);
            }
        }
        assert_ne!(side_look(Side::Us), side_look(Side::Partner));
    }

    #[test]
    fn a_dash_pattern_scales_with_the_line_and_a_solid_line_has_none() {
        assert_eq!(Dash::Solid.dasharray(2.0), None);
        assert_eq!(Dash::Dashed.dasharray(2.0).as_deref(), Some("10.0 6.0"));
        assert_eq!(Dash::Dotted.dasharray(2.0).as_deref(), Some("1.0 5.0"));
    }
}
