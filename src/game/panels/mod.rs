//! The panels of the table, each an egui drawing function over a view of the core's state:
//! the top bar, the levers, the offer table, the preview, the dashboard of charts, and the news feed.

pub mod dashboard;
pub mod levers;
pub mod news;
pub mod offer;
pub mod preview;
pub mod top_bar;

use crate::sim::Scenario;
use crate::sim::package::{Issue, IssueTarget};

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

/// How an option of an issue reads: `12.5%`, `$550bn`, `$7bn/yr`, `75%`, `yes`.
pub fn option_text(scenario: &Scenario, issue: &Issue, option: usize) -> String {
    let value = issue.options[option];
    match issue.target {
        IssueTarget::Instrument(_) => issue.format_option(value, ""),
        IssueTarget::Lever(i) => lever_level_text(scenario, i, value),
    }
}

/// How a level of a Japanese lever reads, in the same form as the table: `$7bn/yr`, `75%`, `yes`.
pub fn lever_level_text(scenario: &Scenario, lever: usize, level: f64) -> String {
    let unit = scenario.japan_levers[lever].unit.as_str();
    match unit {
        "$bn/yr" => format!("${}bn/yr", trim(level)),
        "$bn" => format!("${}bn", trim(level)),
        "share" => format!("{}%", trim(level * 100.0)),
        "yes/no" => (if level > 0.0 { "yes" } else { "no" }).to_string(),
        _ => format!("{} {unit}", trim(level)),
    }
}

/// The explanation of an issue's instrument or lever, from the scenario.
pub fn explanation<'a>(scenario: &'a Scenario, issue: &Issue) -> &'a str {
    match issue.target {
        IssueTarget::Instrument(i) => &scenario.us_instruments[i].explanation,
        IssueTarget::Lever(i) => &scenario.japan_levers[i].explanation,
    }
}

fn trim(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
