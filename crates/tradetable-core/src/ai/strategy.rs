//! The built-in strategies (hardliner, Boulware, linear, conceder, tit-for-tat, modelling), their names on the
//! command line, and the agent each one builds.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::acceptance::{AcceptNext, AcceptTarget};
use super::agent::{Agent, ModelPrior};
use super::bidding::{ModellingBidding, TimeDependentBidding, TitForTatBidding};
use super::negotiator::Negotiator;
use super::opponent_error::OpponentError;
use crate::scenario::schema::Side;

/// The built-in strategies.
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
    /// Mirrors the other side's concessions and answers threats and gestures in kind.
    TitForTat,
    /// Learns what the other side values and offers packages near the Pareto frontier (e = 0.5).
    Modelling,
}

impl Strategy {
    /// Every strategy, hardest first among the time-dependent ones.
    pub const ALL: [Strategy; 6] = [
        Strategy::Hardliner,
        Strategy::Boulware,
        Strategy::Linear,
        Strategy::Conceder,
        Strategy::TitForTat,
        Strategy::Modelling,
    ];

    /// The exponent `e` of the concession curve (tit-for-tat's is the Boulware floor it never falls behind).
    pub fn exponent(self) -> f64 {
        match self {
            Strategy::Hardliner => 0.0,
            Strategy::Boulware | Strategy::TitForTat => 0.2,
            Strategy::Linear => 1.0,
            Strategy::Conceder => 2.0,
            Strategy::Modelling => 0.5,
        }
    }

    /// The lowercase name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Strategy::Hardliner => "hardliner",
            Strategy::Boulware => "boulware",
            Strategy::Linear => "linear",
            Strategy::Conceder => "conceder",
            Strategy::TitForTat => "tit_for_tat",
            Strategy::Modelling => "modelling",
        }
    }

    /// An agent playing `side` with this strategy.
    ///
    /// The four time-dependent strategies bid and accept exactly as the original baseline did (same packages,
    /// same acceptances). Tit-for-tat and the modelling agent accept by strict AC_next.
    pub fn agent(self, side: Side) -> Box<dyn Negotiator> {
        Box::new(self.build(side))
    }

    /// The agent itself, to inspect its decisions.
    pub fn build(self, side: Side) -> Agent {
        let name = self.as_str();
        match self {
            Strategy::Hardliner | Strategy::Boulware | Strategy::Linear | Strategy::Conceder => Agent::new(
                name,
                side,
                Box::new(TimeDependentBidding {
                    exponent: self.exponent(),
                }),
                Box::new(AcceptTarget),
            ),
            Strategy::TitForTat => {
                Agent::new(name, side, Box::new(TitForTatBidding), Box::new(AcceptNext)).reciprocating(true)
            }
            Strategy::Modelling => Agent::new(
                name,
                side,
                Box::new(ModellingBidding {
                    exponent: self.exponent(),
                    exploits_deadline: false,
                }),
                Box::new(AcceptNext),
            )
            .with_model_prior(ModelPrior::PublicObjectives),
        }
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Strategy {
    type Err = OpponentError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.replace('-', "_");
        Strategy::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| OpponentError::UnknownStrategy {
                name: s.to_string(),
                strategies: Strategy::ALL.map(Strategy::as_str).join(", "),
            })
    }
}
