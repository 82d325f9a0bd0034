//! Negotiating agents that play either side: the `Negotiator` interface the game, the CLI and tournaments use, the
//! parts an agent is built from (bidding, acceptance, opponent model, as in the negotiation literature), the
//! built-in strategies, the difficulty levels, and the personalities a scenario defines; and whole games played
//! between negotiators (`play`). It imports `scenario`, `model` and `rules`.
//!
//! The game, the CLI and tournaments all name a player with an [`Opponent`] from the one [`catalogue`].

pub mod acceptance;
pub mod agent;
pub mod bidding;
pub mod catalogue;
pub mod concession;
pub mod context;
pub mod opponent_model;
pub mod play;
pub mod preferences;
pub mod reasons;
pub mod tactics;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::rules::moves::Move;
use crate::rules::negotiation::GameState;
use crate::scenario::schema::{BiddingStyle, Personality, Scenario, Side};
use acceptance::{AcceptNext, AcceptTarget, Careless};
use agent::{Agent, ModelPrior};
use bidding::{Bidding, ModellingBidding, TimeDependentBidding, TitForTatBidding};
use preferences::Preferences;

pub use catalogue::Opponent;

/// Anything that can sit at the table: asked for one move at a time while it is its turn.
pub trait Negotiator: Send + Sync {
    /// A name for transcripts.
    fn name(&self) -> String;
    /// The next move for the side whose turn it is; the turn goes on until a move that ends it.
    fn next_move(&mut self, scenario: &Scenario, state: &GameState) -> Move;
    /// Why it made its last move, in plain sentences; none if it cannot say.
    fn reasons(&self) -> Vec<String> {
        Vec::new()
    }
}

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

/// How hard the computer plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    /// Concedes readily, accepts a little below its aim, and now and then slips and takes any offer better than no
    /// deal. Makes no threats and answers none.
    Easy,
    /// Concedes along a Boulware-leaning curve, accepts by AC_next, answers threats.
    Normal,
    /// Models you, never accepts a package worse than its own next offer, holds firm (e = 0.2) and plays the
    /// calendar: the US ends with a take-it-or-leave-it offer, Japan concedes against its last useful offer.
    Hard,
}

impl Difficulty {
    /// Every level, easiest first.
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Normal, Difficulty::Hard];

    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Normal => "normal",
            Difficulty::Hard => "hard",
        }
    }
}

impl fmt::Display for Difficulty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Difficulty {
    type Err = OpponentError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Difficulty::ALL
            .into_iter()
            .find(|d| d.as_str() == s)
            .ok_or_else(|| OpponentError::UnknownDifficulty { name: s.to_string() })
    }
}

/// The concession exponent of an opponent with no personality, by difficulty.
const EASY_EXPONENT: f64 = 2.0;
const NORMAL_EXPONENT: f64 = 0.5;
const HARD_EXPONENT: f64 = 0.2;

/// An easy opponent accepts this much utility below its aim...
const EASY_MARGIN: f64 = 0.05;
/// ...and at each decision has this chance of taking anything better than no deal.
const EASY_SLIP_CHANCE: f64 = 0.2;

/// Why an opponent could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpponentError {
    /// No personality of the scenario has this id.
    #[error("unknown personality \"{id}\"; the scenario defines {known}")]
    UnknownPersonality {
        /// The id asked for.
        id: String,
        /// The ids the scenario defines, for the message.
        known: String,
    },
    /// The personality plays the other side.
    #[error("personality \"{id}\" plays {}, not {}", .plays.role(), .wanted.role())]
    WrongSide {
        /// The personality.
        id: String,
        /// The side it plays.
        plays: Side,
        /// The side asked for.
        wanted: Side,
    },
    /// A player that cannot take the side, with the players that can.
    #[error("{reason}; for {side} choose one of: {choices}")]
    NotForSide {
        /// Why the player cannot take the side.
        reason: Box<OpponentError>,
        /// The side, as the scenario names it.
        side: String,
        /// The names of the players that can take it.
        choices: String,
    },
    /// A name that is no strategy.
    #[error("unknown strategy \"{name}\"; expected one of {strategies}")]
    UnknownStrategy {
        /// The name as written.
        name: String,
        /// The strategies' names, for the message.
        strategies: String,
    },
    /// A name that is no difficulty.
    #[error("unknown difficulty \"{name}\"; expected one of easy, normal, hard")]
    UnknownDifficulty {
        /// The name as written.
        name: String,
    },
    /// A name that is no difficulty or strategy and cannot be a personality's id.
    #[error(
        "unknown player \"{name}\"; expected a difficulty (easy, normal, hard), a strategy ({strategies}) or a \
         personality id of the scenario"
    )]
    UnknownName {
        /// The name as written.
        name: String,
        /// The strategies' names, for the message.
        strategies: String,
    },
    /// A name that is no strategy, difficulty or personality of the scenario.
    #[error(
        "unknown player \"{name}\"; expected a strategy ({strategies}), a difficulty (easy, normal, hard) or a \
         personality of the scenario ({personalities})"
    )]
    UnknownPlayer {
        /// The name as written.
        name: String,
        /// The strategies' names, for the message.
        strategies: String,
        /// The scenario's personalities, for the message.
        personalities: String,
    },
}

