//! Building the computer opponent the game, the CLI and the catalogue ask for: an agent at a difficulty, plain or
//! with a scenario personality's character, assembled from a bidding and an acceptance strategy.

use super::acceptance::{AcceptNext, Careless};
use super::agent::{Agent, ModelPrior};
use super::bidding::{Bidding, ModellingBidding, TimeDependentBidding, TitForTatBidding};
use super::difficulty::Difficulty;
use super::negotiator::Negotiator;
use super::opponent_error::OpponentError;
use super::preferences::Preferences;
use crate::scenario::schema::{BiddingStyle, Gesture, Personality, Scenario, Side};

/// The concession exponent of an opponent with no personality, by difficulty.
const EASY_EXPONENT: f64 = 2.0;
const NORMAL_EXPONENT: f64 = 0.5;
const HARD_EXPONENT: f64 = 0.2;

/// An easy opponent accepts this much utility below its aim...
const EASY_MARGIN: f64 = 0.05;
/// ...and at each decision has this chance of taking anything better than no deal.
const EASY_SLIP_CHANCE: f64 = 0.2;

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
    gestures: Vec<Gesture>,
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
