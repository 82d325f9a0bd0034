//! The one catalogue of computer players, shared by the game's setup screen, `play --opponent`, `simulate` and
//! tournaments: what can sit at the table for a side, how each is named and described, and how a name becomes a
//! negotiator. A name the scenario does not know is refused, never swapped for another player.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::agent::Agent;
use super::build::{build_opponent, opponent};
use super::difficulty::Difficulty;
use super::negotiator::Negotiator;
use super::opponent_error::OpponentError;
use super::strategy::Strategy;
use crate::scenario::schema::{Scenario, Side};

/// A computer player: a difficulty level, a personality of the scenario (at normal difficulty), or one of the
/// plain strategies of the negotiation literature.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Opponent {
    /// A built-in strategy (for teaching the concession curves, and for tournaments).
    Strategy(Strategy),
    /// A difficulty level with no personality: easy, normal or hard.
    Difficulty(Difficulty),
    /// A personality of the scenario, by id.
    Personality(String),
}

impl Default for Opponent {
    fn default() -> Self {
        Opponent::Difficulty(Difficulty::Normal)
    }
}

impl Opponent {
    /// Every player that can take `side` in `scenario`, in the order the setup screen lists them: difficulties,
    /// then the scenario's personalities for that side, then the plain strategies.
    pub fn all(scenario: &Scenario, side: Side) -> Vec<Opponent> {
        let mut list: Vec<Opponent> = Difficulty::ALL.into_iter().map(Opponent::Difficulty).collect();
        list.extend(
            scenario
                .personalities
                .iter()
                .filter(|p| p.side == side)
                .map(|p| Opponent::Personality(p.id.clone())),
        );
        list.extend(Strategy::ALL.into_iter().map(Opponent::Strategy));
        list
    }

    /// The name on the command line, in reports and in tournament tables: `normal`, `boulware`, `deficit_hawk`.
    pub fn name(&self) -> String {
        match self {
            Opponent::Strategy(s) => s.as_str().to_string(),
            Opponent::Difficulty(d) => d.as_str().to_string(),
            Opponent::Personality(id) => id.clone(),
        }
    }

