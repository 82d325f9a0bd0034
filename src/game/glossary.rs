//! The terms of the trade talks and what they mean: a tooltip for every label that uses one, and the glossary
//! window.

use bevy_egui::egui;

use tradetable_core::Scenario;

use crate::game::i18n::{Language, language, t};

/// Each term as the scenarios write it, with the id of its message: the term as shown, and what it means
/// (`.meaning`).
pub const TERMS: &[(&str, &str)] = &[
    ("USJTA", "menus-glossary-usjta"),
    ("Section 232", "menus-glossary-section-232"),
    ("AFTP", "menus-glossary-aftp"),
    ("RTT", "menus-glossary-rtt"),
    ("NTB", "menus-glossary-ntb"),
    ("FMVSS", "menus-glossary-fmvss"),
    ("MFN", "menus-glossary-mfn"),
    ("LNG", "menus-glossary-lng"),
    ("CPTPP", "menus-glossary-cptpp"),
    ("Diet", "menus-glossary-diet"),
    ("quota", "menus-glossary-quota"),
];

/// A term as the language in play shows it (`USJTA`; `日米貿易協定（USJTA）`), from its message id.
pub fn term_name(id: &str) -> String {
    t!(id)
}

/// What a term means, in the language in play, from its message id.
pub fn meaning(id: &str) -> String {
    t!(&format!("{id}.meaning"))
}

/// The glossary terms that `text` mentions, as (term as written, message id): by the name the scenarios write, or
/// by the name the language in play shows.
pub fn terms_in(text: &str) -> Vec<(&'static str, &'static str)> {
    TERMS
        .iter()
        .filter(|(term, id)| {
            // English shows each term as the scenarios write it: no second look (labels ask every frame).
            text.contains(term) || (language() != Language::English && text.contains(&term_name(id)))
        })
        .copied()
        .collect()
}

/// Adds the definitions of the terms `text` mentions to a hover text, below `lead` (if any).
pub fn hover_text(lead: &str, text: &str) -> String {
    let mut out = String::from(lead);
    for (_, id) in terms_in(&format!("{lead} {text}")) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&t!("menus-glossary-entry", term = term_name(id), meaning = meaning(id)));
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
    for (_, id) in terms_of(scenario) {
        ui.label(egui::RichText::new(term_name(id)).strong());
        ui.label(meaning(id));
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
    fn every_term_is_named_and_explained_in_every_language() {
        use crate::game::i18n::{Language, has_message, with_language};
        for language in Language::ALL {
            for (term, id) in TERMS {
                assert!(has_message(language, id), "{term} in {}", language.code());
                assert!(
                    has_message(language, &format!("{id}.meaning")),
                    "{term} in {}",
                    language.code()
                );
            }
        }
        let english = with_language(Language::English, || hover_text("", "Section 232 tariff"));
        assert!(
            english.starts_with("Section 232: Section 232 of the Trade Expansion Act"),
            "{english}"
        );
        let japanese = with_language(Language::Japanese, || hover_text("", "Section 232 tariff"));
        assert!(japanese.starts_with("通商拡大法232条："), "{japanese}");
    }

    #[test]
    fn a_label_naming_section_232_explains_it() {
        let found = terms_in("Section 232 tariff on autos and parts");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "Section 232");
    }
}
