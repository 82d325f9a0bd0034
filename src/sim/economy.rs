//! Trade flows by sector and their totals: the goods deficit, tariff revenue, cost to US buyers, exporters'
//! absorption, farm exports and investment — the SMART partial-equilibrium formulas of `docs/model.md`.
//!
//! Everything here is plain `f64` arithmetic in a fixed order, so the same inputs give bit-identical results.

use serde::{Deserialize, Serialize};

use super::scenario::{ConcessionEffect, InstrumentKind, Scenario, Sector, SectorFlag};

/// Whether the 2019 US–Japan Trade Agreement still binds Japan's tariffs on US goods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum UsjtaStatus {
    /// In force: Japan applies the agreement's rates.
    InForce,
    /// Suspended by one side: Japan's MFN rates apply until it is restored.
    Suspended,
    /// Terminated: the agreement is gone.
    Terminated,
}

impl UsjtaStatus {
    /// How the state reads on screen and in transcripts.
    pub fn label(self) -> &'static str {
        match self {
            UsjtaStatus::InForce => "in force",
            UsjtaStatus::Suspended => "suspended",
            UsjtaStatus::Terminated => "terminated",
        }
    }

    /// Whether Japan's agreement rates apply.
    pub fn in_force(self) -> bool {
        self == UsjtaStatus::InForce
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
    /// The USJTA's state.
    pub usjta: UsjtaStatus,
}

impl Policy {
    /// The policy at the start of a scenario: instruments at their current rates, no concessions, USJTA in force.
    pub fn initial(scenario: &Scenario) -> Policy {
        Policy {
            us_rates: scenario.us_instruments.iter().map(|i| i.rate_now).collect(),
            us_quotas_bn: vec![0.0; scenario.us_instruments.len()],
            us_exemptions: vec![Vec::new(); scenario.us_instruments.len()],
            concessions: vec![0.0; scenario.japan_levers.len()],
            usjta: UsjtaStatus::InForce,
        }
    }
}

/// What else the economy depends on in a month besides policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conditions {
    /// Yen per dollar this month.
    pub yen_per_dollar: f64,
    /// Multiplier on the investment inflow from events (1 when nothing has happened).
    pub investment_factor: f64,
    /// Uncertainty from open threats, 0–1.
    pub uncertainty: f64,
    /// Per sector: months since its US tariff last rose (pass-through grows with it).
    pub tariff_age: Vec<u32>,
    /// Per Japanese lever: months since its current level took effect (standards recognition phases in).
    pub lever_age: Vec<u32>,
}

impl Conditions {
    /// Ages one month on from policy `before` to policy `after`: a sector whose tariff rose, or a lever whose level
    /// changed, starts again at 0; the others grow by a month.
    pub fn advance_ages(&mut self, scenario: &Scenario, before: &Policy, after: &Policy) {
        let rates_before = us_additional_rates(scenario, before);
        let rates_after = us_additional_rates(scenario, after);
        for (s, age) in self.tariff_age.iter_mut().enumerate() {
            *age = if rates_after[s] > rates_before[s] {
                0
            } else {
                age.saturating_add(1)
            };
        }
        for (k, age) in self.lever_age.iter_mut().enumerate() {
            *age = if after.concessions[k] != before.concessions[k] {
                0
            } else {
                age.saturating_add(1)
            };
        }
    }

