//! Trade flows by sector and their totals: the goods deficit, tariff revenue, cost to US buyers, exporters'
//! absorption, farm exports and investment — the SMART partial-equilibrium formulas of `docs/model.md`.
//!
//! Everything here is plain `f64` arithmetic in a fixed order, so the same inputs give bit-identical results.

use serde::{Deserialize, Serialize};

use crate::model::retaliation::{self, RateChange, Retaliation};
use crate::model::{pledges, rivals, terms};
use crate::scenario::rivals::{RivalSector, month_number};
use crate::scenario::schema::{ConcessionEffect, Dynamics, InstrumentKind, Scenario, Sector, SectorFlag};

/// Whether the 2019 US–Japan Trade Agreement still binds Japan's tariffs on US goods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TradeAgreementStatus {
    /// In force: Japan applies the agreement's rates.
    InForce,
    /// Suspended by one side: Japan's MFN rates apply until it is restored.
    Suspended,
    /// Terminated: the agreement is gone.
    Terminated,
}

impl TradeAgreementStatus {
    /// How the state reads on screen and in transcripts.
    pub fn label(self) -> &'static str {
        match self {
            TradeAgreementStatus::InForce => "in force",
            TradeAgreementStatus::Suspended => "suspended",
            TradeAgreementStatus::Terminated => "terminated",
        }
    }

    /// Whether Japan's agreement rates apply.
    pub fn in_force(self) -> bool {
        self == TradeAgreementStatus::InForce
    }
}

/// The policies in force on both sides of the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Policy {
    /// The rate of each US instrument, in scenario order.
    pub us_rates: Vec<f64>,
    /// Per US instrument, a tariff-rate quota: this many $bn a year of covered imports enter at no extra tariff.
    pub us_quotas_bn: Vec<f64>,
    /// Per US instrument, the sectors (indices) exempted from it.
    pub us_exemptions: Vec<Vec<usize>>,
    /// The level of each Japanese lever in force, in scenario order.
    pub concessions: Vec<f64>,
    /// The level of each deal term in force (`Scenario::deal_terms`), in scenario order; empty in a policy from
    /// before terms existed, which reads as none in force.
    #[serde(default)]
    pub terms: Vec<f64>,
    /// The USJTA's state.
    pub trade_agreement: TradeAgreementStatus,
    /// The rate of each of the partner's counter-tariffs in force (0 while suspended), in scenario order; empty in a
    /// policy from before counter-tariffs existed, which reads as their starting rates.
    #[serde(default)]
    pub counter_tariffs: Vec<f64>,
}

impl Policy {
    /// The policy at the start of a scenario: instruments at their current rates, no concessions, USJTA in force.
    pub fn initial(scenario: &Scenario) -> Policy {
        Policy {
            us_rates: scenario.us_instruments.iter().map(|i| i.rate_now).collect(),
            us_quotas_bn: vec![0.0; scenario.us_instruments.len()],
            us_exemptions: vec![Vec::new(); scenario.us_instruments.len()],
            concessions: vec![0.0; scenario.partner_levers.len()],
            terms: vec![0.0; scenario.deal_terms.len()],
            trade_agreement: TradeAgreementStatus::InForce,
            counter_tariffs: retaliation::starting_rates(scenario),
        }
    }
}

/// A change of a figure (a tariff, a concession's level) that took effect `age` months ago (0: this month).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// How much the figure moved (a rate as a fraction, or a lever's level); negative for a cut.
    pub amount: f64,
    /// Months since it took effect.
    pub age: u32,
}

/// The changes that make up a figure's distance from its starting value, oldest first. Each change keeps its own
/// age, so a later rise does not restart the adjustment to an earlier one: the months-old part of a tariff keeps
/// the pass-through it has reached while the new part starts low.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Steps(pub Vec<Step>);

/// Changes smaller than this are rounding noise, not policy.
const NEGLIGIBLE: f64 = 1e-12;

impl Steps {
    /// One month on: every change ages a month, then the figure moves by `change`. A move against the most recent
    /// changes takes them back first, newest first (a cut removes the latest rise before an older one); what is
    /// left becomes a new change of age 0.
    pub fn advance(&mut self, change: f64) {
        for step in &mut self.0 {
            step.age = step.age.saturating_add(1);
        }
        self.push(change);
    }

