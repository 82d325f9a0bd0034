//! The two sides of the table, their names, and `PerSide<T>`: one value for each side, indexed by `Side`.
//!
//! Anything the game keeps once for the US and once for Japan (politics, objectives, approvals, drafts, seats,
//! scores) is a `PerSide`, so code picks a side by indexing (`objectives[side]`) instead of matching on it, and
//! the two halves can never drift apart in shape. In files and JSON a `PerSide` is written `(us: …, japan: …)`.

use std::fmt;
use std::ops::{Index, IndexMut};

use serde::{Deserialize, Serialize};

/// The two parties at the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Side {
    /// The US negotiators: tariffs, threats, delays, exemptions.
    Us,
    /// Japan's negotiators: concessions, purchases, investment, and the USJTA.
    Japan,
}

impl Side {
    /// Both sides, in table order.
    pub const BOTH: [Side; 2] = [Side::Us, Side::Japan];

    /// The other side of the table.
    pub fn other(self) -> Side {
        match self {
            Side::Us => Side::Japan,
            Side::Japan => Side::Us,
        }
    }

    /// The full name, for headings and transcripts: "United States", "Japan".
    pub fn label(self) -> &'static str {
        match self {
            Side::Us => "United States",
            Side::Japan => "Japan",
        }
    }

    /// The name as it reads inside a sentence: "the United States", "Japan".
    pub fn with_article(self) -> &'static str {
        match self {
            Side::Us => "the United States",
            Side::Japan => "Japan",
        }
    }

    /// The name at the start of a sentence: "The United States", "Japan".
    pub fn subject(self) -> &'static str {
        match self {
            Side::Us => "The United States",
            Side::Japan => "Japan",
        }
    }

    /// The short name, for narrow columns and buttons: "US", "Japan".
    pub fn short(self) -> &'static str {
        match self {
            Side::Us => "US",
            Side::Japan => "Japan",
        }
    }

    /// The short name inside a sentence: "the US", "Japan".
    pub fn short_with_article(self) -> &'static str {
        match self {
            Side::Us => "the US",
            Side::Japan => "Japan",
        }
    }

    /// The name before a noun it owns: "US" (tariffs), "Japan's" (concessions).
    pub fn possessive(self) -> &'static str {
        match self {
            Side::Us => "US",
            Side::Japan => "Japan's",
        }
    }

    /// The key in files, field paths and JSON: "us", "japan".
    pub fn key(self) -> &'static str {
        match self {
            Side::Us => "us",
            Side::Japan => "japan",
        }
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One value for each side of the table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PerSide<T> {
    /// The US side's value.
    pub us: T,
    /// Japan's value.
    pub japan: T,
}

impl<T> PerSide<T> {
    /// The two values, US first.
    pub const fn new(us: T, japan: T) -> PerSide<T> {
        PerSide { us, japan }
    }

    /// A value for each side, computed from the side.
    pub fn from_fn(mut value: impl FnMut(Side) -> T) -> PerSide<T> {
        PerSide {
            us: value(Side::Us),
            japan: value(Side::Japan),
        }
    }

    /// Applies `f` to both values.
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> PerSide<U> {
        PerSide {
            us: f(self.us),
            japan: f(self.japan),
        }
    }

    /// Borrows both values.
    pub fn as_ref(&self) -> PerSide<&T> {
        PerSide {
            us: &self.us,
            japan: &self.japan,
        }
    }

    /// One side's value.
    pub fn side(&self, side: Side) -> &T {
        &self[side]
    }

    /// One side's value, to change.
    pub fn side_mut(&mut self, side: Side) -> &mut T {
        &mut self[side]
    }

    /// Each side with its value, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (Side, &T)> {
        [(Side::Us, &self.us), (Side::Japan, &self.japan)].into_iter()
    }
}

impl<T> Index<Side> for PerSide<T> {
    type Output = T;

    fn index(&self, side: Side) -> &T {
        match side {
            Side::Us => &self.us,
            Side::Japan => &self.japan,
        }
    }
}

impl<T> IndexMut<Side> for PerSide<T> {
    fn index_mut(&mut self, side: Side) -> &mut T {
        match side {
            Side::Us => &mut self.us,
            Side::Japan => &mut self.japan,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexing_reaches_the_value_of_the_side_asked_for() {
        let mut pair = PerSide::from_fn(|side| side.key().to_string());
        assert_eq!(pair[Side::Us], "us");
        assert_eq!(pair[Side::Japan], "japan");
        pair[Side::Japan].push('!');
        assert_eq!(pair.japan, "japan!");
        assert_eq!(pair.us, "us");
        let sides: Vec<Side> = pair.iter().map(|(side, _)| side).collect();
        assert_eq!(sides, Side::BOTH);
    }

    #[test]
    fn a_pair_is_written_with_the_side_keys() {
        let pair = PerSide::new(1, 2);
        let ron_text = ron::to_string(&pair).unwrap();
        assert_eq!(ron_text, "(us:1,japan:2)");
        let back: PerSide<i32> = ron::from_str("(us: 1, japan: 2)").unwrap();
        assert_eq!(back, pair);
        assert!(ron::from_str::<PerSide<i32>>("(us: 1, korea: 2)").is_err());
    }
}
