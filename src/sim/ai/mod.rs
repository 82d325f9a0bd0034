//! Negotiating agents that play either side: the `Negotiator` interface the game, the CLI and tournaments use, and
//! the strategies built on it.

pub mod concession;
pub mod time_dependent;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::moves::Move;
use super::negotiation::GameState;
use super::scenario::{Scenario, Side};

/// Anything that can sit at the table: asked for one move at a time while it is its turn.
pub trait Negotiator {
    /// A name for transcripts.
    fn name(&self) -> String;
    /// The next move for the side whose turn it is; the turn goes on until a move that ends it.
    fn next_move(&mut self, scenario: &Scenario, state: &GameState) -> Move;
}

/// The baseline strategies: time-dependent concession with different exponents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// Never concedes (e = 0).
    Hardliner,
    /// Holds firm until late (e = 0.2).
    Boulware,
    /// Concedes at a steady pace (e = 1).
    Linear,
    /// Concedes early (e = 2).
    Conceder,
}

impl Strategy {
    /// Every strategy, hardest first.
    pub const ALL: [Strategy; 4] = [
        Strategy::Hardliner,
        Strategy::Boulware,
        Strategy::Linear,
        Strategy::Conceder,
    ];

    /// The exponent `e` of the concession curve.
    pub fn exponent(self) -> f64 {
        match self {
            Strategy::Hardliner => 0.0,
            Strategy::Boulware => 0.2,
            Strategy::Linear => 1.0,
            Strategy::Conceder => 2.0,
        }
    }

    /// The lowercase name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Strategy::Hardliner => "hardliner",
            Strategy::Boulware => "boulware",
            Strategy::Linear => "linear",
            Strategy::Conceder => "conceder",
        }
    }

    /// An agent playing `side` with this strategy.
    pub fn agent(self, side: Side) -> Box<dyn Negotiator> {
        Box::new(time_dependent::TimeDependent::new(side, self))
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Strategy {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Strategy::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown strategy \"{s}\"; expected one of hardliner, boulware, linear, conceder"))
    }
}
