//! Personalities in the scenario file: optional, and every mistake in one is named with its line and column.

use tradetable_core::Scenario;
use tradetable_core::scenario::parse::DEFAULT_SCENARIO;

fn problems_of(text: &str) -> String {
    match Scenario::from_ron_str(text, "edited.ron") {
        Ok(_) => String::new(),
        Err(error) => error.to_string(),
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("the needle is in the text")
        + 1
}

#[test]
fn a_scenario_without_personalities_is_valid_and_has_none() {
    let start = DEFAULT_SCENARIO
        .find("    personalities: [")
        .expect("the default scenario has personalities");
    let end = DEFAULT_SCENARIO[start..].find("\n    ],\n").unwrap() + start + "\n    ],\n".len();
    let mut without = format!("{}{}", &DEFAULT_SCENARIO[..start], &DEFAULT_SCENARIO[end..]);
    // Their translations go with them: a translation of a personality the scenario lacks is an error.
    let start = without
        .find("            personalities: {")
        .expect("the Japanese names of the personalities");
    let end = without[start..].find("\n            },\n").unwrap() + start + "\n            },\n".len();
    without.replace_range(start..end, "");
    let scenario = Scenario::from_ron_str(&without, "without.ron").expect("personalities are optional");
    assert!(scenario.personalities.is_empty());
}

#[test]
fn an_unknown_objective_in_a_personality_is_named_with_its_line() {
    let text = DEFAULT_SCENARIO.replace(
        r#"{"deficit": 2.0, "revenue": 1.5}"#,
        r#"{"deficit": 2.0, "tarifs": 1.5}"#,
    );
    let problems = problems_of(&text);
    let line = line_of(&text, r#""tarifs": 1.5"#);
    assert!(
        problems.contains(&format!("edited.ron:{line}:"))
            && problems.contains("personalities[0].objective_weights.tarifs: unknown objective of that side"),
        "{problems}"
    );
}

#[test]
fn partner_cannot_plan_a_threat() {
    let text = DEFAULT_SCENARIO.replace(
        r#"(round: 1, act: Implement(lever: "lng_energy", level: 3.5)),"#,
        r#"(round: 1, act: Threaten(instrument: "aftp_blanket", rate: 0.2)),"#,
    );
    let problems = problems_of(&text);
    assert!(
        problems.contains("only the United States may threaten; this personality plays Japan"),
        "{problems}"
    );
    // The US personality above makes the same threat: the problem is on the second one, Japan's.
    let line = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(r#"act: Threaten(instrument: "aftp_blanket", rate: 0.2)"#))
        .map(|(n, _)| n + 1)
        .last()
        .unwrap();
    assert!(problems.contains(&format!("edited.ron:{line}:")), "{problems}");
}

#[test]
fn a_red_line_no_option_can_meet_is_refused() {
    let text = DEFAULT_SCENARIO.replace("limit: AtMost(0.125)", "limit: AtLeast(0.9)");
    let problems = problems_of(&text);
    assert!(
        problems.contains("red_lines[0].limit: no option of \"s232_autos\""),
        "{problems}"
    );
}

#[test]
fn a_gesture_must_use_one_of_the_levers_options() {
    let text = DEFAULT_SCENARIO.replace(
        r#"Implement(lever: "investment", level: 100.0)"#,
        r#"Implement(lever: "investment", level: 120.0)"#,
    );
    let problems = problems_of(&text);
    assert!(problems.contains("120 is not one of the options"), "{problems}");
    let line = line_of(&text, "level: 120.0");
    assert!(problems.contains(&format!("edited.ron:{line}:")), "{problems}");
}
