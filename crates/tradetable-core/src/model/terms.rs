//! The deal terms in the tariff (`Scenario::deal_terms`): an all-in ceiling in place of a stacked rate, a cap on
//! Section 232 tariffs on named sectors, and a tariff-rate quota. `economy::us_additional_rates` asks these functions
//! about each instrument and sector; with no terms in force each returns what it was given, so a scenario without
//! terms computes exactly as before.

use crate::scenario::schema::{Scenario, Sector, TermEffect};

/// The level of each deal term in force, from the policy's `terms` (0 when the policy has none, as a policy from
/// before terms existed).
fn in_force<'a>(scenario: &'a Scenario, levels: &'a [f64]) -> impl Iterator<Item = (&'a TermEffect, f64)> + 'a {
    scenario
        .deal_terms
        .iter()
        .enumerate()
        .map(|(k, term)| (&term.effect, levels.get(k).copied().unwrap_or(0.0)))
        .filter(|&(_, level)| level > 0.0)
}

/// Whether a term in force makes instrument `instrument` all-in ("15% all-in, MFN if higher").
pub fn made_all_in(scenario: &Scenario, levels: &[f64], instrument: usize) -> bool {
    let Some(id) = scenario.us_instruments.get(instrument).map(|ins| ins.id.as_str()) else {
        return false;
    };
    in_force(scenario, levels)
        .any(|(effect, _)| matches!(effect, TermEffect::AllIn { instruments } if instruments.iter().any(|i| i == id)))
}

/// The tariff an instrument adds to a sector whose MFN rate is `mfn`: `rate` on top of MFN when stacked; when all-in,
/// only what lifts the whole tariff to `rate`, so the whole tariff is `max(rate, MFN)`.
pub fn added_tariff(rate: f64, mfn: f64, all_in: bool) -> f64 {
    if all_in { (rate - mfn).max(0.0) } else { rate }
}

/// The instrument's rate averaged over its covered imports under the tariff-rate quotas in force on it: a quota of `q`
/// $bn a year on covered imports of `covered_bn` (at their starting values) lets the share `s = min(q / covered, 1)`
/// enter at the in-quota rate, so the rate becomes `s × min(in_quota, rate) + (1 − s) × rate`.
pub fn with_quota(scenario: &Scenario, levels: &[f64], instrument: usize, rate: f64, covered_bn: f64) -> f64 {
    let Some(id) = scenario.us_instruments.get(instrument).map(|ins| ins.id.as_str()) else {
        return rate;
    };
    let mut result = rate;
    for (effect, quota_bn) in in_force(scenario, levels) {
        if let TermEffect::TariffRateQuota {
            instrument: quota_on,
            in_quota_rate,
        } = effect
            && quota_on == id
        {
            let share = if covered_bn > 0.0 {
                (quota_bn / covered_bn).min(1.0)
            } else {
                0.0
            };
            result = share * in_quota_rate.min(result) + (1.0 - share) * result;
        }
    }
    result
}

/// A Section 232 tariff `added` on `sector` under the caps in force: the whole tariff (MFN and Section 232) is at most
/// `max(cap, MFN)`, so the added part is at most `max(cap − MFN, 0)`; the lowest cap naming the sector applies.
pub fn capped_section_232(scenario: &Scenario, levels: &[f64], sector: &Sector, added: f64) -> f64 {
    let mut result = added;
    for (effect, _) in in_force(scenario, levels) {
        if let TermEffect::Section232Cap { sectors, cap } = effect
            && sectors.contains(&sector.id)
        {
            result = result.min((cap - sector.us_tariff).max(0.0));
        }
    }
    result
}
