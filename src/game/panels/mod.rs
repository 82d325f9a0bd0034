//! The panels of the table, each an egui drawing function over a view of the core's state:
//! the top bar, the levers, the offer table, the preview, the dashboard of charts, the news feed, the event cards
//! that open over the table, and the tutorial's coach.

pub mod coach;
pub mod dashboard;
pub mod event_cards;
pub mod levers;
pub mod news;
pub mod offer;
pub mod preview;
pub mod top_bar;

use tradetable_core::rules::package::{Issue, IssueTarget};
use tradetable_core::scenario::side::Names;
use tradetable_core::{Scenario, Side};

use crate::game::i18n::{Language, language, t};

/// A side's name for a message's sentence: in English the form the sentence needs, `english`, as the core's
/// [`Names`] gives it ("Japan's", "the United States"); in another language the side's plain name ("米国",
/// "Japan"), which its sentences decline themselves (日本の), so both languages' messages take the same variables.
pub fn side_in_sentence(names: Names, side: Side, english: impl Into<String>) -> String {
    match (language(), side) {
        (Language::English, _) => english.into(),
        (_, Side::Us) => t!("panels-united-states"),
        (_, Side::Partner) => names.label(side).to_string(),
    }
}

/// A short name for an instrument or lever, for chips and narrow columns (the full name is in the tooltip).
pub fn short_name(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("Section 232 tariff on ") {
        return format!("232: {rest}");
    }
    match name {
        "AFTP blanket tariff on all goods" => "AFTP blanket tariff".to_string(),
        _ => name.to_string(),
    }
}

/// The explanation of an issue's instrument or lever, from the scenario.
pub fn explanation<'a>(scenario: &'a Scenario, issue: &Issue) -> &'a str {
    match issue.target {
        IssueTarget::Instrument(i) => &scenario.us_instruments[i].explanation,
        IssueTarget::Lever(i) => &scenario.partner_levers[i].explanation,
        IssueTarget::Term(i) => &scenario.deal_terms[i].explanation,
        IssueTarget::CounterTariff(i) => &scenario.partner_tariffs[i].explanation,
    }
}
