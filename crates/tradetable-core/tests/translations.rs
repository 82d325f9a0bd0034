//! Scenario texts in other languages: the shipped Japanese translations are complete, translating changes words
//! only (a game on the translated scenario computes the same numbers bit for bit, and saves and records still find
//! the scenario by the same hash), and a translation of something that does not exist is refused where it is written.

use tradetable_core::ai::Strategy;
use tradetable_core::ai::play::{play, play_actual_deal};
use tradetable_core::authoring::lint::lint_scenario;
use tradetable_core::network::protocol::{read_scenario_for, scenario_for, scenario_text};
use tradetable_core::scenario::library::SHIPPED;
use tradetable_core::scenario::parse::{DEFAULT_SCENARIO, Problem, ScenarioError};
use tradetable_core::{GameState, Scenario, Side};

/// The shipped scenarios with a Japanese translation.
const TRANSLATED: [&str; 2] = ["spring-2025.ron", "tutorial.ron"];

fn shipped(file: &str) -> Scenario {
    let text = SHIPPED.iter().find(|s| s.file == file).expect("shipped").text;
    Scenario::from_ron_str(text, file).expect("a shipped scenario loads")
}

/// The game with its words blanked (headlines, the outcome's reason, the computer's reasons, which name the sides):
/// what is left is what the model and the rules computed.
fn numbers_of(mut state: GameState) -> GameState {
    for event in &mut state.news {
        std::sync::Arc::make_mut(event).text.clear();
    }
    for played in &mut state.moves {
        std::sync::Arc::make_mut(played).reasons.clear();
    }
    if let Some(outcome) = &mut state.outcome {
        outcome.reason.clear();
    }
    state
}

#[test]
fn the_shipped_japanese_translations_leave_no_text_out() {
    for file in TRANSLATED {
        let scenario = shipped(file);
        assert_eq!(scenario.languages().collect::<Vec<_>>(), ["ja"], "{file}");
        let missing = scenario.missing_translations("ja");
        assert!(missing.is_empty(), "{file}: {missing:#?}");
        let lints: Vec<_> = lint_scenario(&scenario, 2)
            .into_iter()
            .filter(|l| l.check == "missing_translation")
            .collect();
        assert!(lints.is_empty(), "{file}: {lints:#?}");
    }
}

#[test]
fn translating_changes_the_words_and_nothing_the_game_computes() {
    for file in TRANSLATED {
        let english = shipped(file);
        let japanese = english.in_language("ja");
        assert_ne!(japanese.title, english.title);
        assert_eq!(japanese.partner.name, "日本");
        assert_eq!(japanese.names().possessive(Side::Partner), "日本の");
        assert_eq!(
            japanese.names().legislature(),
            "日本の国会",
            "no space inside Japanese words"
        );
        assert_eq!(english.names().legislature(), "Japan's Diet");
        assert!(
            japanese.sectors.iter().all(|s| !s.name.is_ascii()),
            "{file}: every sector name is translated"
        );
        assert!(
            japanese
                .partner_levers
                .iter()
                .all(|l| !l.name.is_ascii() && !l.explanation.is_ascii())
        );
        // What saves, records and table codes name the scenario by stays.
        assert_eq!(japanese.id, english.id);
        assert_eq!(japanese.text_hash, english.text_hash);
        // The same games, bit for bit.
        for seed in [1, 7, 42] {
            let game = |s: &Scenario| {
                let mut us = Strategy::Linear.agent(Side::Us);
                let mut partner = Strategy::Conceder.agent(Side::Partner);
                numbers_of(play(s, seed, us.as_mut(), partner.as_mut()))
            };
            let (a, b) = (game(&english), game(&japanese));
            assert!(
                a.news.len() > 3 && a.outcome.is_some(),
                "{file}, seed {seed}: a whole game was played"
            );
            assert!(
                a == b,
                "{file}, seed {seed}: the translated scenario played a different game"
            );
        }
        if english.actual_deal.is_some() {
            let a = play_actual_deal(&english, 3).map(numbers_of);
            let b = play_actual_deal(&japanese, 3).map(numbers_of);
            assert!(a == b, "{file}: the real deal played differently");
        }
    }
}

