//! Competing suppliers: the tariffs the US puts on the partner's rivals in a sector, month by month, and how readily
//! US buyers switch between suppliers. The model (`model::rivals`) uses them so that a tariff hitting every supplier
//! alike diverts less trade away from the partner than one that hits the partner alone.

use serde::{Deserialize, Serialize};

use crate::scenario::format::parse_year_month;

/// The partner's rival suppliers of the US market, by sector.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RivalSuppliers {
    /// How readily US buyers switch between suppliers of the same goods when their prices move apart: the Armington
    /// elasticity of substitution σ (positive). Published estimates for US imports lie around 1–4.
    pub substitution_elasticity: f64,
    /// Where σ comes from.
    pub source: String,
    /// The sectors in which rivals' tariffs matter; a sector not listed keeps the partner-only response.
    pub sectors: Vec<RivalSector>,
}

/// One sector's rival suppliers: their weight in US imports and the additional US tariff they face over time.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RivalSector {
    /// The sector (an id of `sectors`).
    pub sector: String,
    /// The partner's share of all US imports of these goods, 0–1 (excluding it leaves the rivals and others).
    pub partner_share: f64,
    /// The share of all US imports of these goods that comes from the rivals whose tariff `tariffs` describes,
    /// 0–1; together with `partner_share` at most 1 (suppliers left out, such as exempt ones, face no change).
    pub rivals_share: f64,
    /// The additional US tariff on the rivals' goods (above MFN, trade-weighted over the rivals), from the month
    /// each entry gives until the next entry; before the first entry it is 0. Months in order.
    pub tariffs: Vec<RivalTariff>,
    /// Where the shares come from.
    pub source: String,
}

/// The additional US tariff the rivals face from a month on.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RivalTariff {
    /// The month it takes effect, `YYYY-MM`.
    pub from: String,
    /// The rate, as a fraction (0.15 for 15%).
    pub rate: f64,
    /// Where it comes from (an executive order, a proclamation, a deal).
    pub source: String,
}

/// A calendar month as a count of months since year 0 (`YYYY-MM` → `YYYY × 12 + MM − 1`), so months compare and
/// subtract as numbers.
pub fn month_number(text: &str) -> Option<u32> {
    let (year, month) = parse_year_month(text)?;
    Some(year * 12 + month - 1)
}

impl RivalSector {
    /// The additional tariff the rivals face in the month numbered `month` (`month_number`): the latest entry from
    /// that month or earlier, or 0 before the first.
    pub fn rate_in(&self, month: u32) -> f64 {
        self.tariffs
            .iter()
            .filter(|t| month_number(&t.from).is_some_and(|from| from <= month))
            .map(|t| t.rate)
            .next_back()
            .unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sector(tariffs: &[(&str, f64)]) -> RivalSector {
        RivalSector {
            sector: "autos".into(),
            partner_share: 0.2,
            rivals_share: 0.5,
            tariffs: tariffs
                .iter()
                .map(|(from, rate)| RivalTariff {
                    from: from.to_string(),
                    rate: *rate,
                    source: "test".into(),
                })
                .collect(),
            source: "test".into(),
        }
    }

    #[test]
    fn the_rate_in_a_month_is_the_latest_entry_from_then_or_before() {
        let s = sector(&[("2025-04", 0.25), ("2025-09", 0.15)]);
        let m = |text| month_number(text).unwrap();
        assert_eq!(s.rate_in(m("2025-03")), 0.0);
        assert_eq!(s.rate_in(m("2025-04")), 0.25);
        assert_eq!(s.rate_in(m("2025-08")), 0.25);
        assert_eq!(s.rate_in(m("2025-09")), 0.15);
        assert_eq!(s.rate_in(m("2026-12")), 0.15);
    }

    #[test]
    fn months_count_across_years() {
        assert_eq!(month_number("2025-01").unwrap() - month_number("2024-12").unwrap(), 1);
        assert_eq!(month_number("2025-13"), None);
    }
}