    fn push(&mut self, mut change: f64) {
        while change.abs() > NEGLIGIBLE {
            match self.0.last_mut() {
                Some(last) if (last.amount > 0.0) != (change > 0.0) => {
                    let left = last.amount + change;
                    if (left > 0.0) == (last.amount > 0.0) && left.abs() > NEGLIGIBLE {
                        last.amount = left;
                        change = 0.0;
                    } else {
                        change = left;
                        self.0.pop();
                    }
                }
                _ => {
                    self.0.push(Step { amount: change, age: 0 });
                    change = 0.0;
                }
            }
        }
    }

    /// The figure's distance from its starting value.
    pub fn total(&self) -> f64 {
        self.0.iter().map(|s| s.amount).sum()
    }

    /// Every change `months` older, with no new change (to look further ahead).
    pub fn age_by(&mut self, months: u32) {
        for step in &mut self.0 {
            step.age = step.age.saturating_add(months);
        }
    }
}

/// What else the economy depends on in a month besides policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conditions {
    /// Yen per dollar this month.
    pub currency_per_dollar: f64,
    /// Multiplier on the investment inflow from events (1 when nothing has happened).
    pub investment_factor: f64,
    /// Uncertainty from open threats and the lack of a settlement, 0–1.
    pub uncertainty: f64,
    /// Per sector: the changes of the additional US tariff since the start, with their ages.
    pub us_tariff_steps: Vec<Steps>,
    /// Per sector: the changes of Japan's tariff on US goods since the start.
    pub partner_tariff_steps: Vec<Steps>,
    /// Per Japanese lever: the changes of its level since the start (concessions phase in from each change).
    pub lever_steps: Vec<Steps>,
    /// Which calendar months the conditions have reached, for the tariffs on the partner's rivals that the scenario
    /// lists by month; absent in conditions saved before rivals existed, which then see no change of them.
    #[serde(default)]
    pub calendar: Option<Calendar>,
    /// Per sector: the changes of the additional US tariff on the partner's rivals since the start (empty when the
    /// scenario lists no rivals, or in conditions saved before rivals existed).
    #[serde(default)]
    pub rival_tariff_steps: Vec<Steps>,
    /// Per counter-tariff of the partner's: the changes of its rate since the start (`model::retaliation`).
    #[serde(default)]
    pub counter_tariff_steps: Vec<Steps>,
}

/// The month the conditions started from and the month they have reached, as `rivals::month_number`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calendar {
    /// The month before the first month the conditions move into: its rival tariffs are the starting point.
    pub start: u32,
    /// The month the conditions have most recently moved into (`start` before the first move).
    pub now: u32,
}

impl Calendar {
    /// A calendar whose first month is `first` (`YYYY-MM`), if it is a month.
    pub fn first_month(first: &str) -> Option<Calendar> {
        let start = month_number(first)?.checked_sub(1)?;
        Some(Calendar { start, now: start })
    }
}

impl Conditions {
    /// Moves one month on to `policy`: every change ages a month, and whatever of each tariff and concession level
    /// the changes so far do not account for becomes a change of age 0. (Comparing with the changes rather than
    /// with last month's policy also catches what changed after last month's figures were computed, such as the
    /// Diet suspending the USJTA at the end of a month.)
    pub fn advance(&mut self, scenario: &Scenario, policy: &Policy) {
        let start = us_additional_rates(scenario, &Policy::initial(scenario));
        let rates = us_additional_rates(scenario, policy);
        for (s, steps) in self.us_tariff_steps.iter_mut().enumerate() {
            let change = (rates[s] - start[s]) - steps.total();
            steps.advance(change);
        }
        for (s, steps) in self.partner_tariff_steps.iter_mut().enumerate() {
            let change = (partner_tariff(scenario, s, policy) - scenario.sectors[s].partner_tariff) - steps.total();
            steps.advance(change);
        }
        for (k, steps) in self.lever_steps.iter_mut().enumerate() {
            let change = policy.concessions[k] - steps.total();
            steps.advance(change);
        }
        if let Some(calendar) = &mut self.calendar {
            calendar.now = calendar.now.saturating_add(1);
            let calendar = *calendar;
            for (s, steps) in self.rival_tariff_steps.iter_mut().enumerate() {
                let change = match scenario.rival_sector(s) {
                    Some(rival) => rival.rate_in(calendar.now) - rival.rate_in(calendar.start) - steps.total(),
                    None => 0.0,
                };
                steps.advance(change);
            }
        }
        let counter_start = retaliation::starting_rates(scenario);
        for (c, steps) in self.counter_tariff_steps.iter_mut().enumerate() {
            // More changes than counter-tariffs (a damaged save) are left alone rather than read out of bounds.
            let Some(&start) = counter_start.get(c) else {
                continue;
            };
            let rate = policy.counter_tariffs.get(c).copied().unwrap_or(start);
            steps.advance((rate - start) - steps.total());
        }
    }

