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

use crate::game::i18n::{Language, language, side_name};

/// A side's name for a message's sentence: in English the form the sentence needs, `english`, as the core's
/// [`Names`] gives it ("Japan's", "the United States"); in another language the side's plain name ("米国",
/// "Japan"), which its sentences decline themselves (日本の), so both languages' messages take the same variables.
pub fn side_in_sentence(names: Names, side: Side, english: impl Into<String>) -> String {
    match language() {
        Language::English => english.into(),
        _ => side_name(names, side),
    }
}

/// A short name for an instrument or lever, for chips and narrow columns (the full name is in the tooltip).
pub fn short_name(name: &str) -> String {
    // The shipped scenarios' long names, in English and in their Japanese translation.
    if let Some(rest) = name.strip_prefix("Section 232 tariff on ") {
        return format!("232: {rest}");
    }
    if let Some(goods) = name.strip_suffix("への通商拡大法232条関税") {
        return format!("232条：{goods}");
    }
    match name {
        "AFTP blanket tariff on all goods" => "AFTP blanket tariff".to_string(),
        "全品目へのAFTP一律関税" => "AFTP一律関税".to_string(),
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
