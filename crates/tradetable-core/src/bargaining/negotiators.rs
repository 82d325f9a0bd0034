//! Time-dependent negotiators that offer and accept as NegMAS's `AspirationNegotiator` and `ToughNegotiator` do.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::domain::{BargainingError, Domain, Party};

/// NegMAS's `AspirationNegotiator(tolerance=0.001)`: widens the aspiration band by this much on each side.
const ASPIRATION_TOLERANCE: f64 = 0.001;
/// NegMAS's inverter (`negmas.preferences.inv_ufun._common.EPS`): how far below the aspiration level an
/// outcome may lie and still be offered, when it is nearer to the level than the first outcome above it.
const INVERTER_EPS: f64 = 1e-6;
/// NegMAS's `AcceptBest`: accepts an offer within this of the best utility.
const BEST_UTILITY_SLACK: f64 = 1e-10;

/// How a negotiator concedes over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strategy {
    /// Holds firm until late: aspiration `1 − t⁴`.
    Boulware,
    /// Concedes evenly: aspiration `1 − t`.
    Linear,
    /// Concedes early: aspiration `1 − t^¼`.
    Conceder,
    /// Offers only its best outcome and accepts only that.
    Hardliner,
}

impl Strategy {
    pub const ALL: [Strategy; 4] = [
        Strategy::Boulware,
        Strategy::Linear,
        Strategy::Conceder,
        Strategy::Hardliner,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Strategy::Boulware => "boulware",
            Strategy::Linear => "linear",
            Strategy::Conceder => "conceder",
            Strategy::Hardliner => "hardliner",
        }
    }

    /// The exponent of NegMAS's `PolyAspiration` curve (`POLY_ASPIRATION_EXPONENTS`); none for a hardliner.
    fn aspiration_exponent(self) -> Option<f64> {
        match self {
            Strategy::Boulware => Some(4.0),
            Strategy::Linear => Some(1.0),
            Strategy::Conceder => Some(0.25),
            Strategy::Hardliner => None,
        }
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

impl FromStr for Strategy {
    type Err = BargainingError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Strategy::ALL
            .into_iter()
            .find(|strategy| strategy.name() == text)
            .ok_or_else(|| BargainingError::UnknownStrategy { name: text.to_owned() })
    }
}

/// NegMAS's `PolyAspiration.utility_at`: `1 − t^e`, the relative utility (0 = worst acceptable,
/// 1 = best) a negotiator aims for at normalised time `t`.
///
/// `f64::powf` calls the platform libm's `pow`, the same function CPython's `math.pow` calls, so on the
/// same machine both give the same bits; `black_box` keeps the compiler from rewriting `powf` with a
/// known exponent into something else (such as repeated multiplication or square roots).
pub fn aspiration_level(exponent: f64, t: f64) -> f64 {
    1.0 - t.powf(std::hint::black_box(exponent))
}

/// One party's negotiator: its strategy and what it knows of its own utility.
pub(crate) struct Negotiator {
    strategy: Strategy,
    /// Utility of every outcome of the domain, by outcome index.
    utilities: Vec<f64>,
    /// Outcome indices sorted by ascending utility; ties keep enumeration order (see `new`).
    ascending: Vec<usize>,
    /// `utilities` in the order of `ascending`, for binary search.
    ascending_utilities: Vec<f64>,
    best: usize,
    best_utility: f64,
    /// The bottom of the scale the aspiration level maps onto: the worst utility, or the reserved value if higher.
    floor: f64,
}

