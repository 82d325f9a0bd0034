//! The choice of AI opponent, in one place: what the setup screen lists, what `--opponent` accepts, and how a
//! choice becomes a negotiator. Stronger AIs and difficulty levels plug in here.

use std::fmt;

use crate::sim::Side;
use crate::sim::ai::{Negotiator, Strategy};

/// An AI that can take a seat at the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Opponent {
    /// One of the core's time-dependent strategies.
    Strategy(Strategy),
}

impl Default for Opponent {
    fn default() -> Self {
        Opponent::Strategy(Strategy::Boulware)
    }
}

impl Opponent {
    /// Every opponent the setup screen offers, hardest first.
    pub fn all() -> Vec<Opponent> {
        Strategy::ALL.into_iter().map(Opponent::Strategy).collect()
    }

    /// A short name for the screen.
    pub fn label(self) -> &'static str {
        match self {
            Opponent::Strategy(Strategy::Hardliner) => "Hardliner",
            Opponent::Strategy(Strategy::Boulware) => "Boulware",
            Opponent::Strategy(Strategy::Linear) => "Linear",
            Opponent::Strategy(Strategy::Conceder) => "Conceder",
        }
    }

    /// A sentence for the setup screen.
    pub fn describe(self) -> &'static str {
        match self {
            Opponent::Strategy(Strategy::Hardliner) => "Never moves from its best package. Hard.",
            Opponent::Strategy(Strategy::Boulware) => "Holds firm until the deadline nears, then concedes.",
            Opponent::Strategy(Strategy::Linear) => "Concedes at a steady pace, month by month.",
            Opponent::Strategy(Strategy::Conceder) => "Concedes early. Easiest.",
        }
    }

    /// The name used on the command line and in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Opponent::Strategy(s) => s.as_str(),
        }
    }

    /// A negotiator for `side`.
    pub fn agent(self, side: Side) -> Box<dyn Negotiator> {
        match self {
            Opponent::Strategy(s) => s.agent(side),
        }
    }

    /// The adviser a player may ask for a hint: what a steady negotiator would do in their place.
    pub fn adviser(side: Side) -> Box<dyn Negotiator> {
        Strategy::Linear.agent(side)
    }

    /// Parses a command-line name.
    pub fn parse(s: &str) -> Result<Opponent, String> {
        s.parse::<Strategy>().map(Opponent::Strategy)
    }
}

impl fmt::Display for Opponent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
