//! Every number a scenario accepts keeps the model finite: the shipped scenario with one numeric literal replaced
//! by a random value (huge, tiny, negative, zero) is either refused by the validator, or plays an AI-vs-AI game
//! whose report holds no NaN or infinite figure (serde_json writes those as `null`).

use proptest::prelude::*;
use tradetable_core::Side;
use tradetable_core::ai::play::play;
use tradetable_core::ai::{Opponent, Strategy as AiStrategy};
use tradetable_core::analysis::report::GameReport;
use tradetable_core::scenario::parse::DEFAULT_SCENARIO;
use tradetable_core::scenario::schema::Scenario;

/// Report fields that are `Option`s and so may rightly be `null`.
const OPTIONAL_FIELDS: &[&str] = &["terms", "actual_deal", "label", "real_deal", "first_concession"];

/// The byte ranges of the numeric literals of `text` outside strings and comments.
fn numeric_literals(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    let mut in_string = false;
    while at < bytes.len() {
        let c = bytes[at];
        if in_string {
            match c {
                b'\\' => at += 1,
                b'"' => in_string = false,
                _ => {}
            }
            at += 1;
        } else if c == b'"' {
            in_string = true;
            at += 1;
        } else if c == b'/' && bytes.get(at + 1) == Some(&b'/') {
            at = text[at..].find('\n').map_or(bytes.len(), |n| at + n);
        } else if (c.is_ascii_digit() || c == b'-') && at > 0 && !bytes[at - 1].is_ascii_alphanumeric() {
            let end = text[at + 1..]
                .find(|ch: char| !(ch.is_ascii_digit() || matches!(ch, '.' | 'e' | 'E' | '-' | '+')))
                .map_or(bytes.len(), |n| at + 1 + n);
            if text[at..end].bytes().any(|b| b.is_ascii_digit()) {
                found.push(at..end);
            }
            at = end;
        } else {
            at += 1;
        }
    }
    found
}

/// Paths of the `null`s in a report that are not optional fields: each one a NaN or infinite figure.
fn non_finite_figures(value: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Null => {
            let field = path.rsplit('.').next().unwrap_or_default();
            if !OPTIONAL_FIELDS.contains(&field) {
                out.push(path.to_string());
            }
        }
        serde_json::Value::Number(n) if n.as_f64().is_some_and(|x| !x.is_finite()) => out.push(path.to_string()),
        serde_json::Value::Array(items) => {
            for (k, item) in items.iter().enumerate() {
                non_finite_figures(item, &format!("{path}[{k}]"), out);
            }
        }
        serde_json::Value::Object(fields) => {
            for (key, item) in fields {
                non_finite_figures(item, &format!("{path}.{key}"), out);
            }
        }
        _ => {}
    }
}

fn replacement() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("1e308".to_string()),
        Just("-1e308".to_string()),
        Just("1e-308".to_string()),
        Just("-1e-308".to_string()),
        Just("0.0".to_string()),
        Just("0".to_string()),
        Just("4294967295".to_string()),
        (-1.0e4..1.0e4f64).prop_map(|x| format!("{x:?}")),
        (-1.0..1.0f64).prop_map(|x| format!("{x:?}")),
        (-300..300i32).prop_map(|e| format!("1e{e}")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn an_accepted_scenario_never_yields_a_non_finite_figure(pick in any::<prop::sample::Index>(), value in replacement(), seed in 0..1000u64) {
        let literals = numeric_literals(DEFAULT_SCENARIO);
        let range = literals[pick.index(literals.len())].clone();
        let text = format!("{}{value}{}", &DEFAULT_SCENARIO[..range.start], &DEFAULT_SCENARIO[range.end..]);
        if let Ok(scenario) = Scenario::from_ron_str(&text, "mutated") {
            let mut us = Opponent::Strategy(AiStrategy::Boulware).agent(&scenario, Side::Us).unwrap();
            let mut partner = Opponent::Strategy(AiStrategy::Linear).agent(&scenario, Side::Partner).unwrap();
            let state = play(&scenario, seed, us.as_mut(), partner.as_mut());
            let report = serde_json::to_value(GameReport::new(&scenario, &state, "boulware", "linear")).unwrap();
            let mut bad = Vec::new();
            non_finite_figures(&report, "", &mut bad);
            prop_assert!(
                bad.is_empty(),
                "{} -> {value} at byte {}: non-finite figures at {bad:?}",
                &DEFAULT_SCENARIO[range.clone()],
                range.start
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Untrusted bytes in the translations block (cut, or with RON punctuation, odd keys and broken UTF-8 spliced
    /// in) never panic: the file is refused with its problems, or loads and translates with its hash unchanged.
    #[test]
    fn a_mangled_translation_is_refused_or_loads_and_never_panics(
        pick in any::<prop::sample::Index>(),
        cut in 0..200usize,
        piece in prop::sample::select(vec![
            "", "{", "}", "(", ")", ",", ":", "\"", "\"ja\": (),", "99999999999999999999999: \"x\",", "-1: \"x\",",
            "7: \"\",", "title: None,", "\u{3000}", "\"zz\": \"x\",",
        ]),
        broken_utf8 in any::<bool>(),
    ) {
        let block = DEFAULT_SCENARIO.find("    translations: {").expect("the Japanese block");
        let bytes = DEFAULT_SCENARIO.as_bytes();
        let at = block + pick.index(bytes.len() - block);
        let end = (at + cut).min(bytes.len());
        let mut mangled = bytes[..at].to_vec();
        mangled.extend_from_slice(piece.as_bytes());
        if broken_utf8 {
            mangled.extend_from_slice(&[0xE6, 0x97]);
        }
        mangled.extend_from_slice(&bytes[end..]);
        if let Ok(scenario) = Scenario::from_ron_bytes(&mangled, "mangled") {
            for code in scenario.languages() {
                prop_assert_eq!(&scenario.in_language(code).text_hash, &scenario.text_hash);
                let _ = scenario.missing_translations(code);
            }
        }
    }
}

#[test]
fn the_literal_finder_sees_the_shipped_figures() {
    let literals = numeric_literals(DEFAULT_SCENARIO);
    assert!(literals.len() > 200, "found only {}", literals.len());
    assert!(literals.iter().any(|r| &DEFAULT_SCENARIO[r.clone()] == "-2.0"));
    assert!(
        literals
            .iter()
            .all(|r| DEFAULT_SCENARIO[r.clone()].parse::<f64>().is_ok()),
        "every literal found is a number"
    );
}
