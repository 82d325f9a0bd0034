//! Scenario diagnostics as an author reads them: each kind of error, made by a small edit of the shipped scenario,
//! rendered with its source line, field path and help (snapshots in `tests/snapshots/`), and `validate --format
//! json` and `negotiate` refusing what they cannot use.

use std::path::PathBuf;
use std::process::{Command, Output};

use tradetable_core::authoring::diagnostics::{render_error, renderer};
use tradetable_core::scenario::parse::{DEFAULT_SCENARIO, ScenarioError};
use tradetable_core::scenario::schema::Scenario;

/// The label the broken texts are reported under, the same on every machine.
const LABEL: &str = "spring-2025.ron";

/// The shipped scenario with its first `from` replaced by `to`.
fn edited(from: &str, to: &str) -> String {
    assert!(
        DEFAULT_SCENARIO.contains(from),
        "{from:?} is not in the shipped scenario"
    );
    DEFAULT_SCENARIO.replacen(from, to, 1)
}

/// The plain-text diagnostics for a broken scenario given as bytes.
fn diagnostics_of(bytes: &[u8]) -> String {
    let error = Scenario::from_ron_bytes(bytes, LABEL).expect_err("the edit should break the scenario");
    render_error(&error, Some(&String::from_utf8_lossy(bytes)), &renderer(false))
}

#[test]
fn a_syntax_error_points_at_the_next_token() {
    let text = edited("    rounds: 8,\n", "    rounds: 8\n");
    insta::assert_snapshot!(diagnostics_of(text.as_bytes()));
}

#[test]
fn a_misspelt_field_gets_the_field_meant() {
    let text = edited("us_import_elasticity: -2.0,", "us_import_elasticty: -2.0,");
    let rendered = diagnostics_of(text.as_bytes());
    assert!(
        rendered.contains("help: did you mean `us_import_elasticity`?"),
        "{rendered}"
    );
    insta::assert_snapshot!(rendered);
}

#[test]
fn a_misspelt_id_gets_the_id_meant() {
    let text = edited("sectors: [\"steel\"],", "sectors: [\"stel\"],");
    let rendered = diagnostics_of(text.as_bytes());
    assert!(rendered.contains("help: did you mean \"steel\"?"), "{rendered}");
    insta::assert_snapshot!(rendered);
}

#[test]
fn an_id_unlike_any_gets_no_suggestion() {
    let text = edited("sectors: [\"steel\"],", "sectors: [\"zzzzzzzz\"],");
    let rendered = diagnostics_of(text.as_bytes());
    assert!(rendered.contains("unknown sector \"zzzzzzzz\""), "{rendered}");
    assert!(!rendered.contains("did you mean"), "{rendered}");
}

#[test]
fn an_out_of_range_value_states_the_range() {
    let text = edited("probability: 0.12,", "probability: 1.2,");
    insta::assert_snapshot!(diagnostics_of(text.as_bytes()));
}

#[test]
fn an_implausible_number_states_the_bound() {
    let text = edited("us_exports_bn: 5.4,", "us_exports_bn: 1e308,");
    let rendered = diagnostics_of(text.as_bytes());
    assert!(rendered.contains("from 0 to 10000"), "{rendered}");
    insta::assert_snapshot!(rendered);
}

#[test]
fn a_currency_code_in_lower_case_is_told_to_be_written_in_upper_case() {
    let text = edited("code: \"JPY\"", "code: \"eur\"");
    let rendered = diagnostics_of(text.as_bytes());
    assert!(
        rendered.contains("found \"eur\": write it in upper case, \"EUR\""),
        "{rendered}"
    );
    insta::assert_snapshot!(rendered);
}

#[test]
fn a_threat_planned_for_the_partner_names_the_side_with_its_article() {
    let text = edited(
        r#"(round: 1, act: Implement(lever: "lng_energy", level: 3.5)),"#,
        r#"(round: 1, act: Threaten(instrument: "aftp_blanket", rate: 0.2)),"#,
    );
    let rendered = diagnostics_of(text.as_bytes());
    assert!(
        rendered.contains("only the United States may threaten; this personality plays Japan"),
        "{rendered}"
    );
    insta::assert_snapshot!(rendered);
}

#[test]
fn a_non_finite_number_is_refused() {
    let text = edited("us_import_elasticity: -2.0,", "us_import_elasticity: NaN,");
    insta::assert_snapshot!(diagnostics_of(text.as_bytes()));
}

#[test]
fn invalid_utf8_is_located_at_the_bad_byte() {
    let text = edited("id: \"spring-2025\"", "id: \"spring-2025\u{1}\"");
    let mut bytes = text.into_bytes();
    let at = bytes.iter().position(|&b| b == 1).unwrap();
    bytes[at] = 0xFF;
    let rendered = diagnostics_of(&bytes);
    assert!(rendered.contains("must be UTF-8"), "{rendered}");
    insta::assert_snapshot!(rendered);
}

#[test]
fn a_file_too_large_is_refused_before_parsing() {
    // A fixed size, so the message does not change when the shipped scenario does.
    let text = format!("// {}\n", "x".repeat(1024 * 1024 + 100));
    let error = Scenario::from_ron_str(&text, LABEL).unwrap_err();
    assert!(matches!(error, ScenarioError::TooLarge { .. }), "{error}");
    insta::assert_snapshot!(render_error(&error, None, &renderer(false)));
}