    /// Conditions at the start: the scenario's exchange rate, no shocks, no uncertainty.
    pub fn initial(scenario: &Scenario) -> Conditions {
        Conditions {
            yen_per_dollar: scenario.exchange.yen_per_dollar,
            investment_factor: 1.0,
            uncertainty: 0.0,
            tariff_age: vec![0; scenario.sectors.len()],
            lever_age: vec![0; scenario.japan_levers.len()],
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
    pub japan_tariff: f64,
    /// Share of the tariff change passed to US buyers this month.
    pub pass_through: f64,
    /// Japanese exporters' price relative to the start (below 1: they absorb part of the tariff).
    pub export_price_index: f64,
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
    pub japan_export_loss_bn: f64,
    /// The part of that fall in autos and parts.
    pub auto_export_loss_bn: f64,
    /// US farm exports to Japan, $bn a year.
    pub farm_exports_bn: f64,
    /// Japanese investment inflow into the US, $bn a year.
    pub investment_inflow_bn: f64,
    /// Japan's cost of the concessions in force, $bn-equivalent a year.
    pub concession_cost_bn: f64,
    /// Highest additional US tariff on autos (above MFN), fraction.
    pub auto_tariff_additional: f64,
    /// Yen per dollar.
    pub yen_per_dollar: f64,
    /// Uncertainty from open threats, 0–1.
    pub uncertainty: f64,
    /// Sector detail.
    pub sectors: Vec<SectorFlow>,
}

/// The tariff a Section 232 instrument, blanket or reciprocal tariff adds to each sector, after quotas.
///
/// Goods under an active Section 232 tariff are exempt from blanket and reciprocal tariffs, as in US practice;
/// an `all_in` instrument replaces the MFN rate where it is higher instead of adding to it.
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
                let added = if ins.all_in {
                    (rate - sector.us_tariff).max(0.0)
                } else {
                    rate
                };
                match ins.kind {
                    InstrumentKind::Section232 => section_232 = section_232.max(added),
                    InstrumentKind::Blanket | InstrumentKind::Reciprocal => general += added,
                }
            }
            if section_232 > 0.0 { section_232 } else { general }
        })
        .collect()
}

fn covers(sectors: &[String], sector: &Sector) -> bool {
    sectors.is_empty() || sectors.contains(&sector.id)
}

/// Share of a tariff change passed to US buyers `age` months after it.
pub fn pass_through(sector: &Sector, age: u32) -> f64 {
    let p = &sector.pass_through;
    if p.months == 0 || age >= p.months {
        return p.long_run;
    }
    p.initial + (p.long_run - p.initial) * age as f64 / p.months as f64
}