    /// Every change `months` older, with policy unchanged: how the same policy looks later on.
    pub fn age_by(&mut self, months: u32) {
        for steps in self
            .us_tariff_steps
            .iter_mut()
            .chain(&mut self.partner_tariff_steps)
            .chain(&mut self.lever_steps)
            .chain(&mut self.rival_tariff_steps)
            .chain(&mut self.counter_tariff_steps)
        {
            steps.age_by(months);
        }
    }

    /// Conditions at the start: the scenario's exchange rate, no shocks, no uncertainty, no changes yet.
    pub fn initial(scenario: &Scenario) -> Conditions {
        Conditions {
            currency_per_dollar: scenario.exchange.currency_per_dollar,
            investment_factor: 1.0,
            uncertainty: 0.0,
            us_tariff_steps: vec![Steps::default(); scenario.sectors.len()],
            partner_tariff_steps: vec![Steps::default(); scenario.sectors.len()],
            lever_steps: vec![Steps::default(); scenario.partner_levers.len()],
            calendar: Calendar::first_month(&scenario.start),
            rival_tariff_steps: match scenario.rivals {
                Some(_) => vec![Steps::default(); scenario.sectors.len()],
                None => Vec::new(),
            },
            counter_tariff_steps: vec![Steps::default(); scenario.partner_tariffs.len()],
        }
    }
}

/// One sector's flows in a month, at annual rates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectorFlow {
    /// The sector's id.
    pub id: String,
    /// US imports from Japan at customs (world-price) value, $bn a year.
    pub us_imports_bn: f64,
    /// US exports to Japan, $bn a year.
    pub us_exports_bn: f64,
    /// Total US tariff on these goods (MFN plus instruments).
    pub us_tariff: f64,
    /// Japan's tariff on US goods of this sector.
    pub partner_tariff: f64,
    /// Share of the tariff change since the start passed to US buyers this month (1 with no change).
    pub pass_through: f64,
    /// Japanese exporters' price relative to the start (below 1: they absorb part of the tariff).
    pub export_price_index: f64,
    /// US buyers' tariff-inclusive price relative to the start.
    pub us_price_index: f64,
    /// Volume of US imports relative to the start.
    pub import_volume_index: f64,
}

/// The economy in one month, at annual rates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Economy {
    /// US goods imports from Japan, $bn a year.
    pub us_imports_bn: f64,
    /// US goods exports to Japan, $bn a year.
    pub us_exports_bn: f64,
    /// US goods deficit with Japan, $bn a year.
    pub goods_deficit_bn: f64,
    /// The deficit restated at base-year exchange rates (deficit × base rate / current rate).
    pub goods_deficit_base_fx_bn: f64,
    /// US tariff revenue on goods from Japan, $bn a year.
    pub tariff_revenue_bn: f64,
    /// Cost to US buyers of tariffs above the starting rates, $bn a year (negative: savings).
    pub consumer_cost_bn: f64,
    /// Fall of Japan's export earnings from the US since the start, $bn a year.
    pub partner_export_loss_bn: f64,
    /// The part of that fall in autos and parts.
    pub auto_export_loss_bn: f64,
    /// US farm exports to Japan, $bn a year.
    pub farm_exports_bn: f64,
    /// Japanese investment inflow into the US, $bn a year.
    pub investment_inflow_bn: f64,
    /// Japan's cost of the concessions in force, $bn-equivalent a year.
    pub concession_cost_bn: f64,
    /// Additional US tariff on autos and parts (above MFN), weighted by their starting imports, fraction.
    pub auto_tariff_additional: f64,
    /// The whole US tariff on autos and parts (MFN and instruments), weighted by their starting imports, fraction.
    pub auto_tariff_total: f64,
    /// Yen per dollar.
    pub currency_per_dollar: f64,
    /// Uncertainty from open threats and the lack of a settlement, 0–1.
    pub uncertainty: f64,
    /// Sector detail.
    pub sectors: Vec<SectorFlow>,
    /// What the partner's counter-tariffs do this month (`model::retaliation`); nothing in a record from before them.
    #[serde(default)]
    pub retaliation: Retaliation,
    /// Duties refunded this month because a deal back-dated a tariff cut, $bn (a one-off sum, not a yearly rate;
    /// `rules::back_dating`). Already taken off this month's tariff revenue and US buyers' cost at a yearly rate.
    #[serde(default)]
    pub back_dated_refund_bn: f64,
}

