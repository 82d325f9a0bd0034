//! Political standing: the figures constituencies watch, how their approval moves, each side's overall approval,
//! and the hazard that Japan's Diet suspends the USJTA.

use crate::model::economy::{Economy, Policy};
use crate::model::retaliation;
use crate::scenario::schema::{Indicator, Scenario, Side};
use crate::scenario::side::PerSide;

/// Approval (0–100) of every constituency of both sides, in scenario order.
pub type Approvals = PerSide<Vec<f64>>;

/// The scenario's starting approvals.
pub fn initial_approvals(scenario: &Scenario) -> Approvals {
    PerSide::from_fn(|side| {
        scenario.politics[side]
            .constituencies
            .iter()
            .map(|c| c.approval)
            .collect()
    })
}

/// Zero for every constituency (for shocks).
pub fn zero_approvals(scenario: &Scenario) -> Approvals {
    PerSide::from_fn(|side| vec![0.0; scenario.politics[side].constituencies.len()])
}

/// What indicators are computed from: this month's economy, the starting economy and the policies in force.
pub struct Readings<'a> {
    /// This month's economy.
    pub economy: &'a Economy,
    /// The economy before any move.
    pub start: &'a Economy,
    /// The policies in force.
    pub policy: &'a Policy,
    /// Whether a deal has been signed.
    pub deal_signed: bool,
    /// Overall approvals, for objectives (constituencies may not react to approval itself).
    pub approval: PerSide<f64>,
}

/// The value of an indicator.
pub fn indicator(scenario: &Scenario, which: &Indicator, r: &Readings) -> f64 {
    let e = r.economy;
    match which {
        Indicator::GoodsDeficitBn => e.goods_deficit_bn,
        Indicator::GoodsDeficitBaseFxBn => e.goods_deficit_base_fx_bn,
        Indicator::DeficitChangeBn => e.goods_deficit_bn - r.start.goods_deficit_bn,
        Indicator::TariffRevenueBn => e.tariff_revenue_bn,
        Indicator::ConsumerCostBn => e.consumer_cost_bn,
        Indicator::PartnerExportLossBn => e.partner_export_loss_bn,
        Indicator::AutoExportLossBn => e.auto_export_loss_bn,
        Indicator::FarmExportsBn => e.farm_exports_bn,
        Indicator::FarmExportsChangeBn => e.farm_exports_bn - r.start.farm_exports_bn,
        Indicator::InvestmentInflowBn => e.investment_inflow_bn,
        Indicator::InvestmentChangeBn => e.investment_inflow_bn - r.start.investment_inflow_bn,
        Indicator::TradeAgreementInForce => bool_value(r.policy.trade_agreement.in_force()),
        Indicator::TradeAgreementLapsed => bool_value(!r.policy.trade_agreement.in_force()),
        Indicator::Uncertainty => e.uncertainty,
        Indicator::AutoTariffPoints => e.auto_tariff_additional * 100.0,
        Indicator::DealSigned => bool_value(r.deal_signed),
        Indicator::ConcessionCostBn => e.concession_cost_bn,
        Indicator::Lever(id) => scenario.lever_index(id).map_or(0.0, |i| r.policy.concessions[i]),
        Indicator::TariffPoints(id) => scenario
            .instrument_index(id)
            .map_or(0.0, |i| r.policy.us_rates[i] * 100.0),
        Indicator::UsApproval => r.approval.us,
        Indicator::PartnerApproval => r.approval.partner,
    }
}

fn bool_value(b: bool) -> f64 {
    if b { 1.0 } else { 0.0 }
}

/// The approval each constituency of `side` tends towards: its start, plus its reactions, plus the counter-tariffs
/// that target it, plus lasting shocks.
pub fn approval_targets(scenario: &Scenario, side: Side, shocks: &[f64], r: &Readings) -> Vec<f64> {
    scenario
        .politics
        .side(side)
        .constituencies
        .iter()
        .zip(shocks)
        .map(|(c, shock)| {
            let mut target = c.approval + shock;
            for reaction in &c.reactions {
                target += reaction.per_unit * indicator(scenario, &reaction.indicator, r);
            }
            target += retaliation::approval_shift(scenario, side, &c.id, &r.economy.retaliation);
            target.clamp(0.0, 100.0)
        })
        .collect()
}

/// Moves each approval a share (`inertia`) of the way to its target, within 0–100.
pub fn step_approvals(scenario: &Scenario, side: Side, current: &[f64], targets: &[f64]) -> Vec<f64> {
    let inertia = scenario.politics.side(side).inertia;
    current
        .iter()
        .zip(targets)
        .map(|(a, t)| (a + inertia * (t - a)).clamp(0.0, 100.0))
        .collect()
}

/// A side's overall approval: the weighted mean of its constituencies.
pub fn overall(scenario: &Scenario, side: Side, approvals: &[f64]) -> f64 {
    let constituencies = &scenario.politics.side(side).constituencies;
    let total: f64 = constituencies.iter().map(|c| c.weight).sum();
    if total <= 0.0 {
        return 0.0;
    }
    constituencies
        .iter()
        .zip(approvals)
        .map(|(c, a)| c.weight * a)
        .sum::<f64>()
        / total
}

/// Whether the whole auto tariff (MFN and instruments, trade-weighted) is above the line the partner's legislature
/// tolerates. A rate on the line is not above it, however the fractions round (2.5% + 12.5% is the 15% of the line).
/// Never, when suspension is not in play.
pub fn auto_tariff_above_line(scenario: &Scenario, auto_tariff_total: f64) -> bool {
    scenario
        .suspension()
        .is_some_and(|rules| auto_tariff_total > rules.auto_tariff_threshold + ON_THE_LINE)
}

/// Rates within this of the line count as on it.
const ON_THE_LINE: f64 = 1e-9;

/// Chance this month that the partner's legislature suspends the trade agreement, from the whole auto tariff and the
/// cabinet's weakness. Zero when suspension is not in play.
pub fn trade_agreement_hazard(scenario: &Scenario, auto_tariff_total: f64, partner_approval: f64) -> f64 {
    let Some(rules) = scenario.suspension() else {
        return 0.0;
    };
    let excess_points = ((auto_tariff_total - rules.auto_tariff_threshold) * 100.0).max(0.0);
    let weakness_points = (rules.approval_floor - partner_approval).max(0.0);
    let pressure = if auto_tariff_above_line(scenario, auto_tariff_total) {
        rules.hazard_per_point * excess_points + rules.hazard_per_approval_point * weakness_points
    } else {
        0.0
    };
    (rules.hazard_base + pressure).clamp(0.0, 1.0)
}

/// Both sides' approvals a month on: each constituency a share of the way to its target, from `readings`.
pub fn step_month(scenario: &Scenario, approvals: &Approvals, shocks: &Approvals, readings: &Readings) -> Approvals {
    let step = |side| {
        let targets = approval_targets(scenario, side, shocks.side(side), readings);
        step_approvals(scenario, side, approvals.side(side), &targets)
    };
    Approvals {
        us: step(Side::Us),
        partner: step(Side::Partner),
    }
}

/// Whether a government with this overall approval at the end of a month falls.
pub fn falls(scenario: &Scenario, side: Side, approval: f64) -> bool {
    approval < scenario.politics.side(side).fall_below
}
