//! How numbers read, in one place for the game, the transcripts and the command line: rates, money, levels of a
//! lever, approvals, chances, months and ranges. (Side names are methods of [`Side`](crate::scenario::side::Side).)

use serde::{Deserialize, Serialize};

/// What a Japanese lever's level counts, which decides how it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum LeverUnit {
    /// Billions of dollars a year: `$7bn/yr`.
    BillionsPerYear,
    /// Billions of dollars in all: `$550bn`.
    Billions,
    /// A share from 0 to 1, read as a percentage: `75%`.
    Share,
    /// 0 (no) or 1 (yes).
    YesNo,
}

impl LeverUnit {
    /// Every unit, for the reference and the validator's messages.
    pub const ALL: [LeverUnit; 4] = [
        LeverUnit::BillionsPerYear,
        LeverUnit::Billions,
        LeverUnit::Share,
        LeverUnit::YesNo,
    ];

    /// How the unit is named in tables and axis labels.
    pub fn label(self) -> &'static str {
        match self {
            LeverUnit::BillionsPerYear => "$bn a year",
            LeverUnit::Billions => "$bn",
            LeverUnit::Share => "share",
            LeverUnit::YesNo => "yes or no",
        }
    }
}

/// A number with at most two decimals and no trailing zeros: `7`, `0.25`, `12.5`.
pub fn trim(x: f64) -> String {
    let s = format!("{x:.2}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A rate (0.125) as a number of percent without a trailing `.0`: `12.5`, `25`. Callers add the `%` where the
/// sentence needs it.
pub fn percent(rate: f64) -> String {
    let s = format!("{:.1}", rate * 100.0);
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// A rate (0.125) as a percentage: `12.5%`.
pub fn rate(rate: f64) -> String {
    format!("{}%", percent(rate))
}

/// A lever's level in its unit: `$7bn/yr`, `$550bn`, `75%`, `yes`.
pub fn lever_level(unit: LeverUnit, level: f64) -> String {
    match unit {
        LeverUnit::BillionsPerYear => format!("${}bn/yr", trim(level)),
        LeverUnit::Billions => format!("${}bn", trim(level)),
        LeverUnit::Share => format!("{}%", trim(level * 100.0)),
        LeverUnit::YesNo => (if level > 0.0 { "yes" } else { "no" }).to_string(),
    }
}

/// Billions of dollars with one decimal: `$68.5bn`, `−$3.0bn`.
pub fn bn(x: f64) -> String {
    if x < 0.0 {
        format!("−${:.1}bn", -x)
    } else {
        format!("${x:.1}bn")
    }
}

/// A figure with one decimal and a typographic minus: `−3.2`, `68.5`.
pub fn one_decimal(x: f64) -> String {
    if x < 0.0 {
        format!("−{:.1}", -x)
    } else {
        format!("{x:.1}")
    }
}

/// An approval or score on a 0–100 scale, in whole points with a percent sign: `43%`.
pub fn whole_percent(x: f64) -> String {
    format!("{x:.0}%")
}

/// A chance (0–1) as a whole percentage: `12%`.
pub fn chance(p: f64) -> String {
    format!("{:.0}%", p * 100.0)
}

/// A range in whole numbers, `31–36`, or one number when both ends round alike.
pub fn whole_range(low: f64, high: f64) -> String {
    let (low, high) = (format!("{low:.0}"), format!("{high:.0}"));
    if low == high { low } else { format!("{low}–{high}") }
}

/// A month `YYYY-MM` as `Apr 2025`; anything else is shown as written.
pub fn month(m: &str) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match parse_year_month(m) {
        Some((y, mo)) if (1..=12).contains(&mo) => format!("{} {y}", NAMES[mo as usize - 1]),
        _ => m.to_string(),
    }
}

/// Parses `YYYY-MM` into a year and a month (1–12).
pub fn parse_year_month(text: &str) -> Option<(u32, u32)> {
    let (y, m) = text.split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let year: u32 = y.parse().ok()?;
    let month: u32 = m.parse().ok()?;
    (1..=12).contains(&month).then_some((year, month))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_without_trailing_zeros() {
        assert_eq!(trim(7.0), "7");
        assert_eq!(trim(0.25), "0.25");
        assert_eq!(trim(12.50), "12.5");
        assert_eq!(trim(100.0), "100");
        assert_eq!(percent(0.125), "12.5");
        assert_eq!(percent(0.25), "25");
        assert_eq!(rate(0.15), "15%");
    }

    #[test]
    fn each_unit_reads_as_the_table_shows_it() {
        assert_eq!(lever_level(LeverUnit::BillionsPerYear, 7.0), "$7bn/yr");
        assert_eq!(lever_level(LeverUnit::Billions, 550.0), "$550bn");
        assert_eq!(lever_level(LeverUnit::Share, 0.75), "75%");
        assert_eq!(lever_level(LeverUnit::YesNo, 1.0), "yes");
        assert_eq!(lever_level(LeverUnit::YesNo, 0.0), "no");
    }

    #[test]
    fn money_ranges_and_months() {
        assert_eq!(bn(68.54), "$68.5bn");
        assert_eq!(bn(-3.0), "−$3.0bn");
        assert_eq!(one_decimal(-3.24), "−3.2");
        assert_eq!(whole_range(31.2, 35.8), "31–36");
        assert_eq!(whole_range(31.2, 30.8), "31");
        assert_eq!(month("2025-04"), "Apr 2025");
        assert_eq!(month("spring"), "spring");
        assert_eq!(chance(0.123), "12%");
        assert_eq!(whole_percent(43.4), "43%");
    }
}
