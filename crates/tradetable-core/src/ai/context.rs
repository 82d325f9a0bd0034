//! What an agent knows when it decides: the position, its own valuation, its best package and reservation value,
//! how far the negotiation has run, the offers on both sides, and what the other side did away from the table.

use super::preferences::{Preferences, Valuation};
use crate::rules::negotiation::GameState;
use crate::rules::package::Package;
use crate::scenario::schema::{Scenario, Side};

/// Utilities closer than this are treated as equal, so rounding never decides a move.
pub const EPSILON: f64 = 1e-9;

/// One decision's view of the game.
pub struct Context<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// The position.
    pub state: &'a GameState,
    /// The side deciding.
    pub side: Side,
    /// How the side values packages here.
    pub valuation: Valuation<'a>,
    /// Its best package, found by hill-climbing from its ideal terms.
    pub best: Package,
    /// The best package's utility.
    pub max: f64,
    /// The value of no deal (never above `max`).
    pub reserve: f64,
    /// Normalised time: 0 at round 1, 1 at the deadline.
    pub time: f64,
    /// Utility added to the agent's target to answer the other side's hostile acts (tit-for-tat on threats).
    pub retaliation: f64,
}

impl<'a> Context<'a> {
    /// Builds the view of `side` at `state`.
    pub fn new(scenario: &'a Scenario, state: &'a GameState, side: Side, preferences: &Preferences) -> Self {
        let valuation = Valuation::new(scenario, state, side, preferences);
        let (best, max) = best_package(&valuation);
        let reserve = valuation.reservation().min(max);
        Context {
            scenario,
            state,
            side,
            valuation,
            best,
            max,
            reserve,
            time: state.time_share(scenario),
            retaliation: 0.0,
        }
    }

    /// The agent's utility of a package.
    pub fn utility(&self, package: &Package) -> f64 {
        self.valuation.utility(package)
    }

    /// Offers made by `side`, oldest first.
    pub fn offers_from(&self, side: Side) -> Vec<&'a Package> {
        self.state
            .offers
            .iter()
            .filter(|r| r.offer.from == side)
            .map(|r| &r.offer.package)
            .collect()
    }

    /// The other side's latest offer, or failing one, the package that gives it everything.
    pub fn opponent_anchor(&self) -> Package {
        self.offers_from(self.side.other())
            .last()
            .map(|p| (*p).clone())
            .unwrap_or_else(|| self.valuation.valuer().space().best_for(self.side.other()))
    }
}

/// Hill-climbs from the side's ideal terms to a package no single change improves.
pub fn best_package(valuation: &Valuation) -> (Package, f64) {
    let space = valuation.valuer().space();
    let mut current = space.best_for(valuation.side());
    let mut utility = valuation.utility(&current);
    loop {
        let mut improved = None;
        for candidate in space.neighbours(&current) {
            let u = valuation.utility(&candidate);
            if u > utility + EPSILON && improved.as_ref().is_none_or(|(_, best)| u > *best) {
                improved = Some((candidate, u));
            }
        }
        match improved {
            Some((candidate, u)) => {
                current = candidate;
                utility = u;
            }
            None => return (current, utility),
        }
    }
}