/// The computer opponent for the game: an agent playing `side` at `difficulty`, with the scenario personality
/// `personality` if one is named. This is what the GUI's opponent picker calls.
pub fn opponent(
    scenario: &Scenario,
    side: Side,
    difficulty: Difficulty,
    personality: Option<&str>,
) -> Result<Box<dyn Negotiator>, OpponentError> {
    Ok(Box::new(build_opponent(scenario, side, difficulty, personality)?))
}

/// As [`opponent`], but the agent itself, to inspect its decisions.
pub fn build_opponent(
    scenario: &Scenario,
    side: Side,
    difficulty: Difficulty,
    personality: Option<&str>,
) -> Result<Agent, OpponentError> {
    let Some(id) = personality else {
        let style = match difficulty {
            Difficulty::Easy => BiddingStyle::TimeDependent {
                exponent: EASY_EXPONENT,
            },
            Difficulty::Normal => BiddingStyle::TimeDependent {
                exponent: NORMAL_EXPONENT,
            },
            Difficulty::Hard => BiddingStyle::Modelling {
                exponent: HARD_EXPONENT,
            },
        };
        let name = difficulty.as_str();
        return Ok(assemble(
            name,
            side,
            difficulty,
            style,
            Preferences::default(),
            Vec::new(),
            true,
        ));
    };
    let found = scenario
        .personality(id)
        .ok_or_else(|| OpponentError::UnknownPersonality {
            id: id.to_string(),
            known: scenario
                .personalities
                .iter()
                .map(|p| p.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })?;
    if found.side != side {
        return Err(OpponentError::WrongSide {
            id: id.to_string(),
            plays: found.side,
            wanted: side,
        });
    }
    Ok(from_personality(found, difficulty))
}

/// An agent with a scenario personality's character, played at `difficulty`: easy concedes faster and slips,
/// hard models its opponent, holds firmer and plays the calendar.
pub fn from_personality(personality: &Personality, difficulty: Difficulty) -> Agent {
    let name = match difficulty {
        Difficulty::Normal => personality.id.clone(),
        _ => format!("{} ({})", personality.id, difficulty),
    };
    let style = match (difficulty, personality.bidding) {
        (Difficulty::Easy, BiddingStyle::TimeDependent { exponent } | BiddingStyle::Modelling { exponent }) => {
            BiddingStyle::TimeDependent {
                exponent: (exponent * 2.0).max(1.5),
            }
        }
        (Difficulty::Hard, BiddingStyle::TimeDependent { exponent } | BiddingStyle::Modelling { exponent }) => {
            BiddingStyle::Modelling {
                exponent: exponent.min(0.5),
            }
        }
        (_, style) => style,
    };
    assemble(
        &name,
        personality.side,
        difficulty,
        style,
        Preferences::of(personality),
        personality.gestures.clone(),
        personality.reciprocates,
    )
}

fn assemble(
    name: &str,
    side: Side,
    difficulty: Difficulty,
    style: BiddingStyle,
    preferences: Preferences,
    gestures: Vec<crate::scenario::schema::Gesture>,
    reciprocates: bool,
) -> Agent {
    let hard = difficulty == Difficulty::Hard;
    let bidding: Box<dyn Bidding> = match style {
        BiddingStyle::TimeDependent { exponent } => Box::new(TimeDependentBidding { exponent }),
        BiddingStyle::TitForTat => Box::new(TitForTatBidding),
        BiddingStyle::Modelling { exponent } => Box::new(ModellingBidding {
            exponent,
            exploits_deadline: hard,
        }),
    };
    let agent = match difficulty {
        Difficulty::Easy => Agent::new(
            name,
            side,
            bidding,
            Box::new(Careless {
                margin: EASY_MARGIN,
                slip_chance: EASY_SLIP_CHANCE,
            }),
        ),
        Difficulty::Normal | Difficulty::Hard => Agent::new(name, side, bidding, Box::new(AcceptNext)),
    };
    agent
        .with_preferences(preferences)
        .with_model_prior(ModelPrior::PublicObjectives)
        .with_gestures(gestures)
        .reciprocating((reciprocates && difficulty != Difficulty::Easy) || hard)
}