/// Japan's tariff on US goods of a sector under the USJTA's state and the tariff cuts in force.
pub fn japan_tariff(scenario: &Scenario, sector_index: usize, policy: &Policy) -> f64 {
    let sector = &scenario.sectors[sector_index];
    let mut rate = if !policy.usjta.in_force() && sector.has(SectorFlag::Usjta) {
        sector.japan_mfn_tariff
    } else {
        sector.japan_tariff
    };
    for (lever, &level) in scenario.japan_levers.iter().zip(&policy.concessions) {
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
    let fx_change = conditions.yen_per_dollar / scenario.exchange.yen_per_dollar - 1.0;
    let import_fx = (1.0 + scenario.exchange.import_fx_elasticity * fx_change).max(0.0);
    let export_fx = (1.0 - scenario.exchange.export_fx_elasticity * fx_change).max(0.0);

    let mut extra_exports = vec![0.0; scenario.sectors.len()];
    let mut pledged_inflow = 0.0;
    let mut concession_cost = 0.0;
    for (k, (lever, &level)) in scenario.japan_levers.iter().zip(&policy.concessions).enumerate() {
        concession_cost += level * lever.japan_cost_per_unit;
        match &lever.effect {
            ConcessionEffect::Purchase { sector, additionality } => {
                if let Some(s) = scenario.sector_index(sector) {
                    extra_exports[s] += level * additionality;
                }
            }
            ConcessionEffect::Investment { years, additionality } => {
                pledged_inflow += level * additionality / years;
            }
            ConcessionEffect::QuotaExpansion { sector, bn_per_unit } => {
                if let Some(s) = scenario.sector_index(sector) {
                    extra_exports[s] += level * bn_per_unit;
                }
            }
            ConcessionEffect::StandardsRecognition {
                sector,
                bn_per_unit,
                ramp_rounds,
            } => {
                if let Some(s) = scenario.sector_index(sector) {
                    let phase = if *ramp_rounds == 0 {
                        1.0
                    } else {
                        (conditions.lever_age[k] as f64 / *ramp_rounds as f64).min(1.0)
                    };
                    extra_exports[s] += level * bn_per_unit * phase;
                }
            }
            ConcessionEffect::TariffCut { .. } | ConcessionEffect::Cooperation => {}
        }
    }

    let mut totals = Economy {
        us_imports_bn: 0.0,
        us_exports_bn: 0.0,
        goods_deficit_bn: 0.0,
        goods_deficit_base_fx_bn: 0.0,
        tariff_revenue_bn: 0.0,
        consumer_cost_bn: 0.0,
        japan_export_loss_bn: 0.0,
        auto_export_loss_bn: 0.0,
        farm_exports_bn: 0.0,
        investment_inflow_bn: 0.0,
        concession_cost_bn: concession_cost,
        auto_tariff_additional: 0.0,
        yen_per_dollar: conditions.yen_per_dollar,
        uncertainty: conditions.uncertainty,
        sectors: Vec::with_capacity(scenario.sectors.len()),
    };

    for (s, sector) in scenario.sectors.iter().enumerate() {
        // US imports: SMART with pass-through φ (φ = ε_x / (ε_x − ε_m) for export-supply elasticity ε_x).
        let t0 = sector.us_tariff + start[s];
        let t = sector.us_tariff + additional[s];
        let relative_change = (t - t0) / (1.0 + t0);
        let phi = if t > t0 {
            pass_through(sector, conditions.tariff_age[s])
        } else {
            sector.pass_through.long_run
        };
        let volume = (1.0 + sector.us_import_elasticity * phi * relative_change).max(0.0);
        let export_price = (1.0 - (1.0 - phi) * relative_change).max(0.0);
        let imports = sector.us_imports_bn * volume * export_price * import_fx;
        let consumer_cost = sector.us_imports_bn * phi * (t - t0) * (volume + 0.5 * (1.0 - volume));

        // US exports: Japan's import demand responds to its own tariff changes (full pass-through).
        let tj0 = sector.japan_tariff;
        let tj = japan_tariff(scenario, s, policy);
        let export_volume = (1.0 + sector.japan_import_elasticity * (tj - tj0) / (1.0 + tj0)).max(0.0);
        let exports = sector.us_exports_bn * export_volume * export_fx + extra_exports[s];

        totals.us_imports_bn += imports;
        totals.us_exports_bn += exports;
        totals.tariff_revenue_bn += t * imports;
        totals.consumer_cost_bn += consumer_cost;
        let loss = sector.us_imports_bn - imports;
        totals.japan_export_loss_bn += loss;
        if sector.has(SectorFlag::Auto) {
            totals.auto_export_loss_bn += loss;
            totals.auto_tariff_additional = totals.auto_tariff_additional.max(additional[s]);
        }
        if sector.has(SectorFlag::Farm) {
            totals.farm_exports_bn += exports;
        }
        totals.sectors.push(SectorFlow {
            id: sector.id.clone(),
            us_imports_bn: imports,
            us_exports_bn: exports,
            us_tariff: t,
            japan_tariff: tj,
            pass_through: phi,
            export_price_index: export_price,
        });
    }
    totals.goods_deficit_bn = totals.us_imports_bn - totals.us_exports_bn;
    totals.goods_deficit_base_fx_bn =
        totals.goods_deficit_bn * scenario.exchange.base_yen_per_dollar / conditions.yen_per_dollar;
    let held_back = 1.0 - scenario.investment.uncertainty_drag * conditions.uncertainty;
    totals.investment_inflow_bn =
        (scenario.investment.baseline_inflow_bn * held_back + pledged_inflow) * conditions.investment_factor;
    totals
}