#[test]
fn an_unknown_language_leaves_the_scenario_as_it_is() {
    let english = shipped("spring-2025.ron");
    let same = english.in_language("xx");
    assert_eq!(format!("{same:?}"), format!("{english:?}"));
    assert!(english.missing_translations("xx").is_empty());
}

#[test]
fn a_scenario_without_translations_still_loads_and_lints_clean_of_them() {
    for shipped_file in SHIPPED.iter().filter(|s| !TRANSLATED.contains(&s.file)) {
        let scenario = Scenario::from_ron_str(shipped_file.text, shipped_file.file).unwrap();
        assert_eq!(scenario.languages().count(), 0, "{}", shipped_file.file);
        assert_eq!(scenario.in_language("ja").title, scenario.title);
    }
}

/// The problems of a scenario text that does not load.
fn problems(text: &str) -> Vec<Problem> {
    match Scenario::from_ron_str(text, "test.ron") {
        Err(ScenarioError::Invalid { problems, .. }) => problems,
        other => panic!("expected problems, got {other:?}"),
    }
}

/// The 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("present")].matches('\n').count() + 1
}

#[test]
fn a_translation_of_a_lever_that_does_not_exist_is_refused_at_its_line() {
    let text = DEFAULT_SCENARIO.replacen("\"fmvss\": (\n", "\"fmvs\": (\n", 1);
    assert_ne!(
        text, DEFAULT_SCENARIO,
        "the Japanese block translates the lever by its id"
    );
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    let problem = &found[0];
    assert_eq!(problem.path, "translations.ja.partner_levers.fmvs");
    assert!(
        problem.message.contains("unknown partner lever \"fmvs\""),
        "{}",
        problem.message
    );
    assert_eq!(problem.help.as_deref(), Some("did you mean \"fmvss\"?"));
    let position = problem.position.expect("located");
    assert_eq!(position.line, line_of(&text, "\"fmvs\": ("));
}

#[test]
fn translations_of_an_objective_an_event_or_a_place_that_do_not_exist_are_refused() {
    let cases = [
        (
            "\"concessions\": \"譲歩を小さく\"",
            "\"giveaways\": \"譲歩を小さく\"",
            "translations.ja.objectives.partner.giveaways",
        ),
        (
            "\"rice_leak\": \"コメ",
            "\"rice_leaks\": \"コメ",
            "translations.ja.random_events.rice_leaks",
        ),
        (
            "5: \"日本への24%",
            "9: \"日本への24%",
            "translations.ja.scheduled_events.9",
        ),
        ("\"ja\": (\n", "\"japanese\": (\n", "translations.japanese"),
        ("title: \"2025年春", "title: \" \", // \"", "translations.ja.title"),
    ];
    for (from, to, path) in cases {
        let text = DEFAULT_SCENARIO.replacen(from, to, 1);
        assert_ne!(text, DEFAULT_SCENARIO, "{from}");
        let found = problems(&text);
        assert!(
            found.iter().any(|p| p.path == path && p.position.is_some()),
            "{path}: {found:#?}"
        );
    }
}

#[test]
fn a_language_that_leaves_a_text_out_is_a_warning_naming_the_language_and_the_text() {
    let text = DEFAULT_SCENARIO.replacen("                \"yen_weakens\": \"円がドルに対して下落\",\n", "", 1);
    assert_ne!(text, DEFAULT_SCENARIO);
    let scenario = Scenario::from_ron_str(&text, "test.ron").expect("a gap is no error");
    let lints: Vec<_> = lint_scenario(&scenario, 2)
        .into_iter()
        .filter(|l| l.check == "missing_translation")
        .collect();
    assert_eq!(lints.len(), 1, "{lints:#?}");
    assert_eq!(lints[0].path, "translations.ja.random_events.yen_weakens");
    assert!(lints[0].message.contains("\"ja\""), "{}", lints[0].message);
    assert!(
        lints[0].message.contains("The yen slides against the dollar"),
        "{}",
        lints[0].message
    );
    // The untranslated text stays in English in the Japanese scenario.
    let japanese = scenario.in_language("ja");
    let k = japanese
        .random_events
        .iter()
        .position(|e| e.id == "yen_weakens")
        .unwrap();
    assert_eq!(japanese.random_events[k].news, "The yen slides against the dollar");
    assert_eq!(japanese.random_events[k + 1].news, "投資家の安全志向で円高が進む");
}

