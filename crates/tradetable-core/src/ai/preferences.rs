//! What a package is worth to one agent: its side's objectives read off the core's economic and political model,
//! re-weighted by a personality, less its reluctance to give ground on some issues, and ruled out past its red lines.

use std::collections::BTreeMap;

use crate::rules::negotiation::GameState;
use crate::rules::package::Package;
use crate::rules::score::{Projection, Valuer};
use crate::scenario::schema::{Limit, Personality, RedLine, Scenario, Side};

/// Subtracted from the utility of a package past a red line, so it falls below any reservation value (utilities
/// lie in [0, 1]) and no bidding or acceptance strategy needs a special case for it.
pub const RED_LINE_PENALTY: f64 = 1.0;

/// An agent's preferences as written: the parts a personality adds to its side's objectives.
#[derive(Debug, Clone, Default)]
pub struct Preferences {
    /// Multipliers on the side's objective weights, by objective id; objectives not named keep their weight.
    pub objective_multipliers: BTreeMap<String, f64>,
    /// Utility given up per option step an issue moves away from what the side wants most, by issue id.
    pub reluctance: BTreeMap<String, f64>,
    /// Limits on the packages it proposes or accepts.
    pub red_lines: Vec<RedLine>,
}

impl Preferences {
    /// The preferences of a personality.
    pub fn of(personality: &Personality) -> Preferences {
        Preferences {
            objective_multipliers: personality.objective_weights.clone(),
            reluctance: personality.reluctance.clone(),
            red_lines: personality.red_lines.clone(),
        }
    }
}

/// One side's preferences resolved against one game position, ready to value packages.
pub struct Valuation<'a> {
    valuer: Valuer<'a>,
    side: Side,
    weights: Vec<f64>,
    ideal: Package,
    reluctance: Vec<f64>,
    lines: Vec<(usize, Limit)>,
}

impl<'a> Valuation<'a> {
    /// Resolves `preferences` for `side` at this position; red lines whose round has come no longer apply.
    pub fn new(scenario: &'a Scenario, state: &'a GameState, side: Side, preferences: &Preferences) -> Self {
        let valuer = Valuer::new(scenario, state);
        let weights = scenario
            .objectives
            .side(side)
            .iter()
            .map(|o| match preferences.objective_multipliers.get(&o.id) {
                Some(m) => o.weight * m,
                None => o.weight,
            })
            .collect();
        let space = valuer.space();
        let ideal = space.best_for(side);
        let reluctance = space
            .issues
            .iter()
            .map(|issue| preferences.reluctance.get(&issue.id).copied().unwrap_or(0.0))
            .collect();
        let lines = preferences
            .red_lines
            .iter()
            .filter(|line| line.before_round.is_none_or(|r| state.round < r))
            .filter_map(|line| Some((space.issues.iter().position(|i| i.id == line.issue)?, line.limit)))
            .collect();
        Valuation {
            valuer,
            side,
            weights,
            ideal,
            reluctance,
            lines,
        }
    }

    /// The core's valuer for this position.
    pub fn valuer(&self) -> &Valuer<'a> {
        &self.valuer
    }

    /// The side valued.
    pub fn side(&self) -> Side {
        self.side
    }

    /// The agent's utility of signing `package` now.
    pub fn utility(&self, package: &Package) -> f64 {
        self.of_projection(package, &self.valuer.project_deal(package))
    }

    /// The agent's utility of `package`, given its projection.
    pub fn of_projection(&self, package: &Package, projection: &Projection) -> f64 {
        let mut u = self.valuer.utility_with_weights(self.side, projection, &self.weights);
        for (k, &r) in self.reluctance.iter().enumerate() {
            if r > 0.0 {
                u -= r * f64::from(package.choice[k].abs_diff(self.ideal.choice[k]));
            }
        }
        if !self.within_red_lines(package) {
            u -= RED_LINE_PENALTY;
        }
        u
    }

    /// Whether `package` respects every red line in force.
    pub fn within_red_lines(&self, package: &Package) -> bool {
        let space = self.valuer.space();
        self.lines
            .iter()
            .all(|&(k, limit)| limit.allows(space.issues[k].options[package.choice[k] as usize]))
    }

    /// The red lines in force that `package` crosses: each issue's index and its limit.
    pub fn crossed_red_lines(&self, package: &Package) -> Vec<(usize, Limit)> {
        let space = self.valuer.space();
        self.lines
            .iter()
            .filter(|&&(k, limit)| !limit.allows(space.issues[k].options[package.choice[k] as usize]))
            .copied()
            .collect()
    }

    /// The agent's utility and the opponent's by the scenario's public objectives, from one projection.
    pub fn with_public_opponent(&self, package: &Package) -> (f64, f64) {
        let projection = self.valuer.project_deal(package);
        (
            self.of_projection(package, &projection),
            self.valuer.utility_of(self.side.other(), &projection),
        )
    }

    /// What failing to agree is worth to the agent.
    pub fn reservation(&self) -> f64 {
        self.valuer
            .utility_with_weights(self.side, &self.valuer.project_no_deal(), &self.weights)
    }

    /// What failing to agree is worth to the opponent by the scenario's public objectives.
    pub fn public_opponent_reservation(&self) -> f64 {
        self.valuer.reservation(self.side.other())
    }
}