/// The tariff a Section 232 instrument, blanket or reciprocal tariff adds to each sector, after quotas.
///
/// Goods under an active Section 232 tariff are exempt from blanket and reciprocal tariffs, as in US practice;
/// an `all_in` instrument (or one a deal term makes all-in) replaces the MFN rate where it is higher instead of adding
/// to it; tariff-rate quotas and caps on Section 232 tariffs in force apply (`model::terms`).
pub fn us_additional_rates(scenario: &Scenario, policy: &Policy) -> Vec<f64> {
    let applies = |i: usize, s: usize| {
        covers(&scenario.us_instruments[i].sectors, &scenario.sectors[s]) && !policy.us_exemptions[i].contains(&s)
    };
    let total_imports: Vec<f64> = (0..scenario.us_instruments.len())
        .map(|i| {
            (0..scenario.sectors.len())
                .filter(|&s| applies(i, s))
                .map(|s| scenario.sectors[s].us_imports_bn)
                .sum()
        })
        .collect();
    scenario
        .sectors
        .iter()
        .enumerate()
        .map(|(s, sector)| {
            let mut section_232: f64 = 0.0;
            let mut general = 0.0;
            for (i, ins) in scenario.us_instruments.iter().enumerate() {
                if !applies(i, s) {
                    continue;
                }
                let quota_share = if total_imports[i] > 0.0 {
                    (policy.us_quotas_bn[i] / total_imports[i]).min(1.0)
                } else {
                    0.0
                };
                let rate = policy.us_rates[i] * (1.0 - quota_share);
                let rate = terms::with_quota(scenario, &policy.terms, i, rate, total_imports[i]);
                let all_in = ins.all_in || terms::made_all_in(scenario, &policy.terms, i);
                let added = terms::added_tariff(rate, sector.us_tariff, all_in);
                match ins.kind {
                    InstrumentKind::Section232 => {
                        section_232 = section_232.max(terms::capped_section_232(scenario, &policy.terms, sector, added))
                    }
                    InstrumentKind::Blanket | InstrumentKind::Reciprocal => general += added,
                }
            }
            if section_232 > 0.0 { section_232 } else { general }
        })
        .collect()
}

/// The whole US tariff on autos and parts (MFN and instruments), weighted by their starting imports.
pub fn auto_tariff_total(scenario: &Scenario, policy: &Policy) -> f64 {
    auto_tariffs(scenario, &us_additional_rates(scenario, policy)).1
}

/// The additional and the whole US tariff on autos and parts, weighted by their starting imports.
fn auto_tariffs(scenario: &Scenario, additional: &[f64]) -> (f64, f64) {
    let mut weighted_additional = 0.0;
    let mut weighted_total = 0.0;
    let mut imports = 0.0;
    for (sector, add) in scenario.sectors.iter().zip(additional) {
        if sector.has(SectorFlag::Auto) {
            weighted_additional += sector.us_imports_bn * add;
            weighted_total += sector.us_imports_bn * (sector.us_tariff + add);
            imports += sector.us_imports_bn;
        }
    }
    if imports > 0.0 {
        (weighted_additional / imports, weighted_total / imports)
    } else {
        (0.0, 0.0)
    }
}