#[test]
fn the_one_line_form_keeps_the_location_path_message_and_help() {
    let text = edited("sectors: [\"steel\"],", "sectors: [\"stel\"],");
    let ScenarioError::Invalid { problems, .. } = Scenario::from_ron_str(&text, LABEL).unwrap_err() else {
        panic!("expected problems");
    };
    let line = problems[0].to_string();
    assert!(!line.contains('\n'), "{line}");
    assert!(
        line.starts_with("207:23: us_instruments[1].sectors[0]: unknown sector \"stel\""),
        "{line}"
    );
    assert!(line.ends_with("; did you mean \"steel\"?"), "{line}");
}

fn tradetable(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tradetable"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// A file named `name` holding `contents`, in a fresh temporary folder that is removed when the folder is dropped.
fn temp_file(name: &str, contents: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::Builder::new()
        .prefix("tradetable-diagnostics-")
        .tempdir()
        .unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    (dir, path)
}

#[test]
fn validate_as_json_reports_every_file_for_editors_and_ci() {
    let (_folder, broken) = temp_file(
        "broken.ron",
        edited("us_import_elasticity: -2.0,", "us_import_elasticty: -2.0,").as_bytes(),
    );
    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios/spring-2025.ron");
    let output = tradetable(&[
        "validate",
        "--format",
        "json",
        shipped.to_str().unwrap(),
        broken.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "one invalid file fails the run");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("stdout is one JSON document");
    assert_eq!(report["ok"], false);
    assert_eq!(report["files"][0]["ok"], true);
    assert_eq!(report["files"][0]["problems"].as_array().map(Vec::len), Some(0));
    let problem = &report["files"][1]["problems"][0];
    assert_eq!(report["files"][1]["ok"], false);
    assert_eq!(
        (problem["line"].as_u64(), problem["column"].as_u64()),
        (Some(43), Some(13))
    );
    assert_eq!(problem["help"], "did you mean `us_import_elasticity`?");
    assert!(problem["message"].as_str().unwrap().contains("us_import_elasticty"));

    let alone = tradetable(&["validate", "--format", "json", shipped.to_str().unwrap()]);
    assert_eq!(alone.status.code(), Some(0), "all valid: exit code 0");
}

#[test]
fn validate_as_text_renders_snippets_when_piped_without_colour() {
    let (_folder, broken) = temp_file(
        "range.ron",
        edited("probability: 0.12,", "probability: 1.2,").as_bytes(),
    );
    let output = tradetable(&["validate", broken.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains('\u{1b}'), "no colour codes when piped: {stderr}");
    assert!(
        stderr.contains("error: expected a value from 0 to 1, found 1.2"),
        "{stderr}"
    );
    assert!(stderr.contains("= note: in `random_events[0].probability`"), "{stderr}");
}

/// A two-issue domain for `negotiate`, with party a's weights replaced.
fn domain_with_weights(weights: &str) -> String {
    format!(
        r#"(
    name: "market",
    issues: [
        (name: "price", values: ["low", "high"]),
        (name: "delivery", values: ["slow", "fast"]),
    ],
    a: (weights: {weights}, values: [[0.0, 1.0], [1.0, 0.0]], reserved_value: 0.2),
    b: (weights: [0.5, 0.5], values: [[1.0, 0.0], [0.0, 1.0]], reserved_value: 0.1),
)"#
    )
}

#[test]
fn negotiate_refuses_weights_whose_sum_overflows_naming_the_file() {
    let (_folder, path) = temp_file("overflow.ron", domain_with_weights("[1e308, 1e308]").as_bytes());
    let output = tradetable(&[
        "negotiate",
        "--domain",
        path.to_str().unwrap(),
        "--a",
        "linear",
        "--b",
        "linear",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains(path.to_str().unwrap()), "{stderr}");
    assert!(stderr.contains("weights sum to inf"), "{stderr}");
}

#[test]
fn negotiate_bounds_its_steps_and_says_so() {
    let (_folder, path) = temp_file("fine.ron", domain_with_weights("[0.5, 0.5]").as_bytes());
    let domain = path.to_str().unwrap();
    let output = tradetable(&[
        "negotiate",
        "--domain",
        domain,
        "--a",
        "hardliner",
        "--b",
        "hardliner",
        "--steps",
        "4294967295",
    ]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "refused by the argument parser, without running"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("1..=100000"), "{stderr}");

    let longest = tradetable(&[
        "negotiate",
        "--domain",
        domain,
        "--a",
        "hardliner",
        "--b",
        "hardliner",
        "--steps",
        "100000",
        "--format",
        "json",
    ]);
    assert_eq!(longest.status.code(), Some(0));
    let trace: serde_json::Value = serde_json::from_slice(&longest.stdout).unwrap();
    assert_eq!(trace["offers"].as_array().map(Vec::len), Some(200_000));
}

#[test]
fn an_empty_or_blank_file_is_located_at_its_first_line() {
    for (name, bytes) in [("empty", &b""[..]), ("blank", &b"  \n\n"[..])] {
        let (_folder, file) = temp_file(&format!("{name}.ron"), bytes);
        let output = tradetable(&["validate", file.to_str().unwrap()]);
        assert!(!output.status.success());
        let text = String::from_utf8_lossy(&output.stdout).to_string() + &String::from_utf8_lossy(&output.stderr);
        assert!(text.contains(&format!("{}:1:1", file.display())), "{name}: {text}");
        assert!(text.contains("the file is empty"), "{name}: {text}");
    }
}
