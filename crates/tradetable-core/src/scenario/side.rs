//! The two sides of the table, their names, and `PerSide<T>`: one value for each side, indexed by `Side`.
//!
//! Anything the game keeps once for the US and once for the partner (politics, objectives, approvals, drafts, seats,
//! scores) is a `PerSide`, so code picks a side by indexing (`objectives[side]`) instead of matching on it, and
//! the two halves can never drift apart in shape. In files and JSON a `PerSide` is written `(us: …, partner: …)`.

use std::ops::{Index, IndexMut};

use serde::{Deserialize, Serialize};

/// The two parties at the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Side {
    /// The US negotiators: tariffs, threats, delays, exemptions.
    Us,
    /// The partner's negotiators (Japan's, in the default scenario): concessions, purchases, investment, and the
    /// trade agreement.
    Partner,
}

impl Side {
    /// Both sides, in table order.
    pub const BOTH: [Side; 2] = [Side::Us, Side::Partner];

    /// The other side of the table.
    pub fn other(self) -> Side {
        match self {
            Side::Us => Side::Partner,
            Side::Partner => Side::Us,
        }
    }

    /// The side without naming the country, for messages that know no scenario: "the US side", "the partner's side".
    pub fn role(self) -> &'static str {
        match self {
            Side::Us => "the US side",
            Side::Partner => "the partner's side",
        }
    }

    /// The key in files, field paths and JSON: "us", "partner".
    pub fn key(self) -> &'static str {
        match self {
            Side::Us => "us",
            Side::Partner => "partner",
        }
    }
}

/// How the game names each side of a scenario's table: the United States, and the partner the scenario names.
#[derive(Debug, Clone, Copy)]
pub struct Names<'a> {
    partner: &'a Partner,
}

impl<'a> Names<'a> {
    /// The names of the sides at a table whose partner is `partner`.
    pub fn new(partner: &'a Partner) -> Names<'a> {
        Names { partner }
    }

    /// The partner as the scenario describes it.
    pub fn partner(&self) -> &'a Partner {
        self.partner
    }

    /// The full name, for headings and transcripts: "United States", "Japan".
    pub fn label(&self, side: Side) -> &'a str {
        match side {
            Side::Us => "United States",
            Side::Partner => &self.partner.name,
        }
    }

    /// The name as it reads inside a sentence: "the United States", "Japan".
    pub fn with_article(&self, side: Side) -> &'a str {
        match side {
            Side::Us => "the United States",
            Side::Partner => &self.partner.name,
        }
    }

    /// The name at the start of a sentence: "The United States", "Japan", "The European Union".
    pub fn subject(&self, side: Side) -> String {
        capitalised(self.with_article(side))
    }

    /// The short name, for narrow columns and buttons: "US", "Japan".
    pub fn short(&self, side: Side) -> &'a str {
        match side {
            Side::Us => "US",
            Side::Partner => self.partner.short.as_deref().unwrap_or(&self.partner.name),
        }
    }

    /// The short name inside a sentence: "the US", "Japan".
    pub fn short_with_article(&self, side: Side) -> &'a str {
        match side {
            Side::Us => "the US",
            Side::Partner => self.short(side),
        }
    }

    /// The name before a noun it owns: "US" (tariffs), "Japan's" (concessions).
    pub fn possessive(&self, side: Side) -> String {
        match side {
            Side::Us => "US".to_string(),
            Side::Partner => match &self.partner.possessive {
                Some(possessive) => possessive.clone(),
                None => format!("{}'s", self.partner.name),
            },
        }
    }

    /// The possessive at the start of a sentence: "Japan's", "The EU's".
    pub fn possessive_subject(&self, side: Side) -> String {
        capitalised(&self.possessive(side))
    }
}

/// A phrase as a heading or a mark on a chart: without its leading "the", capitalised ("the July 2025 deal" →
/// "July 2025 deal").
pub fn as_heading(phrase: &str) -> String {
    capitalised(phrase.strip_prefix("the ").unwrap_or(phrase))
}

/// The text with its first letter in upper case.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One value for each side of the table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PerSide<T> {
    /// The US side's value.
    pub us: T,
    /// The partner's value.
    pub partner: T,
}

impl<T> PerSide<T> {
    /// The two values, US first.
    pub const fn new(us: T, partner: T) -> PerSide<T> {
        PerSide { us, partner }
    }

    /// A value for each side, computed from the side.
    pub fn from_fn(mut value: impl FnMut(Side) -> T) -> PerSide<T> {
        PerSide {
            us: value(Side::Us),
            partner: value(Side::Partner),
        }
    }

    /// Applies `f` to both values.
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> PerSide<U> {
        PerSide {
            us: f(self.us),
            partner: f(self.partner),
        }
    }

    /// Borrows both values.
    pub fn as_ref(&self) -> PerSide<&T> {
        PerSide {
            us: &self.us,
            partner: &self.partner,
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
        [(Side::Us, &self.us), (Side::Partner, &self.partner)].into_iter()
    }
}

impl<T> Index<Side> for PerSide<T> {
    type Output = T;

    fn index(&self, side: Side) -> &T {
        match side {
            Side::Us => &self.us,
            Side::Partner => &self.partner,
        }
    }
}

impl<T> IndexMut<Side> for PerSide<T> {
    fn index_mut(&mut self, side: Side) -> &mut T {
        match side {
            Side::Us => &mut self.us,
            Side::Partner => &mut self.partner,
        }
    }
}

/// The country across the table: how the game names it, its currency and its legislature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// The name in headings and sentences: "Japan", "South Korea", "the European Union".
    pub name: String,
    /// The name for narrow columns and buttons ("Korea"). Optional: the name.
    #[serde(default)]
    pub short: Option<String>,
    /// The name before a noun it owns ("Japan's"). Optional: the name followed by 's.
    #[serde(default)]
    pub possessive: Option<String>,
    /// The partner's parliament, as news names it: "Diet", "National Assembly".
    pub legislature: String,
    /// The partner's currency, in which its exchange rate (`exchange`) is quoted.
    pub currency: CurrencyName,
}

/// The name of the partner's currency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CurrencyName {
    /// The name of one unit, in lower case: "yen", "won".
    pub name: String,
    /// The ISO 4217 code: "JPY", "KRW".
    pub code: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexing_reaches_the_value_of_the_side_asked_for() {
        let mut pair = PerSide::from_fn(|side| side.key().to_string());
        assert_eq!(pair[Side::Us], "us");
        assert_eq!(pair[Side::Partner], "partner");
        pair[Side::Partner].push('!');
        assert_eq!(pair.partner, "partner!");
        assert_eq!(pair.us, "us");
        let sides: Vec<Side> = pair.iter().map(|(side, _)| side).collect();
        assert_eq!(sides, Side::BOTH);
    }

    #[test]
    fn a_pair_is_written_with_the_side_keys() {
        let pair = PerSide::new(1, 2);
        let ron_text = ron::to_string(&pair).unwrap();
        assert_eq!(ron_text, "(us:1,partner:2)");
        let back: PerSide<i32> = ron::from_str("(us: 1, partner: 2)").unwrap();
        assert_eq!(back, pair);
        assert!(ron::from_str::<PerSide<i32>>("(us: 1, korea: 2)").is_err());
    }
}
