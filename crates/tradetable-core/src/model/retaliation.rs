//! What the partner's counter-tariffs do: US exports of the basket fall as the partner's buyers answer the higher
//! price (farm exports with them, where the basket holds farm goods), the partner's buyers pay the tariff on what
//! they still buy, and the constituencies each counter-tariff targets on either side move (`docs/model.md`).
//!
//! It imports only `scenario`: `economy` hands it each counter-tariff's changes of rate with the share of their
//! volume response made so far, and adds what it returns to the flows.

use serde::{Deserialize, Serialize};

use crate::scenario::format::parse_year_month;
use crate::scenario::schema::{PartnerTariff, Scenario, Side};

/// The counter-tariffs' effect in a month, at annual rates.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Retaliation {
    /// Per counter-tariff, in scenario order: US exports it removes, $bn a year (negative when a counter-tariff in
    /// force at the start has been lifted).
    pub export_loss_bn: Vec<f64>,
    /// Per counter-tariff: what it costs the partner's buyers of the basket, $bn a year.
    pub buyer_cost_bn: Vec<f64>,
    /// All counter-tariffs' US exports removed, $bn a year.
    pub total_export_loss_bn: f64,
    /// All counter-tariffs' cost to the partner's buyers, $bn a year.
    pub total_buyer_cost_bn: f64,
}

/// One change of a counter-tariff's rate since the start: its size (a fraction) and the share of its long-run volume
/// response made by now (`economy::adjusted_share` of its age).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateChange {
    /// How much the rate moved.
    pub amount: f64,
    /// Share of the volume response made so far (0–1).
    pub adjusted: f64,
}

/// The effect of the counter-tariffs, from each one's rate changes since the start (`changes[c]`, in scenario order;
/// a missing entry is no change), with the share of each sector's starting US exports removed (to take off the
/// sector's exports; at most 1).
///
/// For counter-tariff `c` with basket `B`, the part drawn from sector `s` is `b = B · X_s / Σ X` (the sectors' US
/// exports at the start). Each change `Δτ` raises the partner's buyers' price by `Δτ / (1 + t_s)` (full pass-through,
/// as for the partner's tariffs in `economy`), so the basket's volume moves by `ε_s · Δτ / (1 + t_s)` times the share
/// of the response made so far. US exports fall by `b · (1 − volume)`, and the buyers pay `b · τ · (volume + (1 −
/// volume) / 2)` on the rise `τ` since the start (the triangle of trade given up counting half, as for US buyers).
pub fn effect(scenario: &Scenario, changes: &[Vec<RateChange>]) -> (Retaliation, Vec<f64>) {
    let mut sector_loss_bn = vec![0.0; scenario.sectors.len()];
    let mut result = Retaliation::default();
    for (c, tariff) in scenario.partner_tariffs.iter().enumerate() {
        let steps = changes.get(c).map_or(&[][..], Vec::as_slice);
        let rise: f64 = steps.iter().map(|step| step.amount).sum();
        let covered: f64 = basket_sectors(scenario, tariff)
            .map(|s| scenario.sectors[s].us_exports_bn)
            .sum();
        let mut loss = 0.0;
        let mut cost = 0.0;
        if covered > 0.0 {
            for s in basket_sectors(scenario, tariff) {
                let sector = &scenario.sectors[s];
                let part = tariff.basket_bn * sector.us_exports_bn / covered;
                let mut volume_change = 0.0;
                for step in steps {
                    volume_change +=
                        sector.partner_import_elasticity * step.amount / (1.0 + sector.partner_tariff) * step.adjusted;
                }
                let volume = (1.0 + volume_change).max(0.0);
                let lost = part * (1.0 - volume);
                sector_loss_bn[s] += lost;
                loss += lost;
                cost += part * rise * (volume + 0.5 * (1.0 - volume));
            }
        }
        result.export_loss_bn.push(loss);
        result.buyer_cost_bn.push(cost);
        result.total_export_loss_bn += loss;
        result.total_buyer_cost_bn += cost;
    }
    let shares = scenario
        .sectors
        .iter()
        .zip(&sector_loss_bn)
        .map(|(sector, lost)| {
            if sector.us_exports_bn > 0.0 {
                (lost / sector.us_exports_bn).min(1.0)
            } else {
                0.0
            }
        })
        .collect();
    (result, shares)
}

/// The sectors (indices) a counter-tariff's basket is drawn from.
fn basket_sectors<'a>(scenario: &'a Scenario, tariff: &'a PartnerTariff) -> impl Iterator<Item = usize> + 'a {
    (0..scenario.sectors.len()).filter(move |&s| tariff.sectors.contains(&scenario.sectors[s].id))
}

/// The approval points a constituency of `side` gains (negative: loses) from the counter-tariffs that target it:
/// US constituencies `us_approval_per_bn` per $bn a year of exports removed, the partner's
/// `partner_approval_per_bn` per $bn a year its buyers pay.
pub fn approval_shift(scenario: &Scenario, side: Side, constituency: &str, retaliation: &Retaliation) -> f64 {
    let mut shift = 0.0;
    for (c, tariff) in scenario.partner_tariffs.iter().enumerate() {
        let (targets, per_bn, figure) = match side {
            Side::Us => (
                &tariff.us_constituencies,
                tariff.us_approval_per_bn,
                &retaliation.export_loss_bn,
            ),
            Side::Partner => (
                &tariff.partner_constituencies,
                tariff.partner_approval_per_bn,
                &retaliation.buyer_cost_bn,
            ),
        };
        if targets.iter().any(|id| id == constituency) {
            shift -= per_bn * figure.get(c).copied().unwrap_or(0.0);
        }
    }
    shift
}

/// The round from which a counter-tariff suspended at the start applies again (the first round of its
/// `suspended_until` month), or `None` when it applies from the start. A month after the last round gives a round
/// after it: suspended for the whole game.
pub fn suspended_until_round(scenario: &Scenario, tariff: &PartnerTariff) -> Option<u32> {
    let (y0, m0) = parse_year_month(&scenario.start)?;
    let (y, m) = parse_year_month(tariff.suspended_until.as_deref()?)?;
    let months = (y * 12 + m).checked_sub(y0 * 12 + m0)?;
    (months > 0).then_some(months + 1)
}

/// Each counter-tariff's rate in force at the start: `rate_now`, or 0 while suspended at the start.
pub fn starting_rates(scenario: &Scenario) -> Vec<f64> {
    scenario
        .partner_tariffs
        .iter()
        .map(|t| {
            if suspended_until_round(scenario, t).is_some() {
                0.0
            } else {
                t.rate_now
            }
        })
        .collect()
}

/// The US tariff on goods from the partner, in percentage points above the starting rates, weighted by starting
/// imports, from the additional rate on each sector: what the partner's `provoked_above_points` is compared with.
pub fn us_tariff_points(scenario: &Scenario, additional: &[f64], start: &[f64]) -> f64 {
    let total: f64 = scenario.sectors.iter().map(|s| s.us_imports_bn).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let weighted: f64 = scenario
        .sectors
        .iter()
        .zip(additional.iter().zip(start))
        .map(|(sector, (now, at_start))| sector.us_imports_bn * (now - at_start))
        .sum();
    weighted / total * 100.0
}
