//! Numbers as a player of the current language reads them: money (`$68.5bn`, `685億ドル`), a lever's level, rates,
//! months (`Jul 2025`, `2025年7月`) and counts. English reads as the core's `scenario::format` writes it (the
//! transcripts and the command line use the same), so the English UI is unchanged; Japanese counts money in 億 (a
//! hundred million) and 兆 (a trillion) and writes the year first.
//!
//! The UI formats every number it shows through these functions (the core's helpers stay English, for its prose and
//! the command line).

use tradetable_core::scenario::format::{self, LeverUnit};

use super::{Language, language, t};

/// Billions of dollars with one decimal, as the core's [`format::bn`]: `$68.5bn`, `−$3.0bn`; `685億ドル`,
/// `−30億ドル`, `1兆2000億ドル`.
pub fn bn(x: f64) -> String {
    match language() {
        Language::English => format::bn(x),
        // One decimal of a billion is a whole 億.
        Language::Japanese => signed(x, |x| oku_dollars(format!("{:.0}", x * 10.0))),
    }
}

/// Billions of dollars a year (the deficit, trade flows): `$68.5bn/yr`; `年685億ドル`.
pub fn bn_per_year(x: f64) -> String {
    match language() {
        Language::English => format!("{}/yr", format::bn(x)),
        Language::Japanese => format!("年{}", bn(x)),
    }
}

/// A lever's level in its unit, as the core's [`format::lever_level`]: `$7bn/yr`, `$550bn`, `75%`, `yes`;
/// `年70億ドル`, `5500億ドル`, `75%`, `はい`.
pub fn lever_level(unit: LeverUnit, level: f64) -> String {
    match (language(), unit) {
        (_, LeverUnit::YesNo) => {
            if level > 0.0 {
                t!("common-yes")
            } else {
                t!("common-no")
            }
        }
        (Language::English, _) => format::lever_level(unit, level),
        (Language::Japanese, LeverUnit::BillionsPerYear) => format!("年{}", oku_dollars(format::trim(level * 10.0))),
        (Language::Japanese, LeverUnit::Billions) => oku_dollars(format::trim(level * 10.0)),
        (Language::Japanese, LeverUnit::Share) => format::lever_level(unit, level),
    }
}

/// A rate (0.125) as a percentage, in both languages: `12.5%`.
pub fn rate(rate: f64) -> String {
    format::rate(rate)
}

/// A rate (0.125) as a number of percent without the sign: `12.5`.
pub fn percent(rate: f64) -> String {
    format::percent(rate)
}

/// An approval or score on a 0–100 scale in whole points: `43%`.
pub fn whole_percent(x: f64) -> String {
    format::whole_percent(x)
}

/// A chance (0–1) as a whole percentage: `12%`.
pub fn chance(p: f64) -> String {
    format::chance(p)
}

/// A figure with one decimal and a typographic minus: `−3.2`.
pub fn one_decimal(x: f64) -> String {
    format::one_decimal(x)
}

/// A range of whole numbers, `31–36`, or one number when both ends round alike.
pub fn whole_range(low: f64, high: f64) -> String {
    format::whole_range(low, high)
}

/// A month `YYYY-MM`: `Jul 2025`; `2025年7月`. Anything else is shown as written.
pub fn month(m: &str) -> String {
    match language() {
        Language::English => format::month(m),
        Language::Japanese => match format::parse_year_month(m) {
            Some((year, month)) => format!("{year}年{month}月"),
            None => m.to_string(),
        },
    }
}

/// A count with thousands grouped, in both languages: `1,234`.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// `x` formatted by `magnitude` with a typographic minus in front when negative.
fn signed(x: f64, magnitude: impl Fn(f64) -> String) -> String {
    if x < 0.0 {
        format!("−{}", magnitude(-x))
    } else {
        magnitude(x)
    }
}

/// A number of 億 (hundred millions) of dollars, written as `oku` (`685`, `2.5`), in 兆 and 億 from 1兆 up:
/// `685億ドル`, `1兆2000億ドル`, `2兆ドル`.
fn oku_dollars(oku: String) -> String {
    let (whole, fraction) = match oku.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (oku.as_str(), None),
    };
    let whole_oku: u64 = whole.parse().unwrap_or(0);
    let (cho, rest) = (whole_oku / 10_000, whole_oku % 10_000);
    let mut text = String::new();
    if cho > 0 {
        text.push_str(&format!("{cho}兆"));
    }
    if rest > 0 || fraction.is_some() || cho == 0 {
        text.push_str(&rest.to_string());
        if let Some(fraction) = fraction {
            text.push('.');
            text.push_str(fraction);
        }
        text.push('億');
    }
    text.push_str("ドル");
    text
}