/// Uncertainty, 0–1: `base` plus the trade-weighted tariff threatened or announced above the rates in force (the
/// highest `pending` rate of each instrument), in percentage points, over the scenario's `full_uncertainty_points`.
pub fn uncertainty(scenario: &Scenario, policy: &Policy, pending: &[(usize, f64)], base: f64) -> f64 {
    let total: f64 = scenario.sectors.iter().map(|s| s.us_imports_bn).sum();
    if total <= 0.0 {
        return base.min(1.0);
    }
    let mut points = 0.0;
    for (i, ins) in scenario.us_instruments.iter().enumerate() {
        let threatened = pending
            .iter()
            .filter(|(instrument, _)| *instrument == i)
            .map(|(_, rate)| *rate)
            .fold(0.0_f64, f64::max);
        let gap = threatened - policy.us_rates[i];
        if gap > 0.0 {
            let covered: f64 = scenario
                .sectors
                .iter()
                .filter(|s| covers(&ins.sectors, s))
                .map(|s| s.us_imports_bn)
                .sum();
            points += gap * 100.0 * covered / total;
        }
    }
    (base + points / scenario.investment.full_uncertainty_points).min(1.0)
}

fn covers(sectors: &[String], sector: &Sector) -> bool {
    sectors.is_empty() || sectors.contains(&sector.id)
}

/// Share of a tariff rise passed to US buyers `age` months after it took effect (0: its first month).
pub fn pass_through(sector: &Sector, age: u32) -> f64 {
    let p = &sector.pass_through;
    if p.months == 0 || age >= p.months {
        return p.long_run;
    }
    p.initial + (p.long_run - p.initial) * age as f64 / p.months as f64
}

/// Share of its long-run response a volume has made `age` months after a price change: nothing during the first
/// `lag` months (goods already ordered), then partial adjustment, each month closing `speed` of the remaining gap,
/// so `n` months after the lag `1 − (1 − speed)^n` of it is closed (the lag's last month counts as the first).
pub fn adjusted_share(dynamics: &Dynamics, age: u32) -> f64 {
    let lag = dynamics.volume_lag_months;
    if age < lag {
        return 0.0;
    }
    let speed = dynamics.volume_adjustment_per_month;
    let mut remaining = 1.0 - speed;
    // Repeated multiplication rather than `powi`, so the result is the same on every platform.
    for _ in 0..(age - lag).min(MAX_ADJUSTMENT_MONTHS) {
        remaining *= 1.0 - speed;
    }
    1.0 - remaining
}

/// Past this many months an adjustment counts as complete enough (0.96^240 is below 10⁻⁴).
const MAX_ADJUSTMENT_MONTHS: u32 = 240;

/// Share of a concession's full effect delivered `age` months after it took effect, phasing in linearly.
pub fn phased_share(phase_in_months: u32, age: u32) -> f64 {
    if phase_in_months == 0 {
        return 1.0;
    }
    ((age as f64 + 1.0) / phase_in_months as f64).min(1.0)
}

/// Japan's tariff on US goods of a sector under the USJTA's state and the tariff cuts in force.
pub fn partner_tariff(scenario: &Scenario, sector_index: usize, policy: &Policy) -> f64 {
    let sector = &scenario.sectors[sector_index];
    let mut rate = if !policy.trade_agreement.in_force() && sector.has(SectorFlag::TradeAgreement) {
        sector.partner_mfn_tariff
    } else {
        sector.partner_tariff
    };
    for (lever, &level) in scenario.partner_levers.iter().zip(&policy.concessions) {
        if let ConcessionEffect::TariffCut { sectors } = &lever.effect
            && sectors.contains(&sector.id)
        {
            rate *= 1.0 - level;
        }
    }
    rate
}