impl Negotiator {
    pub(crate) fn new(domain: &Domain, party: Party, strategy: Strategy, outcomes: &[Vec<usize>]) -> Self {
        let preferences = domain.utility_of(party);
        let weights = preferences.normalised_weights();
        let utilities: Vec<f64> = outcomes
            .iter()
            .map(|outcome| preferences.evaluate(&weights, outcome))
            .collect();
        let mut ascending: Vec<usize> = (0..outcomes.len()).collect();
        // NegMAS sorts with numpy's default (unstable, and on x86 SIMD-accelerated) argsort, so the order of
        // outcomes of exactly equal utility depends on the machine. A stable sort is the deterministic choice:
        // on domains without exact ties, which is what the comparison domains are built to be, both agree.
        ascending.sort_by(|&left, &right| utilities[left].total_cmp(&utilities[right]));
        let ascending_utilities = ascending.iter().map(|&index| utilities[index]).collect();
        let best_outcome = preferences.best_outcome();
        let worst_outcome = preferences.worst_outcome();
        let index_of = |wanted: &[usize]| {
            outcomes
                .iter()
                .position(|outcome| outcome == wanted)
                .expect("the best and worst outcomes are in the domain")
        };
        let best = index_of(&best_outcome);
        let best_utility = utilities[best];
        let worst_utility = utilities[index_of(&worst_outcome)];
        Negotiator {
            strategy,
            utilities,
            ascending,
            ascending_utilities,
            best,
            best_utility,
            floor: worst_utility.max(preferences.reserved_value),
        }
    }

    pub(crate) fn utility(&self, outcome: usize) -> f64 {
        self.utilities[outcome]
    }

    /// NegMAS's `UtilityBasedOutcomeSetRecommender.scale_utilities`: maps the aspiration level onto
    /// [floor, best], widened by the tolerance and clamped back into [floor, best]. Same operation order
    /// as NegMAS, so the same bits.
    fn aspiration_band(&self, level: f64) -> (f64, f64) {
        let scale = |relative: f64| (self.best_utility - self.floor) * relative + self.floor;
        let clamp = |utility: f64| self.floor.max(self.best_utility.min(utility));
        (
            clamp(scale(level) - ASPIRATION_TOLERANCE),
            clamp(scale(1.0) + ASPIRATION_TOLERANCE),
        )
    }

    /// Whether to accept an offer of the given outcome at normalised time `t`.
    pub(crate) fn accepts(&self, outcome: usize, t: f64) -> bool {
        let utility = self.utilities[outcome];
        match self.strategy.aspiration_exponent() {
            // NegMAS's `AcceptBest`.
            None => utility >= self.best_utility - BEST_UTILITY_SLACK,
            // NegMAS's `UtilBasedNegotiator.respond`: accept anything inside the aspiration band.
            Some(exponent) => {
                let (low, high) = self.aspiration_band(aspiration_level(exponent, t));
                low <= utility && utility <= high
            }
        }
    }

    /// The outcome to offer at normalised time `t`.
    pub(crate) fn propose(&self, t: f64) -> usize {
        match self.strategy.aspiration_exponent() {
            // NegMAS's `OfferBest`.
            None => self.best,
            Some(exponent) => {
                let (low, _) = self.aspiration_band(aspiration_level(exponent, t));
                self.worst_at_or_above(low)
            }
        }
    }

    /// NegMAS's `PresortingInverseUtilityFunction.worst_in`: the least good outcome whose utility reaches
    /// `low` — or, if the outcome just below `low` is within `INVERTER_EPS` of it and strictly nearer to it
    /// than that one, the outcome just below. If nothing reaches `low`, the last (highest) outcome.
    ///
    /// NegMAS scans the whole sorted array for the in-range utility nearest `low` (`_nearest_around`); on a
    /// sorted array that can only be the first utility ≥ `low` or the last one below it, which is what this
    /// checks (in a run of equal utilities, the first of the run, as `argmin` would pick).
    fn worst_at_or_above(&self, low: f64) -> usize {
        let sorted = &self.ascending_utilities;
        let last = sorted.len() - 1;
        let at_or_above = sorted.partition_point(|&utility| utility < low).min(last);
        let mut chosen = at_or_above;
        if at_or_above > 0 {
            let below = sorted[at_or_above - 1];
            if below >= low - INVERTER_EPS && (low - below) < (sorted[at_or_above] - low).abs() {
                chosen = sorted.partition_point(|&utility| utility < below);
            }
        }
        self.ascending[chosen]
    }
}
