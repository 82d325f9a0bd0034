//! Helpers shared by the integration tests: loading fixtures and playing scripted turns.
#![allow(dead_code)]

use std::path::PathBuf;

use tradetable_core::{GameState, Move, Scenario, apply};

/// The path of a file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The two-sector scenario whose numbers can be checked by hand.
pub fn two_sectors() -> Scenario {
    tradetable::storage::load_scenario(&fixture("two-sectors.ron")).expect("the two-sector fixture is valid")
}

/// The two-sector scenario with some text replaced, for rules that need other parameters.
pub fn two_sectors_with(replacements: &[(&str, &str)]) -> Scenario {
    let mut text = std::fs::read_to_string(fixture("two-sectors.ron")).unwrap();
    for (from, to) in replacements {
        assert!(text.contains(from), "fixture has no {from:?}");
        text = text.replacen(from, to, 1);
    }
    Scenario::from_ron_str(&text, "two-sectors (modified)").expect("the modified fixture is valid")
}

/// The path of the shipped default scenario.
pub fn scenario_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios/spring-2025.ron")
}

/// The shipped default scenario.
pub fn spring_2025() -> Scenario {
    tradetable::storage::load_scenario(&scenario_path()).expect("the default scenario is valid")
}

/// Applies a move that must be legal.
pub fn play(scenario: &Scenario, state: &GameState, mv: Move) -> GameState {
    apply(scenario, state, &mv)
        .unwrap_or_else(|e| panic!("{mv} should be legal: {e}"))
        .state
}

/// Both sides pass until the given round starts.
pub fn pass_until(scenario: &Scenario, mut state: GameState, round: u32) -> GameState {
    while state.round < round && !state.is_over() {
        state = play(scenario, &state, Move::Pass);
    }
    state
}
