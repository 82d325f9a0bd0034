//! Opponent models: what the other side values, estimated from the offers it makes.
//!
//! [`FrequencyModel`] is the frequency-based model of the negotiation literature (HardHeaded, Genius' BOA
//! framework): an issue on which the opponent keeps its opening demand offer after offer matters to it, and an
//! option it offers often is one it likes. The estimate starts from a prior — uninformed, or the scenario's public
//! objectives, which a player is scored on — and leans on the offers as they accumulate.

use super::preferences::Valuation;
use crate::rules::package::{Package, PackageSpace};
use crate::scenario::schema::Side;

/// How many offers the prior counts for: after this many, offers and prior weigh the same.
pub const PRIOR_OFFERS: f64 = 4.0;

/// What an agent believes about its opponent's preferences.
pub trait OpponentModel {
    /// A name for documentation and transcripts.
    fn name(&self) -> &'static str;
    /// Re-estimates from the opponent's offers so far, oldest first.
    fn observe(&mut self, offers: &[&Package]);
    /// The estimated utility (0–1) of a package to the opponent.
    fn utility(&self, package: &Package) -> f64;
    /// The estimated weight of each issue to the opponent, summing to 1.
    fn issue_weights(&self) -> &[f64];
}

/// A linear additive estimate learned from how often the opponent holds each issue and offers each option.
#[derive(Debug, Clone, PartialEq)]
pub struct FrequencyModel {
    prior_weights: Vec<f64>,
    prior_values: Vec<Vec<f64>>,
    weights: Vec<f64>,
    values: Vec<Vec<f64>>,
}

impl FrequencyModel {
    /// A model with the given prior: issue weights (summing to 1) and, per issue, a value (0–1) for each option.
    pub fn with_prior(weights: Vec<f64>, values: Vec<Vec<f64>>) -> Self {
        FrequencyModel {
            weights: weights.clone(),
            values: values.clone(),
            prior_weights: weights,
            prior_values: values,
        }
    }

    /// A model that knows only which way each issue cuts: every issue weighs the same, and an option is worth
    /// more to `opponent` the nearer it is to what `opponent` wants most.
    pub fn uninformed(space: &PackageSpace, opponent: Side) -> Self {
        let ideal = space.best_for(opponent);
        let n = space.issues.len() as f64;
        let weights = vec![1.0 / n; space.issues.len()];
        let values = space
            .issues
            .iter()
            .zip(&ideal.choice)
            .map(|(issue, &best)| {
                let span = (issue.options.len() - 1).max(1) as f64;
                (0..issue.options.len() as u8)
                    .map(|o| 1.0 - f64::from(o.abs_diff(best)) / span)
                    .collect()
            })
            .collect();
        Self::with_prior(weights, values)
    }

    /// A model whose prior is the scenario's public objectives for the opponent: each issue's weight is how much
    /// the opponent's utility swings across its options (from the opponent's ideal package), and each option's
    /// value its place in that swing. The player is scored on exactly these objectives, so this is what a
    /// careful negotiator would assume before the first offer.
    pub fn from_public_objectives(valuation: &Valuation) -> Self {
        let valuer = valuation.valuer();
        let opponent = valuation.side().other();
        let space = valuer.space();
        let ideal = space.best_for(opponent);
        let mut values = Vec::with_capacity(space.issues.len());
        let mut swings = Vec::with_capacity(space.issues.len());
        for (k, issue) in space.issues.iter().enumerate() {
            let utilities: Vec<f64> = (0..issue.options.len() as u8)
                .map(|o| {
                    let mut p = ideal.clone();
                    p.choice[k] = o;
                    valuer.utility(opponent, &p)
                })
                .collect();
            let lo = utilities.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = utilities.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            swings.push(hi - lo);
            values.push(
                utilities
                    .iter()
                    .map(|u| if hi > lo { (u - lo) / (hi - lo) } else { 1.0 })
                    .collect(),
            );
        }
        let total: f64 = swings.iter().sum();
        let n = swings.len() as f64;
        let weights = swings
            .iter()
            .map(|s| if total > 0.0 { s / total } else { 1.0 / n })
            .collect();
        Self::with_prior(weights, values)
    }
}

impl OpponentModel for FrequencyModel {
    fn name(&self) -> &'static str {
        "frequency"
    }

    fn observe(&mut self, offers: &[&Package]) {
        let Some(opening) = offers.first() else {
            self.weights.clone_from(&self.prior_weights);
            self.values.clone_from(&self.prior_values);
            return;
        };
        let n = offers.len() as f64;
        let confidence = n / (n + PRIOR_OFFERS);
        // How often each issue still holds its opening demand: the issues conceded last are the ones that matter.
        let held: Vec<f64> = (0..self.weights.len())
            .map(|k| offers.iter().filter(|p| p.choice[k] == opening.choice[k]).count() as f64)
            .collect();
        let held_total: f64 = held.iter().sum();
        for (k, weight) in self.weights.iter_mut().enumerate() {
            *weight = (1.0 - confidence) * self.prior_weights[k] + confidence * held[k] / held_total;
        }
        for (k, values) in self.values.iter_mut().enumerate() {
            let mut counts = vec![0.0; values.len()];
            for p in offers {
                counts[p.choice[k] as usize] += 1.0;
            }
            let most = counts.iter().copied().fold(0.0, f64::max);
            for (o, value) in values.iter_mut().enumerate() {
                *value = (1.0 - confidence) * self.prior_values[k][o] + confidence * counts[o] / most;
            }
        }
    }

    fn utility(&self, package: &Package) -> f64 {
        self.weights
            .iter()
            .zip(&self.values)
            .zip(&package.choice)
            .map(|((w, values), &c)| w * values[c as usize])
            .sum()
    }

    fn issue_weights(&self) -> &[f64] {
        &self.weights
    }
}
