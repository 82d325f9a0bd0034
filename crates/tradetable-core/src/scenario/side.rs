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

    /// The full name, for headings and transcripts, without an article: "United States", "Japan", "European Union"
    /// (for a partner named "the European Union").
    pub fn label(&self, side: Side) -> &'a str {
        match side {
            Side::Us => "United States",
            Side::Partner => without_article(&self.partner.name),
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

    /// The short name inside a sentence: "the US", "Japan", "the EU" (a partner whose name takes "the" keeps it
    /// before its short name too).
    pub fn short_with_article(&self, side: Side) -> String {
        match side {
            Side::Us => "the US".to_string(),
            Side::Partner => {
                let short = self.short(side);
                let takes_article = self.partner.name.starts_with("the ") && !short.starts_with("the ");
                if takes_article {
                    format!("the {short}")
                } else {
                    short.to_string()
                }
            }
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

    /// The partner's legislature inside a sentence, as news names it: "Japan's Diet", "South Korea's National
    /// Assembly", and "the European Parliament" — a legislature whose name already says whose it is (it shares a word
    /// with the partner's name) takes "the" rather than the partner's possessive.
    pub fn legislature(&self) -> String {
        let legislature = &self.partner.legislature;
        let partner_words: Vec<&str> = self.partner.name.split_whitespace().filter(|w| *w != "the").collect();
        let names_itself = legislature
            .split_whitespace()
            .any(|word| word.chars().count() > 3 && partner_words.contains(&word));
        let possessive = self.possessive(Side::Partner);
        // A possessive of a language written without spaces (a translation's "日本の") joins its noun directly.
        let joined = possessive.chars().last().is_some_and(|last| !last.is_ascii());
        if names_itself {
            format!("the {legislature}")
        } else if joined {
            format!("{possessive}{legislature}")
        } else {
            format!("{possessive} {legislature}")
        }
    }

    /// The partner's legislature at the start of a sentence: "Japan's Diet", "The European Parliament".
    pub fn legislature_subject(&self) -> String {
        capitalised(&self.legislature())
    }
}

/// A name without its leading "the": "the European Union" → "European Union".
fn without_article(name: &str) -> &str {
    name.strip_prefix("the ").unwrap_or(name)
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
    /// The name in sentences: "Japan", "South Korea", "the European Union" (with "the" when it takes one; headings
    /// and columns drop it).
    pub name: String,
    /// The name for narrow columns and buttons ("Korea"). Optional: the name.
    #[serde(default)]
    pub short: Option<String>,
    /// The name before a noun it owns ("Japan's"). Optional: the name followed by 's.
    #[serde(default)]
    pub possessive: Option<String>,
    /// The partner's parliament, as news names it: "Diet", "National Assembly", "European Parliament". News reads
    /// "Japan's Diet"; a name that shares a word with the partner's ("European Parliament" for "the European Union")
    /// already says whose it is and reads "the European Parliament".
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

    fn partner(name: &str, short: Option<&str>, possessive: Option<&str>, legislature: &str) -> Partner {
        Partner {
            name: name.into(),
            short: short.map(Into::into),
            possessive: possessive.map(Into::into),
            legislature: legislature.into(),
            currency: CurrencyName {
                name: "euro".into(),
                code: "EUR".into(),
            },
        }
    }

    #[test]
    fn a_partner_whose_name_takes_the_article_reads_right_everywhere() {
        let eu = partner(
            "the European Union",
            Some("EU"),
            Some("the EU's"),
            "European Parliament",
        );
        let names = Names::new(&eu);
        assert_eq!(names.label(Side::Partner), "European Union");
        assert_eq!(names.with_article(Side::Partner), "the European Union");
        assert_eq!(names.subject(Side::Partner), "The European Union");
        assert_eq!(names.short(Side::Partner), "EU");
        assert_eq!(names.short_with_article(Side::Partner), "the EU");
        assert_eq!(names.possessive_subject(Side::Partner), "The EU's");
        assert_eq!(names.legislature_subject(), "The European Parliament");
    }

    #[test]
    fn a_partner_named_without_an_article_keeps_its_wording() {
        let japan = partner("Japan", None, None, "Diet");
        let names = Names::new(&japan);
        assert_eq!(names.label(Side::Partner), "Japan");
        assert_eq!(names.short_with_article(Side::Partner), "Japan");
        assert_eq!(names.legislature_subject(), "Japan's Diet");
        let korea = partner("South Korea", Some("Korea"), Some("Korea's"), "National Assembly");
        assert_eq!(Names::new(&korea).legislature(), "Korea's National Assembly");
        assert_eq!(Names::new(&korea).short_with_article(Side::Us), "the US");
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
