//! Scenario files: every shipped one validates, and every broken fixture gets an error naming its file, line,
//! column and what was expected — never a panic, never a silent default.

mod common;

use std::path::PathBuf;
use std::process::Command;

use tradetable_core::Scenario;
use tradetable_core::scenario::parse::ScenarioError;

#[test]
fn every_shipped_scenario_validates() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            tradetable::storage::load_scenario(&path).unwrap_or_else(|e| panic!("{e}"));
            count += 1;
        }
    }
    assert!(count >= 1, "no scenarios found");
}

/// A broken scenario made as a small edit of the shipped one: (name, text to replace, replacement, where in the
/// replacement the error must point, words the message must contain).
const BROKEN: &[(&str, &str, &str, &str, &str)] = &[
    (
        "syntax-missing-comma",
        "    rounds: 8,\n",
        "    rounds: 8\n",
        "",
        "Expected comma",
    ),
    // The parser points just after the colon.
    (
        "wrong-type",
        "rounds: 8,",
        "rounds: \"eight\",",
        " \"eight\"",
        "Expected integer",
    ),
    (
        "unknown-field",
        "us_import_elasticity: -2.0,",
        "us_import_elasticty: -2.0,",
        "us_import_elasticty",
        "Unexpected field named `us_import_elasticty`",
    ),
    (
        "negative-flow",
        "us_exports_bn: 5.4,",
        "us_exports_bn: -5.4,",
        "-5.4",
        "sectors[3].us_exports_bn: expected $bn from 0 to 10000 (a plausible trade or money figure), found -5.4",
    ),
    (
        "positive-elasticity",
        "us_import_elasticity: -1.5,",
        "us_import_elasticity: 1.5,",
        "1.5",
        "sectors[4].us_import_elasticity: expected a negative import-demand elasticity",
    ),
    (
        "unknown-sector",
        "sectors: [\"steel\"],",
        "sectors: [\"trucks\"],",
        "\"trucks\"",
        "unknown sector \"trucks\"; expected one of",
    ),
    (
        "zero-rounds",
        "rounds: 8,",
        "rounds: 0,",
        "0,",
        "rounds: expected at least 1 round, found 0",
    ),
    (
        "duplicate-id",
        "id: \"auto_parts\",",
        "id: \"autos\",",
        "\"autos\"",
        "sectors[1].id: duplicate id \"autos\"",
    ),
    (
        "bad-deal-term",
        "\"s232_autos\": 0.125,",
        "\"s232_autos\": 0.15,",
        "0.15",
        "0.15 is not one of the options [0.0, 0.125, 0.25] of \"s232_autos\"",
    ),
    (
        "unknown-lever-reaction",
        "Lever(\"security_coop\")",
        "Lever(\"security_cooperation\")",
        "Lever",
        "unknown partner lever \"security_cooperation\"",
    ),
    (
        "instrument-read-as-a-lever",
        "indicator: TariffPoints(\"rtt_reciprocal\")",
        "indicator: Lever(\"rtt_reciprocal\")",
        "Lever",
        "write TariffPoints(\"rtt_reciprocal\"): a US rate is read in percentage points",
    ),
    (
        "starting-rate-not-an-option",
        "rate_now: 0.0,",
        "rate_now: 0.1,",
        "0.1",
        "us_instruments[0].rate_now: 0.1 is not one of the options [0.0, 0.125, 0.25] of \"s232_autos\"",
    ),
    (
        "scheduled-rate-not-an-option",
        "TariffTakesEffect(instrument: \"s232_steel\", rate: 0.25)",
        "TariffTakesEffect(instrument: \"s232_steel\", rate: 0.3)",
        "0.3",
        "scheduled_events[0].kind.rate: 0.3 is not one of the options [0.0, 0.25, 0.5] of \"s232_steel\"",
    ),
    (
        "deal-leaves-a-term-out",
        "terms: {\n            \"s232_autos\": 0.125,\n",
        "terms: {\n",
        "{",
        "actual_deal.terms: the deal gives no level for \"s232_autos\"",
    ),
    (
        "probability-above-one",
        "probability: 0.12,",
        "probability: 1.2,",
        "1.2",
        "random_events[0].probability: expected a value from 0 to 1, found 1.2",
    ),
    (
        "history-change-without-source",
        "source: \"Steel and aluminium 50% from 4 June 2025 (DOMAIN.md section 3).\",",
        "source: \"\",",
        "\"\"",
        "history.changes[3].source: expected a non-empty text",
    ),
    (
        "objective-without-source",
        "source: \"Gallup: 47% in January, 40% by August 2025; the scale spans ten points either side of 45% (our reasoning).\"",
        "source: \" \"",
        "\" \"",
        "objectives.us[7].source: expected a non-empty text",
    ),
    (
        "unknown-history-instrument",
        "set: {\"s232_steel\": 0.5},",
        "set: {\"s232_stel\": 0.5},",
        "0.5",
        "unknown instrument or lever \"s232_stel\"",
    ),
];