    /// The name on screen: `Normal`, `Tit for tat`, or the personality's own name.
    pub fn display_name(&self, scenario: &Scenario) -> String {
        match self {
            Opponent::Personality(id) => scenario.personality(id).map_or_else(|| id.clone(), |p| p.name.clone()),
            other => {
                let name = other.name().replace('_', " ");
                let mut chars = name.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        }
    }

    /// A sentence for the setup screen.
    pub fn describe(&self, scenario: &Scenario) -> String {
        match self {
            Opponent::Difficulty(Difficulty::Easy) => {
                "Concedes readily and now and then slips, taking an offer it should have refused.".to_string()
            }
            Opponent::Difficulty(Difficulty::Normal) => {
                "Holds firm early, concedes as the deadline nears, answers threats in kind.".to_string()
            }
            Opponent::Difficulty(Difficulty::Hard) => {
                "Models what you value, never accepts less than it would offer next, and uses the deadline.".to_string()
            }
            Opponent::Personality(id) => scenario.personality(id).map_or_else(
                || format!("A personality this scenario does not define ({id})."),
                |p| p.description.clone(),
            ),
            Opponent::Strategy(Strategy::Hardliner) => "Never moves from its opening package.".to_string(),
            Opponent::Strategy(Strategy::Boulware) => "Holds firm until the deadline nears, then concedes.".to_string(),
            Opponent::Strategy(Strategy::Linear) => "Concedes at a steady pace, month by month.".to_string(),
            Opponent::Strategy(Strategy::Conceder) => "Concedes early.".to_string(),
            Opponent::Strategy(Strategy::TitForTat) => "Answers your concessions and threats in kind.".to_string(),
            Opponent::Strategy(Strategy::Modelling) => {
                "Learns what you value and looks for packages good for both sides.".to_string()
            }
        }
    }

    /// The negotiator for `side`. A personality the scenario lacks, or one that plays the other side, is an error.
    pub fn agent(&self, scenario: &Scenario, side: Side) -> Result<Box<dyn Negotiator>, OpponentError> {
        match self {
            Opponent::Strategy(s) => Ok(s.agent(side)),
            Opponent::Difficulty(d) => opponent(scenario, side, *d, None),
            Opponent::Personality(id) => opponent(scenario, side, Difficulty::Normal, Some(id)),
        }
    }

    /// The agent itself for `side`, to ask what it would make of a position (a move's preview) without playing it.
    pub fn build(&self, scenario: &Scenario, side: Side) -> Result<Agent, OpponentError> {
        match self {
            Opponent::Strategy(s) => Ok(s.build(side)),
            Opponent::Difficulty(d) => build_opponent(scenario, side, *d, None),
            Opponent::Personality(id) => build_opponent(scenario, side, Difficulty::Normal, Some(id)),
        }
    }

    /// Checks that this player can take `side` in `scenario`, with the message the player or teacher sees.
    pub fn check(&self, scenario: &Scenario, side: Side) -> Result<(), OpponentError> {
        match self.agent(scenario, side) {
            Ok(_) => Ok(()),
            Err(error) => {
                let valid: Vec<String> = Opponent::all(scenario, side).iter().map(Opponent::name).collect();
                Err(OpponentError::NotForSide {
                    reason: Box::new(error),
                    side: scenario.names().label(side).to_string(),
                    choices: valid.join(", "),
                })
            }
        }
    }

    /// The adviser a player may ask for a hint: what a steady negotiator would do in their place.
    pub fn adviser(side: Side) -> Box<dyn Negotiator> {
        Strategy::Linear.agent(side)
    }

    /// Reads a name as written on the command line, before the scenario is known: a difficulty, a strategy, or
    /// something that can be a personality id (checked against the scenario by [`Opponent::check`]).
    pub fn parse_name(text: &str) -> Result<Opponent, OpponentError> {
        if let Ok(difficulty) = text.parse::<Difficulty>() {
            return Ok(Opponent::Difficulty(difficulty));
        }
        if let Ok(strategy) = text.parse::<Strategy>() {
            return Ok(Opponent::Strategy(strategy));
        }
        if !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            return Ok(Opponent::Personality(text.to_string()));
        }
        Err(OpponentError::UnknownName {
            name: text.to_string(),
            strategies: Strategy::ALL.map(Strategy::as_str).join(", "),
        })
    }

    /// Reads a name against `scenario`: a strategy, a difficulty, or one of the scenario's personalities.
    pub fn parse(text: &str, scenario: &Scenario) -> Result<Opponent, OpponentError> {
        match Opponent::parse_name(text)? {
            Opponent::Personality(_) if scenario.personality(text).is_none() => {
                let personalities: Vec<&str> = scenario.personalities.iter().map(|p| p.id.as_str()).collect();
                Err(OpponentError::UnknownPlayer {
                    name: text.to_string(),
                    strategies: Strategy::ALL.map(Strategy::as_str).join(", "),
                    personalities: personalities.join(", "),
                })
            }
            known => Ok(known),
        }
    }
}

impl fmt::Display for Opponent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_player_builds_for_its_side_and_names_round_trip() {
        let scenario = Scenario::builtin().expect("the shipped scenario loads");
        for side in Side::BOTH {
            for player in Opponent::all(&scenario, side) {
                assert!(player.check(&scenario, side).is_ok(), "{player} for {side:?}");
                assert_eq!(Opponent::parse(&player.name(), &scenario), Ok(player.clone()));
            }
        }
    }

    #[test]
    fn unknown_and_wrong_side_personalities_are_refused() {
        let scenario = Scenario::builtin().expect("the shipped scenario loads");
        assert!(Opponent::parse("no_such_player", &scenario).is_err());
        assert!(Opponent::parse_name("not a name!").is_err());
        let us_personality = scenario
            .personalities
            .iter()
            .find(|p| p.side == Side::Us)
            .expect("the scenario has a US personality");
        let player = Opponent::Personality(us_personality.id.clone());
        let refusal = player.check(&scenario, Side::Partner).unwrap_err();
        assert!(matches!(refusal, OpponentError::NotForSide { .. }), "{refusal}");
        assert!(refusal.to_string().contains("normal"), "{refusal}");
        assert!(
            Opponent::Personality("ghost".into())
                .check(&scenario, Side::Us)
                .is_err()
        );
    }
}
