//! The colours of TradeTable, shared by the game's screens and the class debrief page: each named once, as sRGB
//! bytes, so a side, a verdict or the real deal has the same colour on the projector and on paper. The game turns
//! them into its own colour type; the page writes them as `#rrggbb`.

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
/// The United States' side.
pub const US: Srgb = Srgb::new(30, 72, 140);
/// The partner's side (Japan).
pub const PARTNER: Srgb = Srgb::new(178, 24, 48);
/// Good news; the Pareto frontier and the Nash point on the debrief page.
pub const GOOD: Srgb = Srgb::new(22, 120, 60);
/// Bad news, warnings, and talks that collapsed.
pub const BAD: Srgb = Srgb::new(180, 60, 10);
/// The highlight of terms that changed.
pub const CHANGED: Srgb = Srgb::new(255, 236, 179);
/// Buttons, selections, and a table that signed a deal.
pub const ACCENT: Srgb = Srgb::new(40, 96, 120);
/// The deal that really happened, on the debrief page (its marks, its options, the box of warnings).
pub const REAL_DEAL: Srgb = Srgb::new(194, 124, 0);

/// Colours for chart series, told apart in print and on a projector: the two sides first.
pub const SERIES: [Srgb; 6] = [
    US,
    PARTNER,
    GOOD,
    Srgb::new(200, 120, 0),
    Srgb::new(110, 60, 150),
    Srgb::new(90, 90, 90),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_colour_reads_as_css_hex_with_two_lowercase_digits_a_channel() {
        assert_eq!(US.to_hex(), "#1e488c");
        assert_eq!(PARTNER.to_hex(), "#b21830");
        assert_eq!(Srgb::new(0, 10, 255).to_hex(), "#000aff");
        assert_eq!(REAL_DEAL.to_string(), "#c27c00");
    }
}