/// Evaluates the economy for a month under `policy` and `conditions`, against the starting policy `start`.
pub fn evaluate(scenario: &Scenario, start: &[f64], policy: &Policy, conditions: &Conditions) -> Economy {
    let additional = us_additional_rates(scenario, policy);
    let dynamics = &scenario.dynamics;
    let fx_change = conditions.currency_per_dollar / scenario.exchange.currency_per_dollar - 1.0;
    let import_fx = (1.0 + scenario.exchange.import_fx_elasticity * fx_change).max(0.0);
    let export_fx = (1.0 - scenario.exchange.export_fx_elasticity * fx_change).max(0.0);

    let mut extra_exports = vec![0.0; scenario.sectors.len()];
    let mut pledged_inflow = 0.0;
    let mut concession_cost = 0.0;
    for (k, (lever, &level)) in scenario.partner_levers.iter().zip(&policy.concessions).enumerate() {
        let steps = &conditions.lever_steps[k].0;
        concession_cost += match lever.ends_after_years {
            None => level * lever.cost_per_unit,
            // Less the part of the level whose years are over.
            Some(_) => {
                let over: f64 = steps
                    .iter()
                    .map(|s| s.amount * (1.0 - pledges::running(lever, s.age)))
                    .sum();
                (level - over).max(0.0) * lever.cost_per_unit
            }
        };
        // The level delivered so far: each change of the level phases in from the month it took effect (and stops
        // when a pledge for a fixed time is over).
        let delivered: f64 = steps
            .iter()
            .map(|s| s.amount * phased_share(lever.phase_in_months, s.age) * pledges::running(lever, s.age))
            .sum();
        let delivered = pledges::yearly(lever, delivered);
        match &lever.effect {
            ConcessionEffect::Purchase { sector, additionality } => {
                if let Some(s) = scenario.sector_index(sector) {
                    extra_exports[s] += delivered * additionality;
                }
            }
            ConcessionEffect::Investment { years, additionality } => {
                pledged_inflow += delivered * additionality / years;
            }
            ConcessionEffect::QuotaExpansion { sector, bn_per_unit }
            | ConcessionEffect::StandardsRecognition { sector, bn_per_unit } => {
                if let Some(s) = scenario.sector_index(sector) {
                    extra_exports[s] += delivered * bn_per_unit;
                }
            }
            ConcessionEffect::TariffCut { .. } | ConcessionEffect::Cooperation => {}
        }
    }

    let (retaliation, basket_loss_shares) = counter_tariff_effect(scenario, conditions);
    let mut totals = Economy {
        us_imports_bn: 0.0,
        us_exports_bn: 0.0,
        goods_deficit_bn: 0.0,
        goods_deficit_base_fx_bn: 0.0,
        tariff_revenue_bn: 0.0,
        consumer_cost_bn: 0.0,
        partner_export_loss_bn: 0.0,
        auto_export_loss_bn: 0.0,
        farm_exports_bn: 0.0,
        investment_inflow_bn: 0.0,
        concession_cost_bn: concession_cost,
        auto_tariff_additional: 0.0,
        auto_tariff_total: 0.0,
        currency_per_dollar: conditions.currency_per_dollar,
        uncertainty: conditions.uncertainty,
        sectors: Vec::with_capacity(scenario.sectors.len()),
        retaliation,
        back_dated_refund_bn: 0.0,
    };

    for (s, sector) in scenario.sectors.iter().enumerate() {
        // US imports: SMART with pass-through φ, change by change. A change Δt of the tariff moves the price to US
        // buyers by φ·x and the exporters' price by −(1 − φ)·x, with x = Δt / (1 + t0); volumes move towards
        // ε·φ·x at the adjustment speed. Rises pass through more as they age; cuts pass through at the long-run share.
        let t0 = sector.us_tariff + start[s];
        let t = sector.us_tariff + additional[s];
        let mut buyer_price_change = 0.0;
        let mut export_price_change = 0.0;
        let mut volume_change = 0.0;
        let mut passed_on = 0.0;
        for step in &conditions.us_tariff_steps[s].0 {
            let x = step.amount / (1.0 + t0);
            let phi = if step.amount > 0.0 {
                pass_through(sector, step.age)
            } else {
                sector.pass_through.long_run
            };
            buyer_price_change += phi * x;
            export_price_change -= (1.0 - phi) * x;
            volume_change += sector.us_import_elasticity * phi * x * adjusted_share(dynamics, step.age);
            passed_on += phi * step.amount;
        }
        // Rivals' tariffs: a rise of their prices brings buyers back to the partner (`model::rivals`).
        if let (Some(rivals), Some(rival), Some(steps)) = (
            &scenario.rivals,
            scenario.rival_sector(s),
            conditions.rival_tariff_steps.get(s),
        ) {
            let cross = rivals::cross_response(sector.us_import_elasticity, rivals.substitution_elasticity, rival);
            let rival_t0 = sector.us_tariff + rival_start_rate(conditions, rival);
            for step in &steps.0 {
                let phi = if step.amount > 0.0 {
                    pass_through(sector, step.age)
                } else {
                    sector.pass_through.long_run
                };
                volume_change += cross * phi * step.amount / (1.0 + rival_t0) * adjusted_share(dynamics, step.age);
            }
        }
        let volume = (1.0 + volume_change).max(0.0);
        let export_price = (1.0 + export_price_change).max(0.0);
        let imports = sector.us_imports_bn * volume * export_price * import_fx;
        let consumer_cost = sector.us_imports_bn * passed_on * (volume + 0.5 * (1.0 - volume));
        let pass_through_now = if t != t0 { passed_on / (t - t0) } else { 1.0 };

        // US exports: Japan's import demand responds to its own tariff changes (full pass-through), adjusting at the
        // same speed.
        let tj0 = sector.partner_tariff;
        let tj = partner_tariff(scenario, s, policy);
        let mut export_volume_change = 0.0;
        for step in &conditions.partner_tariff_steps[s].0 {
            export_volume_change +=
                sector.partner_import_elasticity * step.amount / (1.0 + tj0) * adjusted_share(dynamics, step.age);
        }
        // Less the part of the sector's exports the partner's counter-tariffs have priced out (`model::retaliation`).
        let export_volume = (1.0 + export_volume_change - basket_loss_shares[s]).max(0.0);
        let exports = sector.us_exports_bn * export_volume * export_fx + extra_exports[s];

        totals.us_imports_bn += imports;
        totals.us_exports_bn += exports;
        totals.tariff_revenue_bn += t * imports;
        totals.consumer_cost_bn += consumer_cost;
        let loss = sector.us_imports_bn - imports;
        totals.partner_export_loss_bn += loss;
        if sector.has(SectorFlag::Auto) {
            totals.auto_export_loss_bn += loss;
        }
        if sector.has(SectorFlag::Farm) {
            totals.farm_exports_bn += exports;
        }
        totals.sectors.push(SectorFlow {
            id: sector.id.clone(),
            us_imports_bn: imports,
            us_exports_bn: exports,
            us_tariff: t,
            partner_tariff: tj,
            pass_through: pass_through_now,
            export_price_index: export_price,
            us_price_index: 1.0 + buyer_price_change,
            import_volume_index: volume,
        });
    }
    (totals.auto_tariff_additional, totals.auto_tariff_total) = auto_tariffs(scenario, &additional);
    totals.goods_deficit_bn = totals.us_imports_bn - totals.us_exports_bn;
    totals.goods_deficit_base_fx_bn =
        totals.goods_deficit_bn * scenario.exchange.base_currency_per_dollar / conditions.currency_per_dollar;
    let held_back = 1.0 - scenario.investment.uncertainty_drag * conditions.uncertainty;
    totals.investment_inflow_bn =
        (scenario.investment.baseline_inflow_bn * held_back + pledged_inflow) * conditions.investment_factor;
    totals
}

/// The additional tariff the rivals faced in the month the conditions started from (0 without a calendar).
fn rival_start_rate(conditions: &Conditions, rival: &RivalSector) -> f64 {
    conditions.calendar.map_or(0.0, |c| rival.rate_in(c.start))
}

/// The partner's counter-tariffs' effect this month, from each one's rate changes and their ages.
fn counter_tariff_effect(scenario: &Scenario, conditions: &Conditions) -> (Retaliation, Vec<f64>) {
    let changes: Vec<Vec<RateChange>> = conditions
        .counter_tariff_steps
        .iter()
        .map(|steps| {
            steps
                .0
                .iter()
                .map(|step| RateChange {
                    amount: step.amount,
                    adjusted: adjusted_share(&scenario.dynamics, step.age),
                })
                .collect()
        })
        .collect();
    retaliation::effect(scenario, &changes)
}

/// The additional US tariff on each sector at the start (the rates at which the scenario's flows were measured).
pub fn starting_additional(scenario: &Scenario) -> Vec<f64> {
    us_additional_rates(scenario, &Policy::initial(scenario))
}
