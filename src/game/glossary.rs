//! The terms of the trade talks and what they mean: a tooltip for every label that uses one, and the glossary
//! window.

use bevy_egui::egui;

use tradetable_core::Scenario;

/// Each term and its explanation.
pub const TERMS: &[(&str, &str)] = &[
    (
        "USJTA",
        "US–Japan Trade Agreement (2019): Japan cut tariffs on US farm goods such as beef, pork and cheese. If the \
         Diet suspends it, Japan's MFN tariffs apply to US goods and US farm exports suffer.",
    ),
    (
        "Section 232",
        "Section 232 of the Trade Expansion Act of 1962: tariffs on imports that threaten US national security — \
         used for steel and aluminium, autos and parts, and probes of chips, medicines, copper and lumber.",
    ),
    (
        "AFTP",
        "America First Trade Policy: the January 2025 memo ordering reviews of trade deficits; a blanket tariff of \
         10–20% on all imports was floated.",
    ),
    (
        "RTT",
        "Reciprocal Trade and Tariffs: tariffs matched line by line to a partner's tariffs, plus the equivalent of \
         its non-tariff barriers.",
    ),
    (
        "NTB",
        "Non-tariff barrier: a rule that keeps out imports without a tariff — quotas, safety standards, \
         plant-health rules, subsidies.",
    ),
    (
        "FMVSS",
        "Federal Motor Vehicle Safety Standards: US car safety rules. Japan re-certifies US cars to its own rules; \
         accepting FMVSS removes an NTB named by the US Trade Representative.",
    ),
    (
        "MFN",
        "Most-favoured-nation tariff: the normal rate a country charges every WTO member without a trade agreement \
         (e.g. 2.5% on cars in the US, 38.5% on beef in Japan).",
    ),
    (
        "LNG",
        "Liquefied natural gas. Japan imports about 66 Mt a year, under 10% of it from the US; buying more is one of \
         Japan's offers.",
    ),
    (
        "CPTPP",
        "Comprehensive and Progressive Agreement for Trans-Pacific Partnership: the eleven-country trade pact Japan \
         joined in 2018 after the US left its predecessor. Its tariff cuts (e.g. on beef) set the level the US asked \
         Japan to match.",
    ),
    (
        "Diet",
        "Japan's parliament. Its upper house voted in July 2025; the ruling coalition lost its majority.",
    ),
    (
        "quota",
        "A tariff-rate quota: imports up to the quota pay a lower (here: no extra) tariff.",
    ),
];

/// The definitions of the glossary terms that `text` mentions.
pub fn terms_in(text: &str) -> Vec<(&'static str, &'static str)> {
    TERMS.iter().filter(|(term, _)| text.contains(term)).copied().collect()
}

/// Adds the definitions of the terms `text` mentions to a hover text, below `lead` (if any).
pub fn hover_text(lead: &str, text: &str) -> String {
    let mut out = String::from(lead);
    for (term, meaning) in terms_in(&format!("{lead} {text}")) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&format!("{term}: {meaning}"));
    }
    out
}

/// A label with a tooltip explaining it and every glossary term it mentions.
pub fn label(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>, explanation: &str) -> egui::Response {
    let text = text.into();
    let plain = text.text().to_string();
    let response = ui.label(text);
    let hover = hover_text(explanation, &plain);
    if hover.is_empty() {
        response
    } else {
        response.on_hover_ui(|ui| {
            ui.set_max_width(360.0);
            ui.label(hover);
        })
    }
}

/// The terms a scenario uses: those its title, description, partner, agreement, sectors, instruments and levers
/// mention, so a game with another partner is not shown the terms of Japan's table.
pub fn terms_of(scenario: &Scenario) -> Vec<(&'static str, &'static str)> {
    let mut text = format!(
        "{} {} {} {} {}",
        scenario.title,
        scenario.description,
        scenario.partner.name,
        scenario.partner.legislature,
        scenario.agreement_name()
    );
    for sector in &scenario.sectors {
        text.push_str(&format!(" {}", sector.name));
    }
    for instrument in &scenario.us_instruments {
        text.push_str(&format!(" {} {}", instrument.name, instrument.explanation));
    }
    for lever in &scenario.partner_levers {
        text.push_str(&format!(" {} {}", lever.name, lever.explanation));
    }
    terms_in(&text)
}

/// The glossary of a scenario's terms as a list, for its window.
pub fn glossary(ui: &mut egui::Ui, scenario: &Scenario) {
    for (term, meaning) in terms_of(scenario) {
        ui.label(egui::RichText::new(term).strong());
        ui.label(meaning);
        ui.add_space(4.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Abbreviations every player knows, which need no entry.
    const EVERYDAY: &[&str] = &["US", "EU", "UK", "WTO"];

    /// The words of `text` written in capitals (two letters or more), e.g. "FMVSS" or "LNG".
    fn abbreviations(text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|word| word.chars().count() >= 2 && word.chars().all(|c| c.is_ascii_uppercase()))
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn every_abbreviation_on_a_shipped_table_is_explained() {
        use tradetable_core::scenario::library::SHIPPED;
        for shipped in SHIPPED {
            let scenario = shipped.load().unwrap();
            let mut shown: Vec<&str> = vec![scenario.title.as_str(), scenario.partner.legislature.as_str()];
            shown.extend(scenario.us_instruments.iter().map(|i| i.name.as_str()));
            shown.extend(scenario.partner_levers.iter().map(|l| l.name.as_str()));
            shown.extend(scenario.sectors.iter().map(|s| s.name.as_str()));
            for text in shown {
                for word in abbreviations(text) {
                    assert!(
                        EVERYDAY.contains(&word.as_str()) || terms_in(text).iter().any(|(term, _)| *term == word),
                        "{}: \"{text}\" uses {word}, which the glossary does not explain",
                        shipped.name()
                    );
                }
            }
        }
    }

    #[test]
    fn abbreviations_are_the_words_in_capitals() {
        assert_eq!(
            abbreviations("Recognise US auto safety standards (FMVSS)"),
            ["US", "FMVSS"]
        );
        assert!(abbreviations("Section 232: autos").is_empty());
    }

    #[test]
    fn the_default_scenario_lists_the_terms_of_its_table() {
        let scenario = Scenario::builtin().unwrap();
        let terms: Vec<&str> = terms_of(&scenario).iter().map(|(term, _)| *term).collect();
        for term in ["USJTA", "Section 232", "FMVSS", "Diet"] {
            assert!(terms.contains(&term), "{term} missing from {terms:?}");
        }
    }

    #[test]
    fn a_label_naming_section_232_explains_it() {
        let found = terms_in("Section 232 tariff on autos and parts");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "Section 232");
    }
}
