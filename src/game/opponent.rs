//! The choice of AI opponent, in one place: what the setup screen lists (difficulty levels, the scenario's
//! personalities for that side, the plain strategies), what `--opponent` accepts, and how a choice becomes a
//! negotiator through the core's `ai::opponent`.

use std::fmt;

use crate::sim::ai::{self, Difficulty, Negotiator, Strategy};
use crate::sim::{Scenario, Side};

/// An AI that can take a seat at the table.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Opponent {
    /// A difficulty level: easy, normal or hard.
    Difficulty(Difficulty),
    /// A personality of the scenario, by id (it plays at normal difficulty).
    Personality(String),
    /// One of the core's plain strategies (for teaching the concession curves).
    Strategy(Strategy),
}

impl Default for Opponent {
    fn default() -> Self {
        Opponent::Difficulty(Difficulty::Normal)
    }
}

impl Opponent {
    /// Every opponent the setup screen offers for `side`: difficulties, then the scenario's personalities for that
    /// side, then the plain strategies.
    pub fn all(scenario: Option<&Scenario>, side: Side) -> Vec<Opponent> {
        let mut list: Vec<Opponent> = Difficulty::ALL.into_iter().map(Opponent::Difficulty).collect();
        if let Some(scenario) = scenario {
            list.extend(
                scenario
                    .personalities
                    .iter()
                    .filter(|p| p.side == side)
                    .map(|p| Opponent::Personality(p.id.clone())),
            );
        }
        list.extend(Strategy::ALL.into_iter().map(Opponent::Strategy));
        list
    }

    /// A short name for the screen.
    pub fn label(&self, scenario: Option<&Scenario>) -> String {
        match self {
            Opponent::Difficulty(Difficulty::Easy) => "Easy".to_string(),
            Opponent::Difficulty(Difficulty::Normal) => "Normal".to_string(),
            Opponent::Difficulty(Difficulty::Hard) => "Hard".to_string(),
            Opponent::Personality(id) => scenario
                .and_then(|s| s.personality(id))
                .map_or_else(|| id.clone(), |p| p.name.clone()),
            Opponent::Strategy(s) => {
                let name = s.as_str().replace('_', " ");
                let mut chars = name.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        }
    }

    /// A sentence for the setup screen.
    pub fn describe(&self, scenario: Option<&Scenario>) -> String {
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
            Opponent::Personality(id) => scenario.and_then(|s| s.personality(id)).map_or_else(
                || format!("A personality of the scenario ({id})."),
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

    /// The name used on the command line and in reports.
    pub fn as_str(&self) -> String {
        match self {
            Opponent::Difficulty(d) => d.as_str().to_string(),
            Opponent::Personality(id) => id.clone(),
            Opponent::Strategy(s) => s.as_str().to_string(),
        }
    }

    /// A negotiator for `side`. A personality that does not exist, or plays the other side, falls back to the
    /// normal difficulty, with a warning in the log.
    pub fn agent(&self, scenario: &Scenario, side: Side) -> Box<dyn Negotiator> {
        let built = match self {
            Opponent::Difficulty(d) => ai::opponent(scenario, side, *d, None),
            Opponent::Personality(id) => ai::opponent(scenario, side, Difficulty::Normal, Some(id)),
            Opponent::Strategy(s) => Ok(s.agent(side)),
        };
        built.unwrap_or_else(|error| {
            bevy::log::warn!("{error}; playing {side} at normal difficulty instead");
            ai::opponent(scenario, side, Difficulty::Normal, None).expect("a plain difficulty always builds")
        })
    }

    /// The adviser a player may ask for a hint: what a steady negotiator would do in their place.
    pub fn adviser(side: Side) -> Box<dyn Negotiator> {
        Strategy::Linear.agent(side)
    }

    /// Parses a command-line name: a difficulty, a strategy, or a personality id of the scenario.
    pub fn parse(s: &str) -> Result<Opponent, String> {
        if let Ok(difficulty) = s.parse::<Difficulty>() {
            return Ok(Opponent::Difficulty(difficulty));
        }
        if let Ok(strategy) = s.parse::<Strategy>() {
            return Ok(Opponent::Strategy(strategy));
        }
        if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            return Ok(Opponent::Personality(s.to_string()));
        }
        Err(format!(
            "unknown opponent \"{s}\"; expected a difficulty (easy, normal, hard), a strategy ({}) or a personality \
             id of the scenario",
            Strategy::ALL.map(Strategy::as_str).join(", ")
        ))
    }
}

impl fmt::Display for Opponent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label(None))
    }
}
