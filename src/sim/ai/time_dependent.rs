//! The time-dependent agent: aims for a utility that falls from its best to its reservation value as the deadline
//! nears, offers the package nearest the other side's last offer that still meets that aim, and accepts an offer
//! worth at least what it would propose next (AC_next).

use super::super::moves::Move;
use super::super::negotiation::GameState;
use super::super::package::Package;
use super::super::scenario::{Scenario, Side};
use super::super::score::Valuer;
use super::concession::target_utility;
use super::{Negotiator, Strategy};

/// Utilities closer than this are treated as equal, so rounding never decides a move.
const EPSILON: f64 = 1e-9;

/// A time-dependent concession agent.
pub struct TimeDependent {
    side: Side,
    strategy: Strategy,
}

impl TimeDependent {
    /// An agent for `side` following `strategy`'s curve.
    pub fn new(side: Side, strategy: Strategy) -> Self {
        Self { side, strategy }
    }
}

/// What an agent aims for at a position: its best package, its reservation value and its target now.
#[derive(Debug, Clone)]
pub struct Aims {
    /// The package worth most to the agent, found by hill-climbing from its ideal terms.
    pub best: Package,
    /// Its utility.
    pub max: f64,
    /// The value of no deal.
    pub reserve: f64,
    /// The utility aimed for now.
    pub target: f64,
}

/// Works out what `side` aims for now with concession exponent `e`.
pub fn aims(valuer: &Valuer, scenario: &Scenario, state: &GameState, side: Side, e: f64) -> Aims {
    let (best, max) = best_package(valuer, side);
    let reserve = valuer.reservation(side).min(max);
    let target = target_utility(state.time_share(scenario), e, max, reserve);
    Aims {
        best,
        max,
        reserve,
        target,
    }
}

/// Hill-climbs from the side's ideal terms to a package no single change improves.
pub fn best_package(valuer: &Valuer, side: Side) -> (Package, f64) {
    let space = valuer.space();
    let mut current = space.best_for(side);
    let mut utility = valuer.utility(side, &current);
    loop {
        let mut improved = None;
        for (k, issue) in space.issues.iter().enumerate() {
            for option in 0..issue.options.len() as u8 {
                if option == current.choice[k] {
                    continue;
                }
                let mut candidate = current.clone();
                candidate.choice[k] = option;
                let u = valuer.utility(side, &candidate);
                if u > utility + EPSILON && improved.as_ref().is_none_or(|(_, best)| u > *best) {
                    improved = Some((candidate, u));
                }
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

/// Starting from `start`, concedes one issue at a time towards `toward`, always taking the step that keeps the most
/// utility, for as long as the package stays worth at least `target`.
pub fn concede_towards(valuer: &Valuer, side: Side, start: &Package, toward: &Package, target: f64) -> Package {
    let space = valuer.space();
    let mut current = start.clone();
    loop {
        let mut best_step: Option<(Package, f64)> = None;
        for (k, _issue) in space.issues.iter().enumerate() {
            let here = current.choice[k];
            let goal = toward.choice[k];
            if here == goal {
                continue;
            }
            let step = if goal > here { here + 1 } else { here - 1 };
            let mut candidate = current.clone();
            candidate.choice[k] = step;
            let u = valuer.utility(side, &candidate);
            if u + EPSILON >= target && best_step.as_ref().is_none_or(|(_, best)| u > *best + EPSILON) {
                best_step = Some((candidate, u));
            }
        }
        match best_step {
            Some((candidate, _)) => current = candidate,
            None => return current,
        }
    }
}

/// The other side's latest offer, if it has made one.
pub fn last_offer_from(state: &GameState, side: Side) -> Option<&Package> {
    state
        .offers
        .iter()
        .rev()
        .find(|r| r.offer.from == side)
        .map(|r| &r.offer.package)
}

impl Negotiator for TimeDependent {
    fn name(&self) -> String {
        self.strategy.as_str().to_string()
    }

    fn next_move(&mut self, scenario: &Scenario, state: &GameState) -> Move {
        let side = self.side;
        let valuer = Valuer::new(scenario, state);
        let aims = aims(&valuer, scenario, state, side, self.strategy.exponent());
        let toward = last_offer_from(state, side.other())
            .cloned()
            .unwrap_or_else(|| valuer.space().best_for(side.other()));
        let proposal = concede_towards(&valuer, side, &aims.best, &toward, aims.target);
        if let Some(offer) = state.offer_to(side) {
            let offered = valuer.utility(side, &offer.package);
            let next = valuer.utility(side, &proposal);
            if offered + EPSILON >= next.min(aims.target).max(aims.reserve) {
                return Move::Accept;
            }
        }
        Move::Propose(proposal)
    }
}
