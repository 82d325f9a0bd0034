//! Scenario files: every shipped one validates, and every broken fixture gets an error naming its file, line,
//! column and what was expected — never a panic, never a silent default.

mod common;

use std::path::PathBuf;
use std::process::Command;

use tradetable::sim::Scenario;
use tradetable::sim::scenario::ScenarioError;

#[test]
fn every_shipped_scenario_validates() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            Scenario::load(&path).unwrap_or_else(|e| panic!("{e}"));
            count += 1;
        }
    }
    assert!(count >= 1, "no scenarios found");
}

/// (fixture, line, column, words the message must contain)
const BROKEN: &[(&str, usize, usize, &str)] = &[
    ("syntax-missing-comma", 11, 5, "Expected comma"),
    ("wrong-type", 10, 12, "Expected integer"),
    ("unknown-field", 98, 13, "Unexpected field named `us_import_elasticty`"),
    ("missing-field", 60, 9, "missing field named `source`"),
    (
        "negative-flow",
        66,
        28,
        "sectors[3].us_exports_bn: expected a value of 0 or more, found -5.4",
    ),
    (
        "positive-elasticity",
        84,
        35,
        "sectors[4].us_import_elasticity: expected a negative import-demand elasticity",
    ),
    ("unknown-sector", 180, 32, "unknown sector \"trucks\"; expected one of"),
    ("zero-rounds", 10, 13, "rounds: expected at least 1 round, found 0"),
    ("duplicate-id", 35, 17, "sectors[1].id: duplicate id \"autos\""),
    (
        "bad-deal-term",
        581,
        27,
        "0.15 is not one of the options [0.0, 0.125, 0.25] of \"s232_autos\"",
    ),
    (
        "unknown-lever-reaction",
        386,
        37,
        "unknown instrument or lever \"security_cooperation\"",
    ),
    (
        "probability-above-one",
        509,
        26,
        "random_events[0].probability: expected a value from 0 to 1, found 1.2",
    ),
    ("not-ron", 2, 1, "Expected opening `(`"),
];

#[test]
fn every_broken_fixture_gets_a_located_error() {
    for (name, line, col, words) in BROKEN {
        let path = common::fixture(&format!("broken/{name}.ron"));
        let error = Scenario::load(&path).expect_err(name);
        let ScenarioError::Invalid { problems, .. } = &error else {
            panic!("{name}: expected problems, got {error}");
        };
        let first = &problems[0];
        let position = first
            .position
            .unwrap_or_else(|| panic!("{name}: no position in {error}"));
        assert_eq!((position.line, position.col), (*line, *col), "{name}: {error}");
        assert!(error.to_string().contains(words), "{name}: {error}");
        let rendered = error.to_string();
        let expected_prefix = format!("{}:{line}:{col}: ", path.display());
        assert!(rendered.starts_with(&expected_prefix), "{name}: {rendered}");
    }
}

#[test]
fn every_broken_fixture_is_in_the_table() {
    let dir = common::fixture("broken");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().path().file_stem().unwrap().to_string_lossy().to_string();
        assert!(BROKEN.iter().any(|(n, ..)| *n == name), "{name} has no expectation");
    }
}

#[test]
fn zero_rounds_is_reported_once_not_for_every_event() {
    let error = Scenario::load(&common::fixture("broken/zero-rounds.ron")).unwrap_err();
    assert_eq!(error.to_string().lines().count(), 1, "{error}");
}

#[test]
fn files_over_one_mebibyte_are_refused_before_parsing() {
    let dir = std::env::temp_dir().join(format!("tradetable-large-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.ron");
    std::fs::write(&path, format!("// {}\n", "x".repeat(1024 * 1024))).unwrap();
    let error = Scenario::load(&path).unwrap_err();
    assert!(matches!(error, ScenarioError::TooLarge { .. }), "{error}");
    assert!(error.to_string().contains("limited to 1048576 bytes"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn hostile_input_never_panics() {
    let inputs = [
        String::new(),
        "(".repeat(10_000),
        "[".repeat(10_000),
        "(id: \"x\", rounds: 99999999999999999999)".to_string(),
        "\u{0}\u{1}\u{2}".to_string(),
        "(id: \"unterminated".to_string(),
    ];
    for text in inputs {
        assert!(Scenario::from_ron_str(&text, "hostile").is_err());
    }
}

#[test]
fn validate_prints_file_line_column_and_exits_non_zero() {
    let bin = env!("CARGO_BIN_EXE_tradetable");
    let good = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios/spring-2025.ron");
    let bad = common::fixture("broken/negative-flow.ron");
    let ok = Command::new(bin).arg("validate").arg(&good).output().unwrap();
    assert!(ok.status.success());
    let out = Command::new(bin).arg("validate").arg(&good).arg(&bad).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}:66:28: sectors[3].us_exports_bn", bad.display())),
        "{stderr}"
    );
}
