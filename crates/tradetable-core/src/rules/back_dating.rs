//! Back-dated tariff cuts: a deal's cut of an instrument with `deal_back_dated_months` takes effect when the order
//! implementing it does (`deal_lag_rounds` after signing) but applies from that many months earlier, so the duties
//! paid above the new rate in between are refunded in the month the cut takes effect. The refund is valued in the
//! model: it is taken off that month's tariff revenue and US buyers' cost.

use crate::model::economy::{Economy, Policy, us_additional_rates};
use crate::scenario::schema::Scenario;

/// The round a deal's cut of instrument `instrument`, signed in `round` and taking effect in `due`, applies from:
/// `deal_back_dated_months` before `due`, not before round 1. `None` when the instrument is not back-dated or the
/// new rate is not a cut.
pub fn applies_from(scenario: &Scenario, instrument: usize, old_rate: f64, new_rate: f64, due: u32) -> Option<u32> {
    let months = scenario.us_instruments.get(instrument)?.deal_back_dated_months;
    (months > 0 && new_rate < old_rate).then(|| due.saturating_sub(months).max(1))
}

/// The duties refunded when the policy moves from `before` to `after` with the cut applying `months` months back,
/// $bn: on each sector, the fall of the additional tariff times a month's imports (`imports_bn`, the sector's
/// customs value a year, from the latest month: the months refunded are taken to have imported as much), for each
/// month. Rises are not back-dated.
pub fn refund_bn(scenario: &Scenario, before: &Policy, after: &Policy, imports_bn: &[f64], months: u32) -> f64 {
    let old = us_additional_rates(scenario, before);
    let new = us_additional_rates(scenario, after);
    let mut refund = 0.0;
    for (s, imports) in imports_bn.iter().enumerate().take(old.len().min(new.len())) {
        refund += imports / 12.0 * (old[s] - new[s]).max(0.0) * f64::from(months);
    }
    refund
}

/// Books a refund in the month it is paid: kept as the month's one-off sum, and taken off its tariff revenue and the
/// cost to US buyers at a yearly rate (a month's sum is twelve times as much a year), so a score averaging the
/// months' yearly rates counts it once.
pub fn book(economy: &mut Economy, refund_bn: f64) {
    if refund_bn <= 0.0 {
        return;
    }
    economy.back_dated_refund_bn += refund_bn;
    economy.tariff_revenue_bn -= 12.0 * refund_bn;
    economy.consumer_cost_bn -= 12.0 * refund_bn;
}

/// Each sector's US imports in an economy, $bn a year, in scenario order.
pub fn sector_imports(economy: &Economy) -> Vec<f64> {
    economy.sectors.iter().map(|s| s.us_imports_bn).collect()
}
