//! A scenario with another partner (`scenarios/korea-2025.ron`, US–Korea 2025) plays AI-vs-AI through every
//! command, and nothing the program writes about it names Japan, the yen, the Diet, the USJTA or "the July 2025
//! deal": the partner, its currency, its agreement and its real deal all come from the scenario.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/korea-2025.ron")
}

/// A fresh folder under the system's temporary folder, removed when the test ends.
fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("tradetable-any-partner-{name}-"))
        .tempdir()
        .unwrap()
}

fn tradetable(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tradetable"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs a command that must succeed; returns what it wrote to standard output and standard error.
fn run(args: &[&str]) -> String {
    let out = tradetable(args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{args:?} failed:\n{text}");
    text
}

/// Words of the default scenario's table that another partner's output must never contain.
fn assert_names_no_japan(what: &str, text: &str) {
    let lower = text.to_lowercase();
    for word in ["japan", "usjta", "the july 2025 deal", "yen", " diet"] {
        if let Some(at) = lower.find(word) {
            let from = at.saturating_sub(80);
            let to = (at + 80).min(text.len());
            panic!("{what} mentions \"{word}\": …{}…", text.get(from..to).unwrap_or(text));
        }
    }
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn another_partner_plays_every_command_without_a_word_of_japan() {
    let scenario = fixture();
    let scenario = path(&scenario);
    let scratch = temp_dir("commands");
    let dir = scratch.path();

    let validate = run(&["validate", "--lint", "--deny-warnings", "--summary", scenario]);
    assert!(validate.contains("Korea's ideal"), "{validate}");
    assert!(validate.contains("30 July 2025 deal"), "{validate}");
    assert_names_no_japan("validate --summary", &validate);
    assert_names_no_japan(
        "validate --format json --summary",
        &run(&["validate", "--format", "json", "--summary", scenario]),
    );

    let record = dir.join("game.json");
    let simulate = run(&[
        "simulate",
        "--scenario",
        scenario,
        "--us",
        "boulware",
        "--partner",
        "linear",
        "--record",
        path(&record),
    ]);
    assert!(simulate.contains("South Korea: linear"), "{simulate}");
    assert!(simulate.contains("KORUS in force"), "{simulate}");
    assert_names_no_japan("simulate", &simulate);
    assert_names_no_japan("the game record", &std::fs::read_to_string(&record).unwrap());
    assert_eq!(
        run(&["replay", path(&record), "--scenario", scenario]),
        simulate,
        "replay prints what simulate printed"
    );
    let json = run(&[
        "simulate",
        "--scenario",
        scenario,
        "--japan",
        "conceder",
        "--format",
        "json",
    ]);
    assert_names_no_japan("simulate --format json (with the --japan alias)", &json);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(report["outcome"]["scores"]["partner"]["total"].is_number(), "{json}");

    assert_names_no_japan(
        "tournament",
        &run(&[
            "tournament",
            "--scenario",
            scenario,
            "--runs",
            "1",
            "--field",
            "strategies",
        ]),
    );

    let class = dir.join("class");
    run(&[
        "class",
        "new",
        "--scenario",
        scenario,
        "--tables",
        "3",
        "--us",
        "easy",
        "--partner",
        "hard",
        "--out",
        path(&class),
    ]);
    assert_names_no_japan(
        "the class sheet",
        &std::fs::read_to_string(class.join("class-sheet.html")).unwrap(),
    );
    let results = dir.join("results");
    run(&[
        "class",
        "simulate",
        "--class",
        path(&class.join("class.json")),
        "--scenario",
        scenario,
        "--out",
        path(&results),
    ]);
    let page = dir.join("debrief.html");
    let csv = dir.join("scores.csv");
    run(&[
        "debrief",
        path(&results),
        "--scenario",
        scenario,
        "--out",
        path(&page),
        "--csv",
        path(&csv),
    ]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("South Korea"), "the debrief names the partner");
    assert!(html.contains("KORUS"), "the debrief names the agreement");
    assert_names_no_japan("the debrief page", &html);
    assert_names_no_japan("the debrief CSV", &std::fs::read_to_string(&csv).unwrap());
}

#[test]
fn a_partner_without_suspension_is_never_offered_a_move_on_its_agreement() {
    use tradetable_core::{GameState, Move, Side, apply};
    let scenario = tradetable::storage::load_scenario(&fixture()).unwrap();
    let state = GameState::new(&scenario, 7);
    for side in Side::BOTH {
        let available = state.available(&scenario, side);
        assert!(!available.trade_agreement.suspend && !available.trade_agreement.terminate);
    }
    let refused = apply(&scenario, &state, &Move::SuspendTradeAgreement);
    assert!(
        refused.is_err(),
        "suspending an agreement whose suspension is not in play is refused"
    );
    // A whole game: the agreement stays in force whatever the tariffs.
    let played = tradetable_core::ai::play::play_no_deal(&scenario, 7);
    assert!(played.history.iter().all(|r| r.policy.trade_agreement.in_force()));
}

/// A partner whose name takes "the" and whose possessive is "the EU's", whose parliament's name already says whose it
/// is, and which has no trade agreement with the US (`tests/fixtures/eu-2025.ron`): every command names it as a
/// sentence, a heading or a column does, and none reports on an agreement it does not have.
#[test]
fn a_partner_named_with_the_and_without_an_agreement_reads_right_in_every_command() {
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/eu-2025.ron");
    let scenario = path(&scenario);
    let scratch = temp_dir("eu");
    let dir = scratch.path();
    let no_doubled_article = |what: &str, text: &str| {
        assert!(
            !text.to_lowercase().contains("the the "),
            "{what} doubles the article:\n{text}"
        );
    };

    let validate = run(&["validate", "--lint", "--deny-warnings", "--summary", scenario]);
    assert!(
        validate.contains("\nEuropean Union\n"),
        "a heading without its article: {validate}"
    );
    assert!(validate.contains("The EU's ideal"), "{validate}");
    assert!(validate.contains("US imports from the European Union"), "{validate}");
    no_doubled_article("validate --summary", &validate);
    assert_names_no_japan("validate --summary", &validate);

    let record = dir.join("game.json");
    let simulate = run(&["simulate", "--scenario", scenario, "--record", path(&record)]);
    assert!(
        simulate.contains("United States: boulware   European Union: linear"),
        "{simulate}"
    );
    assert!(
        !simulate.contains("agreement in force"),
        "no agreement to report on: {simulate}"
    );
    assert!(
        simulate.contains("\n  US score ") && simulate.contains("\n  EU score "),
        "scores under the sides' proper names: {simulate}"
    );
    assert!(!simulate.contains("eu score"), "{simulate}");
    assert!(
        simulate.contains("worth 30 to the EU,"),
        "the short name keeps its article: {simulate}"
    );
    assert!(!simulate.contains(" to EU,"), "{simulate}");
    no_doubled_article("simulate", &simulate);
    assert_names_no_japan("simulate", &simulate);
    assert_eq!(run(&["replay", path(&record), "--scenario", scenario]), simulate);

    let class = dir.join("class");
    run(&[
        "class",
        "new",
        "--scenario",
        scenario,
        "--tables",
        "2",
        "--out",
        path(&class),
    ]);
    let sheet = std::fs::read_to_string(class.join("class-sheet.html")).unwrap();
    assert!(sheet.contains("for the European Union team only"), "{sheet}");
    no_doubled_article("the class sheet", &sheet);
    let results = dir.join("results");
    run(&[
        "class",
        "simulate",
        "--class",
        path(&class.join("class.json")),
        "--scenario",
        scenario,
        "--out",
        path(&results),
    ]);
    let page = dir.join("debrief.html");
    run(&["debrief", path(&results), "--scenario", scenario, "--out", path(&page)]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("The EU&#39;s levers") || html.contains("The EU's levers"),
        "a heading starts in capitals"
    );
    assert!(
        !html.contains("Trade agreement</th>"),
        "no agreement column without an agreement"
    );
    no_doubled_article("the debrief page", &html);
}

#[test]
fn the_help_does_not_open_on_one_partner() {
    let help = run(&["--help"]);
    let first = help.lines().next().unwrap_or_default();
    assert!(!first.contains("US–Japan"), "{first}");
    assert!(first.contains("any scenario"), "{first}");
}
