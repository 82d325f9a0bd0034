//! How hard the computer plays (easy, normal, hard), and the names of the levels.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::opponent_error::OpponentError;

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