/// The shipped scenario with its first `from` replaced, and the 1-based line and column where the replacement's `at` starts.
fn broken(from: &str, to: &str, at: &str) -> (String, usize, usize) {
    let shipped = std::fs::read_to_string(common::scenario_path()).unwrap();
    assert!(shipped.contains(from), "{from:?} is not in the shipped scenario");
    let offset = shipped.find(from).unwrap();
    let text = shipped.replacen(from, to, 1);
    // With no `at`, the error is at the start of the line after the edit (a syntax error found at the next token).
    let target = if at.is_empty() {
        offset + to.len() + text[offset + to.len()..].len() - text[offset + to.len()..].trim_start().len()
    } else {
        offset + to.find(at).unwrap()
    };
    let line = text[..target].matches('\n').count() + 1;
    let col = target - text[..target].rfind('\n').map_or(0, |i| i + 1) + 1;
    (text, line, col)
}

#[test]
fn every_broken_edit_of_the_shipped_scenario_gets_a_located_error() {
    for (name, from, to, at, words) in BROKEN {
        let (text, line, col) = broken(from, to, at);
        let label = format!("{name}.ron");
        let error = Scenario::from_ron_str(&text, &label).expect_err(name);
        let ScenarioError::Invalid { problems, .. } = &error else {
            panic!("{name}: expected problems, got {error}");
        };
        let position = problems[0]
            .position
            .unwrap_or_else(|| panic!("{name}: no position in {error}"));
        assert_eq!((position.line, position.col), (line, col), "{name}: {error}");
        let rendered = error.to_string();
        assert!(rendered.contains(words), "{name}: {rendered}");
        assert!(
            rendered.starts_with(&format!("{label}:{line}:{col}: ")),
            "{name}: {rendered}"
        );
    }
}

#[test]
fn a_file_that_is_not_ron_gets_a_located_error() {
    let path = common::fixture("broken/not-ron.ron");
    let error = tradetable::storage::load_scenario(&path).unwrap_err();
    assert!(
        error.to_string().starts_with(&format!("{}:2:1: ", path.display())),
        "{error}"
    );
    assert!(error.to_string().contains("Expected opening `(`"), "{error}");
}

#[test]
fn zero_rounds_is_reported_once_not_for_every_event() {
    let (text, ..) = broken("rounds: 8,", "rounds: 0,", "0,");
    let error = Scenario::from_ron_str(&text, "zero-rounds").unwrap_err();
    assert_eq!(error.to_string().lines().count(), 1, "{error}");
}

#[test]
fn files_over_one_mebibyte_are_refused_before_parsing() {
    let scratch = tempfile::Builder::new().prefix("tradetable-large-").tempdir().unwrap();
    let dir = scratch.path();
    let path = dir.join("huge.ron");
    std::fs::write(&path, format!("// {}\n", "x".repeat(1024 * 1024))).unwrap();
    let error = tradetable::storage::load_scenario(&path).unwrap_err();
    assert!(matches!(error, ScenarioError::TooLarge { .. }), "{error}");
    assert!(error.to_string().contains("limited to 1048576 bytes"));
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
    let good = common::scenario_path();
    let (text, line, col) = broken("us_exports_bn: 5.4,", "us_exports_bn: -5.4,", "-5.4");
    let scratch = tempfile::Builder::new()
        .prefix("tradetable-validate-")
        .tempdir()
        .unwrap();
    let dir = scratch.path();
    std::fs::create_dir_all(dir).unwrap();
    let bad = dir.join("negative-flow.ron");
    std::fs::write(&bad, text).unwrap();
    let ok = Command::new(bin).arg("validate").arg(&good).output().unwrap();
    assert!(ok.status.success());
    let out = Command::new(bin).arg("validate").arg(&good).arg(&bad).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("--> {}:{line}:{col}", bad.display())),
        "{stderr}"
    );
    assert!(stderr.contains("= note: in `sectors[3].us_exports_bn`"), "{stderr}");
}