#[test]
fn a_sides_view_carries_none_of_the_other_sides_secrets_in_any_language() {
    let scenario = shipped("spring-2025.ron");
    let partner_goals = scenario.in_language("ja").briefs.unwrap().partner.goals;
    let view = scenario_for(&scenario, Side::Us, false);
    let text = scenario_text(&view);
    assert!(
        !text.contains(&partner_goals),
        "the partner's brief, in Japanese, reached the US laptop"
    );
    assert!(
        !text.contains("慎重な内閣"),
        "a partner personality's name reached the US laptop"
    );
    assert!(
        !text.contains("内閣支持率を保つ"),
        "a partner objective reached the US laptop"
    );
    let read = read_scenario_for(&text, Side::Us).expect("the view is playable");
    assert_eq!(
        read.in_language("ja").briefs.unwrap().us.goals,
        scenario.in_language("ja").briefs.unwrap().us.goals
    );
}

/// Untrusted bytes in a translations block never panic: cut, repeated, or with RON punctuation, odd keys (places out
/// of range, negative, past `usize`) and broken UTF-8 spliced in, a file is either refused with its problems or
/// loads and translates.
#[test]
fn a_mangled_translations_block_is_refused_or_loads_and_never_panics() {
    use rand::rngs::ChaCha8Rng;
    use rand::{RngExt, SeedableRng};
    let text = DEFAULT_SCENARIO.as_bytes();
    let block = DEFAULT_SCENARIO
        .find("    translations: {")
        .expect("the Japanese block");
    let pieces: [&[u8]; 14] = [
        b"{",
        b"}",
        b"(",
        b")",
        b",",
        b":",
        b"\"",
        b"\"ja\": (),",
        b"99999999999999999999999: \"x\",",
        b"-1: \"x\",",
        b"7: \"\",",
        b"title: None,",
        "\u{3000}".as_bytes(),
        &[0xE6, 0x97],
    ];
    let mut rng = ChaCha8Rng::seed_from_u64(22);
    let mut loaded = 0;
    for _ in 0..400 {
        let mut bytes = text.to_vec();
        let at = rng.random_range(block..bytes.len());
        match rng.random_range(0..3) {
            0 => {
                let end = (at + rng.random_range(1..200)).min(bytes.len());
                bytes.drain(at..end);
            }
            1 => {
                let end = (at + rng.random_range(1..400)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            _ => {
                let piece = pieces[rng.random_range(0..pieces.len())];
                bytes.splice(at..at, piece.iter().copied());
            }
        }
        if let Ok(scenario) = Scenario::from_ron_bytes(&bytes, "mangled.ron") {
            loaded += 1;
            for code in scenario.languages().map(str::to_string).collect::<Vec<_>>() {
                let translated = scenario.in_language(&code);
                assert_eq!(translated.text_hash, scenario.text_hash);
                let _ = scenario.missing_translations(&code);
            }
        }
    }
    assert!(loaded > 0, "some mutations (inside a text) still load");
}

#[test]
fn a_scenario_may_be_translated_into_only_so_many_languages() {
    use tradetable_core::scenario::translation::MAX_LANGUAGES;
    let mut scenario = shipped("spring-2025.ron");
    let ja = scenario.translations["ja"].clone();
    for k in 0..MAX_LANGUAGES {
        scenario.translations.insert(format!("x{k:02}"), ja.clone());
    }
    let text = tradetable_core::network::protocol::scenario_text(&scenario);
    let refused = Scenario::from_ron_str(&text, "many.ron").unwrap_err().to_string();
    assert!(
        refused.contains(&format!("expected at most {MAX_LANGUAGES} languages")),
        "{refused}"
    );
}
